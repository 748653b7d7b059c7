// What a live game asks: questions answered by tapping a choice, shown in one order to everyone,
// so the projector's choices, the phones' buttons and the bar chart line up.
import type { AnswerValue, PlanItem } from '../db/schema.ts'
import { optionsOf } from '../game/plan.ts'
import type { Question } from '../questions/schema.ts'

/** A live game asks only what a phone answers with a tap or two: one choice, several, or true/false. */
export const isLiveQuestion = (q: Question) => q.type === 'single' || q.type === 'multi' || q.type === 'truefalse'

/** The options as the class sees them, in the plan's order; the form posts their positions. */
export function shownOptions(q: Question, item: PlanItem): string[] {
  if (q.type === 'truefalse') return ['True', 'False']
  return (item.order ?? []).map((i) => optionsOf(q)[i])
}

/** Which shown options an answer picked. */
export function picked(q: Question, shown: string[], value: AnswerValue): number[] {
  if (q.type === 'truefalse') return [value === true ? 0 : 1]
  const texts = Array.isArray(value) ? value : [value]
  return shown.flatMap((text, i) => (texts.includes(text) ? [i] : []))
}

/** Which shown options the key holds. */
export const keyed = (q: Question, shown: string[]): number[] => picked(q, shown, q.answer as AnswerValue)

/** How many players picked each shown option. */
export function tally(q: Question, shown: string[], responses: AnswerValue[]): number[] {
  const counts = shown.map(() => 0)
  for (const r of responses) for (const i of picked(q, shown, r)) counts[i]++
  return counts
}
