// What each screen of a live game shows, for a phone, the projector and the teacher, drawn
// from one snapshot of the game. The Durable Object pushes these over WebSockets; the Worker
// serves the same ones as pages (no JavaScript: a Refresh button, or a meta refresh).
import type { Ranked, Snapshot, Viewer } from '../../live/game.ts'
import type { Control } from '../../live/machine.ts'
import { keyed, shownOptions } from '../../live/questions.ts'
import { findQuestion, sourceOf } from '../../questions/registry.ts'
import type { Question } from '../../questions/schema.ts'
import { formatAnswer, formatKey, formatPoints, percent } from '../format.ts'
import { verdictClass, verdictIcon, verdictLabel } from '../play/verdict.tsx'
import { FormToken, PostForm } from '../post-form.tsx'
import { QrCode } from '../qr.tsx'

const LETTERS = 'ABCDEFGH'
export const PROJECTOR_REFRESH_SECONDS = 2

/** The question on screen, with its options in the class's order. */
function current(snap: Snapshot): { question: Question; shown: string[] } | null {
  const item = snap.klass.live!.plan[snap.state.index]
  const question = item && findQuestion(item.q)
  return question ? { question, shown: shownOptions(question, item) } : null
}

const remaining = ({ state, now }: Snapshot) => (state.phase === 'paused' ? state.remainingMs : Math.max(0, state.closesAt - now))
const ordinal = (n: number) => {
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${suffix}`
}
const players = (n: number) => `${n} ${n === 1 ? 'player' : 'players'}`
const nameOf = (snap: Snapshot, row: Ranked, i: number) => (snap.klass.hideNames ? `Player ${i + 1}` : row.nickname)

/** The attributes every screen's root carries: which state it shows (tests and the load run read them). */
const stamp = (snap: Snapshot) => ({
  'data-phase': snap.state.phase,
  'data-question': String(snap.state.index),
  'data-version': String(snap.state.version),
  'data-opened-at': String(snap.state.openedAt),
})

function Countdown({ snap }: { snap: Snapshot }) {
  const ms = remaining(snap)
  const share = String(Math.round((100 * ms) / (snap.klass.live!.seconds * 1000)))
  const paused = snap.state.phase === 'paused'
  return (
    <div class="countdown">
      <p role="timer" aria-live="off">
        {paused ? (
          <strong>Paused</strong>
        ) : (
          <>
            <span data-countdown={String(ms)}>{Math.ceil(ms / 1000)}</span> s left
          </>
        )}
      </p>
      {/* A bar that empties with the clock: SVG animation, no script. The number above says the same. */}
      <svg class="timebar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
        <rect width="100" height="4" class="bar-bg" />
        <rect width={share} height="4" class="bar-fg">
          {!paused && <animate attributeName="width" from={share} to="0" dur={`${ms / 1000}s`} fill="freeze" />}
        </rect>
      </svg>
    </div>
  )
}

function AnsweredCount({ snap }: { snap: Snapshot }) {
  return (
    <p class="answered">
      <span id="answered-count">{answeredText(snap)}</span>
    </p>
  )
}
const answeredText = (snap: Snapshot) => `${snap.answered} of ${players(snap.players)} answered`

// ---------------------------------------------------------------- phone

function AnswerForm({ snap, attemptId, question, shown }: { snap: Snapshot; attemptId: string; question: Question; shown: string[] }) {
  const action = `/live/${attemptId}/answer`
  const many = question.type === 'multi'
  return (
    <PostForm action={action} hx-post={action} hx-target="#live" class="live-answer" novalidate>
      <input type="hidden" name="position" value={String(snap.state.index)} />
      <fieldset>
        <legend>
          <h2 tabindex={-1} autofocus>
            {question.prompt}
          </h2>
        </legend>
        <p class="hint">{many ? 'Tick every right answer, then lock them in.' : 'Tap your answer: it locks in at once.'}</p>
        <ul class={many ? 'choices' : 'taps'}>
          {shown.map((text, i) => {
            const value = question.type === 'truefalse' ? (i === 0 ? 'true' : 'false') : String(i)
            return (
              <li>
                {many ? (
                  <label>
                    <input type="checkbox" name="choice" value={value} /> <span>{text}</span>
                  </label>
                ) : (
                  <button type="submit" name="choice" value={value} class="tap">
                    <span class="letter" aria-hidden="true">
                      {LETTERS[i]}
                    </span>{' '}
                    {text}
                  </button>
                )}
              </li>
            )
          })}
        </ul>
        {many && (
          <button type="submit" class="primary">
            Lock in my answer
          </button>
        )}
      </fieldset>
    </PostForm>
  )
}

/** A student's phone: the question and its buttons, then a lock, then their own verdict and rank. */
export function PhoneScreen({ snap, attemptId, error }: { snap: Snapshot; attemptId: string; error?: string }) {
  const me = snap.ranking.find((r) => r.attemptId === attemptId)
  const mine = snap.given.get(attemptId)
  const { phase, index } = snap.state
  const now = current(snap)
  const of = `Question ${index + 1} of ${snap.klass.live!.plan.length}`
  const body = () => {
    if (!me)
      return (
        <>
          <h2 tabindex={-1} autofocus>
            You are not in this game
          </h2>
          <p>Your teacher removed you from the class.</p>
        </>
      )
    if (phase === 'lobby')
      return (
        <>
          <h2 tabindex={-1} autofocus>
            You're in, {me.nickname}!
          </h2>
          <p>Watch the projector. The first question appears here when your teacher starts the game.</p>
          <p class="meta">{players(snap.players)} so far.</p>
        </>
      )
    if (phase === 'ended')
      return (
        <>
          <h2 tabindex={-1} autofocus>
            Game over
          </h2>
          <p class="standing" data-rank={String(me.rank)} data-score={String(me.score)}>
            You finished <strong>{ordinal(me.rank)}</strong> of {snap.players} with <strong>{formatPoints(me.score)}</strong> points.
          </p>
          <a class="button primary" href={`/results/${attemptId}`}>
            See your answers
          </a>
        </>
      )
    if (!now) return <p>This question has been withdrawn.</p>
    if (phase === 'reveal') {
      const credit = mine?.credit ?? 0
      return (
        <article class={`verdict ${mine ? verdictClass(credit) : 'wrong'}`}>
          <p class="meta">{of}</p>
          <h2 tabindex={-1} autofocus>
            <span aria-hidden="true">{mine ? verdictIcon(credit) : '–'} </span>
            {mine ? verdictLabel(credit) : 'No answer in time'}
            <span class="points"> +{formatPoints(mine?.points ?? 0)} points</span>
          </h2>
          <dl>
            {mine && (
              <>
                <dt>Your answer</dt>
                <dd>{formatAnswer(now.question, mine.response)}</dd>
              </>
            )}
            <dt>The answer</dt>
            <dd>{formatKey(now.question)}</dd>
          </dl>
          <p class="standing" data-rank={String(me.rank)} data-score={String(me.score)}>
            You have <strong>{formatPoints(me.score)}</strong> points: <strong>{ordinal(me.rank)}</strong> of {snap.players}.
          </p>
        </article>
      )
    }
    if (mine)
      return (
        <>
          <p class="meta">{of}</p>
          <h2 tabindex={-1} autofocus>
            Answer locked in
          </h2>
          <p>
            You chose: <strong>{formatAnswer(now.question, mine.response)}</strong>
          </p>
          <p>The answer shows when time is up or everyone has answered.</p>
        </>
      )
    if (phase === 'paused')
      return (
        <>
          <p class="meta">{of}</p>
          <h2 tabindex={-1} autofocus>
            Paused
          </h2>
          <p>Your teacher paused the game. The question comes back when they carry on.</p>
        </>
      )
    return (
      <>
        <p class="meta">{of}</p>
        <Countdown snap={snap} />
        <AnswerForm snap={snap} attemptId={attemptId} question={now.question} shown={now.shown} />
      </>
    )
  }
  return (
    <div class="live-screen phone" {...stamp(snap)}>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {body()}
    </div>
  )
}

/** What the phone's live region says about a screen. */
export function phoneAnnouncement(snap: Snapshot, attemptId: string): string {
  const me = snap.ranking.find((r) => r.attemptId === attemptId)
  const mine = snap.given.get(attemptId)
  switch (snap.state.phase) {
    case 'lobby':
      return 'Waiting for the game to start.'
    case 'open':
      return mine ? 'Answer locked in.' : `Question ${snap.state.index + 1} is open.`
    case 'paused':
      return 'The game is paused.'
    case 'reveal':
      return `${mine ? verdictLabel(mine.credit) : 'No answer'}: ${formatPoints(mine?.points ?? 0)} points. You are ${ordinal(me?.rank ?? 0)}.`
    case 'ended':
      return `Game over. You finished ${ordinal(me?.rank ?? 0)}.`
  }
}

export function Announce({ text, oob }: { text: string; oob?: boolean }) {
  return (
    <p id="announce" class="visually-hidden" aria-live="polite" hx-swap-oob={oob ? 'innerHTML' : undefined}>
      {text}
    </p>
  )
}

// ---------------------------------------------------------------- projector

function Chart({ snap, question, shown }: { snap: Snapshot; question: Question; shown: string[] }) {
  const counts = snap.counts ?? shown.map(() => 0)
  const most = Math.max(1, ...counts)
  const key = keyed(question, shown)
  const total = snap.answered
  return (
    <ol class="live-chart" aria-label="How the class answered">
      {shown.map((text, i) => {
        const right = key.includes(i)
        return (
          <li class={right ? 'right' : undefined}>
            <span class="letter" aria-hidden="true">
              {LETTERS[i]}
            </span>
            <span class="option">
              {text}
              {right && <strong class="tick"> ✓ correct</strong>}
            </span>
            <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" class="bar">
              <rect width={String(Math.round((100 * counts[i]) / most))} height="6" class={right ? 'bar-right' : 'bar-fg'} />
            </svg>
            <span class="count">
              {counts[i]} {counts[i] === 1 ? 'answer' : 'answers'} ({percent(counts[i], total)}%)
            </span>
          </li>
        )
      })}
    </ol>
  )
}

function Leaders({ snap, count }: { snap: Snapshot; count: number }) {
  const top = snap.ranking.slice(0, count)
  if (top.length === 0) return null
  return (
    <ol class="leaders">
      {top.map((row, i) => (
        <li>
          <span class="rank">#{row.rank}</span> <span class="name">{nameOf(snap, row, i)}</span>{' '}
          <span class="score">{formatPoints(row.score)} points</span>
        </li>
      ))}
    </ol>
  )
}

function Podium({ snap }: { snap: Snapshot }) {
  const places = snap.ranking.slice(0, 3)
  return (
    <ol class="podium" aria-label="Podium">
      {places.map((row, i) => (
        <li class={`place-${i + 1}`}>
          <span class="medal">{ordinal(row.rank)}</span>
          <span class="name">{nameOf(snap, row, i)}</span>
          <span class="score">{formatPoints(row.score)} points</span>
        </li>
      ))}
    </ol>
  )
}

function FullRanking({ snap }: { snap: Snapshot }) {
  return (
    <table class="board projector-table">
      <caption>Full ranking</caption>
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">Player</th>
          <th scope="col">Points</th>
          <th scope="col">Correct</th>
        </tr>
      </thead>
      <tbody>
        {snap.ranking.map((row, i) => (
          <tr>
            <th scope="row">#{row.rank}</th>
            <td>{nameOf(snap, row, i)}</td>
            <td>{formatPoints(row.score)}</td>
            <td>
              {row.correct} of {snap.klass.live!.plan.length}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The projector: the lobby filling up, each question with its clock, the reveal, the podium. */
export function ProjectorScreen({ snap, joinUrl }: { snap: Snapshot; joinUrl: string }) {
  const { phase, index } = snap.state
  const now = current(snap)
  const of = `Question ${index + 1} of ${snap.klass.live!.plan.length}`
  const body = () => {
    if (phase === 'lobby')
      return (
        <>
          <div class="join-panel">
            <p>
              Join at <strong>{new URL(joinUrl).host}/join</strong> with code
              <span class="big-code">{snap.klass.code}</span>
            </p>
            <QrCode text={joinUrl} label={`QR code to join: ${joinUrl}`} />
          </div>
          <h2>{players(snap.players)} in the game</h2>
          {!snap.klass.hideNames && (
            <ul class="names">
              {snap.ranking.map((row) => (
                <li>{row.nickname}</li>
              ))}
            </ul>
          )}
          <p class="meta">The game starts when the teacher starts it.</p>
        </>
      )
    if (phase === 'ended')
      return (
        <>
          <h2>Final results</h2>
          <Podium snap={snap} />
          <FullRanking snap={snap} />
        </>
      )
    if (!now) return <p>This question has been withdrawn.</p>
    if (phase === 'reveal') {
      const source = sourceOf(now.question)
      return (
        <div class="reveal">
          <div>
            <p class="meta">{of}</p>
            <h2>{now.question.prompt}</h2>
            <Chart snap={snap} question={now.question} shown={now.shown} />
            <p class="key">
              <strong>The answer:</strong> {formatKey(now.question)}
            </p>
            <p>{now.question.explanation}</p>
            <p class="source">
              Source: {source.outlet}, “{source.title}”, {source.date}.
            </p>
          </div>
          <div>
            <h2>Top five</h2>
            <Leaders snap={snap} count={5} />
          </div>
        </div>
      )
    }
    return (
      <>
        <p class="meta">
          {of} · join with code <strong>{snap.klass.code}</strong>
        </p>
        <h2>{now.question.prompt}</h2>
        <ol class="live-options">
          {now.shown.map((text, i) => (
            <li>
              <span class="letter" aria-hidden="true">
                {LETTERS[i]}
              </span>{' '}
              {text}
            </li>
          ))}
        </ol>
        <Countdown snap={snap} />
        <AnsweredCount snap={snap} />
      </>
    )
  }
  return (
    <div class="live-screen" {...stamp(snap)}>
      {body()}
    </div>
  )
}

// ---------------------------------------------------------------- teacher

const CONTROL_LABELS: Record<Control, string> = {
  start: 'Start the game',
  pause: 'Pause',
  resume: 'Carry on',
  reveal: 'Show the answer now',
  next: 'Next question',
  skip: 'Skip this question',
  end: 'End the game now',
}
const CONTROLS_BY_PHASE = {
  lobby: ['start'],
  open: ['pause', 'reveal', 'skip', 'end'],
  paused: ['resume', 'skip', 'end'],
  reveal: ['next', 'end'],
  ended: [],
} satisfies Record<Snapshot['state']['phase'], Control[]>

/**
 * The teacher's remote control, above the dashboard. After a press (`pressed`), the pressed button
 * is gone: focus moves to the new state's line, which a screen reader then reads.
 */
export function TeacherControls({ snap, base, pressed, notice }: { snap: Snapshot; base: string; pressed?: boolean; notice?: string }) {
  const { phase, index } = snap.state
  const size = snap.klass.live!.plan.length
  const last = index === size - 1
  const where = {
    lobby: `Waiting in the lobby: ${players(snap.players)} joined.`,
    open: `Question ${index + 1} of ${size} is open.`,
    paused: `Question ${index + 1} of ${size} is paused.`,
    reveal: `Showing the answer to question ${index + 1} of ${size}.`,
    ended: 'The game is over. The results are below and in the CSV.',
  }[phase]
  return (
    <div class="live-screen live-controls" {...stamp(snap)}>
      {notice && (
        <p class="error" role="alert">
          {notice}
        </p>
      )}
      <p tabindex={pressed ? -1 : undefined} autofocus={pressed}>
        <strong>{where}</strong>
      </p>
      {(phase === 'open' || phase === 'paused') && <AnsweredCount snap={snap} />}
      <p class="actions">
        {CONTROLS_BY_PHASE[phase].map((control: Control) => {
          const action = `${base}/live/${control}`
          const label = control === 'next' && last ? 'Show the podium' : CONTROL_LABELS[control]
          return (
            <PostForm action={action} hx-post={action} hx-target="#live-panel" class="inline">
              <input type="hidden" name="version" value={String(snap.state.version)} />
              <button type="submit" class={control === 'start' || control === 'next' ? 'primary' : undefined}>
                {label}
              </button>
            </PostForm>
          )
        })}
      </p>
      {phase !== 'ended' && phase !== 'lobby' && (
        <p class="meta">
          Skip moves on without showing the answer; answers already given keep their points. Ending now marks everyone finished.
        </p>
      )}
    </div>
  )
}

// ---------------------------------------------------------------- pushes

/** The HTML a socket is sent: its screen, and for a phone what its live region says. */
export async function renderFor(viewer: Viewer, snap: Snapshot): Promise<string> {
  const node =
    viewer.role === 'phone' ? (
      <FormToken.Provider value={viewer.token}>
        <PhoneScreen snap={snap} attemptId={viewer.attemptId} />
        <Announce text={phoneAnnouncement(snap, viewer.attemptId)} oob />
      </FormToken.Provider>
    ) : viewer.role === 'teacher' ? (
      <FormToken.Provider value={viewer.token}>
        <TeacherControls snap={snap} base={viewer.base} />
      </FormToken.Provider>
    ) : (
      <ProjectorScreen snap={snap} joinUrl={viewer.joinUrl} />
    )
  return String(await node.toString())
}

/**
 * What a screen depends on, so the game sends it again only when it would change: a join
 * mid-question must not redraw a phone's half-ticked form, nor move the teacher's focus.
 */
export function screenKey(viewer: Viewer, snap: Snapshot): string {
  const { version, phase, index, openedAt } = snap.state
  const state = `${version}:${phase}:${index}:${openedAt}`
  const lobby = phase === 'lobby' ? snap.players : ''
  // The teacher's count of answers and players changes through renderCount, not a redraw.
  if (viewer.role === 'teacher') return `${state}|${lobby}`
  if (viewer.role === 'board') return `${state}|${snap.klass.hideNames}|${snap.ranking.map((r) => `${r.nickname}:${r.score}`).join(',')}`
  const me = snap.ranking.find((r) => r.attemptId === viewer.attemptId)
  const name = phase === 'lobby' ? me?.nickname : ''
  const standing = me && (phase === 'reveal' || phase === 'ended') ? `${me.rank}:${me.score}:${snap.players}` : ''
  return `${state}|${lobby}|${me ? name : '-'}|${snap.given.has(viewer.attemptId)}|${standing}`
}

/** Just the count of answers, swapped into the projector and the teacher's page as it rises. */
export const renderCount = (snap: Snapshot) => `<span id="answered-count" hx-swap-oob="innerHTML">${answeredText(snap)}</span>`
