import { env, exports } from 'cloudflare:workers'
import assets from '../../src/generated/assets.json'
import { describe, expect, it, vi } from 'vitest'
import app from '../../src/app.tsx'
import { TOKEN_FIELD } from '../../src/http/forms.ts'
import { STYLESHEETS } from '../../src/views/stylesheets.ts'
import { answerForm, browser, onScreen, ORIGIN, type Browser } from './browser.ts'
import { classByCode, databaseState, join, openClass, playAll } from './fixtures.ts'

describe('secure headers', () => {
  it('sends a script-src self CSP, no framing, no referrer, and HSTS on https', async () => {
    const res = await browser().get('/')
    const csp = res.headers.get('Content-Security-Policy')!
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(await res.text()).not.toMatch(/<script(?![^>]*\ssrc=)/) // no inline script at all
    const secure = await exports.default.fetch(new Request('https://quiz.test/'))
    expect(secure.headers.get('Strict-Transport-Security')).toContain('max-age=')
  })

  it("styles every kind of page inline with its own sheet (a student's, the projector's, a teacher's, the picker's, the report's), allowed by its hash alone, with no stylesheet to wait for", async () => {
    const { teacher, base, code } = await openClass()
    const { student, attemptId } = await join(code, 'Kim')
    const klass = (await classByCode(code))!
    for (const [who, path, look] of [
      [browser(), '/', 'student'],
      [browser(), '/join', 'student'],
      [browser(), `/join/${code}`, 'student'],
      [student, `/play/${attemptId}`, 'student'],
      [browser(), '/no-such-page', 'student'],
      [browser(), `/board/${klass.board_id}`, 'projector'],
      [teacher, base, 'teacher'],
      [teacher, `${base}/report`, 'report'],
      [teacher, '/classes/pick', 'picker'],
      [teacher, '/classes/new', 'teacher'],
    ] as const) {
      const res = await who.get(path)
      const html = await res.text()
      expect(html.startsWith('<!DOCTYPE html><html lang="en">'), path).toBe(true) // standards mode
      expect(res.headers.get('Content-Type'), path).toBe('text/html; charset=UTF-8')
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1])
      expect(styles, path).toEqual([STYLESHEETS[look]])
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(styles[0]))
      const hash = `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`
      expect(styles[0].length, path).toBeGreaterThan(1000)
      // ASCII only (the build escapes the rest): one wider character would make every page two bytes a character to encode.
      expect(styles[0], path).toMatch(/^[\x20-\x7e]*$/)
      const styleSrc = res.headers
        .get('Content-Security-Policy')!
        .match(/style-src ([^;]*);/)![1]
        .split(' ')
      expect(styleSrc, path).toContain(hash)
      expect(
        styleSrc.every((source) => source.startsWith("'sha256-")),
        path,
      ).toBe(true) // never 'unsafe-inline'
      expect(html, path).not.toContain('rel="stylesheet"')
    }
    // A student's page carries none of the teacher's, the projector's, the picker's or the report's rules.
    for (const sheet of ['teacher', 'projector', 'picker', 'report'] as const)
      expect(STYLESHEETS.student).not.toContain(assets.sheets[sheet])
  })

  it('sets cookies HttpOnly and SameSite=Lax, and Secure with a __Host- name on https', async () => {
    const player = browser()
    const page = await player.get('/')
    expect(page.headers.get('Set-Cookie')).toMatch(/^csrf=[\w-]{43};.*HttpOnly;.*SameSite=Lax/)
    const start = await player.post('/play', { bank: 'race-2018' })
    expect(start.headers.get('Set-Cookie')).toMatch(/^player=[\w-]{43};.*HttpOnly;.*SameSite=Lax/)
    const secure = await exports.default.fetch(new Request('https://quiz.test/'))
    expect(secure.headers.get('Set-Cookie')).toMatch(/^__Host-csrf=[\w-]{43};.*Path=\/;.*HttpOnly;.*Secure;.*SameSite=Lax/)
  })
})

