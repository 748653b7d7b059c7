// A class's standings and what its teacher reads: the seats ranked (this round, and over every
// round), the projector's board, the roster with its waiting room, and each question's answers.
import { and, asc, desc, eq, gt, sql, type SQL } from 'drizzle-orm'
import { batchPrepared, preparedFor, type DB } from './client.ts'
import { answers, attempts, classes, students, type AnswerValue, type Class, type Student } from './schema.ts'
import { notExpired, openedSince } from './classes.ts'

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

/** A seat just taken: nothing answered, in this round or any before it. */
export const emptySeat = (attemptId: string, nickname: string): SeatRow => ({
  attemptId,
  nickname,
  extraTime: false,
  score: 0,
  correct: 0,
  answered: 0,
  timeMs: 0,
  tooFast: 0,
  streak: 0,
  streakEnd: -1,
  finished: false,
  pastScore: 0,
  pastCorrect: 0,
  pastAnswered: 0,
  pastTimeMs: 0,
})

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
