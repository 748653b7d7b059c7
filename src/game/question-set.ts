// A set of questions a teacher builds by hand: the filters that find them, the changes that build
// the set (add, remove, move, fill at random), and what the set holds. Pure: it reads the banks
// compiled into the Worker and nothing else. The set travels in the page's URL and forms, so
// every list of ids that arrives here is checked again.
import { banks } from '../questions/registry.ts'
import type { Bank, Question } from '../questions/schema.ts'
import { shuffle } from './plan.ts'
import { foldAnswer, hasUnprintable } from './text.ts'

/** The most questions a class takes, drawn or chosen (the new-class form's limit too). */
export const SET_LIMIT = 30
/**
 * Questions to a page of the picker: a teacher reads them one by one, and a first visit stays
 * within 30 KB gzipped with the stylesheet and htmx (one page of all 152 had weighed 36 KB alone).
 */
export const PAGE_SIZE = 12
export const TEXT_MAX = 100

/** Each type in a teacher's words, in the order a spread lists them. */
export const TYPE_LABELS: Record<Question['type'], string> = {
  single: 'One answer',
  multi: 'Several answers',
  truefalse: 'True or false',
  order: 'Put in order',
  typed: 'Typed answer',
  numeric: 'Number',
}
export const LEVEL_LABELS: Record<Question['difficulty'], string> = { 1: 'Easy', 2: 'Medium', 3: 'Hard' }
const TYPES = Object.keys(TYPE_LABELS) as Question['type'][]
const LEVELS = [1, 2, 3] as const

const all = banks.flatMap((b) => b.questions)
const byId = new Map(all.map((q) => [q.id, q]))
const bankOf = new Map(banks.flatMap((b) => b.questions.map((q) => [q.id, b] as const)))
/** Every tag with how many questions wear it, by name. */
export const TAGS: { tag: string; count: number }[] = [
  ...all.flatMap((q) => q.tags).reduce((counts, tag) => counts.set(tag, (counts.get(tag) ?? 0) + 1), new Map<string, number>()),
]
  .map(([tag, count]) => ({ tag, count }))
  .sort((a, b) => a.tag.localeCompare(b.tag))
const tagNames = new Set(TAGS.map((t) => t.tag))

export const bankOfQuestion = (q: Question): Bank => bankOf.get(q.id)!

/** What a search reads: the prompt, the options, the key, the explanation and the tags, folded as typed answers are. */
const haystack = new Map(all.map((q) => [q.id, ` ${foldAnswer([q.prompt, ...optionTexts(q), q.explanation, ...q.tags].join(' '))} `]))
function optionTexts(q: Question): string[] {
  switch (q.type) {
    case 'single':
    case 'multi':
      return q.choices
    case 'order':
      return q.answer
    case 'typed':
      return [q.answer, ...q.accept]
    case 'numeric':
      return [String(q.answer)]
    case 'truefalse':
      return []
  }
}

/** The filters as the form sends them, each '' for "any". */
export type Filters = { bank: string; tag: string; type: string; level: string; text: string }
export const NO_FILTERS: Filters = { bank: '', tag: '', type: '', level: '', text: '' }

/** The filters, with any the form never offers put back to "any" and a message for each. */
export function readFilters(raw: Partial<Record<keyof Filters, string>>): { filters: Filters; problems: string[] } {
  const problems: string[] = []
  const one = (value: string | undefined, valid: (v: string) => boolean, message: string) => {
    if (!value || valid(value)) return value ?? ''
    problems.push(message)
    return ''
  }
  const text = (raw.text ?? '').replace(/\s+/g, ' ').trim()
  return {
    filters: {
      bank: one(raw.bank, (v) => banks.some((b) => b.id === v), 'That bank is not one of ours, so every bank is shown.'),
      tag: one(raw.tag, (v) => tagNames.has(v), 'No question has that tag, so every tag is shown.'),
      type: one(raw.type, (v) => v in TYPE_LABELS, 'That is not a kind of question we have, so every kind is shown.'),
      level: one(raw.level, (v) => /^[123]$/.test(v), 'Difficulty is easy, medium or hard, so every difficulty is shown.'),
      text: one(
        text,
        (v) => v.length <= TEXT_MAX && !hasUnprintable(v),
        `Search for up to ${TEXT_MAX} letters, numbers and ordinary punctuation.`,
      ),
    },
    problems,
  }
}

