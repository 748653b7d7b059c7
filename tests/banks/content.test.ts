// The real banks on disk: enough of them, every type used, true to the articles, and no
// question asked twice.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBanks } from '../../src/cli/banks.ts'
import { similarPairs } from './similar.ts'

const root = join(import.meta.dirname, '..', '..')
const { banks } = loadBanks()
const questions = banks.flatMap((b) => b.questions)

describe('the question banks', () => {
  it('hold at least 150 questions, at least 15 in every bank', () => {
    expect(questions.length).toBeGreaterThanOrEqual(150)
    for (const bank of banks) expect(bank.questions.length, bank.id).toBeGreaterThanOrEqual(15)
  })

  it('use every question type, with at least 10 ordering questions in the timeline', () => {
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(['single', 'multi', 'truefalse', 'order', 'typed', 'numeric']))
    const timeline = banks.find((b) => b.id === 'timeline')
    expect(timeline?.questions.filter((q) => q.type === 'order').length).toBeGreaterThanOrEqual(10)
  })

  it('spread difficulty across each bank', () => {
    for (const bank of banks)
      for (const level of [1, 2, 3])
        expect(
          bank.questions.some((q) => q.difficulty === level),
          `${bank.id} has level ${level}`,
        ).toBe(true)
  })

  it('never ask the same thing twice', () => {
    const pairs = similarPairs(questions)
    expect(pairs.map(([a, b, s]) => `${a.id} ~ ${b.id} (${s.toFixed(2)})`)).toEqual([])
  })
})

const checker = join(root, '..', 'shared', 'tools', 'check-sources')
describe('keyed answers against the source articles', () => {
  if (!existsSync(checker)) {
    it.skip(`skipped: ${checker} is absent (it ships beside the project in CI, not in a user's clone)`)
    return
  }
  it('finds every name and number of every keyed answer in the articles', () => {
    const json = execFileSync(process.execPath, [join(root, 'src/cli/questions-json.ts')], { encoding: 'utf8' })
    const run = spawnSync(checker, { input: json, encoding: 'utf8' })
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/, 0 with words or numbers the sources lack$/)
    expect(run.status, run.stdout).toBe(0)
  })
})
