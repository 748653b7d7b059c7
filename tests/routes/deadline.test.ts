// Homework with a deadline: set from the teacher's link in the teacher's time zone, shown to
// students, enforced by the server's clock (moved here with fake timers), extended, closed early,
// removed; bad input and other people's links change nothing.
import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CLASS_LIFETIME_MS } from '../../src/db/classes.ts'
import { localValue } from '../../src/game/deadline.ts'
import { answerForm, browser, onScreen, type Browser } from './browser.ts'
import { classByCode, databaseState, join, openClass, playAll } from './fixtures.ts'

const HOUR = 60 * 60 * 1000
const ZONE = 'America/New_York'

/** The server's clock moved to `ms` (the Worker runs in this isolate, so it reads the same Date). */
function clockAt(ms: number) {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(ms)
}
afterEach(() => vi.useRealTimers())

const deadlineRow = async (code: string) => {
  const row = (await classByCode(code))!
  return { closesAt: row.closes_at as number | null, zone: row.closes_zone as string | null }
}

/** A self-paced class, a deadline `inMs` from now set through the teacher's form, and students who joined before it. */
async function homework({ inMs = 2 * HOUR, students = ['Ada'] } = {}) {
  const opened = await openClass()
  // Whole minutes, as the datetime-local field sends them.
  const due = localValue(Math.ceil((Date.now() + inMs) / 60_000) * 60_000, ZONE)
  const res = await opened.teacher.post(`${opened.base}/deadline`, { due, zone: ZONE })
  expect(res.status).toBe(303)
  expect(res.headers.get('Location')).toBe(`${opened.base}#deadline`)
  const { closesAt } = await deadlineRow(opened.code)
  const seats = []
  for (const name of students) seats.push(await join(opened.code, name))
  return { ...opened, due, closesAt: closesAt!, seats }
}

async function answer(student: Browser, attemptId: string, { htmx = false } = {}) {
  const { question, order, position } = await onScreen(attemptId)
  return student.post(`/play/${attemptId}/answer`, { position: String(position), ...answerForm(question, order) }, { htmx })
}

describe('setting a deadline', () => {
  it("stores the instant the teacher's wall-clock time names in their zone, and shows it to the teacher in that zone", async () => {
    const { teacher, base, code, due, closesAt } = await homework()
    const wall = Date.parse(`${due}:00Z`)
    // New York is 4 or 5 hours behind UTC: the instant is that much after the same wall-clock time in UTC.
    expect([4 * HOUR, 5 * HOUR]).toContain(closesAt - wall)
    expect(await deadlineRow(code)).toEqual({ closesAt, zone: ZONE })
    const page = await (await teacher.get(base)).text()
    expect(page).toContain('<h2 id="deadline-heading">Homework deadline</h2>')
    expect(page).toContain(`<time datetime="${new Date(closesAt).toISOString()}" data-local="true">`)
    expect(page).toContain('America/New York time')
    expect(page).toMatch(/data-time-left="\d+">(1 hour, \d+ minutes?|2 hours, 0 minutes) left</)
    // The form shows the deadline as it was set, ready to extend.
    expect(page).toContain(`value="${due}"`)
    expect(page).toContain(`value="${ZONE}"`)
    expect(page).toMatch(/<script type="module" src="\/static\/deadline-[0-9a-f]{10}\.js">/)
  })

  it('shows students the deadline on the join page, each question and the results, with the time left by the server', async () => {
    const { code, closesAt, seats } = await homework({ inMs: 26 * HOUR })
    const [{ student, attemptId }] = seats
    for (const page of [
      await (await browser().get(`/join/${code}`)).text(),
      await (await student.get(`/play/${attemptId}`)).text(),
      await (await student.get(`/results/${attemptId}`)).text(),
    ]) {
      expect(page).toContain('Homework due')
      expect(page).toContain(`datetime="${new Date(closesAt).toISOString()}"`)
      expect(page).toMatch(/role="timer" data-time-left="\d+">1 day, [12] hours? left</)
    }
  })

  it('offers no deadline to a live class, whose game ends when the teacher ends it', async () => {
    const { teacher, base, code } = await openClass({ mode: 'live', seconds: '20' })
    expect(await (await teacher.get(base)).text()).not.toContain('Homework deadline')
    const before = await databaseState()
    expect((await teacher.get(`${base}/deadline`)).status).toBe(409)
    for (const path of ['', '/close', '/remove']) {
      const res = await teacher.post(`${base}/deadline${path}`, { due: localValue(Date.now() + HOUR, 'UTC'), zone: 'UTC' })
      expect(res.status, path).toBe(409)
      expect(await res.text()).toContain('A live game has no deadline')
    }
    expect(await databaseState()).toBe(before)
    expect(await deadlineRow(code)).toEqual({ closesAt: null, zone: null })
  })
})

