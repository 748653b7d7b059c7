// Query functions for live games. The game's state lives in its Durable Object; every answer and
// every score lives here in D1, in the same tables as self-paced classes, so the dashboard, the
// CSV and the results pages read live games unchanged.
import { and, eq, isNull } from 'drizzle-orm'
import { notExpired, openedSince, rankedSeats, type SeatRow } from './classes.ts'
import type { DB } from './client.ts'
import { answers, attempts, classes, students, type Answer, type Class } from './schema.ts'

export type LiveAnswer = Pick<Answer, 'attemptId' | 'response' | 'credit' | 'points'>

/**
 * The class (none once deleted or expired), its seats ranked with their totals, the answers given
 * to one question, and who waits to be let in: everything a game holds in memory, in one round trip.
 */
export async function readLiveClass(db: DB, classId: string, position: number, now = Date.now()) {
  const [[klass], seats, given, waiting] = await db.batch([
    db
      .select()
      .from(classes)
      .where(and(eq(classes.id, classId), notExpired(openedSince(now)))),
    rankedSeats(db, classId),
    db
      .select({ attemptId: answers.attemptId, response: answers.response, credit: answers.credit, points: answers.points })
      .from(answers)
      .innerJoin(attempts, eq(attempts.id, answers.attemptId))
      .where(and(eq(attempts.classId, classId), eq(answers.position, position))),
    db
      .select({ attemptId: students.attemptId })
      .from(students)
      .where(and(eq(students.classId, classId), eq(students.admitted, false))),
  ])
  return {
    klass: (klass ?? null) as Class | null,
    seats: seats as SeatRow[],
    given: given as LiveAnswer[],
    waiting: new Set(waiting.map((w) => w.attemptId)),
  }
}

/** Marks every attempt of the class finished: the game is over, answered or not. */
export async function finishLiveClass(db: DB, classId: string, now: number): Promise<void> {
  await db
    .update(attempts)
    .set({ finishedAt: now })
    .where(and(eq(attempts.classId, classId), isNull(attempts.finishedAt)))
}
