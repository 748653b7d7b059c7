// One live game: a Durable Object per live class. It holds what must be decided in one place at
// one time: which question is open, when it closes (its alarm), who has answered it. It pushes
// each change to every screen over hibernatable WebSockets. Scores and answers live in D1 (the
// same tables as self-paced classes); after a restart the object reads back what it needs.
import { DurableObject } from 'cloudflare:workers'
import type { SeatRow } from '../db/classes.ts'
import { createDb } from '../db/client.ts'
import { finishLiveClass, hasLiveAnswer, readLiveClass, recordLiveAnswer, type LiveAnswer } from '../db/live.ts'
import type { AnswerValue, Class } from '../db/schema.ts'
import { rankSeats } from '../game/ranking.ts'
import { grade, points } from '../game/scoring.ts'
import { findQuestion } from '../questions/registry.ts'
import { renderCount, renderFor, screenKey } from '../views/live/screens.tsx'
import { apply, LOBBY, type Control, type LiveState } from './machine.ts'
import { shownOptions, tally } from './questions.ts'

/** Who a socket belongs to; a phone and the teacher carry the form token their forms need. */
export type Viewer =
  | { role: 'phone'; attemptId: string; token: string }
  | { role: 'board'; joinUrl: string }
  | { role: 'teacher'; base: string; token: string }

export type Ranked = SeatRow & { rank: number }

/** Everything a screen shows, at one moment. */
export type Snapshot = {
  klass: Class
  state: LiveState
  now: number
  /** The seats ranked (ranks change only at a reveal, when the totals are read back from D1); a phone's snapshot holds its own row only. */
  ranking: Ranked[]
  players: number
  answered: number
  /** How many picked each option: only once the question has closed. */
  counts: number[] | null
  /** The answers to the question in play (a phone's snapshot: its own only). */
  given: ReadonlyMap<string, LiveAnswer>
}

export type AnswerOutcome = 'accepted' | 'already' | 'closed' | 'not-open' | 'paused' | 'not-seated'

// Headers the Worker sets when it hands a socket over (src/routes/sockets.ts).
export const CLASS_HEADER = 'X-Live-Class'
export const VIEWER_HEADER = 'X-Live-Viewer'

export class LiveGame extends DurableObject<Cloudflare.Env> {
  #state: LiveState = LOBBY
  #classId: string | undefined
  #klass: Class | null = null
  #seats: SeatRow[] = []
  #given = new Map<string, LiveAnswer>()
  #loading: Promise<void> | undefined
  /** Reads of D1 started, and the latest one applied. */
  #reads = 0
  #applied = 0
  #writes = new Set<Promise<unknown>>()
  /** What each socket was last sent, so a change that leaves its screen as it was sends nothing (and wipes no half-ticked form). */
  #sent = new WeakMap<WebSocket, string>()

  constructor(ctx: DurableObjectState, env: Cloudflare.Env) {
    super(ctx, env)
    void ctx.blockConcurrencyWhile(async () => {
      this.#state = (await ctx.storage.get<LiveState>('state')) ?? LOBBY
      this.#classId = await ctx.storage.get<string>('classId')
    })
  }

