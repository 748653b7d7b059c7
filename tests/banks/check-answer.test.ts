// The author's check, run as an author runs it, on questions picked from the real banks by type
// (so a rewrite of questions/ keeps it meaningful).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBanks } from '../../src/cli/banks.ts'
import type { Question } from '../../src/questions/schema.ts'

const root = join(import.meta.dirname, '..', '..')
const questions = loadBanks().banks.flatMap((b) => b.questions)
const typed = questions.find((q) => q.type === 'typed')!
const numeric = questions.find((q): q is Extract<Question, { type: 'numeric' }> => q.type === 'numeric' && q.margin > 0)!

const check = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'src/cli/check-answer.ts'), ...args], { cwd: root, encoding: 'utf8' })

describe('npm run check:answer', () => {
  it('gives full credit for an accepted form, and names it', () => {
    const run = spawnSync('npm', ['run', '--silent', 'check:answer', '--', typed.id, ` ${typed.answer.toUpperCase()}!`], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout.split('\n').slice(0, 3)).toEqual(['credit: 1', `matched: ${typed.answer}`, 'rule: exact after folding'])
  })
  it('gives half credit within twice a numeric margin, and says which band', () => {
    const run = check(numeric.id, String(numeric.answer + 1.5 * numeric.margin))
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout.split('\n')[0]).toBe('credit: 0.5')
    expect(run.stdout).toContain('rule: half credit within twice the margin')
  })
  it('gives no credit for a wrong answer, and says which rule refused it', () => {
    const run = check(typed.id, 'zzzzzzzzzz')
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout.split('\n').slice(0, 2)).toEqual(['credit: 0', 'rule: no accepted form is within 2 edits'])
  })
  it('exits 2 with a message for an unknown question id or an unreadable answer', () => {
    const unknown = check('no-such-question', 'Geneva')
    expect(unknown.status).toBe(2)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toMatch(/No question has the id "no-such-question"/)
    const unreadable = check(numeric.id, 'lots')
    expect(unreadable.status).toBe(2)
    expect(unreadable.stderr).toMatch(/Enter a number/)
  })
})
