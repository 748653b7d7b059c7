import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

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
    // Answers given faster than anyone can read the question (game/scoring.ts readingFloor): no speed bonus.
    tooFast: integer('too_fast').notNull().default(0),
    // The run of right answers ending at the answer to `streakEnd` (the last position answered):
    // kept by the totals trigger, so a missed or wrong answer breaks it (db/answers.ts).
    streak: integer('streak').notNull().default(0),
    streakEnd: integer('streak_end').notNull().default(-1),
    startedAt: integer('started_at').notNull(),
    shownAt: integer('shown_at').notNull(),
    finishedAt: integer('finished_at'),
    nickname: text('nickname'),
    // A class attempt belongs to a class's seat (students.attempt_id); solo attempts have none.
    // No foreign key on purpose: adding one makes drizzle-kit rebuild the table, which on D1
    // can cascade-delete answers. Class deletion removes its attempts explicitly.
    classId: text('class_id'),
    // Which of its class's rounds this attempt plays (classes.round); 1 for solo attempts.
    round: integer('round').notNull().default(1),
  },
  (t) => [
    // A round's ranking, read straight off the index: rows read stay flat however many rounds the class plays.
    index('attempts_class_round_rank_idx')
      .on(t.classId, t.round, sql`${t.score} desc`, t.timeMs)
      .where(sql`class_id is not null`),
    // A player's best finished solo attempt in a bank, read straight off the top of this index.
    index('attempts_owner_best_idx')
      .on(t.ownerHash, t.bankId, sql`${t.score} desc`, t.timeMs)
      .where(sql`finished_at is not null and class_id is null`),
  ],
)

// Each browser's best finished solo attempt in a bank: a bank's leaderboard shows each browser once,
// under one name (nicknameKey: unique on the board). Kept by triggers on attempts
// (migrations/0008_bank_bests.sql), which also keep bank_totals and bank_score_bands counting these.
export const bankBests = sqliteTable(
  'bank_bests',
  {
    bankId: text('bank_id').notNull(),
    ownerHash: text('owner_hash').notNull(),
    attemptId: text('attempt_id').notNull(),
    score: integer('score').notNull(),
    correct: integer('correct').notNull(),
    timeMs: integer('time_ms').notNull(),
    nickname: text('nickname'),
    nicknameKey: text('nickname_key'),
  },
  (t) => [
    primaryKey({ name: 'bank_bests_pk', columns: [t.bankId, t.ownerHash] }),
    index('bank_bests_rank_idx').on(t.bankId, sql`${t.score} desc`, t.timeMs),
    uniqueIndex('bank_bests_name_uq')
      .on(t.bankId, t.nicknameKey)
      .where(sql`nickname_key is not null`),
  ],
)

// How many browsers each bank's leaderboard holds (rows of bank_bests), kept by triggers, so
// "of 100,000" costs one row, not a count over the index.
export const bankTotals = sqliteTable('bank_totals', {
  bankId: text('bank_id').primaryKey(),
  finished: integer('finished').notNull().default(0),
})

// How many browsers' bests in a bank scored in each band of 100 points (band = score / 100), kept
// by triggers (migrations/0008_bank_bests.sql). A rank sums the bands above a score (at most 121
// rows) and counts bests only within its own band, so it does not read a row per player above:
// about 1% of the board instead of half of it for a player in the middle.
export const SCORE_BAND = 100
export const bankScoreBands = sqliteTable(
  'bank_score_bands',
  {
    bankId: text('bank_id').notNull(),
    band: integer('band').notNull(),
    players: integer('players').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'bank_score_bands_pk', columns: [t.bankId, t.band] })],
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
    tooFast: integer('too_fast', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ name: 'answers_pk', columns: [t.attemptId, t.position] })],
)

export const SCORING = ['speed', 'accuracy', 'untimed'] as const
export const NAMING = ['chosen', 'generated'] as const

