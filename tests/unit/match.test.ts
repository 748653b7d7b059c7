// Typed answers judged as a teacher would, on answers taken from the banks (copied here, so a
// rewrite of questions/ does not change what these rules promise).
import { describe, expect, it } from 'vitest'
import { answerKey } from '../../src/game/answer-key.ts'
import { distance, matchTyped, rivalsOf } from '../../src/game/match.ts'
import { grade } from '../../src/game/scoring.ts'
import { compileBanks } from '../../src/questions/compile.ts'
import { questionSchema } from '../../src/questions/schema.ts'

const typed = (answer: string, accept: string[] = [], { reject, rivals = [] }: { reject?: string[]; rivals?: string[] } = {}) => {
  const q = questionSchema.parse({
    id: 'q',
    type: 'typed',
    prompt: 'p',
    explanation: 'x'.repeat(40),
    sources: ['s'],
    difficulty: 1,
    tags: ['t'],
    answer,
    accept,
    reject,
  })
  if (q.type !== 'typed') throw new Error('not typed')
  // What the build adds (compileBanks): the other answers in the banks.
  return { ...q, rivals }
}
const credit = (q: ReturnType<typeof typed>, text: string) => matchTyped(q, text).credit

const twoThirds = typed('two-thirds', ['two thirds', '2/3', 'two-thirds majority', 'a two-thirds majority'])
const workforce = typed('the workforce', ['workforce', 'IOM workforce', 'staff', 'IOM staff'])
const vitorino = typed('António Vitorino', ['Vitorino'])
const sunak = typed('Rishi Sunak', ['Sunak'])

describe('answerKey', () => {
  it('drops a leading article, possessive marks, punctuation and spaces', () => {
    expect(answerKey('an asylum ban')).toBe(answerKey('asylum ban'))
    expect(answerKey('the IOM’s staff')).toBe(answerKey('IOM staff'))
    expect(answerKey("members' votes")).toBe(answerKey('members votes'))
    expect(answerKey('Okonjo-Iweala')).toBe(answerKey('OkonjoIweala'))
  })
  it('reads number words as digits and symbols as words', () => {
    expect(answerKey('two-thirds')).toBe('2/3')
    expect(answerKey('⅔')).toBe('2/3')
    expect(answerKey('sixty-seven per cent')).toBe(answerKey('67%'))
    expect(answerKey('one hundred and five')).toBe('105')
    expect(answerKey('10,000')).toBe(answerKey('ten thousand'))
    expect(answerKey('Trade & migration')).toBe(answerKey('trade and migration'))
  })
  it('keeps separate numbers apart and a lone article whole', () => {
    expect(answerKey('2 3')).not.toBe(answerKey('23'))
    expect(answerKey('2.5')).not.toBe(answerKey('25'))
    expect(answerKey('The')).toBe('the')
  })
})

describe('distance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(distance('vitorino', 'vitroino', 2)).toBe(1)
    expect(distance('vitorino', 'vitorrino', 2)).toBe(1)
    expect(distance('sunak', 'rishisunak', 2)).toBe(3)
  })
})

