// Rounds and live games: a live round after a self-paced one, another after a live one (its
// question still open), and a self-paced one after a live one. The phones go on without joining again.
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { answerForm, browser, ORIGIN, type Browser } from './browser.ts'
import { classByCode, join, openClass, playAll, totalsDisagree } from './fixtures.ts'
import { findQuestion } from '../../src/questions/registry.ts'
import type { PlanItem } from '../../src/db/schema.ts'

type Seat = { student: Browser; attemptId: string; nickname: string }

async function classOf(mode: 'self' | 'live') {
  const opened = await openClass({ mode, seconds: '20', banks: ['race-2018', 'race-2023'] })
  const seats: Seat[] = []
  for (const nickname of ['Ana', 'Ben', 'Cy']) {
    const { student, attemptId } = await join(opened.code, nickname)
    seats.push({ student, attemptId: attemptId!, nickname })
  }
  const klass = async () => (await classByCode(opened.code))!
  const game = env.LIVE.getByName((await klass()).id as string)
  const control = async (name: string) => (await opened.teacher.post(`${opened.base}/live/${name}`, {})).status
  const nextRound = (round: number, mode: 'self' | 'live') =>
    opened.teacher.post(`${opened.base}/rounds`, { round: String(round), banks: 'race-2023', size: '2', mode, seconds: '15' })
  /** Where each seat is now. */
  const now = async () => {
    const { results } = await env.DB.prepare(
      'select s.nickname, s.attempt_id, a.round from students s join attempts a on a.id = s.attempt_id where s.class_id = ? order by s.nickname',
    )
      .bind((await klass()).id)
      .all<{ nickname: string; attempt_id: string; round: number }>()
    return results
  }
  return { ...opened, seats, klass, game, control, nextRound, now }
}

/** A screen's WebSocket: what it is sent, and whether the game closed it. */
async function listen(path: string, who?: Browser) {
  const headers = { Upgrade: 'websocket', Origin: ORIGIN }
  const res = who ? await who.raw(path, { headers }) : await exports.default.fetch(new Request(new URL(path, ORIGIN), { headers }))
  expect(res.status).toBe(101)
  const ws = res.webSocket!
  const screen = { messages: [] as string[], closed: false }
  ws.addEventListener('message', (e) => screen.messages.push(String(e.data)))
  ws.addEventListener('close', () => (screen.closed = true))
  ws.accept()
  return screen
}
const settled = () => new Promise((r) => setTimeout(r, 400))

/** The form fields answering a live question right, as the phone shows it. */
const liveAnswer = (plan: PlanItem[], i: number) => ({
  position: String(i),
  ...answerForm(findQuestion(plan[i].q)!, plan[i].order ?? [], true),
})

