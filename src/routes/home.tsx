import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { FAVICON } from '../views/favicon.ts'
import { HomePage } from '../views/home.tsx'

const home = new Hono<AppEnv>()

home.get('/', (c) => c.render(<HomePage />, { title: 'Quizzes' }))

// Pages link the icon's versioned copy in public/; this answers the browsers and tools that ask
// here anyway. It is cached, so it carries no form-token cookie for a shared cache to hand around.
home.get('/favicon.ico', (c) => {
  c.header('Set-Cookie', undefined)
  return c.body(FAVICON, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' })
})

export default home
