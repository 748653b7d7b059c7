// The live game's state machine, driven as its users drive it: the teacher's control forms,
// students' answer forms, the projector, and the game's own alarm for the clock.
import { env, exports } from 'cloudflare:workers'
import { createScheduledController, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test'
import { scheduled } from '../../src/cron.ts'
import { CLASS_LIFETIME_MS } from '../../src/db/classes.ts'
import type { LiveGame } from '../../src/live/game.ts'
import { describe, expect, it, vi } from 'vitest'
import { drawPlan } from '../../src/game/plan.ts'
import { banks, findQuestion } from '../../src/questions/registry.ts'
import type { Question } from '../../src/questions/schema.ts'
import { answerForm, browser, ORIGIN, type Browser } from './browser.ts'
import { classByCode, join, openClass, totalsDisagree } from './fixtures.ts'

/**
 * A live class of `size` questions with `players` students seated. It asks questions of the
 * `types` given, one for each position (by default all single-choice, so a test knows what a
 * chart shows), drawn from every bank.
 */
async function liveClass({ size = 3, players = 2, seconds = 20, types = [] as Question['type'][] } = {}) {
  const opened = await openClass({ mode: 'live', size: String(size), seconds: String(seconds), banks: ['race-2018', 'race-2023'] })
  const klass = (await classByCode(opened.code)) as unknown as Record<string, string>
  const kinds = Array.from({ length: size }, (_, i) => types[i] ?? 'single')
  const pool = banks.flatMap((b) => b.questions)
  const chosen = kinds.map((type, i) => pool.filter((q) => q.type === type)[i])
  // One draw a question, which shuffles its options but keeps the questions in this order.
  const live = { seconds, plan: chosen.map((q) => drawPlan([q])[0]) }
  await env.DB.prepare('update classes set live = ?, question_ids = ? where id = ?')
    .bind(JSON.stringify(live), JSON.stringify(live.plan.map((item) => item.q)), klass.id)
    .run()
  const game = env.LIVE.getByName(klass.id)
  await game.changed()
  const students: { student: Browser; attemptId: string }[] = []
  for (let i = 0; i < players; i++) {
    const { student, attemptId, res } = await join(opened.code, `Player ${i + 1}`)
    expect(res.headers.get('Location')).toBe(`/live/${attemptId}`)
    students.push({ student, attemptId: attemptId! })
  }
  const state = async () => (await game.snapshot())!.state
  const control = async (name: string, extra: Record<string, string> = {}) =>
    (await opened.teacher.post(`${opened.base}/live/${name}`, extra)).status
  /** The form fields for an answer to question `i`, right or wrong. */
  const form = (i: number, right = true) => {
    const item = live.plan[i]
    return { position: String(i), ...answerForm(findQuestion(item.q)!, item.order ?? [], right) }
  }
  const answer = (who: { student: Browser; attemptId: string }, i: number, right = true, htmx = true) =>
    who.student.post(`/live/${who.attemptId}/answer`, form(i, right), { htmx })
  return { ...opened, klass, live, game, students, state, control, answer, form }
}

/** Text as it appears in a page's HTML. */
const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

/** Opens a screen's WebSocket (a phone's or the teacher's in their browser; the projector's in none) and collects what it is sent. */
async function listen(path: string, who?: Browser) {
  const headers: Record<string, string> = { Upgrade: 'websocket', Origin: ORIGIN }
  const res = who ? await who.raw(path, { headers }) : await exports.default.fetch(new Request(new URL(path, ORIGIN), { headers }))
  expect(res.status).toBe(101)
  const ws = res.webSocket!
  const messages: string[] = []
  ws.addEventListener('message', (e) => messages.push(String(e.data)))
  ws.accept()
  return messages
}
/** Until the pushes of the last change have arrived (longer than the game waits after a join before it redraws: 250 ms). */
const settled = () => new Promise((r) => setTimeout(r, 400))

const stored = (attemptId: string) =>
  env.DB.prepare('select position, points, credit from answers where attempt_id = ? order by position')
    .bind(attemptId)
    .all()
    .then((r) => r.results)

describe('a live game', () => {
  it('waits in the lobby, then opens the first question on the server clock', async () => {
    const g = await liveClass()
    expect(await g.state()).toMatchObject({ phase: 'lobby', index: -1 })
    const before = Date.now()
    expect(await g.control('start')).toBe(303)
    const s = await g.state()
    expect(s).toMatchObject({ phase: 'open', index: 0 })
    expect(s.openedAt).toBeGreaterThanOrEqual(before)
    expect(s.closesAt - s.openedAt).toBe(20_000)
  })

  it('shows phones the prompt and buttons but never the key before the reveal', async () => {
    const g = await liveClass()
    await g.control('start')
    const page = await (await g.students[0].student.get(`/live/${g.students[0].attemptId}`)).text()
    const q = findQuestion(g.live.plan[0].q)!
    expect(page).toContain(html(q.prompt))
    expect(page).not.toContain(html(q.explanation))
    expect(page).not.toMatch(/correct|The answer/i)
    expect(page).toContain('data-phase="open"')
  })

  it('locks an answer in once, scores it from the open time, and keeps the verdict for the reveal', async () => {
    const g = await liveClass({ players: 2 })
    await g.control('start')
    const [a] = g.students
    // Five seconds later, by the server's clock: time enough to read the question.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 5_000)
    const res = await g.answer(a, 0).finally(() => vi.useRealTimers())
    expect(res.status).toBe(200)
    const locked = await res.text()
    expect(locked).toContain('Answer locked in')
    expect(locked).not.toMatch(/Correct|points\./)
    // A double tap and a resend count once.
    const again = await Promise.all([g.answer(a, 0), g.answer(a, 0, false)])
    expect(again.map((r) => r.status)).toEqual([200, 200])
    expect(await g.state()).toMatchObject({ phase: 'open' })
    // The game holds the open question's answers; they reach D1 when it closes, once.
    expect(await stored(a.attemptId)).toEqual([])
    expect((await g.game.snapshot())!.answered).toBe(1)
    await g.control('reveal')
    const rows = await stored(a.attemptId)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ position: 0, credit: 1 })
    // 1,000 for the right answer and a speed bonus that has shrunk over the 5 of 20 seconds.
    expect(rows[0].points).toBeGreaterThan(1100)
    expect(rows[0].points).toBeLessThan(1200)
    expect(await totalsDisagree()).toEqual([])
  })

  it('pays no speed bonus for an answer sooner than anyone can read the question, and shows the teacher', async () => {
    const g = await liveClass({ players: 2 })
    await g.control('start')
    await g.answer(g.students[0], 0) // a few milliseconds after the question opened: a script
    await g.control('reveal')
    expect(await stored(g.students[0].attemptId)).toMatchObject([{ credit: 1, points: 1000 }])
    const page = await (await g.teacher.get(g.base)).text()
    expect(page).toContain('1 too fast to read')
    const csv = await (await g.teacher.get(`${g.base}/results.csv`)).text()
    expect(csv.split('\r\n')[0]).toContain('"Too fast to read"')
  })

  it('reveals as soon as everyone has answered, with the count for each option', async () => {
    const g = await liveClass({ players: 3 })
    await g.control('start')
    await g.answer(g.students[0], 0, true)
    await g.answer(g.students[1], 0, false)
    expect((await g.state()).phase).toBe('open')
    const last = await (await g.answer(g.students[2], 0, true)).text()
    expect((await g.state()).phase).toBe('reveal')
    // The last phone's own reply already shows the verdict and its rank.
    expect(last).toContain('data-phase="reveal"')
    expect(last).toMatch(/Correct/)
    const { reveal } = (await g.game.snapshot())!
    if (reveal?.kind !== 'choices') throw new Error(`a ${reveal?.kind} reveal for a choice question`)
    expect(reveal.counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3)
    expect(reveal.keyed.reduce((n, i) => n + reveal.counts[i], 0)).toBeGreaterThanOrEqual(2)
    const board = await (await browser().get(`/board/${g.klass.board_id}`)).text()
    expect(board).toContain('How the class answered')
    expect(board).toContain(html(findQuestion(g.live.plan[0].q)!.explanation))
    expect(board).toContain('Top five')
  })

  it('closes on time after a restart: the alarm finds its class by the object’s own name', async () => {
    const g = await liveClass({ players: 2 })
    await g.control('start')
    await evictDurableObject(g.game)
    expect(await runDurableObjectAlarm(g.game)).toBe(true)
    expect((await g.state()).phase).toBe('reveal')
  })

  it('closes when the clock runs out, and refuses an answer after the close', async () => {
    const g = await liveClass({ players: 2 })
    await g.control('start')
    await g.answer(g.students[0], 0)
    expect(await runDurableObjectAlarm(g.game)).toBe(true)
    expect((await g.state()).phase).toBe('reveal')
    const late = await g.answer(g.students[1], 0)
    expect(late.status).toBe(409)
    expect(await late.text()).toContain('Time was up')
    expect(await stored(g.students[1].attemptId)).toEqual([])
    // The one who did not answer sees that, with no points.
    const page = await (await g.students[1].student.get(`/live/${g.students[1].attemptId}`)).text()
    expect(page).toContain('No answer in time')
  })

  it('takes a resend after the close as the answer already counted, not as late', async () => {
    const g = await liveClass({ players: 1 })
    await g.control('start')
    // The only player answers, which closes the question; the reply is lost and the phone sends again.
    expect((await g.answer(g.students[0], 0)).status).toBe(200)
    expect((await g.state()).phase).toBe('reveal')
    const again = await g.answer(g.students[0], 0)
    expect(again.status).toBe(200)
    expect(await again.text()).toContain('data-phase="reveal"')
    expect(await stored(g.students[0].attemptId)).toHaveLength(1)
    // Sent again after the game has moved on: still the answer it took, counted once.
    await g.control('next')
    const later = await g.answer(g.students[0], 0)
    expect(later.status).toBe(200)
    expect(await later.text()).toContain('data-question="1"')
    expect(await stored(g.students[0].attemptId)).toHaveLength(1)
  })

  it('refuses an answer to a question the game has left, or one not open yet, and says which', async () => {
    const g = await liveClass({ size: 3, players: 2 })
    await g.control('start')
    await g.answer(g.students[0], 0)
    const early = await g.answer(g.students[0], 1)
    expect(early.status).toBe(409)
    expect(await early.text()).toContain('not open yet')
    await g.control('skip')
    const late = await g.answer(g.students[1], 0)
    expect(late.status).toBe(409)
    expect(await late.text()).toContain('Time was up')
    expect(await stored(g.students[1].attemptId)).toEqual([])
  })

  it('shows the standings between questions: the leaders with this question’s points and their streaks, and each phone its place', async () => {
    const g = await liveClass({ size: 3, players: 2 })
    const projector = () =>
      browser()
        .get(`/board/${g.klass.board_id}`)
        .then((r) => r.text())
    const phone = (k: number) => g.students[k].student.get(`/live/${g.students[k].attemptId}`).then((r) => r.text())
    await g.control('start')
    for (const i of [0, 1]) {
      await g.answer(g.students[0], i)
      await g.answer(g.students[1], i, i === 0) // right, then wrong
      if (i === 0) await g.control('next')
    }
    expect(await g.control('standings')).toBe(303)
    expect(await g.state()).toMatchObject({ phase: 'standings', index: 1 })
    const board = await projector()
    expect(board).toContain('<h2>Standings</h2>')
    // Player 1 scored on both questions, a run of two; Player 2's run was broken by the miss.
    const [first, second] = board.split('<li').slice(-2)
    expect(first).toMatch(/1st.*Player 1.*2 in a row.*\+[\d,]+<\/span>/s)
    expect(second).toMatch(/2nd.*Player 2.*\+0<\/span>/s)
    expect(second).not.toContain('in a row')
    expect(await phone(0)).toMatch(/You are 1st of 2/)
    expect(await phone(0)).toContain('2 in a row')
    expect(await phone(1)).toMatch(/You are 2nd of 2/)
    expect(await g.control('next')).toBe(303)
    expect(await g.state()).toMatchObject({ phase: 'open', index: 2 })
    // A question left unanswered breaks the run too.
    await g.control('reveal')
    await g.control('standings')
    expect(await phone(0)).not.toContain('in a row')
  })

  it('moves to the next question, and ends with a podium after the last', async () => {
    const g = await liveClass({ size: 2, players: 2 })
    await g.control('start')
    await g.control('reveal')
    expect(await g.control('next')).toBe(303)
    expect(await g.state()).toMatchObject({ phase: 'open', index: 1 })
    await g.answer(g.students[0], 1)
    await g.answer(g.students[1], 1, false)
    expect((await g.state()).phase).toBe('reveal')
    await g.control('next')
    expect((await g.state()).phase).toBe('ended')
    const board = await (await browser().get(`/board/${g.klass.board_id}`)).text()
    expect(board).toContain('Podium')
    expect(board).toMatch(/1st<\/span><span class="name" title="Player 1">Player 1<\/span><span class="score">1,000 points/)
    const phone = await (await g.students[0].student.get(`/live/${g.students[0].attemptId}`)).text()
    expect(phone).toMatch(/You finished <strong>1st<\/strong> of 2/)
    // Everyone is finished in the dashboard and the CSV, like a self-paced class.
    const finished = await env.DB.prepare('select count(*) as n from attempts where class_id = ? and finished_at is not null')
      .bind(g.klass.id)
      .first('n')
    expect(finished).toBe(2)
    const csv = await (await g.teacher.get(`${g.base}/results.csv`)).text()
    expect(csv.split('\n')[1]).toMatch(/^"1","Player 1",/)
  })

  it('pauses the clock and resumes with the time that was left, refusing answers meanwhile', async () => {
    const g = await liveClass()
    await g.control('start')
    const open = await g.state()
    expect(await g.control('pause')).toBe(303)
    const paused = await g.state()
    expect(paused.phase).toBe('paused')
    expect(paused.remainingMs).toBeGreaterThan(15_000)
    const refused = await g.answer(g.students[0], 0)
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('paused')
    // A paused game has no alarm: the clock cannot run out while it is stopped.
    expect(await runDurableObjectAlarm(g.game)).toBe(false)
    await new Promise((r) => setTimeout(r, 50))
    expect(await g.control('resume')).toBe(303)
    const resumed = await g.state()
    expect(resumed.phase).toBe('open')
    expect(resumed.closesAt - resumed.openedAt).toBe(open.closesAt - open.openedAt)
    expect(resumed.openedAt).toBeGreaterThan(open.openedAt)
    expect((await g.answer(g.students[0], 0)).status).toBe(200)
  })

  it('skips a question without a reveal, and ends early from any question', async () => {
    const g = await liveClass({ size: 3 })
    await g.control('start')
    expect(await g.control('skip')).toBe(303)
    expect(await g.state()).toMatchObject({ phase: 'open', index: 1 })
    expect(await g.control('end')).toBe(303)
    expect((await g.state()).phase).toBe('ended')
    expect((await g.answer(g.students[0], 1)).status).toBe(409)
  })

  it('applies a control once: a second click from the same screen changes nothing', async () => {
    const g = await liveClass({ size: 3 })
    await g.control('start')
    await g.control('reveal')
    const { version } = await g.state()
    const statuses = await Promise.all([g.control('next', { version: String(version) }), g.control('next', { version: String(version) })])
    expect(statuses.sort()).toEqual([303, 409])
    expect(await g.state()).toMatchObject({ phase: 'open', index: 1 })
    // Not applicable while a question is open: refused, and nothing changes.
    const refused = await g.teacher.post(`${g.base}/live/next`, {}, { htmx: true })
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('nothing changed')
    expect(await g.state()).toMatchObject({ phase: 'open', index: 1 })
  })

  it('lets a late joiner in at the question in play', async () => {
    const g = await liveClass({ size: 3, players: 1 })
    await g.control('start')
    await g.answer(g.students[0], 0)
    expect((await g.state()).phase).toBe('reveal')
    await g.control('next')
    const late = await join(g.code, 'Latecomer')
    const page = await (await late.student.get(`/live/${late.attemptId}`)).text()
    expect(page).toContain('data-question="1"')
    expect(page).toContain(html(findQuestion(g.live.plan[1].q)!.prompt))
    // Everyone now includes the late joiner: one answer is not enough to close the question.
    await g.answer(g.students[0], 1)
    expect((await g.state()).phase).toBe('open')
    expect((await g.answer({ student: late.student, attemptId: late.attemptId! }, 1)).status).toBe(200)
    expect((await g.state()).phase).toBe('reveal')
    expect(await stored(late.attemptId!)).toMatchObject([{ position: 1 }])
    expect(await totalsDisagree()).toEqual([])
  })

  it('forgets a removed student’s answer, and closes the question when everyone left has answered', async () => {
    const g = await liveClass({ players: 3 })
    await g.control('start')
    await g.answer(g.students[0], 0)
    await g.answer(g.students[1], 0)
    const remove = (who: { attemptId: string }) => g.teacher.post(`${g.base}/students/${who.attemptId}/remove`, {})
    expect((await remove(g.students[1])).status).toBe(303)
    const snap = (await g.game.snapshot())!
    expect([snap.answered, snap.ranking.length]).toEqual([1, 2])
    expect(snap.state.phase).toBe('open')
    // Their phone cannot listen in again, though the Worker remembers their seat from the join: the game no longer holds it.
    const socket = { headers: { Upgrade: 'websocket', Origin: ORIGIN } }
    expect((await g.students[1].student.raw(`/live/${g.students[1].attemptId}/ws`, socket)).status).toBe(404)
    // The one who had not answered leaves: everyone still seated has answered.
    await remove(g.students[2])
    expect((await g.state()).phase).toBe('reveal')
  })

  it('opens the next question empty when a join lands at the same moment, and counts the joiner', async () => {
    const g = await liveClass({ size: 3, players: 2 })
    await g.control('start')
    await g.answer(g.students[0], 0)
    await g.answer(g.students[1], 0)
    expect((await g.state()).phase).toBe('reveal')
    // A student joins as the teacher presses "next": the game reads the class again and opens
    // question 2 at the same moment (called on the object itself, so both are in flight at once).
    const late = await join(g.code, 'Racer')
    await runInDurableObject(g.game, async (game: LiveGame) => {
      await Promise.all([game.changed(), game.control('next')])
    })
    expect(await g.state()).toMatchObject({ phase: 'open', index: 1 })
    expect((await g.game.snapshot())!.answered).toBe(0)
    const res = await g.answer(g.students[0], 1)
    expect(await res.text()).toContain('Answer locked in')
    expect((await g.answer({ student: late.student, attemptId: late.attemptId! }, 1)).status).toBe(200)
    expect((await g.game.snapshot())!.answered).toBe(2)
    await g.control('reveal')
    expect(await stored(g.students[0].attemptId)).toMatchObject([{ position: 0 }, { position: 1 }])
  })

  it('says nothing on any public surface about who was right while a question is open', async () => {
    const g = await liveClass({ size: 2, players: 3 })
    await g.control('start')
    const projector = await listen(`/board/${g.klass.board_id}/ws`)
    const stranger = browser()
    await stranger.get('/') // its form token, before it looks at pages in parallel
    const surfaces = [
      `/board/${g.klass.board_id}`,
      `/board/${g.klass.board_id}/rows`,
      ...g.students.map((s) => `/results/${s.attemptId}`),
      '/leaderboard/mixed',
      '/leaderboard/race-2018',
      `/join/${g.code}`,
    ]
    // The countdown and the count of answers move; nothing else may.
    const scrub = (html: string) =>
      html
        .replace(/data-countdown="\d+">\d+/g, '')
        .replace(/\d+ of \d+ players answered/g, '')
        .replace(/dur="[\d.]+s"|(width|from)="\d+"/g, '')
    const look = () =>
      Promise.all(
        surfaces.map(async (path) => {
          const res = await stranger.get(path)
          return `${path} ${res.status} ${scrub(await res.text())}`
        }),
      )
    const before = await look()
    expect(before[1]).toMatch(/ 409 /)
    await settled()
    const sent = projector.length
    await g.answer(g.students[0], 0, true)
    await g.answer(g.students[1], 0, false)
    await join(g.code, 'Latecomer') // a join reads every score again
    await settled()
    expect(await look()).toEqual(before)
    // The projector's socket was sent only the count: not a screen redrawn because some score moved.
    expect(projector.slice(sent).length).toBeGreaterThan(0)
    for (const message of projector.slice(sent)) expect(message).toMatch(/^<span id="answered-count"/)
    expect((await g.state()).phase).toBe('open')
  })

  it('replies to a right tap and a wrong one alike while the question is open, but for the option each chose', async () => {
    const g = await liveClass({ size: 2, players: 3 })
    await g.control('start')
    const replies = [await g.answer(g.students[0], 0, true), await g.answer(g.students[1], 0, false)]
    const [right, wrong] = await Promise.all(
      replies.map(async (res) => {
        const headers = [...res.headers].filter(([name]) => name !== 'date')
        const body = (await res.text()).replace(/You chose: <strong>[^<]*<\/strong>/, 'You chose: …')
        return `${res.status} ${JSON.stringify(headers)} ${body}`
      }),
    )
    expect(right).toContain('Answer locked in')
    expect(right).toBe(wrong)
  })

  it('lets nobody join once the game is over: their seat would never finish', async () => {
    const g = await liveClass({ size: 2, players: 1 })
    await g.control('start')
    await g.control('end')
    const late = await join(g.code, 'Too late')
    expect(late.res.status).toBe(403)
    expect(await late.res.text()).toContain('This live game is over')
    expect(await env.DB.prepare('select count(*) as n from students where class_id = ?').bind(g.klass.id).first('n')).toBe(1)
    // Those who played still come back to their seat.
    expect((await g.students[0].student.get(`/join/${g.code}`)).headers.get('Location')).toBe(`/live/${g.students[0].attemptId}`)
  })

  it('keeps the results page shut until the game ends: it would show the open question’s key', async () => {
    const g = await liveClass({ size: 2, players: 2 })
    await g.control('start')
    await g.answer(g.students[0], 0)
    const early = await browser().get(`/results/${g.students[0].attemptId}`)
    expect(early.status).toBe(409)
    expect(await early.text()).not.toContain(html(findQuestion(g.live.plan[0].q)!.explanation))
    await g.control('end')
    expect((await browser().get(`/results/${g.students[0].attemptId}`)).status).toBe(200)
  })

  it('loses no accepted answer when the game restarts between the answer and the close', async () => {
    const g = await liveClass({ players: 2 })
    await g.control('start')
    await g.answer(g.students[0], 0)
    await evictDurableObject(g.game)
    // The game reads back its state and the open question's answers from its own storage.
    const page = await (await g.students[0].student.get(`/live/${g.students[0].attemptId}`)).text()
    expect(page).toContain('Answer locked in')
    expect((await g.answer(g.students[0], 0)).status).toBe(200)
    await evictDurableObject(g.game)
    // The clock closes the question after another restart: both answers reach D1, each once.
    await g.answer(g.students[1], 0, false)
    await evictDurableObject(g.game)
    expect((await g.state()).phase).toBe('reveal')
    expect(await stored(g.students[0].attemptId)).toMatchObject([{ position: 0, credit: 1 }])
    expect(await stored(g.students[1].attemptId)).toMatchObject([{ position: 0, credit: 0 }])
    expect(await totalsDisagree()).toEqual([])
  })

  it('closes on the alarm after a restart, with every answer the game took', async () => {
    const g = await liveClass({ players: 3 })
    await g.control('start')
    await g.answer(g.students[0], 0)
    await g.answer(g.students[1], 0)
    await evictDurableObject(g.game)
    expect(await runDurableObjectAlarm(g.game)).toBe(true)
    expect((await g.state()).phase).toBe('reveal')
    expect(
      await env.DB.prepare('select count(*) as n from answers where attempt_id in (?, ?)')
        .bind(g.students[0].attemptId, g.students[1].attemptId)
        .first('n'),
    ).toBe(2)
  })

  it('works without JavaScript: plain posts redirect back to the phone page', async () => {
    const g = await liveClass()
    await g.control('start')
    const res = await g.answer(g.students[0], 0, true, false)
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`/live/${g.students[0].attemptId}`)
    const page = await (await g.students[0].student.get(`/live/${g.students[0].attemptId}`)).text()
    expect(page).toContain(`<a class="button" href="/live/${g.students[0].attemptId}">Refresh</a>`)
    const board = await (await browser().get(`/board/${g.klass.board_id}`)).text()
    expect(board).toMatch(/<noscript><meta http-equiv="refresh" content="2"/)
  })

  it('keeps live seats off the self-paced routes, whose clock is not the game’s', async () => {
    const g = await liveClass()
    await g.control('start')
    const [a] = g.students
    const res = await a.student.post(`/play/${a.attemptId}/answer`, g.form(0))
    expect(res.status).toBe(409)
    expect((await a.student.get(`/play/${a.attemptId}`)).headers.get('Location')).toBe(`/live/${a.attemptId}`)
    expect(await stored(a.attemptId)).toEqual([])
  })

  it('refuses a seat that sends more answers than a person can, counted by the game, and nobody else', async () => {
    const g = await liveClass({ players: 2 })
    await g.control('start')
    const [a, b] = g.students
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) statuses.push((await g.answer(a, 0)).status)
    expect(statuses.every((s) => s === 200)).toBe(true)
    const refused = await g.answer(a, 0)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('Retry-After')).toBe('10')
    expect((await g.answer(b, 0)).status).toBe(200)
    expect((await g.game.snapshot())!.answered).toBe(2)
  })

  it('refuses another browser’s answers and unknown controls', async () => {
    const g = await liveClass()
    await g.control('start')
    const stranger = browser()
    expect((await stranger.post(`/live/${g.students[0].attemptId}/answer`, g.form(0))).status).toBe(403)
    expect(await g.control('explode')).toBe(404)
    expect(await stored(g.students[0].attemptId)).toEqual([])
  })

  it('pushes each change down the sockets of the phones, the projector and the teacher', async () => {
    const g = await liveClass({ players: 1 })
    const [a] = g.students
    const phone = await listen(`/live/${a.attemptId}/ws`, a.student)
    const board = await listen(`/board/${g.klass.board_id}/ws`)
    const teacher = await listen(`${g.base}/live/ws`, g.teacher)
    await settled()
    expect(phone.at(-1)).toContain('data-phase="lobby"')
    expect(board.at(-1)).toContain('Player 1')
    await g.control('start')
    await settled()
    for (const screen of [phone, board, teacher]) expect(screen.at(-1)).toContain('data-phase="open"')
    await g.answer(a, 0)
    await settled()
    expect(phone.at(-1)).toContain('data-phase="reveal"')
    expect(board.at(-1)).toContain('How the class answered')
    // A self-paced class has no game to connect to.
    const homework = await openClass()
    const seat = await join(homework.code, 'Hana')
    expect((await seat.student.raw(`/live/${seat.attemptId}/ws`, { headers: { Upgrade: 'websocket', Origin: ORIGIN } })).status).toBe(404)
    // A socket from another browser, or from another site, is refused.
    expect((await browser().raw(`/live/${a.attemptId}/ws`, { headers: { Upgrade: 'websocket' } })).status).toBe(403)
    expect(
      (await a.student.raw(`/live/${a.attemptId}/ws`, { headers: { Upgrade: 'websocket', Origin: 'https://evil.example' } })).status,
    ).toBe(403)
  })

  it('sends a screen nothing when a change leaves it as it was, so a half-ticked form is never wiped', async () => {
    const g = await liveClass({ players: 2 })
    const [a, b] = g.students
    await settled() // the lobby's redraw after the joins
    await g.control('start')
    const phone = await listen(`/live/${a.attemptId}/ws`, a.student)
    const teacher = await listen(`${g.base}/live/ws`, g.teacher)
    await settled()
    expect([phone.length, teacher.length]).toEqual([1, 1])
    // Another student joins, and another answers: this phone's screen and the teacher's controls
    // stay as they were; the teacher is sent only the new count.
    const late = await join(g.code, 'Latecomer')
    await g.answer(b, 0)
    await g.answer(a, 0) // its own answer comes back as the reply to its post, not down the socket
    await settled()
    expect(phone).toHaveLength(1)
    expect(teacher.slice(1).every((m) => m.includes('id="answered-count"') && !m.includes('<form'))).toBe(true)
    expect(teacher.at(-1)).toContain('2 of 3 players answered')
    // A change this phone shows is sent: the last answer closes the question, and every phone sees its verdict.
    await g.answer({ student: late.student, attemptId: late.attemptId! }, 0)
    await settled()
    expect(phone).toHaveLength(2)
    expect(phone[1]).toContain('data-phase="reveal"')
  })
})