// A teacher's class. The teacher holds a secret link; only its SHA-256 is kept here.
export const classes = sqliteTable(
  'classes',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    boardId: text('board_id').notNull(),
    teacherHash: text('teacher_hash').notNull(),
    name: text('name').notNull(),
    bankIds: text('bank_ids', { mode: 'json' }).notNull().$type<string[]>(),
    questionIds: text('question_ids', { mode: 'json' }).notNull().$type<string[]>(),
    scoring: text('scoring', { enum: SCORING }).notNull(),
    naming: text('naming', { enum: NAMING }).notNull(),
    open: integer('open', { mode: 'boolean' }).notNull().default(true),
    hideNames: integer('hide_names', { mode: 'boolean' }).notNull().default(false),
    // A live game's projector shows the answers students typed (after the word filter) unless the teacher hides them.
    hideTyped: integer('hide_typed', { mode: 'boolean' }).notNull().default(false),
    // A waiting room: students who join wait, off the projector and out of the game, until the teacher admits them.
    admit: integer('admit', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    // How many students sit in the class, kept by triggers on students (migrations/0002_leaderboard_sizes.sql).
    seats: integer('seats').notNull().default(0),
    // A live class (the teacher paces one question at a time from the projector): its clock and the
    // one plan every student plays. Null for a self-paced class.
    live: text('live', { mode: 'json' }).$type<LiveSettings>(),
    // Homework's deadline (a self-paced class): the instant in UTC ms after which answers and new
    // seats are refused, by the server's clock, and the time zone the teacher set it in (an IANA
    // name or a UTC offset), in which pages show it without JavaScript. Null: no deadline.
    closesAt: integer('closes_at'),
    closesZone: text('closes_zone'),
    // The round being played: the class's question_ids and live are this round's (src/db/rounds.ts).
    round: integer('round').notNull().default(1),
  },
  (t) => [
    uniqueIndex('classes_code_uq').on(t.code),
    uniqueIndex('classes_teacher_uq').on(t.teacherHash),
    uniqueIndex('classes_board_uq').on(t.boardId),
    index('classes_created_idx').on(t.createdAt),
  ],
)

// A student's seat in a class: one per browser, holding that student's attempt at the round in play.
// A new round points attempt_id at the seat's new attempt (src/db/rounds.ts); the earlier rounds'
// attempts stay, found by class_id and owner_hash, and their totals are added up here as `past_*`.
export const students = sqliteTable(
  'students',
  {
    attemptId: text('attempt_id').primaryKey(),
    classId: text('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    ownerHash: text('owner_hash').notNull(),
    nickname: text('nickname').notNull(),
    // The nickname folded (case, accents, spacing), so "José" and "jose" cannot both sit in a class.
    nicknameKey: text('nickname_key').notNull(),
    extraTime: integer('extra_time', { mode: 'boolean' }).notNull().default(false),
    joinedAt: integer('joined_at').notNull(),
    // False while the student waits to be let in (classes.admit); only admitted students play and rank.
    admitted: integer('admitted', { mode: 'boolean' }).notNull().default(true),
    // The seat's totals over the class's earlier rounds, added when a round ends: a standing across
    // rounds reads one row per seat, however many rounds there were.
    pastScore: integer('past_score').notNull().default(0),
    pastCorrect: integer('past_correct').notNull().default(0),
    pastAnswered: integer('past_answered').notNull().default(0),
    pastTimeMs: integer('past_time_ms').notNull().default(0),
  },
  (t) => [
    uniqueIndex('students_class_nickname_uq').on(t.classId, t.nicknameKey),
    uniqueIndex('students_class_owner_uq').on(t.classId, t.ownerHash),
  ],
)

// Browsers a teacher removed and blocked from a class.
export const classBlocks = sqliteTable(
  'class_blocks',
  {
    classId: text('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    ownerHash: text('owner_hash').notNull(),
  },
  (t) => [primaryKey({ name: 'class_blocks_pk', columns: [t.classId, t.ownerHash] })],
)

/** A drawn question and, for choice and ordering questions, the order its options are shown in. */
export type PlanItem = { q: string; order?: number[] }
/** A live class's settings: seconds per question, and the plan (questions and option order) everyone shares. */
export type LiveSettings = { seconds: number; plan: PlanItem[] }
/** What a player answered, in the bank's own terms (choice texts, not screen positions). */
export type AnswerValue = string | string[] | boolean | number

export type Attempt = typeof attempts.$inferSelect
export type Class = typeof classes.$inferSelect
export type Student = typeof students.$inferSelect
export type Scoring = (typeof SCORING)[number]
export type Answer = typeof answers.$inferSelect
