import { deleteClasses } from './db/classes.ts'
import { createDb } from './db/client.ts'

/** Classes and everything in them are deleted 30 days after they were opened. */
export const CLASS_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000

/** The daily Cron Trigger (wrangler.toml): removes expired classes with their seats and answers. */
export async function scheduled(controller: ScheduledController, env: Cloudflare.Env): Promise<void> {
  await deleteClasses(createDb(env.DB), { createdBefore: controller.scheduledTime - CLASS_LIFETIME_MS })
}
