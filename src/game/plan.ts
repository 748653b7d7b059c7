import type { PlanItem } from '../db/schema.ts'
import type { Question } from '../questions/schema.ts'

export const DEFAULT_QUIZ_SIZE = 10

/** The options a question shows, in the bank's order; plan orders index into this. */
export function optionsOf(q: Question): string[] {
  switch (q.type) {
    case 'single':
    case 'multi':
      return q.choices
    case 'order':
      return q.answer
    case 'truefalse':
    case 'typed':
    case 'numeric':
      return []
  }
}

export function shuffle<T>(items: readonly T[], random = Math.random): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i)
const isIdentity = (order: number[]) => order.every((v, i) => v === i)

/** Draws an attempt's questions and option orders once, so a reload shows the same quiz. */
export function drawPlan(questions: readonly Question[], size = DEFAULT_QUIZ_SIZE, random = Math.random): PlanItem[] {
  return planOf(shuffle(questions, random).slice(0, size), random)
}

/** The questions in the order given, each with its options shuffled: a set a teacher chose and ordered. */
export function planOf(questions: readonly Question[], random = Math.random): PlanItem[] {
  return questions.map((q) => {
    const n = optionsOf(q).length
    if (n === 0) return { q: q.id }
    let order = shuffle(range(n), random)
    // An ordering question shown already in order would answer itself.
    while (q.type === 'order' && isIdentity(order)) order = shuffle(range(n), random)
    return { q: q.id, order }
  })
}
