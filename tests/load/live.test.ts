// `npm run load:live` in small: a live game of 3 questions for 20 phones against `wrangler dev`.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startServer, type LocalServer } from '../harness/wrangler-dev.ts'
import { formatLiveReport, runLiveLoad } from './live.ts'

let server: LocalServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server?.stop())

it('stores every answer once and keeps every phone in step with the projector, through drops, late joins and double taps', async () => {
  const report = await runLiveLoad(server, {
    students: 20,
    questions: 3,
    seconds: 8,
    transport: 'ws',
    pollMs: 1000,
    doubleShare: 0.3,
    retryShare: 0.2,
    dropShare: 0.2,
    lateShare: 0.2,
    deadlineMs: 80_000,
  })
  console.log(formatLiveReport(report))
  expect(report.problems).toEqual([])
  expect(report.disagreements).toEqual([])
  expect(report).toMatchObject({ joined: 20, accepted: 60, stored: 60, lost: 0, phantom: 0, totalsWrong: 0, errors: 0 })
  expect(report.phoneDelay.n).toBeGreaterThan(0)
}, 90_000)
