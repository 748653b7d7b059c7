// npm run screenshots [-- --out <dir>] [--smoke]: starts `wrangler dev` on a fresh local D1, plays a
// self-paced class and a live game through Chromium as a teacher and students would (with a crowd of
// long nicknames joined by plain HTTP), opens a second live game's lobby to 200 players, and writes a
// PNG of every screen at the sizes it is seen at, <screen>-<width>x<height>.png, to docs/screenshots.
// --smoke (as `npm test` runs it): the projector's lobby and first question at 1280 × 720 and the
// home page on a phone, into a temporary directory.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser } from 'playwright-core'
import sharp from 'sharp'
import { startServer, type LocalServer } from '../harness/wrangler-dev.ts'
import { CHROMIUM, LAUNCH_ARGS } from '../e2e/server.ts'
import { liveTour, selfPacedTour, settle, SIZES, TYPES, type Stop } from '../e2e/tour.ts'

const root = join(import.meta.dirname, '..', '..')
const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: false }, out: { type: 'string' } } })
const SMOKE = values.smoke
const out = values.out ?? (SMOKE ? mkdtempSync(join(tmpdir(), 'iom-shots-')) : join(root, 'docs', 'screenshots'))
const DEADLINE_MS = SMOKE ? 230_000 : 20 * 60_000

type Size = { width: number; height: number }
const [HD, WXGA, FULL_HD, UHD] = SIZES.projectors
/**
 * The sizes a screen is photographed at: where it is seen, and not every screen at every size. The
 * projector's main screens at all four projector sizes, its others at the smallest and the
 * commonest, each type's question and reveal at 1920 × 1080, and a class's board on a phone too;
 * phones at a phone; the teacher at a laptop (the busiest pages also on a tablet); the pages
 * anyone opens at all three.
 */
function sizesOf({ screen, role }: Stop): Size[] {
  if (SMOKE) return role === 'projector' ? [HD] : role === 'page' ? [SIZES.phone] : []
  switch (role) {
    case 'projector':
      if (screen.startsWith('board')) return [HD, WXGA, FULL_HD, UHD, SIZES.phone]
      if (/^projector-(lobby-200|single-reveal)$/.test(screen)) return [HD, WXGA, FULL_HD, UHD]
      return /^projector-(multi|truefalse|order|typed|numeric)-/.test(screen) ? [FULL_HD] : [HD, FULL_HD]
    case 'phone':
      return [SIZES.phone]
    case 'teacher':
      if (screen === 'teacher-self' || screen === 'teacher-live-reveal') return [SIZES.laptop, SIZES.tablet]
      // The controls for a pause and the standings are a button apiece: the tests visit them, a picture adds little.
      return screen === 'teacher-live-paused' || screen === 'teacher-live-standings' ? [] : [SIZES.laptop]
    case 'page':
      return [SIZES.laptop, SIZES.tablet, SIZES.phone]
  }
}
/** Screens also photographed in dark mode, at their first size. */
const DARK = new Set(SMOKE ? [] : ['projector-single-reveal', 'phone-single-open', 'teacher-live-reveal'])
/**
 * A page taller than its screen is photographed whole, down to this many screens' height. Not the
 * projector's (it cannot scroll) nor the teacher's, whose controls stick in view as it scrolls: a
 * picture of the whole page would show them where no screen does.
 */
const SCREENS_DEEP: Record<Stop['role'], number> = { projector: 1, phone: 3, teacher: 1, page: 2 }

const written: string[] = []

async function photograph(stop: Stop) {
  if (stop.again) return // the same screen for another question: one picture of it is enough
  const { page, role } = stop
  const shots = sizesOf(stop).map((size) => ({ size, dark: false }))
  if (shots.length && DARK.has(stop.screen)) shots.push({ size: shots[0].size, dark: true })
  for (const { size, dark } of shots) {
    await page.setViewportSize(size)
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' })
    // From the top, as the page opens: a click on the way here may have scrolled it.
    const tall = await page.evaluate(() => (scrollTo(0, 0), document.scrollingElement!.scrollHeight))
    await settle(page)
    // A projector's page on a phone (a class's board) scrolls as a phone's page does.
    const deep = SCREENS_DEEP[role === 'projector' && size.width < size.height ? 'phone' : role]
    const height = Math.min(Math.max(tall, size.height), size.height * deep)
    const file = join(out, `${stop.screen}${dark ? '-dark' : ''}-${size.width}x${size.height}.png`)
    // Device scale 1 and no animation mid-flight: the same picture on every run. A palette of 256
    // colours (sharp, which wrangler's local runtime already installs) keeps a file a third the size,
    // with no difference to see in flat colours and text.
    const png = await page.screenshot({
      type: 'png',
      animations: 'disabled',
      fullPage: height > size.height,
      clip: { x: 0, y: 0, width: size.width, height },
    })
    await sharp(png).png({ palette: true, effort: 10, compressionLevel: 9 }).toFile(file)
    written.push(file)
  }
  await page.emulateMedia({ colorScheme: 'light' })
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
    await liveTour(at, { types: ['single'], pick: 'first', crowd: 3, visit: photograph, until: 'first question', notes })
    const home = await (await browser.newContext({ viewport: SIZES.phone, deviceScaleFactor: 1 })).newPage()
    await home.goto(server.url)
    await photograph({ screen: 'home', role: 'page', page: home })
  } else {
    await selfPacedTour(at, { crowd: 20, leaderboard: 6, pick: 'first', visit: photograph })
    await liveTour(at, { types: TYPES, pick: 'first', crowd: 30, visit: photograph, notes })
    // A hall's lobby: only the projector's, where 200 names must fit.
    const projectorOnly = (stop: Stop) => (stop.role === 'projector' ? photograph(stop) : Promise.resolve())
    await liveTour(at, { types: ['single'], pick: 'first', crowd: 200, visit: projectorOnly, until: 'lobby', suffix: '-200', notes })
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
