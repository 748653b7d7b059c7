// What a live game asks, of every type, shown in one order to everyone (so the projector's
// letters, the phones' buttons and the chart line up), and how the class answered it: the
// figures the projector shows at the reveal. Pure.
import type { AnswerValue, PlanItem } from '../db/schema.ts'
import { answerKey } from '../game/answer-key.ts'
import { optionsOf } from '../game/plan.ts'
import { isOffensive } from '../game/word-filter.ts'
import type { Question } from '../questions/schema.ts'

/** The options as the class sees them, in the plan's order (none for a typed or numeric answer); forms post their positions. */
export function shownOptions(q: Question, item: PlanItem): string[] {
  switch (q.type) {
    case 'truefalse':
      return ['True', 'False']
    case 'single':
    case 'multi':
    case 'order':
      return (item.order ?? []).map((i) => optionsOf(q)[i])
    case 'typed':
    case 'numeric':
      return []
  }
}

/** Which shown options a choice answer picked. */
export function picked(q: Question, shown: string[], value: AnswerValue): number[] {
  if (q.type === 'truefalse') return [value === true ? 0 : 1]
  const texts = [value].flat()
  return shown.flatMap((text, i) => (texts.includes(text) ? [i] : []))
}

/** What the projector shows at a reveal, for each kind of question. */
export type Reveal =
  /** Each shown option: how many picked it, and whether the key holds it. */
  | { kind: 'choices'; counts: number[]; keyed: number[] }
  /** The most common answers typed, grouped as the grader reads them, the accepted ones marked; null text: the word filter withheld it. */
  | { kind: 'typed'; right: number; top: { text: string | null; count: number; accepted: boolean }[] }
  /** Every guess, closest to the key first; full points within `margin`, half within twice it. */
  | { kind: 'numeric'; guesses: number[]; margin: number }
  /** How many put everything right, and for each position how many put its item there. */
  | { kind: 'order'; right: number; byPosition: number[] }

export const TYPED_SHOWN = 5

/** The class's answers to a question, as the reveal shows them. */
export function reveal(q: Question, shown: string[], answers: { response: AnswerValue; credit: number }[]): Reveal {
  const right = answers.filter((a) => a.credit === 1).length
  switch (q.type) {
    case 'single':
    case 'multi':
    case 'truefalse': {
      const counts = shown.map(() => 0)
      for (const a of answers) for (const i of picked(q, shown, a.response)) counts[i]++
      return { kind: 'choices', counts, keyed: picked(q, shown, q.answer) }
    }
    case 'typed': {
      const groups = new Map<string, { forms: Map<string, number>; count: number; accepted: boolean }>()
      for (const a of answers) {
        const text = String(a.response).trim()
        const key = answerKey(text)
        const group = groups.get(key) ?? { forms: new Map(), count: 0, accepted: a.credit === 1 }
        group.count++
        group.forms.set(text, (group.forms.get(text) ?? 0) + 1)
        groups.set(key, group)
      }
      // Each group under the spelling most of its students typed.
      const top = [...groups.values()]
        .sort((a, b) => b.count - a.count)
        .slice(0, TYPED_SHOWN)
        .map((g) => {
          const text = [...g.forms].sort((a, b) => b[1] - a[1])[0][0]
          // The projector is read by the whole room: what students type passes the nicknames' word filter first.
          return { text: isOffensive(text) ? null : text, count: g.count, accepted: g.accepted }
        })
      return { kind: 'typed', right, top }
    }
    case 'numeric': {
      const guesses = answers.map((a) => Number(a.response)).sort((a, b) => Math.abs(a - q.answer) - Math.abs(b - q.answer) || a - b)
      return { kind: 'numeric', guesses, margin: q.margin }
    }
    case 'order': {
      const byPosition = q.answer.map((item, i) => answers.filter((a) => [a.response].flat()[i] === item).length)
      return { kind: 'order', right, byPosition }
    }
  }
}
