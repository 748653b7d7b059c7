// Shows the credit the game would give an answer, and why, so an author can try answers before
// committing a bank:  npm run --silent check:answer -- <question-id> "<answer>"
// The first line is `credit: 1`, `credit: 0.5` or `credit: 0`. Exit 2: unknown id or unreadable answer.
import type { AnswerValue } from '../db/schema.ts'
import { answerKey } from '../game/answer-key.ts'
import { matchTyped } from '../game/match.ts'
import { readAnswer } from '../game/response.ts'
import { grade } from '../game/scoring.ts'
import { foldAnswer } from '../game/text.ts'
import { BankError } from '../questions/compile.ts'
import type { Question } from '../questions/schema.ts'
import { loadBanks } from './banks.ts'

function fail(message: string, code = 2): never {
  console.error(message)
  process.exit(code)
}

const list = (items: string[]) => items.map((s) => `"${s}"`).join('; ')

/** The texts of `items` that `raw` names, ";" between them, or a message. */
function pick(raw: string, items: string[], what: string): string[] {
  const named = raw
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
  return named.map(
    (name) => items.find((item) => foldAnswer(item) === foldAnswer(name)) ?? fail(`"${name}" is not one of the ${what}: ${list(items)}`),
  )
}

/** The answer as the game would hold it after reading the player's form. */
function valueOf(q: Question, raw: string): AnswerValue {
  switch (q.type) {
    case 'typed':
    case 'numeric': {
      const reading = readAnswer(q, undefined, q.type === 'typed' ? { text: raw } : { number: raw })
      return reading.ok ? reading.value : fail(reading.message)
    }
    case 'truefalse':
      if (!/^(true|false)$/i.test(raw.trim())) fail('Answer true or false.')
      return raw.trim().toLowerCase() === 'true'
    case 'single': {
      const picked = pick(raw, q.choices, 'choices')
      return picked.length === 1 ? picked[0] : fail('Give exactly one choice.')
    }
    case 'multi': {
      const picked = pick(raw, q.choices, 'choices')
      if (!picked.length || new Set(picked).size !== picked.length) fail('Give one or more different choices, ";" between them.')
      return picked
    }
    case 'order': {
      const placed = pick(raw, q.answer, 'items')
      if (placed.length !== q.answer.length || new Set(placed).size !== placed.length)
        fail(`Give every item once, in your order, ";" between them: ${list(q.answer)}`)
      return placed
    }
  }
}

function reasons(q: Question, value: AnswerValue, credit: number): string[] {
  switch (q.type) {
    case 'typed': {
      const verdict = matchTyped(q, String(value))
      const matched = verdict.matched ? [`matched: ${verdict.matched}`] : []
      return [...matched, `rule: ${verdict.rule}`, `key: ${answerKey(String(value))}`]
    }
    case 'numeric': {
      const off = +Math.abs(Number(value) - q.answer).toPrecision(12)
      const unit = q.unit ? ` ${q.unit}` : ''
      const band = !q.margin
        ? `the number must be exact`
        : credit === 1
          ? `full credit within the margin, ${q.margin}`
          : credit === 0.5
            ? `half credit within twice the margin, ${2 * q.margin}`
            : `none beyond twice the margin, ${2 * q.margin}`
      return [`answer: ${q.answer}${unit}; read ${value}, off by ${off}`, `rule: ${band}`]
    }
    case 'truefalse':
      return [`rule: the statement is ${q.answer}`]
    case 'single':
      return [`answer: ${q.answer}`, `rule: ${value === q.answer ? 'the right choice' : 'not the right choice'}`]
    case 'multi': {
      const given = value as string[]
      const missing = q.answer.filter((a) => !given.includes(a))
      const wrong = given.filter((g) => !q.answer.includes(g))
      return [
        `answer: ${list(q.answer)}`,
        `rule: ${missing.length || wrong.length ? 'not exactly the right choices' : 'exactly the right choices'}`,
        ...(missing.length ? [`missing: ${list(missing)}`] : []),
        ...(wrong.length ? [`not right: ${list(wrong)}`] : []),
      ]
    }
    case 'order': {
      const at = (value as string[]).findIndex((item, i) => item !== q.answer[i])
      const rule = at < 0 ? 'the exact order' : `out of order from position ${at + 1}, where "${q.answer[at]}" belongs`
      return [`answer: ${list(q.answer)}`, `rule: ${rule}`]
    }
  }
}

const [id, raw, ...extra] = process.argv.slice(2)
if (!id || raw === undefined || extra.length) fail('usage: npm run --silent check:answer -- <question-id> "<answer>"')
let banks
try {
  banks = loadBanks().banks
} catch (e) {
  if (!(e instanceof BankError)) throw e
  fail(e.message, 1)
}
const question = banks.flatMap((b) => b.questions).find((q) => q.id === id)
if (!question) fail(`No question has the id "${id}". Ids are in questions/*.yaml, as "id:" under "questions:".`)
const value = valueOf(question, raw)
const credit = grade(question, value)
console.log(`credit: ${credit}`)
for (const line of reasons(question, value, credit)) console.log(line)
