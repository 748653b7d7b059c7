import type { DB } from './db/client.ts'

export type AppEnv = {
  Bindings: Cloudflare.Env
  /** `formToken`: this browser's form token, which every POST form carries (src/http/forms.ts). */
  Variables: { db: DB; formToken: string }
}
