// One live game: a Durable Object per live class, named by the class's id. It holds what must be
// decided in one place at one time: which question is open, when it closes (its alarm), who has
// answered it. The open question's answers are kept in the object's own SQLite storage, which is
// durable before a phone hears "locked in", and go to D1 in one statement when the question
// closes: a hall of 1,000 answering at once is 1,000 local writes, not 1,000 D1 round trips.
// Screens are pushed over hibernatable WebSockets. The rules are pure and live beside it
// (machine.ts, accept.ts, snapshot.ts, questions.ts, roster.ts); this file does the I/O.
import { DurableObject } from 'cloudflare:workers'
import { hasAnswer, recordAnswers } from '../db/answers.ts'
import { createDb } from '../db/client.ts'
import { finishLiveClass, readLiveClass } from '../db/live.ts'
import type { AnswerValue } from '../db/schema.ts'
import { scoreAnswer, speedWindow } from '../game/scoring.ts'
import { acceptance, type Refusal } from './accept.ts'
import { GivenAnswers } from './given.ts'
import { LatestRead } from './latest.ts'
import { Roster, type Joiner } from './roster.ts'
import { apply, LOBBY, type Control, type LiveState } from './machine.ts'
import { rolesRedrawnOnJoin, Screens, VIEWER_HEADER, type Viewer } from './push.tsx'
import { isLiveClass, project, questionAt, type LiveClass, type Snapshot } from './snapshot.ts'

export type AnswerOutcome = 'accepted' | 'already' | 'too-many' | Refusal

type ClassRead = Awaited<ReturnType<typeof readLiveClass>>

export class LiveGame extends DurableObject<Cloudflare.Env> {
  #state: LiveState = LOBBY
  // The class as D1 last said (null once deleted or expired), and who is in it.
  #klass: LiveClass | null = null
  #roster = new Roster()
  /** The answers to the question in play, kept in storage until it closes. */
  #given!: GivenAnswers
  #class = new LatestRead(
    () => readLiveClass(this.#db, this.#classId),
    (read) => this.#applyRead(read),
  )
  #screens = new Screens(this.ctx)
  #soon: ReturnType<typeof setTimeout> | undefined
  /** When the class was last read again for a seat this object did not hold. */
  #rereadAt = 0