describe('caches and links', () => {
  it('lets no cache keep a page that holds a secret or a form token, and says what a page varies on', async () => {
    const { teacher, base, code } = await openClass()
    const { student, attemptId } = await join(code, 'Kim')
    for (const [who, path] of [
      [teacher, base],
      [teacher, `${base}/results.csv`],
      [teacher, `${base}/answers.csv`],
      [teacher, `${base}/report`],
      [teacher, `${base}/rounds/new`],
      [student, `/play/${attemptId}`],
      [student, `/join/${code}`],
      [browser(), '/'],
      [browser(), '/no-such-page'],
    ] as const) {
      const res = await who.get(path)
      expect(res.headers.get('Cache-Control'), path).toBe('no-store')
      expect(res.headers.get('Vary'), path).toMatch(/HX-Request, HX-Request-Type/)
    }
  })

  it('builds join, projector and share links from the configured public address, not the Host header', async () => {
    const configured = { ...env, PUBLIC_ORIGIN: 'https://quiz.example.org' }
    const { code } = await openClass()
    const klass = (await classByCode(code))!
    const forged = await app.fetch(new Request(`http://evil.example/board/${klass.board_id}`), configured)
    const page = await forged.text()
    expect(page).toContain('quiz.example.org/join')
    expect(page).toContain(`https://quiz.example.org/join/${code}`)
    expect(page).not.toContain('evil.example')
  })
})

describe('cross-site requests', () => {
  it('writes the form token into every form of every page and fragment, and refuses a post without it or with another', async () => {
    const { teacher, base, code } = await openClass()
    const { student, attemptId } = await join(code, 'Ana')
    const pages: [Browser, string, Record<string, string>?][] = [
      [teacher, '/'],
      [teacher, '/classes/new'],
      [teacher, base],
      [teacher, `${base}/delete`],
      [teacher, `${base}/rounds/new`],
      [browser(), `/join/${code}`],
      [student, `/play/${attemptId}`],
      [student, `/play/${attemptId}`, { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }],
    ]
    for (const [who, path, headers] of pages) {
      const html = await (await who.get(path, headers)).text()
      const forms = html.match(/<form method="post"[^>]*>/g) ?? []
      expect(forms.length, path).toBeGreaterThan(0)
      expect(html.split(`name="${TOKEN_FIELD}" value="${who.cookies.get('csrf')}"`).length - 1, path).toBe(forms.length)
    }
    const { question, order } = await onScreen(attemptId!)
    const verdict = await (
      await student.post(`/play/${attemptId}/answer`, { position: '0', ...answerForm(question, order) }, { htmx: true })
    ).text()
    expect(verdict).toContain(`name="${TOKEN_FIELD}" value="${student.cookies.get('csrf')}"`) // the "Next" form of the swapped-in verdict

    const player = browser()
    await player.get('/')

    const before = await databaseState()
    expect((await player.post('/play', { bank: 'race-2018' }, { token: false })).status).toBe(403)
    expect((await player.post('/play', { bank: 'race-2018', [TOKEN_FIELD]: 'x'.repeat(43) })).status).toBe(403)
    expect((await player.post('/play', { bank: 'race-2018', [TOKEN_FIELD]: browser().cookies.get('csrf') ?? '' })).status).toBe(403)
    expect(await databaseState()).toBe(before)
  })

  it('gives a browser without the cookie one with its refusal, so reloading the page mends the form', async () => {
    const res = await browser().post('/play', { bank: 'race-2018', [TOKEN_FIELD]: 'x'.repeat(43) }, { token: false }) // no page fetched first
    expect(res.status).toBe(403)
    expect(res.headers.get('Set-Cookie')).toMatch(/^csrf=[\w-]{43};/)
    expect(await res.text()).toContain('reload the page')
  })

  it('refuses a post from another origin, a cross-site fetch, one that names no origin, and anything but a form', async () => {
    const player = browser()
    await player.get('/')
    const body = () => new URLSearchParams({ bank: 'race-2018', [TOKEN_FIELD]: player.cookies.get('csrf')! })
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' }
    const before = await databaseState()
    for (const headers of [
      { ...form, Origin: 'https://evil.example' },
      { ...form, Origin: 'null' },
      { ...form, 'Sec-Fetch-Site': 'cross-site' },
      { ...form, 'Sec-Fetch-Site': 'same-site', Origin: 'http://sub.quiz.test' },
      form, // neither Origin nor Sec-Fetch-Site
    ])
      expect((await player.raw('/play', { method: 'POST', body: body(), headers })).status, JSON.stringify(headers)).toBe(403)
    for (const type of ['application/json', 'text/plain', 'application/xml', ''])
      expect(
        (await player.raw('/play', { method: 'POST', body: '{"bank":"race-2018"}', headers: { Origin: ORIGIN, 'Content-Type': type } }))
          .status,
        type,
      ).toBe(415)
    expect(await databaseState()).toBe(before)
    // The same form from this site goes through.
    expect(
      (await player.raw('/play', { method: 'POST', body: body(), headers: { ...form, 'Sec-Fetch-Site': 'same-origin' } })).status,
    ).toBe(303)
  })

  it('never changes anything on a GET', async () => {
    const { teacher, base, code } = await openClass()
    const { student, attemptId } = await join(code, 'Ana')
    const before = await databaseState()
    for (const path of [
      `${base}/close`,
      `${base}/delete`,
      `${base}/students/${attemptId}/remove`,
      `${base}/rounds`,
      `/results/${attemptId}/round`,
      `/play/${attemptId}/next`,
      `/join/${code}`,
      '/play',
    ])
      expect((await teacher.get(path)).status, path).toBeLessThan(500)
    await student.get(`/play/${attemptId}`)
    expect(await databaseState()).toBe(before)
  })
})