describe('the deadline, by the server clock', () => {
  it('takes answers until the deadline and refuses them from it on with a clear 409, changing nothing', async () => {
    const { closesAt, seats } = await homework({ students: ['Ada', 'Bo'] })
    const [ada, bo] = seats
    clockAt(closesAt - 1)
    expect((await answer(ada.student, ada.attemptId!)).status).toBe(303)

    clockAt(closesAt)
    const before = await databaseState()
    const refused = await answer(bo.student, bo.attemptId!)
    expect(refused.status).toBe(409)
    const page = await refused.text()
    expect(page).toContain('<h1 tabindex="-1" autofocus="">Homework closed</h1>')
    expect(page).toContain('answers are no longer taken')
    expect(page).toContain('You answered none of its 3 questions before it.')
    expect(page).toContain(`href="/results/${bo.attemptId}"`)
    // With htmx, the refusal is the fragment swapped into the quiz, with the same status.
    const fragment = await answer(bo.student, bo.attemptId!, { htmx: true })
    expect(fragment.status).toBe(409)
    const html = await fragment.text()
    expect(html).toContain('<h2 tabindex="-1" autofocus="">Homework closed</h2>')
    expect(html).not.toContain('<html')
    // "Next" does not move on to a question nobody may answer.
    expect((await ada.student.post(`/play/${ada.attemptId}/next`, { position: '0' })).status).toBe(409)
    expect(await databaseState()).toBe(before)
  })

  it('shows a student their closed quiz and keeps every result readable: results, rank, projector, teacher page, CSV', async () => {
    const { teacher, base, code, closesAt, seats } = await homework({ students: ['Ada', 'Bo'] })
    const [ada, bo] = seats
    await playAll(ada.student, ada.attemptId!)
    await answer(bo.student, bo.attemptId!)
    clockAt(closesAt + 5 * HOUR)

    const quiz = await bo.student.get(`/play/${bo.attemptId}`)
    expect(quiz.status).toBe(200)
    const quizPage = await quiz.text()
    expect(quizPage).toContain('Homework closed')
    expect(quizPage).toContain('You answered 1 of its 3 questions before it; that answer counts.')
    expect(quizPage).not.toContain('Submit answer')
    expect(await (await ada.student.get(`/play/${ada.attemptId}`)).text()).toContain(
      'You answered all 3 of its questions before it; those answers count.',
    )

    const results = await bo.student.get(`/results/${bo.attemptId}`)
    expect(results.status).toBe(200)
    const resultsPage = await results.text()
    expect(resultsPage).toContain('The homework closed on')
    expect(resultsPage).toContain(', with 1 of its 3 questions answered.')
    expect(resultsPage).not.toContain('Carry on playing')
    // Unfinished, but closed: its rank is final.
    expect(resultsPage).toContain('#2 of 2')

    const klass = (await classByCode(code))!
    expect(await (await browser().get(`/board/${klass.board_id}`)).text()).toContain('Bo')
    expect(await (await teacher.get(base)).text()).toContain('<strong>Closed</strong> on')
    expect(await (await teacher.get(`${base}/results.csv`)).text()).toMatch(/"1","Ada",[\s\S]*"2","Bo",/)
  })

  it('refuses new students once closed (403, as the lock does), and sends one already seated to their closed quiz', async () => {
    const { code, closesAt, seats } = await homework()
    clockAt(closesAt + 1000)
    const before = await databaseState()
    const late = browser()
    const page = await late.get(`/join/${code}`)
    expect(page.status).toBe(403)
    const refusal = await page.text()
    expect(refusal).toContain('<h1 tabindex="-1" autofocus="">Homework closed</h1>')
    expect(refusal).toContain('so nobody can join it now')
    expect((await join(code, 'Late', late)).res.status).toBe(403)
    expect(await databaseState()).toBe(before)
    const [{ student, attemptId }] = seats
    const back = await student.get(`/join/${code}`)
    expect(back.status).toBe(303)
    expect(back.headers.get('Location')).toBe(`/play/${attemptId}`)
  })
})

