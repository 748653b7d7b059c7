// Query functions for classes, their seats and blocks (what they read as standings: standings.ts).
// Values or null in, never responses.
import { and, eq, gt, inArray, isNotNull, isNull, lt, or, sql, type Placeholder } from 'drizzle-orm'
import { MIXED_ID } from '../questions/reserved.ts'
import type { DB } from './client.ts'
import { answers, attempts, classBlocks, classes, students, type Class, type PlanItem } from './schema.ts'

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
