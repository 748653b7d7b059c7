// Rounds with the same class, driven through the teacher's form and the students' own pages.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { banks } from '../../src/questions/registry.ts'
import { browser, type Browser, type Form } from './browser.ts'
import { classByCode, databaseState, join, openClass, playAll, totalsDisagree } from './fixtures.ts'

type Opened = Awaited<ReturnType<typeof openClass>>
type Seat = { student: Browser; attemptId: string; nickname: string }

/** A class of three who joined; Ana and Ben play every question of round 1, Ana right, Ben wrong, Cy never. */
async function playedClass(fields: Form = {}) {
  const opened = await openClass(fields)
  const seats: Seat[] = []
  for (const nickname of ['Ana', 'Ben', 'Cy']) {
    const { student, attemptId } = await join(opened.code, nickname)
    seats.push({ student, attemptId: attemptId!, nickname })
  }
  await playAll(seats[0].student, seats[0].attemptId)
  await playAll(seats[1].student, seats[1].attemptId, () => false)
  return { ...opened, seats }
}

const roundForm = (round: number, extra: Form = {}): Form => ({
  round: String(round),
  banks: 'race-2023',
  size: '2',
  mode: 'self',
  ...extra,
})
const openRound = (g: Opened, round: number, extra: Form = {}) => g.teacher.post(`${g.base}/rounds`, roundForm(round, extra))

/** Where each seat of the class now is: its attempt and round. */
async function seatsNow(code: string) {
  const klass = (await classByCode(code))!
  const { results } = await env.DB.prepare(
    `select s.nickname, s.attempt_id, a.round, a.plan, s.past_score from students s join attempts a on a.id = s.attempt_id
     where s.class_id = ? order by s.nickname`,
  )
    .bind(klass.id)
    .all<{ nickname: string; attempt_id: string; round: number; plan: string; past_score: number }>()
  return results
}

const attemptsOf = async (code: string) =>
  env.DB.prepare('select round, count(*) as n from attempts where class_id = ? group by round order by round')
    .bind((await classByCode(code))!.id)
    .all()
    .then((r) => r.results)