describe("the teacher's controls", () => {
  it('extends a deadline, which reopens closed homework to answers and joins', async () => {
    const { teacher, base, code, closesAt, seats } = await homework()
    const [{ student, attemptId }] = seats
    clockAt(closesAt + HOUR)
    expect((await answer(student, attemptId!)).status).toBe(409)
    const later = localValue(closesAt + 3 * HOUR, ZONE)
    expect(await (await teacher.get(base)).text()).toContain('Reopen with a new deadline')
    expect((await teacher.post(`${base}/deadline`, { due: later, zone: ZONE })).status).toBe(303)
    expect((await deadlineRow(code)).closesAt).toBe(closesAt + 3 * HOUR)
    expect((await answer(student, attemptId!)).status).toBe(303)
    expect((await join(code, 'Late')).res.status).toBe(303)
  })

  it('closes early at the server time of the click, and a second close keeps the first time', async () => {
    const { teacher, base, code, seats } = await homework()
    const [{ student, attemptId }] = seats
    const now = Date.now()
    clockAt(now)
    expect((await teacher.post(`${base}/deadline/close`, {})).status).toBe(303)
    expect((await deadlineRow(code)).closesAt).toBe(now)
    expect((await answer(student, attemptId!)).status).toBe(409)
    clockAt(now + 60_000)
    await teacher.post(`${base}/deadline/close`, {})
    expect((await deadlineRow(code)).closesAt).toBe(now)
    // A class without a deadline can be closed too; it is shown in UTC, having no zone.
    const other = await openClass()
    await other.teacher.post(`${other.base}/deadline/close`, {})
    expect(await deadlineRow(other.code)).toEqual({ closesAt: now + 60_000, zone: null })
    expect(await (await other.teacher.get(other.base)).text()).toMatch(/<strong>Closed<\/strong> on <time[^>]*>[^<]*, UTC</)
  })

  it('removes a deadline, keeping the zone to offer next time', async () => {
    const { teacher, base, code, closesAt, seats } = await homework()
    const [{ student, attemptId }] = seats
    clockAt(closesAt + HOUR)
    expect((await teacher.post(`${base}/deadline/remove`, {})).status).toBe(303)
    expect(await deadlineRow(code)).toEqual({ closesAt: null, zone: ZONE })
    expect((await answer(student, attemptId!)).status).toBe(303)
    const page = await (await teacher.get(base)).text()
    expect(page).toContain('No deadline yet.')
    expect(page).toContain(`value="${ZONE}"`)
  })
})

describe('rounds', () => {
  it("starts another round without the last round's deadline, self-paced or live", async () => {
    const { teacher, base, code, closesAt, seats } = await homework()
    const [{ student, attemptId }] = seats
    await answer(student, attemptId!)
    clockAt(closesAt + HOUR)
    const round = (n: number, mode: string) =>
      teacher.post(`${base}/rounds`, {
        round: String(n),
        banks: 'race-2023',
        size: '2',
        mode,
        ...(mode === 'live' ? { seconds: '20' } : {}),
      })
    expect((await round(2, 'self')).status).toBe(303)
    expect(await deadlineRow(code)).toEqual({ closesAt: null, zone: null })
    // The seat plays round 2 at once; round 1's results, closed with one answer, stay readable.
    const seat = (await classByCode(code))!
    const now = await env.DB.prepare('select attempt_id from students where class_id = ?').bind(seat.id).first<{ attempt_id: string }>()
    expect((await answer(student, now!.attempt_id)).status).toBe(303)
    expect((await student.get(`/results/${attemptId}`)).status).toBe(200)
    // A deadline set in round 2, then a live round 3: the live game takes joins again.
    await teacher.post(`${base}/deadline/close`, {})
    expect((await join(code, 'Late')).res.status).toBe(403)
    expect((await round(3, 'live')).status).toBe(303)
    expect((await join(code, 'Later')).res.status).toBe(303)
  })
})

