// npm run bench: the game's speed and weight, each route beside the runtime's own floor, in one
// run on one machine. It starts the bench build (tests/bench/worker.ts) under `wrangler dev` on a
// fresh local D1, seeds it, drives each route with autocannon over loopback, and prints a table;
// the same figures go to tests/bench/results/<date>-<commit>.json for comparison across commits.
// `--browser`: a phone's first visit in Chromium instead (tests/bench/browser.ts); `--profile`:
// CPU profiles of the routes instead (tests/bench/profile.ts).
import autocannon from 'autocannon'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, totalmem, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { startServer, type LocalServer } from '../harness/wrangler-dev.ts'
import { browserTable, firstVisits } from './browser.ts'
import { workerProcess, withCpu } from './cpu.ts'
import { byModule, connectProfiler, hotspots } from './profile.ts'
import { COOKIE, HTMX, request, seed, type D1Meter, type Route, type Seeded } from './seed.ts'

const root = join(import.meta.dirname, '..', '..')
const wrangler = join(root, 'node_modules', '.bin', 'wrangler')
// --smoke: every step of the real run, in small (a second a route, boards of 100 and 1,000), so
// `npm test` proves the bench still starts and finishes; its figures mean nothing and are not kept.
const { values: flags } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    browser: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
})
const SMOKE = flags.smoke
// Each route is measured in slices, a second each of the floor and the route, and then our code
// alone (the route served over inside the Worker), in turn: this shared machine drifts within
// seconds by more than the differences we look for, and the median of the slices holds each route
// against the floor of the same moment.
const SLICES = SMOKE ? 1 : 5
const SECONDS = 1
const CONNECTIONS = 10
const ANSWERS = SMOKE ? 200 : 2_000 // answer POSTs measured, each a first answer to its own quiz
const REPEAT = SMOKE ? 20 : 500 // requests served over inside the Worker, for our code's CPU alone
const SMALL = SMOKE ? 100 : 1_000
const LARGE = SMOKE ? 1_000 : 100_000
/** Cloudflare's Free plan stops a request after this much CPU time. */
const FREE_PLAN_CPU_MS = 10

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const ms = (n: number) => n.toFixed(2)
const pct = (n: number) => `${(n * 100).toFixed(0)}%`

/** `floor`: the floor measured just before this route, which `ofFloor` divides by. `group`: one route at both board sizes. */
type Measured = {
  route: string
  group?: string
  rps: number
  p50: number
  p99: number
  floor: number
  ofFloor: number
  /** The Worker's workerd process, in CPU milliseconds a request: this route, and the floor just before it. */
  cpuMs: number
  floorCpuMs: number
  /** CPU milliseconds a request of our code alone: served over inside the Worker, D1 and the rate limits replayed (tests/bench/replay.ts). */
  oursMs: number
  non2xx: number
  d1: D1Meter | null
  limits: number | null
}

async function cannon(server: LocalServer, route: Route, seconds = SECONDS) {
  let i = 0
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    ...(route.paths ? { amount: route.paths.length } : { duration: seconds }),
    requests: [
      {
        method: route.method ?? 'GET',
        path: route.path,
        headers: {
          Cookie: COOKIE,
          Origin: server.url,
          ...(route.body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
          ...route.headers,
        },
        body: route.body,
        ...(route.paths ? { setupRequest: (req: autocannon.Request) => ({ ...req, path: route.paths![i++ % route.paths!.length] }) } : {}),
      },
    ],
  })
  const failed = result.non2xx + result.errors
  // A route that fails fast would look fast: a bench with failures is no bench.
  if (failed) throw new Error(`${route.name}: ${failed} of ${result.requests.total} requests failed`)
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: failed, total: result.requests.total }
}

const floors: number[] = []

