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
