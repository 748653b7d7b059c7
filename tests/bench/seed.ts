// The bench's data, written by SQL on the server's local D1 (a recursive CTE makes 100,000 rows in
// a few seconds), and the one browser whose cookies every request carries.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Compiled } from '../../src/questions/compile.ts'
import type { LocalServer } from '../harness/wrangler-dev.ts'
import { seededId } from './seeded.ts'

const root = join(import.meta.dirname, '..', '..')

// One browser's cookies, set up front: a player token (its hash owns the seeded quizzes) and a form token.
export const PLAYER = 'b'.repeat(43)
export const CSRF = 'c'.repeat(43)
export const COOKIE = `player=${PLAYER}; csrf=${CSRF}`
export const HTMX = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }

export type Route = {
  name: string
  path: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  paths?: string[]
}

/** What tests/bench/worker.ts reports in X-Bench-D1 for one request. */
export type D1Meter = { trips: number; reads: number; writes: number; batches: number; rowsRead: number; rowsWritten: number }

/**
 * One request as the bench's browser (`meter`: with the D1 and rate-limit counts in its reply).
 * Each on a new connection: `server.d1` blocks this process for seconds, so it never sees the
 * server close an idle keep-alive connection meanwhile, and would send the next request down it.
 */
export async function request(server: LocalServer, route: Route, meter = false) {
  const res = await fetch(server.url + route.path, {
    method: route.method ?? 'GET',
    headers: {
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
  const limits = res.headers.get('X-Bench-Limits')
  return {
    status: res.status,
    body,
    d1: d1 ? (JSON.parse(d1) as D1Meter) : null,
    limits: limits === null ? null : Number(limits),
    location: res.headers.get('Location'),
  }
}

const sql = (s: string) => `'${s.replace(/'/g, "''")}'`

function seedQuizzes(server: LocalServer, kind: string, plan: string, count: number) {
  const owner = createHash('sha256').update(PLAYER).digest('hex')
  server.d1(`insert into attempts (id, owner_hash, bank_id, plan, started_at, shown_at)
    with recursive n(i) as (select 0 union all select i + 1 from n where i < ${count - 1})
    select ${sql(kind)} || printf('%018d', i), ${sql(owner)}, 'race-2018', ${sql(plan)}, 1, 1 from n`)
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

/** Fails the run when seeding did not give the boards the size they are measured at. */
function expectSizes(server: LocalServer, classId: string, size: number) {
  const [row] = server.d1(`select (select finished from bank_totals where bank_id = 'race-2023') as bank,
    (select seats from classes where id = ${sql(classId)}) as class`)
  // The bank board also holds the bench player's own finished quiz.
  if (row.bank !== size + 1 || row.class !== size) throw new Error(`seeding gave ${JSON.stringify(row)}, not ${size}`)
  return { bankBoard: Number(row.bank), classBoard: Number(row.class) }
}

export type Seeded = Awaited<ReturnType<typeof seed>>

/**
 * Quizzes to answer (one answer each, so every POST takes the whole write path: number 0 for the
 * meter, 1 to `answers` for autocannon, the last for the replayed run), one to show, and one played through. That one is on the
 * race-2023 board, answered half right, so its player ranks mid-board on the results page and the
 * leaderboard, where a rank costs the most. Plus quizzes for /bench/d1-write (unless `writes` is
 * false), a class opened as a teacher would, and boards of `boardSize`; `grow` takes the boards to
 * a larger size.
 */
export async function seed(
  server: LocalServer,
  { answers, boardSize, writes = true }: { answers: number; boardSize: number; writes?: boolean },
) {
  const { banks } = JSON.parse(readFileSync(join(root, 'src/generated/banks.json'), 'utf8')) as Compiled
  const singles = banks
    .find((b) => b.id === 'race-2018')!
    .questions.filter((q) => q.type === 'single')
    .slice(0, 10)
  const plan = JSON.stringify(singles.map((q) => ({ q: q.id, order: q.type === 'single' ? q.choices.map((_, i) => i) : [] })))
  seedQuizzes(server, 'quiz', plan, answers + 4)
  if (writes) seedQuizzes(server, 'wref', plan, 5_000)
  const shown = seededId('quiz', answers + 1)
  const finished = seededId('quiz', answers + 2)
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
  const opened = await request(server, {
    name: 'class',
    path: '/classes',
    method: 'POST',
    body: `_csrf=${CSRF}&name=Bench&banks=race-2018&size=3&scoring=speed&naming=chosen`,
  })
  if (opened.status !== 303) throw new Error(`could not open a class: ${opened.status}`)
  const [klass] = server.d1('select id, board_id, code from classes')
  const classId = String(klass.id)
  seedBankBoard(server, 'race-2023', 0, boardSize)
  seedClassBoard(server, classId, 0, boardSize)
  const sizes = [expectSizes(server, classId, boardSize)]
  // A second class, just opened, whose teacher's page is weighed as a teacher first sees it.
  const fresh = await request(server, {
    name: 'class',
    path: '/classes',
    method: 'POST',
    body: `_csrf=${CSRF}&name=Weighed&banks=race-2018&size=10&scoring=speed&naming=chosen`,
  })
  if (fresh.status !== 303 || !fresh.location) throw new Error(`could not open a second class: ${fresh.status}`)
  return {
    /** The teacher's page of a class just opened. */
    newTeacherPath: fresh.location,
    shown,
    finished,
    boardId: String(klass.board_id),
    code: String(klass.code),
    /** Each a first answer to its own quiz, for autocannon; the meter's is quiz 0. */
    answerPaths: Array.from({ length: answers }, (_, i) => `/play/${seededId('quiz', i + 1)}/answer`),
    meterAnswerPath: `/play/${seededId('quiz', 0)}/answer`,
    /** A first answer for the replayed run (tests/bench/replay.ts), which answers it once for real. */
    replayAnswerPath: `/play/${seededId('quiz', answers + 3)}/answer`,
    /** The picker with two questions of each bank picked, adding one more. */
    pickerAddPath: `/classes/pick?${banks.flatMap((b) => b.questions.slice(0, 2).map((q) => `set=${q.id}`)).join('&')}&add=${singles[5].id}`,
    sizes,
    grow(size: number) {
      seedBankBoard(server, 'race-2023', boardSize, size)
      seedClassBoard(server, classId, boardSize, size)
      sizes.push(expectSizes(server, classId, size))
    },
  }
}