/** CPU milliseconds a request of our code alone: the route served REPEAT times over inside the Worker. */
async function oursAlone(server: LocalServer, pid: string, repeated: Route) {
  const alone = await withCpu(pid, () => request(server, repeated))
  // A route that fails fast would look fast.
  const { status } = JSON.parse(alone.body.toString()) as { status: number }
  if (status >= 400) throw new Error(`${repeated.name}: ${repeated.path} gave ${status} served over`)
  return alone.cpuMs / REPEAT
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/**
 * Measures a route: one metered request (D1 round trips and rows, rate-limit checks), then slices
 * of the floor and the route, each with the CPU time the Worker's process spent on it, and our
 * code alone: the route served REPEAT times over inside the Worker, with D1 and the rate limits
 * replayed (tests/bench/worker.ts); the median of the slices.
 */
async function measure(
  server: LocalServer,
  pid: string,
  route: Route,
  { meterPath = route.path, replayPath = route.path, app = true }: { meterPath?: string; replayPath?: string; app?: boolean } = {},
): Promise<Measured> {
  const metered = await request(server, { ...route, path: meterPath }, true)
  if (metered.status >= 400) throw new Error(`${route.name}: ${route.path} gave ${metered.status}`)
  const repeated = { ...route, path: replayPath, paths: undefined, headers: { ...route.headers, 'X-Bench-Repeat': String(REPEAT) } }
  const slices = []
  for (let i = 0; i < SLICES; i++) {
    const share = route.paths && route.paths.slice((i * route.paths.length) / SLICES, ((i + 1) * route.paths.length) / SLICES)
    const floor = await withCpu(pid, () => cannon(server, { name: 'floor', path: '/bench/floor' }))
    const run = await withCpu(pid, () => cannon(server, { ...route, paths: share }))
    const perRequest = (r: { cpuMs: number; total: number }) => r.cpuMs / r.total
    slices.push({
      floor,
      run,
      cpuMs: perRequest(run),
      floorCpuMs: perRequest(floor),
      oursMs: app ? await oursAlone(server, pid, repeated) : NaN,
    })
    floors.push(floor.rps)
  }
  const m: Measured = {
    route: route.name,
    rps: median(slices.map((x) => x.run.rps)),
    p50: median(slices.map((x) => x.run.p50)),
    p99: median(slices.map((x) => x.run.p99)),
    non2xx: 0,
    floor: median(slices.map((x) => x.floor.rps)),
    ofFloor: median(slices.map((x) => x.run.rps / x.floor.rps)),
    cpuMs: median(slices.map((x) => x.cpuMs)),
    floorCpuMs: median(slices.map((x) => x.floorCpuMs)),
    oursMs: median(slices.map((x) => x.oursMs)),
    d1: metered.d1,
    limits: metered.limits,
  }
  console.log(
    `  ${route.name.padEnd(44)} ${Math.round(m.rps).toString().padStart(6)} req/s, ${pct(m.ofFloor).padStart(4)} of the floor's ${Math.round(m.floor)}; CPU ${ms(m.cpuMs)} ms a request, the floor's ${ms(m.floorCpuMs)}${Number.isNaN(m.oursMs) ? '' : `, ours ${ms(m.oursMs)}`}`,
  )
  return m
}

/** A page's first visit over the wire: its HTML (with any CSS inline) and the CSS and JS it links to, raw and gzipped. */
async function weigh(server: LocalServer, name: string, path: string) {
  const html = (await request(server, { name, path })).body
  const text = html.toString()
  const linked = async (re: RegExp) => {
    const files = await Promise.all([...text.matchAll(re)].map(async (m) => (await request(server, { name, path: m[1] })).body))
    return { raw: files.reduce((n, b) => n + b.length, 0), gzip: files.reduce((n, b) => n + gz(b), 0) }
  }
  const inline = [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('')
  const css = await linked(/<link rel="stylesheet" href="([^"]+)"/g)
  const js = await linked(/<script src="([^"]+)"/g)
  if ((!css.raw && !inline) || !js.raw) throw new Error(`${name}: found no stylesheet or script to weigh`)
  return {
    page: name,
    html: { raw: html.length, gzip: gz(html) },
    inlineCss: { raw: Buffer.byteLength(inline), gzip: inline ? gz(inline) : 0 },
    css,
    js,
    firstVisitGzip: gz(html) + css.gzip + js.gzip,
  }
}

