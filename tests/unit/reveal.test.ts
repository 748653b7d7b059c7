import { describe, expect, it } from 'vitest'
import { reveal } from '../../src/live/questions.ts'
import { banks } from '../../src/questions/registry.ts'
import type { Question } from '../../src/questions/schema.ts'

const first = <T extends Question['type']>(type: T) =>
  banks.flatMap((b) => b.questions).find((q) => q.type === type) as Extract<Question, { type: T }>
const given = (response: unknown, credit = 0) => ({ response: response as never, credit })

describe('how the class answered, at a reveal', () => {
  it('counts each option of a choice, and marks the key', () => {
    const q = first('single')
    const shown = [...q.choices].reverse()
    const r = reveal(q, shown, [given(q.answer, 1), given(q.answer, 1), given(shown.find((c) => c !== q.answer))])
    if (r.kind !== 'choices') throw new Error(r.kind)
    expect(r.counts.reduce((a, b) => a + b, 0)).toBe(3)
    expect(r.keyed).toEqual([shown.indexOf(q.answer)])
    expect(r.counts[shown.indexOf(q.answer)]).toBe(2)
  })

  it('groups typed answers as the grader reads them, the commonest first under their commonest spelling, and withholds what the word filter refuses', () => {
    const q = first('typed')
    const r = reveal(
      q,
      [],
      [given('nope'), given(q.answer, 1), given(q.answer.toUpperCase(), 1), given(` ${q.answer}!`, 1), given('f u c k')],
    )
    if (r.kind !== 'typed') throw new Error(r.kind)
    expect(r.right).toBe(3)
    expect(r.top[0]).toEqual({ text: q.answer, count: 3, accepted: true })
    expect(r.top).toContainEqual({ text: 'nope', count: 1, accepted: false })
    expect(r.top).toContainEqual({ text: null, count: 1, accepted: false })
  })

  it('lists number guesses closest to the key first', () => {
    const q = first('numeric')
    const r = reveal(q, [], [given(q.answer + 100), given(q.answer - 1), given(q.answer, 1)])
    expect(r).toEqual({ kind: 'numeric', guesses: [q.answer, q.answer - 1, q.answer + 100], margin: q.margin })
  })

  it('counts, for each place of an ordering, who put its item there, and who had the whole order', () => {
    const q = first('order')
    const swapped = [q.answer[1], q.answer[0], ...q.answer.slice(2)]
    const r = reveal(q, q.answer, [given(q.answer, 1), given(swapped)])
    expect(r).toEqual({ kind: 'order', right: 1, byPosition: [1, 1, ...q.answer.slice(2).map(() => 2)] })
  })
})
