// Rounds: the same class plays again, every student in the same seat. A seat (students) holds the
// attempt of the round in play; a new round gives each seat a new attempt and points the seat at
// it, so everything that reads "the class as it is now" (the live game, the dashboard, the board,
// /play/:id and /live/:id) reads the new round unchanged. Earlier rounds' attempts stay, with their
// class and round, until the class goes; their totals are added to the seat as the round ends.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core'
import { rankedSeats, type SeatRow } from './standings.ts'
import type { DB } from './client.ts'
import { attempts, classes, students, type Class, type LiveSettings, type PlanItem } from './schema.ts'

/** The attempt each seat of a class holds now, waiting or admitted: the seats a new round moves. */
export async function readSeatAttempts(db: DB, classId: string): Promise<string[]> {
  const rows = await db.select({ id: students.attemptId }).from(students).where(eq(students.classId, classId))
  return rows.map((row) => row.id)
}

/** A seat's move to the new round: from the attempt it holds to a new one, with its own plan (self-paced) or the class's (live). */
export type Move = { from: string; to: string; plan?: PlanItem[] }

export type NewRound = {
  classId: string
  /** The round to open: the class must be at the round before it, so a form sent twice opens one round. */
  round: number
  bankIds: string[]
  /** The bank id a new attempt carries (the mixed quiz's for several banks). */
  bankId: string
  questionIds: string[]
  live: LiveSettings | null
  moves: Move[]
  now: number
}

// The moves travel as JSON, one bound parameter a statement (D1 takes at most 100); a hall's plans
// are split so no statement carries more than about 150 KB of them.
const MOVES_PER_STATEMENT = 100

// drizzle's batch takes only its query builders, and these statements are SQL its builders do not
// write (INSERT … SELECT from JSON, UPDATE … FROM): they go to D1's own batch, built by its dialect.
const dialect = new SQLiteAsyncDialect()
const statement = (db: DB, query: SQL) => {
  const { sql: text, params } = dialect.sqlToQuery(query)
  return db.$client.prepare(text).bind(...params)
}

const roundOf = (classId: string) => sql`(select ${classes.round} from ${classes} where ${classes.id} = ${classId})`

/**
 * Statements that move seats to the new round's attempts, each run only while the class is at
 * round `expect` and the seat still holds the attempt the move is from (a move made already is
 * not made twice). The seat keeps the totals of the attempt it leaves, in its `past_*` columns.
 */
function moveSeats(db: DB, r: NewRound, expect: number, moves: Move[]): D1PreparedStatement[] {
  const shared = r.live ? JSON.stringify(r.live.plan) : null
  const statements: D1PreparedStatement[] = []
  for (let i = 0; i < moves.length; i += MOVES_PER_STATEMENT) {
    const chunk = JSON.stringify(moves.slice(i, i + MOVES_PER_STATEMENT))
    statements.push(
      statement(
        db,
        sql`insert into ${attempts} (id, owner_hash, bank_id, plan, class_id, round, started_at, shown_at)
        select m.value ->> 'to', s.owner_hash, ${r.bankId}, coalesce(m.value -> 'plan', ${shared}), s.class_id, ${r.round}, ${r.now}, ${r.now}
        from json_each(${chunk}) as m join ${students} as s on s.attempt_id = m.value ->> 'from'
        where s.class_id = ${r.classId} and ${roundOf(r.classId)} = ${expect}`,
      ),
      statement(
        db,
        sql`update ${students} set attempt_id = m.value ->> 'to',
          past_score = past_score + a.score, past_correct = past_correct + a.correct,
          past_answered = past_answered + a.answered, past_time_ms = past_time_ms + a.time_ms
        from json_each(${chunk}) as m join ${attempts} as a on a.id = m.value ->> 'from'
        where ${students}.attempt_id = m.value ->> 'from' and ${students}.class_id = ${r.classId} and ${roundOf(r.classId)} = ${expect}`,
      ),
    )
  }
  return statements
}

/** Seats still holding an attempt of a round before the class's: joined while the new round was being written. */
const leftBehind = (db: DB, classId: string) =>
  statement(
    db,
    sql`select s.attempt_id as id from ${students} as s join ${attempts} as a on a.id = s.attempt_id
      where s.class_id = ${classId} and a.round < ${roundOf(classId)}`,
  )
const ids = (result: D1Result) => (result.results as { id: string }[]).map((row) => row.id)

/**
 * Opens a new round in one batch: the round ending is finished (an unfinished attempt keeps what
 * it answered), every seat moves to its new attempt, and the class takes the new round's
 * questions, with no homework deadline (the last round's would close the new one at once). Nothing happens unless the class is at the round before (a form sent twice, a stale
 * page): `opened` says whether it did. `left`: seats that joined between the read of the seats
 * and this write, still in the old round (moveLeftBehind moves them).
 */
export async function openRound(db: DB, r: NewRound): Promise<{ opened: boolean; left: string[] }> {
  const previous = r.round - 1
  const finish = sql`update ${attempts} set finished_at = ${r.now}
    where class_id = ${r.classId} and round = ${previous} and finished_at is null and ${roundOf(r.classId)} = ${previous}`
  const take = sql`update ${classes} set round = ${r.round}, bank_ids = ${JSON.stringify(r.bankIds)},
      question_ids = ${JSON.stringify(r.questionIds)}, live = ${r.live ? JSON.stringify(r.live) : null},
      closes_at = null, closes_zone = null
    where id = ${r.classId} and round = ${previous}`
  const results = await db.$client.batch([
    statement(db, finish),
    ...moveSeats(db, r, previous, r.moves),
    statement(db, take),
    leftBehind(db, r.classId),
  ])
  const [opened, left] = results.slice(-2)
  return { opened: opened.meta.changes === 1, left: ids(left) }
}

/** Moves seats a round left behind (see openRound) into it; returns any still left (joined meanwhile again). */
export async function moveLeftBehind(db: DB, r: NewRound): Promise<string[]> {
  const results = await db.$client.batch([...moveSeats(db, r, r.round, r.moves), leftBehind(db, r.classId)])
  return ids(results.at(-1)!)
}

/** One seat's points in each round it played, for the CSV: rows by seat (its attempt now), then round. */
export type RoundScore = { seat: string; round: number; score: number; correct: number; answered: number; timeMs: number }

/** Every round's totals of every admitted seat of a class (the CSV's columns per round). */
const roundScores = (db: DB, klass: Pick<Class, 'id'>) =>
  db
    .select({
      seat: students.attemptId,
      round: attempts.round,
      score: attempts.score,
      correct: attempts.correct,
      answered: attempts.answered,
      timeMs: attempts.timeMs,
    })
    .from(attempts)
    .innerJoin(
      students,
      and(eq(students.classId, attempts.classId), eq(students.ownerHash, attempts.ownerHash), eq(students.admitted, true)),
    )
    .where(eq(attempts.classId, klass.id))
    .orderBy(asc(attempts.round))

export const readRoundScores = (db: DB, klass: Pick<Class, 'id'>): Promise<RoundScore[]> => roundScores(db, klass)

/** What the CSV of a class in its second round or later holds: every seat ranked this round, and every round's totals of each. */
export async function readRoundsCsv(db: DB, klass: Pick<Class, 'id'>): Promise<{ seats: SeatRow[]; scores: RoundScore[] }> {
  const [seats, scores] = await db.batch([rankedSeats(db, klass.id), roundScores(db, klass)])
  return { seats, scores }
}
