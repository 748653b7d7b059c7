// The questions a class (or another round of it) plays and their option orders, from what the
// teacher chose: a set picked by hand, or a number drawn at random from banks. Pure.
import { findBank } from '../questions/registry.ts'
import { drawPlan, planOf } from './plan.ts'
import { banksOf, readSet } from './question-set.ts'

/** What a teacher chose: a set in their order, or banks and how many to draw from them. */
export type QuestionChoice = { questions: string[] } | { banks: string[]; size: number }

/**
 * The plan: a chosen set in the teacher's order (a live game asks it in that order; a self-paced
 * student still gets their own order, as from a drawn set), or a number drawn at random from the
 * banks; and the banks it comes from.
 */
export function planFor(chosen: QuestionChoice) {
  if ('questions' in chosen) {
    const set = readSet(chosen.questions).questions
    return { plan: planOf(set), bankIds: banksOf(set) }
  }
  // The mixed quiz holds every bank's questions: count each question once.
  const pool = [...new Map(chosen.banks.flatMap((id) => findBank(id)!.questions).map((q) => [q.id, q])).values()]
  return { plan: drawPlan(pool, chosen.size), bankIds: chosen.banks }
}