  constructor(ctx: DurableObjectState, env: Cloudflare.Env) {
    super(ctx, env)
    void ctx.blockConcurrencyWhile(async () => {
      this.#given = new GivenAnswers(ctx.storage.sql)
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

  /** Where the game is (the lobby, a question, the end), without reading the class or drawing anything: a join asks it. */
  async phase(): Promise<LiveState['phase']> {
    return this.#state.phase
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
    const klass = this.#klass
    if (!klass) return 'not-open'
    if (!reread && this.#given.tooMany(attemptId, now)) return 'too-many'
    const seat = this.#roster.find(attemptId)
    const facts = {
      position,
      now,
      answered: this.#given.has(attemptId),
      seated: Boolean(seat),
      waiting: this.#roster.waiting.has(attemptId),
    }
    const verdict = acceptance(this.#state, facts)
    switch (verdict) {
      case 'accept': {
        const onScreen = questionAt(klass, position)
        if (!onScreen || !seat) return 'closed'
        const window = speedWindow(klass.scoring, seat.extraTime, klass.live.seconds * 1000)
        const timeMs = now - this.#state.openedAt
        const answer = scoreAnswer(onScreen.question, value, { attemptId, position, timeMs, window, answeredAt: now })
        // Durable before the reply leaves (the output gate): a restart after "locked in" keeps it.
        this.#given.add(answer)
        this.#screens.shown(attemptId, this.#snapshot(attemptId)!)
        if (this.#everyoneAnswered()) await this.control('reveal', this.#state.version)
        else this.#announceCount()
        return 'accepted'
      }
      case 'look-up':
        // A question the game has left: its answers are in D1 now.
        return (await hasAnswer(this.#db, attemptId, position)) ? 'already' : 'closed'
      case 'time-up':
        await this.control('reveal')
        return 'closed'
      case 'not-seated':
        // Seated since this object last read the class (a join it was not told of)? Read again, and judge again.
        if (reread || !(await this.#rereadFor(attemptId))) return verdict
        return this.#answer(attemptId, position, value, now, true)
      default:
        return verdict
    }
  }

  /** A student joined: the game seats them (or has them wait) without reading the whole class again. */
  async joined(joiner: Joiner): Promise<void> {
    await this.#class.load()
    if (!this.#klass) return
    this.#roster.join(joiner)
    // Many join at once at the start of a lesson: the projector and the teacher see them in one redraw.
    this.#soon ??= setTimeout(() => {
      this.#soon = undefined
      const snap = this.#snapshot()
      this.#screens.show(snap, snap ? rolesRedrawnOnJoin(snap) : undefined)
      if (this.#state.phase === 'open') this.#announceCount()
    }, JOIN_REDRAW_MS)
  }

  /** The class or its seats changed in D1 (a rename, a removal, a setting, a deletion): read them again. */
  async changed(): Promise<void> {
    // This read begins after every join so far: it lists them all, and is the word on who stays.
    this.#roster.forgetJoiners()
    await this.#class.reload()
    this.#broadcast()
    if (!this.#klass) return
    // A removal can leave everyone still seated answered: then the question closes, as it would have.
    const s = this.#state
    if (s.phase === 'open' && this.#everyoneAnswered()) await this.control('reveal', s.version)
    else this.#announceCount()
  }

  /**
   * The teacher opened another round (src/routes/rounds.tsx), having ended this one: the game
   * starts again in its lobby with the new round's seats and plan. The phones of the round that
   * ended go on to their seats' new attempts, and the projector (`board`, its page) reloads where
   * the new round is not a live game.
   */
  async newRound(board: string): Promise<void> {
    this.#roster.forgetJoiners()
    this.#given.clear()
    this.#state = { ...LOBBY, version: this.#state.version + 1 }
    await this.ctx.storage.deleteAlarm()
    await this.ctx.storage.put('state', this.#state)
    // A self-paced round leaves no live class here: the read forgets the game.
    await this.#class.reload()
    const seated = new Set(this.#roster.seats.map((x) => x.attemptId))
    await this.#screens.moveOn(this.#klass ? null : board, seated, this.#klass?.round ?? 0)
    this.#broadcast()
  }

  /** The question's time is up. A failure (D1 away) throws, and the runtime retries the alarm. */
  async alarm(): Promise<void> {
    if (this.#state.phase === 'open') await this.control('reveal')
  }

  /** A screen connecting (or reconnecting): it gets the current view at once, then every change. */
  async fetch(request: Request): Promise<Response> {
    const viewer = JSON.parse(request.headers.get(VIEWER_HEADER) ?? 'null') as Viewer | null
    if (!viewer || request.headers.get('Upgrade') !== 'websocket') return new Response('Expected a WebSocket', { status: 426 })
    await this.#class.load()
    // A phone is drawn from its own row, as its answers' replies are, not from the class ranked.
    const phone = viewer.role === 'phone' ? viewer.attemptId : undefined
    if (phone && !this.#roster.holds(phone) && !(await this.#rereadFor(phone))) return new Response('No such game.', { status: 404 })
    const snap = this.#snapshot(phone)
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

  async #applyRead({ klass, seats, waiting }: ClassRead): Promise<void> {
    this.#klass = isLiveClass(klass) ? klass : null
    this.#roster.read(seats, waiting)
    // A removed student's answer to the open question no longer counts.
    const seated = new Set(seats.map((x) => x.attemptId))
    for (const id of this.#given.all.keys()) if (!seated.has(id)) this.#given.drop(id)
    // A class deleted or expired leaves nothing behind here either.
    if (!this.#klass) await this.#forget()
  }

  async #forget(): Promise<void> {
    this.#state = LOBBY
    await this.ctx.storage.deleteAlarm()
    await this.ctx.storage.deleteAll()
    this.#given = new GivenAnswers(this.ctx.storage.sql)
  }

  /**
   * Reads the class again for a seat this object does not hold, seated by a join it was not told
   * of, and says whether it holds it now. At most once a second: a removed student's phone, or a
   * seat of a round that has ended, retrying its socket cannot keep the game reading D1.
   */
  async #rereadFor(attemptId: string): Promise<boolean> {
    const now = Date.now()
    if (now - this.#rereadAt < REREAD_MS) return false
    this.#rereadAt = now
    await this.#class.reload()
    return this.#roster.holds(attemptId)
  }

  #everyoneAnswered(): boolean {
    const { seats } = this.#roster
    return seats.length > 0 && seats.every((x) => this.#given.has(x.attemptId))
  }

  async #enter(next: LiveState): Promise<void> {
    const previous = this.#state
    // In memory at once, so an answer or a control arriving meanwhile sees the new phase.
    this.#state = next
    try {
      // A question that closes sends its answers to D1, the record, before anything moves on;
      // the end marks everyone finished there too. A failure leaves the game where it was, to retry.
      const asking = (s: LiveState) => s.phase === 'open' || s.phase === 'paused'
      const closing = asking(previous) && (!asking(next) || next.index !== previous.index)
      if (closing) await recordAnswers(this.#db, [...this.#given.all.values()])
      if (next.phase === 'ended') await finishLiveClass(this.#db, this.#classId, Date.now())
      if (next.index !== previous.index) this.#given.clear()
      await this.ctx.storage.put('state', next)
      if (next.phase === 'open') await this.ctx.storage.setAlarm(next.closesAt)
      else await this.ctx.storage.deleteAlarm()
    } catch (e) {
      if (this.#state === next) this.#state = previous
      throw e
    }
    try {
      // A reveal and the end show totals and ranks: read them back from D1.
      if (next.phase === 'reveal' || next.phase === 'ended') await this.#class.reload()
    } finally {
      this.#broadcast()
    }
  }

  #snapshot(attemptId?: string): Snapshot | null {
    const klass = this.#klass
    if (!klass) return null
    return project(
      { klass, state: this.#state, seats: this.#roster.seats, given: this.#given.all, waiting: this.#roster.waiting },
      Date.now(),
      attemptId,
    )
  }

  #broadcast(): void {
    this.#screens.show(this.#snapshot())
  }

  /** While a question is open, the projector and the teacher see the count of answers go up. */
  #announceCount(): void {
    if (this.#klass) this.#screens.count({ answered: this.#given.all.size, players: this.#roster.seats.length })
  }
}

/** The least time between two reads of the class for seats this object did not hold. */
const REREAD_MS = 1000

/** How long the screens wait after a join for others to arrive, before one redraw shows them all. */
const JOIN_REDRAW_MS = 250
