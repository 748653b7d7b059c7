// A phone's first visit, in Chromium: `npm run bench -- --browser`. Each visit is cold (a new
// browser context: no cache, no open connection), on a 360 × 640 phone, over loopback and under
// Slow 4G as Lighthouse defines it (150 ms round trips, 1.6 Mbps down, 750 kbps up, the CPU slowed
// four times), five times each, taking the median. Beside each page, its floor: the same HTML
// saved as one file with its CSS inline, served gzipped by a plain Node static server in the same
// run (with the same deferred scripts), so what is left between the two is ours: the Worker's time
// and any request the page makes before it can paint. Resource Timing's `renderBlockingStatus`
// names any request that held the first paint back.
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { startServer, type LocalServer } from '../harness/wrangler-dev.ts'
import { CSRF, PLAYER, request, seed } from './seed.ts'

const root = join(import.meta.dirname, '..', '..')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']

type Network = { name: string; conditions?: { latency: number; downloadThroughput: number; uploadThroughput: number }; cpu: number }
const NETWORKS: Network[] = [
  { name: 'loopback', cpu: 1 },
  // CDP takes bytes a second.
  { name: 'Slow 4G', conditions: { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 }, cpu: 4 },
]

/** What one visit measured, in milliseconds from the start of the navigation. */
type Visit = { firstPaint: number; htmlEnd: number; ready: number; blocking: string[]; bytes: number }
type Page = { name: string; path: string; player: boolean }

export type BrowserReport = {
  chromium: string
  runs: number
  rows: { page: string; network: string; ours: Visit; floor: Visit; blocking: string[] }[]
  budgets: { budget: string; value: string; met: boolean }[]
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const medianVisit = (visits: Visit[]): Visit => ({
  firstPaint: median(visits.map((v) => v.firstPaint)),
  htmlEnd: median(visits.map((v) => v.htmlEnd)),
  ready: median(visits.map((v) => v.ready)),
  bytes: median(visits.map((v) => v.bytes)),
  blocking: [...new Set(visits.flatMap((v) => v.blocking))],
})

/** One cold visit: a fresh context (its own cache and connections) throttled as `network` says. */
async function visit(browser: Browser, url: string, network: Network, player: boolean): Promise<Visit> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true })
  try {
    if (player)
      await context.addCookies(
        [
          ['player', PLAYER],
          ['csrf', CSRF],
        ].map(([name, value]) => ({ name, value, url })),
      )
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    // Chromium applies the throttling only with the Network domain enabled.
    await cdp.send('Network.enable')
    if (network.conditions) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network.conditions })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: network.cpu })
    const response = await page.goto(url, { waitUntil: 'load' })
    if (!response?.ok()) throw new Error(`${url} gave ${response?.status()}`)
    return await page.evaluate(async () => {
      // The first paint's entry may come a frame after load.
      const paint = await new Promise<number>((resolve) =>
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0]
          if (entry) (observer.disconnect(), resolve(entry.startTime))
        }).observe({ type: 'paint', buffered: true }),
      )
      const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
      // renderBlockingStatus: Chromium 107 on, not yet in TypeScript's DOM types.
      const resources = performance.getEntriesByType('resource') as (PerformanceResourceTiming & { renderBlockingStatus?: string })[]
      return {
        firstPaint: paint,
        htmlEnd: nav.responseEnd,
        // Deferred scripts (htmx) have run by the end of DOMContentLoaded: the page is fully usable.
        ready: Math.max(paint, nav.domContentLoadedEventEnd),
        blocking: resources.filter((r) => r.renderBlockingStatus === 'blocking').map((r) => new URL(r.name).pathname),
        bytes: nav.transferSize + resources.reduce((n, r) => n + r.transferSize, 0),
      }
    })
  } finally {
    await context.close()
  }
}

/**
 * The floor's server: each page's HTML as one file (a linked stylesheet put inline), and the
 * scripts it loads from public/, all gzipped ahead of time, as a static host would serve them.
 */
async function staticServer(files: Map<string, { body: string; type: string; cache: boolean }>) {
  const ready = new Map([...files].map(([path, f]) => [path, { ...f, gzipped: gzipSync(f.body) }]))
  const server: Server = createServer((req, res) => {
    const file = ready.get(req.url ?? '')
    if (!file) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Encoding': 'gzip',
      'Cache-Control': file.cache ? 'public, max-age=31536000, immutable' : 'no-store',
    })
    res.end(file.gzipped)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }
}

