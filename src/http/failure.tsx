// Every error ends here: a Problem (a 4xx the user can fix, with its own message), an
// HTTPException from middleware, a D1 fault (503), or a bug (500). Each becomes a page, or a
// fragment for htmx, that says what happened; faults on our side offer to try again.
import { DrizzleQueryError } from 'drizzle-orm/errors'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from '../env.ts'
import { ErrorBox, errorTitle, type ErrorProps } from '../views/error.tsx'
import { TOKEN_FIELD } from './forms.ts'
import { Problem } from './problem.ts'
import { isPartial, reply } from './respond.tsx'

const GENERIC: Record<number, string> = {
  400: 'That request did not make sense to us, so nothing was changed.',
  403: 'This form did not come from this site, so it was not accepted. Go back, reload the page and send it again.',
  500: 'Something went wrong on our side. Please try again; if it happens again, start from the home page.',
  503: 'We could not reach the scores database just now. Please try again in a moment: an answer you already gave still counts once.',
}
const RETRY_AFTER_SECONDS = 5

export async function renderFailure(err: Error, c: Context<AppEnv>) {
  const unavailable = isTransientD1Failure(err)
  const status = err instanceof HTTPException ? err.status : unavailable ? 503 : 500
  // The route pattern, not the path: a teacher's URL holds their secret and must stay out of logs.
  // Neither a query's parameters: they hold the hashes of players' and teachers' tokens.
  if (status >= 500) console.error(JSON.stringify({ status, error: describe(err), route: c.req.routePath }))
  const problem = err instanceof Problem ? err : null
  const headers = problem?.headers ?? (unavailable ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : {})
  for (const [name, value] of Object.entries(headers)) c.header(name, value)
  const box: ErrorProps = {
    status,
    message: problem?.message ?? GENERIC[status] ?? GENERIC[status < 500 ? 400 : 500],
    link: problem?.link ?? { href: '/', label: 'Back to the quizzes' },
    retry: status >= 500 ? await retryOf(c) : undefined,
  }
  return reply(c, {
    status,
    fragment: () => <ErrorBox {...box} fragment />,
    page: () => <ErrorBox {...box} />,
    title: errorTitle(status),
    // A page that could not be read reloads itself once D1 may be back (the projector, say).
    reload: unavailable && c.req.method === 'GET' ? RETRY_AFTER_SECONDS : undefined,
  })
}

// The failures D1's documentation says to retry, and an overloaded database. Anything else
// (a constraint, a missing column, a type error) is a bug that a retry would only repeat: a 500.
const TRANSIENT = /Network connection lost|storage caused object to be reset|reset because its code was updated|overloaded/i

/** drizzle wraps a failed single query (the D1 error is its cause); a failed batch throws D1's own error. */
const isTransientD1Failure = (err: Error) => TRANSIENT.test(String(err instanceof DrizzleQueryError ? err.cause : err.message))
const describe = (err: Error) => (err instanceof DrizzleQueryError ? `${String(err.cause)} in: ${err.query}` : String(err))

/** The same request again: a link for a page, a form with the same fields for a post; nothing for an htmx GET, which polls or is clicked again. */
async function retryOf(c: Context<AppEnv>): Promise<ErrorProps['retry']> {
  const { pathname, search } = new URL(c.req.url)
  if (c.req.method === 'GET') return isPartial(c) ? undefined : { kind: 'link', href: pathname + search }
  if (c.var.formToken === undefined) return undefined // failed before the form token was read: no form to offer
  const form = await c.req.parseBody({ all: true }).catch(() => ({}))
  const fields = Object.entries(form)
    .filter(([name]) => name !== TOKEN_FIELD) // the page's own token is written in afresh
    .flatMap(([name, value]) =>
      [value]
        .flat()
        .filter((v) => typeof v === 'string')
        .map((v): [string, string] => [name, v]),
    )
  return { kind: 'form', action: pathname, fields }
}
