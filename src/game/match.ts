// Judges a typed answer as a teacher would: the same words however written, and a slip of the
// keyboard in a long answer, but never a different answer. Pure and small: the Worker runs it on
// every typed answer, and check:answer prints its reasons for authors.
import { answerKey } from './answer-key.ts'

export type TypedForms = { answer: string; accept: string[]; reject: string[]; rivals: string[] }
export type Verdict = { credit: 0 | 1; rule: string; matched?: string }

/** Keyboard slips forgiven: none under 6 letters or with a digit, 1 from 6, 2 from 12. */
export function allowance(key: string): number {
  if (/\d/.test(key)) return 0
  return key.length >= 12 ? 2 : key.length >= 6 ? 1 : 0
}

/** Edits from a to b (insert, delete, replace, or swap two neighbours), capped at max + 1. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let before: number[] = []
  let above = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(above[j] + 1, row[j - 1] + 1, above[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1)
    }
    ;[before, above] = [above, row]
  }
  return Math.min(above[b.length], max + 1)
}

const edits = (n: number) => (n === 1 ? '1 edit' : `${n} edits`)

/** The credit a typed answer earns, the accepted form it matched and the rule that decided. */
export function matchTyped(q: TypedForms, text: string): Verdict {
  const typed = answerKey(text)
  const rejected = q.reject.find((r) => answerKey(r) === typed)
  if (rejected !== undefined) return { credit: 0, rule: `rejected near-miss "${rejected}"` }
  const forms = [q.answer, ...q.accept].map((form) => ({ form, key: answerKey(form) }))
  const exact = forms.find((f) => f.key === typed)
  if (exact) return { credit: 1, matched: exact.form, rule: 'exact after folding' }

  const scored = forms
    .map((f) => ({ ...f, d: distance(typed, f.key, 2), max: /\d/.test(typed) ? 0 : allowance(f.key) }))
    .sort((a, b) => a.d - b.d)
  const near = scored.find((f) => f.d <= f.max)
  if (!near) {
    const { form, key, d, max } = scored[0]
    if (d > 2) return { credit: 0, rule: 'no accepted form is within 2 edits' }
    const why = /\d/.test(typed + key)
      ? 'numbers must match exactly'
      : max === 0
        ? 'no slips allowed under 6 letters'
        : `${edits(max)} allowed at ${key.length} letters`
    return { credit: 0, rule: `${edits(d)} from "${form}": ${why}` }
  }
  const rival = q.rivals.find((r) => distance(typed, answerKey(r), near.d) <= near.d)
  if (rival !== undefined) return { credit: 0, rule: `as near to "${rival}", another answer in the banks, as to "${near.form}"` }
  return { credit: 1, matched: near.form, rule: `${edits(near.d)} from it, ${edits(near.max)} allowed at ${near.key.length} letters` }
}

/**
 * The other answers in the banks that a typo of q could be mistaken for: computed once, at build.
 * A text refused for a rival is within d ≤ allowance of both it and q's form. Levenshtein
 * counts a swap as 2 and obeys the triangle inequality, so the two are within 4d of each other.
 */
export function rivalsOf(q: Omit<TypedForms, 'rivals'>, others: string[]): string[] {
  const own = new Set([q.answer, ...q.accept].map(answerKey))
  const found = new Map<string, string>()
  for (const other of others) {
    const key = answerKey(other)
    if (own.has(key) || found.has(key)) continue
    if ([...own].some((k) => allowance(k) > 0 && distance(k, key, 4 * allowance(k)) <= 4 * allowance(k))) found.set(key, other)
  }
  return [...found.values()]
}
