import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { csrf } from 'hono/csrf'
import { HTTPException } from 'hono/http-exception'
import { jsxRenderer } from 'hono/jsx-renderer'
import { secureHeaders } from 'hono/secure-headers'
import { createDb } from './db/client.ts'
import type { AppEnv } from './env.ts'
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
import { ErrorBox, errorTitle } from './views/error.tsx'
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
app.use(csrf())
// Our forms are a few hundred bytes; anything near this is not a player.
app.use(bodyLimit({ maxSize: 16 * 1024, onError: () => { throw new Problem(413, 'That was far more than any answer needs, so it was not read.') } }))
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
}

app.onError((err, c) => {
  const known = err instanceof HTTPException
  const status = known ? err.status : 500
  // The route pattern, not the path: a teacher's URL holds their secret and must stay out of logs.
  if (!known || status >= 500) console.error(JSON.stringify({ error: String(err), route: c.req.routePath }))
  const box = {
    status,
    message: err instanceof Problem ? err.message : (GENERIC[status] ?? GENERIC[status < 500 ? 400 : 500]),
    link: err instanceof Problem ? err.link : { href: '/', label: 'Back to the quizzes' },
  }
  if (isPartial(c)) return c.html(<ErrorBox {...box} fragment />, status)
  c.status(status)
  return c.render(<ErrorBox {...box} />, { title: errorTitle(status) })
})

export default app
