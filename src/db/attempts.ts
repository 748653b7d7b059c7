// Query functions for attempts and their answers. Each returns domain values or null;
// none builds a response. Every function is one D1 round trip (batch counts as one).
import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm'
import { notExpired, openedSince } from './classes.ts'
import { isClosed } from '../game/deadline.ts'
import { rankRows } from '../game/ranking.ts'
import { batchPrepared, preparedFor, type DB } from './client.ts'
import {
  answers,
  attempts,
  bankBests,
  bankScoreBands,
  bankTotals,
  classes,
  SCORE_BAND,
  students,
  type Answer,
  type Attempt,
  type PlanItem,
  type Scoring,
} from './schema.ts'

export type NewAttempt = { id: string; ownerHash: string; bankId: string; plan: PlanItem[]; now: number }
export type Standing = { rank: number; total: number }

export async function createAttempt(db: DB, a: NewAttempt): Promise<void> {
  const { now, ...rest } = a
  await db.insert(attempts).values({ ...rest, startedAt: now, shownAt: now })
}

/**
 * A class attempt's seat: what scoring it plays under and what the class calls it. `current` is the
 * attempt the seat holds now, and `round` the class's round: an attempt of an earlier round is not
 * `current`, and its pages lead to the one that is. `live`: whether the round in play is a live game.
 */
export type Seat = {
  className: string
  scoring: Scoring
  extraTime: boolean
  nickname: string
  live: boolean
  admitted: boolean
  /** The class's homework deadline (UTC ms) and the zone it was set in; see classes.closesAt. */
  closesAt: number | null
  closesZone: string | null
  /** When the class opened: it and its answers are deleted 30 days later. */
  openedAt: number
  current: string
  round: number
}
export type Play = { attempt: Attempt; answer: Answer | null; seat: Seat | null }
// D1 hands batch rows to drizzle as objects keyed by column name, so a name selected twice
// (attempts.nickname and students.nickname) would shift every later value: alias them apart.
const seatOfAttempt = {
  className: classes.name,
  scoring: classes.scoring,
  extraTime: students.extraTime,
  nickname: sql<string>`${students.nickname}`.as('seat_nickname'),
  live: sql<boolean>`${classes.live} is not null`.mapWith(Boolean).as('seat_live'),
  admitted: students.admitted,
  closesAt: classes.closesAt,
  closesZone: classes.closesZone,
  openedAt: classes.createdAt,
  current: sql<string>`${students.attemptId}`.as('seat_attempt'),
  round: sql<number>`${classes.round}`.as('seat_round'),
}
// A class attempt's seat, whichever round the attempt plays: the seat of the same browser in the same class.
const seatJoin = and(eq(students.classId, attempts.classId), eq(students.ownerHash, attempts.ownerHash))
const seatOf = (seat: { [K in keyof Seat]: Seat[K] | null }): Seat | null => (seat.className === null ? null : (seat as Seat))

// Every question page and every answer reads an attempt, so its query is built once per
// database (drizzle's prepared query) rather than once per request.
const attemptQueries = new WeakMap<DB, ReturnType<typeof prepareReadAttempt>>()
const prepareReadAttempt = (db: DB) =>
  db
    .select({ attempt: attempts, answer: answers, seat: seatOfAttempt })
    .from(attempts)
    .leftJoin(
      answers,
      and(eq(answers.attemptId, attempts.id), eq(answers.position, sql`coalesce(${sql.placeholder('position')}, ${attempts.cursor})`)),
    )
    .leftJoin(students, seatJoin)
    .leftJoin(classes, eq(classes.id, students.classId))
    .where(and(eq(attempts.id, sql.placeholder('id')), or(isNull(attempts.classId), notExpired(sql.placeholder('since')))))
    .prepare()

/** An attempt with its answer at `position` (default: the question on screen) and its seat; none once its class expired. */
export async function readAttempt(db: DB, id: string, position?: number, now = Date.now()): Promise<Play | null> {
  let query = attemptQueries.get(db)
  if (!query) attemptQueries.set(db, (query = prepareReadAttempt(db)))
  const [row] = await query.all({ id, position: position ?? null, since: openedSince(now) })
  return row ? { attempt: row.attempt, answer: row.answer, seat: seatOf(row.seat) } : null
}

