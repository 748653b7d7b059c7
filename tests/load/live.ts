// A live game under load: a teacher runs a live class for N simulated phones against a running
// game, asking questions of every type (or those chosen). Phones listen on WebSockets (or poll
// their page, to compare), answer each question at a random moment as students would (right,
// misspelled, near or far off), some tapping twice, some resending after a "lost" reply, some
// dropping off and coming back, some joining late. Then: every answer stored once, every phone's
// screens in agreement with the projector's, and the delay from a question opening (the server's
// clock, stamped on the screen) to each phone seeing it, for each type.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Compiled } from '../../src/questions/compile.ts'
import type { Question } from '../../src/questions/schema.ts'
import type { LocalServer } from '../harness/wrangler-dev.ts'
import { checkStored, Client, numbered, patiently, percentile, sendLikeAPerson, sleep, type Sample } from './client.ts'

export const QUESTION_TYPES: Question['type'][] = ['single', 'multi', 'truefalse', 'order', 'typed', 'numeric']

export type LiveLoadOptions = {
  students: number
  questions: number
  /** The types asked, in turn (question 1 the first type, and so on round). */
  types: Question['type'][]
  /** Phones joining each second (a hall arrives over half a minute, not at one instant). */
  joinRate: number
  seconds: number
  transport: 'ws' | 'poll'
  /** How often a polling phone reloads its page. */
  pollMs: number
  doubleShare: number
  retryShare: number
  /** Share of phones whose connection drops once, mid-game, and comes back. */
  dropShare: number
  /** Share of students who join after the first question has opened. */
  lateShare: number
  deadlineMs: number
  random?: () => number
  /** Opens the projector's page in a real browser, which reports the delay of each question it showed. */
  watch?: (url: string) => Promise<{ delays: () => Promise<number[]>; close: () => Promise<void> }>
}

export type LiveLoadReport = {
  options: Omit<LiveLoadOptions, 'random' | 'watch'>
  joined: number
  late: number
  dropped: number
  seconds: number
  requests: number
  byStatus: Record<string, number>
  errors: number
  messages: number
  accepted: number
  doubled: number
  retried: number
  stored: number
  lost: number
  phantom: number
  totalsWrong: number
  /** From a question opening on the server to a screen showing it (ms). */
  phoneDelay: Stats
  /** The same, for each type of question asked. */
  phoneDelayByType: Partial<Record<Question['type'], Stats>>
  projectorDelay: Stats
  /** The same, on the projector's page in a browser (when one watched). */
  projectorPageDelay: Stats | null
  answerLatency: Stats
  disagreements: string[]
  problems: string[]
}

type Stats = { n: number; p50: number; p99: number; max: number }
type Screen = {
  phase: string
  question: number
  type?: Question['type']
  version: number
  openedAt: number
  rank?: number
  score?: number
  html: string
  at: number
  initial: boolean
}

const stats = (values: number[]): Stats => {
  const sorted = [...values].sort((a, b) => a - b)
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 }
}

/** What a screen shows, from the attributes every live screen's root carries. */
function readScreen(html: string, at: number, initial: boolean): Screen | null {
  const m = html.match(/data-phase="(\w+)" data-question="(-?\d+)" data-version="(\d+)" data-opened-at="(\d+)"(?: data-type="(\w+)")?/)
  if (!m) return null // a count of answers, not a whole screen
  const standing = html.match(/data-rank="(\d+)" data-score="(\d+)"/)
  return {
    phase: m[1],
    question: Number(m[2]),
    type: m[5] as Question['type'] | undefined,
    version: Number(m[3]),
    openedAt: Number(m[4]),
    rank: standing ? Number(standing[1]) : undefined,
    score: standing ? Number(standing[2]) : undefined,
    html,
    at,
    initial,
  }
}

