// One live game: a Durable Object per live class, named by the class's id. It holds what must be
// decided in one place at one time: which question is open, when it closes (its alarm), who has
// answered it. It pushes each change to every screen over hibernatable WebSockets. Answers and
// scores live in D1 (the same tables as self-paced classes); after a restart it reads them back.
// The rules are pure and live beside it (machine.ts, accept.ts, snapshot.ts); this file does I/O.
import { DurableObject } from 'cloudflare:workers'
import { hasAnswer, recordAnswer } from '../db/answers.ts'
import type { SeatRow } from '../db/classes.ts'
import { createDb } from '../db/client.ts'
import { finishLiveClass, readLiveClass, type LiveAnswer } from '../db/live.ts'
import type { AnswerValue } from '../db/schema.ts'
import { scoreAnswer, speedWindow } from '../game/scoring.ts'
import { acceptance, type Refusal } from './accept.ts'
import { LatestRead } from './latest.ts'
import { apply, LOBBY, type Control, type LiveState } from './machine.ts'
import { Screens, VIEWER_HEADER, type Viewer } from './push.tsx'
import { isLiveClass, project, questionAt, type LiveClass, type Snapshot } from './snapshot.ts'

export type AnswerOutcome = 'accepted' | 'already' | Refusal

/** A read of the class from D1, and the question in play when it began. */
type ClassRead = Awaited<ReturnType<typeof readLiveClass>> & { index: number }

