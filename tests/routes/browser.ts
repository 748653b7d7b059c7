// A tiny browser for route tests: keeps its own cookies, fetches a page before its first form
// post (as a person would, which gives it the form token), and sends same-origin form posts,
// so several "browsers" can play against the same Worker. Each has its own network address,
// so rate limits count it apart from the others.
import { env, exports } from 'cloudflare:workers'
import { readAttempt } from '../../src/db/attempts.ts'
import app from '../../src/app.tsx'
import { createDb } from '../../src/db/client.ts'
import { optionsOf } from '../../src/game/plan.ts'
import { TOKEN_FIELD } from '../../src/http/forms.ts'
import { findQuestion } from '../../src/questions/registry.ts'
import type { Question } from '../../src/questions/schema.ts'

export const ORIGIN = 'http://quiz.test'
export type Form = Record<string, string | string[]>
export type Browser = ReturnType<typeof browser>

const randomAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 256)).join('.')}`

/** A browser with its own cookie jar; `bindings` swaps the Worker's env (to count D1 calls, say). */
export function browser(bindings?: Cloudflare.Env, { address = randomAddress() } = {}) {
  const jar = new Map<string, string>()
  async function send(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers)
    if (jar.size) headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '))
    headers.set('CF-Connecting-IP', address)
    const req = new Request(new URL(path, ORIGIN), { ...init, headers, redirect: 'manual' })
    const res = await (bindings ? app.fetch(req, bindings) : exports.default.fetch(req))
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';')
      const at = pair.indexOf('=')
      jar.set(pair.slice(0, at), pair.slice(at + 1))
    }
    return res
  }
  return {
    cookies: jar,
    get: (path: string, headers: HeadersInit = {}) => send(path, { headers }),
    /** Posts a form as this site's pages do; `token: false` leaves out the form token. */
    async post(path: string, form: Form, { htmx = false, token = true } = {}) {
      if (token && !jar.has('csrf')) await send('/')
      const body = new URLSearchParams()
      if (token && !(TOKEN_FIELD in form)) body.append(TOKEN_FIELD, jar.get('csrf') ?? '')
      for (const [k, v] of Object.entries(form)) for (const item of [v].flat()) body.append(k, item)
      const headers: Record<string, string> = { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' }
      if (htmx) Object.assign(headers, { 'HX-Request': 'true', 'HX-Request-Type': 'partial' })
      return send(path, { method: 'POST', body, headers })
    },
    /** Sends a request as it is (a forged or broken one), with this browser's cookies and address. */
    raw: (path: string, init: RequestInit) => send(path, init),
    /** Starts a quiz and returns the attempt id. */
    async start(bank: string) {
      const res = await this.post('/play', { bank })
      if (res.status !== 303) throw new Error(`start gave ${res.status}`)
      return res.headers.get('Location')!.split('/').pop()!
    },
  }
}

/** The question on screen for an attempt, and the order its options are shown in. */
export async function onScreen(id: string, position?: number) {
  const found = await readAttempt(createDb(env.DB), id, position)
  const at = position ?? found!.attempt.cursor
  const item = found!.attempt.plan[at]
  return { question: findQuestion(item.q)!, order: item.order ?? [], position: at, attempt: found!.attempt }
}

/** The form fields that answer a question right (or wrong), as the screen shows it. */
export function answerForm(q: Question, order: number[], right = true): Form {
  const shown = order.map((i) => optionsOf(q)[i])
  const at = (text: string) => String(shown.indexOf(text))
  switch (q.type) {
    case 'single': {
      const pick = right ? q.answer : q.choices.find((c) => c !== q.answer)!
      return { choice: at(pick) }
    }
    case 'multi':
      return { choice: (right ? q.answer : q.choices.filter((c) => !q.answer.includes(c))).map(at) }
    case 'truefalse':
      return { choice: String(right ? q.answer : !q.answer) }
    case 'order': {
      const wanted = right ? q.answer : [...q.answer].reverse()
      return Object.fromEntries(shown.map((text, i) => [`place-${i}`, String(wanted.indexOf(text) + 1)]))
    }
    case 'typed':
      return { text: right ? q.answer : 'nobody at all' }
    case 'numeric':
      return { number: String(right ? q.answer : q.answer + 10 * q.margin + 1000) }
  }
}
