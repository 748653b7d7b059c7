// `npm run load:live` in small, run as the command itself: a live game of 6 questions (one of each type) for 20
// phones against `wrangler dev` (with the projector's page in Chromium where it is installed).
import { expect, it } from 'vitest'
import { runCommand } from '../harness/command.ts'
import { formatLiveReport, QUESTION_TYPES, type LiveLoadReport } from './live.ts'

it('stores every answer once and keeps every phone in step with the projector, through drops, late joins and double taps', async () => {
  // prettier-ignore
  const flags = ['--students', '20', '--questions', '6', '--seconds', '8', '--double', '0.3', '--retry', '0.2', '--drop', '0.2', '--late', '0.2', '--json']
  const run = await runCommand('tests/load/run-live.ts', flags, 170_000)
  expect(run.code, `${run.stderr}\n${run.stdout}`).toBe(0)
  const report = JSON.parse(run.stdout) as LiveLoadReport
  console.log(formatLiveReport(report))
  expect(report.problems).toEqual([])
  expect(report.disagreements).toEqual([])
  expect(report).toMatchObject({ joined: 20, accepted: 120, stored: 120, lost: 0, phantom: 0, totalsWrong: 0, errors: 0 })
  // Every type was asked, and reached the phones.
  expect(Object.keys(report.phoneDelayByType).sort()).toEqual([...QUESTION_TYPES].sort())
  expect(report.phoneDelay.n).toBeGreaterThan(0)
}, 180_000)
