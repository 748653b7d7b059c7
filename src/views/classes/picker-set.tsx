// The set being built, beside the questions: each in its order, movable and removable, its spread,
// and the way on to the class or the round.
import { SET_LIMIT } from '../../game/question-set.ts'
import type { Question } from '../../questions/schema.ts'
import { renderedOnce } from '../rendered-once.ts'
import { kindOf, Spread } from './question-set.tsx'

/** The set in its order, each question movable and removable; its spread; and the way on to the class. */
export function SetPanel({ set, focus }: { set: Question[]; focus?: string }) {
  const last = set.length - 1
  return (
    <>
      <h2 id="set-heading" tabindex={-1} autofocus={focus === 'set-heading'}>
        Your set: {set.length} of at most {SET_LIMIT}
      </h2>
      <p class="hint set-order">In this order for a live game; self-paced, each student gets their own order.</p>
      {set.map(setField)}
      {set.length === 0 ? (
        <p class="hint">Nothing yet. Add questions one by one, or a number at random from what the filters find.</p>
      ) : (
        <ol class="set-list">
          {set.map((q, i) => (
            <li id={`set-${q.id}`}>
              <span class="set-num">{i + 1}.</span>
              {setEntry({ q, first: i === 0, last: i === last, focused: focus === `drop-${q.id}` })}
            </li>
          ))}
        </ol>
      )}
      <Spread set={set} />
      <p class="set-go">
        <button type="submit" name="use" value="1" class="primary">
          {set.length === 0 ? 'Use the set' : set.length === 1 ? 'Use this question' : `Use these ${set.length} questions`}
        </button>{' '}
        <button type="submit" name="clear" value="1">
          Clear the set
        </button>
      </p>
    </>
  )
}

// A question in the set reads the same wherever it stands, but for its number, at either end of the
// list, and when focus comes to its button: rendered once for each of those (at most eight a
// question). Thirteen entries of fourteen elements were over half of what a change rendered.
const setField = renderedOnce((q: Question) => <input type="hidden" name="set" value={q.id} />)

type SetEntryProps = { q: Question; first: boolean; last: boolean; focused: boolean }
const setEntry = renderedOnce(
  (props: SetEntryProps) => <SetEntry {...props} />,
  ({ q, first, last, focused }) => `${q.id} ${first} ${last} ${focused}`,
)

function SetEntry({ q, first, last, focused }: SetEntryProps) {
  return (
    <>
      <span class="set-prompt" id={`set-prompt-${q.id}`}>
        {q.prompt}
      </span>
      <span class="meta">{kindOf(q)}</span>
      <span class="set-actions">
        <Move id={q.id} name="up" label="Move up" icon="↑" edge={first} />
        <Move id={q.id} name="down" label="Move down" icon="↓" edge={last} />
        <button type="submit" name="drop" value={q.id} id={`drop-${q.id}`} aria-describedby={`set-prompt-${q.id}`} autofocus={focused}>
          <span aria-hidden="true">✕</span>
          <span class="visually-hidden">Remove</span>
        </button>
      </span>
    </>
  )
}

/** Up or down; at the end of the list it stays focusable and does nothing, so focus never falls off a vanished button. */
function Move({ id, name, label, icon, edge }: { id: string; name: string; label: string; icon: string; edge: boolean }) {
  return (
    <button
      type="submit"
      name={name}
      value={id}
      id={`${name}-${id}`}
      aria-describedby={`set-prompt-${id}`}
      aria-disabled={edge ? 'true' : undefined}
    >
      <span aria-hidden="true">{icon}</span>
      <span class="visually-hidden">{label}</span>
    </button>
  )
}
