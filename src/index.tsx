// The Worker: the Hono app for requests, the daily clean-up for the Cron Trigger, and the
// Durable Object class that runs live games.
import app from './app.tsx'
import { scheduled } from './cron.ts'

export { LiveGame } from './live/game.ts'

export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Cloudflare.Env>
