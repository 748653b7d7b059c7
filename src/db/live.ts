// Query functions for live games. The game's state, and the answers to the question in play,
// live in its Durable Object; when a question closes its answers come here, to the same tables as
// self-paced classes, so the dashboard, the CSV and the results pages read live games unchanged.
import { and, eq, isNull, sql } from 'drizzle-orm'
import { notExpired, openedSince } from './classes.ts'
import { rankedSeats, type SeatRow } from './standings.ts'
import type { DB } from './client.ts'
import { attempts, classes, students, type Class } from './schema.ts'

/**
 * The class (none once deleted or expired), its seats ranked with their totals, and who waits to
 * be let in: what a game reads of D1, in one round trip.
 */
export async function readLiveClass(db: DB, classId: string, now = Date.now()) {
  const [[klass], seats, waiting] = await db.batch([
    db
      .select()
      .from(classes)
      .where(and(eq(classes.id, classId), notExpired(openedSince(now)))),
    rankedSeats(db, classId),
    db
      .select({ attemptId: students.attemptId })
      .from(students)
      .where(and(eq(students.classId, classId), eq(students.admitted, false))),
  ])
  return {
    klass: (klass ?? null) as Class | null,
    seats: seats as SeatRow[],
    waiting: new Set(waiting.map((w) => w.attemptId)),
  }
}

/** Marks every attempt of the class's round in play finished: the game is over, answered or not. */
export async function finishLiveClass(db: DB, classId: string, now: number): Promise<void> {
  await db
    .update(attempts)
    .set({ finishedAt: now })
    .where(
      and(
        eq(attempts.classId, classId),
        eq(attempts.round, sql`(select ${classes.round} from ${classes} where ${classes.id} = ${classId})`),
        isNull(attempts.finishedAt),
      ),
    )
}
