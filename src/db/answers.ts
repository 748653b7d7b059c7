// Recording an answer: one way for self-paced and live play. The answer's row is the record; a
// trigger (migrations/0005_answer_totals.sql) adds it to its attempt's totals in the same
// statement, so the totals are written in one place and a repeat never counts twice.
import { and, eq, sql } from 'drizzle-orm'
import { batchPrepared, preparedFor, type DB } from './client.ts'
import { answers, attempts, type Answer, type Attempt } from './schema.ts'

export type Recorded = { stored: boolean; attempt: Attempt | null }

const value = (name: keyof Answer | 'finishOnLast') => sql.placeholder(name)

// Built once: every answer takes this path, and building it each time was most of an answer's own work.
const recordQueries = preparedFor((db) => {
  const finishes = sql`${value('finishOnLast')} and ${attempts.finishedAt} is null and ${attempts.answered} = json_array_length(${attempts.plan})`
  const columns = ['attemptId', 'position', 'questionId', 'response', 'credit', 'timeMs', 'points', 'answeredAt', 'tooFast'] as const
  return [
    db
      .insert(answers)
      .values(Object.fromEntries(columns.map((name) => [name, value(name)])) as Record<(typeof columns)[number], ReturnType<typeof value>>)
      .onConflictDoNothing()
      .returning({ position: answers.position })
      .prepare(),
    db
      .update(attempts)
      .set({ finishedAt: sql`case when ${finishes} then ${value('answeredAt')} else ${attempts.finishedAt} end` })
      .where(eq(attempts.id, value('attemptId')))
      .returning()
      .prepare(),
  ] as const
})

/**
 * Stores an answer and returns its attempt as the database then holds it; `stored` is false when
 * the answer was already there (a double click, a resend after a lost reply): nothing changed.
 * `finishOnLast`: a self-paced attempt is finished by its last answer; a live game finishes
 * everyone at its end instead, so a live result never opens while a question is still in play.
 */
export async function recordAnswer(db: DB, answer: Answer, { finishOnLast }: { finishOnLast: boolean }): Promise<Recorded> {
  const [inserted, [attempt]] = await batchPrepared(db, recordQueries(db), { ...answer, finishOnLast: finishOnLast ? 1 : 0 })
  return { stored: inserted.length === 1, attempt: attempt ?? null }
}

/** Whether an attempt has answered the question at `position`. */
export async function hasAnswer(db: DB, attemptId: string, position: number): Promise<boolean> {
  const rows = await db
    .select({ position: answers.position })
    .from(answers)
    .where(and(eq(answers.attemptId, attemptId), eq(answers.position, position)))
  return rows.length === 1
}

/**
 * Stores many answers in one statement (a live question's, at its close), bound as one JSON
 * parameter: D1 takes at most 100 parameters a statement, and a hall of 1,000 answers at once.
 * An answer already there (a flush retried after a failure) is left as it was, so none counts twice.
 */
export async function recordAnswers(db: DB, list: Answer[]): Promise<void> {
  if (list.length === 0) return
  await db.run(sql`insert into ${answers}
      (attempt_id, position, question_id, response, credit, time_ms, points, answered_at, too_fast)
    select value ->> 'attemptId', value ->> 'position', value ->> 'questionId', value -> 'response', value ->> 'credit',
      value ->> 'timeMs', value ->> 'points', value ->> 'answeredAt', value ->> 'tooFast'
    from json_each(${JSON.stringify(list)}) where true
    on conflict do nothing`)
}
