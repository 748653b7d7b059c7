import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { csrf } from 'hono/csrf'
import { raw } from 'hono/html'
import { secureHeaders } from 'hono/secure-headers'
import { createDb } from './db/client.ts'
import assets from './generated/assets.json'
import type { AppEnv } from './env.ts'
import { renderFailure } from './http/failure.tsx'
import { formToken, formsOnly } from './http/forms.ts'
import { Problem } from './http/problem.ts'
import { sendHtml, VARY } from './http/respond.tsx'
import board from './routes/board.tsx'
import classes from './routes/classes.tsx'
import favicon from './routes/favicon.ts'
import home from './routes/home.tsx'
import join from './routes/join.tsx'
import leaderboard from './routes/leaderboard.tsx'
import live from './routes/live.tsx'
import pick from './routes/pick.tsx'
import play from './routes/play.tsx'
import results from './routes/results.tsx'
import sockets from './routes/sockets.ts'
import teach from './routes/teach.tsx'
import { Layout } from './views/layout.tsx'
import { FormToken } from './views/post-form.tsx'
import { lookOf } from './views/stylesheets.ts'

const app = new Hono<AppEnv>()

// WebSocket upgrades first: their 101 responses come from the live game and take no page middleware;
// nor does the icon, which caches.
app.route('/', sockets)
app.route('/', favicon)

// Set before anything can fail, so error pages carry them too (a route may still replace them).
app.use(async (c, next) => {
  // The same URL gives htmx a fragment and a browser a page.
  c.header('Vary', VARY, { append: true })
  // Pages hold a form token, a teacher's secret or a player's own answers: no cache may keep them.
  c.header('Cache-Control', 'no-store')
  await next()
})
app.use(
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Each kind of page carries its stylesheet inline (src/cli/build.ts), allowed by its hash alone.
      styleSrc: Object.values(assets.styles).map((style) => style.hash),
      imgSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  }),
)
// c.render: the page in the layout, sent as a fragment is (src/http/respond.tsx).
app.use(async (c, next) => {
  c.setRenderer((content, props) =>
    sendHtml(
      c,
      <>
        {raw('<!DOCTYPE html>')}
        <FormToken.Provider value={c.var.formToken}>
          <Layout {...props} look={lookOf(c.req.path, props.projector)}>
            {content}
          </Layout>
        </FormToken.Provider>
      </>,
    ),
  )
  await next()
})
app.use(formsOnly)
app.use(csrf())
// Our forms are a few hundred bytes; anything near this is not a player.
app.use(
  bodyLimit({
    maxSize: 16 * 1024,
    onError: () => {
      throw new Problem(413, 'That was far more than any answer needs, so it was not read.')
    },
  }),
)
app.use(formToken)
app.use(async (c, next) => {
  c.set('db', createDb(c.env.DB))
  await next()
})

app.route('/', home)
app.route('/play', play)
app.route('/results', results)
app.route('/leaderboard', leaderboard)
app.route('/classes/pick', pick)
app.route('/classes', classes)
app.route('/teach', teach)
app.route('/board', board)
app.route('/join', join)
app.route('/live', live)

app.notFound(() => {
  throw new Problem(404, 'There is no page at this address.')
})

app.onError(renderFailure)

export default app
