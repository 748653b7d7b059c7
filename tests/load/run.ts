// npm run load [-- --students 200 --concurrency 50]: a class of simulated students against
// `wrangler dev` on a fresh local D1 (loopback only), then a check that nothing was lost.
import { parseArgs } from 'node:util'
import { startServer } from '../harness/wrangler-dev.ts'
import { formatReport, passed, runLoad } from './load.ts'

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '50' },
    double: { type: 'string', default: '0.2' },
    retry: { type: 'string', default: '0.1' },
    json: { type: 'boolean', default: false },
  },
})
const bounded = (raw: string, max: number) => Math.max(1, Math.min(max, Math.floor(Number(raw)) || 1))
const options = {
  students: bounded(values.students, 2000),
  concurrency: bounded(values.concurrency, 200),
  doubleShare: Number(values.double),
  retryShare: Number(values.retry),
  deadlineMs: 5 * 60_000,
}

// Progress goes to stderr, so stdout holds only the report (JSON with --json).
console.error(`Starting wrangler dev on a fresh local D1, then ${options.students} students at concurrency ${options.concurrency}…`)
const server = await startServer()
try {
  const report = await runLoad(server, options)
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report))
  process.exitCode = passed(report) ? 0 : 1
} finally {
  server.stop()
}
