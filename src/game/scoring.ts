import type { AnswerValue, Scoring } from '../db/schema.ts'
import type { Question } from '../questions/schema.ts'
import { matchTyped } from './match.ts'

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
 * How long the speed bonus lasts. Classes may score accuracy alone (or untimed: no bonus,
 * and time does not break ties); a student given extra time gets twice the window.
 */
export function speedWindow(scoring: Scoring = 'speed', extraTime = false): number {
  if (scoring !== 'speed') return 0
  return extraTime ? 2 * SPEED_WINDOW_MS : SPEED_WINDOW_MS
}

export function points(credit: number, timeMs: number, window = SPEED_WINDOW_MS): number {
  const speed = window > 0 ? Math.max(0, 1 - Math.max(0, timeMs) / window) : 0
  return Math.round(credit * (BASE_POINTS + MAX_SPEED_BONUS * speed))
}
