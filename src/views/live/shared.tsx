// Pieces every screen of a live game shares: the stamp saying which state a screen shows, the
// clock, the count of answers, the words for ranks and players, and the phone's live region.
import { questionAt, type Ranked, type Snapshot } from '../../live/snapshot.ts'

export const ordinal = (n: number) => {
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${suffix}`
}
export const players = (n: number) => `${n} ${n === 1 ? 'player' : 'players'}`
/** A player's name on a shared screen, unless the teacher hid names there. */
export const nameOf = (snap: Snapshot, row: Ranked, i: number) => (snap.klass.hideNames ? `Player ${i + 1}` : row.nickname)
export const questionOf = (snap: Snapshot) => `Question ${snap.state.index + 1} of ${snap.klass.live.plan.length}`

/** The attributes every screen's root carries: which state it shows, and the type of the question on screen (tests and the load run read them). */
export const stamp = (snap: Snapshot) => ({
  'data-phase': snap.state.phase,
  'data-question': String(snap.state.index),
  'data-version': String(snap.state.version),
  'data-opened-at': String(snap.state.openedAt),
  'data-type': questionAt(snap.klass, snap.state.index)?.question.type,
})

const remaining = ({ state, now }: Snapshot) => (state.phase === 'paused' ? state.remainingMs : Math.max(0, state.closesAt - now))

export function Countdown({ snap }: { snap: Snapshot }) {
  const ms = remaining(snap)
  const share = String(Math.round((100 * ms) / (snap.klass.live.seconds * 1000)))
  const paused = snap.state.phase === 'paused'
  return (
    <div class="countdown">
      <p role="timer" aria-live="off">
        {paused ? (
          <strong>Paused</strong>
        ) : (
          <>
            <span data-countdown={String(ms)}>{Math.ceil(ms / 1000)}</span> s left
          </>
        )}
      </p>
      {/* A bar that empties with the clock: SVG animation, no script. The number above says the same. */}
      <svg class="timebar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
        <rect width="100" height="4" class="bar-bg" />
        <rect width={share} height="4" class="bar-fg">
          {!paused && <animate attributeName="width" from={share} to="0" dur={`${ms / 1000}s`} fill="freeze" />}
        </rect>
      </svg>
    </div>
  )
}

export const answeredText = ({ answered, players: n }: Count) => `${answered} of ${players(n)} answered`
/** How many have answered the question in play, of how many players. */
export type Count = Pick<Snapshot, 'answered' | 'players'>

export function AnsweredCount({ snap }: { snap: Snapshot }) {
  return (
    <p class="answered">
      <span id="answered-count">{answeredText(snap)}</span>
    </p>
  )
}

/** The phone's polite live region. htmx fills it (innerHTML) rather than replacing it: screen readers often miss a region inserted with its text. */
export function Announce({ text, oob }: { text: string; oob?: boolean }) {
  return (
    <p id="announce" class="visually-hidden" aria-live="polite" hx-swap-oob={oob ? 'innerHTML' : undefined}>
      {text}
    </p>
  )
}