/**
 * Gives an attempt the plan it has left once the questions withdrawn from their banks are taken out
 * of what it has still to answer (`plan`), and starts the next one's clock; finished, if none is
 * left. Only from where it stands (`cursor` and `answered` as read): a second "Go on" changes nothing.
 */
export async function dropWithdrawn(db: DB, attempt: Attempt, plan: PlanItem[], now: number): Promise<Attempt | null> {
  const [moved] = await db
    .update(attempts)
    .set({ plan, shownAt: now, finishedAt: plan.length === attempt.answered ? now : null })
    .where(
      and(
        eq(attempts.id, attempt.id),
        eq(attempts.cursor, attempt.cursor),
        eq(attempts.answered, attempt.answered),
        sql`${attempts.finishedAt} is null`,
      ),
    )
    .returning()
  return moved ?? null
}

/** Moves the owner's attempt from an answered question to the next one and starts its clock, unless its homework has closed. */
export async function advance(db: DB, id: string, ownerHash: string, position: number, now: number): Promise<Attempt | null> {
  const [moved] = await db
    .update(attempts)
    .set({ cursor: position + 1, shownAt: now })
    .where(
      and(
        eq(attempts.id, id),
        eq(attempts.ownerHash, ownerHash),
        eq(attempts.cursor, position),
        eq(attempts.answered, position + 1),
        sql`${attempts.finishedAt} is null`,
        sql`not exists (select 1 from ${classes} where ${classes.id} = ${attempts.classId} and ${classes.closesAt} <= ${now})`,
      ),
    )
    .returning()
  return moved ?? null
}

/**
 * Names a finished solo attempt, and its browser's entry on the bank's board (each browser is
 * there once, under one name). A name another browser holds on that board is refused: nobody can
 * pass as someone else, and no browser shows twice.
 */
export async function setNickname(db: DB, id: string, ownerHash: string, nickname: string, nicknameKey: string) {
  const mine = and(
    eq(attempts.id, id),
    eq(attempts.ownerHash, ownerHash),
    sql`${attempts.finishedAt} is not null`,
    isNull(attempts.classId),
  )
  try {
    const [changed] = await db.batch([
      db.update(attempts).set({ nickname }).where(mine).returning({ id: attempts.id }),
      db
        .update(bankBests)
        .set({ nickname, nicknameKey })
        .where(
          and(eq(bankBests.ownerHash, ownerHash), eq(bankBests.bankId, sql`(select ${attempts.bankId} from ${attempts} where ${mine})`)),
        ),
    ])
    return changed.length === 1 ? 'named' : 'not-yours'
  } catch (e) {
    if (
      String(e instanceof Error ? (e.cause ?? e.message) : e).includes(
        'UNIQUE constraint failed: bank_bests.bank_id, bank_bests.nickname_key',
      )
    )
      return 'nickname-taken'
    throw e
  }
}

// Ranking: more points first, then less time; equal on both means equal rank. A solo attempt
// ranks on its bank's board, which holds each browser's best once (bank_bests, by triggers);
// a class attempt among its class's round (attempts_class_round_rank_idx), where an untimed class does not break
// ties by time. A rank counts those above: more points, then as many but less time. Each count is
// a range on a rank index (two counts, not one with OR, which SQLite cannot serve as a range). On
// a bank's board, which can hold 100,000, it sums the score bands above (bank_score_bands, at most
// 121 rows) and counts bests only within its own band.
const inClass = sql.raw('other.class_id = attempts.class_id and other.round = attempts.round')
const classRankSql = sql<number>`(1 + (select count(*) from attempts as other where ${inClass} and other.score > attempts.score)
  + (case when ${classes.scoring} <> 'untimed' then
      (select count(*) from attempts as other where ${inClass} and other.score = attempts.score and other.time_ms < attempts.time_ms)
    else 0 end))`