describe("teacher links and other people's data", () => {
  it('keeps a student out of every teacher URL and another class, whatever ids they put in', async () => {
    const mine = await openClass()
    const other = await openClass()
    const ana = await join(mine.code, 'Ana')
    const ola = await join(other.code, 'Ola')
    const klass = (await classByCode(mine.code))!
    const before = await databaseState()
    const guesses = [ana.attemptId!, klass.id, klass.board_id, mine.code, klass.teacher_hash, 'x'.repeat(43), other.secret.slice(1) + 'A']
    for (const guess of guesses) {
      for (const path of ['', '/results.csv', '/delete', '/rounds/new', '/report', '/report?round=1', '/answers.csv'])
        expect((await ana.student.get(`/teach/${guess}${path}`)).status, `${guess}${path}`).toBe(404)
      for (const path of ['/close', '/open', '/hide-names', '/delete', '/rounds', `/students/${ola.attemptId}/remove`])
        expect(
          (await ana.student.post(`/teach/${guess}${path}`, { confirm: 'delete', round: '2', banks: 'race-2018', size: '1', mode: 'self' }))
            .status,
          `${guess}${path}`,
        ).toBe(404)
    }
    // A real teacher link cannot reach a student of another class.
    for (const action of ['remove', 'block', 'rename', 'extra-time'])
      expect(
        (await mine.teacher.post(`${mine.base}/students/${ola.attemptId}/${action}`, { nickname: 'Renamed', on: 'true' })).status,
        action,
      ).toBe(404)
    // Nor can a student answer or read another student's quiz, or reach a board by its code.
    expect((await ana.student.get(`/play/${ola.attemptId}`)).status).toBe(403)
    expect((await ana.student.post(`/play/${ola.attemptId}/answer`, { position: '0', choice: '0' })).status).toBe(403)
    expect((await ana.student.get(`/board/${mine.code}`)).status).toBe(404)
    expect((await ana.student.get(`/board/${klass.teacher_hash}`)).status).toBe(404)
    // The projector's address reaches no report, nor the student's own results.
    for (const path of [`/board/${klass.board_id}/report`, `/board/${klass.board_id}/answers.csv`, `/results/${ana.attemptId}/report`])
      expect((await ana.student.get(path)).status, path).toBe(404)
    expect(await databaseState()).toBe(before)
  })

  it('never shows the teacher link on the board, results, leaderboards or in the export, nor logs it', async () => {
    const { teacher, base, code, secret } = await openClass()
    const { student, attemptId } = await join(code, 'Ana')
    await playAll(student, attemptId!)
    const klass = (await classByCode(code))!
    for (const path of [
      `/board/${klass.board_id}`,
      `/board/${klass.board_id}/rows`,
      `/results/${attemptId}`,
      '/leaderboard/race-2018',
      `/join/${code}`,
    ])
      expect(await (await student.get(path)).text(), path).not.toContain(secret)
    expect(await (await teacher.get(`${base}/results.csv`)).text()).not.toContain(secret)
    expect(await (await teacher.get(`${base}/answers.csv`)).text()).not.toContain(secret)

    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failing = {
      ...env,
      DB: {
        prepare: () => {
          throw new Error('D1_ERROR: Network connection lost.')
        },
        batch: () => Promise.reject(new Error('D1_ERROR: Network connection lost.')),
      } as unknown as D1Database,
    }
    expect((await browser(failing).get(base)).status).toBe(503)
    expect(log).toHaveBeenCalled()
    expect(JSON.stringify(log.mock.calls)).not.toContain(secret)
    log.mockRestore()
  })
})