/** The questions the filters find, bank by bank in the banks' own order. A search needs every word it holds. */
export function matching(f: Filters): Question[] {
  const words = foldAnswer(f.text).split(' ').filter(Boolean)
  return all.filter(
    (q) =>
      (!f.bank || bankOf.get(q.id)!.id === f.bank) &&
      (!f.tag || q.tags.includes(f.tag)) &&
      (!f.type || q.type === f.type) &&
      (!f.level || q.difficulty === Number(f.level)) &&
      words.every((w) => haystack.get(q.id)!.includes(` ${w}`)),
  )
}

/**
 * The questions a list of ids names, in its order: unknown ids (a question withdrawn since, or a
 * mistyped address) and repeats left out, cut at SET_LIMIT, with a message for each thing left out.
 */
export function readSet(ids: readonly string[]): { questions: Question[]; problems: string[] } {
  const known = ids.filter((id) => byId.has(id))
  const distinct = [...new Set(known)]
  const problems: string[] = []
  const unknown = ids.length - known.length
  if (unknown === 1) problems.push('One question is not in our banks (withdrawn since, or a mistyped address), so it was left out.')
  if (unknown > 1)
    problems.push(`${unknown} questions are not in our banks (withdrawn since, or a mistyped address), so they were left out.`)
  if (distinct.length < known.length) problems.push('A question was listed more than once; the set holds it once.')
  if (distinct.length > SET_LIMIT)
    problems.push(`A class takes at most ${SET_LIMIT} questions, so the set was cut to the first ${SET_LIMIT}.`)
  return { questions: distinct.slice(0, SET_LIMIT).map((id) => byId.get(id)!), problems }
}

/** One change to a set: what a button on the picker asks for. */
export type Change = { kind: 'add' | 'remove' | 'up' | 'down'; id: string } | { kind: 'random'; count: string } | { kind: 'clear' }

/** The set after a change, or why the change cannot be made. `pool` is what the filters find, for a random fill. */
export function applyChange(
  set: readonly Question[],
  change: Change,
  pool: readonly Question[],
  random = Math.random,
): { ok: true; set: Question[] } | { ok: false; message: string } {
  const ids = set.map((q) => q.id)
  const room = SET_LIMIT - set.length
  const full = `Your set already holds ${SET_LIMIT} questions, the most a class takes. Remove one to add another.`
  if (change.kind === 'clear') return { ok: true, set: [] }
  if (change.kind === 'random') {
    const count = /^\d{1,3}$/.test(change.count) ? Number(change.count) : NaN
    const left = pool.filter((q) => !ids.includes(q.id))
    if (!(count >= 1 && count <= SET_LIMIT)) return { ok: false, message: `Ask for from 1 to ${SET_LIMIT} questions at random.` }
    if (room === 0) return { ok: false, message: full }
    if (count > room) return { ok: false, message: `Your set has room for ${room} more (a class takes at most ${SET_LIMIT}).` }
    if (left.length === 0) return { ok: false, message: 'Every question these filters find is in your set already. Widen the filters.' }
    if (count > left.length)
      return {
        ok: false,
        message: `Only ${left.length} of the questions these filters find ${left.length === 1 ? 'is' : 'are'} not in your set yet: ask for ${left.length}, or widen the filters.`,
      }
    return { ok: true, set: [...set, ...shuffle(left, random).slice(0, count)] }
  }
  const at = ids.indexOf(change.id)
  if (change.kind === 'add') {
    const q = byId.get(change.id)
    if (!q) return { ok: false, message: 'That question is not in our banks (it may have been withdrawn). Nothing was added.' }
    if (at >= 0) return { ok: false, message: 'That question is in your set already.' }
    if (room === 0) return { ok: false, message: full }
    return { ok: true, set: [...set, q] }
  }
  if (at < 0) return { ok: false, message: 'That question is not in your set (it may have been removed already).' }
  const moved = [...set]
  if (change.kind === 'remove') moved.splice(at, 1)
  const to = change.kind === 'up' ? at - 1 : at + 1
  if (change.kind !== 'remove' && to >= 0 && to < moved.length) [moved[at], moved[to]] = [moved[to], moved[at]]
  return { ok: true, set: moved }
}

/** How many questions of each type and difficulty a set holds: every type and level, none left out. */
export function spread(set: readonly Question[]) {
  return {
    types: TYPES.map((type) => ({ type, label: TYPE_LABELS[type], count: set.filter((q) => q.type === type).length })),
    levels: LEVELS.map((level) => ({ level, label: LEVEL_LABELS[level], count: set.filter((q) => q.difficulty === level).length })),
  }
}

/** The banks a set draws on, in the banks' own order. */
export const banksOf = (set: readonly Question[]): string[] => banks.filter((b) => set.some((q) => bankOf.get(q.id) === b)).map((b) => b.id)
