// Query functions for classes, their seats and blocks. Values or null in, never responses.
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, or, sql, type Placeholder, type SQL } from 'drizzle-orm'
import { MIXED_ID } from '../questions/reserved.ts'
import { batchPrepared, preparedFor, type DB } from './client.ts'
import { answers, attempts, classBlocks, classes, students, type AnswerValue, type Class, type PlanItem, type Student } from './schema.ts'

export type NewClass = Omit<Class, 'open' | 'hideNames' | 'hideTyped' | 'seats' | 'closesAt' | 'closesZone' | 'round'>

/** Classes and everything in them last 30 days from opening; the daily cron then deletes them. */
export const CLASS_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000
/** Classes opened after this are still within their lifetime. */
export const openedSince = (now: number) => now - CLASS_LIFETIME_MS
/** A class opened after `since` (see openedSince): until the cron runs, an expired class is already gone. */
export const notExpired = (since: number | Placeholder) => gt(classes.createdAt, since)

/** Stores a class; false if its join code is taken (the caller draws another). */
export async function createClass(db: DB, klass: NewClass): Promise<boolean> {
  const rows = await db.insert(classes).values(klass).onConflictDoNothing({ target: classes.code }).returning({ id: classes.id })
  return rows.length === 1
}

export async function findClassByTeacher(db: DB, teacherHash: string, now = Date.now()): Promise<Class | null> {
  const [klass] = await db
    .select()
    .from(classes)
    .where(and(eq(classes.teacherHash, teacherHash), notExpired(openedSince(now))))
  return klass ?? null
}

/** A class by join code, with this browser's seat in it and whether it is blocked there. */
export async function findClassForJoin(db: DB, code: string, ownerHash: string | undefined, now = Date.now()) {
  const [row] = await db
    .select({
      klass: classes,
      seat: students.attemptId,
      blocked: sql<number>`exists (select 1 from ${classBlocks} where ${classBlocks.classId} = ${classes.id}
        and ${classBlocks.ownerHash} = ${ownerHash ?? ''})`,
    })
    .from(classes)
    .leftJoin(students, and(eq(students.classId, classes.id), eq(students.ownerHash, ownerHash ?? '')))
    .where(and(eq(classes.code, code), notExpired(openedSince(now))))
  return row ? { klass: row.klass, seat: row.seat, blocked: row.blocked === 1 } : null
}

export type NewSeat = {
  klass: Class
  attemptId: string
  ownerHash: string
  nickname: string
  nicknameKey: string
  plan: PlanItem[]
  now: number
}

/**
 * Seats a student and starts their attempt in one batch: both or neither. A class deleted since
 * it was read fails the seat's foreign key, and the batch rolls back the attempt with it.
 */
export async function joinClass(db: DB, s: NewSeat): Promise<'joined' | 'nickname-taken' | 'already-seated' | 'class-gone' | 'round-over'> {
  const { klass, attemptId, ownerHash, now } = s
  try {
    await db.batch([
      db.insert(attempts).values({
        id: attemptId,
        ownerHash,
        bankId: klass.bankIds.length === 1 ? klass.bankIds[0] : MIXED_ID,
        classId: klass.id,
        round: klass.round,
        plan: s.plan,
        startedAt: now,
        shownAt: now,
      }),
      db.insert(students).values({
        attemptId,
        classId: klass.id,
        ownerHash,
        nickname: s.nickname,
        nicknameKey: s.nicknameKey,
        joinedAt: now,
        // With a waiting room, a student waits until the teacher lets them in.
        admitted: !klass.admit,
      }),
    ])
    return 'joined'
  } catch (e) {
    if (violated(e, 'UNIQUE', 'nickname_key')) return 'nickname-taken'
    if (violated(e, 'UNIQUE', 'owner_hash')) return 'already-seated'
    if (violated(e, 'FOREIGN KEY')) return 'class-gone'
    // The class read before a new round began (migrations/0011_rounds.sql): the seat would sit in a round already over.
    if (String(e instanceof Error ? (e.cause ?? e.message) : e).includes('round already over')) return 'round-over'
    throw e
  }
}

