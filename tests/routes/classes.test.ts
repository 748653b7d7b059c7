import { env } from 'cloudflare:workers'
import { createScheduledController } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { joinClass } from '../../src/db/classes.ts'
import { BOARD_SIZE, readBoard } from '../../src/db/standings.ts'
import { createDb } from '../../src/db/client.ts'
import { classes } from '../../src/db/schema.ts'
import { eq } from 'drizzle-orm'
import { CODE_ALPHABET } from '../../src/game/codes.ts'
import { nicknameKey } from '../../src/game/nickname.ts'
import { randomId, sha256Hex } from '../../src/http/ids.ts'
import { scheduled } from '../../src/cron.ts'
import { CLASS_LIFETIME_MS } from '../../src/db/classes.ts'
import { metered, newMeter } from '../bench/d1-meter.ts'
import { browser, onScreen } from './browser.ts'
import { classByCode, join, openClass, playAll } from './fixtures.ts'

const db = createDb(env.DB)

describe('opening a class', () => {
  it('gives a six-character code without look-alikes, a QR code, and a teacher link stored only hashed', async () => {
    const { teacher, base, code, secret } = await openClass()
    expect(code).toHaveLength(6)
    expect([...code].every((ch) => CODE_ALPHABET.includes(ch))).toBe(true)
    expect(CODE_ALPHABET).not.toMatch(/[0O1IL]/)
    const row = await classByCode(code)
    expect(row!.teacher_hash).toBe(await sha256Hex(secret))
    expect(JSON.stringify(row)).not.toContain(secret)
    const page = await (await teacher.get(base)).text()
    expect(page).toContain('<svg class="qr"')
    expect(page).toContain('lose access')
    expect((await teacher.get(`/teach/${'x'.repeat(43)}`)).status).toBe(404)
  })

  it('re-renders the form with messages for a missing name or bank, and refuses forged options', async () => {
    const res = await browser().post('/classes', { name: ' ', scoring: 'speed', naming: 'chosen', size: '10' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Give the class a name')
    expect(html).toContain('Pick at least one question bank')
    expect((await browser().post('/classes', { name: 'x', banks: 'race-2018', scoring: 'lottery', naming: 'chosen' })).status).toBe(400)
  })
})

describe('joining', () => {
  it('takes the code in any case, seats the student, and brings the same browser back to the same seat', async () => {
    const { code } = await openClass()
    const student = browser()
    const typed = await student.get(`/join?code=${code.toLowerCase().slice(0, 3)}-${code.slice(3).toLowerCase()}`)
    expect(typed.headers.get('Location')).toBe(`/join/${code}`)
    const { res, attemptId } = await join(code, 'Ana', student)
    expect(res.status).toBe(303)
    expect((await student.get(`/join/${code}`)).headers.get('Location')).toBe(`/play/${attemptId}`)
    expect(await (await student.get(`/play/${attemptId}`)).text()).toContain('playing as Ana')
  })

  it('enforces nickname rules: length, slurs, and uniqueness without case or accents', async () => {
    const { code } = await openClass()
    expect((await join(code, 'José')).res.status).toBe(303)
    for (const [nickname, message] of [
      ['j', '2 to 24 characters'],
      ['x'.repeat(25), '2 to 24 characters'],
      ['  JOSE ', 'already has that nickname'],
      ['fuck you', 'not allowed'],
      ['a\u0000b', 'ordinary punctuation'],
    ]) {
      const { res } = await join(code, nickname)
      expect(res.status, nickname).toBe(422)
      expect(await res.text()).toContain(message)
    }
    expect(await env.DB.prepare('select count(*) as n from students').first('n')).toBeGreaterThan(0)
  })

  it('seats a new browser once when its form is sent twice at once, and sends both posts to that seat', async () => {
    for (const fields of [{ naming: 'chosen' }, { naming: 'generated' }]) {
      const { code } = await openClass(fields)
      const phone = browser()
      await phone.get(`/join/${code}`) // the form, as the student sees it first
      const form: Record<string, string> = fields.naming === 'chosen' ? { nickname: 'Twice' } : {}
      const [first, second] = await Promise.all([phone.post(`/join/${code}`, form), phone.post(`/join/${code}`, form)])
      const seats = await env.DB.prepare('select s.attempt_id from students s join classes c on c.id = s.class_id where c.code = ?')
        .bind(code)
        .all()
      expect(seats.results).toHaveLength(1)
      const seat = `/play/${seats.results[0].attempt_id}`
      for (const res of [first, second]) {
        expect(res.status).toBe(303)
        const next = res.headers.get('Location')!
        expect(next === seat || (await phone.get(next)).headers.get('Location') === seat).toBe(true)
      }
      expect((await phone.get(seat)).status).toBe(200)
    }
  })

  it('gives generated two-word names when the teacher asks for them', async () => {
    const { code } = await openClass({ naming: 'generated' })
    const { student, attemptId } = await join(code)
    expect(await (await student.get(`/play/${attemptId}`)).text()).toMatch(/playing as [A-Z][a-z]+ [A-Z][a-z]+/)
  })

  it('explains a wrong code, a closed class and a deleted one', async () => {
    expect((await browser().get('/join/ZZZZZZ')).status).toBe(404)
    expect((await browser().get('/join?code=nope')).status).toBe(422)
    const { teacher, base, code } = await openClass()
    await teacher.post(`${base}/close`, {})
    const closed = await browser().get(`/join/${code}`)
    expect(closed.status).toBe(403)
    expect(await closed.text()).toContain('closed to new players')
    await teacher.post(`${base}/open`, {})
    expect((await browser().get(`/join/${code}`)).status).toBe(200)
  })
})

describe('the class leaderboard and dashboard', () => {
  it('ranks by points then time, shows progress, hides names on request, and scores accuracy-only classes without bonus', async () => {
    const { teacher, base, code } = await openClass({ scoring: 'accuracy' })
    const a = await join(code, 'Ana')
    const b = await join(code, 'Ben')
    const c = await join(code, 'Cy')
    await playAll(a.student, a.attemptId!)
    await playAll(b.student, b.attemptId!, (i) => i !== 0)
    const klass = (await classByCode(code))!
    const board = `/board/${klass.board_id}`
    const html = await (await browser().get(`${board}/rows`)).text()
    expect(html.indexOf('Ana')).toBeLessThan(html.indexOf('Ben'))
    expect(html.indexOf('Ben')).toBeLessThan(html.indexOf('Cy'))
    expect(html).toContain('<td data-label="Answered">3 of 3 ✓</td>')
    expect(html).toContain('<td data-label="Answered">0 of 3</td>')
    expect(html).toContain('hx-trigger="every 3s"')
    const points = await env.DB.prepare('select score from attempts where id = ?').bind(a.attemptId).first('score')
    expect(points).toBe(3000) // accuracy only: no speed bonus
    await teacher.post(`${base}/hide-names`, {})
    expect(await (await browser().get(`${board}/rows`)).text()).not.toContain('Ana')
    void c
  })

  it('gives the same accuracy on the dashboard and in the CSV: right of answered', async () => {
    const { teacher, base, code } = await openClass({ size: '3' })
    const { student, attemptId } = await join(code, 'Half')
    const { onScreen, answerForm } = await import('./browser.ts')
    for (const [i, right] of [true, false].entries()) {
      const { question, order } = await onScreen(attemptId!)
      await student.post(`/play/${attemptId}/answer`, { position: String(i), ...answerForm(question, order, right) })
      await student.post(`/play/${attemptId}/next`, { position: String(i) })
    }
    const page = await (await teacher.get(base)).text()
    const row = page.slice(page.indexOf('>Half<'))
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('50%')
    const csv = (await (await teacher.get(`${base}/results.csv`)).text()).split('\r\n')
    const [header, line] = [csv[0].split(','), csv[1].split(',')]
    expect(line[header.findIndex((h) => h.includes('Accuracy'))]).toBe('"50"')
  })

  it('exports a CSV that survives commas, quotes, accents and formulas', async () => {
    const { teacher, base, code } = await openClass()
    for (const nickname of ['Zoë, "the" best', '=HYPERLINK(1)', 'Ørjan']) await join(code, nickname)
    const res = await teacher.get(`${base}/results.csv`)
    expect(res.headers.get('Content-Type')).toContain('text/csv')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes.slice(3))
    const lines = text.trimEnd().split('\r\n')
    expect(lines).toHaveLength(4)
    expect(text).toContain('"Zoë, ""the"" best"')
    expect(text).toContain(`"'=HYPERLINK(1)"`)
    expect(text).toContain('"Ørjan"')
  })

  it('serves the projector in one round trip, reading as many rows at 500 students as at 20', async () => {
    const { code } = await openClass()
    const [klass] = await db.select().from(classes).where(eq(classes.code, code))
    const rowsRead = async () => {
      const meter = newMeter()
      const board = await readBoard(createDb(metered(env.DB, meter)), klass.boardId)
      expect(meter.trips).toBe(1)
      expect(board!.rows).toHaveLength(Math.min(BOARD_SIZE, board!.klass.seats))
      return meter.rowsRead
    }
    const seat = (i: number) =>
      joinClass(db, {
        klass,
        attemptId: randomId(),
        ownerHash: `o${i}`,
        nickname: `S${i}`,
        nicknameKey: nicknameKey(`S${i}`),
        plan: [{ q: 'x' }],
        now: 1,
      })
    for (let i = 0; i < 20; i++) await seat(i)
    const small = await rowsRead()
    for (let i = 20; i < 500; i++) await seat(i)
    const large = await rowsRead()
    expect(large).toBe(small)
    expect(large).toBeLessThan(40)
  })
})

describe('moderation', () => {
  it('renames, removes (who may rejoin) and blocks (who may not, from that browser)', async () => {
    const { teacher, base, code } = await openClass()
    const ana = await join(code, 'Ana')
    const ben = await join(code, 'Ben')
    expect((await teacher.post(`${base}/students/${ana.attemptId}/rename`, { nickname: 'Anya' })).status).toBe(303)
    const taken = await teacher.post(`${base}/students/${ana.attemptId}/rename`, { nickname: 'ben' })
    expect(taken.headers.get('Location')).toContain('error=nickname-taken')
    expect(await (await teacher.get(base)).text()).toContain('Anya')

    await teacher.post(`${base}/students/${ana.attemptId}/remove`, {})
    expect((await ana.student.get(`/play/${ana.attemptId}`)).status).toBe(404)
    expect((await join(code, 'Anya', ana.student)).res.status).toBe(303)

    await teacher.post(`${base}/students/${ben.attemptId}/block`, {})
    const again = await join(code, 'Ben again', ben.student)
    expect(again.res.status).toBe(403)
    expect((await join(code, 'Newcomer')).res.status).toBe(303)
  })

  it('keeps students out of teacher pages, whatever ids they try', async () => {
    const { code } = await openClass()
    const { student, attemptId } = await join(code, 'Ana')
    const klass = (await classByCode(code))!
    for (const guess of [attemptId, klass.id, klass.board_id, code])
      for (const path of ['', '/results.csv', '/close', '/delete', '/report', '/answers.csv'])
        expect((await student.get(`/teach/${guess}${path}`)).status, `${guess}${path}`).toBe(404)
  })

  it('deletes a class with everything in it, only after confirmation', async () => {
    const { teacher, base, code } = await openClass()
    const { student, attemptId } = await join(code, 'Ana')
    await playAll(student, attemptId!)
    expect((await teacher.get(`${base}/delete`)).status).toBe(200)
    await teacher.post(`${base}/delete`, {})
    expect(await classByCode(code)).not.toBeNull() // no confirmation, no deletion
    expect((await teacher.post(`${base}/delete`, { confirm: 'delete' })).status).toBe(303)
    expect(await classByCode(code)).toBeNull()
    expect(await env.DB.prepare('select count(*) as n from answers where attempt_id = ?').bind(attemptId).first('n')).toBe(0)
    expect((await teacher.get(base)).status).toBe(404)
    expect((await student.get(`/play/${attemptId}`)).status).toBe(404)
    expect((await browser().get(`/join/${code}`)).status).toBe(404)
  })
})

describe('expiry', () => {
  it('deletes classes and their answers 30 days after they opened, and nothing else', async () => {
    const old = await openClass({ name: 'Old' })
    const fresh = await openClass({ name: 'Fresh' })
    const { student, attemptId } = await join(old.code, 'Ana')
    await playAll(student, attemptId!)
    const solo = browser()
    const soloId = await solo.start('race-2018')
    const now = Date.now()
    await env.DB.prepare('update classes set created_at = ? where code = ?')
      .bind(now - CLASS_LIFETIME_MS - 1000, old.code)
      .run()
    await scheduled(createScheduledController({ scheduledTime: now, cron: '17 3 * * *' }), env)
    expect(await classByCode(old.code)).toBeNull()
    expect(await env.DB.prepare('select count(*) as n from answers where attempt_id = ?').bind(attemptId).first('n')).toBe(0)
    expect(await classByCode(fresh.code)).not.toBeNull()
    expect(await env.DB.prepare('select count(*) as n from attempts where id = ?').bind(soloId).first('n')).toBe(1)
  })
})

describe('a question withdrawn from its bank after the class opened', () => {
  it('tells the teacher, and lets students who join play the rest', async () => {
    const g = await openClass()
    const klass = (await classByCode(g.code))!
    const ids = JSON.parse(klass.question_ids as string) as string[]
    await env.DB.prepare('update classes set question_ids = ? where code = ?')
      .bind(JSON.stringify([ids[0], 'withdrawn-since', ids[2]]), g.code)
      .run()
    const page = await (await g.teacher.get(g.base)).text()
    expect(page).toContain(
      'One question of this round has been withdrawn from the banks since it opened. Students who join now play the other 2.',
    )
    const { attemptId } = await join(g.code, 'Ana')
    const { attempt } = await onScreen(attemptId!)
    expect(attempt.plan.map((item) => item.q).sort()).toEqual([ids[0], ids[2]].sort())
  })
})
