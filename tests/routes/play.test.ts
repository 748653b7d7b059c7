import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { TOKEN_FIELD } from '../../src/http/forms.ts'
import { banks, sourcesOf } from '../../src/questions/registry.ts'
import { metered, newMeter } from '../bench/d1-meter.ts'
import { answerForm, browser, onScreen, type Form } from './browser.ts'
import { databaseState } from './fixtures.ts'

/** Text as it appears in a page's HTML. */
const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
const bank = banks.find((b) => b.id === 'race-2018') ?? banks[0]
const count = (sql: string, ...args: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...args)
    .first<{ n: number }>()
    .then((r) => r!.n)

/** Answers the question on screen through the app, right or wrong. */
async function answer(player: ReturnType<typeof browser>, id: string, right = true, htmx = false) {
  const { question, order, position } = await onScreen(id)
  return player.post(`/play/${id}/answer`, { position: String(position), ...answerForm(question, order, right) }, { htmx })
}

describe('the play loop', () => {
  it('plays a whole quiz with plain forms and redirects, and scores it', async () => {
    const player = browser()
    const id = await player.start(bank.id)
    const first = await player.get(`/play/${id}`)
    expect(first.status).toBe(200)
    const page = await first.text()
    expect(page).toContain('Question 1 of 10')
    expect(page).toContain('<script src="/vendor/htmx-')

    for (let i = 0; i < 10; i++) {
      const res = await answer(player, id, i !== 1)
      expect(res.status).toBe(303)
      const verdict = await (await player.get(`/play/${id}`)).text()
      expect(verdict).toContain(i !== 1 ? 'Correct' : 'Not quite')
      // A run of right answers: broken by the miss at question 2, then counting again from question 3.
      const run = i === 0 || i === 1 ? null : i - 1
      if (run && run >= 2) expect(verdict).toContain(`${run} in a row`)
      else expect(verdict).not.toContain('in a row')
      if (i < 9) expect((await player.post(`/play/${id}/next`, { position: String(i) })).status).toBe(303)
      else expect(verdict).toContain(`href="/results/${id}"`)
    }
    const row = await env.DB.prepare('select * from attempts where id = ?').bind(id).first<Record<string, number>>()
    expect(row).toMatchObject({ answered: 10, correct: 9 })
    expect(row!.finished_at).toBeGreaterThan(0)
    expect(row!.score).toBe(await count('select sum(points) as n from answers where attempt_id = ?', id))
    expect(row!.score).toBeGreaterThanOrEqual(9000)

    const results = await (await browser().get(`/results/${id}`)).text()
    expect(results).toContain('9 of 10 (90%)')
    expect(results).not.toContain('name="nickname"') // read-only for anyone but the player
  })

  it('swaps the verdict and the next question in as fragments for htmx', async () => {
    const player = browser()
    const id = await player.start(bank.id)
    const res = await answer(player, id, true, true)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).not.toContain('<html')
    expect(html).toContain('Correct')
    expect(html).toMatch(/id="announce"[^>]*hx-swap-oob="innerHTML"[^>]*>Correct/)
    const next = await player.post(`/play/${id}/next`, { position: '0' }, { htmx: true })
    expect(await next.text()).toContain('Question 2 of 10')
  })

  it('keeps a question and its choices fixed across reloads, and never sends the key', async () => {
    const player = browser()
    const id = await player.start(bank.id)
    const a = await (await player.get(`/play/${id}`)).text()
    const b = await (await player.get(`/play/${id}`)).text()
    expect(a).toBe(b)
    const { question } = await onScreen(id)
    expect(a).not.toContain(question.explanation.slice(0, 30))
  })
})

describe('ordering questions', () => {
  it('tells the player which way round each one goes, as its prompt does', async () => {
    const orderings = banks.flatMap((b) => b.questions).filter((q) => q.type === 'order')
    expect(new Set(orderings.map((q) => q.first))).toEqual(new Set(['earliest', 'largest', 'smallest']))
    for (const q of orderings) {
      const player = browser()
      const id = await player.start(bank.id)
      const plan = [{ q: q.id, order: q.answer.map((_, i) => q.answer.length - 1 - i) }]
      await env.DB.prepare('update attempts set plan = ? where id = ?').bind(JSON.stringify(plan), id).run()
      const page = await (await player.get(`/play/${id}`)).text()
      expect(page).toContain(`1 being the ${q.first}.`)
      expect(q.prompt).toMatch(new RegExp(`\\b${q.first} (first|to)\\b`, 'i'))
    }
  })
})

