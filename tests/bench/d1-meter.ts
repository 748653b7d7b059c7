// D1 with every round trip counted, and the rows each read and wrote (from D1's result metadata).
// Used by the bench build (tests/bench/worker.ts) and by tests that hold requests to a budget of
// round trips and rows.

/** `trips` counts every round trip: `reads` and `writes` are statements run alone (by whether they select), `batches` the rest. */
export type D1Meter = { trips: number; reads: number; writes: number; batches: number; rowsRead: number; rowsWritten: number }

export const newMeter = (): D1Meter => ({ trips: 0, reads: 0, writes: 0, batches: 0, rowsRead: 0, rowsWritten: 0 })

const count = (meter: D1Meter, meta: D1Meta) => {
  meter.rowsRead += meta.rows_read ?? 0
  meter.rowsWritten += meta.rows_written ?? 0
}

/**
 * D1 with every round trip counted: a statement run alone, or a batch, is one. drizzle reads
 * rows through `raw()`, which drops the metadata, so for a select the meter also runs it with
 * `all()` (not counted as a trip) to learn the rows read; a write with `returning` runs once,
 * through `run()`, its rows turned back into arrays (one table, so no clashing column names).
 */
export function metered(db: D1Database, meter: D1Meter): D1Database {
  const RAW = Symbol('the real statement')
  const alone = (sql: string) => {
    meter.trips++
    meter[/^\s*select/i.test(sql) ? 'reads' : 'writes']++
  }
  const wrap = (stmt: D1PreparedStatement, sql: string): D1PreparedStatement =>
    new Proxy(stmt, {
      get(target, prop) {
        if (prop === RAW) return target
        if (prop === 'bind') return (...args: unknown[]) => wrap(target.bind(...args), sql)
        if (prop === 'all' || prop === 'run')
          return async () => {
            alone(sql)
            const result = await target[prop]()
            count(meter, result.meta)
            return result
          }
        if (prop === 'raw')
          return async (options?: { columnNames?: boolean }) => {
            alone(sql)
            if (/^\s*select/i.test(sql)) {
              count(meter, (await target.all()).meta)
              return options?.columnNames ? target.raw({ columnNames: true }) : target.raw()
            }
            const result = await target.run<Record<string, unknown>>()
            count(meter, result.meta)
            return result.results.map((row) => Object.values(row))
          }
        const value = Reflect.get(target, prop, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => wrap(target.prepare(sql), sql)
      if (prop === 'batch')
        return async (stmts: D1PreparedStatement[]) => {
          meter.trips++
          meter.batches++
          const results = await target.batch(stmts.map((s) => (s as unknown as Record<symbol, D1PreparedStatement>)[RAW]))
          for (const r of results) count(meter, r.meta)
          return results
        }
      const value = Reflect.get(target, prop, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
