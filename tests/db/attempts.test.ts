import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { createAttempt, readLeaderboard, readResults, recordAnswer, readAttempt } from '../../src/db/attempts.ts'
import { createDb } from '../../src/db/client.ts'
import { randomId } from '../../src/http/ids.ts'

const db = createDb(env.DB)
const plan = [{ q: 'a' }, { q: 'b' }]

/** A finished attempt with the given totals, straight into D1. */
async function finished(bankId: string, owner: string, score: number, timeMs: number, nickname: string | null = null) {
  const id = randomId()
  await createAttempt(db, { id, ownerHash: owner, bankId, plan, now: 1 })
  await env.DB.prepare('update attempts set score = ?, time_ms = ?, finished_at = 2, nickname = ? where id = ?')
    .bind(score, timeMs, nickname, id)
    .run()
  return id
}

describe('recordAnswer', () => {
  it('stores an answer once and adds it to the totals once', async () => {
    const id = randomId()
    await createAttempt(db, { id, ownerHash: 'o', bankId: 'b', plan, now: 1_000 })
    const { attempt } = (await readAttempt(db, id))!
    const answer = { position: 0, questionId: 'a', response: 'x', credit: 1, timeMs: 4_000, points: 1_173, answeredAt: 5_000 }
    expect(await recordAnswer(db, attempt, answer)).toBe(true)
    expect(await recordAnswer(db, attempt, { ...answer, points: 0, credit: 0 })).toBe(false)
    const after = (await readAttempt(db, id, 0))!
    expect(after.attempt).toMatchObject({ answered: 1, score: 1_173, correct: 1, timeMs: 4_000, finishedAt: null })
    expect(after.answer).toMatchObject({ points: 1_173, response: 'x' })
  })
})

describe('ranking', () => {
  it('ranks by points, then time, with ties sharing a rank', async () => {
    const bank = 'rank-bank'
    await finished(bank, 'x', 900, 50_000, 'Zed')
    await finished(bank, 'me', 900, 40_000, 'Ann')
    await finished(bank, 'y', 1_200, 90_000)
    const tieA = await finished(bank, 'z', 500, 10_000)
    await finished(bank, 'w', 500, 10_000)
    await finished('other-bank', 'x', 5_000, 1)
    await createAttempt(db, { id: randomId(), ownerHash: 'me', bankId: bank, plan, now: 1 }) // unfinished: not ranked

    const board = await readLeaderboard(db, bank, 'me')
    expect(board.rows.map((r) => [r.rank, r.score, r.nickname])).toEqual([
      [1, 1_200, null],
      [2, 900, 'Ann'],
      [3, 900, 'Zed'],
      [4, 500, null],
      [4, 500, null],
    ])
    expect(board.total).toBe(5)
    expect(board.mine).toMatchObject({ rank: 2, total: 5 })
    expect((await readResults(db, tieA))!.standing).toEqual({ rank: 4, total: 5 })
    expect((await readLeaderboard(db, bank, undefined)).mine).toBeNull()
  })

  it('serves the leaderboard from its index', async () => {
    const plan = await env.DB.prepare(
      "explain query plan select id from attempts where bank_id = ? and finished_at is not null order by score desc, time_ms asc limit 50".replace('finished_at is not null', 'finished_at is not null and class_id is null'),
    )
      .bind('b')
      .all<{ detail: string }>()
    expect(plan.results.map((r) => r.detail).join(' ')).toContain('USING INDEX attempts_bank_rank_idx')
    expect(plan.results.map((r) => r.detail).join(' ')).not.toContain('TEMP B-TREE')
  })
})
