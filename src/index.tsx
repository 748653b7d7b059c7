// The Worker: the Hono app for requests, and the daily clean-up for the Cron Trigger.
import app from './app.tsx'
import { scheduled } from './cron.ts'

export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Cloudflare.Env>
