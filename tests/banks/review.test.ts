// The review standard, as far as a program can hold it: no copied runs from the articles, no margin
// that pays for a neighbouring fact, no key that gives itself away by length, no description that
// names a key. The rules themselves are in checks.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBanks } from '../../src/cli/banks.ts'
import { copiedRuns, crowdedMargin, keysNamed, longKeys, textsOf } from './checks.ts'

const { banks } = loadBanks()
const questions = banks.flatMap((b) => b.questions)

describe('the banks give nothing away', () => {
  it('have no key much longer than every wrong choice', () => {
    expect(questions.flatMap((q) => longKeys(q).map((k) => `${q.id}: ${k}`))).toEqual([])
  })
  it('have no description that names a key of its bank', () => {
    expect(banks.flatMap((b) => keysNamed(b).map((k) => `${b.id} names ${k.named}, the key of ${k.question}`))).toEqual([])
  })
})

const dir = join(import.meta.dirname, '..', '..', '..', 'shared', 'sources')
describe('the banks against the articles', () => {
  if (!existsSync(dir)) {
    it.skip(`skipped: ${dir} is absent (the articles ship beside the project in CI, not in a user's clone)`)
    return
  }
  const articles = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))

  it('copy no run of eight words from an article', () => {
    const texts = [
      ...banks.flatMap((b) => [b.title, b.description].map((t) => [b.id, t] as const)),
      ...questions.flatMap((q) => textsOf(q).map((t) => [q.id, t] as const)),
    ]
    expect(texts.flatMap(([id, t]) => copiedRuns(t, articles).map((run) => `${id}: "${run}"`))).toEqual([])
  })
  it('pay half points for no other figure the articles give', () => {
    const crowded = questions.flatMap((q) => {
      const near = crowdedMargin(q, articles)
      return near.length ? [`${q.id}: ${near.map((n) => n.as).join(', ')}`] : []
    })
    expect(crowded).toEqual([])
  })
})
