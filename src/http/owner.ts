// A browser owns the attempts it starts: an HttpOnly cookie carries a random token and
// the database keeps only its SHA-256, so a leaked database row cannot answer for anyone.
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../env.ts'
import { randomId, sameSecret, sha256Hex } from './ids.ts'

const COOKIE = 'player'
const TOKEN = /^[A-Za-z0-9_-]{43}$/
const ONE_YEAR = 60 * 60 * 24 * 365

/** The owner hash of this browser, if it has a well-formed token (hashed once per request). */
export function readOwner(c: Context<AppEnv>): Promise<string | undefined> {
  let hash = c.get('ownerHash')
  if (!hash) {
    const token = getCookie(c, COOKIE)
    c.set('ownerHash', (hash = token && TOKEN.test(token) ? sha256Hex(token) : Promise.resolve(undefined)))
  }
  return hash
}

/** Whether this browser owns what `ownerHash` belongs to (compared in constant time). */
export async function isOwnedBy(c: Context<AppEnv>, ownerHash: string): Promise<boolean> {
  const mine = await readOwner(c)
  return mine !== undefined && sameSecret(mine, ownerHash)
}

/** The owner hash of this browser, giving it a token first if it has none. */
export async function ensureOwner(c: Context<AppEnv>): Promise<string> {
  const existing = await readOwner(c)
  if (existing) return existing
  const token = randomId(32)
  setCookie(c, COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
    maxAge: ONE_YEAR,
  })
  const hash = sha256Hex(token)
  c.set('ownerHash', hash)
  return hash
}
