// A browser without a screen, for the load runs: cookies, the form token, manual redirects,
// and a sample of every request's status and time; and the check of the database after a run.
import type { LocalServer } from '../harness/wrangler-dev.ts'
export type Sample = { status: number; ms: number }

/** A browser without a screen: cookies, the form token, and manual redirects. */
export class Client {
  #jar = new Map<string, string>()
  readonly #base: string
  readonly #samples: Sample[]
  constructor(base: string, samples: Sample[]) {
    this.#base = base
    this.#samples = samples
  }

  async request(
    path: string,
    init: RequestInit = {},
  ): Promise<{ status: number; html: string; location: string | null; retryAfter: number }> {
    const headers = new Headers(init.headers)
    if (this.#jar.size) headers.set('Cookie', [...this.#jar].map(([k, v]) => `${k}=${v}`).join('; '))
    const started = performance.now()
    const res = await fetch(this.#base + path, { ...init, headers, redirect: 'manual' })
    const html = await res.text()
    this.#samples.push({ status: res.status, ms: performance.now() - started })
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';')
      const at = pair.indexOf('=')
      this.#jar.set(pair.slice(0, at), pair.slice(at + 1))
    }
    return { status: res.status, html, location: res.headers.get('Location'), retryAfter: Number(res.headers.get('Retry-After') ?? 0) }
  }

  /** The Cookie header this browser sends (a WebSocket opened from Node needs it spelled out). */
  get cookie() {
    return [...this.#jar].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  get = (path: string, htmx = false) => this.request(path, { headers: htmx ? HTMX : {} })

  post(path: string, fields: [string, string][], htmx = false) {
    const body = new URLSearchParams([['_csrf', this.#jar.get('csrf') ?? ''], ...fields])
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: this.#base, ...(htmx ? HTMX : {}) }
    return this.request(path, { method: 'POST', body, headers })
  }
}

/**
 * A nickname for each simulated student: a word and their number in consonants. Digits are read
 * as leetspeak by the word filter, and enough numbers would spell a word it refuses ("455").
 */
export const numbered = (word: string, i: number) => `${word} ${[...i.toString(8)].map((d) => 'bhjmwxyz'[Number(d)]).join('')}`

export const HTMX = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Sends until the server takes it: waits out a 429's Retry-After (a person would), up to 3 times. */
export async function patiently<T extends { status: number; retryAfter: number }>(send: () => Promise<T>, deadline: number): Promise<T> {
  for (let tries = 0; ; tries++) {
    const res = await send()
    if (res.status !== 429 || tries === 3 || Date.now() + res.retryAfter * 1000 > deadline) return res
    await sleep(res.retryAfter * 1000)
  }
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

/** A player as a load run saw it: its attempt, and the questions it saw its answer accepted to. */
export type Seen = { attemptId?: string; accepted: Set<number> }

/**
 * The database, read directly, against what the players saw: answers accepted but not stored
 * (lost), stored but never seen accepted (phantom), and totals that are not the sums of their answers.
 */
export function checkStored(server: LocalServer, players: Seen[]) {
  const rows = server.d1(
    `select a.id, a.score, a.answered, a.correct, count(n.position) as given, coalesce(sum(n.points), 0) as points_sum,
       coalesce(sum(n.credit = 1), 0) as right_sum, coalesce(group_concat(n.position), '') as positions, s.nickname
     from attempts a join students s on s.attempt_id = a.id left join answers n on n.attempt_id = a.id
     group by a.id`,
  )
  const byId = new Map(rows.map((r) => [String(r.id), r]))
  let lost = 0
  let phantom = 0
  for (const p of players) {
    const row = p.attemptId ? byId.get(p.attemptId) : undefined
    const positions = new Set(
      String(row?.positions ?? '')
        .split(',')
        .filter(Boolean)
        .map(Number),
    )
    lost += [...p.accepted].filter((q) => !positions.has(q)).length
    phantom += [...positions].filter((q) => !p.accepted.has(q)).length
  }
  return {
    rows,
    stored: rows.reduce((n, r) => n + Number(r.given), 0),
    lost,
    phantom,
    totalsWrong: rows.filter((r) => r.score !== r.points_sum || r.answered !== r.given || r.correct !== r.right_sum).length,
  }
}

/**
 * Sends an answer as people do: most once, a share twice at once (a double tap), and a share
 * twice in a row, the first reply "lost" so it never reaches them. Returns the replies they see.
 */
export async function sendLikeAPerson<T>(
  send: () => Promise<T>,
  o: { random: () => number; doubleShare: number; retryShare: number },
  counts: { doubled: number; retried: number },
): Promise<T[]> {
  if (o.random() < o.doubleShare) {
    counts.doubled++
    return Promise.all([send(), send()])
  }
  if (o.random() < o.retryShare) {
    counts.retried++
    await send()
    return [await send()]
  }
  return [await send()]
}
