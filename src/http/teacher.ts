// A teacher's link holds a 256-bit secret; only its SHA-256 is stored, so the class is found by
// hashing what the URL holds.
import { findClassByTeacher } from '../db/classes.ts'
import type { DB } from '../db/client.ts'
import type { Class } from '../db/schema.ts'
import { sha256Hex } from './ids.ts'

const SECRET = /^[A-Za-z0-9_-]{43}$/

/** The class a teacher link opens; null for a malformed secret, or a class deleted or expired. */
export async function classOfTeacher(db: DB, secret: string): Promise<Class | null> {
  return SECRET.test(secret) ? findClassByTeacher(db, await sha256Hex(secret)) : null
}