/** A screen's stream: over a WebSocket, or by polling a page. Reconnects on request. */
class Feed {
  screens: Screen[] = []
  messages = 0
  /** When the phone was offline (dropped, until it reconnected). */
  gaps: [number, number][] = []
  #droppedAt = 0
  #ws: WebSocket | undefined
  #stopped = false
  readonly url: string
  readonly cookie: string
  readonly onScreen: (s: Screen) => void
  constructor(url: string, cookie: string, onScreen: (s: Screen) => void) {
    this.url = url
    this.cookie = cookie
    this.onScreen = onScreen
  }

  get latest() {
    return this.screens.at(-1)
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url.replace(/^http/, 'ws'), {
        headers: { Cookie: this.cookie, Origin: new URL(this.url).origin },
      } as never)
      this.#ws = ws
      let first = true
      ws.onmessage = (e) => {
        this.messages++
        const screen = readScreen(String(e.data), Date.now(), first)
        first = false
        if (screen) {
          this.screens.push(screen)
          this.onScreen(screen)
        }
      }
      ws.onopen = () => {
        if (this.#droppedAt) this.gaps.push([this.#droppedAt, Date.now()])
        resolve()
      }
      ws.onerror = () => reject(new Error(`socket to ${new URL(this.url).pathname} failed`))
    })
  }

  drop() {
    this.#droppedAt = Date.now()
    this.#ws?.close()
  }

  async poll(client: Client, path: string, everyMs: number) {
    let first = true
    while (!this.#stopped) {
      const { html } = await client.get(path)
      const screen = readScreen(html, Date.now(), first)
      first = false
      if (screen && screen.version !== this.latest?.version) {
        this.screens.push(screen)
        this.onScreen(screen)
      }
      await sleep(everyMs)
    }
  }

  stop() {
    this.#stopped = true
    this.#ws?.close()
  }
}

type Phone = {
  nickname: string
  client: Client
  attemptId?: string
  feed?: Feed
  late: boolean
  drops: boolean
  attempted: Set<number>
  accepted: Set<number>
  problem?: string
}

/** The least time a student takes to read a question before answering. */
const READING_MS = 2000

const root = join(import.meta.dirname, '..', '..')
const { banks } = JSON.parse(readFileSync(join(root, 'src/generated/banks.json'), 'utf8')) as Compiled
const byPrompt = new Map(banks.flatMap((b) => b.questions.map((q) => [q.prompt, q] as const)))
const unescape = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** One slip of the keyboard: two neighbouring letters swapped. */
const slip = (text: string, random: () => number) => {
  const i = 1 + Math.floor(random() * Math.max(1, text.length - 2))
  return text.slice(0, i - 1) + text[i] + text[i - 1] + text.slice(i + 1)
}

/**
 * An answer to the question on a phone's screen, as a class gives them: the form's own fields,
 * filled in right about half the time, with typed answers sometimes misspelled and numbers near
 * or far off the key.
 */
function answerOn(html: string, random: () => number): [string, string][] {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]
  const buttons = [...html.matchAll(/<button type="submit" name="choice" value="([^"]+)"/g)].map((m) => m[1])
  if (buttons.length) return [['choice', pick(buttons)]]
  const boxes = [...html.matchAll(/<input type="checkbox" name="choice" value="([^"]+)"/g)].map((m) => m[1])
  if (boxes.length) return boxes.filter((_, i) => i === 0 || random() < 0.5).map((v) => ['choice', v])
  const places = [...html.matchAll(/<select id="place-(\d+)"/g)].map((m) => m[1])
  if (places.length) {
    const order = places.map((_, i) => i + 1).sort(() => random() - 0.5)
    return places.map((p, i) => [`place-${p}`, String(order[i])])
  }
  const prompt = unescape(html.match(/<legend><h2[^>]*>([^<]+)<\/h2>/)?.[1] ?? '')
  const q = byPrompt.get(prompt)
  if (html.includes('name="text"')) {
    const key = q?.type === 'typed' ? q.answer : 'Geneva'
    return [['text', pick([key, key.toUpperCase(), slip(key, random), 'no idea'])]]
  }
  if (html.includes('name="number"')) {
    const [key, margin] = q?.type === 'numeric' ? [q.answer, Math.max(q.margin, 1)] : [2018, 1]
    return [['number', String(pick([key, key + margin, key - 2 * margin, key + 20 * margin]))]]
  }
  throw new Error('no answer form on the screen')
}

