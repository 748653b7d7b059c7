import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// One play of one quiz. Totals are kept here, next to the answers they sum, so the
// leaderboard reads one index instead of aggregating answers.
export const attempts = sqliteTable(
  'attempts',
  {
    id: text('id').primaryKey(),
    ownerHash: text('owner_hash').notNull(),
    bankId: text('bank_id').notNull(),
    plan: text('plan', { mode: 'json' }).notNull().$type<PlanItem[]>(),
    cursor: integer('cursor').notNull().default(0),
    answered: integer('answered').notNull().default(0),
    score: integer('score').notNull().default(0),
    correct: integer('correct').notNull().default(0),
    timeMs: integer('time_ms').notNull().default(0),
    startedAt: integer('started_at').notNull(),
    shownAt: integer('shown_at').notNull(),
    finishedAt: integer('finished_at'),
    nickname: text('nickname'),
  },
  (t) => [
    index('attempts_bank_rank_idx')
      .on(t.bankId, sql`${t.score} desc`, t.timeMs)
      .where(sql`finished_at is not null`),
    index('attempts_owner_idx').on(t.ownerHash, t.bankId),
  ],
)

// One answer per question of an attempt: the primary key keeps a repeated submission to one
// row, and the totals update in the same batch runs only while `answered` equals its position.
export const answers = sqliteTable(
  'answers',
  {
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    questionId: text('question_id').notNull(),
    response: text('response', { mode: 'json' }).notNull().$type<AnswerValue>(),
    credit: real('credit').notNull(),
    timeMs: integer('time_ms').notNull(),
    points: integer('points').notNull(),
    answeredAt: integer('answered_at').notNull(),
  },
  (t) => [primaryKey({ name: 'answers_pk', columns: [t.attemptId, t.position] })],
)

/** A drawn question and, for choice and ordering questions, the order its options are shown in. */
export type PlanItem = { q: string; order?: number[] }
/** What a player answered, in the bank's own terms (choice texts, not screen positions). */
export type AnswerValue = string | string[] | boolean | number

export type Attempt = typeof attempts.$inferSelect
export type Answer = typeof answers.$inferSelect