/** The page as one file: its HTML with any linked stylesheet inline, and the scripts it loads. */
async function saved(server: LocalServer, page: Page) {
  let html = (await request(server, { name: page.name, path: page.path })).body.toString()
  const files = new Map<string, { body: string; type: string; cache: boolean }>()
  for (const [link, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"\s*\/?>/g))
    html = html.replace(link, `<style>${readFileSync(join(root, 'public', href), 'utf8')}</style>`)
  for (const [, src] of html.matchAll(/<script src="([^"]+)"/g))
    files.set(src, { body: readFileSync(join(root, 'public', src), 'utf8'), type: 'text/javascript', cache: true })
  if (html.includes('<link rel="stylesheet"')) throw new Error(`${page.name}: a stylesheet was left linked in its floor`)
  files.set(`/${page.name}`, { body: html, type: 'text/html; charset=utf-8', cache: false })
  return files
}

export async function firstVisits({ smoke }: { smoke: boolean }): Promise<BrowserReport | null> {
  if (!existsSync(CHROMIUM)) {
    console.log(`Skipped: no Chromium at ${CHROMIUM} (install it with "apt-get install -y chromium", or set CHROMIUM_PATH).`)
    return null
  }
  const runs = smoke ? 1 : 5
  console.log('Starting the bench build under wrangler dev on a fresh local D1…')
  const server = await startServer({ script: 'tests/bench/worker.ts' })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS })
  let floorServer: Awaited<ReturnType<typeof staticServer>> | undefined
  try {
    const seeded = await seed(server, { answers: 1, boardSize: 10, writes: false })
    const pages: Page[] = [
      { name: 'home', path: '/', player: false },
      // A phone that scanned the class's QR code: no cookie yet.
      { name: 'join', path: `/join/${seeded.code}`, player: false },
      { name: 'question', path: `/play/${seeded.shown}`, player: true },
    ]
    const files = new Map<string, { body: string; type: string; cache: boolean }>()
    for (const page of pages) for (const [path, file] of await saved(server, page)) files.set(path, file)
    floorServer = await staticServer(files)
    console.log(`${browser.version()}: ${runs} cold visit${runs > 1 ? 's' : ''} a page and network, the median kept:`)
    const rows: BrowserReport['rows'] = []
    for (const network of NETWORKS)
      for (const page of pages) {
        const ours: Visit[] = []
        const floor: Visit[] = []
        // Ours and the floor in turn, so both see the same drift of a shared machine.
        for (let i = 0; i < runs; i++) {
          ours.push(await visit(browser, server.url + page.path, network, page.player))
          floor.push(await visit(browser, `${floorServer.url}/${page.name}`, network, false))
        }
        const row = {
          page: page.name,
          network: network.name,
          ours: medianVisit(ours),
          floor: medianVisit(floor),
          blocking: medianVisit(ours).blocking,
        }
        console.log(
          `  ${page.name.padEnd(9)} ${network.name.padEnd(9)} first paint ${Math.round(row.ours.firstPaint)} ms (floor ${Math.round(row.floor.firstPaint)}), ready ${Math.round(row.ours.ready)} ms (floor ${Math.round(row.floor.ready)})`,
        )
        rows.push(row)
      }
    const blocked = rows.filter((r) => r.blocking.length)
    const budgets = [
      {
        budget: 'no render-blocking request on any first visit',
        value: blocked.length ? [...new Set(blocked.map((r) => `${r.page}: ${r.blocking.join(', ')}`))].join('; ') : 'none',
        met: blocked.length === 0,
      },
    ]
    return { chromium: browser.version(), runs, rows, budgets }
  } finally {
    floorServer?.close()
    await browser.close()
    server.stop()
  }
}

export function browserTable({ rows, budgets, runs }: BrowserReport): string {
  const ms = (n: number) => Math.round(n).toLocaleString('en')
  return [
    `| page | network | first paint ms | its floor | usable ms (htmx run) | its floor | HTML arrived ms | bytes over the wire | render-blocking requests |`,
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.page} | ${r.network} | ${ms(r.ours.firstPaint)} | ${ms(r.floor.firstPaint)} | ${ms(r.ours.ready)} | ${ms(r.floor.ready)} | ${ms(r.ours.htmlEnd)} | ${(r.ours.bytes / 1024).toFixed(1)} KB | ${r.blocking.join(', ') || 'none'} |`,
    ),
    '',
    `Medians of ${runs} cold visit${runs > 1 ? 's' : ''}; "its floor": the same page saved as one file (CSS inline) on a plain static server.`,
    '',
    '| budget | measured | met |',
    '|---|---|---|',
    ...budgets.map((b) => `| ${b.budget} | ${b.value} | ${b.met ? 'yes' : '**no**'} |`),
  ].join('\n')
}
