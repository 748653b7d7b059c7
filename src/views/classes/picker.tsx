import { bankOfQuestion, LEVEL_LABELS, PAGE_SIZE, SET_LIMIT, TAGS, TEXT_MAX, TYPE_LABELS, type Filters } from '../../game/question-set.ts'
import { banks } from '../../questions/registry.ts'
import type { Question } from '../../questions/schema.ts'
import { formatKey } from '../format.ts'
import { OptionMark } from '../option-mark.tsx'
import { renderedOnce } from '../rendered-once.ts'
import { Sources } from '../sources.tsx'
import { kindOf, Spread } from './question-set.tsx'

export type PickerProps = {
  filters: Filters
  /** What the filters find. */
  found: Question[]
  /** The page of them shown (from 1), of how many. */
  page: number
  pages: number
  /** The set so far, in its order. */
  set: Question[]
  /** How many to add at random. */
  count: string
  /** The round form the set goes to, if not a new class. */
  to?: string
  /** What is wrong with the request, each in a sentence; nothing was changed. */
  problems: string[]
  /** What the last change did, for the live region. */
  status?: string
  /** The element to focus after the change (its own button went with the question it removed). */
  focus?: string
}

/** The question browser and the set being built: one GET form, so it works without JavaScript. */
export function PickerPage(props: PickerProps) {
  return (
    <div class="picker-page">
      <PickerForm {...props} />
    </div>
  )
}

/**
 * The form itself, and what htmx swaps (morphed, so focus and scroll stay where they were). The
 * page's heading sits in its first column, so on a wide screen the set's column starts at the top.
 */
