import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { hasAnswer, recordAnswer } from '../../src/db/answers.ts'
import { createAttempt, readAttempt } from '../../src/db/attempts.ts'
import { createDb } from '../../src/db/client.ts'
import { randomId } from '../../src/http/ids.ts'

const db = createDb(env.DB)
const plan = [{ q: 'a' }, { q: 'b' }]

async function attempt() {
  const id = randomId()
  await createAttempt(db, { id, ownerHash: 'o', bankId: 'b', plan, now: 1_000 })
  return id
}
const answer = (attemptId: string, position: number, points = 1_173) => ({
  attemptId,
  position,
  questionId: plan[position].q,
  response: 'x',
  credit: points ? 1 : 0,
  timeMs: 4_000,
  points,
  answeredAt: 5_000 + position,
  tooFast: false,
})

describe('recordAnswer', () => {
  it('stores an answer once, adds it to the totals once, and returns the attempt as stored', async () => {
    const id = await attempt()
    const first = await recordAnswer(db, answer(id, 0), { finishOnLast: true })
    expect(first.stored).toBe(true)
    expect(first.attempt).toMatchObject({ id, answered: 1, score: 1_173, correct: 1, timeMs: 4_000, finishedAt: null })
    // The same question again (a double click, a resend): ignored, the totals as they were.
    const again = await recordAnswer(db, answer(id, 0, 0), { finishOnLast: true })
    expect(again.stored).toBe(false)
    expect(again.attempt).toMatchObject({ answered: 1, score: 1_173, correct: 1 })
    expect((await readAttempt(db, id, 0))!.answer).toMatchObject({ points: 1_173, credit: 1 })
  })

  it('finishes a self-paced attempt with its last answer, at that answer’s time, and only once', async () => {
    const id = await attempt()
    await recordAnswer(db, answer(id, 0), { finishOnLast: true })
    const last = await recordAnswer(db, answer(id, 1, 0), { finishOnLast: true })
    expect(last.attempt).toMatchObject({ answered: 2, score: 1_173, correct: 1, finishedAt: 5_001 })
    const resent = await recordAnswer(db, { ...answer(id, 1, 0), answeredAt: 9_999 }, { finishOnLast: true })
    expect(resent.attempt?.finishedAt).toBe(5_001)
  })

  it('leaves a live seat unfinished after its last answer: the game finishes everyone at its end', async () => {
    const id = await attempt()
    await recordAnswer(db, answer(id, 1), { finishOnLast: false })
    const last = await recordAnswer(db, answer(id, 0), { finishOnLast: false })
    expect(last.attempt).toMatchObject({ answered: 2, score: 2_346, finishedAt: null })
    expect(await hasAnswer(db, id, 1)).toBe(true)
    expect(await hasAnswer(db, randomId(), 1)).toBe(false)
  })

  it('keeps the run of right answers: a miss ends it, and so does a question skipped', async () => {
    const id = await attempt()
    const runs = []
    for (const [position, points] of [
      [0, 900],
      [1, 800],
      [2, 0],
      [3, 700],
      [5, 600],
      [6, 500],
    ]) {
      const { attempt } = await recordAnswer(
        db,
        { ...answer(id, 0, points), position, questionId: `q${position}` },
        { finishOnLast: false },
      )
      runs.push([attempt?.streak, attempt?.streakEnd])
    }
    expect(runs).toEqual([
      [1, 0],
      [2, 1],
      [0, 2],
      [1, 3],
      [1, 5],
      [2, 6],
    ])
  })

  it('counts the answers given faster than anyone can read, beside the totals', async () => {
    const id = await attempt()
    await recordAnswer(db, { ...answer(id, 0), tooFast: true }, { finishOnLast: true })
    const { attempt: after } = await recordAnswer(db, answer(id, 1), { finishOnLast: true })
    expect(after).toMatchObject({ answered: 2, tooFast: 1 })
  })

  it('keeps the totals equal to the answers whoever inserts them: the trigger is the one place that adds', async () => {
    const id = await attempt()
    await env.DB.prepare(
      `insert into answers (attempt_id, position, question_id, response, credit, time_ms, points, answered_at)
      values (?, 0, 'a', '"x"', 0.5, 2000, 500, 1)`,
    )
      .bind(id)
      .run()
    expect((await readAttempt(db, id))!.attempt).toMatchObject({ answered: 1, score: 500, correct: 0, timeMs: 2_000 })
  })
})
