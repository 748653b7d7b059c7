// A student's phone in a live game: the question and its buttons, then a lock, then their own
// verdict and rank. One component per phase of the game.
import type { FC } from 'hono/jsx'
import { streakAt } from '../../game/scoring.ts'
import type { Answer } from '../../db/schema.ts'
import type { Phase } from '../../live/machine.ts'
import { questionAt, type Ranked, type Snapshot } from '../../live/snapshot.ts'
import type { Question } from '../../questions/schema.ts'
import { formatAnswer, formatKey, formatPoints } from '../format.ts'
import { Inputs } from '../play/question.tsx'
import { verdictClass, verdictIcon, verdictLabel } from '../play/verdict.tsx'
import { PostForm } from '../post-form.tsx'
import { OptionMark, optionClass } from '../option-mark.tsx'
import { Countdown, ordinal, questionOf, stamp } from './shared.tsx'
import { Streak } from '../show.tsx'

type PhoneProps = {
  snap: Snapshot
  attemptId: string
  me: Ranked
  /** This phone's answer to the question in play, once locked in. */
  mine: Answer | undefined
  /** The question in play; null when it has been withdrawn from its bank. */
  onScreen: { question: Question; shown: string[] } | null
}

function Heading({ children }: { children: unknown }) {
  return (
    <h2 tabindex={-1} autofocus>
      {children}
    </h2>
  )
}

const Lobby: FC<PhoneProps> = ({ me }) => (
  <>
    <Heading>You're in, {me.nickname}!</Heading>
    <p>Watch the projector. The first question appears here when your teacher starts the game.</p>
  </>
)

/** What a phone asks for each type: a tap for one choice, else inputs and a button to lock them in. */
function liveHint(question: Question): string {
  switch (question.type) {
    case 'single':
    case 'truefalse':
      return 'Tap your answer: it locks in at once.'
    case 'multi':
      return 'Tick every right answer, then lock them in.'
    case 'order':
      return `Give each item its place, 1 being the ${question.first}, then lock them in.`
    case 'typed':
      return 'Type your answer, then lock it in. Capitals, accents and spacing do not matter.'
    case 'numeric':
      return 'Enter a number, then lock it in.'
  }
}

