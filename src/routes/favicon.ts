// /favicon.ico, which browsers and tools still ask for though pages link the icon's versioned copy
// in public/. Mounted before the page middleware: an image holds no secret, so it takes no form-token
// cookie and no `no-store`, and a week's caching spares the Worker a request on every visit.
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { FAVICON } from '../views/favicon.ts'

const favicon = new Hono<AppEnv>()

favicon.get('/favicon.ico', (c) =>
  c.body(FAVICON, 200, {
    'Content-Type': 'image/svg+xml',
    'Cache-Control': 'public, max-age=604800',
    'X-Content-Type-Options': 'nosniff',
  }),
)

export default favicon
