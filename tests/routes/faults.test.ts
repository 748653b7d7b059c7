// Faults: D1 failing under the app, and a network that drops responses. The player sees a
// 503 page with a button that sends the same thing again, and no score is lost or counted twice.
import { env } from 'cloudflare:workers'
import { describe, expect, it, vi } from 'vitest'
import { answerForm, browser, onScreen, type Browser, type Form } from './browser.ts'
import { databaseState, openClass, totalsDisagree } from './fixtures.ts'

const LOST = 'D1_ERROR: Network connection lost.'

/** D1 as the app sees it when reads, batches or both fail; `afterCommit` fails a batch once it has run. */
function failingD1(fail: { reads?: boolean; batches?: boolean; afterCommit?: boolean; error?: string }): D1Database {
  const error = () => new Error(fail.error ?? LOST)
  return new Proxy(env.DB, {
    get(target, prop) {
      if (prop === 'prepare' && fail.reads)
        return () => {
          throw error()
        }
      if (prop === 'batch' && (fail.batches || fail.afterCommit))
        return async (stmts: D1PreparedStatement[]) => {
          if (fail.afterCommit) await target.batch(stmts)
          throw error()
        }
      const value = Reflect.get(target, prop, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** The same browser (cookies and address) against a Worker whose D1 fails as told. */
function withFailingD1(healthy: Browser, fail: Parameters<typeof failingD1>[0]) {
  const broken = browser({ ...env, DB: failingD1(fail) })
  for (const [k, v] of healthy.cookies) broken.cookies.set(k, v)
  return broken
}

/** The retry form of a 503 page: its action and its fields, as a browser would submit them. */
function retryForm(html: string): { action: string; form: Form } {
  const form = html.match(/<form method="post" action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/)!
  const fields: Form = {}
  for (const [, name, value] of form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    const decoded = value
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
    fields[name] = name in fields ? [fields[name]].flat().concat(decoded) : decoded
  }
  return { action: form[1], form: fields }
}

describe('when D1 fails', () => {
  it('shows a 503 page with a retry button, no stack trace, and writes nothing', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const player = browser()
    const id = await player.start('race-2018')
    const { question, order } = await onScreen(id)
    const before = await databaseState()

    const down = withFailingD1(player, { reads: true, batches: true })
    const page = await down.get(`/play/${id}`)
    expect(page.status).toBe(503)
    expect(page.headers.get('Retry-After')).toBe('5')
    const html = await page.text()
    expect(html).toContain('could not reach the scores database')
    expect(html).toContain(`href="/play/${id}">Try again</a>`)
    expect(html).toContain('<meta http-equiv="refresh" content="5"/>') // and by itself, JavaScript or not
    expect(html).not.toMatch(/D1_ERROR|at \w+ \(|\.tsx?:\d+/)

    const answer = { position: '0', ...answerForm(question, order) }
    const posted = await withFailingD1(player, { batches: true }).post(`/play/${id}/answer`, answer)
    expect(posted.status).toBe(503)
    const retry = retryForm(await posted.text())
    expect(retry.action).toBe(`/play/${id}/answer`)
    expect(await databaseState()).toBe(before)

    // D1 is back: the retry button sends the same answer, and it counts once.
    const again = await player.post(retry.action, retry.form)
    expect(again.status).toBe(303)
    expect((await onScreen(id)).attempt.answered).toBe(1)
    expect(await totalsDisagree()).toEqual([])
    expect(log).toHaveBeenCalled()
    log.mockRestore()
  })

  it('calls a D1 error that a retry would only repeat a 500, not a 503', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const player = browser()
    const id = await player.start('race-2018')
    const res = await withFailingD1(player, { reads: true, error: 'D1_ERROR: no such column: cursor: SQLITE_ERROR' }).get(`/play/${id}`)
    expect(res.status).toBe(500)
    expect(res.headers.get('Retry-After')).toBeNull()
    expect(await res.text()).not.toContain('no such column')
    log.mockRestore()
  })

  it('keeps the projector polling through a failed refresh', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { code } = await openClass()
    const board = String((await env.DB.prepare('select board_id from classes where code = ?').bind(code).first('board_id'))!)
    const page = await (await browser().get(`/board/${board}`)).text()
    expect(page).toContain('hx-status:5xx="swap:none"') // a 503 to the poll leaves the last ranking up
    const poll = await browser({ ...env, DB: failingD1({ reads: true }) }).get(`/board/${board}/rows`, {
      'HX-Request': 'true',
      'HX-Request-Type': 'partial',
    })
    expect(poll.status).toBe(503)
    expect(await poll.text()).not.toContain('Try again</a>') // no link to a bare fragment
    log.mockRestore()
  })

  it('answers htmx with a 503 fragment', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const player = browser()
    const id = await player.start('race-2018')
    const res = await withFailingD1(player, { reads: true }).post(`/play/${id}/next`, { position: '0' }, { htmx: true })
    expect(res.status).toBe(503)
    const html = await res.text()
    expect(html).not.toContain('<html')
    expect(html).toContain('Try again')
    log.mockRestore()
  })

  it('leaves no half-joined student when the join batch fails', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { code } = await openClass()
    const student = browser()
    await student.get(`/join/${code}`)
    const before = await databaseState()
    const res = await withFailingD1(student, { batches: true }).post(`/join/${code}`, { nickname: 'Ana' })
    expect(res.status).toBe(503)
    expect(await databaseState()).toBe(before)
    const retry = retryForm(await res.text())
    expect(retry.form.nickname).toBe('Ana')
    expect((await student.post(retry.action, retry.form)).status).toBe(303)
    log.mockRestore()
  })
})

describe('when the network drops a response', () => {
  it('gives the resubmitted answer the same verdict and scores it once', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const player = browser()
    const id = await player.start('race-2018')
    const { question, order } = await onScreen(id)
    const answer = { position: '0', ...answerForm(question, order) }
    // The answer is stored, but the player never hears back (here: D1's reply is lost).
    expect((await withFailingD1(player, { afterCommit: true }).post(`/play/${id}/answer`, answer, { htmx: true })).status).toBe(503)
    const stored = await env.DB.prepare('select points from answers where attempt_id = ?').bind(id).first<{ points: number }>()
    expect(stored).not.toBeNull()
    // They send it again, and again: the same verdict, the same points, counted once.
    const first = await (await player.post(`/play/${id}/answer`, answer, { htmx: true })).text()
    const second = await (await player.post(`/play/${id}/answer`, answer, { htmx: true })).text()
    expect(first).toContain('Correct')
    expect(second).toBe(first)
    const { attempt } = await onScreen(id)
    expect(attempt).toMatchObject({ answered: 1, score: stored!.points })
    expect(await totalsDisagree()).toEqual([])
    log.mockRestore()
  })
})