describe('what people type', () => {
  it('is escaped on every page that shows it, and defused in the CSV', async () => {
    const name = '<script>alert("c")</script>'
    const { teacher, base, code } = await openClass({ name })
    const nick = '<b onclick=x>Hi</b>'
    const { student, attemptId } = await join(code, nick)
    await playAll(student, attemptId!)
    const klass = (await classByCode(code))!
    const solo = browser()
    const soloId = await solo.start('race-2018')
    for (let i = 0; i < 10; i++) {
      const { question, order } = await onScreen(soloId)
      await solo.post(`/play/${soloId}/answer`, { position: String(i), ...answerForm(question, order) })
      await solo.post(`/play/${soloId}/next`, { position: String(i) })
    }
    expect((await solo.post(`/results/${soloId}/nickname`, { nickname: '"><svg onload=x>' })).status).toBe(303)
    for (const [who, path] of [
      [teacher, base],
      [teacher, `${base}/report`],
      [student, `/play/${attemptId}`],
      [student, `/results/${attemptId}`],
      [student, `/board/${klass.board_id}`],
      [student, `/board/${klass.board_id}/rows`],
      [solo, `/results/${soloId}`],
      [solo, '/leaderboard/race-2018'],
    ] as const) {
      const html = await (await who.get(path)).text()
      expect(html, path).not.toContain('<script>alert')
      expect(html, path).not.toContain('<b onclick')
      expect(html, path).not.toContain('<svg onload')
    }
    expect(await (await teacher.get(base)).text()).toContain('&lt;b onclick=x&gt;Hi&lt;/b&gt;')
    // The leaderboard writes its rows with hono's html template, not JSX: escaped all the same.
    expect(await (await solo.get('/leaderboard/race-2018')).text()).toContain('&quot;&gt;&lt;svg onload=x&gt;<strong> (you)</strong>')
    const joined = await join(code, '=1+2')
    expect(joined.res.status).toBe(303)
    await playAll(joined.student, joined.attemptId!)
    expect(await (await teacher.get(`${base}/results.csv`)).text()).toContain(`"'=1+2"`)
    expect(await (await teacher.get(`${base}/answers.csv`)).text()).toContain(`"'=1+2","1"`)
  })
})

/**
 * Sends until a 429. The binding counts in fixed windows, so a burst that straddles two may
 * pass up to twice the limit: expect at least `limit` to pass, and a refusal by 2 × limit + 1.
 */
