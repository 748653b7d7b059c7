import type { DB } from './db/client.ts'

export type AppEnv = {
  Bindings: Cloudflare.Env
  Variables: { db: DB }
}
