// What the game sends down each screen's WebSocket: the screen's HTML for a snapshot, and a key
// saying what that screen depends on, so a change that leaves a screen as it was sends it nothing.
import { PhoneScreen, phoneAnnouncement } from '../views/live/phone.tsx'
import { ProjectorScreen } from '../views/live/projector.tsx'
import { Announce, answeredText, type Count } from '../views/live/shared.tsx'
import { TeacherControls } from '../views/live/teacher.tsx'
import { NextRound } from '../views/live/next-round.tsx'
import { FormToken } from '../views/post-form.tsx'
import type { Ranked, Snapshot } from './snapshot.ts'

/** Who a socket belongs to; a phone and the teacher carry the form token their forms need. */
export type Viewer =
  | { role: 'phone'; attemptId: string; token: string }
  | { role: 'board'; joinUrl: string }
  | { role: 'teacher'; base: string; token: string }

/** The header the Worker hands a socket over with (src/routes/sockets.ts): who is watching. */
export const VIEWER_HEADER = 'X-Live-Viewer'

/** The HTML a socket is sent: its screen, and for a phone what its live region says. */
export async function renderFor(viewer: Viewer, snap: Snapshot): Promise<string> {
  switch (viewer.role) {
    case 'phone':
      return String(
        await (
          <FormToken.Provider value={viewer.token}>
            <PhoneScreen snap={snap} attemptId={viewer.attemptId} />
            <Announce text={phoneAnnouncement(snap, viewer.attemptId)} oob />
          </FormToken.Provider>
        ).toString(),
      )
    case 'teacher':
      return String(
        await (
          <FormToken.Provider value={viewer.token}>
            <TeacherControls snap={snap} base={viewer.base} />
          </FormToken.Provider>
        ).toString(),
      )
    case 'board':
      return String(await (<ProjectorScreen snap={snap} joinUrl={viewer.joinUrl} />).toString())
  }
}

/**
 * What a screen depends on, so the game sends it again only when it would change: a join
 * mid-question must not redraw a phone's half-ticked form, nor move the teacher's focus.
 */
export function screenKey(viewer: Viewer, snap: Snapshot): string {
  const { version, phase, index, openedAt } = snap.state
  const state = `${version}:${phase}:${index}:${openedAt}`
  // The teacher's controls and the projector count the players in the lobby; a phone does not, so a
  // join redraws two screens, not every phone in the room.
  const lobby = phase === 'lobby' ? snap.players : ''
  switch (viewer.role) {
    // The teacher's count of answers and players changes through renderCount, not a redraw.
    case 'teacher':
      return `${state}|${lobby}|${snap.klass.open}|${snap.klass.hideTyped}|${snap.waiting.size}`
    case 'board': {
      // Only what the projector shows in this phase: scores are read again on a join while a
      // question is open, and a screen sent again then would say that some score had moved.
      const shown =
        phase === 'lobby'
          ? (r: Ranked) => r.nickname
          : phase === 'reveal' || phase === 'standings' || phase === 'ended'
            ? (r: Ranked) => `${r.nickname}:${r.score}`
            : null
      return `${state}|${snap.klass.hideNames}|${snap.klass.hideTyped}|${snap.klass.open}|${shown ? snap.ranking.map(shown).join(',') : ''}`
    }
    case 'phone': {
      const me = rowOf(snap, viewer.attemptId)
      const name = phase === 'lobby' ? me?.nickname : ''
      const standing =
        me && (phase === 'reveal' || phase === 'standings' || phase === 'ended') ? `${me.rank}:${me.score}:${snap.players}` : ''
      const seat = me ? name : snap.waiting.has(viewer.attemptId) ? 'waiting' : '-'
      return `${state}|${seat}|${snap.given.has(viewer.attemptId)}|${standing}`
    }
  }
}

/** Just the count of answers, swapped into the projector and the teacher's page as it rises. */
export const renderCount = (count: Count) => `<span id="answered-count" hx-swap-oob="innerHTML">${answeredText(count)}</span>`

/** The screens watching one game, held by its Durable Object: each is sent its view when it would change, and nothing otherwise. */
export class Screens {
  readonly #ctx: DurableObjectState
  /** What each socket was last sent, so a change that leaves its screen as it was sends nothing (and wipes no half-ticked form). */
  #sent = new WeakMap<WebSocket, string>()

  constructor(ctx: DurableObjectState) {
    this.#ctx = ctx
  }

