// Each content check catches the fault it is for, and leaves alone what is fine.
import { describe, expect, it } from 'vitest'
import { bankSchema, questionSchema } from '../../src/questions/schema.ts'
import { bodyOf, copiedRuns, crowdedMargin, keysNamed, longKeys, numbersIn } from './checks.ts'

const base = { explanation: 'x'.repeat(40), sources: ['s'], difficulty: 1, tags: ['t'] }
const q = (fields: Record<string, unknown>) => questionSchema.parse({ id: 'q', prompt: 'p', ...base, ...fields })
const article =
  'Vitorino, 61, will become the second director general not from the US. IOM has 175 member states ' +
  'and staff in 171 countries. The election by secret ballot is May 15. Women held top jobs only 12 percent ' +
  'of the time; the vote is one of 17 to come, in seven decades.\nWe welcome your comments.\n1 month ago\nIOM has 165 states.'

describe('copiedRuns', () => {
  it('finds eight words in a row from an article, whatever the case and punctuation', () => {
    expect(copiedRuns('IOM — has 175 MEMBER states and staff in 171 places.', [article])).toEqual([
      'iom has 175 member states and staff in 171',
    ])
  })
  it('leaves seven words alone, and merges one long copied passage into one run', () => {
    expect(copiedRuns('Vitorino will become the second director general not.', [article])).toEqual([])
    expect(copiedRuns('The election by secret ballot is May 15. Women held top jobs.', [article])).toEqual([
      'the election by secret ballot is may 15 women held top jobs',
    ])
  })
})

describe('numbersIn', () => {
  it('reads counts and years, and skips days of the month, ordinals and the comments', () => {
    const found = numbersIn(bodyOf(`The 10th head took office in October 2018, from October 1. ${article}`))
    expect(found.filter((n) => n.kind === 'year').map((n) => n.value)).toEqual([2018])
    expect(
      found
        .filter((n) => n.kind === 'count')
        .map((n) => n.value)
        .sort((a, b) => a - b),
    ).toEqual([1, 7, 12, 17, 61, 171, 175])
  })
})

describe('crowdedMargin', () => {
  it('flags a half band that reaches another figure of the articles', () => {
    expect(crowdedMargin(q({ type: 'numeric', answer: 175, margin: 2 }), [article]).map((n) => n.value)).toEqual([171])
    expect(crowdedMargin(q({ type: 'numeric', answer: 12, margin: 3 }), [article]).map((n) => n.value)).toEqual([17, 7])
  })
  it('leaves alone a tight margin, an exact answer, figures of another kind and the comments', () => {
    expect(crowdedMargin(q({ type: 'numeric', answer: 175, margin: 1 }), [article])).toEqual([])
    expect(crowdedMargin(q({ type: 'numeric', answer: 15, margin: 0 }), [article])).toEqual([])
    expect(crowdedMargin(q({ type: 'numeric', answer: 2016, margin: 1 }), ['It has 2,015 staff; it joined in 2020.'])).toEqual([])
    // 165 is only in the reader comments, below the article.
    expect(crowdedMargin(q({ type: 'numeric', answer: 163, margin: 1 }), [article])).toEqual([])
  })
})

describe('longKeys', () => {
  const choices = ['Displaced people in Western Europe after the Second World War', 'Labour migration', 'Climate change']
  it('flags a key far longer than every wrong choice', () => {
    expect(longKeys(q({ type: 'single', choices, answer: choices[0] }))).toEqual([choices[0]])
    expect(longKeys(q({ type: 'multi', choices, answer: [choices[0], choices[1]] }))).toEqual([choices[0]])
  })
  it('leaves keys of comparable length, and short names, alone', () => {
    expect(longKeys(q({ type: 'single', choices, answer: choices[1] }))).toEqual([])
    expect(
      longKeys(q({ type: 'single', choices: ['Mali and South Africa', 'Rwanda and Libya', 'Chad'], answer: 'Mali and South Africa' })),
    ).toEqual([])
  })
})

describe('keysNamed', () => {
  const bank = (description: string, ...questions: unknown[]) => bankSchema.parse({ id: 'b', title: 'B', description, questions })
  const winner = {
    id: 'w',
    type: 'single',
    prompt: 'Who won in 2023?',
    choices: ['Amy Pope', 'António Vitorino'],
    answer: 'Amy Pope',
    ...base,
  }
  const itu = { id: 'i', type: 'typed', prompt: 'Which body?', answer: 'International Telecommunication Union', accept: ['ITU'], ...base }
  const staff = { id: 's', type: 'numeric', prompt: 'Staff?', answer: 19000, ...base }
  it('flags a description that names a key, an accepted acronym or a numeric key', () => {
    expect(keysNamed(bank('How Pope beat her boss.', winner))).toEqual([{ question: 'w', named: 'pope' }])
    expect(keysNamed(bank('Races at the ITU and the WTO.', itu))).toEqual([{ question: 'i', named: 'ITU' }])
    expect(keysNamed(bank('An agency of 19,000 staff.', staff))).toEqual([{ question: 's', named: '19000' }])
    const three = { ...staff, answer: 3 }
    expect(keysNamed(bank('Three candidates, one seat.', three))).toEqual([{ question: 's', named: '3' }])
  })
  it('leaves common words of the subject alone', () => {
    expect(keysNamed(bank('The 2023 race: the candidates, their backers and the vote.', winner, itu, staff))).toEqual([])
  })
})
