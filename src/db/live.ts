// Query functions for live games. The game's state lives in its Durable Object; every answer and
// every score lives here in D1, in the same tables as self-paced classes, so the dashboard, the
// CSV and the results pages read live games unchanged.
import { and, eq, isNull, lte, sql } from 'drizzle-orm'
import { liveClass, liveSince, rankedSeats, type SeatRow } from './classes.ts'
import type { DB } from './client.ts'
import { answers, attempts, classes, type Answer, type Class } from './schema.ts'

export type LiveAnswer = Pick<Answer, 'attemptId' | 'response' | 'credit' | 'points'>

/**
 * The class (none once deleted or expired), its seats ranked with their totals, and the answers
 * given to one question: everything a game holds in memory, in one round trip.
 */
export async function readLiveClass(db: DB, classId: string, position: number, now = Date.now()) {
  const [[klass], seats, given] = await db.batch([
    db.select().from(classes).where(and(eq(classes.id, classId), liveClass(liveSince(now)))),
    rankedSeats(db, classId),
    db
      .select({ attemptId: answers.attemptId, response: answers.response, credit: answers.credit, points: answers.points })
      .from(answers)
      .innerJoin(attempts, eq(attempts.id, answers.attemptId))
      .where(and(eq(attempts.classId, classId), eq(answers.position, position))),
  ])
  return { klass: (klass ?? null) as Class | null, seats: seats as SeatRow[], given: given as LiveAnswer[] }
}

/**
 * Stores a live answer and adds it to the attempt's totals in one batch; false if it was already
 * stored. A late joiner skips the questions before it, so the attempt's cursor marks the next
 * question it may answer: the totals move only while the cursor has not passed this one.
 */
export async function recordLiveAnswer(db: DB, answer: Answer): Promise<boolean> {
  const [inserted] = await db.batch([
    db.insert(answers).values(answer).onConflictDoNothing().returning({ position: answers.position }),
    db
      .update(attempts)
      .set({
        cursor: answer.position + 1,
        answered: sql`${attempts.answered} + 1`,
        score: sql`${attempts.score} + ${answer.points}`,
        correct: sql`${attempts.correct} + ${answer.credit === 1 ? 1 : 0}`,
        timeMs: sql`${attempts.timeMs} + ${answer.timeMs}`,
      })
      .where(and(eq(attempts.id, answer.attemptId), lte(attempts.cursor, answer.position))),
  ])
  return inserted.length === 1
}

/** Whether an attempt answered a question (a resend after the game moved on). */
export async function hasLiveAnswer(db: DB, attemptId: string, position: number): Promise<boolean> {
  const rows = await db
    .select({ position: answers.position })
    .from(answers)
    .where(and(eq(answers.attemptId, attemptId), eq(answers.position, position)))
  return rows.length === 1
}

/** Marks every attempt of the class finished: the game is over, answered or not. */
export async function finishLiveClass(db: DB, classId: string, now: number): Promise<void> {
  await db.update(attempts).set({ finishedAt: now }).where(and(eq(attempts.classId, classId), isNull(attempts.finishedAt)))
}
