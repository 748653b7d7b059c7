// Reading a request: its form (a garbled body or a missing field is the sender's mistake, a 400),
// and the public address of a page.
import type { Context } from 'hono'
import type { BodyData, ParseBodyOptions } from 'hono/utils/body'
import type { AppEnv } from '../env.ts'
import { Problem } from './problem.ts'

/** The posted form, or a 400 when the body cannot be read as one (a broken multipart body). */
export async function readForm(c: Context, options: Partial<ParseBodyOptions> = {}): Promise<BodyData> {
  try {
    return await c.req.parseBody(options)
  } catch {
    throw new Problem(400, 'That form arrived garbled, so nothing was changed. Reload the page and try again.')
  }
}

/** Which question a form answers (its hidden `position` field), or a 400. */
export function readPosition(raw: unknown): number {
  const position = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN
  if (Number.isNaN(position)) throw new Problem(400, 'That form is missing which question it answers. Reload the page and try again.')
  return position
}

/**
 * A page's public address, for links and QR codes that leave the browser: from PUBLIC_ORIGIN
 * where it is set (wrangler.toml), so a forged Host header cannot put another site in them.
 */
export function publicUrl<E extends AppEnv>(c: Context<E>, path: string): string {
  const origin: string = c.env.PUBLIC_ORIGIN
  return new URL(path, origin || c.req.url).href
}
