// Shared set-ups for route tests: a class opened through its form, students joined through
// theirs, and the whole database as one value, to prove that a refused request changed nothing.
import { env } from 'cloudflare:workers'
import { expect } from 'vitest'
import { answerForm, browser, onScreen, ORIGIN, type Browser, type Form } from './browser.ts'

export const classByCode = (code: string) =>
  env.DB.prepare('select * from classes where code = ?').bind(code).first<Record<string, unknown>>()

/** Opens a class through the form; returns the teacher's browser, base URL, secret and join code. */
export async function openClass(fields: Form = {}) {
  const teacher = browser()
  const res = await teacher.post('/classes', {
    name: 'Year 11, Tuesday',
    banks: 'race-2018',
    size: '3',
    scoring: 'speed',
    naming: 'chosen',
    ...fields,
  })
  expect(res.status).toBe(303)
  const base = new URL(res.headers.get('Location')!, ORIGIN).pathname
  const page = await (await teacher.get(base)).text()
  const code = page.match(/class="big-code">([A-Z0-9]{6})</)![1]
  return { teacher, base, code, secret: base.split('/').pop()! }
}

export async function join(code: string, nickname?: string, student: Browser = browser()) {
  const res = await student.post(`/join/${code}`, nickname === undefined ? {} : { nickname })
  return { student, res, attemptId: res.headers.get('Location')?.match(/\/(?:play|live)\/(.+)$/)?.[1] }
}

/** Plays a class attempt to the end, right or wrong per question. */
export async function playAll(student: Browser, attemptId: string, right: (i: number) => boolean = () => true) {
  const { attempt } = await onScreen(attemptId)
  for (let i = 0; i < attempt.plan.length; i++) {
    const { question, order } = await onScreen(attemptId)
    await student.post(`/play/${attemptId}/answer`, { position: String(i), ...answerForm(question, order, right(i)) })
    await student.post(`/play/${attemptId}/next`, { position: String(i) })
  }
}

const TABLES = ['attempts', 'answers', 'classes', 'students', 'class_blocks']

/** Every row of every table, in a stable order: equal before and after means nothing changed. */
export async function databaseState(): Promise<string> {
  const results = await env.DB.batch(TABLES.map((t) => env.DB.prepare(`select * from ${t} order by rowid`)))
  return JSON.stringify(results.map((r) => r.results))
}

/** The sums that must always hold: each attempt's totals are the sums of its answers. */
export async function totalsDisagree(): Promise<unknown[]> {
  const { results } = await env.DB.prepare(
    // The sums get names no column has: in HAVING, SQLite reads a bare `points` as answers.points of one row.
    `select a.id, a.score, a.answered, a.correct, count(n.position) as given, coalesce(sum(n.points), 0) as points_sum,
       coalesce(sum(n.credit = 1), 0) as right_sum
     from attempts a left join answers n on n.attempt_id = a.id group by a.id
     having a.score <> points_sum or a.answered <> given or a.correct <> right_sum`,
  ).all()
  return results
}
