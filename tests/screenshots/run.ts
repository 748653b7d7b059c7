// npm run screenshots [-- --out <dir>] [--smoke]: starts `wrangler dev` on a fresh local D1, plays a
// self-paced class and a live game through Chromium as a teacher and students would (with a crowd of
// long nicknames joined by plain HTTP), and writes a PNG of every screen at the sizes it is seen at:
// <screen>-<width>x<height>.png. --smoke: the projector's lobby and first question at 1280 × 720 and
// the home page on a phone, into a temporary directory, as `npm test` runs it.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startServer, type LocalServer } from '../harness/wrangler-dev.ts'
import { CHROMIUM, LAUNCH_ARGS } from '../e2e/server.ts'
import { liveTour, selfPacedTour, settle, SIZES, TYPES, type Stop } from '../e2e/tour.ts'

const root = join(import.meta.dirname, '..', '..')
const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: false }, out: { type: 'string' } } })
const SMOKE = values.smoke
const out = values.out ?? (SMOKE ? mkdtempSync(join(tmpdir(), 'iom-shots-')) : join(root, 'docs', 'screenshots'))
const DEADLINE_MS = SMOKE ? 60_000 : 10 * 60_000

type Size = { width: number; height: number }
/** The sizes each screen is photographed at: where it is seen. */
const SIZES_BY_ROLE: Record<Stop['role'], Size[]> = SMOKE
  ? { projector: [SIZES.projectors[0]], phone: [], teacher: [], page: [SIZES.phone] }
  : { projector: SIZES.projectors, phone: [SIZES.phone], teacher: [SIZES.laptop, SIZES.tablet], page: [SIZES.laptop, SIZES.tablet, SIZES.phone] }
/** A page taller than its screen is photographed whole, down to this many screens' height. */
const SCREENS_DEEP = { projector: 1, phone: 3, teacher: 2, page: 2 }

const written: string[] = []

async function photograph(stop: Stop) {
  if (stop.again) return // the same screen for another question: one picture of it is enough
  const { page, role } = stop
  for (const size of SIZES_BY_ROLE[role]) {
    await page.setViewportSize(size)
    await settle(page)
    const tall = await page.evaluate(() => document.scrollingElement!.scrollHeight)
    const height = Math.min(Math.max(tall, size.height), size.height * SCREENS_DEEP[role])
    const file = join(out, `${stop.screen}-${size.width}x${size.height}.png`)
    // Device scale 1 and no animation mid-flight: small files, the same picture on every run.
    await page.screenshot({ path: file, type: 'png', animations: 'disabled', fullPage: true, clip: { x: 0, y: 0, width: size.width, height } })
    written.push(file)
  }
}

if (!existsSync(CHROMIUM)) {
  console.error(`npm run screenshots needs Chromium at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`)
  process.exit(1)
}
mkdirSync(out, { recursive: true })
// A fresh set: last run's pictures of screens that are gone would otherwise linger beside the new ones.
for (const name of readdirSync(out)) if (/-\d+x\d+\.png$/.test(name)) rmSync(join(out, name))

const started = Date.now()
let server: LocalServer | undefined
let browser: Browser | undefined
const deadline = setTimeout(() => {
  console.error(`npm run screenshots did not finish in ${DEADLINE_MS / 1000} s; stopping.`)
  server?.stop()
  process.exit(1)
}, DEADLINE_MS)
const notes: string[] = []
try {
  console.error(`Starting wrangler dev on a fresh local D1, then ${SMOKE ? 'a smoke run' : 'a self-paced class and a live game'}…`)
  server = await startServer()
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS })
  const at = { url: server.url, d1: server.d1, browser }
  if (SMOKE) {
    await liveTour(at, { types: ['single'], crowd: 3, visit: photograph, firstQuestionOnly: true, notes })
    const home: Page = await (await browser.newContext({ viewport: SIZES.phone, deviceScaleFactor: 1 })).newPage()
    await home.goto(server.url)
    await photograph({ screen: 'home', role: 'page', page: home })
  } else {
    await selfPacedTour(at, { crowd: 20, leaderboard: 6, visit: photograph })
    await liveTour(at, { types: TYPES, crowd: 30, visit: photograph, notes })
  }
  const bytes = written.reduce((n, f) => n + statSync(f).size, 0)
  for (const file of written) console.log(`${relative(process.cwd(), file)}  ${Math.round(statSync(file).size / 1024)} KB`)
  for (const note of notes) console.log(`Note: ${note}`)
  console.log(
    `Wrote ${written.length} screenshots (${(bytes / 1024 / 1024).toFixed(1)} MB) to ${out} in ${Math.round((Date.now() - started) / 1000)} s.`,
  )
} catch (e) {
  console.error(e)
  process.exitCode = 1
} finally {
  clearTimeout(deadline)
  await browser?.close()
  server?.stop()
}
