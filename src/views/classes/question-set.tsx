import { LEVEL_LABELS, NO_FILTERS, readSet, spread, TYPE_LABELS, type Filters } from '../../game/question-set.ts'
import type { Question } from '../../questions/schema.ts'

/** The picker's address for a set and filters: the set is the URL, so a page reload or a bookmark keeps it. */
export function pickerUrl({
  set,
  filters = NO_FILTERS,
  count,
  page = 1,
  to,
}: {
  set: readonly Question[]
  filters?: Filters
  count?: string
  page?: number
  /** The form the set goes to, when not a new class's: another round's (see `roundFormOf`). */
  to?: string
}) {
  const query = new URLSearchParams()
  if (to) query.append('to', to)
  for (const [name, value] of Object.entries(filters)) if (value) query.append(name, value)
  if (count) query.append('n', count)
  if (page > 1) query.append('page', String(page))
  for (const q of set) query.append('set', q.id)
  const search = query.toString()
  return search ? `/classes/pick?${search}` : '/classes/pick'
}

/** A teacher's form for another round, the one other place a set may go: the picker redirects to nothing else. */
export const roundFormOf = (to: string | undefined) => (to && /^\/teach\/[A-Za-z0-9_-]{43}\/rounds\/new$/.test(to) ? to : undefined)

/** The kind and difficulty of a question, in a teacher's words. */
export const kindOf = (q: Question) => `${TYPE_LABELS[q.type]} · ${LEVEL_LABELS[q.difficulty]}`

/**
 * How many questions of each difficulty and kind a set holds, in words, every one listed (a zero
 * says something too). The bar repeats the difficulty for the eye, in shades of one hue that read
 * in order, and is hidden from screen readers.
 */
export function Spread({ set }: { set: readonly Question[] }) {
  const { levels, types } = spread(set)
  const starts = levels.map((_, i) => levels.slice(0, i).reduce((sum, l) => sum + l.count, 0))
  return (
    <div class="set-spread">
      <p class="set-spread-title" id="spread-levels">
        Difficulty
      </p>
      <svg
        class="set-spread-bar"
        viewBox={`0 0 ${Math.max(1, set.length)} 1`}
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        {levels.map((l, i) => (
          <rect class={`level-${l.level}`} x={String(starts[i])} width={String(l.count)} height="1" />
        ))}
      </svg>
      <Counts id="spread-levels" rows={levels.map((l) => ({ ...l, swatch: `level-${l.level}` }))} />
      <p class="set-spread-title" id="spread-types">
        Kinds of question
      </p>
      <Counts id="spread-types" rows={types} />
    </div>
  )
}

function Counts({ id, rows }: { id: string; rows: { label: string; count: number; swatch?: string }[] }) {
  return (
    <ul class="set-spread-counts" aria-labelledby={id}>
      {rows.map((row) => (
        <li class={row.count ? undefined : 'none'}>
          {row.swatch && <span class={`swatch ${row.swatch}`} aria-hidden="true"></span>}
          <strong>{row.count}</strong> {row.label.toLowerCase()}
        </li>
      ))}
    </ul>
  )
}

/**
 * The new-class (or next round's) form's questions when the teacher chose them in the picker: the
 * set as hidden fields in their order, its spread, and the way back to change it. `to`: the round
 * form's address, when it is that form.
 */
export function ChosenSet({ ids, error, to }: { ids: readonly string[]; error?: string; to?: string }) {
  const set = readSet(ids).questions
  return (
    <fieldset class="chosen-set" aria-describedby={error ? 'questions-error' : undefined}>
      <legend>Questions: your set of {set.length}</legend>
      {set.map((q) => (
        <input type="hidden" name="questions" value={q.id} />
      ))}
      {error && (
        <p id="questions-error" class="error" role="alert">
          {error}
        </p>
      )}
      {set.length > 0 && (
        <>
          <Spread set={set} />
          <details>
            <summary>The {set.length} questions in order</summary>
            <ol class="chosen-list">
              {set.map((q) => (
                <li>
                  {q.prompt} <span class="meta">({kindOf(q)})</span>
                </li>
              ))}
            </ol>
          </details>
          <p class="hint">
            A live game asks them in this order. Self-paced, each student gets them in an order of their own, so neighbours cannot copy.
          </p>
        </>
      )}
      <p>
        <a href={pickerUrl({ set, to })}>{set.length ? 'Change the questions' : 'Choose the questions'}</a> ·{' '}
        <a href={to ?? '/classes/new'}>Draw them at random from banks instead</a>
      </p>
    </fieldset>
  )
}
