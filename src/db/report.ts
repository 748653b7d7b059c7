// The reads behind "what to reteach": a round's seats and answers for the report, and every
// round's for the answers CSV. Each is one round trip; the figures are worked out in game/reteach.ts.
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { ReportAnswer, ReportSeat } from '../game/reteach.ts'
import type { DB } from './client.ts'
import { answers, attempts, students, type Class } from './schema.ts'

/**
 * The attempts of the class's admitted students (in `round`, or in every round), ranked as the
 * teacher's page ranks them. A past round's attempt is found by its student's browser, as the
 * results CSV finds it (db/rounds.ts).
 */
function seatsOf(db: DB, klass: Pick<Class, 'id'>, round?: number) {
  return db
    .select({
      attemptId: attempts.id,
      nickname: students.nickname,
      round: attempts.round,
      plan: attempts.plan,
      score: attempts.score,
      correct: attempts.correct,
      answered: attempts.answered,
      timeMs: attempts.timeMs,
      finished: sql<boolean>`${attempts.finishedAt} is not null`.mapWith(Boolean),
    })
    .from(attempts)
    .innerJoin(
      students,
      and(eq(students.classId, attempts.classId), eq(students.ownerHash, attempts.ownerHash), eq(students.admitted, true)),
    )
    .where(and(eq(attempts.classId, klass.id), round === undefined ? undefined : eq(attempts.round, round)))
    .orderBy(asc(attempts.round), desc(attempts.score), asc(attempts.timeMs), asc(sql`${attempts}.rowid`))
}

/** The answers to the class's attempts (in `round`, or in every round): found through the attempts' index, then each attempt's answers by key. */
function answersOf(db: DB, klass: Pick<Class, 'id'>, round?: number) {
  return db
    .select({
      attemptId: answers.attemptId,
      position: answers.position,
      questionId: answers.questionId,
      response: answers.response,
      credit: answers.credit,
      points: answers.points,
      timeMs: answers.timeMs,
    })
    .from(attempts)
    .innerJoin(answers, eq(answers.attemptId, attempts.id))
    .where(and(eq(attempts.classId, klass.id), round === undefined ? undefined : eq(attempts.round, round)))
}

export type ClassAnswers = { seats: ReportSeat[]; answers: ReportAnswer[] }

/** One round's seats and answers, in one round trip: rows read grow with that round's answers, not with the rounds before it. */
export async function readRoundAnswers(db: DB, klass: Pick<Class, 'id'>, round: number): Promise<ClassAnswers> {
  const [seats, given] = await db.batch([seatsOf(db, klass, round), answersOf(db, klass, round)])
  return { seats, answers: given }
}

/** Every round's seats and answers, in one round trip: the answers CSV. */
export async function readClassAnswers(db: DB, klass: Pick<Class, 'id'>): Promise<ClassAnswers> {
  const [seats, given] = await db.batch([seatsOf(db, klass), answersOf(db, klass)])
  return { seats, answers: given }
}