describe('every type of question, live', () => {
  const post = (who: { student: Browser; attemptId: string }, fields: Record<string, string>) =>
    who.student.post(`/live/${who.attemptId}/answer`, fields, { htmx: true })

  it('asks for a typed answer: a box on the phone; at the reveal, the answers typed most, grouped as graded', async () => {
    const g = await liveClass({ size: 1, players: 4, types: ['typed'] })
    const q = findQuestion(g.live.plan[0].q)!
    if (q.type !== 'typed') throw new Error('not typed')
    await g.control('start')
    const phone = await (await g.students[0].student.get(`/live/${g.students[0].attemptId}`)).text()
    expect(phone).toContain('name="text"')
    expect(phone).toContain('Lock in my answer')
    expect((await post(g.students[0], { position: '0', text: '' })).status).toBe(422) // an empty box: asked again
    await post(g.students[0], { position: '0', text: q.answer })
    await post(g.students[1], { position: '0', text: `  ${q.answer.toUpperCase()}  ` })
    await post(g.students[2], { position: '0', text: 'Nobody at all' })
    await post(g.students[3], { position: '0', text: 'f u c k' })
    expect((await g.state()).phase).toBe('reveal')
    const board = await (await browser().get(`/board/${g.klass.board_id}`)).text()
    expect(board).toContain('50%</strong> got it right')
    // The key and the key shouted are one answer, as the grader reads them.
    expect(board).toMatch(/✓ accepted<\/strong><\/span><span class="count">2 answers/)
    expect(board).toMatch(/Nobody at all<\/span><span class="count">1 answer/)
    // What the word filter refuses for a nickname never reaches the projector either.
    expect(board).not.toMatch(/f u c k/)
    expect(board).toContain('An answer the word filter keeps off the screen')
    // The teacher can keep what students typed off the projector.
    await g.teacher.post(`${g.base}/hide-typed`, {})
    expect(await (await browser().get(`/board/${g.klass.board_id}`)).text()).not.toContain('Nobody at all')
  })

  it('asks for a number: a box with its unit; at the reveal, the key, its bands, and the guesses closest first', async () => {
    const g = await liveClass({ size: 1, players: 3, types: ['numeric'] })
    const q = findQuestion(g.live.plan[0].q)!
    if (q.type !== 'numeric') throw new Error('not numeric')
    await g.control('start')
    const phone = await (await g.students[0].student.get(`/live/${g.students[0].attemptId}`)).text()
    expect(phone).toContain('name="number"')
    expect((await post(g.students[0], { position: '0', number: 'lots' })).status).toBe(422)
    await post(g.students[0], { position: '0', number: String(q.answer + 10 * q.margin + 7) })
    await post(g.students[1], { position: '0', number: String(q.answer) })
    await post(g.students[2], { position: '0', number: String(q.answer + 10 * q.margin + 7) })
    await g.control('reveal') // everyone answered: already closed
    const board = await (await browser().get(`/board/${g.klass.board_id}`)).text()
    expect(board).toContain(`Full points within ±${q.margin}`)
    expect(board).toContain('class="dots"')
    const closest = board.slice(board.indexOf('class="closest"'))
    expect(closest.indexOf(String(q.answer))).toBeLessThan(closest.indexOf(String(q.answer + 10 * q.margin + 7)))
    expect(await stored(g.students[1].attemptId)).toMatchObject([{ credit: 1 }])
  })

  it('asks for an order: place menus on the phone; at the reveal, the right order and how many placed each item', async () => {
    const g = await liveClass({ size: 1, players: 2, types: ['order'] })
    const item = g.live.plan[0]
    const q = findQuestion(item.q)!
    if (q.type !== 'order') throw new Error('not an ordering')
    await g.control('start')
    const phone = await (await g.students[0].student.get(`/live/${g.students[0].attemptId}`)).text()
    expect(phone).toContain('name="place-0"')
    expect(phone).toContain(`1 being the ${q.first}, then lock them in.`)
    // Two items in one place, or a place that does not exist: asked again, or refused.
    const twice = Object.fromEntries(q.answer.map((_, i) => [`place-${i}`, '1']))
    expect((await post(g.students[0], { position: '0', ...twice })).status).toBe(422)
    expect((await post(g.students[0], { position: '0', 'place-0': '9' })).status).toBe(400)
    await g.answer(g.students[0], 0, true)
    await g.answer(g.students[1], 0, false)
    const board = await (await browser().get(`/board/${g.klass.board_id}`)).text()
    expect(board).toContain('The right order, first to last: <strong>50%</strong> had all of it')
    for (const text of q.answer) expect(board).toContain(html(text))
    expect(await stored(g.students[0].attemptId)).toMatchObject([{ credit: 1 }])
  })
})