const violated = (e: unknown, kind: 'UNIQUE' | 'FOREIGN KEY', column = '') => {
  const message = e instanceof Error ? String(e.cause ?? e.message) : ''
  return message.includes(`${kind} constraint failed`) && message.includes(column)
}

export async function renameStudent(db: DB, classId: string, attemptId: string, nickname: string, nicknameKey: string) {
  try {
    const rows = await db
      .update(students)
      .set({ nickname, nicknameKey })
      .where(and(eq(students.classId, classId), eq(students.attemptId, attemptId)))
      .returning({ id: students.attemptId })
    return rows.length === 1 ? 'renamed' : 'no-such-student'
  } catch (e) {
    if (violated(e, 'UNIQUE', 'nickname_key')) return 'nickname-taken'
    throw e
  }
}

/** Gives or takes a student's extra time; false when the class has no such student. */
export async function setExtraTime(db: DB, classId: string, attemptId: string, extraTime: boolean): Promise<boolean> {
  const rows = await db
    .update(students)
    .set({ extraTime })
    .where(and(eq(students.classId, classId), eq(students.attemptId, attemptId)))
    .returning({ id: students.attemptId })
  return rows.length === 1
}

/** The students of a class among `ids` (one bound parameter, however many: D1 takes at most 100). */
const among = (classId: string, ids: string[]) =>
  and(eq(students.classId, classId), inArray(students.attemptId, sql`(select value from json_each(${JSON.stringify(ids)}))`))

/**
 * Removes students' seats, their attempts in every round and their answers in one batch; with
 * `block`, their browsers may not rejoin. Returns how many seats were removed (ids of other
 * classes, or already gone, count none).
 */
export async function removeStudents(db: DB, classId: string, ids: string[], block: boolean): Promise<number> {
  const seats = among(classId, ids)
  const owners = db.select({ owner: students.ownerHash }).from(students).where(seats)
  const theirs = db
    .select({ id: attempts.id })
    .from(attempts)
    .where(and(eq(attempts.classId, classId), inArray(attempts.ownerHash, owners)))
  const blockThem = db
    .insert(classBlocks)
    .select(db.select({ classId: students.classId, ownerHash: students.ownerHash }).from(students).where(seats))
    .onConflictDoNothing()
  const remove = [
    db.delete(answers).where(inArray(answers.attemptId, theirs)),
    db.delete(attempts).where(and(eq(attempts.classId, classId), inArray(attempts.ownerHash, owners))),
    // The seats go last (the others find the attempts through them), and say how many there were.
    db.delete(students).where(seats).returning({ id: students.attemptId }),
  ] as const
  const removed = block ? (await db.batch([blockThem, ...remove]))[3] : (await db.batch(remove))[2]
  return removed.length
}

/** Lets students waiting in the class's waiting room in (`all`, or those among `ids`); returns how many. */
export async function admitStudents(db: DB, classId: string, ids: string[] | 'all'): Promise<number> {
  const waiting = and(eq(students.classId, classId), eq(students.admitted, false))
  const rows = await db
    .update(students)
    .set({ admitted: true })
    .where(ids === 'all' ? waiting : and(waiting, among(classId, ids)))
    .returning({ id: students.attemptId })
  return rows.length
}

export async function updateClass(db: DB, classId: string, change: Partial<Pick<Class, 'open' | 'hideNames' | 'hideTyped' | 'admit'>>) {
  await db.update(classes).set(change).where(eq(classes.id, classId))
}

/** Sets a self-paced class's homework deadline (a live game has none), or removes it (the zone is kept, to offer again). */
export async function setDeadline(db: DB, classId: string, deadline: { closesAt: number; zone: string } | null) {
  await db
    .update(classes)
    .set(deadline ? { closesAt: deadline.closesAt, closesZone: deadline.zone } : { closesAt: null })
    .where(and(eq(classes.id, classId), isNull(classes.live)))
}

/** Closes a self-paced class's homework at `now`; one already closed keeps the time it closed at. */
export async function closeNow(db: DB, classId: string, now: number) {
  await db
    .update(classes)
    .set({ closesAt: now })
    .where(and(eq(classes.id, classId), isNull(classes.live), or(isNull(classes.closesAt), gt(classes.closesAt, now))))
}