export function PickerForm(props: PickerProps) {
  const { set, found, page, pages, to, problems, status, focus } = props
  const shown = found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
  const from = (page - 1) * PAGE_SIZE + 1
  const positions = new Map(set.map((q, i) => [q.id, i + 1]))
  return (
    <form
      id="picker"
      class="picker"
      method="get"
      action="/classes/pick"
      novalidate
      hx-get="/classes/pick"
      hx-swap="outerMorph"
      hx-trigger="submit, change from:#picker-filters, input changed delay:500ms from:#text"
    >
      <div class="picker-columns">
        <section class="picker-browse" aria-labelledby="browse-heading">
          <h1>Choose the questions</h1>
          <p class="lede">
            Browse every question with its answer, explanation and source. Add them one by one, or a number at random from what the filters
            find; put them in order; then open {to ? 'the next round' : 'the class'} with exactly this set.
          </p>
          <p class="notice" role="note">
            <strong>This page shows the answers.</strong> Keep it off the projector while students can see it. Options are listed in the
            bank's order; students see them shuffled.
          </p>
          <p id="picker-status" role="status" class="visually-hidden">
            {status}
          </p>
          {problems.length > 0 && (
            <div class="error-box" role="alert">
              <h2>Please check</h2>
              <ul>
                {problems.map((p) => (
                  <li>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <p class="to-set">
            <a href="#set">
              Your set: {set.length} {set.length === 1 ? 'question' : 'questions'}
            </a>
          </p>
          <h2 id="browse-heading">Every question</h2>
          <FilterFields {...props} />
          <input type="hidden" name="at" value={String(page)} />
          {to && <input type="hidden" name="to" value={to} />}
          <p class="found" id="found" tabindex={-1} autofocus={focus === 'found'}>
            {found.length === 0
              ? 'No question matches these filters.'
              : `${found.length} ${found.length === 1 ? 'question matches' : 'questions match'}${pages > 1 ? `: ${from} to ${from + shown.length - 1} shown` : ''}.`}
          </p>
          <ol class="question-list" start={from} aria-labelledby="browse-heading found">
            {shown.map((q) => (
              <Card q={q} position={positions.get(q.id) ?? 0} />
            ))}
          </ol>
          <Pager page={page} pages={pages} />
        </section>
        <aside class="picker-set" id="set" aria-labelledby="set-heading">
          <SetPanel {...props} />
        </aside>
      </div>
    </form>
  )
}

function FilterFields({ filters, found, count }: PickerProps) {
  return (
    <>
      {/* The first submit button of the form: Enter in the search box filters, it adds nothing. */}
      <fieldset id="picker-filters" class="picker-filters">
        <legend class="visually-hidden">Filters</legend>
        <p class="field search">
          <label for="text">Search the text</label>
          <input id="text" name="text" type="search" maxlength={TEXT_MAX} value={filters.text} placeholder="Vitorino, ballot, 2023…" />
        </p>
        {bankSelect(filters.bank)}
        {tagSelect(filters.tag)}
        {typeSelect(filters.type)}
        {levelSelect(filters.level)}
        <p class="filter-go">
          {/* New filters show their first page. */}
          <button type="submit" name="page" value="1">
            Show questions
          </button>
        </p>
      </fieldset>
      <p class="random-fill">
        <label for="n">Questions to add at random from the {found.length} found</label>
        <span class="random-row">
          <input id="n" name="n" type="number" inputmode="numeric" min={1} max={SET_LIMIT} value={count} />
          <button type="submit" name="random" value="1">
            Add at random
          </button>
        </span>
      </p>
    </>
  )
}

/** Buttons to the other pages of questions: the form goes with them, so the set and the filters stay. */
const Pager = ({ page, pages }: { page: number; pages: number }) => (pages === 1 ? null : pagerAt({ page, pages }))

// The same for every page of the same number of pages: rendered once for each.
const pagerAt = renderedOnce(
  ({ page, pages }: { page: number; pages: number }) => <PagerButtons page={page} pages={pages} />,
  ({ page, pages }) => `${page} of ${pages}`,
)

function PagerButtons({ page, pages }: { page: number; pages: number }) {
  const numbers = Array.from({ length: pages }, (_, i) => i + 1)
  return (
    <nav class="pager" aria-label="Pages of questions">
      <button type="submit" name="page" value={String(page - 1)} disabled={page === 1}>
        ← Previous
      </button>
      <ol>
        {numbers.map((n) => (
          <li>
            <button type="submit" name="page" value={String(n)} aria-current={n === page ? 'page' : undefined}>
              <span class="visually-hidden">Page </span>
              {n}
            </button>
          </li>
        ))}
      </ol>
      <button type="submit" name="page" value={String(page + 1)} disabled={page === pages}>
        Next →
      </button>
    </nav>
  )
}

// Each filter's select is rendered once for each value it can hold (readFilters lets through only
// those): the tags' 107 options and the rest were a third of the elements a change rendered.
const filterSelect = (name: string, label: string, any: string, options: [string, string][]) =>
  renderedOnce((value: string) => <Select name={name} label={label} any={any} value={value} options={options} />)
const bankSelect = filterSelect(
  'bank',
  'Bank',
  'Every bank',
  banks.map((b) => [b.id, b.title]),
)
const tagSelect = filterSelect(
  'tag',
  'Tag',
  'Every tag',
  TAGS.map((t) => [t.tag, `${t.tag.replace(/-/g, ' ')} (${t.count})`]),
)
const typeSelect = filterSelect('type', 'Kind', 'Every kind', Object.entries(TYPE_LABELS))
const levelSelect = filterSelect('level', 'Difficulty', 'Any difficulty', Object.entries(LEVEL_LABELS))

function Select({
  name,
  label,
  any,
  value,
  options,
}: {
  name: string
  label: string
  any: string
  value: string
  options: [string, string][]
}) {
  return (
    <p class="field">
      <label for={name}>{label}</label>
      <select id={name} name={name}>
        <option value="">{any}</option>
        {options.map(([v, text]) => (
          <option value={v} selected={v === value}>
            {text}
          </option>
        ))}
      </select>
    </p>
  )
}

/** One question with everything a teacher needs to judge it, and its button: add, or remove if it is in the set. */
function Card({ q, position }: { q: Question; position: number }) {
  if (position === 0) return unpicked(q)
  return (
    <li class="question-card in-set" id={`q-${q.id}`}>
      {about(q)}
      <p class="card-action">
        <span class="in-set-badge">✓ In your set, number {position}</span>
        <RemoveOrAdd q={q} position={position} />
      </p>
    </li>
  )
}

// What a card says of its question, and a card not in the set, are the same on every page, so they
// are rendered once: rendering a page's twelve cards was about a third of the picker's own CPU time
// (an in-isolate loop: 1.06 ms a page before, 0.75 after; all 152 on one page, 6.6 ms before).
const unpicked = renderedOnce((q: Question) => (
  <li class="question-card" id={`q-${q.id}`}>
    {about(q)}
    <p class="card-action">
      <RemoveOrAdd q={q} position={0} />
    </p>
  </li>
))

const about = renderedOnce((q: Question) => (
  <>
    <p class="prompt" id={`prompt-${q.id}`}>
      {q.prompt}
    </p>
    <p class="meta">
      {bankOfQuestion(q).title} · {kindOf(q)} · tags: {q.tags.map((t) => t.replace(/-/g, ' ')).join(', ')}
    </p>
    <Key q={q} />
    <details>
      <summary>Explanation and source</summary>
      <p>{q.explanation}</p>
      <Sources question={q} />
    </details>
  </>
))

function RemoveOrAdd({ q, position }: { q: Question; position: number }) {
  return (
    <button type="submit" id={`pick-${q.id}`} name={position ? 'remove' : 'add'} value={q.id} aria-describedby={`prompt-${q.id}`}>
      {position ? 'Remove from the set' : 'Add to the set'}
    </button>
  )
}

/** The answer: choices with their marks and the right ones said in words; an ordering in order; a typed or numeric key. */
function Key({ q }: { q: Question }) {
  switch (q.type) {
    case 'single':
    case 'multi':
    case 'truefalse': {
      const options = q.type === 'truefalse' ? ['True', 'False'] : q.choices
      const right = (text: string) => (q.type === 'truefalse' ? (text === 'True') === q.answer : [q.answer].flat().includes(text))
      return (
        <ul class="key-options">
          {options.map((text, i) => (
            <li class={right(text) ? 'is-key' : undefined}>
              <OptionMark i={i} />{' '}
              <span>
                {text}
                {right(text) && <strong class="key-label"> ✓ right answer</strong>}
              </span>
            </li>
          ))}
        </ul>
      )
    }
    case 'order':
      return (
        <div class="key-order">
          <p class="key-text">Right order, first to last:</p>
          <ol>
            {q.answer.map((item) => (
              <li>{item}</li>
            ))}
          </ol>
        </div>
      )
    case 'typed':
      return (
        <p class="key-text">
          Answer: <strong>{q.answer}</strong>
          {q.accept.length > 0 && <> (also accepted: {q.accept.join('; ')})</>}
        </p>
      )
    case 'numeric':
      return (
        <p class="key-text">
          Answer: <strong>{formatKey(q)}</strong>
        </p>
      )
  }
}

/** The set in its order, each question movable and removable; its spread; and the way on to the class. */
function SetPanel({ set, focus }: PickerProps) {
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