function AnswerForm({ snap, attemptId, question, shown }: { snap: Snapshot; attemptId: string; question: Question; shown: string[] }) {
  const action = `/live/${attemptId}/answer`
  const taps = question.type === 'single' || question.type === 'truefalse'
  const order = snap.klass.live.plan[snap.state.index].order ?? []
  return (
    <PostForm action={action} hx-post={action} hx-target="#live" class="live-answer" novalidate>
      <input type="hidden" name="position" value={String(snap.state.index)} />
      <fieldset data-type={question.type}>
        <legend>
          <Heading>{question.prompt}</Heading>
        </legend>
        <p class="hint">{liveHint(question)}</p>
        {taps ? (
          <ul class="taps">
            {shown.map((text, i) => (
              <li>
                <button
                  type="submit"
                  name="choice"
                  value={question.type === 'truefalse' ? String(i === 0) : String(i)}
                  class={`tap tile ${optionClass(i)}`}
                >
                  <OptionMark i={i} /> <span class="option">{text}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <>
            <Inputs question={question} order={order} />
            <button type="submit" class="primary">
              Lock in my answer
            </button>
          </>
        )}
      </fieldset>
    </PostForm>
  )
}

const Open: FC<PhoneProps> = ({ snap, attemptId, onScreen }) => (
  <>
    <p class="meta">{questionOf(snap)}</p>
    <Countdown snap={snap} />
    <AnswerForm snap={snap} attemptId={attemptId} question={onScreen!.question} shown={onScreen!.shown} />
  </>
)

const LockedIn: FC<PhoneProps> = ({ snap, mine, onScreen }) => (
  <>
    <p class="meta">{questionOf(snap)}</p>
    <Heading>Answer locked in</Heading>
    <p>
      You chose: <strong>{formatAnswer(onScreen!.question, mine!.response)}</strong>
    </p>
    <p>The answer shows when time is up or everyone has answered.</p>
  </>
)

const Paused: FC<PhoneProps> = ({ snap }) => (
  <>
    <p class="meta">{questionOf(snap)}</p>
    <Heading>Paused</Heading>
    <p>Your teacher paused the game. The question comes back when they carry on.</p>
  </>
)

const Verdict: FC<PhoneProps> = ({ snap, me, mine, onScreen }) => {
  const credit = mine?.credit ?? 0
  return (
    <article class={`verdict ${mine ? verdictClass(credit) : 'wrong'}`}>
      <p class="meta">{questionOf(snap)}</p>
      <Heading>
        <span aria-hidden="true">{mine ? verdictIcon(credit) : '–'} </span>
        {mine ? verdictLabel(credit) : 'No answer in time'}
        <span class="points"> +{formatPoints(mine?.points ?? 0)} points</span>
      </Heading>
      <dl>
        {mine && (
          <>
            <dt>Your answer</dt>
            <dd>{formatAnswer(onScreen!.question, mine.response)}</dd>
          </>
        )}
        <dt>The answer</dt>
        <dd>{formatKey(onScreen!.question)}</dd>
      </dl>
      <p class="standing" data-rank={String(me.rank)} data-score={String(me.score)}>
        You have <strong>{formatPoints(me.score)}</strong> points: <strong>{ordinal(me.rank)}</strong> of {snap.players}.
      </p>
      <Streak run={streakAt(me, snap.state.index)} />
    </article>
  )
}

/** Between questions, while the projector shows the leaders: this phone's own place. */
const Standing: FC<PhoneProps> = ({ snap, me }) => (
  <div class="my-standing">
    <p class="meta">After {questionOf(snap).toLowerCase()}</p>
    <Heading>
      You are {ordinal(me.rank)} of {snap.players}
    </Heading>
    <p class="standing" data-rank={String(me.rank)} data-score={String(me.score)}>
      <strong>{formatPoints(me.score)}</strong> points
    </p>
    <Streak run={streakAt(me, snap.state.index)} />
    <p>
      {snap.state.index + 1 < snap.klass.live.plan.length
        ? 'The next question appears here when your teacher moves on.'
        : 'The final results appear here when your teacher moves on.'}
    </p>
  </div>
)

const Final: FC<PhoneProps> = ({ snap, attemptId, me }) => (
  <>
    <Heading>Game over</Heading>
    <p class="standing" data-rank={String(me.rank)} data-score={String(me.score)}>
      You finished <strong>{ordinal(me.rank)}</strong> of {snap.players} with <strong>{formatPoints(me.score)}</strong> points.
    </p>
    <a class="button primary" href={`/results/${attemptId}`}>
      See your answers
    </a>
  </>
)

const Withdrawn: FC<PhoneProps> = () => <p>This question has been withdrawn.</p>

const Waiting: FC = () => (
  <>
    <Heading>Waiting to be let in</Heading>
    <p>Your teacher lets each player in. This screen moves on by itself as soon as they do.</p>
  </>
)

const Removed: FC = () => (
  <>
    <Heading>You are not in this game</Heading>
    <p>Your teacher removed you from the class.</p>
  </>
)

/** What a phone shows in each phase; a question's phases need the question. */
const PHASES: Record<Phase, { Screen: FC<PhoneProps>; needsQuestion: boolean }> = {
  lobby: { Screen: Lobby, needsQuestion: false },
  open: { Screen: (p) => (p.mine ? <LockedIn {...p} /> : <Open {...p} />), needsQuestion: true },
  paused: { Screen: (p) => (p.mine ? <LockedIn {...p} /> : <Paused {...p} />), needsQuestion: true },
  reveal: { Screen: Verdict, needsQuestion: true },
  standings: { Screen: Standing, needsQuestion: false },
  ended: { Screen: Final, needsQuestion: false },
}

export function PhoneScreen({ snap, attemptId, error }: { snap: Snapshot; attemptId: string; error?: string }) {
  const me = snap.ranking.find((r) => r.attemptId === attemptId)
  const onScreen = questionAt(snap.klass, snap.state.index)
  const { Screen, needsQuestion } = PHASES[snap.state.phase]
  const Body = needsQuestion && !onScreen ? Withdrawn : Screen
  return (
    <div class="live-screen phone" {...stamp(snap)}>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {me ? (
        <Body snap={snap} attemptId={attemptId} me={me} mine={snap.given.get(attemptId)} onScreen={onScreen} />
      ) : snap.waiting.has(attemptId) ? (
        <Waiting />
      ) : (
        <Removed />
      )}
    </div>
  )
}

/** What the phone's live region says about a screen. */
export function phoneAnnouncement(snap: Snapshot, attemptId: string): string {
  const me = snap.ranking.find((r) => r.attemptId === attemptId)
  const mine = snap.given.get(attemptId)
  if (!me) return snap.waiting.has(attemptId) ? 'Waiting for your teacher to let you in.' : 'You are not in this game.'
  switch (snap.state.phase) {
    case 'lobby':
      return 'Waiting for the game to start.'
    case 'open':
      return mine ? 'Answer locked in.' : `Question ${snap.state.index + 1} is open.`
    case 'paused':
      return 'The game is paused.'
    case 'reveal':
      return `${mine ? verdictLabel(mine.credit) : 'No answer'}: ${formatPoints(mine?.points ?? 0)} points. You are ${ordinal(me?.rank ?? 0)}.`
    case 'standings':
      return `You are ${ordinal(me.rank)} with ${formatPoints(me.score)} points.`
    case 'ended':
      return `Game over. You finished ${ordinal(me?.rank ?? 0)}.`
  }
}