describe('when a live class goes', () => {
  const storedState = (game: DurableObjectStub<LiveGame>) => runInDurableObject(game, (_: LiveGame, state) => state.storage.get('state'))
  const alarmOf = (game: DurableObjectStub<LiveGame>) => runInDurableObject(game, (_: LiveGame, state) => state.storage.getAlarm())

  it('closes every screen and clears the game when the teacher deletes the class', async () => {
    const g = await liveClass({ players: 1 })
    await g.control('start')
    const res = await g.students[0].student.raw(`/live/${g.students[0].attemptId}/ws`, {
      headers: { Upgrade: 'websocket', Origin: ORIGIN },
    })
    const ws = res.webSocket!
    const closed = new Promise<number>((resolve) => ws.addEventListener('close', (e) => resolve(e.code)))
    ws.accept()
    expect(await storedState(g.game)).toMatchObject({ phase: 'open' })
    expect((await g.teacher.post(`${g.base}/delete`, { confirm: 'delete' })).status).toBe(303)
    expect(await closed).toBe(1000)
    expect(await storedState(g.game)).toBeUndefined()
    expect(await alarmOf(g.game)).toBeNull()
    expect((await g.students[0].student.get(`/live/${g.students[0].attemptId}`)).status).toBe(404)
  })

  it('clears the game of a class the daily clean-up deletes', async () => {
    const g = await liveClass({ players: 1 })
    await g.control('start')
    const now = Date.now()
    await env.DB.prepare('update classes set created_at = ? where id = ?')
      .bind(now - CLASS_LIFETIME_MS - 1000, g.klass.id)
      .run()
    await scheduled(createScheduledController({ scheduledTime: now, cron: '17 3 * * *' }), env)
    expect(await classByCode(g.code)).toBeNull()
    expect(await storedState(g.game)).toBeUndefined()
    expect(await alarmOf(g.game)).toBeNull()
  })
})

