import { describe, expect, it } from 'vitest'
import { BankError, compileBanks } from '../../src/questions/compile.ts'

const sources = { name: 'questions/sources.yaml', text: '- { id: wire, outlet: Wire, title: A report, date: 2018 }\n' }
const question = `
  - id: q-one
    type: single
    prompt: Who won?
    choices: [Vitorino, Isaacs]
    answer: Vitorino
    explanation: Vitorino won by acclamation after the other candidates fell away.
    sources: [wire]
    difficulty: 1
    tags: [people]`
const bank = (body = question, id = 'race') => ({
  name: `questions/${id}.yaml`,
  text: `id: ${id}\ntitle: T\ndescription: D\nquestions:${body}`,
})

function problems(...files: { name: string; text: string }[]): string[] {
  try {
    compileBanks(sources, files)
  } catch (e) {
    if (e instanceof BankError) return e.problems
    throw e
  }
  return []
}

describe('compileBanks', () => {
  it('accepts a well-formed bank', () => {
    const { banks } = compileBanks(sources, [bank()])
    expect(banks[0].questions[0]).toMatchObject({ id: 'q-one', answer: 'Vitorino', sources: ['wire'] })
  })
  it('takes every article a key rests on', () => {
    const two = { ...sources, text: `${sources.text}- { id: vote, outlet: Report, title: The vote, date: 2023 }\n` }
    const { banks } = compileBanks(two, [bank(question.replace('sources: [wire]', 'sources: [wire, vote]'))])
    expect(banks[0].questions[0].sources).toEqual(['wire', 'vote'])
  })
  it('names the file, the question and the problem', () => {
    expect(problems(bank(question.replace('answer: Vitorino', 'answer: Swing')))).toEqual([
      'questions/race.yaml: question q-one (answer): the answer is not one of the choices',
    ])
  })
  it('rejects repeated choices, ids and unknown sources', () => {
    expect(problems(bank(question.replace('[Vitorino, Isaacs]', '[Vitorino, vitorino]')))[0]).toMatch(/q-one.*appears twice/)
    expect(problems(bank(question + question))[0]).toMatch(/q-one: id is also used/)
    expect(problems(bank(), bank(question, 'race')).join()).toMatch(/bank id race is also used/)
    expect(problems(bank(question.replace('sources: [wire]', 'sources: [wire, blog]')))).toEqual([
      'questions/race.yaml: question q-one: cites source blog, which is not in questions/sources.yaml',
    ])
    expect(problems(bank(question.replace('sources: [wire]', 'sources: [wire, wire]')))[0]).toMatch(
      /q-one \(sources\): source "wire" appears twice/,
    )
    expect(problems(bank(question.replace('sources: [wire]', 'sources: []')))[0]).toMatch(/q-one \(sources\): cite at least one source/)
  })
  it('keeps the id of the mixed quiz for the game', () => {
    expect(problems(bank(question, 'mixed'))[0]).toMatch(/bank id mixed is reserved/)
  })
  it('rejects missing fields and bad YAML', () => {
    expect(problems(bank(question.replace(/\s+difficulty: 1/, '')))[0]).toMatch(/q-one \(difficulty\)/)
    expect(problems(bank(question.replace('type: single', 'type: essay')))[0]).toMatch(/q-one \(type\)/)
    expect(problems({ name: 'questions/x.yaml', text: 'id: [unclosed' })[0]).toMatch(/questions\/x.yaml: not valid YAML/)
  })
  it('checks each type: multi answers among choices, order items distinct', () => {
    const multi = question.replace('type: single', 'type: multi').replace('answer: Vitorino', 'answer: [Vitorino, Pope]')
    expect(problems(bank(multi))[0]).toMatch(/every answer must be one of the choices/)
    const order = `
  - { id: q-order, type: order, first: earliest, prompt: "Order, earliest first", answer: [a, b, a], explanation: ${'x'.repeat(40)}, sources: [wire], difficulty: 2, tags: [t] }`
    expect(problems(bank(order))[0]).toMatch(/q-order.*item "a" appears twice/)
  })
  it('wants an ordering to say which way round, in the prompt and in first', () => {
    const order = (first: string, prompt: string) => `
  - { id: q-order, type: order, ${first} prompt: "${prompt}", answer: [a, b, c], explanation: ${'x'.repeat(40)}, sources: [wire], difficulty: 2, tags: [t] }`
    expect(problems(bank(order('first: largest,', 'Put these in order, from largest to smallest.')))).toEqual([])
    expect(problems(bank(order('', 'Put these in order, earliest first.')))[0]).toMatch(/q-order \(first\)/)
    expect(problems(bank(order('first: latest,', 'Put these in order, latest first.')))[0]).toMatch(/q-order \(first\)/)
    // "smallest to largest" has the word "largest" in it, but not first.
    expect(problems(bank(order('first: largest,', 'Put these in order, from smallest to largest.')))[0]).toMatch(
      /q-order \(first\): the prompt must say what comes first/,
    )
  })
})