async function untilRefused(limit: number, send: (i: number) => Promise<Response>): Promise<{ passed: number[]; refused: Response }> {
  const passed: number[] = []
  for (let i = 0; i <= 2 * limit; i++) {
    const res = await send(i)
    if (res.status === 429) {
      expect(passed.length).toBeGreaterThanOrEqual(limit)
      return { passed, refused: res }
    }
    passed.push(res.status)
  }
  throw new Error(`no 429 after ${2 * limit + 1} requests`)
}

/** A different nickname for each number, of consonants only: digits read as leetspeak can spell a word the filter refuses. */
const seatName = (i: number) => `Seat ${[...i.toString(8)].map((d) => 'bhjmwxyz'[Number(d)]).join('')}`

/** A well-formed code no class has (ZZZZ and two letters). */
const wrong = (i: number) =>
  `ZZZZ${String(i)
    .padStart(2, 'Z')
    .replace(/\d/g, (d) => 'ABCDEFGHJK'[Number(d)])}`

/**
 * Waits, if need be, for a limit's next window: the emulator's windows are aligned to the clock, so
 * a test that ran across the turn of one would see its count start again. `needs`: the seconds
 * the test may take.
 */
async function freshWindow(needs: number, period = 60) {
  const left = period * 1000 - (Date.now() % (period * 1000))
  if (left < needs * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50))
}

