import type { DB } from './db/client.ts'

export type AppEnv = {
  Bindings: Cloudflare.Env
  /**
   * `formToken`: this browser's form token, which every POST form carries (src/http/forms.ts).
   * `ownerHash`: the hash of its player token, once read (src/http/owner.ts).
   */
  Variables: { db: DB; formToken: string; ownerHash?: Promise<string | undefined> }
}