describe('sources', () => {
  it('cites every article a key rests on, on the verdict and on the results page', async () => {
    const cited = banks.flatMap((b) => b.questions).find((q) => q.sources.length >= 3 && q.type === 'single')!
    const player = browser()
    const id = await player.start(bank.id)
    const plan = [{ q: cited.id, order: cited.type === 'single' ? cited.choices.map((_, i) => i) : [] }]
    await env.DB.prepare('update attempts set plan = ? where id = ?').bind(JSON.stringify(plan), id).run()
    const verdict = await (await answer(player, id, true, true)).text()
    const results = await (await player.get(`/results/${id}`)).text()
    for (const source of sourcesOf(cited)) {
      expect(verdict).toContain(html(source.title))
      expect(results).toContain(html(source.title))
    }
    expect(verdict).toContain('Sources:')
  })
})

describe('D1 round trips', () => {
  it('costs one read and one batch write per answer, and one write per "Next"', async () => {
    const meter = newMeter()
    const calls = () => ({ reads: meter.reads, writes: meter.writes, batches: meter.batches })
    const player = browser({ ...env, DB: metered(env.DB, meter) })
    const id = await player.start(bank.id)
    const { question, order } = await onScreen(id)
    Object.assign(meter, newMeter())
    const res = await player.post(`/play/${id}/answer`, { position: '0', ...answerForm(question, order) }, { htmx: true })
    expect(res.status).toBe(200)
    expect(calls()).toEqual({ reads: 1, writes: 0, batches: 1 })
    Object.assign(meter, newMeter())
    await player.post(`/play/${id}/next`, { position: '0' }, { htmx: true })
    expect(calls()).toEqual({ reads: 0, writes: 1, batches: 0 })
  })
})

describe('the mixed quiz', () => {
  it('draws across banks and has a leaderboard of its own', async () => {
    expect(await (await browser().get('/')).text()).toContain('Mixed: every bank')
    const player = browser()
    const res = await player.post('/play', { bank: 'mixed', size: '50' }) // a forged length is ignored
    const id = res.headers.get('Location')!.split('/').pop()!
    const { attempt } = await onScreen(id)
    expect(attempt.plan).toHaveLength(10)
    const drawnFrom = new Set(attempt.plan.map((item) => banks.find((b) => b.questions.some((q) => q.id === item.q))!.id))
    expect(drawnFrom.size).toBeGreaterThan(1)
    expect((await player.get('/leaderboard/mixed')).status).toBe(200)
  })
})

describe('answers count once', () => {
  it('gives a repeated submission the same verdict and scores it once', async () => {
    const player = browser()
    const id = await player.start(bank.id)
    const first = await (await answer(player, id, true, true)).text()
    const again = await (await answer(player, id, true, true)).text()
    expect(again).toBe(first)
    expect(await count('select count(*) as n from answers where attempt_id = ?', id)).toBe(1)
    const { attempt } = await onScreen(id)
    expect(attempt.answered).toBe(1)
    expect(attempt.score).toBe(await count('select points as n from answers where attempt_id = ?', id))
  })

  it('scores two simultaneous submissions once', async () => {
    const player = browser()
    const id = await player.start(bank.id)
    const results = await Promise.all([answer(player, id), answer(player, id), answer(player, id, false)])
    expect(results.map((r) => r.status)).toEqual([303, 303, 303])
    expect(await count('select count(*) as n from answers where attempt_id = ?', id)).toBe(1)
    expect((await onScreen(id)).attempt.answered).toBe(1)
  })

  it('moves on once for a double-clicked "Next"', async () => {
    const player = browser()
    const id = await player.start(bank.id)
    await answer(player, id)
    await Promise.all([player.post(`/play/${id}/next`, { position: '0' }), player.post(`/play/${id}/next`, { position: '0' })])
    expect((await onScreen(id)).attempt.cursor).toBe(1)
  })
})