describe('rate limits', () => {
  it('answers a burst of new classes from one address with 429 and Retry-After, and opens none of them', async () => {
    await freshWindow(10)
    const teacher = browser()
    const form = { name: 'Burst', banks: 'race-2018', size: '3', scoring: 'speed', naming: 'chosen' }
    let before = ''
    const { passed, refused } = await untilRefused(10, async () => {
      before = await databaseState()
      return teacher.post('/classes', form)
    })
    expect(passed.every((s) => s === 303)).toBe(true)
    expect(refused.headers.get('Retry-After')).toBe('60')
    expect(await refused.text()).toContain('wait a minute')
    expect(await databaseState()).toBe(before)
    expect((await browser().post('/classes', form)).status).toBe(303) // another address is not held up
  }, 30_000)

  it('stops a code guesser after about 30 misses, and then refuses every code, right or wrong', async () => {
    await freshWindow(15)
    const { code } = await openClass()
    const guesser = browser()
    const { passed, refused } = await untilRefused(30, (i) => guesser.get(`/join/${wrong(i)}`))
    expect(passed.every((s) => s === 404)).toBe(true)
    expect(refused.headers.get('Retry-After')).toBe('60')
    expect(await refused.text()).toContain('Too many class codes')
    expect((await guesser.get(`/join/${code}`)).status).toBe(429) // a right guess now looks just like a wrong one
    expect((await browser().get(`/join/${code}`)).status).toBe(200)
  }, 30_000)

  it('charges one browser’s misses to that browser, not to the classmates who share its address', async () => {
    await freshWindow(15)
    const { code } = await openClass()
    const address = '10.66.66.66'
    const guesser = browser(undefined, { address })
    await guesser.get('/join') // the join page, as a person arrives: the browser has its cookie
    const { refused } = await untilRefused(30, (i) => guesser.get(`/join/${wrong(i)}`))
    expect(refused.status).toBe(429)
    const classmate = browser(undefined, { address })
    await classmate.get('/join')
    expect((await classmate.get(`/join/${code}`)).status).toBe(200)
  }, 30_000)

  it('stops a guesser that drops its cookies by its address', async () => {
    await freshWindow(15)
    const { code } = await openClass()
    const address = '10.67.67.67'
    const { passed, refused } = await untilRefused(30, (i) => browser(undefined, { address }).get(`/join/${wrong(i)}`))
    expect(passed.every((s) => s === 404)).toBe(true)
    expect(refused.status).toBe(429)
    expect((await browser(undefined, { address }).get(`/join/${code}`)).status).toBe(429)
    // A classmate who came by the join page has a cookie of their own, and goes through.
    const classmate = browser(undefined, { address })
    await classmate.get('/join')
    expect((await classmate.get(`/join/${code}`)).status).toBe(200)
  }, 30_000)

  it('stops a guesser that makes up a new cookie for every guess by its address, far above what a hall joining asks', async () => {
    await freshWindow(40)
    const { code } = await openClass()
    const address = '10.68.68.68'
    // Each guess from a browser that was never here, with a well-formed form token of its own making.
    const madeUp = (i: number) => {
      const guesser = browser(undefined, { address })
      guesser.cookies.set('csrf', String(i).padStart(43, 'x'))
      return guesser
    }
    // 10,000 a minute (CODE_ADDRESS_LIMIT), each miss costing 31: about 320 misses. Twenty at a
    // time, so that they fall within the limit's minute even on a busy machine.
    const statuses: number[] = []
    let next = 0
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < 700 && !statuses.includes(429)) {
          const i = next++
          statuses.push((await madeUp(i).get(`/join/${wrong(i)}`)).status)
        }
      }),
    )
    expect(statuses).toContain(429)
    expect(new Set(statuses)).toEqual(new Set([404, 429]))
    const missed = statuses.filter((s) => s === 404).length
    expect(missed).toBeGreaterThanOrEqual(315)
    expect(missed).toBeLessThan(330 + 20) // and those in flight as the limit met them
    expect((await madeUp(-1).get(`/join/${code}`)).status).toBe(429) // a right guess looks just like a wrong one
    // Only that address waits: the price of a script on a school's network, which typing by hand never pays.
    expect((await browser().get(`/join/${code}`)).status).toBe(200)
  }, 120_000)

  it('limits quizzes started from one address, which a whole class behind one school network fits under', async () => {
    await freshWindow(20)
    const address = '10.99.99.99'
    const { passed } = await untilRefused(300, async () => browser(undefined, { address }).post('/play', { bank: 'race-2018' }))
    expect(passed.every((s) => s === 303)).toBe(true)
  }, 60_000)

  it('caps the seats one address takes in one class, far above a real class: a flood meets it, other classes do not', async () => {
    const flooded = await openClass()
    const other = await openClass()
    const address = '10.98.98.98'
    // As fast as 25 at a time go: faster than 60 a second, so the cap meets them within one 10-second window.
    const statuses: number[] = []
    const refusals: Response[] = []
    let next = 0
    await Promise.all(
      Array.from({ length: 25 }, async () => {
        while (next < 1_250 && refusals.length === 0) {
          const { res } = await join(flooded.code, seatName(next++), browser(undefined, { address }))
          statuses.push(res.status)
          if (res.status === 429) refusals.push(res)
        }
      }),
    )
    expect(refusals.length).toBeGreaterThan(0)
    expect(statuses.filter((s) => s === 303).length).toBeGreaterThanOrEqual(600)
    expect(statuses.filter((s) => s !== 303 && s !== 429)).toEqual([])
    expect(refusals[0].headers.get('Retry-After')).toBe('10')
    expect((await join(other.code, 'Elsewhere', browser(undefined, { address }))).res.status).toBe(303)
  }, 90_000)

  it('limits answers per quiz to what a person can send, and a refused one is not lost', async () => {
    const player = browser()
    const id = await player.start('race-2018')
    const { question, order } = await onScreen(id)
    const form = { position: '0', ...answerForm(question, order) }
    const { passed, refused } = await untilRefused(30, () => player.post(`/play/${id}/answer`, form))
    expect(passed.every((s) => s === 303)).toBe(true)
    expect(refused.headers.get('Retry-After')).toBe('10')
    const { attempt } = await onScreen(id)
    expect(attempt.answered).toBe(1)
  })

  it("does not let another browser use up a player's allowance", async () => {
    const player = browser()
    const id = await player.start('race-2018')
    const intruder = browser()
    await untilRefused(30, () => intruder.post(`/play/${id}/answer`, { position: '0', choice: '0' }))
    const { question, order } = await onScreen(id)
    expect((await player.post(`/play/${id}/answer`, { position: '0', ...answerForm(question, order) })).status).toBe(303)
  })
})
