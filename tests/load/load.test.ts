// `npm run load` in small, run as the command itself: 20 students at concurrency 10 against
// `wrangler dev`, nothing lost.
import { expect, it } from 'vitest'
import { runCommand } from '../harness/command.ts'
import { formatReport, type LoadReport } from './load.ts'

it('loses no answer and counts none twice when 20 students play at once, double-submitting and retrying', async () => {
  const run = await runCommand(
    'tests/load/run.ts',
    ['--students', '20', '--concurrency', '10', '--double', '0.3', '--retry', '0.2', '--json'],
    100_000,
  )
  expect(run.code, run.stderr).toBe(0)
  const report = JSON.parse(run.stdout) as LoadReport
  console.log(formatReport(report))
  expect(report.problems).toEqual([])
  expect(report).toMatchObject({ finished: 20, accepted: 200, stored: 200, lost: 0, phantom: 0, totalsWrong: 0, exportWrong: 0, errors: 0 })
  expect(report.doubled + report.retried).toBeGreaterThan(0)
}, 110_000)
