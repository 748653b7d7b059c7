import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { recordAnswer } from '../../src/db/answers.ts'
import { createClass, joinClass, removeStudents } from '../../src/db/classes.ts'
import { BOARD_SIZE, readBoard, readDashboard } from '../../src/db/standings.ts'
import { createDb } from '../../src/db/client.ts'
import { readRoundAnswers } from '../../src/db/report.ts'
import { moveLeftBehind, openRound, readRoundScores, readSeatAttempts, type NewRound } from '../../src/db/rounds.ts'
import type { Class } from '../../src/db/schema.ts'
import { randomId } from '../../src/http/ids.ts'
import { metered, newMeter } from '../bench/d1-meter.ts'

const db = createDb(env.DB)
const readClass = async (id: string) => (await env.DB.prepare('select * from classes where id = ?').bind(id).first<{ round: number }>())!

async function newClass(code: string): Promise<Class> {
  const klass: Class = {
    ...{ id: randomId(), boardId: randomId(), teacherHash: randomId(), code, name: code, bankIds: ['race-2018'], questionIds: ['x'] },
    ...{ scoring: 'speed', naming: 'chosen', open: true, hideNames: false, hideTyped: false, admit: false, createdAt: Date.now() },
    ...{ seats: 0, live: null, round: 1, closesAt: null, closesZone: null },
  }
  await createClass(db, klass)
  return klass
}

const seat = (klass: Class, i: number, attemptId = randomId()) =>
  joinClass(db, { klass, attemptId, ownerHash: `o${i}`, nickname: `S${i}`, nicknameKey: `s${i}`, plan: [{ q: 'x' }, { q: 'y' }], now: 2 })

/** An answer worth `points` to the question at `position` of an attempt. */
const answer = (attemptId: string, position: number, points: number) =>
  recordAnswer(
    db,
    {
      attemptId,
      position,
      questionId: 'x',
      response: 'a',
      credit: points > 0 ? 1 : 0,
      timeMs: 1000,
      points,
      answeredAt: 3,
      tooFast: false,
    },
    { finishOnLast: true },
  )

/** The next round as the teacher's form opens it: every seat read, then moved, each with its own plan. */
async function nextRound(klass: Class, round: number, seats?: string[]): Promise<NewRound & { left: string[]; opened: boolean }> {
  const r: NewRound = {
    classId: klass.id,
    round,
    bankIds: ['race-2023'],
    bankId: 'race-2023',
    questionIds: ['p', 'q', 'r'],
    live: null,
    moves: (seats ?? (await readSeatAttempts(db, klass.id))).map((from) => ({ from, to: randomId(), plan: [{ q: 'p' }, { q: 'q' }] })),
    now: 10 * round,
  }
  return { ...r, ...(await openRound(db, r)) }
}

