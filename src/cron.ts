import { CLASS_LIFETIME_MS, deleteClasses } from './db/classes.ts'
import { createDb } from './db/client.ts'
import { liveGame } from './live/stub.ts'

/** The daily Cron Trigger (wrangler.toml): removes expired classes with their seats and answers, and their live games' state. */
export async function scheduled(controller: ScheduledController, env: Cloudflare.Env): Promise<void> {
  const live = await deleteClasses(createDb(env.DB), { createdBefore: controller.scheduledTime - CLASS_LIFETIME_MS })
  // Each game finds its class gone, closes any screen still open and clears its storage. One that
  // fails keeps a few bytes of state, cleared the next time anything reaches it.
  const told = await Promise.allSettled(live.map((id) => liveGame(env, id).changed()))
  const failed = told.filter((t) => t.status === 'rejected').length
  if (failed) console.error(JSON.stringify({ cron: 'live games not cleared', failed, of: live.length }))
}