describe('matchTyped', () => {
  it('ignores a leading article', () => {
    expect(matchTyped(typed('asylum ban'), 'an asylum ban')).toEqual({ credit: 1, matched: 'asylum ban', rule: 'exact after folding' })
    expect(credit(typed('British Refugee Council', ['Refugee Council']), 'the British Refugee Council')).toBe(1)
  })
  it('ignores possessive marks', () => {
    expect(matchTyped(workforce, "IOM's workforce")).toMatchObject({ credit: 1, matched: 'IOM workforce' })
  })
  it('takes digits, words and symbols for the same number', () => {
    for (const text of ['2/3', 'Two thirds.', '⅔', '2/3 majority', 'a 2/3 majority']) expect(credit(twoThirds, text), text).toBe(1)
    const share = typed('67%')
    for (const text of ['67 percent', 'sixty-seven per cent', '67 %']) expect(credit(share, text), text).toBe(1)
  })
  it('forgives one slip in an answer of 6 to 11 letters, two from 12', () => {
    expect(matchTyped(vitorino, 'Vitorrino')).toEqual({
      credit: 1,
      matched: 'Vitorino',
      rule: '1 edit from it, 1 edit allowed at 8 letters',
    })
    expect(credit(vitorino, 'Vitroino')).toBe(1)
    expect(credit(vitorino, 'Vittorrino')).toBe(0)
    expect(credit(typed('Ngozi Okonjo-Iweala', ['Okonjo-Iweala']), 'Okonjo Iwaela')).toBe(1)
    expect(credit(typed('Ngozi Okonjo-Iweala', ['Okonjo-Iweala']), 'Okongo Iwela')).toBe(1)
  })
  it('forgives nothing in a short answer', () => {
    expect(matchTyped(sunak, 'Sunek')).toEqual({ credit: 0, rule: '1 edit from "Sunak": no slips allowed under 6 letters' })
    expect(credit(sunak, 'Rishi Sunek')).toBe(1)
  })
  it('forgives nothing in a number', () => {
    expect(matchTyped(twoThirds, '2/4')).toEqual({ credit: 0, rule: '1 edit from "two-thirds": numbers must match exactly' })
    expect(credit(typed('67%'), '76%')).toBe(0)
  })
  it('refuses a slip at least as near to another answer in the banks', () => {
    // r18-isaacs-administration offers all four administrations as choices.
    const others = ['The Obama administration', 'The Biden administration', 'The Bush administration']
    const trump = typed('The Trump administration', [], { rivals: rivalsOf(typed('The Trump administration'), others) })
    expect(trump.rivals).toContain('The Bush administration')
    expect(credit(trump, 'The Trumb administration')).toBe(1)
    expect(matchTyped(trump, 'The Trush administration')).toEqual({
      credit: 0,
      rule: 'as near to "The Bush administration", another answer in the banks, as to "The Trump administration"',
    })
  })
  it('refuses a near-miss the bank rejects, even within a slip', () => {
    expect(credit(typed('Socialist'), 'Socialism')).toBe(1)
    const socialist = typed('Socialist', ['Socialists'], { reject: ['Socialism'] })
    expect(matchTyped(socialist, 'socialism!')).toEqual({ credit: 0, rule: 'rejected near-miss "Socialism"' })
    expect(grade(socialist, 'Socialism')).toBe(0)
  })
  it('says when nothing is close', () => {
    expect(matchTyped(vitorino, 'Isaacs')).toEqual({ credit: 0, rule: 'no accepted form is within 2 edits' })
  })
})

describe('the bank grammar for typed answers', () => {
  it('refuses a reject entry that is also accepted', () => {
    expect(() => typed('Socialist', ['Socialists'], { reject: ['the socialists'] })).toThrow(/the socialists\W+is also accepted/)
  })
  it('lists, at build, the other answers a slip could be mistaken for', () => {
    const sources = { name: 'questions/sources.yaml', text: '- { id: wire, outlet: Wire, title: A report, date: 2018 }\n' }
    const common =
      'explanation: Isaacs was put forward by the administration then in office.\n    sources: [wire]\n    difficulty: 1\n    tags: [t]'
    const bank = `id: b\ntitle: T\ndescription: D\nquestions:
  - id: choice
    type: single
    prompt: Which?
    choices: [The Trump administration, The Bush administration, Geneva]
    answer: The Trump administration
    ${common}
  - id: typed
    type: typed
    prompt: Which?
    answer: The Trump administration
    ${common}`
    const { banks } = compileBanks(sources, [{ name: 'questions/b.yaml', text: bank }])
    expect(banks[0].questions[1]).toMatchObject({ rivals: ['The Bush administration'] })
    // The build works them out; a bank that writes its own is refused.
    const written = bank.replace(/(type: typed[\s\S]*answer: The Trump administration\n)/, '$1    rivals: [Geneva]\n')
    expect(() => compileBanks(sources, [{ name: 'questions/b.yaml', text: written }])).toThrow(/rivals is worked out by the build/)
  })
})
