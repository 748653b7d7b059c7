// A class of simulated students against a running game: a teacher opens a class, N students
// join and answer every question, some double-submitting and some resending after a "lost"
// response. Then the database is checked: every accepted answer stored exactly once, every
// total equal to the sum of its answers, and the teacher's export in agreement.
import type { LocalServer } from '../harness/wrangler-dev.ts'
import { checkStored, Client, numbered, patiently, percentile, type Sample, sendLikeAPerson } from './client.ts'

export type LoadOptions = {
  students: number
  concurrency: number
  /** Share of answers sent twice at once (a double click). */
  doubleShare: number
  /** Share of answers whose response is "lost" and which are sent again. */
  retryShare: number
  /** The whole run must end by then. */
  deadlineMs: number
  random?: () => number
}

export type LoadReport = {
  students: number
  finished: number
  requests: number
  seconds: number
  byStatus: Record<string, number>
  errors: number
  latency: { p50: number; p90: number; p99: number; max: number }
  accepted: number
  doubled: number
  retried: number
  stored: number
  lost: number
  phantom: number
  totalsWrong: number
  exportWrong: number
  problems: string[]
}

/** A random answer to the question form on the page, as a student would fill it in. */
function fillIn(html: string, random: () => number): [string, string][] {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]
  const choices = [...html.matchAll(/<input type="(radio|checkbox)" name="choice" value="([^"]+)"/g)]
  if (choices.length && choices[0][1] === 'radio') return [['choice', pick(choices)[2]]]
  if (choices.length) return choices.filter((_, i) => i === 0 || random() < 0.5).map((m) => ['choice', m[2]])
  const places = [...html.matchAll(/<select id="place-(\d+)"/g)].map((m) => m[1])
  if (places.length) {
    const order = places.map((_, i) => i + 1).sort(() => random() - 0.5)
    return places.map((p, i) => [`place-${p}`, String(order[i])])
  }
  if (html.includes('name="text"')) return [['text', pick(['Vitorino', 'Amy Pope', 'Ken Isaacs', 'Geneva', 'no idea'])]]
  if (html.includes('name="number"')) return [['number', String(1950 + Math.floor(random() * 80))]]
  throw new Error('no question form on the page')
}

type Student = { nickname: string; attemptId?: string; accepted: Set<number>; finished: boolean; problem?: string }

async function playStudent(
  base: string,
  code: string,
  s: Student,
  o: Required<LoadOptions>,
  samples: Sample[],
  counts: { doubled: number; retried: number },
  deadline: number,
) {
  const client = new Client(base, samples)
  const htmx = o.random() < 0.5 // half play with htmx (fragments), half without JavaScript (redirects)
  await client.get(`/join/${code}`)
  const joined = await patiently(() => client.post(`/join/${code}`, [['nickname', s.nickname]]), deadline)
  const id = joined.location?.match(/^\/play\/([\w-]{22})$/)?.[1]
  if (!id) return void (s.problem = `join gave ${joined.status}`)
  s.attemptId = id
  let page = (await client.get(`/play/${id}`, htmx)).html
  for (let guard = 0; guard < 100 && Date.now() < deadline; guard++) {
    const position = Number(page.match(/action="\/play\/[\w-]+\/answer"[\s\S]*?name="position" value="(\d+)"/)?.[1] ?? NaN)
    if (Number.isNaN(position)) return void (s.problem = `no question on the page (question ${s.accepted.size + 1})`)
    const fields: [string, string][] = [['position', String(position)], ...fillIn(page, o.random)]
    const send = () => patiently(() => client.post(`/play/${id}/answer`, fields, htmx), deadline)
    const replies = await sendLikeAPerson(send, o, counts)
    const taken = replies.find((r) => r.status === (htmx ? 200 : 303))
    if (!taken) return void (s.problem = `answer ${position + 1} gave ${replies.map((r) => r.status).join(', ')}`)
    s.accepted.add(position)
    const verdict = htmx ? taken.html : (await client.get(`/play/${id}`)).html
    if (verdict.includes(`href="/results/${id}"`)) return void (s.finished = true)
    const next = await patiently(() => client.post(`/play/${id}/next`, [['position', String(position)]], htmx), deadline)
    page = htmx ? next.html : (await client.get(`/play/${id}`)).html
  }
  s.problem ??= 'ran out of time'
}

