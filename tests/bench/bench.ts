// npm run bench: the game's speed and weight, each route beside the runtime's own floor, in one
// run on one machine. It starts the bench build (tests/bench/worker.ts) under `wrangler dev` on a
// fresh local D1, seeds it, drives each route with autocannon over loopback, and prints a table;
// the same figures go to tests/bench/results/<date>-<commit>.json for comparison across commits.
import autocannon from 'autocannon'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, totalmem, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import type { Compiled } from '../../src/questions/compile.ts'
import { startServer, type LocalServer } from '../harness/wrangler-dev.ts'
import { seededId } from './seeded.ts'

const root = join(import.meta.dirname, '..', '..')
const wrangler = join(root, 'node_modules', '.bin', 'wrangler')
// --smoke: every step of the real run, in small (a second a route, boards of 100 and 1,000), so
// `npm test` proves the bench still starts and finishes; its figures mean nothing and are not kept.
const { values: flags } = parseArgs({ options: { smoke: { type: 'boolean', default: false } } })
const SMOKE = flags.smoke
const SECONDS = SMOKE ? 1 : Number(process.env.BENCH_SECONDS ?? 5) // per route
const FLOOR_SECONDS = SMOKE ? 1 : 3 // the floor, before each route
const CONNECTIONS = 10
const ANSWERS = SMOKE ? 200 : 2_000 // answer POSTs measured, each a first answer to its own quiz
const SMALL = SMOKE ? 100 : 1_000
const LARGE = SMOKE ? 1_000 : 100_000

// One browser's cookies, set up front: a player token (its hash owns the seeded quizzes) and a form token.
const PLAYER = 'b'.repeat(43)
const CSRF = 'c'.repeat(43)
const COOKIE = `player=${PLAYER}; csrf=${CSRF}`
const HTMX = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }
const sql = (s: string) => `'${s.replace(/'/g, "''")}'`
const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

/** What tests/bench/worker.ts reports in X-Bench-D1 for one request. */
type D1Meter = { trips: number; reads: number; writes: number; batches: number; rowsRead: number; rowsWritten: number }
type Route = { name: string; path: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; paths?: string[] }
/** `floor`: the floor measured just before this route, which `ofFloor` divides by. `group`: one route at both board sizes. */
type Measured = {
  route: string
  group?: string
  rps: number
  p50: number
  p99: number
  floor: number
  ofFloor: number
  non2xx: number
  d1: D1Meter | null
}

/** Seeded rows, written by SQL on the server's local D1 (a recursive CTE makes 100,000 rows in a few seconds). */
function seedQuizzes(server: LocalServer, kind: string, plan: string, count: number) {
  const owner = createHash('sha256').update(PLAYER).digest('hex')
  server.d1(`insert into attempts (id, owner_hash, bank_id, plan, started_at, shown_at)
    with recursive n(i) as (select 0 union all select i + 1 from n where i < ${count - 1})
    select ${sql(kind)} || printf('%018d', i), ${sql(owner)}, 'race-2018', ${sql(plan)}, 1, 1 from n`)
}

/** Fails the run when seeding did not give the board the size it is measured at. */
function expectSizes(server: LocalServer, classId: string, size: number) {
  const [row] = server.d1(`select (select finished from bank_totals where bank_id = 'race-2023') as bank,
    (select seats from classes where id = ${sql(classId)}) as class`)
  // The bank board also holds the bench player's own finished quiz.
  if (row.bank !== size + 1 || row.class !== size) throw new Error(`seeding gave ${JSON.stringify(row)}, not ${size}`)
  return { bankBoard: Number(row.bank), classBoard: Number(row.class) }
}

function seedBankBoard(server: LocalServer, bankId: string, from: number, to: number) {
  server.d1(`insert into attempts (id, owner_hash, bank_id, plan, cursor, answered, score, correct, time_ms, started_at, shown_at, finished_at, nickname)
    with recursive n(i) as (select ${from} union all select i + 1 from n where i < ${to - 1})
    select 'solo' || printf('%018d', i), 'seed-owner-' || i, ${sql(bankId)}, '[]', 9, 10, abs(random()) % 12001,
      abs(random()) % 11, 30000 + abs(random()) % 300000, 1, 1, 2, 'Player ' || i from n`)
}

function seedClassBoard(server: LocalServer, classId: string, from: number, to: number) {
  const range = `with recursive n(i) as (select ${from} union all select i + 1 from n where i < ${to - 1})`
  server.d1(`insert into attempts (id, owner_hash, bank_id, plan, cursor, answered, score, correct, time_ms, started_at, shown_at, finished_at, class_id)
    ${range} select 'seat' || printf('%018d', i), 'seat-owner-' || i, 'race-2018', '[]', 2, 3, abs(random()) % 3601,
      abs(random()) % 4, 30000 + abs(random()) % 90000, 1, 1, 2, ${sql(classId)} from n`)
  server.d1(`insert into students (attempt_id, class_id, owner_hash, nickname, nickname_key, joined_at)
    ${range} select 'seat' || printf('%018d', i), ${sql(classId)}, 'seat-owner-' || i, 'Seat ' || i, 'seat ' || i, 1 from n`)
}