/** Deletes classes (one, or all created before a time) with every seat, attempt and answer; returns the ids of the live ones. */
export async function deleteClasses(db: DB, which: { id: string } | { createdBefore: number }): Promise<string[]> {
  const chosen = 'id' in which ? eq(classes.id, which.id) : lt(classes.createdAt, which.createdBefore)
  const ids = db.select({ id: classes.id }).from(classes).where(chosen)
  const classAttempts = db.select({ id: attempts.id }).from(attempts).where(inArray(attempts.classId, ids))
  const [, , , , deleted] = await db.batch([
    db.delete(answers).where(inArray(answers.attemptId, classAttempts)),
    db.delete(attempts).where(inArray(attempts.classId, ids)),
    db.delete(students).where(inArray(students.classId, ids)),
    db.delete(classBlocks).where(inArray(classBlocks.classId, ids)),
    db
      .delete(classes)
      .where(and(chosen, isNotNull(classes.live)))
      .returning({ id: classes.id }),
    db.delete(classes).where(chosen),
  ])
  return deleted.map((row) => row.id)
}

export type SeatRow = Pick<Student, 'attemptId' | 'nickname' | 'extraTime'> & {
  score: number
  correct: number
  answered: number
  timeMs: number
  /** Answers given faster than anyone can read the question. */
  tooFast: number
  /** The run of right answers ending at the answer to position `streakEnd` (see streakAt). */
  streak: number
  streakEnd: number
  finished: boolean
  /** The seat's totals over the class's earlier rounds (none before a second round). */
  pastScore: number
  pastCorrect: number
  pastAnswered: number
  pastTimeMs: number
}

const seatRowColumns = {
  attemptId: students.attemptId,
  nickname: students.nickname,
  extraTime: students.extraTime,
  score: attempts.score,
  correct: attempts.correct,
  answered: attempts.answered,
  timeMs: attempts.timeMs,
  tooFast: attempts.tooFast,
  streak: attempts.streak,
  streakEnd: attempts.streakEnd,
  finished: sql<boolean>`${attempts.finishedAt} is not null`.mapWith(Boolean),
  pastScore: students.pastScore,
  pastCorrect: students.pastCorrect,
  pastAnswered: students.pastAnswered,
  pastTimeMs: students.pastTimeMs,
}

/**
 * The class's admitted students ranked in the round in play: points first, then time (untimed
 * classes do not break ties by time). Earlier rounds' attempts are off the index's range.
 */
export function rankedSeats(db: DB, classId: string | SQL) {
  // The index ends in the rowid, so ordering by it too keeps ties in a stable order (a polled
  // board does not reshuffle) at no cost. An untimed class shows time-only ties as ties (rankSeats).
  const order = [desc(attempts.score), asc(attempts.timeMs), asc(sql`${attempts}.rowid`)]
  return db
    .select(seatRowColumns)
    .from(attempts)
    .innerJoin(students, and(eq(students.attemptId, attempts.id), eq(students.admitted, true)))
    .where(
      and(
        eq(attempts.classId, classId),
        eq(attempts.round, sql`(select ${classes.round} from ${classes} where ${classes.id} = ${classId})`),
      ),
    )
    .orderBy(...order)
}

/** The rows a projector's board shows: the most that fit one screen (src/views/classes/board.tsx). */
export const BOARD_SIZE = 10

/**
 * The class's admitted students ranked over every round so far (their earlier rounds' totals plus
 * this one's), from a second round on: one row per seat, however many rounds.
 */
export function overallSeats(db: DB, classId: string | SQL) {
  // Driven from the class's row, so a class in its first round reads that one row and no seat.
  return db
    .select(seatRowColumns)
    .from(classes)
    .innerJoin(students, and(eq(students.classId, classes.id), eq(students.admitted, true)))
    .innerJoin(attempts, eq(attempts.id, students.attemptId))
    .where(and(eq(classes.id, classId), gt(classes.round, 1)))
    .orderBy(
      desc(sql`${students.pastScore} + ${attempts.score}`),
      asc(sql`${students.pastTimeMs} + ${attempts.timeMs}`),
      asc(sql`${students}.rowid`),
    )
}

