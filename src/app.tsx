import { DrizzleQueryError } from 'drizzle-orm/errors'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { csrf } from 'hono/csrf'
import { HTTPException } from 'hono/http-exception'
import { jsxRenderer } from 'hono/jsx-renderer'
import { secureHeaders } from 'hono/secure-headers'
import { createDb } from './db/client.ts'
import type { AppEnv } from './env.ts'
import { formToken, formsOnly, TOKEN_FIELD } from './http/forms.ts'
import { Problem } from './http/problem.ts'
import { isPartial } from './http/respond.ts'
import board from './routes/board.tsx'
import classes from './routes/classes.tsx'
import home from './routes/home.tsx'
import join from './routes/join.tsx'
import leaderboard from './routes/leaderboard.tsx'
import play from './routes/play.tsx'
import results from './routes/results.tsx'
import teach from './routes/teach.tsx'
import { ErrorBox, errorTitle, type ErrorProps } from './views/error.tsx'
import { Layout } from './views/layout.tsx'

const app = new Hono<AppEnv>()

app.use(
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  }),
)
app.use(jsxRenderer(({ children, title, refresh }) => <Layout title={title} refresh={refresh}>{children}</Layout>))
app.use(formsOnly)
app.use(csrf())
// Our forms are a few hundred bytes; anything near this is not a player.
app.use(bodyLimit({ maxSize: 16 * 1024, onError: () => { throw new Problem(413, 'That was far more than any answer needs, so it was not read.') } }))
app.use(formToken)
app.use(async (c, next) => {
  c.set('db', createDb(c.env.DB))
  await next()
  c.header('Vary', 'HX-Request', { append: true })
})

app.route('/', home)
app.route('/play', play)
app.route('/results', results)
app.route('/leaderboard', leaderboard)
app.route('/classes', classes)
app.route('/teach', teach)
app.route('/board', board)
app.route('/join', join)

app.notFound(() => {
  throw new Problem(404, 'There is no page at this address.')
})

const GENERIC: Record<number, string> = {
  400: 'That request did not make sense to us, so nothing was changed.',
  403: 'This form did not come from this site, so it was not accepted. Reload the page and try again.',
  500: 'Something went wrong on our side. Nothing was lost: please try again.',
  503: 'We could not reach the scores database just now, so nothing was saved. Please try again in a moment: nothing will count twice.',
}

app.onError(async (err, c) => {
  const database = isDatabaseFailure(err)
  const status = err instanceof HTTPException ? err.status : database ? 503 : 500
  // The route pattern, not the path: a teacher's URL holds their secret and must stay out of logs.
  // Neither the query's parameters: they hold the hashes of players' and teachers' tokens.
  if (status >= 500) console.error(JSON.stringify({ status, error: describe(err), route: c.req.routePath }))
  const problem = err instanceof Problem ? err : null
  for (const [name, value] of Object.entries(problem?.headers ?? (database ? { 'Retry-After': '5' } : {}))) c.header(name, value)
  const box: ErrorProps = {
    status,
    message: problem?.message ?? GENERIC[status] ?? GENERIC[status < 500 ? 400 : 500],
    link: problem?.link ?? { href: '/', label: 'Back to the quizzes' },
    // A fault on our side offers to send the same request again; answers never count twice.
    retry: status >= 500 ? await retryOf(c) : undefined,
  }
  if (isPartial(c)) return c.html(<ErrorBox {...box} fragment />, status)
  c.status(status)
  return c.render(<ErrorBox {...box} />, { title: errorTitle(status) })
})

/** D1 failed (unreachable, overloaded, reset): drizzle wraps single queries, a batch throws D1's own error. */
const isDatabaseFailure = (err: Error) => err instanceof DrizzleQueryError || /^D1_/.test(err.message)
const describe = (err: Error) => (err instanceof DrizzleQueryError ? `${String(err.cause)} in: ${err.query}` : String(err))

/** The same request again: a link for a GET, a form with the same fields for a POST. */
async function retryOf(c: Context<AppEnv>): Promise<ErrorProps['retry']> {
  if (c.req.method !== 'POST') return { action: new URL(c.req.url).pathname + new URL(c.req.url).search, fields: [] }
  const form = await c.req.parseBody({ all: true }).catch(() => ({}))
  const fields = Object.entries(form)
    .filter(([name]) => name !== TOKEN_FIELD)
    .flatMap(([name, value]) => [value].flat().filter((v) => typeof v === 'string').map((v): [string, string] => [name, v]))
  return { action: c.req.path, method: 'post', fields }
}

export default app
