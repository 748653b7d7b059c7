// `npm run load` in small: 20 students at concurrency 10 against `wrangler dev`, nothing lost.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startServer, type LocalServer } from '../harness/wrangler-dev.ts'
import { formatReport, runLoad } from './load.ts'

let server: LocalServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server?.stop())

it('loses no answer and counts none twice when 20 students play at once, double-submitting and retrying', async () => {
  const report = await runLoad(server, { students: 20, concurrency: 10, doubleShare: 0.3, retryShare: 0.2, deadlineMs: 60_000 })
  console.log(formatReport(report))
  expect(report.problems).toEqual([])
  expect(report).toMatchObject({ finished: 20, accepted: 200, stored: 200, lost: 0, phantom: 0, totalsWrong: 0, exportWrong: 0, errors: 0 })
  expect(report.doubled + report.retried).toBeGreaterThan(0)
}, 90_000)
