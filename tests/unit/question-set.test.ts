import { describe, expect, it } from 'vitest'
import { applyChange, matching, NO_FILTERS, readFilters, readSet, SET_LIMIT, spread, type Change } from '../../src/game/question-set.ts'
import { banks } from '../../src/questions/registry.ts'
import type { Question } from '../../src/questions/schema.ts'

const all = banks.flatMap((b) => b.questions)
const [a, b, c, d] = all
const ids = (qs: Question[]) => qs.map((q) => q.id)
const change = (set: Question[], to: Change, pool = all) => {
  const done = applyChange(set, to, pool)
  return done.ok ? ids(done.set) : done.message
}

describe('a set read from a list of ids', () => {
  it('keeps the order, and leaves out unknown ids, repeats and all past the limit, saying so', () => {
    expect(readSet([c.id, a.id, b.id])).toEqual({ questions: [c, a, b], problems: [] })
    const read = readSet([a.id, 'gone', b.id, a.id, 'gone-too', ...ids(all.slice(2, SET_LIMIT + 5))])
    expect(ids(read.questions)).toEqual(ids(all.slice(0, SET_LIMIT)))
    expect(read.problems).toEqual([
      '2 questions are not in our banks (withdrawn since, or a mistyped address), so they were left out.',
      'A question was listed more than once; the set holds it once.',
      `A class takes at most ${SET_LIMIT} questions, so the set was cut to the first ${SET_LIMIT}.`,
    ])
  })
})

describe('changes to a set', () => {
  it('adds at the end, removes, moves up and down (the ends stay put), and clears', () => {
    expect(change([a, b], { kind: 'add', id: c.id })).toEqual([a.id, b.id, c.id])
    expect(change([a, b, c], { kind: 'remove', id: b.id })).toEqual([a.id, c.id])
    expect(change([a, b, c], { kind: 'up', id: c.id })).toEqual([a.id, c.id, b.id])
    expect(change([a, b, c], { kind: 'down', id: a.id })).toEqual([b.id, a.id, c.id])
    expect(change([a, b, c], { kind: 'up', id: a.id })).toEqual([a.id, b.id, c.id])
    expect(change([a, b, c], { kind: 'down', id: c.id })).toEqual([a.id, b.id, c.id])
    expect(change([a, b, c], { kind: 'clear' })).toEqual([])
  })

  it('adds N at random from the pool, none already in the set, with the random source given', () => {
    const pool = all.slice(0, 12)
    const first = applyChange([a, d], { kind: 'random', count: '4' }, pool, () => 0)
    const again = applyChange([a, d], { kind: 'random', count: '4' }, pool, () => 0)
    expect(first).toEqual(again)
    const added = first.ok ? first.set.slice(2) : []
    expect(added).toHaveLength(4)
    expect(added.every((q) => pool.includes(q) && q !== a && q !== d)).toBe(true)
    expect(change([a], { kind: 'random', count: String(pool.length - 1) }, pool)).toHaveLength(pool.length)
  })

  it('refuses what cannot be done, each with its reason', () => {
    const full = all.slice(0, SET_LIMIT)
    expect(change([a], { kind: 'add', id: 'nope' })).toMatch(/not in our banks/)
    expect(change([a], { kind: 'add', id: a.id })).toMatch(/in your set already/)
    expect(change(full, { kind: 'add', id: all[SET_LIMIT].id })).toMatch(/already holds 30/)
    for (const kind of ['remove', 'up', 'down'] as const) expect(change([a], { kind, id: b.id })).toMatch(/not in your set/)
    for (const count of ['0', '31', '-1', '2.5', 'ten', '']) expect(change([], { kind: 'random', count })).toMatch(/from 1 to 30/)
    expect(change(all.slice(0, 28), { kind: 'random', count: '3' })).toMatch(/room for 2 more/)
    expect(change([a], { kind: 'random', count: '3' }, [a, b])).toMatch(/Only 1 of the questions these filters find is not in your set/)
    expect(change([a], { kind: 'random', count: '1' }, [a])).toMatch(/Widen the filters/)
  })
})

describe('the spread of a set', () => {
  it('counts every kind and difficulty, zeros too, adding up to the set', () => {
    const set = [...all.filter((q) => q.type === 'numeric').slice(0, 2), all.find((q) => q.type === 'order')!]
    const { types, levels } = spread(set)
    expect(types.map((t) => t.type)).toEqual(['single', 'multi', 'truefalse', 'order', 'typed', 'numeric'])
    expect(Object.fromEntries(types.map((t) => [t.type, t.count]))).toMatchObject({ numeric: 2, order: 1, single: 0 })
    expect(levels.map((l) => l.label)).toEqual(['Easy', 'Medium', 'Hard'])
    expect(levels.reduce((sum, l) => sum + l.count, 0)).toBe(3)
  })
})

describe('filters', () => {
  it('takes the values the form offers, tidies the search, and puts any other back to "any", saying so', () => {
    expect(readFilters({ bank: banks[0].id, type: 'order', level: '2', tag: all[0].tags[0], text: '  two   words ' })).toEqual({
      filters: { bank: banks[0].id, type: 'order', level: '2', tag: all[0].tags[0], text: 'two words' },
      problems: [],
    })
    const forged = readFilters({ bank: 'x', tag: 'x', type: 'x', level: '0', text: 'a\u202eb' })
    expect(forged.filters).toEqual(NO_FILTERS)
    expect(forged.problems).toHaveLength(5)
  })

  it('finds every word of a search at the start of a word, whatever its case or accents', () => {
    const found = matching({ ...NO_FILTERS, text: 'VITÓ' })
    expect(found.length).toBeGreaterThan(0)
    expect(found.every((q) => /vito/i.test(JSON.stringify(q).normalize('NFKD').replace(/\p{M}/gu, '')))).toBe(true)
    expect(matching({ ...NO_FILTERS, text: 'itorino' })).toEqual([]) // inside a word: no
    expect(matching(NO_FILTERS)).toEqual(all)
  })
})
