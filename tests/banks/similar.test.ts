import { expect, it } from 'vitest'
import { questionSchema } from '../../src/questions/schema.ts'
import { similarPairs } from './similar.ts'

const q = (id: string, prompt: string, answer: string) =>
  questionSchema.parse({ id, type: 'typed', prompt, answer, explanation: 'x'.repeat(40), sources: ['s'], difficulty: 1, tags: ['t'] })

it('flags a question reworded, and leaves apart questions that only share a subject', () => {
  const pairs = similarPairs([
    q('a', 'Who won the 2018 election to lead IOM?', 'António Vitorino'),
    q('b', 'Which candidate won the IOM election of 2018?', 'Antonio Vitorino'),
    q('c', 'Who was the runner-up in the 2018 IOM election?', 'Laura Thompson'),
  ])
  expect(pairs.map(([x, y]) => `${x.id}~${y.id}`)).toEqual(['a~b'])
})
