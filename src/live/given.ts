// The answers to a live game's question in play. They are kept in the game's own SQLite storage
// (a `given` table), durable before a phone hears "locked in", until the question closes and they
// go to D1 in one statement. And how many answers each seat has sent lately: a person's taps and
// resends fit, a script hammering the game does not.
import type { Answer } from '../db/schema.ts'

/** Posts one seat may send in a window, as ANSWER_LIMIT allows a self-paced player (wrangler.toml). */
const POSTS = 30
const WINDOW_MS = 10_000

export class GivenAnswers {
  readonly #sql: SqlStorage
  #given = new Map<string, Answer>()
  #posts = new Map<string, { since: number; count: number }>()

  /** Reads back what storage holds: after a restart, the open question's answers are all there. */
  constructor(sql: SqlStorage) {
    this.#sql = sql
    sql.exec('create table if not exists given (attempt_id text primary key, answer text not null)')
    for (const row of sql.exec<{ answer: string }>('select answer from given')) {
      const answer = JSON.parse(row.answer) as Answer
      this.#given.set(answer.attemptId, answer)
    }
  }

  get all(): ReadonlyMap<string, Answer> {
    return this.#given
  }

  has(attemptId: string): boolean {
    return this.#given.has(attemptId)
  }

  add(answer: Answer): void {
    this.#sql.exec('insert into given (attempt_id, answer) values (?, ?) on conflict do nothing', answer.attemptId, JSON.stringify(answer))
    this.#given.set(answer.attemptId, answer)
  }

  /** A removed student's answer no longer counts. */
  drop(attemptId: string): void {
    this.#given.delete(attemptId)
    this.#sql.exec('delete from given where attempt_id = ?', attemptId)
  }

  /** A new question: the last one's answers are in D1 now. */
  clear(): void {
    this.#given = new Map()
    this.#sql.exec('delete from given')
  }

  /**
   * Counts a seat's post, and says when it is one too many for a person (a fixed window, in
   * memory: the game is the one place a class's answers pass, so the count is exact).
   */
  tooMany(attemptId: string, now: number): boolean {
    const seen = this.#posts.get(attemptId)
    if (!seen || now - seen.since >= WINDOW_MS) {
      this.#posts.set(attemptId, { since: now, count: 1 })
      return false
    }
    return ++seen.count > POSTS
  }
}

export const ANSWER_WINDOW_SECONDS = WINDOW_MS / 1000
