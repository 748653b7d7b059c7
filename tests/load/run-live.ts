// npm run load:live [-- --students 200 --types typed,numeric --transport ws|poll]: a live game for a class of
// simulated phones against `wrangler dev` on a fresh local D1 (loopback only), then the checks.
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { startServer } from '../harness/wrangler-dev.ts'
import { formatLiveReport, livePassed, QUESTION_TYPES, runLiveLoad } from './live.ts'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The projector's page in Chromium: it notes, as each question appears, how long after the server opened it. */
async function watch(url: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage()
  await page.goto(url)
  await page.evaluate(() => {
    const delays: number[] = []
    const seen = new Set<string>()
    Object.assign(window, { delays })
    new MutationObserver(() => {
      const open = document.querySelector<HTMLElement>('[data-phase="open"]')
      const question = open?.dataset.question
      if (open && question && !seen.has(question)) {
        seen.add(question)
        delays.push(Date.now() - Number(open.dataset.openedAt))
      }
    }).observe(document.body, { childList: true, subtree: true })
  })
  return {
    delays: () => page.evaluate(() => (window as unknown as { delays: number[] }).delays),
    close: () => browser.close(),
  }
}

const { values } = parseArgs({
  allowNegative: true, // --no-page
  options: {
    students: { type: 'string', default: '200' },
    questions: { type: 'string', default: '6' },
    types: { type: 'string', default: QUESTION_TYPES.join(',') },
    'join-rate': { type: 'string', default: '40' },
    seconds: { type: 'string', default: '20' },
    transport: { type: 'string', default: 'ws' },
    poll: { type: 'string', default: '1000' },
    double: { type: 'string', default: '0.1' },
    retry: { type: 'string', default: '0.05' },
    drop: { type: 'string', default: '0.1' },
    late: { type: 'string', default: '0.1' },
    page: { type: 'boolean', default: true },
    json: { type: 'boolean', default: false },
  },
})
/** The types to ask, from a list such as "typed,numeric": every type, or those named. */
function chosenTypes(raw: string) {
  const types = raw.split(',').filter((t): t is (typeof QUESTION_TYPES)[number] => (QUESTION_TYPES as string[]).includes(t))
  if (types.length === 0) throw new Error(`--types takes a list of ${QUESTION_TYPES.join(', ')}`)
  return types
}
const bounded = (raw: string, min: number, max: number) => Math.max(min, Math.min(max, Math.floor(Number(raw)) || min))
const options = {
  students: bounded(values.students, 1, 2000),
  questions: bounded(values.questions, 1, 30),
  types: chosenTypes(values.types),
  joinRate: bounded(values['join-rate'], 1, 200),
  seconds: bounded(values.seconds, 5, 120),
  transport: values.transport === 'poll' ? ('poll' as const) : ('ws' as const),
  pollMs: bounded(values.poll, 250, 10_000),
  doubleShare: Number(values.double),
  retryShare: Number(values.retry),
  dropShare: Number(values.drop),
  lateShare: Number(values.late),
  deadlineMs: 10 * 60_000,
  // With Chromium at hand, the projector's page also watches, in a real browser (--no-page to skip).
  watch: values.page && existsSync(CHROMIUM) ? watch : undefined,
}

// Progress goes to stderr, so stdout holds only the report (JSON with --json).
console.error(
  `Starting wrangler dev on a fresh local D1, then a live game of ${options.questions} questions for ${options.students} phones…`,
)
const server = await startServer()
try {
  const report = await runLiveLoad(server, options)
  console.log(values.json ? JSON.stringify(report, null, 2) : formatLiveReport(report))
  process.exitCode = livePassed(report) ? 0 : 1
} finally {
  server.stop()
}