  /** A screen connecting (or reconnecting): a hibernatable socket, sent its view at once. */
  async accept(ws: WebSocket, viewer: Viewer, snap: Snapshot): Promise<void> {
    this.#ctx.acceptWebSocket(ws, viewer.role === 'phone' ? [viewer.role, viewer.attemptId] : [viewer.role])
    ws.serializeAttachment(viewer)
    this.#sent.set(ws, screenKey(viewer, snap))
    ws.send(await renderFor(viewer, snap))
  }

  /**
   * Every screen its view of the game where that changed (`roles`: only the screens of these);
   * null (the class is gone) closes them all.
   */
  show(snap: Snapshot | null, roles?: Viewer['role'][]): void {
    // A question opening shows a hall of phones one and the same form, but for each phone's seat
    // and form token in it: drawn once, for the first of them, and the rest copied from it.
    let question: { viewer: Extract<Viewer, { role: 'phone' }>; html: Promise<string> } | undefined
    const sockets = roles ? roles.flatMap((role) => this.#ctx.getWebSockets(role)) : this.#ctx.getWebSockets()
    for (const ws of sockets) {
      if (!snap) {
        ws.close(1000, 'This class no longer exists.')
        continue
      }
      const viewer = ws.deserializeAttachment() as Viewer
      const key = screenKey(viewer, snap)
      if (this.#sent.get(ws) === key) continue
      this.#sent.set(ws, key)
      if (viewer.role === 'phone' && asksAnswer(viewer, snap)) {
        question ??= { viewer, html: renderFor(viewer, snap) }
        const { attemptId, token } = question.viewer
        void question.html.then((html) => send(ws, html.replaceAll(attemptId, viewer.attemptId).replaceAll(token, viewer.token)))
      } else void renderFor(viewer, snap).then((html) => send(ws, html))
    }
  }

  /**
   * A new round opened: each phone of the round that ended (not in `seated`) goes on to it through
   * its old address, which leads to its seat's new attempt; the projector goes to `board` when
   * given (a round that is not live reloads its page). Their sockets then close.
   */
  async moveOn(board: string | null, seated: ReadonlySet<string>, round: number): Promise<void> {
    const sends = this.#ctx.getWebSockets().map(async (ws) => {
      const viewer = ws.deserializeAttachment() as Viewer
      const href =
        viewer.role === 'phone' && !seated.has(viewer.attemptId) ? `/live/${viewer.attemptId}` : viewer.role === 'board' ? board : null
      if (!href) return
      send(ws, String(await (<NextRound href={href} round={round} phone={viewer.role === 'phone'} />).toString()))
      try {
        ws.close(1000, 'A new round began.')
      } catch {
        // Already closed.
      }
    })
    await Promise.all(sends)
  }

  /** A phone's own answer reached it as the reply to its post: its socket already shows that screen. */
  shown(attemptId: string, snap: Snapshot): void {
    for (const ws of this.#ctx.getWebSockets(attemptId)) this.#sent.set(ws, screenKey(ws.deserializeAttachment() as Viewer, snap))
  }

  /** While a question is open, the projector and the teacher see the count of answers go up. */
  count(count: Count): void {
    const html = renderCount(count)
    for (const role of ['board', 'teacher']) for (const ws of this.#ctx.getWebSockets(role)) send(ws, html)
  }
}

/**
 * The roles whose screens a join can change (undefined: every screen): the projector's and the
 * teacher's, which count the players; a phone counts them only beside its rank, once a question
 * has closed (a hall's joins would otherwise key a thousand phones for nothing).
 */
export const rolesRedrawnOnJoin = (snap: Snapshot): Viewer['role'][] | undefined =>
  snap.state.phase === 'reveal' || snap.state.phase === 'standings' || snap.state.phase === 'ended' ? undefined : ['board', 'teacher']

/** Whether a phone's screen is the open question's form, which every seated phone yet to answer shares. */
const asksAnswer = ({ attemptId }: { attemptId: string }, snap: Snapshot) =>
  (snap.state.phase === 'open' || snap.state.phase === 'paused') && !snap.given.has(attemptId) && rowOf(snap, attemptId) !== undefined

// Each phone's row of the ranking, found once per snapshot: a hall's screens are keyed a thousand at a time.
const rows = new WeakMap<Ranked[], Map<string, Ranked>>()
function rowOf(snap: Snapshot, attemptId: string): Ranked | undefined {
  let index = rows.get(snap.ranking)
  if (!index) rows.set(snap.ranking, (index = new Map(snap.ranking.map((r) => [r.attemptId, r]))))
  return index.get(attemptId)
}

function send(ws: WebSocket, html: string) {
  try {
    ws.send(html)
  } catch {
    // A socket closing as we send: it reconnects and is sent the whole screen.
  }
}
