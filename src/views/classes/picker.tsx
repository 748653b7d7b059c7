import { LEVEL_LABELS, PAGE_SIZE, SET_LIMIT, TAGS, TEXT_MAX, TYPE_LABELS, type Filters } from '../../game/question-set.ts'
import { banks } from '../../questions/registry.ts'
import type { Question } from '../../questions/schema.ts'
import { renderedOnce } from '../rendered-once.ts'
import { Card } from './picker-card.tsx'
import { SetPanel } from './picker-set.tsx'

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
