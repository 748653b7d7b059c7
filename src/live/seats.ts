// Live seats this isolate has looked up or made: a hall of phones answering every question, and
// opening a socket after each join, would otherwise read D1 a thousand times a question for the
// same facts. A seat's owner, class and plan never change (a new round is a new attempt). The game
// is the authority on who is still seated (a removed student, or a seat of a round that has
// ended, is refused there), and a class gone is gone there.
import { readAttempt, type Play } from '../db/attempts.ts'
import type { DB } from '../db/client.ts'
import type { PlanItem } from '../db/schema.ts'
import { isId } from '../http/ids.ts'

/** What the live routes need of a seat's attempt. */
export type LiveSeat = { ownerHash: string; classId: string; plan: PlanItem[]; live: boolean }

const seats = new Map<string, LiveSeat>()
const KEPT = 5_000

/** A seat as remembered, or read from D1 (and remembered if live); null where there is none. */
export async function findSeat(db: DB, id: string): Promise<LiveSeat | null> {
  return seats.get(id) ?? remember(id, isId(id) ? await readAttempt(db, id) : null)
}

/** Remembers a seat just read, and says what the live routes need of it. */
export function remember(id: string, found: Play | null): LiveSeat | null {
  const classId = found?.attempt.classId
  if (!found || !classId) return null
  const seat = { ownerHash: found.attempt.ownerHash, classId, plan: found.attempt.plan, live: Boolean(found.seat?.live) }
  // Only a seat's attempt in the round in play: an old round's is read afresh each time, and refused.
  if (seat.live && found.seat?.current === id) rememberSeat(id, seat)
  return seat
}

/** Remembers a live seat made here (a join), so its socket and first answer read nothing. */
export function rememberSeat(id: string, seat: LiveSeat): void {
  if (seats.size >= KEPT) seats.delete(seats.keys().next().value!)
  seats.set(id, seat)
}

/** Forgets a seat its game no longer holds (removed, or its round over): the next look reads D1, which says so. */
export function forgetSeat(id: string): void {
  seats.delete(id)
}