async function request(server: LocalServer, route: Route, meter = false) {
  const res = await fetch(server.url + route.path, {
    method: route.method ?? 'GET',
    headers: {
      // A new connection each time: one left open could be closed by the server while this process
      // is blocked in server.d1 (seeding), and the next request sent down it would fail.
      Connection: 'close',
      Cookie: COOKIE,
      Origin: server.url,
      ...(route.body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      ...route.headers,
      ...(meter ? { 'X-Bench-Meter': '1' } : {}),
    },
    body: route.body,
    redirect: 'manual',
  })
  const body = Buffer.from(await res.arrayBuffer())
  const d1 = res.headers.get('X-Bench-D1')
  return { status: res.status, body, d1: d1 ? (JSON.parse(d1) as D1Meter) : null, location: res.headers.get('Location') }
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
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: failed }
}

const floors: number[] = []

/**
 * Measures a route: one metered request (D1 round trips and rows), the floor for a few seconds,
 * then the route. Each route is held against the floor measured just before it, because this
 * machine drifts by more than the differences we look for over a two-minute run.
 */
async function measure(server: LocalServer, route: Route, meterPath = route.path): Promise<Measured> {
  const metered = await request(server, { ...route, path: meterPath }, true)
  if (metered.status >= 400) throw new Error(`${route.name}: ${route.path} gave ${metered.status}`)
  const floor = (await cannon(server, { name: 'floor', path: '/bench/floor' }, FLOOR_SECONDS)).rps
  floors.push(floor)
  const run = await cannon(server, route)
  const m = { route: route.name, ...run, floor, ofFloor: run.rps / floor, d1: metered.d1 }
  console.log(
    `  ${route.name.padEnd(44)} ${Math.round(m.rps).toString().padStart(6)} req/s, ${(m.ofFloor * 100).toFixed(0).padStart(3)}% of the floor's ${Math.round(floor)}`,
  )
  return m
}

/** A page's first visit over the wire: its HTML and the CSS and JS it links to, raw and gzipped. */
async function weigh(server: LocalServer, name: string, path: string) {
  const html = (await request(server, { name, path })).body
  const text = html.toString()
  const linked = async (re: RegExp) => {
    const files = await Promise.all([...text.matchAll(re)].map(async (m) => (await request(server, { name, path: m[1] })).body))
    return { raw: files.reduce((n, b) => n + b.length, 0), gzip: files.reduce((n, b) => n + gz(b), 0) }
  }
  const css = await linked(/<link rel="stylesheet" href="([^"]+)"/g)
  const js = await linked(/<script src="([^"]+)"/g)
  if (!css.raw || !js.raw) throw new Error(`${name}: found no stylesheet or script to weigh`)
  return { page: name, html: { raw: html.length, gzip: gz(html) }, css, js, firstVisitGzip: gz(html) + css.gzip + js.gzip }
}

