// A class flooded by scripted joins, and the teacher's answers to it: a lock, a waiting room,
// and removing several students at once.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { answerForm, browser, onScreen } from './browser.ts'
import { classByCode, join, openClass } from './fixtures.ts'

const seats = (classId: unknown) =>
  env.DB.prepare('select nickname from students where class_id = ? order by joined_at').bind(classId).all<{ nickname: string }>()

describe('the lock', () => {
  it('takes one tap in the live controls, keeps new players out, and says so on the projector', async () => {
    const { teacher, base, code } = await openClass({ mode: 'live', seconds: '20' })
    const klass = (await classByCode(code))!
    const res = await teacher.post(`${base}/close`, {}, { htmx: true })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Locked: nobody new can join')
    expect((await join(code, 'Intruder')).res.status).toBe(403)
    expect(await (await browser().get(`/board/${klass.board_id}`)).text()).toContain('Joining is locked')
    expect((await teacher.post(`${base}/open`, {})).status).toBe(303)
    expect((await join(code, 'Welcome')).res.status).toBe(303)
  })
})

describe('the waiting room', () => {
  it('keeps a joiner off the projector and out of play until the teacher lets them in', async () => {
    const { teacher, base, code } = await openClass({ admit: 'on' })
    const klass = (await classByCode(code))!
    const { student, attemptId, res } = await join(code, 'Patient')
    expect(res.status).toBe(303)
    const waiting = await (await student.get(`/play/${attemptId}`)).text()
    expect(waiting).toContain('You are in the waiting room')
    expect(waiting).toMatch(/<meta http-equiv="refresh" content="5"/)
    const { question, order } = await onScreen(attemptId!)
    expect((await student.post(`/play/${attemptId}/answer`, { position: '0', ...answerForm(question, order) })).status).toBe(409)
    expect(await (await browser().get(`/board/${klass.board_id}/rows`)).text()).not.toContain('Patient')
    expect(await (await teacher.get(base)).text()).toMatch(/Waiting room \(1\)[\s\S]*Patient/)
    expect((await teacher.post(`${base}/students/${attemptId}/admit`, {})).status).toBe(303)
    expect(await (await student.get(`/play/${attemptId}`)).text()).toContain('Question 1 of')
    expect(await (await browser().get(`/board/${klass.board_id}/rows`)).text()).toContain('Patient')
  })

  it('lets everyone in at once, turns one away, and lets all in when it is turned off', async () => {
    const { teacher, base, code } = await openClass({ admit: 'on' })
    const klass = (await classByCode(code))!
    const [a, b, c] = [await join(code, 'Ada'), await join(code, 'Bo'), await join(code, 'Cy')]
    expect((await teacher.post(`${base}/students/${c.attemptId}/block`, {})).status).toBe(303)
    expect((await join(code, 'Cy again', c.student)).res.status).toBe(403)
    await teacher.post(`${base}/students/admit-all`, {})
    expect((await classByCode(code))!.seats).toBe(2)
    const late = await join(code, 'Dee')
    await teacher.post(`${base}/waiting-room/off`, {})
    expect((await classByCode(code))!.seats).toBe(3)
    expect((await join(code, 'Eve')).res.headers.get('Location')).toMatch(/^\/play\//)
    expect((await seats(klass.id)).results.map((r) => r.nickname)).toEqual(['Ada', 'Bo', 'Dee', 'Eve'])
    void [a, b, late]
  })

  it('keeps a phone waiting in a live game, unable to answer, until it is let in', async () => {
    const { teacher, base, code } = await openClass({ mode: 'live', seconds: '20', admit: 'on' })
    const klass = (await classByCode(code))!
    const { student, attemptId } = await join(code, 'Waits')
    expect(await (await student.get(`/live/${attemptId}`)).text()).toContain('Waiting to be let in')
    expect(await (await browser().get(`/board/${klass.board_id}`)).text()).not.toContain('Waits')
    await teacher.post(`${base}/students/admit-all`, {})
    await teacher.post(`${base}/live/start`, {})
    expect(await (await student.get(`/live/${attemptId}`)).text()).toContain('data-phase="open"')
  })
})

describe('removing several students at once', () => {
  it('removes the ticked students, or removes and blocks them, and nobody else', async () => {
    const { teacher, base, code } = await openClass()
    const klass = (await classByCode(code))!
    const joined = await Promise.all(['Bot 1', 'Bot 2', 'Bot 3', 'Real'].map((name) => join(code, name)))
    const [one, two, three] = joined
    expect((await teacher.post(`${base}/students/remove`, { student: [one.attemptId!, two.attemptId!] })).status).toBe(303)
    expect((await teacher.post(`${base}/students/block`, { student: [three.attemptId!] })).status).toBe(303)
    expect((await seats(klass.id)).results.map((r) => r.nickname)).toEqual(['Real'])
    expect((await join(code, 'Bot 1 again', one.student)).res.status).toBe(303) // removed, may rejoin
    expect((await join(code, 'Bot 3 again', three.student)).res.status).toBe(403) // blocked
    const none = await teacher.post(`${base}/students/remove`, {})
    expect(none.status).toBe(422)
    expect(await none.text()).toContain('Tick at least one student')
  })
})