/** Opens a class, plays it with N students at the given concurrency, and checks the database. */
export async function runLoad(server: LocalServer, options: LoadOptions): Promise<LoadReport> {
  const o = { random: Math.random, ...options }
  const deadline = Date.now() + o.deadlineMs
  const samples: Sample[] = []
  const teacher = new Client(server.url, samples)
  await teacher.get('/classes/new')
  const opened = await teacher.post('/classes', [
    ['name', 'Load test'],
    ['banks', 'race-2018'],
    ['size', '10'],
    ['scoring', 'speed'],
    ['naming', 'chosen'],
  ])
  const teacherPath = opened.location
  if (opened.status !== 303 || !teacherPath) throw new Error(`could not open a class: ${opened.status}`)
  const code = (await teacher.get(teacherPath)).html.match(/class="big-code">([A-Z0-9]{6})</)![1]

  const started = performance.now()
  samples.length = 0 // count the students' requests only
  const students: Student[] = Array.from({ length: o.students }, (_, i) => ({
    nickname: numbered('Student', i),
    accepted: new Set(),
    finished: false,
  }))
  const counts = { doubled: 0, retried: 0 }
  let next = 0
  const worker = async () => {
    while (next < students.length) {
      const s = students[next++]
      await playStudent(server.url, code, s, o, samples, counts, deadline).catch((e) => (s.problem = String(e)))
    }
  }
  await Promise.all(Array.from({ length: Math.min(o.concurrency, o.students) }, worker))
  const seconds = (performance.now() - started) / 1000
  const playSamples = [...samples]

  // The database, read directly: what was stored against what the students saw accepted.
  const { rows: stored, stored: storedCount, lost, phantom, totalsWrong } = checkStored(server, students)
  const problems = students.filter((s) => s.problem).map((s) => `${s.nickname}: ${s.problem}`)

  // The teacher's export ranks the class: it must agree with the database, row for row.
  const csv = (await teacher.get(`${teacherPath}/results.csv`)).html
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .slice(1)
  const exported = new Map(csv.map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, ''))).map((c) => [c[1], Number(c[2])]))
  let exportWrong = Math.abs(exported.size - stored.length)
  for (const r of stored) if (exported.get(String(r.nickname)) !== r.score) exportWrong++
  const points = [...exported.values()]
  if (points.some((p, i) => i > 0 && p > points[i - 1])) problems.push('the export is not in order of points')

  const byStatus: Record<string, number> = {}
  for (const { status } of playSamples) byStatus[status] = (byStatus[status] ?? 0) + 1
  const ms = playSamples.map((x) => x.ms).sort((a, b) => a - b)
  return {
    students: o.students,
    finished: students.filter((s) => s.finished).length,
    requests: playSamples.length,
    seconds,
    byStatus,
    errors: playSamples.filter((x) => x.status >= 400 && x.status !== 429).length,
    latency: { p50: percentile(ms, 50), p90: percentile(ms, 90), p99: percentile(ms, 99), max: ms.at(-1) ?? 0 },
    accepted: students.reduce((n, s) => n + s.accepted.size, 0),
    doubled: counts.doubled,
    retried: counts.retried,
    stored: storedCount,
    lost,
    phantom,
    totalsWrong,
    exportWrong,
    problems,
  }
}

/** The report as people read it. */
export function formatReport(r: LoadReport): string {
  const n = (x: number) => x.toLocaleString('en-GB')
  const status = Object.entries(r.byStatus)
    .map(([s, c]) => `${s} ${n(c)}`)
    .join(' · ')
  return [
    `students        ${n(r.finished)} of ${n(r.students)} finished a 10-question quiz`,
    `requests        ${n(r.requests)} in ${r.seconds.toFixed(1)} s (${n(Math.round(r.requests / r.seconds))} per second)`,
    `by status       ${status}`,
    `errors          ${n(r.errors)} (4xx and 5xx other than 429)`,
    `latency (ms)    p50 ${r.latency.p50.toFixed(0)} · p90 ${r.latency.p90.toFixed(0)} · p99 ${r.latency.p99.toFixed(0)} · max ${r.latency.max.toFixed(0)}`,
    `answers         ${n(r.accepted)} accepted (${n(r.doubled)} sent twice at once, ${n(r.retried)} resent after a lost reply), ${n(r.stored)} stored`,
    `totals          ${r.totalsWrong === 0 ? 'every score equals the sum of its answers' : `${n(r.totalsWrong)} attempts disagree with their answers`}`,
    `leaderboard     ${r.exportWrong === 0 ? "the teacher's export agrees with the database" : `${n(r.exportWrong)} rows of the export disagree`}`,
    ...r.problems.slice(0, 10).map((p) => `problem         ${p}`),
    `${n(r.lost)} lost${r.phantom ? `, ${n(r.phantom)} stored but never accepted` : ''}`,
  ].join('\n')
}

export const passed = (r: LoadReport) =>
  r.lost === 0 &&
  r.phantom === 0 &&
  r.totalsWrong === 0 &&
  r.exportWrong === 0 &&
  r.errors === 0 &&
  r.problems.length === 0 &&
  r.finished === r.students