function bundleSize() {
  const out = mkdtempSync(join(tmpdir(), 'iom-quiz-bundle-'))
  try {
    execFileSync(wrangler, ['deploy', '--dry-run', '--outdir', out], { cwd: root, stdio: 'ignore', env: { ...process.env, CI: 'true' } })
    const js = readFileSync(join(out, 'index.js'))
    return { raw: js.length, gzip: gz(js) }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

const started = Date.now()
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
const machine = {
  cpu: `${cpus().length} × ${cpus()[0]?.model.trim()}`,
  memory: `${Math.round(totalmem() / 2 ** 30)} GB`,
  node: process.version,
  wrangler: execFileSync(wrangler, ['--version'], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop(),
}
console.log(`Bench on ${machine.cpu}, ${machine.memory}, Node ${machine.node}, wrangler ${machine.wrangler}; commit ${commit}`)
console.log('Bundling the Worker (wrangler deploy --dry-run)…')
const bundle = bundleSize()

console.log('Starting the bench build under wrangler dev on a fresh local D1…')
const server = await startServer({ script: 'tests/bench/worker.ts' })
try {
  const { banks } = JSON.parse(readFileSync(join(root, 'src/generated/banks.json'), 'utf8')) as Compiled
  const singles = banks
    .find((b) => b.id === 'race-2018')!
    .questions.filter((q) => q.type === 'single')
    .slice(0, 10)
  const plan = JSON.stringify(singles.map((q) => ({ q: q.id, order: q.type === 'single' ? q.choices.map((_, i) => i) : [] })))

  // Quizzes to answer (one answer each, so every POST takes the whole write path: number 0 for
  // the meter, 1 to ANSWERS for autocannon), one to show, and one to play through. That one is
  // on the race-2023 board, answered half right, so its player ranks mid-board on the results
  // page and the leaderboard, where a rank costs the most. Plus quizzes for /bench/d1-write.
  seedQuizzes(server, 'quiz', plan, ANSWERS + 3)
  seedQuizzes(server, 'wref', plan, 5_000)
  const shown = seededId('quiz', ANSWERS + 1)
  const finished = seededId('quiz', ANSWERS + 2)
  server.d1(`update attempts set bank_id = 'race-2023' where id = ${sql(finished)}`)
  for (let p = 0; p < 10; p++) {
    const answered = await request(server, {
      name: 'answer',
      path: `/play/${finished}/answer`,
      method: 'POST',
      body: `_csrf=${CSRF}&position=${p}&choice=${p % 2}`,
    })
    const moved =
      p < 9
        ? await request(server, { name: 'next', path: `/play/${finished}/next`, method: 'POST', body: `_csrf=${CSRF}&position=${p}` })
        : answered
    if (answered.status !== 303 || moved.status !== 303)
      throw new Error(`playing the results quiz: question ${p + 1} gave ${answered.status}, ${moved.status}`)
  }
  // A class, opened as a teacher would.
  const opened = await request(server, {
    name: 'class',
    path: '/classes',
    method: 'POST',
    body: `_csrf=${CSRF}&name=Bench&banks=race-2018&size=3&scoring=speed&naming=chosen`,
  })
  const [klass] = server.d1('select id, board_id from classes')
  const board = `/board/${klass.board_id}/rows`
  if (opened.status !== 303) throw new Error(`could not open a class: ${opened.status}`)

  seedBankBoard(server, 'race-2023', 0, SMALL)
  seedClassBoard(server, String(klass.id), 0, SMALL)
  const sizes = [expectSizes(server, String(klass.id), SMALL)]

  console.log(`Measuring, ${SECONDS} s a route with ${CONNECTIONS} connections:`)
  const rows: Measured[] = []
  const reference: Measured[] = []
  const answerPaths = Array.from({ length: ANSWERS }, (_, i) => `/play/${seededId('quiz', i + 1)}/answer`)
  const anonymous = { Cookie: `csrf=${CSRF}` } // a viewer with no score on the board
  const boards = async (size: number) => {
    const at = async (group: string, route: Route) =>
      rows.push({ ...(await measure(server, { ...route, name: `${group}, ${size.toLocaleString('en')}` })), group })
    await at('results page, mid-board', { name: '', path: `/results/${finished}` })
    await at('bank leaderboard, anonymous', { name: '', path: '/leaderboard/race-2023', headers: anonymous })
    await at('bank leaderboard, viewer mid-board', { name: '', path: '/leaderboard/race-2023' })
    await at('class board', { name: '', path: board, headers: HTMX })
  }
  reference.push(await measure(server, { name: 'D1 read alone (no app code)', path: '/bench/d1-read' }))
  reference.push(await measure(server, { name: 'D1 batch write alone (no app code)', path: '/bench/d1-write' }))
  reference.push(await measure(server, { name: 'rate-limit check alone (no app code)', path: '/bench/limit' }))
  rows.push(await measure(server, { name: 'home page', path: '/' }))
  rows.push(await measure(server, { name: 'question page', path: `/play/${shown}` }))
  // The picker reads no D1: every question (152 cards), and a card's button as htmx sends it.
  const picked = banks.flatMap((b) => b.questions.slice(0, 2).map((q) => `set=${q.id}`)).join('&')
  rows.push(await measure(server, { name: 'question picker, every question', path: '/classes/pick' }))
  rows.push(
    await measure(server, { name: 'picker: add a question (htmx)', path: `/classes/pick?${picked}&add=${singles[5].id}`, headers: HTMX }),
  )
  rows.push(
    await measure(
      server,
      {
        name: 'answer POST (htmx)',
        path: answerPaths[0],
        method: 'POST',
        headers: HTMX,
        body: `_csrf=${CSRF}&position=0&choice=0`,
        paths: answerPaths,
      },
      `/play/${seededId('quiz', 0)}/answer`,
    ),
  )
  await boards(SMALL)

  console.log(`Seeding to ${LARGE.toLocaleString('en')} attempts in the bank and the class…`)
  seedBankBoard(server, 'race-2023', SMALL, LARGE)
  seedClassBoard(server, String(klass.id), SMALL, LARGE)
  sizes.push(expectSizes(server, String(klass.id), LARGE))
  await boards(LARGE)

  const sorted = [...floors].sort((a, b) => a - b)
  const floor = {
    route: `floor (text from the fetch handler; median of ${floors.length} runs, ${Math.round(sorted[0])}–${Math.round(sorted.at(-1)!)})`,
    rps: sorted[Math.floor(sorted.length / 2)],
  }
  // What the runtime alone charges for a page's or an answer's needs, added up in time per request
  // (each reference's extra time as a share of its own floor's): an estimate of the most those
  // routes could reach on this machine, whatever our code did.
  const extra = (r: Measured) => 1 / r.ofFloor - 1
  const [read, write, limit] = reference
  const ceiling = { question: 1 / (1 + extra(read)), answer: 1 / (1 + extra(limit) + extra(read) + extra(write)) }

  const weights = [
    await weigh(server, 'home page', '/'),
    await weigh(server, 'question page', `/play/${shown}`),
    await weigh(server, 'results page', `/results/${finished}`),
    await weigh(server, 'bank leaderboard', '/leaderboard/race-2023'),
    await weigh(server, 'projector board', `/board/${klass.board_id}`),
    await weigh(server, 'question picker', '/classes/pick'),
  ]

  const byName = (prefix: string) => rows.find((r) => r.route.startsWith(prefix))!
  const answer = byName('answer POST')
  const budgets = [
    {
      budget: 'answer POST throughput ≥ 50% of the floor',
      value: `${(answer.ofFloor * 100).toFixed(0)}% (runtime alone: ${(ceiling.answer * 100).toFixed(0)}%)`,
      met: answer.ofFloor >= 0.5,
    },
    {
      budget: 'question page throughput ≥ 70% of the floor',
      value: `${(byName('question page').ofFloor * 100).toFixed(0)}% (runtime alone: ${(ceiling.question * 100).toFixed(0)}%)`,
      met: byName('question page').ofFloor >= 0.7,
    },
    ...(['bank leaderboard, anonymous', 'bank leaderboard, viewer mid-board', 'class board', 'results page, mid-board'] as const).map(
      (name) => {
        const [small, large] = rows.filter((r) => r.group === name)
        const slower = small.rps / large.rps
        return {
          budget: `${name}: at ${LARGE.toLocaleString('en')} within 1.5× the time at ${SMALL.toLocaleString('en')}`,
          value: `${slower.toFixed(2)}×`,
          met: slower <= 1.5,
        }
      },
    ),
    ...weights.map((w) => ({
      budget: `first visit to the ${w.page} ≤ 30 KB gzipped`,
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

  const report = {
    commit,
    date: new Date().toISOString(),
    machine,
    seconds: SECONDS,
    connections: CONNECTIONS,
    sizes,
    rows,
    reference,
    floors,
    ceiling,
    weights,
    bundle,
    budgets,
  }
  const file = join(root, 'tests', 'bench', 'results', `${report.date.slice(0, 10)}-${commit}.json`)
  if (!SMOKE) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n')
  }

  const table = [
    '| route | req/s | p50 ms | p99 ms | of floor | D1 round trips | rows read | rows written |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    `| ${floor.route} | ${Math.round(floor.rps).toLocaleString('en')} | | | 100% | | | |`,
    ...[...rows, ...reference].map(
      (r) =>
        `| ${r.route} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} | ${r.p99} | ${(r.ofFloor * 100).toFixed(0)}% | ${r.d1?.trips ?? '–'} | ${r.d1?.rowsRead.toLocaleString('en') ?? '–'} | ${r.d1?.rowsWritten ?? '–'} |` +
        (r.non2xx ? ` ${r.non2xx} failed` : ''),
    ),
    '',
    '| page, first visit | HTML | CSS | JS (htmx) | total gzipped |',
    '|---|---:|---:|---:|---:|',
    ...weights.map(
      (w) =>
        `| ${w.page} | ${kb(w.html.raw)} → ${kb(w.html.gzip)} | ${kb(w.css.raw)} → ${kb(w.css.gzip)} | ${kb(w.js.raw)} → ${kb(w.js.gzip)} | ${kb(w.firstVisitGzip)} |`,
    ),
    '',
    `Worker bundle: ${kb(bundle.raw)} → ${kb(bundle.gzip)} gzipped.`,
    '',
    '"Runtime alone" estimates the most a route could reach here with no app code: the floor plus what',
    'one D1 read (and for an answer one rate-limit check and one D1 batch) add when run alone.',
    '',
    '| budget | measured | met |',
    '|---|---:|---|',
    ...budgets.map((b) => `| ${b.budget} | ${b.value} | ${b.met ? 'yes' : '**no**'} |`),
  ].join('\n')
  console.log(
    `\n${table}\n\nSizes: raw → gzip -9. ${SMOKE ? 'A smoke run: its figures are not kept' : `Figures in ${file.slice(root.length + 1)}`}; took ${Math.round((Date.now() - started) / 1000)} s.`,
  )
} finally {
  server.stop()
}