describe('another round with the same class', () => {
  it('keeps every seat and nickname, with no joining again, and draws the new questions once for the round', async () => {
    const g = await playedClass()
    // A student's results page looks for another round: none yet.
    const ana = g.seats[0]
    const poll = (who: Browser) => who.get(`/results/${ana.attemptId}/round`, { 'HX-Request': 'true', 'HX-Request-Type': 'partial' })
    expect(await (await ana.student.get(`/results/${ana.attemptId}`)).text()).toContain(`hx-get="/results/${ana.attemptId}/round"`)
    expect((await poll(ana.student)).status).toBe(204)
    const form = await (await g.teacher.get(`${g.base}/rounds/new`)).text()
    expect(form).toContain('Round 2 with Year 11, Tuesday')
    expect(form).toContain('name="round" value="2"')
    const res = await openRound(g, 2, { size: '3' })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`${g.base}#rounds`)
    const now = await seatsNow(g.code)
    expect(now.map((s) => [s.nickname, s.round])).toEqual([
      ['Ana', 2],
      ['Ben', 2],
      ['Cy', 2],
    ])
    const klass = (await classByCode(g.code))!
    const questions = JSON.parse(klass.question_ids as string) as string[]
    expect(klass).toMatchObject({ round: 2, seats: 3, bank_ids: '["race-2023"]' })
    expect(questions).toHaveLength(3)
    // Every seat plays the round's questions, each in its own order.
    for (const s of now) expect((JSON.parse(s.plan) as { q: string }[]).map((item) => item.q).sort()).toEqual([...questions].sort())
    // Each student goes on from where they are: the old quiz, the join link, the old results.
    for (const [i, seat] of g.seats.entries()) {
      const next = `/play/${now[i].attempt_id}`
      const old = await seat.student.get(`/play/${seat.attemptId}`)
      expect([old.status, old.headers.get('Location')]).toEqual([303, next])
      const rejoin = await seat.student.get(`/join/${g.code}`)
      expect(rejoin.headers.get('Location')).toBe(next)
      const results = await (await seat.student.get(`/results/${seat.attemptId}`)).text()
      expect(results).toContain('These are the results of round 1. The class is playing round 2 now.')
      expect(results).toContain(`href="${next}"`)
      const page = await (await seat.student.get(next)).text()
      expect(page).toContain(`playing as ${seat.nickname}`)
    }
    // Ana's results page, still open, is sent to her seat's round; nobody else's poll learns where that is.
    const polled = await poll(ana.student)
    expect([polled.status, polled.headers.get('HX-Redirect')]).toEqual([200, `/play/${now[0].attempt_id}`])
    expect((await poll(browser())).status).toBe(204)
    // Someone else looking at a result is told of the new round, but given no way into the seat.
    const stranger = await (await browser().get(`/results/${g.seats[0].attemptId}`)).text()
    expect(stranger).toContain('The class is playing round 2 now.')
    expect(stranger).not.toContain(`/play/${now[0].attempt_id}`)
  })

  it('plays a set the teacher chose in the picker: the form goes there and back, and the round holds it in order', async () => {
    const g = await playedClass()
    const form = await (await g.teacher.get(`${g.base}/rounds/new`)).text()
    const to = `${g.base}/rounds/new`
    expect(form).toContain(`href="/classes/pick?to=${encodeURIComponent(to)}"`)
    // The picker takes the set back to this form, and to no other address.
    const [a, b, c] = banks[1].questions
    const use = await g.teacher.get(
      `/classes/pick?${new URLSearchParams([
        ['to', to],
        ['set', c.id],
        ['set', a.id],
        ['use', '1'],
      ])}`,
    )
    expect([use.status, use.headers.get('Location')]).toEqual([303, `${to}?set=${c.id}&set=${a.id}`])
    for (const elsewhere of ['https://example.com/teach', '/teach/x/rounds/new', `${to}/../../../classes`, `//evil.example${to}`]) {
      const res = await g.teacher.get(
        `/classes/pick?${new URLSearchParams([
          ['to', elsewhere],
          ['set', a.id],
          ['use', '1'],
        ])}`,
      )
      expect(res.status, elsewhere).toBe(422)
      expect(await res.text()).toContain('That is not a form a set can go to')
    }
    const chosen = await (await g.teacher.get(`${to}?set=${c.id}&set=${a.id}`)).text()
    expect(chosen).toContain('Questions: your set of 2')
    expect(chosen).toContain(`href="/classes/pick?to=${encodeURIComponent(to)}&amp;set=${c.id}&amp;set=${a.id}"`)
    expect([...chosen.matchAll(/name="questions" value="([^"]+)"/g)].map((m) => m[1])).toEqual([c.id, a.id])

    expect((await openRound(g, 2, { questions: [c.id, a.id], mode: 'live', seconds: '20' })).status).toBe(303)
    const klass = (await classByCode(g.code))!
    expect(JSON.parse(klass.question_ids as string)).toEqual([c.id, a.id])
    expect(JSON.parse(klass.live as string).plan.map((item: { q: string }) => item.q)).toEqual([c.id, a.id])
    // A set with a question that is not ours: the form again, with the set as it can stand.
    const bad = await (await g.teacher.get(`${to}?set=${b.id}&set=nope`)).text()
    expect(bad).toContain('Questions: your set of 1')
  })

  it('refuses answers to the round that is over, pointing to the one in play', async () => {
    const g = await playedClass()
    const { student, attemptId } = g.seats[2]
    await openRound(g, 2)
    const before = await databaseState()
    const res = await student.post(`/play/${attemptId}/answer`, { position: '0', choice: '0' })
    expect(res.status).toBe(409)
    const text = await res.text()
    expect(text).toContain('Your teacher has started round 2, so this one is over.')
    expect(text).toContain(`href="/play/${(await seatsNow(g.code))[2].attempt_id}"`)
    expect(await databaseState()).toBe(before)
  })

  it('ranks this round on the teacher’s page and adds every round up, there and in the CSV', async () => {
    const g = await playedClass()
    const round1 = await seatsNow(g.code)
    const ana1 = await env.DB.prepare('select score from attempts where id = ?').bind(g.seats[0].attemptId).first<number>('score')
    expect(ana1).toBeGreaterThan(0)
    await openRound(g, 2)
    // Round 2: Cy plays every question right, Ana none.
    const now = await seatsNow(g.code)
    await playAll(g.seats[2].student, now[2].attempt_id)
    await playAll(g.seats[0].student, now[0].attempt_id, () => false)
    const cy2 = await env.DB.prepare('select score from attempts where id = ?').bind(now[2].attempt_id).first<number>('score')
    expect(now.map((s) => s.past_score)).toEqual([ana1, 0, 0])
    expect(round1.map((s) => s.past_score)).toEqual([0, 0, 0])

    const page = await (await g.teacher.get(g.base)).text()
    expect(page).toContain('The class over both rounds')
    const overall = page.slice(page.indexOf('class="board overall'))
    const rows = [...overall.matchAll(/<tr><th scope="row">#(\d+)<\/th><td><span class="name" title="([^"]+)"/g)].map((m) => [m[1], m[2]])
    const leader = ana1! >= cy2! ? 'Ana' : 'Cy'
    expect(rows[0]).toEqual(['1', leader])
    expect(rows.map((r) => r[1]).sort()).toEqual(['Ana', 'Ben', 'Cy'])

    // The projector: five of this round beside five over both rounds; with names hidden, no name anywhere, titles included.
    const boardUrl = `/board/${(await classByCode(g.code))!.board_id}/rows`
    const board = await (await browser().get(boardUrl)).text()
    expect(board).toContain('Round 2: most points first')
    expect(board).toContain('Over both rounds: most points first')
    expect(board.match(/<tr[ >]/g)).toHaveLength(2 + 3 + 3) // a header row and three students in each ranking
    await g.teacher.post(`${g.base}/hide-names`, {})
    const hidden = await (await browser().get(boardUrl)).text()
    for (const name of ['Ana', 'Ben', 'Cy']) expect(hidden).not.toContain(name)
    expect(hidden).toContain('title="Player 1"')

    const csv = await (await g.teacher.get(`${g.base}/results.csv`)).text()
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(',').map((cell) => JSON.parse(cell) as string))
    expect(lines[0]).toEqual([
      'Rank',
      'Nickname',
      'Round 1 points',
      'Round 2 points',
      'Total points',
      'Correct',
      'Answered',
      'Accuracy (% of answered)',
      'Time (s)',
    ])
    const byName = Object.fromEntries(lines.slice(1).map((line) => [line[1], line]))
    expect(byName.Ana.slice(2, 7)).toEqual([String(ana1), '0', String(ana1), '3', '5'])
    expect(byName.Ben.slice(2, 7)).toEqual(['0', '0', '0', '0', '3'])
    expect(byName.Cy.slice(2, 7)).toEqual(['0', String(cy2), String(cy2), '2', '2'])
    // The same order and totals as the teacher's page.
    expect(lines.slice(1).map((line) => [line[0], line[1]])).toEqual(rows)
    expect(await totalsDisagree()).toEqual([])
  })

  it('gives the new round no deadline: the last round’s, passed, does not close it', async () => {
    const g = await playedClass()
    await env.DB.prepare('update classes set closes_at = ?, closes_zone = ? where code = ?')
      .bind(Date.now() - 1000, 'UTC', g.code)
      .run()
    expect(await (await g.teacher.get(`${g.base}/rounds/new`)).text()).toContain('homework deadline ends with it')
    await openRound(g, 2)
    expect(await classByCode(g.code)).toMatchObject({ closes_at: null, closes_zone: null })
    const cy = (await seatsNow(g.code))[2]
    const page = await g.seats[2].student.get(`/play/${cy.attempt_id}`)
    expect(await page.text()).toContain('legend')
    expect((await join(g.code, 'Dee')).res.status).toBe(303)
  })

  it('leaves a student who joins in round 2 without points for round 1', async () => {
    const g = await playedClass()
    await openRound(g, 2)
    const late = await join(g.code, 'Dee')
    expect(late.res.status).toBe(303)
    const csv = await (await g.teacher.get(`${g.base}/results.csv`)).text()
    expect(csv).toContain('"Dee","","0","0"')
    expect((await seatsNow(g.code)).find((s) => s.nickname === 'Dee')).toMatchObject({ round: 2, past_score: 0 })
  })

  it('opens one round when the teacher sends the form twice, and none from a page of an earlier round', async () => {
    const g = await playedClass()
    const [first, second] = await Promise.all([openRound(g, 2), openRound(g, 2)])
    expect([first.status, second.status]).toEqual([303, 303])
    const again = await openRound(g, 2)
    expect([again.status, again.headers.get('Location')]).toEqual([303, `${g.base}#rounds`])
    expect(await attemptsOf(g.code)).toEqual([
      { round: 1, n: 3 },
      { round: 2, n: 3 },
    ])
    expect(await openRound(g, 3)).toHaveProperty('status', 303)
    const stale = await openRound(g, 2)
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('That form opens round 2, but the class is in round 3. Nothing was changed.')
    const future = await openRound(g, 9)
    expect(future.status).toBe(409)
    expect(await future.text()).toContain('That form opens round 9, but the class is in round 3. Nothing was changed.')
    expect(await attemptsOf(g.code)).toEqual([
      { round: 1, n: 3 },
      { round: 2, n: 3 },
      { round: 3, n: 3 },
    ])
  })

  it('is opened only from the teacher’s link', async () => {
    const g = await playedClass()
    const other = await openClass()
    const klass = (await classByCode(g.code))!
    const student = g.seats[0].student
    for (const [who, path] of [
      [student, `/teach/${'x'.repeat(43)}/rounds`],
      [student, `/board/${klass.board_id}/rounds`],
      [student, `/play/${g.seats[0].attemptId}/rounds`],
      [other.teacher, `/teach/${g.secret.slice(0, -1)}${g.secret.endsWith('A') ? 'B' : 'A'}/rounds`], // one character off
    ] as const) {
      const res = await who.post(path, roundForm(2))
      expect(res.status).toBe(404)
    }
    expect((await student.get(`/teach/${'x'.repeat(43)}/rounds/new`)).status).toBe(404)
    // The other class's teacher opens a round of their own class only.
    expect((await openRound(other, 2)).status).toBe(303)
    expect((await classByCode(g.code))!.round).toBe(1)
    expect(await attemptsOf(g.code)).toEqual([{ round: 1, n: 3 }])
  })

  it.each([
    ['no bank', { banks: [] }, 'Pick at least one question bank.'],
    ['a bank that does not exist', { banks: 'nope' }, 'Pick at least one question bank.'],
    ['no questions', { size: '0' }, 'Choose from 1 to 30 questions.'],
    ['too many questions', { size: '31' }, 'Choose from 1 to 30 questions.'],
    ['a live game without seconds', { mode: 'live', seconds: '' }, 'Give each question from 5 to 120 seconds.'],
    ['a live game of too few seconds', { mode: 'live', seconds: '2' }, 'Give each question from 5 to 120 seconds.'],
  ] as const)('refuses %s with the form again (422), changing nothing', async (_, fields, message) => {
    const g = await playedClass()
    const before = await databaseState()
    const res = await openRound(g, 2, fields as Form)
    expect(res.status).toBe(422)
    const page = await res.text()
    expect(page).toContain(message)
    expect(page).toContain('name="round" value="2"')
    expect(await databaseState()).toBe(before)
  })

  it.each([
    ['a round that is not a number', { round: 'two' }],
    ['a mode the form does not offer', { mode: 'turbo' }],
  ] as const)('refuses %s (400), changing nothing', async (_, fields) => {
    const g = await playedClass()
    const before = await databaseState()
    const res = await g.teacher.post(`${g.base}/rounds`, { ...roundForm(2), ...fields })
    expect(res.status).toBe(400)
    expect(await databaseState()).toBe(before)
  })
})