describe('a new round', () => {
  it('moves every seat to a new attempt, keeping names, the old attempts and their totals', async () => {
    const klass = await newClass('RND111')
    const ids = [randomId(), randomId(), randomId()]
    for (const [i, id] of ids.entries()) expect(await seat(klass, i, id)).toBe('joined')
    await answer(ids[0], 0, 1100)
    await answer(ids[1], 0, 900)
    const round2 = await nextRound(klass, 2)
    expect(round2).toMatchObject({ opened: true, left: [] })
    const now = await readSeatAttempts(db, klass.id)
    expect([...now].sort()).toEqual(round2.moves.map((m) => m.to).sort())
    const { results } = await env.DB.prepare(
      `select s.nickname, s.past_score, a.round, a.plan, a.bank_id, a.finished_at, old.round as old_round, old.finished_at as old_finished
       from students s join attempts a on a.id = s.attempt_id join attempts old on old.class_id = s.class_id and old.owner_hash = s.owner_hash and old.round = 1
       where s.class_id = ? order by s.nickname`,
    )
      .bind(klass.id)
      .all()
    expect(results).toEqual([
      {
        nickname: 'S0',
        past_score: 1100,
        round: 2,
        plan: '[{"q":"p"},{"q":"q"}]',
        bank_id: 'race-2023',
        finished_at: null,
        old_round: 1,
        old_finished: 20,
      },
      {
        nickname: 'S1',
        past_score: 900,
        round: 2,
        plan: '[{"q":"p"},{"q":"q"}]',
        bank_id: 'race-2023',
        finished_at: null,
        old_round: 1,
        old_finished: 20,
      },
      {
        nickname: 'S2',
        past_score: 0,
        round: 2,
        plan: '[{"q":"p"},{"q":"q"}]',
        bank_id: 'race-2023',
        finished_at: null,
        old_round: 1,
        old_finished: 20,
      },
    ])
    expect(await readClass(klass.id)).toMatchObject({ round: 2, question_ids: '["p","q","r"]', bank_ids: '["race-2023"]', seats: 3 })
    // The dashboard ranks this round; the seat carries the rounds before.
    const s2 = round2.moves.find((m) => m.from === ids[2])!.to
    await answer(s2, 0, 500)
    const { seats } = await readDashboard(db, { ...klass, round: 2 })
    expect(seats.map((s) => [s.nickname, s.score, s.pastScore])).toEqual([
      ['S2', 500, 0],
      ['S0', 0, 1100],
      ['S1', 0, 900],
    ])
  })

  it('opens once when the same form is sent twice, and not at all from a stale one', async () => {
    const klass = await newClass('RND222')
    for (let i = 0; i < 3; i++) await seat(klass, i)
    const seats = await readSeatAttempts(db, klass.id)
    const first = await nextRound(klass, 2, seats)
    const again = await nextRound(klass, 2, seats)
    expect([first.opened, again.opened]).toEqual([true, false])
    const stale = await nextRound(klass, 2)
    expect(stale.opened).toBe(false)
    const { results } = await env.DB.prepare('select round, count(*) as n from attempts where class_id = ? group by round')
      .bind(klass.id)
      .all()
    expect(results).toEqual([
      { round: 1, n: 3 },
      { round: 2, n: 3 },
    ])
    expect((await readClass(klass.id)).round).toBe(2)
  })

  it('ignores an answer to a round already over, and refuses a seat for it', async () => {
    const klass = await newClass('RND333')
    const old = randomId()
    await seat(klass, 0, old)
    await nextRound(klass, 2)
    const late = await answer(old, 0, 1200)
    expect(late.stored).toBe(false)
    expect(await env.DB.prepare('select count(*) as n from answers where attempt_id = ?').bind(old).first('n')).toBe(0)
    // A join that read the class before the round changed.
    expect(await seat(klass, 1)).toBe('round-over')
    expect(await seat({ ...klass, round: 2 }, 1)).toBe('joined')
  })

  it('moves a seat taken between the read of the seats and the write', async () => {
    const klass = await newClass('RND444')
    await seat(klass, 0)
    const seats = await readSeatAttempts(db, klass.id)
    const late = randomId()
    await seat(klass, 1, late)
    const round2 = await nextRound(klass, 2, seats)
    expect(round2.left).toEqual([late])
    const moves = [{ from: late, to: randomId(), plan: [{ q: 'p' }] }]
    expect(await moveLeftBehind(db, { ...round2, moves })).toEqual([])
    expect((await readSeatAttempts(db, klass.id)).sort()).toEqual([round2.moves[0].to, moves[0].to].sort())
  })

  it('removes a student with every round they played, and the class with every round', async () => {
    const klass = await newClass('RND555')
    const [a, b] = [randomId(), randomId()]
    await seat(klass, 0, a)
    await seat(klass, 1, b)
    await answer(a, 0, 1000)
    await nextRound(klass, 2)
    const [a2] = (await readSeatAttempts(db, klass.id)).filter((id) => id !== b)
    await answer(a2, 0, 1000)
    const rounds = await readRoundScores(db, klass)
    expect(rounds.map((r) => [r.round, r.score]).sort()).toEqual([
      [1, 0],
      [1, 1000],
      [2, 0],
      [2, 1000],
    ])
    const current = await readSeatAttempts(db, klass.id)
    const aNow = current.find((id) => rounds.some((r) => r.seat === id && r.score === 1000))!
    expect(await removeStudents(db, klass.id, [aNow], false)).toBe(1)
    const left = await env.DB.prepare('select owner_hash, count(*) as n from attempts where class_id = ? group by owner_hash')
      .bind(klass.id)
      .all()
    expect(left.results).toEqual([{ owner_hash: 'o1', n: 2 }])
    expect(await env.DB.prepare('select count(*) as n from answers where attempt_id in (?, ?)').bind(a, a2).first('n')).toBe(0)
  })

  it('reads as many rows for the dashboard, the projector and a round’s report at the tenth round as at the first', async () => {
    const klass = await newClass('RND666')
    for (let i = 0; i < 20; i++) await seat(klass, i)
    const rowsRead = async () => {
      const round = (await readClass(klass.id)).round
      const [dashboard, board, report, first] = [newMeter(), newMeter(), newMeter(), newMeter()]
      const { seats, stats } = await readDashboard(createDb(metered(env.DB, dashboard)), { ...klass, round })
      const found = await readBoard(createDb(metered(env.DB, board)), klass.boardId)
      // The report of the round in play, and of the first round, read again from every round after it.
      const now = await readRoundAnswers(createDb(metered(env.DB, report)), klass, round)
      const then = await readRoundAnswers(createDb(metered(env.DB, first)), klass, 1)
      expect([dashboard.trips, board.trips, report.trips, first.trips]).toEqual([1, 1, 1, 1])
      expect(seats).toHaveLength(20)
      expect(found!.rows).toHaveLength(BOARD_SIZE)
      expect(found!.overall).toHaveLength(round > 1 ? BOARD_SIZE : 0)
      expect([now.seats.length, now.answers.length, then.seats.length, then.answers.length]).toEqual([20, 20, 20, 20])
      return { dashboard: dashboard.rowsRead, board: board.rowsRead, report: report.rowsRead, first: first.rowsRead, stats: stats.length }
    }
    const play = async () => {
      for (const [i, id] of (await readSeatAttempts(db, klass.id)).entries()) await answer(id, 0, 100 * i)
    }
    await play()
    const first = await rowsRead()
    await nextRound(klass, 2)
    await play()
    const second = await rowsRead()
    for (let round = 3; round <= 10; round++) {
      await nextRound(klass, round)
      await play()
    }
    const tenth = await rowsRead()
    // Flat: a range scan may read one row past its end, or not where its end is the index's last
    // row, so random ids move a count by one or two; a scan over every round would add 20 a round.
    for (const key of ['dashboard', 'board', 'report', 'first'] as const) expect(Math.abs(tenth[key] - second[key])).toBeLessThanOrEqual(2)
    // A round's report reads its seats and their answers: a few rows for each of the 20, none for the other rounds' 180 attempts.
    expect(tenth.report).toBeLessThanOrEqual(6 * 20)
    expect(Math.abs(first.report - first.first)).toBeLessThanOrEqual(2)
    // From the second round the projector also ranks every seat over all rounds: a seat's index entry, its row and its attempt, no more.
    expect(Math.abs(second.dashboard - first.dashboard)).toBeLessThanOrEqual(2)
    expect(second.board - first.board).toBeLessThanOrEqual(3 * 20 + 4)
    expect(await env.DB.prepare('select count(*) as n from attempts where class_id = ?').bind(klass.id).first('n')).toBe(200)
  }, 60_000)
})