  get #db() {
    return createDb(this.env.DB)
  }

  /** What one screen shows now (`attemptId`: a phone's, which carries only its own row); null once the class is gone. */
  async snapshot(classId: string, attemptId?: string): Promise<Snapshot | null> {
    await this.#load(classId)
    return this.#snapshot(attemptId)
  }

  /**
   * A teacher's control; false when it does not apply now. A control sent from the screen of an
   * earlier state (`version`: a double click, a stale page) is refused rather than applied twice.
   */
  async control(classId: string, control: Control, version?: number): Promise<boolean> {
    await this.#load(classId)
    const klass = this.#klass
    if (!klass?.live || (version !== undefined && version !== this.#state.version)) return false
    const next = apply(this.#state, control, Date.now(), { seconds: klass.live.seconds, questions: klass.live.plan.length })
    if (!next) return false
    await this.#enter(next)
    return true
  }

  /** A student's answer to the open question, timed by this object's clock; and the game as it then stands. */
  async answer(classId: string, attemptId: string, position: number, value: AnswerValue): Promise<{ outcome: AnswerOutcome; snap: Snapshot | null }> {
    const outcome = await this.#answer(classId, attemptId, position, value, Date.now())
    return { outcome, snap: this.#snapshot(attemptId) }
  }

  async #answer(classId: string, attemptId: string, position: number, value: AnswerValue, now: number, reread = false): Promise<AnswerOutcome> {
    await this.#load(classId)
    const klass = this.#klass
    const s = this.#state
    if (!klass?.live || position > s.index) return 'not-open'
    // A question the game has left: a resend of an answer it took is still that answer.
    if (position < s.index) return (await hasLiveAnswer(this.#db, attemptId, position)) ? 'already' : 'closed'
    // Already in (a double tap, or a resend whose first reply was lost): counted once, even if the question closed since.
    if (this.#given.has(attemptId)) return 'already'
    if (s.phase !== 'open' && s.phase !== 'paused') return 'closed'
    if (s.phase === 'paused') return 'paused'
    if (now >= s.closesAt) {
      await this.control(classId, 'reveal')
      return 'closed'
    }
    const seat = this.#seats.find((x) => x.attemptId === attemptId)
    if (!seat) {
      if (reread) return 'not-seated'
      // Seated since this object last read the class (a join it was not told of): read again, and check everything again.
      await this.#reload()
      return this.#answer(classId, attemptId, position, value, now, true)
    }
    const question = findQuestion(klass.live.plan[position].q)!
    const credit = grade(question, value)
    const timeMs = now - s.openedAt
    const window = klass.scoring === 'speed' ? klass.live.seconds * 1000 * (seat.extraTime ? 2 : 1) : 0
    const answer = { attemptId, position, questionId: question.id, response: value, credit, timeMs, points: points(credit, timeMs, window), answeredAt: now }
    // Claimed before the write, so a second tap while it is in flight finds it taken.
    this.#given.set(attemptId, answer)
    const write = recordLiveAnswer(this.#db, answer)
    this.#writes.add(write)
    let stored: boolean
    try {
      stored = await write
    } catch (e) {
      if (this.#given.get(attemptId) === answer) this.#given.delete(attemptId)
      throw e
    } finally {
      this.#writes.delete(write)
    }
    if (!stored) {
      // D1 already held an answer this object had lost track of: that one counts; read it back.
      await this.#reload()
      return 'already'
    }
    if (this.#everyoneAnswered() && this.#state.index === position && this.#state.phase === 'open') await this.control(classId, 'reveal')
    else this.#announceCount()
    return 'accepted'
  }

  /** The class or its seats changed in D1 (a join, a rename, a removal, a setting, a deletion): read them again. */
  async changed(classId: string): Promise<void> {
    await this.#load(classId)
    await this.#reload()
    this.#broadcast()
    if (!this.#klass) return
    // A removal can leave everyone still seated answered: then the question closes, as it would have.
    const s = this.#state
    if (s.phase === 'open' && this.#everyoneAnswered()) await this.control(classId, 'reveal', s.version)
    else this.#announceCount()
  }

  /** The question's time is up. */
  async alarm(): Promise<void> {
    if (this.#classId && this.#state.phase === 'open') await this.control(this.#classId, 'reveal')
  }

  /** A screen connecting (or reconnecting): it gets the current view at once, then every change. */
  async fetch(request: Request): Promise<Response> {
    const classId = request.headers.get(CLASS_HEADER)
    const viewer = JSON.parse(request.headers.get(VIEWER_HEADER) ?? 'null') as Viewer | null
    if (!classId || !viewer || request.headers.get('Upgrade') !== 'websocket') return new Response('Expected a WebSocket', { status: 426 })
    const snap = await this.snapshot(classId)
    if (!snap) return new Response('This class no longer exists.', { status: 404 })
    const { 0: client, 1: server } = new WebSocketPair()
    this.ctx.acceptWebSocket(server, [viewer.role])
    server.serializeAttachment(viewer)
    this.#sent.set(server, screenKey(viewer, snap))
    server.send(await renderFor(viewer, snap))
    return new Response(null, { status: 101, webSocket: client })
  }

  // Screens only listen; whatever they send is ignored. Closing needs no reply (echoing 1005 throws).
  async webSocketMessage(): Promise<void> {}
  async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    // Complete the closing handshake, so the browser can reconnect at once. 1005 and 1006 are
    // reserved (no code was sent, or none could be): they may not be sent back.
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, 'Closing')
    } catch {
      // Already closed.
    }
  }

  async #load(classId: string): Promise<void> {
    if (this.#classId !== classId) {
      this.#classId = classId
      await this.ctx.storage.put('classId', classId)
    }
    this.#loading ??= this.#read().catch((e) => {
      this.#loading = undefined
      throw e
    })
    await this.#loading
  }

  async #read(): Promise<void> {
    const generation = ++this.#reads
    const index = this.#state.index
    // Answers in flight land first, so what is read back includes them.
    await Promise.allSettled(this.#writes)
    const { klass, seats, given } = await readLiveClass(this.#db, this.#classId!, index)
    // Reads can finish out of order (a join's and a teacher's at once): only the latest counts.
    if (generation !== this.#reads) return
    this.#applied = generation
    this.#klass = klass
    this.#seats = seats
    // Answers to a question the game has left behind are not this question's. For this one, D1
    // is the record; answers claimed since the read began are kept, a removed student's dropped.
    if (index === this.#state.index) for (const a of given) this.#given.set(a.attemptId, a)
    const seated = new Set(seats.map((x) => x.attemptId))
    for (const id of this.#given.keys()) if (!seated.has(id)) this.#given.delete(id)
    // A class deleted or expired leaves nothing behind here either.
    if (!klass) await this.#forget()
  }

  async #forget(): Promise<void> {
    this.#state = LOBBY
    this.#given = new Map()
    await this.ctx.storage.deleteAlarm()
    await this.ctx.storage.deleteAll()
  }

  #everyoneAnswered(): boolean {
    return this.#seats.length > 0 && this.#seats.every((x) => this.#given.has(x.attemptId))
  }

  async #reload(): Promise<void> {
    this.#loading = undefined
    await this.#load(this.#classId!)
    // A later read may have started meanwhile and superseded this one: wait for it to land too.
    while (this.#applied !== this.#reads && this.#loading) await this.#loading
  }

  async #enter(next: LiveState): Promise<void> {
    const previous = { state: this.#state, given: this.#given }
    // In memory at once, so an answer or a control arriving meanwhile sees the new phase.
    this.#state = next
    if (next.index !== previous.state.index) this.#given = new Map()
    try {
      // The end marks everyone finished in D1 before the game says it is over, so a failure can be retried.
      if (next.phase === 'ended') {
        await Promise.allSettled(this.#writes)
        await finishLiveClass(this.#db, this.#classId!, Date.now())
      }
      await this.ctx.storage.put('state', next)
      if (next.phase === 'open') await this.ctx.storage.setAlarm(next.closesAt)
      else await this.ctx.storage.deleteAlarm()
    } catch (e) {
      if (this.#state === next) ({ state: this.#state, given: this.#given } = previous)
      throw e
    }
    try {
      // A reveal and the end show totals and ranks: read them back from D1, the record.
      if (next.phase === 'reveal' || next.phase === 'ended') await this.#reload()
    } finally {
      this.#broadcast()
    }
  }

  /** The game as screens see it; for one phone (`attemptId`), only what that phone shows, so an answer's reply does not carry the class. */
  #snapshot(attemptId?: string): Snapshot | null {
    const klass = this.#klass
    if (!klass?.live) return null
    const s = this.#state
    const item = klass.live.plan[s.index]
    const question = item && findQuestion(item.q)
    const counts =
      s.phase === 'reveal' && question ? tally(question, shownOptions(question, item), [...this.#given.values()].map((a) => a.response)) : null
    const ranking = rankSeats(this.#seats, klass.scoring === 'untimed') as Ranked[]
    const mine = attemptId === undefined ? undefined : this.#given.get(attemptId)
    return {
      klass,
      state: s,
      now: Date.now(),
      ranking: attemptId === undefined ? ranking : ranking.filter((r) => r.attemptId === attemptId),
      players: ranking.length,
      answered: this.#given.size,
      counts,
      given: attemptId === undefined ? this.#given : new Map(mine ? [[attemptId, mine]] : []),
    }
  }

  #broadcast(): void {
    const snap = this.#snapshot()
    for (const ws of this.ctx.getWebSockets()) {
      if (!snap) {
        ws.close(1000, 'This class no longer exists.')
        continue
      }
      const viewer = ws.deserializeAttachment() as Viewer
      const key = screenKey(viewer, snap)
      if (this.#sent.get(ws) === key) continue
      this.#sent.set(ws, key)
      void renderFor(viewer, snap).then((html) => send(ws, html))
    }
  }

  /** While a question is open, the projector and the teacher see the count of answers go up. */
  #announceCount(): void {
    const snap = this.#snapshot()
    if (!snap) return
    const html = renderCount(snap)
    for (const role of ['board', 'teacher'])
      for (const ws of this.ctx.getWebSockets(role)) send(ws, html)
  }
}

function send(ws: WebSocket, html: string) {
  try {
    ws.send(html)
  } catch {
    // A socket closing as we send: it reconnects and is sent the whole screen.
  }
}
