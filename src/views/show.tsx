// Pieces of the show that live games and self-paced classes share: the big screen's title bar, and
// the streak badge a player earns on a run of right answers.
/** The projector's title bar: the class's name, and a Full screen button that the page's script shows where the browser allows it. */
export function ShowBar({ title }: { title: string }) {
  return (
    <div class="show-bar">
      <h1>{title}</h1>
      <button type="button" class="fullscreen" data-fullscreen hidden>
        Full screen
      </button>
    </div>
  )
}

/**
 * A run of right answers, in words as well as the flame. `short`: the flame and the number, the
 * words for screen readers only, where a row must leave a long name its room (the class's board).
 */
export function Streak({ run, short }: { run: number; short?: boolean }) {
  if (run < 2) return null
  return (
    <span class="streak">
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12 2c1 4 5 6 5 11a5 5 0 0 1-10 0c0-2 1-3.5 2-4.5 0 2 1 3 2 3-1-3 0-7 1-9.5z" />
      </svg>
      {run}
      {short ? <span class="visually-hidden"> in a row</span> : ' in a row'}
    </span>
  )
}
