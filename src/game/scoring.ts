import type { Answer, AnswerValue, Scoring } from '../db/schema.ts'
import type { Question } from '../questions/schema.ts'
import { matchTyped } from './match.ts'
import { optionsOf } from './plan.ts'

export const BASE_POINTS = 1000
/** A fifth of the base at most, so accuracy always outweighs speed. */
export const MAX_SPEED_BONUS = 200
/** The bonus shrinks to nothing over this time; a slower answer still earns the full base. */
export const SPEED_WINDOW_MS = 30_000

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x))
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/** How right an answer is, from 0 to 1. Only a numeric estimate earns part credit. */
export function grade(q: Question, value: AnswerValue): number {
  switch (q.type) {
    case 'single':
      return value === q.answer ? 1 : 0
    case 'multi':
      return Array.isArray(value) && sameSet(value, q.answer) ? 1 : 0
    case 'truefalse':
      return value === q.answer ? 1 : 0
    case 'order':
      return Array.isArray(value) && sameList(value, q.answer) ? 1 : 0
    case 'typed':
      return matchTyped(q, String(value)).credit
    case 'numeric': {
      const off = Math.abs(Number(value) - q.answer)
      if (off <= q.margin) return 1
      return off <= 2 * q.margin ? 0.5 : 0
    }
  }
}

/**
 * How long the speed bonus lasts: `windowMs` (30 s for a self-paced question; a live question's
 * own time), twice that for a student given extra time, and nothing where a class scores accuracy
 * alone (or untimed: no bonus, and time does not break ties).
 */
export function speedWindow(scoring: Scoring = 'speed', extraTime = false, windowMs = SPEED_WINDOW_MS): number {
  if (scoring !== 'speed') return 0
  return extraTime ? 2 * windowMs : windowMs
}

export function points(credit: number, timeMs: number, window = SPEED_WINDOW_MS): number {
  const speed = window > 0 ? Math.max(0, 1 - Math.max(0, timeMs) / window) : 0
  return Math.round(credit * (BASE_POINTS + MAX_SPEED_BONUS * speed))
}

/**
 * The least time anyone needs to read a question and its options before answering: 120 ms a
 * word, the pace of a fast reader skimming at 500 words a minute, and never under a second (to
 * see the screen and tap). A 20-word question needs 2.4 s. An answer sooner than this earns no
 * speed bonus (a script can be fast; a reader cannot), and the teacher sees it counted.
 */
export const READING_MS_PER_WORD = 120
export const MIN_READING_MS = 1000

export function readingFloor(q: Question): number {
  const shown = q.type === 'truefalse' ? ['True', 'False'] : optionsOf(q)
  const words = [q.prompt, ...shown].join(' ').split(/\s+/).filter(Boolean).length
  return Math.max(MIN_READING_MS, words * READING_MS_PER_WORD)
}

/** Where and when an answer was given, by the server's clock; `window` is its speed window. */
export type Given = { attemptId: string; position: number; timeMs: number; window: number; answeredAt: number }

/** An answer graded and scored: self-paced and live play both make their answers here. */
export function scoreAnswer(q: Question, value: AnswerValue, { attemptId, position, timeMs, window, answeredAt }: Given): Answer {
  const credit = grade(q, value)
  const tooFast = timeMs < readingFloor(q)
  const earned = points(credit, timeMs, tooFast ? 0 : window)
  return { attemptId, position, questionId: q.id, response: value, credit, timeMs, points: earned, answeredAt, tooFast }
}

/**
 * A player's run of right answers as it stands after question `index`, from the attempt's
 * `streak` and `streakEnd` (kept by the database's totals trigger): a run that ended at an
 * earlier question was broken by a miss or a question left unanswered.
 */
export const streakAt = (row: { streak: number; streakEnd: number }, index: number) => (row.streakEnd === index ? row.streak : 0)
