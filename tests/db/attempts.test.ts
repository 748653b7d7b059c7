import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { createAttempt, readLeaderboard, readResults, setNickname } from '../../src/db/attempts.ts'
import { nicknameKey } from '../../src/game/nickname.ts'
import { createDb } from '../../src/db/client.ts'
import { randomId } from '../../src/http/ids.ts'
import { metered, newMeter } from '../bench/d1-meter.ts'

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
      'explain query plan select attempt_id from bank_bests where bank_id = ? order by score desc, time_ms asc limit 50',
    )
      .bind('b')
      .all<{ detail: string }>()
    expect(plan.results.map((r) => r.detail).join(' ')).toContain('USING INDEX bank_bests_rank_idx')
    expect(plan.results.map((r) => r.detail).join(' ')).not.toContain('TEMP B-TREE')
  })
})

describe('one entry per browser', () => {
  it('shows each browser once, at its best, and ranks among browsers', async () => {
    const bank = 'once-bank'
    await finished(bank, 'spammer', 1_100, 20_000, 'Top')
    const worse = await finished(bank, 'spammer', 1_000, 20_000)
    await finished(bank, 'spammer', 1_100, 30_000)
    await finished(bank, 'other', 1_050, 10_000, 'Other')
    const board = await readLeaderboard(db, bank, 'spammer')
    expect(board.rows.map((r) => [r.rank, r.score, r.nickname])).toEqual([
      [1, 1_100, 'Top'],
      [2, 1_050, 'Other'],
    ])
    expect(board.total).toBe(2)
    expect(board.mine).toMatchObject({ rank: 1, total: 2 })
    // A worse result of the same browser says where it would stand, among the others' bests.
    expect((await readResults(db, worse))!.standing).toEqual({ rank: 3, total: 2 })
    // A better one replaces the best, and keeps the browser's name.
    await finished(bank, 'spammer', 1_200, 5_000)
    expect((await readLeaderboard(db, bank, undefined)).rows[0]).toMatchObject({ score: 1_200, nickname: 'Top' })
  })

  it('refuses a name another browser holds on that board, and lets its holder keep it', async () => {
    const bank = 'name-bank'
    const mine = await finished(bank, 'first', 900, 1)
    const theirs = await finished(bank, 'second', 800, 1)
    expect(await setNickname(db, mine, 'first', 'Ann', nicknameKey('Ann'))).toBe('named')
    expect(await setNickname(db, theirs, 'second', 'ANN', nicknameKey('ANN'))).toBe('nickname-taken')
    expect(await setNickname(db, mine, 'first', 'Ann', nicknameKey('Ann'))).toBe('named')
    expect(await setNickname(db, theirs, 'first', 'Bo', nicknameKey('Bo'))).toBe('not-yours')
    expect((await readLeaderboard(db, bank, undefined)).rows.map((r) => r.nickname)).toEqual(['Ann', null])
  })
})

describe('leaderboard sizes', () => {
  const total = (bank: string) => env.DB.prepare('select finished from bank_totals where bank_id = ?').bind(bank).first<number>('finished')

  it('counts finished solo attempts exactly, whoever writes them, and only once each', async () => {
    const bank = 'count-bank'
    const id = randomId()
    await createAttempt(db, { id, ownerHash: 'a', bankId: bank, plan, now: 1 })
    expect(await total(bank)).toBeNull() // not finished yet
    await finished(bank, 'b', 100, 1)
    expect(await total(bank)).toBe(1)
    await env.DB.prepare('update attempts set finished_at = 5 where id = ?').bind(id).run()
    await env.DB.prepare('update attempts set finished_at = 6, score = 9 where id = ?').bind(id).run() // already finished
    expect(await total(bank)).toBe(2)
    await env.DB.prepare(
      "insert into attempts (id, owner_hash, bank_id, plan, started_at, shown_at, finished_at, class_id) values ('c1', 'c', ?, '[]', 1, 1, 2, 'some-class')",
    )
      .bind(bank)
      .run()
    expect(await total(bank)).toBe(2) // class attempts are not on the bank's board
    await env.DB.prepare('delete from attempts where id = ?').bind(id).run()
    expect(await total(bank)).toBe(1)
    expect((await readLeaderboard(db, bank, undefined)).total).toBe(1)
  })

  it('reads the same few rows for a leaderboard of 100 and of 5,000', async () => {
    const seed = (bank: string, n: number) =>
      env.DB.prepare(
        `insert into attempts (id, owner_hash, bank_id, plan, started_at, shown_at, finished_at, score, time_ms)
        with recursive n(i) as (select 0 union all select i + 1 from n where i < ${n - 1})
        select ? || i, 'owner' || i, ?, '[]', 1, 1, 2, abs(random()) % 12001, i from n`,
      )
        .bind(bank, bank)
        .run()
    const rowsRead = async (bank: string, owner: string) => {
      const meter = newMeter()
      const board = await readLeaderboard(createDb(metered(env.DB, meter)), bank, owner)
      expect(meter.trips).toBe(1)
      return { rows: meter.rowsRead, board }
    }
    await seed('small-bank', 100)
    await seed('large-bank', 5_000)
    const small = await rowsRead('small-bank', 'nobody')
    const large = await rowsRead('large-bank', 'nobody')
    expect(large.board.total).toBe(5_000)
    expect(large.rows).toBe(small.rows)
    expect(large.rows).toBeLessThan(60) // the top 50, the size, and the viewer's best
    // A viewer on the board: their best is one row of bank_bests, and their rank sums the score
    // bands above (at most 121 rows) and counts only within its own band (here 50).
    const far = await rowsRead('large-bank', 'owner2500')
    expect(far.rows).toBeLessThan(large.rows + 121 + 2 * (5_000 / 120) * 3)
  })

  it('ranks exactly through the score bands, ties and band edges included', async () => {
    const bank = 'band-bank'
    // Scores on and around band edges (99, 100, 101…), many ties in points and some in time too.
    const players = Array.from({ length: 300 }, (_, i) => ({
      owner: `p${i}`,
      score: [99, 100, 101, 199, 200, 250][i % 6] + 100 * (i % 7),
      time: 1000 * (i % 5),
    }))
    for (const p of players) await finished(bank, p.owner, p.score, p.time)
    for (const p of players.slice(0, 40)) {
      const expected = 1 + players.filter((o) => o.score > p.score || (o.score === p.score && o.time < p.time)).length
      expect((await readLeaderboard(db, bank, p.owner)).mine?.rank, `${p.owner} ${p.score} ${p.time}`).toBe(expected)
    }
    await env.DB.prepare("delete from attempts where owner_hash = 'p0' and bank_id = ?").bind(bank).run()
    const rest = players.slice(1)
    const p = players[6] // same score as p0
    expect((await readLeaderboard(db, bank, p.owner)).mine?.rank).toBe(
      1 + rest.filter((o) => o.score > p.score || (o.score === p.score && o.time < p.time)).length,
    )
  })
})
