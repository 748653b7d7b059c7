import { fillPlaceholders } from 'drizzle-orm'
import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1'

export type DB = DrizzleD1Database & { $client: D1Database }

// One drizzle instance per D1 binding, made once per isolate rather than once per request.
// (No `schema`: we use the query builder, not the relational API, so drizzle need not map it.)
const instances = new WeakMap<D1Database, DB>()

export function createDb(d1: D1Database): DB {
  let db = instances.get(d1)
  if (!db) instances.set(d1, (db = drizzle(d1)))
  return db
}

/** Queries made once per drizzle instance (so per isolate), as `make(db)` returns them. */
export function preparedFor<T>(make: (db: DB) => T): (db: DB) => T {
  const made = new WeakMap<DB, T>()
  return (db) => {
    let queries = made.get(db)
    if (!queries) made.set(db, (queries = make(db)))
    return queries
  }
}

/** What drizzle's `.prepare()` gives for a D1 query. */
type Prepared = {
  getQuery(): { sql: string; params: unknown[] }
  mapResult(response: unknown, isFromBatch?: boolean): unknown
  all(placeholderValues?: Record<string, unknown>): Promise<unknown>
}

/**
 * Runs queries prepared once (drizzle's `.prepare()`, with `sql.placeholder` for what changes) in
 * one D1 batch, each bound to `values`. drizzle's own `db.batch` builds every query's SQL again on
 * each call, which the bench's CPU profile showed as a third of what an answer spends in our code.
 */
export async function batchPrepared<const P extends readonly Prepared[]>(
  db: DB,
  queries: P,
  values: Record<string, unknown>,
): Promise<{ -readonly [K in keyof P]: Awaited<ReturnType<P[K]['all']>> }> {
  const statements = queries.map((query) => {
    const { sql, params } = query.getQuery()
    return db.$client.prepare(sql).bind(...fillPlaceholders(params, values))
  })
  const results = await db.$client.batch(statements)
  return results.map((result, i) => queries[i].mapResult(result, true)) as never
}
