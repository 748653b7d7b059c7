// The bindings a route needs, answered without running them, so the bench can measure what our own
// code costs. Locally, D1 and the rate limiter are emulated inside the Worker's own workerd
// process (in production they run elsewhere, and the Worker's CPU time does not include them), so
// a route's CPU time there mixes ours with theirs. With these, each D1 statement or batch runs once
// for real and is then answered from memory with that first result; every rate-limit check passes.
// The code above them does all its usual work: it builds and binds its statements, maps the rows,
// renders, hashes and sets its headers.

const memo = new Map<string, unknown>()

// Statements that differ only by a timestamp (now, a time since) are the same work: one key.
const keyOf = (sql: string, params: unknown[]) => `${sql} ${JSON.stringify(params).replace(/\b1\d{12}\b/g, 'T')}`

async function once<T>(key: string, run: () => Promise<T>): Promise<T> {
  if (!memo.has(key)) memo.set(key, await run())
  return memo.get(key) as T
}

type Statement = D1PreparedStatement & { key: string; real: () => D1PreparedStatement }

function replayingD1(d1: D1Database): D1Database {
  const statement = (sql: string, params: unknown[] = []): Statement => {
    const key = keyOf(sql, params)
    const real = () => d1.prepare(sql).bind(...params)
    return {
      key,
      real,
      bind: (...values: unknown[]) => statement(sql, values),
      raw: ((options?: { columnNames?: boolean }) =>
        once(`raw ${options?.columnNames} ${key}`, () => real().raw(options as never))) as never,
      all: () => once(`all ${key}`, () => real().all()),
      run: () => once(`run ${key}`, () => real().run()),
      first: ((column?: string) => once(`first ${column} ${key}`, () => real().first(column as never))) as never,
    }
  }
  return {
    prepare: (sql: string) => statement(sql),
    batch: (list: Statement[]) => once(`batch ${list.map((s) => s.key).join(' | ')}`, () => d1.batch(list.map((s) => s.real()))),
  } as unknown as D1Database
}

const passing: RateLimit = { limit: async () => ({ success: true }) }

// One replaying binding per real one, as workerd hands the same env to every request: the app
// makes its drizzle instance and prepared queries once per binding, and must keep doing so here.
const replaying = new WeakMap<D1Database, D1Database>()

/** `env` with D1 answered from memory after its first answer, and every rate limit passing. */
export function replayed<E extends { DB: D1Database }>(env: E, limiters: readonly (keyof E)[]): E {
  let db = replaying.get(env.DB)
  if (!db) replaying.set(env.DB, (db = replayingD1(env.DB)))
  return { ...env, DB: db, ...Object.fromEntries(limiters.map((name) => [name, passing])) }
}
