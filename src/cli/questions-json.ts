// Prints every bank as one normalized JSON array (read by ../shared/tools/check-sources).
import { optionsOf } from '../game/plan.ts'
import type { Question } from '../questions/schema.ts'
import { loadBanks } from './banks.ts'

const choicesOf = (q: Question) => (q.type === 'truefalse' ? ['True', 'False'] : optionsOf(q))

const banks = loadBanks().banks.map((bank) => ({
  id: bank.id,
  title: bank.title,
  questions: bank.questions.map((q) => ({
    id: q.id,
    type: q.type,
    prompt: q.prompt,
    choices: choicesOf(q),
    answer: q.answer,
    explanation: q.explanation,
    sources: q.sources,
  })),
}))
process.stdout.write(`${JSON.stringify(banks, null, 2)}\n`)