describe('opening a live class', () => {
  it('asks every question of the timeline bank, of every type, in one order for everyone', async () => {
    const { teacher, code } = await openClass({ mode: 'live', seconds: '20', banks: 'timeline', size: '23' })
    const klass = (await classByCode(code))!
    const { plan } = JSON.parse(String(klass.live)) as { plan: { q: string }[] }
    const timeline = banks.find((b) => b.id === 'timeline')!
    expect(plan.map((item) => item.q).sort()).toEqual(timeline.questions.map((q) => q.id).sort())
    expect(new Set(plan.map((item) => findQuestion(item.q)!.type))).toEqual(new Set(timeline.questions.map((q) => q.type)))
    await join(code, 'One')
    await join(code, 'Two')
    const plans = await env.DB.prepare('select plan from attempts where class_id = ?').bind(klass.id).all<{ plan: string }>()
    expect(plans.results.map((r) => JSON.parse(r.plan))).toEqual([plan, plan])
    void teacher
  })

  it('says so when the clock is out of range', async () => {
    const fast = await browser().post('/classes', {
      name: 'Fast',
      banks: 'race-2018',
      size: '3',
      mode: 'live',
      seconds: '2',
      scoring: 'speed',
      naming: 'chosen',
    })
    expect(fast.status).toBe(422)
    expect(await fast.text()).toContain('from 5 to 120 seconds')
  })
})