export async function runLiveLoad(server: LocalServer, options: LiveLoadOptions): Promise<LiveLoadReport> {
  const o = { random: Math.random, ...options }
  const deadline = Date.now() + o.deadlineMs
  const samples: Sample[] = []
  const answerTimes: number[] = []
  const counts = { doubled: 0, retried: 0 }
  const problems: string[] = []
  const base = server.url

  // The teacher opens a live class and the projector connects.
  const teacher = new Client(base, [])
  await teacher.get('/classes/new')
  const opened = await teacher.post('/classes', [
    ['name', 'Live load test'],
    ['banks', 'race-2018'],
    ['banks', 'race-2023'],
    ['size', String(o.questions)],
    ['mode', 'live'],
    ['seconds', String(o.seconds)],
    ['scoring', 'speed'],
    ['naming', 'chosen'],
  ])
  const teacherPath = opened.location
  if (opened.status !== 303 || !teacherPath) throw new Error(`could not open a live class: ${opened.status}`)
  // The questions asked: the types chosen, in turn, drawn at random from every bank. Written into
  // the class, then a setting saved as a teacher would, which makes the game read the class again.
  const pool = banks.flatMap((b) => b.questions)
  const plan = Array.from({ length: o.questions }, (_, i) => {
    const ofType = pool.filter((q) => q.type === o.types[i % o.types.length])
    const q = ofType[Math.floor(o.random() * ofType.length)]
    const n = q.type === 'single' || q.type === 'multi' ? q.choices.length : q.type === 'order' ? q.answer.length : 0
    const order = Array.from({ length: n }, (_, k) => k).sort(() => o.random() - 0.5)
    if (q.type === 'order' && order.every((v, k) => v === k)) order.reverse() // an ordering shown in order answers itself
    return n ? { q: q.id, order } : { q: q.id }
  })
  const quoted = (v: unknown) => `'${JSON.stringify(v).replace(/'/g, "''")}'`
  server.d1(`update classes set live = ${quoted({ seconds: o.seconds, plan })}, question_ids = ${quoted(plan.map((x) => x.q))}`)
  await teacher.post(`${teacherPath}/open`, [])
  const page = (await teacher.get(teacherPath)).html
  const code = page.match(/class="big-code">([A-Z0-9]{6})</)![1]
  const boardPath = page.match(/href="[^"]*(\/board\/[\w-]{22})"/)![1]
  const projector = new Feed(`${base}${boardPath}/ws`, '', () => {})
  await projector.connect()
  const watcher = await o.watch?.(`${base}${boardPath}`)
  const phones: Phone[] = Array.from({ length: o.students }, (_, i) => ({
    nickname: numbered('Phone', i),
    client: new Client(base, samples),
    late: o.random() < o.lateShare,
    drops: o.random() < o.dropShare,
    attempted: new Set(),
    accepted: new Set(),
  }))
  try {
    const answer = async (p: Phone, screen: Screen) => {
      const fields: [string, string][] = [['position', String(screen.question)], ...answerOn(screen.html, o.random)]
      const send = async () => {
        const started = performance.now()
        const res = await patiently(() => p.client.post(`/live/${p.attemptId}/answer`, fields, true), deadline)
        answerTimes.push(performance.now() - started)
        return res
      }
      const replies = await sendLikeAPerson(send, o, counts)
      if (replies.some((r) => r.status === 200)) p.accepted.add(screen.question)
      else p.problem = `answer to question ${screen.question + 1} gave ${replies.map((r) => r.status).join(', ')}`
      // A dropping phone loses its connection after its second answer, and is back a second or two later.
      if (p.drops && screen.question === 1 && p.feed && o.transport === 'ws') {
        p.feed.drop()
        await sleep(1000 + o.random() * 1000)
        await p.feed.connect().catch((e) => (p.problem = String(e)))
      }
    }

    // Each phone answers an open question once, at a moment of its own: as a class does, after
    // reading it (2 s from its opening; the game pays no bonus sooner) and before the last 2 s of
    // its time. A phone that joins late answers in what time is left.
    const onScreen = (p: Phone) => (screen: Screen) => {
      if (screen.phase !== 'open' || p.attempted.has(screen.question) || !screen.html.includes('class="live-answer"')) return
      p.attempted.add(screen.question)
      const span = Math.max(500, o.seconds * 1000 - READING_MS - 2000)
      const at = Math.min(screen.openedAt + READING_MS + o.random() * span, screen.openedAt + o.seconds * 1000 - 1500)
      setTimeout(() => void answer(p, screen).catch((e) => (p.problem = String(e))), Math.max(200, at - Date.now()))
    }

    const join = async (p: Phone) => {
      await p.client.get(`/join/${code}`)
      const joined = await patiently(() => p.client.post(`/join/${code}`, [['nickname', p.nickname]]), deadline)
      p.attemptId = joined.location?.match(/^\/live\/([\w-]{22})$/)?.[1]
      if (!p.attemptId) return void (p.problem = `join gave ${joined.status}`)
      if (o.transport === 'poll') await p.client.get(`/live/${p.attemptId}`) // the page, as a browser opens it
      p.feed = new Feed(`${base}/live/${p.attemptId}/ws`, p.client.cookie, onScreen(p))
      if (o.transport === 'ws') await p.feed.connect()
      else void p.feed.poll(p.client, `/live/${p.attemptId}`, o.pollMs)
    }
    // Phones arrive at `joinRate` a second, each joining on its own (a hall over half a minute).
    const arrive = async (list: Phone[]) => {
      await Promise.all(list.map((p, i) => sleep((1000 * i) / o.joinRate).then(() => join(p).catch((e) => (p.problem = String(e))))))
    }

    const started = performance.now()
    await arrive(phones.filter((p) => !p.late))

    const waitFor = async (test: (s: Screen) => boolean, what: string, ms: number) => {
      const until = Math.min(deadline, Date.now() + ms)
      while (!(projector.latest && test(projector.latest))) {
        if (Date.now() > until) throw new Error(`the projector never showed ${what}`)
        await sleep(20)
      }
      return projector.latest
    }
    const control = (name: string) => teacher.post(`${teacherPath}/live/${name}`, [['version', String(projector.latest!.version)]], true)

    await waitFor(
      (s) =>
        s.phase === 'lobby' &&
        s.html.includes(
          phones.filter((p) => !p.late && p.attemptId).length === 1
            ? '1 player'
            : `${phones.filter((p) => !p.late && p.attemptId).length} players`,
        ),
      'everyone in the lobby',
      10_000,
    )
    await control('start')
    const reveals: Screen[] = []
    let latecomers: Promise<void> | undefined
    for (let i = 0; i < o.questions; i++) {
      await waitFor((s) => s.question === i && s.phase === 'open', `question ${i + 1} open`, 10_000)
      if (i === 0) latecomers = arrive(phones.filter((p) => p.late))
      // Everyone answers within the time, so the reveal comes early; the clock closes it otherwise.
      reveals.push(await waitFor((s) => s.question === i && s.phase === 'reveal', `question ${i + 1} revealed`, o.seconds * 1000 + 10_000))
      await sleep(1500) // the class looks at the answer and the top five
      await control('next')
    }
    await latecomers
    const ended = await waitFor((s) => s.phase === 'ended', 'the podium', 10_000)
    await sleep(Math.max(1500, o.pollMs * 2)) // the phones' last screens arrive
    const seconds = (performance.now() - started) / 1000
    for (const p of phones) p.feed?.stop()
    projector.stop()
    const pageDelays = watcher ? await watcher.delays() : null

    // Every phone agrees with the projector: it saw each reveal it was there for, and ends on the
    // same final screen with the rank and points of the class's full ranking (the teacher's CSV),
    // whose top ten the projector's podium and next places show by name.
    const disagreements: string[] = []
    const csv = (await teacher.get(`${teacherPath}/results.csv`)).html
    const ranking = new Map(
      csv
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.slice(1, -1).split('","')) // every field is quoted; these nicknames hold no quotes
        .map(([rank, nickname, points]) => [nickname, { rank: Number(rank), score: Number(points) }]),
    )
    const onProjector = [
      ...ended.html.matchAll(
        /<span class="(?:medal|rank)">(\d+)\w\w<\/span>\s*<span class="name[^"]*"[^>]*>([^<]+)<\/span>\s*<span class="score">([\d,]+)/g,
      ),
    ]
    const named = Math.min(10, ranking.size) // FINAL_NAMES, in src/views/live/standings.tsx
    if (onProjector.length !== named)
      disagreements.push(`the projector names ${onProjector.length} players at the end, not the top ${named}`)
    for (const [, rank, nickname, score] of onProjector) {
      const row = ranking.get(nickname)
      if (!row || row.rank !== Number(rank) || row.score !== Number(score.replace(/,/g, '')))
        disagreements.push(`the projector shows ${nickname} ${rank} with ${score}, the teacher's results ${row?.rank} with ${row?.score}`)
    }
    for (const p of phones.filter((x) => x.feed)) {
      const last = p.feed!.latest
      const row = ranking.get(p.nickname)
      if (!last || last.version !== ended.version || last.phase !== 'ended')
        disagreements.push(`${p.nickname} ended on ${last?.phase} v${last?.version}, the projector on v${ended.version}`)
      else if (!row || row.rank !== last.rank || row.score !== last.score)
        disagreements.push(`${p.nickname} says rank ${last.rank} with ${last.score}, the teacher's results ${row?.rank} with ${row?.score}`)
      for (const reveal of reveals) {
        const offline = p.feed!.gaps.some(([from, to]) => from <= reveal.at && reveal.at <= to)
        const there = !offline && p.feed!.screens.some((s) => s.version < reveal.version)
        if (there && !p.feed!.screens.some((s) => s.version === reveal.version && s.phase === 'reveal'))
          disagreements.push(`${p.nickname} never saw the reveal of question ${reveal.question + 1}`)
      }
    }

    // The update delay: from the server opening a question to a screen showing it, for screens
    // that were connected when it opened (a late joiner's or a reconnect's first screen is not a delay).
    const opened = (screens: Screen[]) => {
      const firsts = new Map<number, Screen>()
      for (const s of screens) if (s.phase === 'open' && !firsts.has(s.question)) firsts.set(s.question, s)
      return [...firsts.values()].filter((s) => !s.initial)
    }
    const delays = (screens: Screen[]) => opened(screens).map((s) => s.at - s.openedAt)
    const phoneScreens = phones.flatMap((p) => opened(p.feed?.screens ?? []))
    const phoneDelayByType = Object.fromEntries(
      [...new Set(phoneScreens.map((s) => s.type))].map((type) => [
        type,
        stats(phoneScreens.filter((s) => s.type === type).map((s) => s.at - s.openedAt)),
      ]),
    )

    // The database, read directly: what was stored against what the phones saw accepted.
    const { stored, lost, phantom, totalsWrong } = checkStored(server, phones)
    for (const p of phones) if (p.problem) problems.push(`${p.nickname}: ${p.problem}`)
    const byStatus: Record<string, number> = {}
    for (const { status } of samples) byStatus[status] = (byStatus[status] ?? 0) + 1
    const { random: _, watch: __, ...shown } = o
    return {
      options: shown,
      joined: phones.filter((p) => p.attemptId).length,
      late: phones.filter((p) => p.late).length,
      dropped: phones.filter((p) => p.drops && o.transport === 'ws').length,
      seconds,
      requests: samples.length,
      byStatus,
      errors: samples.filter((x) => x.status >= 400).length,
      messages: phones.reduce((n, p) => n + (p.feed?.messages ?? 0), 0) + projector.messages,
      accepted: phones.reduce((n, p) => n + p.accepted.size, 0),
      doubled: counts.doubled,
      retried: counts.retried,
      stored,
      lost,
      phantom,
      totalsWrong,
      phoneDelay: stats(phones.flatMap((p) => delays(p.feed?.screens ?? []))),
      phoneDelayByType,
      projectorDelay: stats(delays(projector.screens)),
      projectorPageDelay: pageDelays && stats(pageDelays),
      answerLatency: stats(answerTimes),
      disagreements,
      problems,
    }
  } finally {
    // However the run ends (a deadline missed, say), no socket or browser is left open.
    for (const p of phones) p.feed?.stop()
    projector.stop()
    await watcher?.close()
  }
}

