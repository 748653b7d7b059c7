// `npm run load:live` in small, run as the command itself: a live game of 3 questions for 20
// phones against `wrangler dev` (with the projector's page in Chromium where it is installed).
import { expect, it } from 'vitest'
import { runCommand } from '../harness/command.ts'
import { formatLiveReport, type LiveLoadReport } from './live.ts'

it('stores every answer once and keeps every phone in step with the projector, through drops, late joins and double taps', async () => {
  const flags = [
    '--students',
    '20',
    '--questions',
    '3',
    '--seconds',
    '8',
    '--double',
    '0.3',
    '--retry',
    '0.2',
    '--drop',
    '0.2',
    '--late',
    '0.2',
    '--json',
  ]
  const run = await runCommand('tests/load/run-live.ts', flags, 110_000)
  expect(run.code, run.stderr).toBe(0)
  const report = JSON.parse(run.stdout) as LiveLoadReport
  console.log(formatLiveReport(report))
  expect(report.problems).toEqual([])
  expect(report.disagreements).toEqual([])
  expect(report).toMatchObject({ joined: 20, accepted: 60, stored: 60, lost: 0, phantom: 0, totalsWrong: 0, errors: 0 })
  expect(report.phoneDelay.n).toBeGreaterThan(0)
}, 120_000)
