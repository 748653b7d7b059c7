import { describe, expect, it } from 'vitest'
import { readAnswer } from '../../src/game/response.ts'
import { questionSchema, type Question } from '../../src/questions/schema.ts'

const base = { explanation: 'x'.repeat(40), sources: ['s'], difficulty: 1, tags: ['t'] }
const q = (fields: Record<string, unknown>): Question => questionSchema.parse({ id: 'q', prompt: 'p', ...base, ...fields })
const single = q({ type: 'single', choices: ['A', 'B', 'C'], answer: 'A' })
const multi = q({ type: 'multi', choices: ['A', 'B', 'C'], answer: ['A', 'B'] })
const order = q({ type: 'order', prompt: 'p, earliest first', first: 'earliest', answer: ['first', 'second', 'third'] })

describe('readAnswer', () => {
  it('maps screen positions back to option texts', () => {
    expect(readAnswer(single, [2, 0, 1], { choice: '0' })).toEqual({ ok: true, value: 'C' })
    expect(readAnswer(multi, [2, 0, 1], { choice: ['1', '2'] })).toEqual({ ok: true, value: ['A', 'B'] })
  })
  it('reads places into an order', () => {
    // shown: third, first, second
    const form = { 'place-0': '3', 'place-1': '1', 'place-2': '2' }
    expect(readAnswer(order, [2, 0, 1], form)).toEqual({ ok: true, value: ['first', 'second', 'third'] })
  })
  it('asks again (422) for a missing answer', () => {
    expect(readAnswer(single, [0, 1, 2], {})).toMatchObject({ ok: false, status: 422 })
    expect(readAnswer(multi, [0, 1, 2], {})).toMatchObject({ ok: false, status: 422 })
    expect(readAnswer(order, [2, 0, 1], { 'place-0': '1', 'place-1': '1', 'place-2': '2' })).toMatchObject({ status: 422 })
    expect(readAnswer(q({ type: 'typed', answer: 'x' }), undefined, { text: '   ' })).toMatchObject({ status: 422 })
    expect(readAnswer(q({ type: 'typed', answer: 'x' }), undefined, { text: 'x'.repeat(201) })).toMatchObject({ status: 422 })
    expect(readAnswer(q({ type: 'numeric', answer: 1 }), undefined, { number: 'about ten' })).toMatchObject({ status: 422 })
  })
  it('refuses (400) a choice that is not offered', () => {
    for (const choice of ['3', '-1', 'A', '0.5', '99']) expect(readAnswer(single, [0, 1, 2], { choice })).toMatchObject({ status: 400 })
    expect(readAnswer(single, [0, 1, 2], { choice: ['0', '1'] })).toMatchObject({ status: 400 })
    expect(readAnswer(multi, [0, 1, 2], { choice: ['0', '0'] })).toMatchObject({ status: 400 })
    expect(readAnswer(order, [2, 0, 1], { 'place-0': '4', 'place-1': '1', 'place-2': '2' })).toMatchObject({ status: 400 })
    expect(readAnswer(q({ type: 'truefalse', answer: true }), undefined, { choice: 'maybe' })).toMatchObject({ status: 400 })
  })
  it('reads numbers written with thousands separators', () => {
    expect(readAnswer(q({ type: 'numeric', answer: 1 }), undefined, { number: '19,000' })).toEqual({ ok: true, value: 19000 })
  })
})