describe('refused requests change nothing', () => {
  const snapshot = (id: string) =>
    env.DB.prepare('select a.*, (select count(*) from answers where attempt_id = a.id) as n from attempts a where id = ?').bind(id).first()

  it('refuses another browser (403)', async () => {
    const id = await browser().start(bank.id)
    const before = await snapshot(id)
    const intruder = browser()
    expect((await intruder.get(`/play/${id}`)).status).toBe(403)
    expect((await answer(intruder, id)).status).toBe(403)
    expect((await intruder.post(`/play/${id}/next`, { position: '0' })).status).toBe(403)
    expect(await snapshot(id)).toEqual(before)
  })

  it('refuses an answer out of turn (409) or for a question past the end', async () => {
    const player = browser()
    const id = await player.start(bank.id)
    const before = await snapshot(id)
    const { question, order } = await onScreen(id, 1)
    const res = await player.post(`/play/${id}/answer`, { position: '1', ...answerForm(question, order) })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('not the one on your screen')
    expect((await player.post(`/play/${id}/answer`, { position: '7', choice: '0' })).status).toBe(409)
    expect(await snapshot(id)).toEqual(before)
  })

  it('refuses a finished attempt and an unknown one', async () => {
    const player = browser()
    const id = await player.start(bank.id)
    for (let i = 0; i < 10; i++) {
      await answer(player, id)
      await player.post(`/play/${id}/next`, { position: String(i) })
    }
    const before = await snapshot(id)
    expect(before).toMatchObject({ answered: 10, n: 10 })
    expect(before!.finished_at).toBeGreaterThan(0)
    const { question, order } = await onScreen(id)
    expect((await player.post(`/play/${id}/answer`, { position: '10', ...answerForm(question, order) })).status).toBe(409)
    expect(await snapshot(id)).toEqual(before)
    expect((await player.get('/play/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404)
    expect((await player.get('/play/not-an-id')).status).toBe(404)
    expect((await player.post('/play', { bank: 'no-such-bank' })).status).toBe(404)
  })

  it('asks again for an empty answer (422) and refuses a choice not offered (400)', async () => {
    const player = browser()
    const id = await player.start(bank.id)
    const before = await snapshot(id)
    const empty = await player.post(`/play/${id}/answer`, { position: '0' })
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('role="alert"')
    const { question } = await onScreen(id)
    const notOffered: Form = {
      single: { choice: '9' },
      multi: { choice: ['0', '9'] },
      truefalse: { choice: 'maybe' },
      order: { 'place-0': '42' },
      typed: { text: ['one', 'two'] },
      numeric: { number: ['1', '2'] },
    }[question.type]
    const forged = await player.post(`/play/${id}/answer`, { position: '0', ...notOffered })
    expect(forged.status).toBe(400)
    expect(await snapshot(id)).toEqual(before)
  })

  it('refuses a garbled multipart body (400), not with a 500', async () => {
    const player = browser()
    const id = await player.start(bank.id)
    const res = await exports.default.fetch(
      new Request(`http://quiz.test/play/${id}/answer`, {
        method: 'POST',
        body: '--x\r\nnot a part',
        headers: { Origin: 'http://quiz.test', 'Content-Type': 'multipart/form-data; boundary=x' },
      }),
    )
    expect(res.status).toBe(400)
  })

  it('refuses a cross-site form post, even one carrying the browser’s own cookies and form token', async () => {
    const player = browser()
    await player.get('/')
    const before = await databaseState()
    // A page on another site cannot read the token, but even with it the origin check alone refuses the post.
    const forged = await player.raw('/play', {
      method: 'POST',
      body: new URLSearchParams({ bank: bank.id, [TOKEN_FIELD]: player.cookies.get('csrf')! }),
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(forged.status).toBe(403)
    expect(await forged.text()).toContain('This form did not come from this site')
    expect(await databaseState()).toBe(before)
  })
})

describe('a question withdrawn from its bank after the quiz began', () => {
  /** Takes the questions at these positions out of the banks, as far as this attempt can tell. */
  const withdraw = (id: string, ...positions: number[]) =>
    env.DB.prepare(
      `update attempts set plan = json_set(plan, ${positions.map((p) => `'$[${p}].q', 'withdrawn-${p}'`).join(', ')}) where id = ?`,
    )
      .bind(id)
      .run()
  const next = (player: ReturnType<typeof browser>, id: string, position: number) =>
    player.post(`/play/${id}/next`, { position: String(position) })
  const skip = (player: ReturnType<typeof browser>, id: string, position: number) =>
    player.post(`/play/${id}/skip`, { position: String(position) })

  it('says so where it would be asked, and goes on with the questions that remain, to the end', async () => {
    const player = browser()
    const id = await player.start(bank.id)
    await answer(player, id)
    await next(player, id, 0)
    await withdraw(id, 1, 9) // the one on screen, and the last
    const page = await (await player.get(`/play/${id}`)).text()
    expect(page).toContain('This question has been withdrawn')
    expect(page).toContain('Question 2 of 10')
    const refused = await player.post(`/play/${id}/answer`, { position: '1', choice: '0' })
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('withdrawn from its bank')

    const skipped = await skip(player, id, 1)
    expect([skipped.status, skipped.headers.get('Location')]).toEqual([303, `/play/${id}`])
    expect(await (await player.get(`/play/${id}`)).text()).toContain('Question 2 of 8')
    // A second tap on "Go on", sent after the first moved the quiz on: nothing changes, and it goes to the quiz.
    const again = await skip(player, id, 1)
    expect([again.status, again.headers.get('Location')]).toEqual([303, `/play/${id}`])
    expect(await (await player.get(`/play/${id}`)).text()).toContain('Question 2 of 8')
    for (let p = 1; p < 8; p++) {
      expect((await answer(player, id)).status).toBe(303)
      if (p < 7) expect((await next(player, id, p)).status).toBe(303)
    }
    const row = await env.DB.prepare('select answered, correct, finished_at from attempts where id = ?')
      .bind(id)
      .first<Record<string, number>>()
    expect(row).toMatchObject({ answered: 8, correct: 8 })
    expect(row!.finished_at).toBeGreaterThan(0)
    expect(await (await browser().get(`/results/${id}`)).text()).toContain('8 of 8 (100%)')
  })

  it('finishes a quiz whose last question went before it was asked', async () => {
    const player = browser()
    const id = await player.start(bank.id)
    for (let p = 0; p < 9; p++) {
      await answer(player, id)
      await next(player, id, p)
    }
    await withdraw(id, 9)
    expect((await skip(player, id, 9)).headers.get('Location')).toBe(`/results/${id}`)
    const row = await env.DB.prepare('select answered, json_array_length(plan) as asked, finished_at from attempts where id = ?')
      .bind(id)
      .first<Record<string, number>>()
    expect(row).toMatchObject({ answered: 9, asked: 9 })
    expect(row!.finished_at).toBeGreaterThan(0)
    expect(await (await browser().get(`/results/${id}`)).text()).toContain('9 of 9 (100%)')
  })

  it('moves past one answered before it went, and ends a quiz whose last question went after its answer', async () => {
    const player = browser()
    const id = await player.start(bank.id)
    await answer(player, id)
    await withdraw(id, 0)
    expect(await (await player.get(`/play/${id}`)).text()).toContain('This question has been withdrawn')
    expect((await skip(player, id, 0)).headers.get('Location')).toBe(`/play/${id}`)
    expect(await (await player.get(`/play/${id}`)).text()).toContain('Question 2 of 10')
    for (let p = 1; p < 10; p++) {
      await answer(player, id)
      if (p < 9) await next(player, id, p)
    }
    await withdraw(id, 9)
    expect(await (await player.get(`/play/${id}`)).text()).toContain('This question has been withdrawn')
    expect((await skip(player, id, 9)).headers.get('Location')).toBe(`/results/${id}`)
    const results = await browser().get(`/results/${id}`)
    expect(results.status).toBe(200)
    expect(await results.text()).toContain('10 of 10 (100%)')
  })
})