function bundleSize() {
  const out = mkdtempSync(join(tmpdir(), 'iom-quiz-bundle-'))
  try {
    execFileSync(wrangler, ['deploy', '--dry-run', '--outdir', out], { cwd: root, stdio: 'ignore', env: { ...process.env, CI: 'true' } })
    const js = readFileSync(join(out, 'index.js'))
    // What a bigger bundle costs: the CPU a cold isolate spends before its first request (parsing,
    // compiling, each module's top level), from wrangler's startup profile run locally; median of three.
    const startup = (SMOKE ? [0] : [0, 1, 2]).map((i) => {
      const profile = join(out, `startup-${i}.cpuprofile`)
      execFileSync(wrangler, ['check', 'startup', '--outfile', profile], {
        cwd: root,
        stdio: 'ignore',
        env: { ...process.env, CI: 'true' },
      })
      return hotspots(JSON.parse(readFileSync(profile, 'utf8'))).busyMs
    })
    return { raw: js.length, gzip: gz(js), startupMs: median(startup) }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

/** The routes measured at each board size, beside the home page, the question page and an answer. */
const boardRoutes = (seeded: Seeded, size: number): (Route & { group: string })[] =>
  [
    { group: 'results page, mid-board', path: `/results/${seeded.finished}` },
    { group: 'bank leaderboard, anonymous', path: '/leaderboard/race-2023', headers: { Cookie: `csrf=${'c'.repeat(43)}` } },
    { group: 'bank leaderboard, viewer mid-board', path: '/leaderboard/race-2023' },
    { group: 'class board', path: `/board/${seeded.boardId}/rows`, headers: HTMX },
  ].map((r) => ({ ...r, name: `${r.group}, ${size.toLocaleString('en')}` }))

const playRoutes = (seeded: Seeded): (Route & { meterPath?: string; replayPath?: string })[] => [
  { name: 'home page', path: '/' },
  { name: 'question page', path: `/play/${seeded.shown}` },
  // The picker reads no D1: its first page of questions, and a card's button as htmx sends it.
  { name: 'question picker', path: '/classes/pick' },
  { name: 'picker: add a question (htmx)', path: seeded.pickerAddPath, headers: HTMX },
  {
    name: 'answer POST (htmx)',
    path: seeded.answerPaths[0],
    method: 'POST',
    headers: HTMX,
    body: `_csrf=${'c'.repeat(43)}&position=0&choice=0`,
    paths: seeded.answerPaths,
    meterPath: seeded.meterAnswerPath,
    replayPath: seeded.replayAnswerPath,
  },
]

const started = Date.now()
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
const date = new Date().toISOString()
const machine = {
  cpu: `${cpus().length} × ${cpus()[0]?.model.trim()}`,
  memory: `${Math.round(totalmem() / 2 ** 30)} GB`,
  node: process.version,
  wrangler: execFileSync(wrangler, ['--version'], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop(),
}
console.log(`Bench on ${machine.cpu}, ${machine.memory}, Node ${machine.node}, wrangler ${machine.wrangler}; commit ${commit}`)

if (flags.browser) {
  const report = await firstVisits({ smoke: SMOKE })
  if (report) {
    if (!SMOKE) writeResults(`${date.slice(0, 10)}-${commit}-browser.json`, { commit, date, machine, ...report })
    console.log(
      `\n${browserTable(report)}\n\n${SMOKE ? 'A smoke run: its figures are not kept. ' : ''}Took ${Math.round((Date.now() - started) / 1000)} s.`,
    )
  }
} else if (flags.profile) {
  await profileRoutes()
} else {
  await throughput()
}

function writeResults(name: string, report: object) {
  const file = join(root, 'tests', 'bench', 'results', name)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n')
  console.log(`Figures in ${file.slice(root.length + 1)}`)
}

/**
 * --profile: each route under load for a few seconds, profiled, then again replayed (D1 and the
 * rate limits answered from memory: our code alone); unminified, so the names read.
 */
async function profileRoutes() {
  console.log('Starting the bench build (unminified) under wrangler dev on a fresh local D1…')
  const server = await startServer({ script: 'tests/bench/worker.ts', flags: ['--minify=false'] })
  const profiler = await connectProfiler(server.inspector)
  try {
    const seeded = await seed(server, { answers: ANSWERS, boardSize: SMALL })
    const out = join(root, 'bench-results')
    mkdirSync(out, { recursive: true })
    const routes: (Route & { meterPath?: string; replayPath?: string })[] = [...playRoutes(seeded), ...boardRoutes(seeded, SMALL)]
    for (const { meterPath: _, replayPath, ...all } of routes) {
      const route = { ...all, paths: all.paths?.slice(0, 500) } // 500 answers profile as well as 2,000
      const replay = {
        ...route,
        name: `${route.name}, replayed`,
        path: replayPath ?? route.path,
        paths: undefined,
        headers: { ...route.headers, 'X-Bench-Replay': '1' },
      }
      for (const run of [route, replay]) {
        let requests = 0
        const profile = await profiler.record(async () => (requests = (await cannon(server, run, 5)).total))
        const file = join(out, `${commit}-${run.name.replace(/\W+/g, '-').replace(/-$/, '')}.cpuprofile`)
        writeFileSync(file, JSON.stringify(profile))
        const { self, inclusive, busyMs } = hotspots(profile, 15)
        const sources = new Map<string, string>()
        for (const id of new Set(profile.nodes.filter((n) => /worker\.js$/.test(n.callFrame.url)).map((n) => n.callFrame.scriptId)))
          sources.set(id, await profiler.source(id))
        const perRequest = (time: number) =>
          `${Math.round((time / requests) * 1000)
            .toString()
            .padStart(6)} µs`
        const line = (share: number, time: number, name: string) => `    ${pct(share).padStart(4)} ${perRequest(time)}  ${name}`
        console.log(`\n${run.name}: ${perRequest(busyMs)} a request busy in the Worker's isolate; ${file.slice(root.length + 1)}`)
        console.log('  by module (with the runtime calls it makes):')
        for (const m of byModule(profile, sources, 15)) console.log(line(m.share, m.ms, m.module))
        console.log('  self:')
        for (const h of self) console.log(line(h.selfShare, h.selfMs, h.name))
        console.log('  inclusive:')
        for (const h of inclusive) console.log(line(h.totalShare, h.totalMs, h.name))
      }
    }
  } finally {
    profiler.close()
    server.stop()
  }
}

async function throughput() {
  console.log('Bundling the Worker (wrangler deploy --dry-run)…')
  const bundle = bundleSize()
  console.log('Starting the bench build under wrangler dev on a fresh local D1…')
  const server = await startServer({ script: 'tests/bench/worker.ts' })
  try {
    const pid = workerProcess(server.group)
    const seeded = await seed(server, { answers: ANSWERS, boardSize: SMALL })
    console.log(
      `Measuring, ${SLICES} × ${SECONDS} s of the floor and the route with ${CONNECTIONS} connections, and the route ${REPEAT} times over inside the Worker:`,
    )
    const rows: Measured[] = []
    const reference: Measured[] = []
    reference.push(await measure(server, pid, { name: 'D1 read alone (no app code)', path: '/bench/d1-read' }, { app: false }))
    reference.push(await measure(server, pid, { name: 'D1 batch write alone (no app code)', path: '/bench/d1-write' }, { app: false }))
    reference.push(await measure(server, pid, { name: 'rate-limit check alone (no app code)', path: '/bench/limit' }, { app: false }))
    for (const { meterPath, replayPath, ...route } of playRoutes(seeded))
      rows.push(await measure(server, pid, route, { meterPath, replayPath }))
    const boards = async (size: number) => {
      for (const route of boardRoutes(seeded, size)) rows.push({ ...(await measure(server, pid, route)), group: route.group })
    }
    await boards(SMALL)
    console.log(`Seeding to ${LARGE.toLocaleString('en')} attempts in the bank and the class…`)
    seeded.grow(LARGE)
    await boards(LARGE)

    const weights = [
      await weigh(server, 'home', '/'),
      await weigh(server, 'question', `/play/${seeded.shown}`),
      await weigh(server, 'results', `/results/${seeded.finished}`),
      await weigh(server, 'bank leaderboard', '/leaderboard/race-2023'),
      await weigh(server, 'projector board', `/board/${seeded.boardId}`),
      await weigh(server, 'question picker', '/classes/pick'),
      await weigh(server, 'join', `/join/${seeded.code}`),
      await weigh(server, 'new class form', '/classes/new'),
      await weigh(server, 'teacher (new class)', seeded.newTeacherPath),
    ]
    const report = { commit, date, machine, seconds: SECONDS, connections: CONNECTIONS, sizes: seeded.sizes, rows, reference, floors }
    const tables = tabulate({ ...report, weights, bundle })
    if (!SMOKE) writeResults(`${date.slice(0, 10)}-${commit}.json`, { ...report, ...tables.figures, weights, bundle })
    console.log(
      `\n${tables.text}\n\nSizes: raw → gzip -9. ${SMOKE ? 'A smoke run: its figures are not kept. ' : ''}Took ${Math.round((Date.now() - started) / 1000)} s.`,
    )
  } finally {
    server.stop()
  }
}

type Weights = Awaited<ReturnType<typeof weigh>>[]

function tabulate({
  rows,
  reference,
  weights,
  bundle,
}: {
  rows: Measured[]
  reference: Measured[]
  weights: Weights
  bundle: { raw: number; gzip: number; startupMs: number }
}) {
  const sorted = [...floors].sort((a, b) => a - b)
  const floor = {
    route: `floor (text from the fetch handler; median of ${floors.length} runs, ${Math.round(sorted[0])}–${Math.round(sorted.at(-1)!)})`,
    rps: sorted[Math.floor(sorted.length / 2)],
    cpuMs: [...rows, ...reference].map((r) => r.floorCpuMs).sort((a, b) => a - b)[Math.floor((rows.length + reference.length) / 2)],
  }
  // Ratios of the floor by CPU time: the throughput each route would reach were the Worker's process
  // all this machine ran (req/s says what it did reach, with wrangler's proxy, autocannon and
  // whatever else shares the cores). And the same were D1 and the rate limiter elsewhere, as in
  // production: the floor plus our code alone (the route served over inside the Worker).
  const over = (r: Measured) => r.cpuMs - r.floorCpuMs
  const ofFloorCpu = (r: Measured) => r.floorCpuMs / r.cpuMs
  const elsewhere = (r: Measured) => r.floorCpuMs / (r.floorCpuMs + Math.max(0, r.oursMs))
  // What the runtime alone charges for a page's or an answer's needs (the reference rows): the most
  // those routes could reach on this machine, whatever our code did.
  const [read, write, limit] = reference
  const ceiling = {
    question: floor.cpuMs / (floor.cpuMs + over(read)),
    answer: floor.cpuMs / (floor.cpuMs + over(limit) + over(read) + over(write)),
  }
  const cpu = rows.map((r) => ({
    route: r.route,
    cpuMs: r.cpuMs,
    overFloor: over(r),
    ours: r.oursMs,
    emulators: over(r) - r.oursMs,
    ofFloorCpu: ofFloorCpu(r),
    elsewhere: elsewhere(r),
  }))

  const byName = (prefix: string) => rows.find((r) => r.route.startsWith(prefix))!
  const answer = byName('answer POST')
  const question = byName('question page')
  const others = rows.filter((r) => r !== answer && r !== question)
  const slowestOther = others.reduce((a, b) => (elsewhere(b) < elsewhere(a) ? b : a))
  // Judged as production would bill it: the floor plus our code, D1 and the rate limiter elsewhere.
  // In-process here, the emulators alone keep an answer under 50% and a question page under 75%
  // whatever our code does ("runtime alone"), so that ratio is shown beside, not judged.
  const ratios = (r: Measured) => `${pct(elsewhere(r))} (in-process here ${pct(ofFloorCpu(r))}; req/s ${pct(r.ofFloor)})`
  const budgets = [
    {
      budget: 'answer POST ≥ 50% of the floor, by CPU',
      value: `${ratios(answer)}; runtime alone in-process ${pct(ceiling.answer)}`,
      met: elsewhere(answer) >= 0.5,
    },
    {
      budget: 'question page ≥ 75% of the floor, by CPU',
      value: `${ratios(question)}; runtime alone in-process ${pct(ceiling.question)}`,
      met: elsewhere(question) >= 0.75,
    },
    {
      budget: 'every other page ≥ 70% of the floor, by CPU',
      value: `lowest ${ratios(slowestOther)}, ${slowestOther.route}`,
      met: others.every((r) => elsewhere(r) >= 0.7),
    },
    ...(['bank leaderboard, anonymous', 'bank leaderboard, viewer mid-board', 'class board', 'results page, mid-board'] as const).map(
      (name) => {
        const [small, large] = rows.filter((r) => r.group === name)
        const slower = large.cpuMs / small.cpuMs
        return {
          budget: `${name}: at ${LARGE.toLocaleString('en')} within 1.5× the CPU time at ${SMALL.toLocaleString('en')}`,
          value: `${slower.toFixed(2)}×`,
          met: slower <= 1.5,
        }
      },
    ),
    ...weights.map((w) => ({
      budget: `first visit to the ${w.page} page ≤ 30 KB gzipped`,
      value: kb(w.firstVisitGzip),
      met: w.firstVisitGzip <= 30 * 1024,
    })),
    { budget: 'Worker bundle < 150 KB gzipped', value: kb(bundle.gzip), met: bundle.gzip < 150 * 1024 },
    {
      budget: 'at most one read and one batch write per answer',
      value: `${answer.d1?.reads} read, ${answer.d1?.writes} writes alone, ${answer.d1?.batches} batch`,
      met: answer.d1 !== null && answer.d1.reads <= 1 && answer.d1.writes === 0 && answer.d1.batches <= 1,
    },
  ]
  const text = [
    '| route | req/s | p50 ms | p99 ms | of floor, req/s | CPU ms | of floor, CPU | D1 round trips | rows read | rows written | limit checks |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${floor.route} | ${Math.round(floor.rps).toLocaleString('en')} | | | 100% | ${ms(floor.cpuMs)} | 100% | | | | |`,
    ...[...rows, ...reference].map(
      (r) =>
        `| ${r.route} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} | ${r.p99} | ${pct(r.ofFloor)} | ${ms(r.cpuMs)} | ${pct(ofFloorCpu(r))} | ${r.d1?.trips ?? '–'} | ${r.d1?.rowsRead.toLocaleString('en') ?? '–'} | ${r.d1?.rowsWritten ?? '–'} | ${r.limits ?? '–'} |`,
    ),
    '',
    "CPU: the Worker's workerd process, in milliseconds a request. Locally it also runs D1's and the rate limiter's",
    'emulators, which production runs elsewhere; "ours" is our code alone: the route served over and over inside',
    'the Worker, with D1 and the rate limits answered from memory after their first answer (tests/bench/replay.ts).',
    '',
    `| route | CPU ms a request | over the floor | ours | runtime and emulators (the rest) | of floor, CPU | D1 and limits elsewhere | ours, of the Free plan's ${FREE_PLAN_CPU_MS} ms |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...cpu.map(
      (c) =>
        `| ${c.route} | ${ms(c.cpuMs)} | ${ms(c.overFloor)} | ${ms(c.ours)} | ${ms(c.emulators)} | ${pct(c.ofFloorCpu)} | ${pct(c.elsewhere)} | ${pct(c.ours / FREE_PLAN_CPU_MS)} |`,
    ),
    '',
    '| page, first visit | HTML | of which CSS inline | CSS linked | JS (htmx) | total gzipped |',
    '|---|---:|---:|---:|---:|---:|',
    ...weights.map(
      (w) =>
        `| ${w.page} | ${kb(w.html.raw)} → ${kb(w.html.gzip)} | ${kb(w.inlineCss.raw)} → ${kb(w.inlineCss.gzip)} | ${kb(w.css.raw)} → ${kb(w.css.gzip)} | ${kb(w.js.raw)} → ${kb(w.js.gzip)} | ${kb(w.firstVisitGzip)} |`,
    ),
    '',
    `Worker bundle: ${kb(bundle.raw)} → ${kb(bundle.gzip)} gzipped; a cold start spends ${bundle.startupMs.toFixed(0)} ms of CPU before its first request (wrangler check startup, here).`,
    '',
    'Budgets by CPU are judged with D1 and the limits elsewhere, as in production: the floor over the floor plus',
    'our code. "Runtime alone": the most a route could reach in-process here with no app code, by CPU: the floor',
    'plus what one D1 read (and for an answer one rate-limit check and one D1 batch) add when run alone (the',
    'reference rows).',
    '',
    '| budget | measured | met |',
    '|---|---|---|',
    ...budgets.map((b) => `| ${b.budget} | ${b.value} | ${b.met ? 'yes' : '**no**'} |`),
  ].join('\n')
  return { text, figures: { floor, ceiling, cpu, budgets } }
}
