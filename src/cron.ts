import { CLASS_LIFETIME_MS, deleteClasses } from './db/classes.ts'
import { createDb } from './db/client.ts'

/** The daily Cron Trigger (wrangler.toml): removes expired classes with their seats and answers. */
export async function scheduled(controller: ScheduledController, env: Cloudflare.Env): Promise<void> {
  await deleteClasses(createDb(env.DB), { createdBefore: controller.scheduledTime - CLASS_LIFETIME_MS })
}