// The projector polls every few seconds: its batch is built once per isolate and bound per poll
// (drizzle building it was half of the class board's own CPU time in the bench's profile).
const boardQueries = preparedFor((db) => {
  const live = and(eq(classes.boardId, sql.placeholder('boardId')), notExpired(sql.placeholder('since')))
  const classId = sql`(select ${classes.id} from ${classes} where ${live})`
  return [
    db.select().from(classes).where(live).prepare(),
    rankedSeats(db, classId).limit(BOARD_SIZE).prepare(),
    overallSeats(db, classId).limit(BOARD_SIZE).prepare(),
  ] as const
})

/**
 * The projector's class and its top rows in the round in play, and from a second round on the top
 * rows over every round, in one round trip (it polls every few seconds). The round's rows are
 * served by attempts_class_round_rank_idx, so rows read stay flat; the class size is `klass.seats`.
 */
export async function readBoard(
  db: DB,
  boardId: string,
  now = Date.now(),
): Promise<{ klass: Class; rows: SeatRow[]; overall: SeatRow[] } | null> {
  const [[klass], rows, overall] = await batchPrepared(db, boardQueries(db), { boardId, since: openedSince(now) })
  return klass ? { klass, rows, overall } : null
}

/** How a question was answered: how many answered, how many right, and how many gave each distinct response (a choice's text, say). */
export type QuestionStat = { questionId: string; answers: number; correct: number; responses: { response: AnswerValue; count: number }[] }

export type Waiting = Pick<Student, 'attemptId' | 'nickname' | 'joinedAt'>

/** Who is in the class: the admitted seats ranked, and who waits to be let in. */
export type Roster = { seats: SeatRow[]; waiting: Waiting[] }

const waitingIn = (db: DB, classId: string) =>
  db
    .select({ attemptId: students.attemptId, nickname: students.nickname, joinedAt: students.joinedAt })
    .from(students)
    .where(and(eq(students.classId, classId), eq(students.admitted, false)))
    .orderBy(asc(students.joinedAt))

/** Each question's answers in the round in play, grouped by response: one row for each distinct response, the answers' only scan. */
const responsesIn = (db: DB, klass: Pick<Class, 'id' | 'round'>) =>
  db
    .select({
      questionId: answers.questionId,
      response: answers.response,
      count: sql<number>`count(*)`,
      correct: sql<number>`sum(${answers.credit} = 1)`,
    })
    .from(answers)
    .innerJoin(attempts, eq(attempts.id, answers.attemptId))
    .where(and(eq(attempts.classId, klass.id), eq(attempts.round, klass.round)))
    .groupBy(answers.questionId, answers.response)

function questionStats(rows: { questionId: string; response: AnswerValue; count: number; correct: number }[]): QuestionStat[] {
  const byQuestion = new Map<string, QuestionStat>()
  for (const { questionId, response, count, correct } of rows) {
    const stat = byQuestion.get(questionId) ?? { questionId, answers: 0, correct: 0, responses: [] }
    stat.answers += count
    stat.correct += correct
    stat.responses.push({ response, count })
    byQuestion.set(questionId, stat)
  }
  return [...byQuestion.values()]
}

/**
 * The roster alone, in one round trip: what a dashboard poll reads to learn whether anything
 * changed. It reads no answers, yet moves with every one: an answer is only ever inserted, and
 * its insert adds to its attempt's totals (the trigger in migrations/0005); one removed goes with
 * its attempt's seat.
 */
export async function readRoster(db: DB, klass: Class): Promise<Roster> {
  const [seats, waiting] = await db.batch([rankedSeats(db, klass.id), waitingIn(db, klass.id)])
  return { seats, waiting }
}

export async function readQuestionStats(db: DB, klass: Class): Promise<QuestionStat[]> {
  return questionStats(await responsesIn(db, klass))
}

/** Everything the teacher's dashboard shows, in one round trip: the roster and each question's answers. */
export async function readDashboard(db: DB, klass: Class): Promise<Roster & { stats: QuestionStat[] }> {
  const [seats, waiting, responses] = await db.batch([rankedSeats(db, klass.id), waitingIn(db, klass.id), responsesIn(db, klass)])
  return { seats, waiting, stats: questionStats(responses) }
}