describe('rounds and live games', () => {
  it('plays a live round after a self-paced one: each phone goes from its old page to the lobby, and plays', async () => {
    const g = await classOf('self')
    for (const seat of g.seats) await playAll(seat.student, seat.attemptId)
    const board = `/board/${(await g.klass()).board_id}`
    expect((await g.nextRound(2, 'live')).status).toBe(303)
    const klass = await g.klass()
    const live = JSON.parse(klass.live as string) as { seconds: number; plan: PlanItem[] }
    expect(live.seconds).toBe(15)
    const seats = await g.now()
    for (const [i, seat] of g.seats.entries()) {
      // The old quiz and the old results lead to the live game, in the same seat.
      const old = await seat.student.get(`/play/${seat.attemptId}`)
      expect(old.headers.get('Location')).toBe(`/live/${seats[i].attempt_id}`)
      const results = await (await seat.student.get(`/results/${seat.attemptId}`)).text()
      expect(results).toContain(`href="/live/${seats[i].attempt_id}"`)
      const lobby = await (await seat.student.get(`/live/${seats[i].attempt_id}`)).text()
      expect(lobby).toContain(`You&#39;re in, ${seat.nickname}!`)
    }
    // The projector's self-paced poll goes on to the game's page; the page is now the game's.
    const poll = await browser().get(`${board}/rows`, { 'HX-Request': 'true' })
    expect(poll.status).toBe(409)
    expect(await poll.text()).toContain(`data-follow="${board}"`)
    expect(await (await browser().get(board)).text()).toContain('data-phase="lobby"')
    expect((await g.game.snapshot())!.players).toBe(3)

    expect(await g.control('start')).toBe(303)
    const res = await g.seats[0].student.post(`/live/${seats[0].attempt_id}/answer`, liveAnswer(live.plan, 0))
    expect(res.status).toBe(303)
    expect(await g.control('reveal')).toBe(303)
    const stored = await env.DB.prepare('select a.round, n.points from answers n join attempts a on a.id = n.attempt_id where a.id = ?')
      .bind(seats[0].attempt_id)
      .first<{ round: number; points: number }>()
    expect(stored!.round).toBe(2)
    expect(stored!.points).toBeGreaterThan(0)
    // An old round's seat is not in this game.
    const stray = await g.seats[1].student.post(`/live/${g.seats[1].attemptId}/answer`, liveAnswer(live.plan, 0))
    expect(stray.status).not.toBe(200)
    expect(await totalsDisagree()).toEqual([])
  })

  it('starts a second live round in the lobby, keeping the answers of the question that was open, and moves every phone on', async () => {
    const g = await classOf('live')
    const round1 = JSON.parse((await g.klass()).live as string) as { plan: PlanItem[] }
    expect(await g.control('start')).toBe(303)
    await g.seats[0].student.post(`/live/${g.seats[0].attemptId}/answer`, liveAnswer(round1.plan, 0))
    const phone = await listen(`/live/${g.seats[1].attemptId}/ws`, g.seats[1].student)
    const projector = await listen(`/board/${(await g.klass()).board_id}/ws`)
    const version = (await g.game.snapshot())!.state.version
    expect((await g.nextRound(2, 'live')).status).toBe(303)
    await settled()
    // The answer given while the question was open counts in round 1.
    const kept = await env.DB.prepare('select points, finished_at from answers n join attempts a on a.id = n.attempt_id where a.id = ?')
      .bind(g.seats[0].attemptId)
      .first<{ points: number; finished_at: number }>()
    expect(kept!.points).toBeGreaterThan(0)
    expect(kept!.finished_at).not.toBeNull()
    // The phone is sent on to its seat's new round, and its socket closes; the projector shows the new lobby.
    expect(phone.messages.at(-1)).toContain(`data-follow="/live/${g.seats[1].attemptId}"`)
    expect(phone.messages.at(-1)).toContain('Round 2 is starting')
    expect(phone.closed).toBe(true)
    expect(projector.closed).toBe(false)
    expect(projector.messages.at(-1)).toContain('data-phase="lobby"')
    const snap = (await g.game.snapshot())!
    expect(snap.state).toMatchObject({ phase: 'lobby', index: -1 })
    expect(snap.state.version).toBeGreaterThan(version)
    expect(snap.klass.round).toBe(2)
    const seats = await g.now()
    expect(snap.ranking.map((r) => r.attemptId).sort()).toEqual(seats.map((s) => s.attempt_id).sort())
    const old = await g.seats[1].student.get(`/live/${g.seats[1].attemptId}`)
    expect(old.headers.get('Location')).toBe(`/live/${seats[1].attempt_id}`)
    // An old page's socket finds no game; the new page's does.
    const stale = await g.seats[1].student.raw(`/live/${g.seats[1].attemptId}/ws`, { headers: { Upgrade: 'websocket', Origin: ORIGIN } })
    expect(stale.status).toBe(404)
    const fresh = await listen(`/live/${seats[1].attempt_id}/ws`, g.seats[1].student)
    await settled()
    expect(fresh.messages[0]).toContain('You&#39;re in, Ben!')
  })

  it('plays a self-paced round after a live one: the phones and the projector go on to it', async () => {
    const g = await classOf('live')
    await g.control('start')
    const phone = await listen(`/live/${g.seats[2].attemptId}/ws`, g.seats[2].student)
    const board = `/board/${(await g.klass()).board_id}`
    const projector = await listen(`${board}/ws`)
    expect((await g.nextRound(2, 'self')).status).toBe(303)
    await settled()
    expect(phone.messages.at(-1)).toContain(`data-follow="/live/${g.seats[2].attemptId}"`)
    expect(projector.messages.at(-1)).toContain(`data-follow="${board}"`)
    expect([phone.closed, projector.closed]).toEqual([true, true])
    expect(await g.game.snapshot()).toBeNull()
    const seats = await g.now()
    const old = await g.seats[2].student.get(`/live/${g.seats[2].attemptId}`)
    expect(old.headers.get('Location')).toBe(`/play/${seats[2].attempt_id}`)
    expect(await (await g.seats[2].student.get(`/play/${seats[2].attempt_id}`)).text()).toContain('playing as Cy')
    expect(await (await browser().get(board)).text()).toContain('Round 2')
  })
})
