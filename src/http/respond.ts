import type { Context } from 'hono'

/** htmx swapping part of a page (not a boosted or history request, which wants the whole page). */
export const isPartial = (c: Context) =>
  c.req.header('HX-Request') === 'true' && c.req.header('HX-Request-Type') !== 'full'