export function formatLiveReport(r: LiveLoadReport): string {
  const n = (x: number) => x.toLocaleString('en-GB')
  const ms = (s: Stats) => `p50 ${s.p50.toFixed(0)} ms · p99 ${s.p99.toFixed(0)} ms · max ${s.max.toFixed(0)} ms (${n(s.n)})`
  const o = r.options
  return [
    `phones          ${n(r.joined)} of ${n(o.students)} joined (${n(r.late)} late, at the question in play)${r.dropped ? `; ${n(r.dropped)} dropped off and came back` : ''}`,
    `game            ${o.questions} questions (${o.types.join(', ')}), ${o.seconds} s each, over ${o.transport === 'ws' ? 'WebSockets' : `polling every ${o.pollMs} ms`}; ${r.seconds.toFixed(1)} s from the first join to the podium`,
    `answers         ${n(r.accepted)} accepted (${n(r.doubled)} sent twice at once, ${n(r.retried)} resent after a lost reply), ${n(r.stored)} stored`,
    `update delay    phones ${ms(r.phoneDelay)}`,
    ...Object.entries(r.phoneDelayByType).map(([type, s]) => `                  ${type.padEnd(10)} ${ms(s!)}`),
    `                projector ${ms(r.projectorDelay)}`,
    ...(r.projectorPageDelay ? [`                projector page in Chromium ${ms(r.projectorPageDelay)}`] : []),
    `answer POST     ${ms(r.answerLatency)}`,
    `traffic         ${n(r.requests)} HTTP requests (${Object.entries(r.byStatus)
      .map(([s, c]) => `${s} ${n(c)}`)
      .join(' · ')}), ${n(r.messages)} WebSocket messages`,
    `agreement       ${r.disagreements.length === 0 ? "every phone saw each reveal and ended on the projector's screen, with the rank and points of the teacher's results, whose top ten the projector names" : `${n(r.disagreements.length)} disagreements`}`,
    `totals          ${r.totalsWrong === 0 ? 'every score equals the sum of its answers' : `${n(r.totalsWrong)} attempts disagree with their answers`}`,
    ...r.disagreements.slice(0, 5).map((d) => `disagreement    ${d}`),
    ...r.problems.slice(0, 10).map((p) => `problem         ${p}`),
    `${n(r.lost)} lost${r.phantom ? `, ${n(r.phantom)} stored but never accepted` : ''}`,
  ].join('\n')
}

export const livePassed = (r: LiveLoadReport) =>
  r.lost === 0 &&
  r.phantom === 0 &&
  r.totalsWrong === 0 &&
  r.errors === 0 &&
  r.disagreements.length === 0 &&
  r.problems.length === 0 &&
  r.joined === r.options.students