export class LiveGame extends DurableObject<Cloudflare.Env> {
  #state: LiveState = LOBBY
  // The class as D1 last said (null once deleted or expired), its seats, and the answers to the question in play.
  #klass: LiveClass | null = null
  #seats: SeatRow[] = []
  #given = new Map<string, LiveAnswer>()
  #waiting: ReadonlySet<string> = new Set()
  #class = new LatestRead(
    () => this.#read(),
    (read) => this.#applyRead(read),
  )
  /** Answers being written to D1: a read waits for them, so what it reads back includes them. */
  #writes = new Set<Promise<unknown>>()
  #screens = new Screens(this.ctx)

  constructor(ctx: DurableObjectState, env: Cloudflare.Env) {
    super(ctx, env)
    void ctx.blockConcurrencyWhile(async () => {
      this.#state = (await ctx.storage.get<LiveState>('state')) ?? LOBBY
    })
  }

  /** The class this game runs: the object's own name (LIVE.getByName(classId), src/live/stub.ts). */
  get #classId(): string {
    return this.ctx.id.name!
  }

  get #db() {
    return createDb(this.env.DB)
  }

  /** What one screen shows now (`attemptId`: a phone's, which carries only its own row); null once the class is gone. */
  async snapshot(attemptId?: string): Promise<Snapshot | null> {
    await this.#class.load()
    return this.#snapshot(attemptId)
  }

  /**
   * A teacher's control; false when it does not apply now. A control sent from the screen of an
   * earlier state (`version`: a double click, a stale page) is refused rather than applied twice.
   */
  async control(control: Control, version?: number): Promise<boolean> {
    await this.#class.load()
    const klass = this.#klass
    if (!klass || (version !== undefined && version !== this.#state.version)) return false
    const next = apply(this.#state, control, Date.now(), { seconds: klass.live.seconds, questions: klass.live.plan.length })
    if (!next) return false
    await this.#enter(next)
    return true
  }

  /** A student's answer, timed by this object's clock; and the game as that phone then sees it. */
  async answer(attemptId: string, position: number, value: AnswerValue): Promise<{ outcome: AnswerOutcome; snap: Snapshot | null }> {
    const outcome = await this.#answer(attemptId, position, value, Date.now())
    return { outcome, snap: this.#snapshot(attemptId) }
  }

  async #answer(attemptId: string, position: number, value: AnswerValue, now: number, reread = false): Promise<AnswerOutcome> {
    await this.#class.load()
    if (!this.#klass) return 'not-open'
    const seated = this.#seats.some((x) => x.attemptId === attemptId)
    const waiting = this.#waiting.has(attemptId)
    const verdict = acceptance(this.#state, { position, now, answered: this.#given.has(attemptId), seated, waiting })
    switch (verdict) {
      case 'accept':
        return this.#take(this.#klass, attemptId, position, value, now)
      case 'look-up':
        return (await hasAnswer(this.#db, attemptId, position)) ? 'already' : 'closed'
      case 'time-up':
        await this.control('reveal')
        return 'closed'
      case 'not-seated':
        if (reread) return verdict
        // Seated since this object last read the class (a join it was not told of): read again, and judge again.
        await this.#class.reload()
        return this.#answer(attemptId, position, value, now, true)
      default:
        return verdict
    }
  }

  /** Records an accepted answer, then closes the question if everyone has answered, or updates the count. */
  async #take(klass: LiveClass, attemptId: string, position: number, value: AnswerValue, now: number): Promise<AnswerOutcome> {
    const onScreen = questionAt(klass, position)
    if (!onScreen) return 'closed'
    const seat = this.#seats.find((x) => x.attemptId === attemptId)
    const window = speedWindow(klass.scoring, seat?.extraTime, klass.live.seconds * 1000)
    const answer = scoreAnswer(onScreen.question, value, {
      attemptId,
      position,
      timeMs: now - this.#state.openedAt,
      window,
      answeredAt: now,
    })
    // Claimed before the write, so a second tap while it is in flight finds it taken.
    this.#given.set(attemptId, answer)
    const write = recordAnswer(this.#db, answer, { finishOnLast: false })
    this.#writes.add(write)
    let stored: boolean
    try {
      stored = (await write).stored
    } catch (e) {
      if (this.#given.get(attemptId) === answer) this.#given.delete(attemptId)
      throw e
    } finally {
      this.#writes.delete(write)
    }
    if (!stored) {
      // D1 already held an answer this object had lost track of: that one counts; read it back.
      await this.#class.reload()
      return 'already'
    }
    const s = this.#state
    if (this.#everyoneAnswered() && s.index === position && s.phase === 'open') await this.control('reveal')
    else this.#announceCount()
    return 'accepted'
  }

  /** The class or its seats changed in D1 (a join, a rename, a removal, a setting, a deletion): read them again. */
  async changed(): Promise<void> {
    await this.#class.reload()
    this.#broadcast()
    if (!this.#klass) return
    // A removal can leave everyone still seated answered: then the question closes, as it would have.
    const s = this.#state
    if (s.phase === 'open' && this.#everyoneAnswered()) await this.control('reveal', s.version)
    else this.#announceCount()
  }

  /** The question's time is up. */
  async alarm(): Promise<void> {
    if (this.#state.phase === 'open') await this.control('reveal')
  }

  /** A screen connecting (or reconnecting): it gets the current view at once, then every change. */
  async fetch(request: Request): Promise<Response> {
    const viewer = JSON.parse(request.headers.get(VIEWER_HEADER) ?? 'null') as Viewer | null
    if (!viewer || request.headers.get('Upgrade') !== 'websocket') return new Response('Expected a WebSocket', { status: 426 })
    const snap = await this.snapshot()
    if (!snap) return new Response('This class no longer exists.', { status: 404 })
    const { 0: client, 1: server } = new WebSocketPair()
    await this.#screens.accept(server, viewer, snap)
    return new Response(null, { status: 101, webSocket: client })
  }

  // Screens only listen; whatever they send is ignored.
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

  /** Reads the class, its seats and the answers to the question in play, once the answers being written have landed. */
  async #read(): Promise<ClassRead> {
    const index = this.#state.index
    await Promise.allSettled(this.#writes)
    return { index, ...(await readLiveClass(this.#db, this.#classId, index)) }
  }

  async #applyRead({ index, klass, seats, given, waiting }: ClassRead): Promise<void> {
    this.#klass = isLiveClass(klass) ? klass : null
    this.#seats = seats
    this.#waiting = waiting
    // Answers to a question the game has left behind are not this question's. For this one, D1
    // is the record; answers claimed since the read began are kept, a removed student's dropped.
    if (index === this.#state.index) for (const a of given) this.#given.set(a.attemptId, a)
    const seated = new Set(seats.map((x) => x.attemptId))
    for (const id of this.#given.keys()) if (!seated.has(id)) this.#given.delete(id)
    // A class deleted or expired leaves nothing behind here either.
    if (!this.#klass) await this.#forget()
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

  async #enter(next: LiveState): Promise<void> {
    const previous = { state: this.#state, given: this.#given }
    // In memory at once, so an answer or a control arriving meanwhile sees the new phase.
    this.#state = next
    if (next.index !== previous.state.index) this.#given = new Map()
    try {
      // The end marks everyone finished in D1 before the game says it is over, so a failure can be retried.
      if (next.phase === 'ended') {
        await Promise.allSettled(this.#writes)
        await finishLiveClass(this.#db, this.#classId, Date.now())
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
      if (next.phase === 'reveal' || next.phase === 'ended') await this.#class.reload()
    } finally {
      this.#broadcast()
    }
  }

  #snapshot(attemptId?: string): Snapshot | null {
    const klass = this.#klass
    if (!klass) return null
    return project({ klass, state: this.#state, seats: this.#seats, given: this.#given, waiting: this.#waiting }, Date.now(), attemptId)
  }

  #broadcast(): void {
    this.#screens.show(this.#snapshot())
  }

  #announceCount(): void {
    const snap = this.#snapshot()
    if (snap) this.#screens.count(snap)
  }
}
