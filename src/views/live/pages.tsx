// The pages around the live screens. With JavaScript, each screen's container holds a WebSocket
// (htmx's hx-ws) and the game swaps in every change; without it (or with WebSockets blocked), a
// phone has a Refresh button, and the projector reloads itself every two seconds or on a click.
import type { Snapshot } from '../../live/snapshot.ts'
import { PhoneScreen, phoneAnnouncement } from './phone.tsx'
import { ProjectorScreen } from './projector.tsx'
import { ShowBar } from '../show.tsx'
import { Announce } from './shared.tsx'
import { TeacherControls } from './teacher.tsx'

export const PROJECTOR_REFRESH_SECONDS = 2

// A dropped socket is retried with backoff; htmx's default waits up to a minute between tries,
// longer than a question lasts. Three seconds at most (four with htmx's jitter of up to 30%), so
// a phone on weak Wi-Fi is soon back.
const RECONNECT = JSON.stringify({ ws: { reconnectMaxDelay: 3000 } })

export function PhonePage({ snap, attemptId, error }: { snap: Snapshot; attemptId: string; error?: string }) {
  return (
    <>
      <h1 class="bank-title">{snap.klass.name}</h1>
      <section id="live" aria-label="Live game" hx-ws:connect={`/live/${attemptId}/ws`} hx-config={RECONNECT} hx-swap="innerHTML">
        <PhoneScreen snap={snap} attemptId={attemptId} error={error} />
      </section>
      <Announce text={phoneAnnouncement(snap, attemptId)} />
      {/* Without JavaScript the screen changes only on a refresh; with it, a network that blocks WebSockets leaves it stuck. */}
      <p class="meta">
        <a class="button" href={`/live/${attemptId}`}>
          Refresh
        </a>{' '}
        if this screen has not moved on by itself.
      </p>
    </>
  )
}

/** The htmx answer's reply: the new screen, and what the live region says. */
export function PhoneFragment({ snap, attemptId, error }: { snap: Snapshot; attemptId: string; error?: string }) {
  return (
    <>
      <PhoneScreen snap={snap} attemptId={attemptId} error={error} />
      {/* An error speaks for itself (role="alert"); the live region says where the game is. */}
      <Announce text={phoneAnnouncement(snap, attemptId)} oob />
    </>
  )
}

export function ProjectorPage({ snap, joinUrl }: { snap: Snapshot; joinUrl: string }) {
  return (
    <div class="projector live">
      <ShowBar title={snap.klass.name} />
      <section
        id="projector"
        aria-label="Live game"
        hx-ws:connect={`/board/${snap.klass.boardId}/ws`}
        hx-config={RECONNECT}
        hx-swap="innerHTML"
      >
        <ProjectorScreen snap={snap} joinUrl={joinUrl} />
      </section>
      <p class="meta show-foot">
        <a href={`/board/${snap.klass.boardId}`}>Refresh</a> if this screen has not moved on by itself.
      </p>
    </div>
  )
}

export function TeacherPanel({ snap, base }: { snap: Snapshot; base: string }) {
  return (
    <section id="live-panel" aria-label="Live game controls" hx-ws:connect={`${base}/live/ws`} hx-config={RECONNECT} hx-swap="innerHTML">
      <TeacherControls snap={snap} base={base} />
    </section>
  )
}
