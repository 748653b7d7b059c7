// Every state-changing request is a POSTed form, and three checks stand before its handler:
//  1. it is a form (415 otherwise), so hono/csrf's origin check covers every POST;
//  2. hono/csrf: the browser says it came from this origin (Origin or Sec-Fetch-Site);
//  3. a token: the form carries the value of this browser's `csrf` cookie (double submit).
// Views write <PostForm> (src/views/post-form.tsx), which takes the token from `c.var.formToken`.
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../env.ts'
import { randomId, sameSecret } from './ids.ts'
import { Problem } from './problem.ts'
import { readForm } from './request.ts'

export const TOKEN_FIELD = '_csrf'
const TOKEN = /^[A-Za-z0-9_-]{43}$/
const ONE_YEAR = 60 * 60 * 24 * 365
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i

const changesState = (method: string) => !/^(GET|HEAD|OPTIONS)$/.test(method)
// The __Host- prefix makes browsers refuse the cookie from a sibling subdomain (cookie tossing).
const cookieName = (url: string) => (url.startsWith('https:') ? '__Host-csrf' : 'csrf')

/** This browser's form token, if it has one: a WebSocket upgrade hands it to the forms pushed down the socket. */
export function readFormToken(c: Context<AppEnv>): string | undefined {
  const cookie = getCookie(c, cookieName(c.req.url))
  return cookie !== undefined && TOKEN.test(cookie) ? cookie : undefined
}

/** 415 for a POST that is not a form (JSON, plain text, none): the game only takes forms. */
export const formsOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (changesState(c.req.method) && !FORM_TYPES.test(c.req.header('Content-Type') ?? ''))
    throw new Problem(415, 'The game only takes answers sent from its own forms, so nothing was changed.')
  await next()
}

/** Checks the token on every POST, and gives the page's forms the token to carry. */
export const formToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const name = cookieName(c.req.url)
  const cookie = getCookie(c, name)
  const known = cookie !== undefined && TOKEN.test(cookie)
  const token = known ? cookie : randomId(32)
  // A browser without the cookie gets one now, even on a refusal, so reloading the page mends it.
  if (!known)
    setCookie(c, name, token, { httpOnly: true, sameSite: 'Lax', secure: name.startsWith('__Host-'), path: '/', maxAge: ONE_YEAR })
  c.set('formToken', token)
  if (changesState(c.req.method)) {
    const sent = (await readForm(c))[TOKEN_FIELD]
    if (!known || typeof sent !== 'string' || !sameSecret(sent, cookie))
      throw new Problem(
        403,
        'This form had expired or did not come from this site, so nothing was changed. Go back, reload the page and send it again.',
      )
  }
  await next()
}