const BAND = sql.raw(String(SCORE_BAND))
/** The rank on a bank's board of a result (bank, score, time), as SQL over the row that holds it. */
const bankRank = (bank: SQL, score: SQL, time: SQL) => sql<number>`(1
  + coalesce((select sum(bands.players) from ${bankScoreBands} as bands where bands.bank_id = ${bank} and bands.band > ${score} / ${BAND}), 0)
  + (select count(*) from ${bankBests} as other where other.bank_id = ${bank} and other.score > ${score}
      and other.score < (${score} / ${BAND} + 1) * ${BAND})
  + (select count(*) from ${bankBests} as other where other.bank_id = ${bank} and other.score = ${score} and other.time_ms < ${time}))`
const bankRankSql = bankRank(sql.raw('attempts.bank_id'), sql.raw('attempts.score'), sql.raw('attempts.time_ms'))
const standingSql = {
  rank: sql<number>`case when attempts.class_id is null then ${bankRankSql} else ${classRankSql} end`.as('standing_rank'),
  // Kept by triggers (bank_totals, classes.seats): one row each, however large the board.
  total: sql<number>`case when attempts.class_id is null
    then (select finished from bank_totals where bank_totals.bank_id = attempts.bank_id)
    else (select seats from classes as own where own.id = attempts.class_id) end`.as('standing_total'),
}

// The results page and the leaderboard, each a batch built once per isolate and bound per request:
// drizzle's query building was a third of the results page's own CPU time in the bench's profile.
const resultsQueries = preparedFor((db) => {
  const id = sql.placeholder('id')
  return [
    db
      .select({ attempt: attempts, seat: seatOfAttempt, ...standingSql })
      .from(attempts)
      .leftJoin(students, seatJoin)
      .leftJoin(classes, eq(classes.id, students.classId))
      .where(eq(attempts.id, id))
      .prepare(),
    db.select().from(answers).where(eq(answers.attemptId, id)).orderBy(asc(answers.position)).prepare(),
  ] as const
})

export async function readResults(
  db: DB,
  id: string,
  now = Date.now(),
): Promise<{ attempt: Attempt; seat: Seat | null; answers: Answer[]; standing: Standing | null } | null> {
  const [[row], list] = await batchPrepared(db, resultsQueries(db), { id })
  if (!row) return null
  const seat = seatOf(row.seat)
  // A rank is final once the attempt is finished, or its homework closed with it unfinished.
  const final = row.attempt.finishedAt !== null || isClosed(seat?.closesAt ?? null, now)
  const standing = final ? { rank: row.rank, total: row.total } : null
  return { attempt: row.attempt, seat, answers: list, standing }
}

export type LeaderboardRow = Pick<Attempt, 'ownerHash' | 'nickname' | 'score' | 'correct' | 'timeMs'> & { rank: number }
export const LEADERBOARD_SIZE = 50

/** The bank's top 50 browsers, each at its best, and where the viewer's best stands. */
const leaderboardQueries = preparedFor((db) => {
  const bankId = sql.placeholder('bankId')
  const columns = {
    ownerHash: bankBests.ownerHash,
    nickname: bankBests.nickname,
    score: bankBests.score,
    correct: bankBests.correct,
    timeMs: bankBests.timeMs,
  }
  return [
    db
      .select(columns)
      .from(bankBests)
      .where(eq(bankBests.bankId, bankId))
      .orderBy(desc(bankBests.score), asc(bankBests.timeMs))
      .limit(LEADERBOARD_SIZE)
      .prepare(),
    db.select({ total: bankTotals.finished }).from(bankTotals).where(eq(bankTotals.bankId, bankId)).prepare(),
    db
      .select({ id: bankBests.attemptId, rank: bankRank(sql`${bankBests.bankId}`, sql`${bankBests.score}`, sql`${bankBests.timeMs}`) })
      .from(bankBests)
      .where(and(eq(bankBests.bankId, bankId), eq(bankBests.ownerHash, sql.placeholder('ownerHash'))))
      .prepare(),
  ] as const
})

export async function readLeaderboard(
  db: DB,
  bankId: string,
  ownerHash: string | undefined,
): Promise<{ rows: LeaderboardRow[]; total: number; mine: (Standing & { id: string }) | null }> {
  const [top, [count], mine] = await batchPrepared(db, leaderboardQueries(db), { bankId, ownerHash: ownerHash ?? '' })
  const total = count?.total ?? 0
  return { rows: rankRows(top), total, mine: mine[0] ? { ...mine[0], total } : null }
}