describe('bad input', () => {
  it('answers each mistake with the form again, its message and a 422, changing nothing', async () => {
    const { teacher, base, code } = await openClass()
    const klass = (await classByCode(code))!
    const expiry = (klass.created_at as number) + CLASS_LIFETIME_MS
    const before = await databaseState()
    const cases: [Record<string, string | string[]>, string][] = [
      [{ due: '', zone: 'Europe/London' }, 'Give the date and time the homework is due.'],
      [{ due: 'next Thursday', zone: 'Europe/London' }, 'That is not a date and time we can read.'],
      [{ due: '2026-02-30T17:00', zone: 'Europe/London' }, 'That is not a date and time we can read.'],
      [{ due: localValue(Date.now() + HOUR, 'UTC'), zone: '' }, 'Give your time zone'],
      [{ due: localValue(Date.now() + HOUR, 'UTC'), zone: 'Mars/Olympus' }, 'We do not know the time zone &quot;Mars/Olympus&quot;'],
      [{ due: localValue(Date.now() + HOUR, 'UTC'), zone: '<b>x</b>' }, 'We do not know the time zone &quot;&lt;b&gt;x&lt;/b&gt;&quot;'],
      [{ due: localValue(Date.now() - HOUR, 'UTC'), zone: 'UTC' }, 'That time has passed: it is now'],
      [{ due: localValue(expiry + HOUR, 'UTC'), zone: 'UTC' }, '30 days after it opened. Choose a time before then.'],
      [{ due: ['x', 'y'], zone: ['UTC', 'Mars/Olympus'] }, 'That is not a date and time we can read.'],
      [{}, 'Give the date and time the homework is due.'],
    ]
    for (const [form, message] of cases) {
      const res = await teacher.post(`${base}/deadline`, form)
      expect(res.status, JSON.stringify(form)).toBe(422)
      const page = await res.text()
      expect(page, JSON.stringify(form)).toContain(message)
      expect(page).toContain('<h1>Homework deadline: Year 11, Tuesday</h1>')
      expect(page).toContain('aria-invalid="true"')
      // The teacher's own entries come back to correct.
      if (typeof form.due === 'string' && form.due) expect(page).toContain(`value="${form.due}"`)
    }
    expect(await databaseState()).toBe(before)
  })

  it('refuses a time the clocks skip in the zone', async () => {
    // A class opened a week before London's clocks go forward (01:00 to 02:00 on 28 March 2027).
    clockAt(Date.parse('2027-03-20T12:00:00Z'))
    const { teacher, base } = await openClass()
    const res = await teacher.post(`${base}/deadline`, { due: '2027-03-28T01:30', zone: 'Europe/London' })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('That time does not exist in Europe/London time: the clocks go forward then.')
    expect((await teacher.post(`${base}/deadline`, { due: '2027-03-28T02:30', zone: 'Europe/London' })).status).toBe(303)
  })
})

describe('who may change a deadline', () => {
  it("keeps a student, another class's teacher and a guessed link out of every deadline URL", async () => {
    const mine = await homework()
    const other = await openClass()
    const [{ student, attemptId }] = mine.seats
    const klass = (await classByCode(mine.code))!
    const form = { due: localValue(Date.now() + 5 * HOUR, 'UTC'), zone: 'UTC' }
    const before = await databaseState()
    for (const guess of [
      attemptId!,
      klass.id as string,
      klass.board_id as string,
      mine.code,
      klass.teacher_hash as string,
      'x'.repeat(43),
    ]) {
      expect((await student.get(`/teach/${guess}/deadline`)).status, guess).toBe(404)
      for (const path of ['', '/close', '/remove'])
        expect((await student.post(`/teach/${guess}/deadline${path}`, form)).status, `${guess}${path}`).toBe(404)
    }
    expect(await databaseState()).toBe(before)
    // Another teacher's link changes only that teacher's class.
    await other.teacher.post(`${other.base}/deadline/close`, {})
    expect(await deadlineRow(mine.code)).toEqual({ closesAt: mine.closesAt, zone: ZONE })
    // The teacher's own form, sent from another site or without its token, is refused.
    expect((await mine.teacher.post(`${mine.base}/deadline/close`, {}, { token: false })).status).toBe(403)
    expect(
      (
        await mine.teacher.raw(`${mine.base}/deadline/close`, {
          method: 'POST',
          body: new URLSearchParams({ _csrf: mine.teacher.cookies.get('csrf')! }),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
        })
      ).status,
    ).toBe(403)
    expect((await deadlineRow(mine.code)).closesAt).toBe(mine.closesAt)
  })

  it('writes the form token into every form of the deadline page', async () => {
    const { teacher, base } = await homework()
    const html = await (await teacher.get(`${base}/deadline`)).text()
    const forms = html.match(/<form method="post"[^>]*>/g) ?? []
    expect(forms.length).toBe(3) // set or extend, close now, remove
    expect(html.split(`name="_csrf" value="${teacher.cookies.get('csrf')}"`).length - 1).toBe(forms.length)
  })
})
