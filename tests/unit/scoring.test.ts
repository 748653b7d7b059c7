import { describe, expect, it } from 'vitest'
import { BASE_POINTS, grade, MAX_SPEED_BONUS, points, readingFloor, scoreAnswer, SPEED_WINDOW_MS } from '../../src/game/scoring.ts'
import { banks } from '../../src/questions/registry.ts'
import { questionSchema, type Question } from '../../src/questions/schema.ts'

const base = { explanation: 'x'.repeat(40), sources: ['s'], difficulty: 1, tags: ['t'] }
const q = (fields: Record<string, unknown>): Question => questionSchema.parse({ id: 'q', prompt: 'p', ...base, ...fields })

describe('grade', () => {
  it('keys a single choice to its text', () => {
    const single = q({ type: 'single', choices: ['A', 'B'], answer: 'B' })
    expect(grade(single, 'B')).toBe(1)
    expect(grade(single, 'A')).toBe(0)
  })
  it('wants exactly the right set for select-all-that-apply', () => {
    const multi = q({ type: 'multi', choices: ['A', 'B', 'C'], answer: ['A', 'C'] })
    expect(grade(multi, ['C', 'A'])).toBe(1)
    expect(grade(multi, ['A'])).toBe(0)
    expect(grade(multi, ['A', 'B', 'C'])).toBe(0)
  })
  it('compares true/false as booleans', () => {
    expect(grade(q({ type: 'truefalse', answer: false }), false)).toBe(1)
    expect(grade(q({ type: 'truefalse', answer: false }), true)).toBe(0)
  })
  it('wants the exact order', () => {
    const order = q({
      type: 'order',
      prompt: 'Put these years in order, earliest first.',
      first: 'earliest',
      answer: ['1951', '2018', '2023'],
    })
    expect(grade(order, ['1951', '2018', '2023'])).toBe(1)
    expect(grade(order, ['2018', '1951', '2023'])).toBe(0)
  })
  it('matches typed answers without case, accents or extra spacing', () => {
    const typed = q({ type: 'typed', answer: 'António Vitorino', accept: ['Vitorino'] })
    for (const ok of ['António Vitorino', 'antonio vitorino', '  VITORINO ', 'Antonio  Vitorino.']) expect(grade(typed, ok)).toBe(1)
    expect(grade(typed, 'Isaacs')).toBe(0)
  })
  it('gives full points within the margin and half nearer than twice it', () => {
    const numeric = q({ type: 'numeric', answer: 100, margin: 10 })
    expect(grade(numeric, 110)).toBe(1)
    expect(grade(numeric, 85)).toBe(0.5)
    expect(grade(numeric, 120)).toBe(0.5)
    expect(grade(numeric, 121)).toBe(0)
    expect(grade(q({ type: 'numeric', answer: 1951 }), 1952)).toBe(0)
  })
})

describe('points', () => {
  it('adds at most a fifth of the base for speed', () => {
    expect(MAX_SPEED_BONUS).toBeLessThanOrEqual(BASE_POINTS / 5)
    expect(points(1, 0)).toBe(BASE_POINTS + MAX_SPEED_BONUS)
  })
  it('never takes the base away from a slow reader', () => {
    expect(points(1, SPEED_WINDOW_MS * 10)).toBe(BASE_POINTS)
  })
  it('rewards a quicker right answer more, and a wrong one not at all', () => {
    expect(points(1, 5_000)).toBeGreaterThan(points(1, 20_000))
    expect(points(0, 0)).toBe(0)
    expect(points(0.5, SPEED_WINDOW_MS)).toBe(BASE_POINTS / 2)
  })
})

describe('the reading floor', () => {
  const question = banks.flatMap((b) => b.questions).find((q) => q.type === 'single')!
  const words = [question.prompt, ...(question.type === 'single' ? question.choices : [])].join(' ').split(/\s+/).length
  const given = { attemptId: 'a', position: 0, window: 30_000, answeredAt: 1 }

  it('is 120 ms a word of the question and its options, and never under a second', () => {
    expect(readingFloor(question)).toBe(Math.max(1000, words * 120))
  })

  it('pays the base but no speed bonus below it, and counts the answer as too fast', () => {
    const right = question.type === 'single' ? question.answer : ''
    const floor = readingFloor(question)
    expect(scoreAnswer(question, right, { ...given, timeMs: 40 })).toMatchObject({ points: 1000, credit: 1, tooFast: true })
    const read = scoreAnswer(question, right, { ...given, timeMs: floor })
    expect(read.tooFast).toBe(false)
    expect(read.points).toBeGreaterThan(1000)
  })
})
