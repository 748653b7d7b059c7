// The projector in a live game: the lobby filling up, each question with its clock, the reveal,
// the standings, the podium (their rankings in standings.tsx). One component per phase of the
// game, each laid out to fill one screen without scrolling (styles/projector.css): a projector
// cannot scroll.
import type { FC } from 'hono/jsx'
import type { Phase } from '../../live/machine.ts'
import { questionAt, type Snapshot } from '../../live/snapshot.ts'
import type { Question } from '../../questions/schema.ts'
import { formatKey } from '../format.ts'
import { OptionMark, optionClass } from '../option-mark.tsx'
import { QrCode } from '../qr.tsx'
import { Sources } from '../sources.tsx'
import { RevealChart } from './reveal.tsx'
import { AnsweredCount, Countdown, players, questionOf, stamp } from './shared.tsx'
import { OverallLeaders } from '../classes/overall.tsx'
import { Final, Leaders, Standings } from './standings.tsx'

type ProjectorProps = { snap: Snapshot; joinUrl: string; onScreen: { question: Question; shown: string[] } | null }

/** The most names the lobby lists; a larger hall is counted, and each phone shows its own name. */
export const LOBBY_NAMES = 200

/** A long text steps its type down, so that it wraps within the screen rather than running off it. */
export const lengthClass = (text: string, long: number) => (text.length > 2 * long ? 'longer' : text.length > long ? 'long' : undefined)

/** The lobby's names shrink as the room fills, so that 200 fit the screen beside the code. */
const crowd = (n: number) => (n <= 24 ? 'few' : n <= 60 ? 'some' : n <= 120 ? 'many' : 'crowd')

const Lobby: FC<ProjectorProps> = ({ snap, joinUrl }) => {
  const names = snap.klass.hideNames ? [] : snap.ranking.slice(0, LOBBY_NAMES)
  const more = snap.players - names.length
  return (
    <div class="lobby" data-crowd={crowd(snap.players)}>
      <div class="join-panel">
        <p class="join-at">
          Join at <strong>{new URL(joinUrl).host}/join</strong> with code
        </p>
        <span class="big-code">{snap.klass.code}</span>
        <QrCode text={joinUrl} label={`QR code to join: ${joinUrl}`} />
      </div>
      <div class="lobby-names">
        <h2>{players(snap.players)} in the game</h2>
        {!snap.klass.open && <p class="notice">Joining is locked.</p>}
        {snap.klass.round > 1 && (
          <OverallLeaders klass={snap.klass} seats={snap.ranking} title={`Round ${snap.klass.round}: the class so far`} limit={10} />
        )}
        {snap.klass.round === 1 && names.length > 0 && (
          <ul class="names">
            {names.map((row) => (
              <li title={row.nickname}>{row.nickname}</li>
            ))}
          </ul>
        )}
        {snap.klass.round === 1 && names.length > 0 && more > 0 && <p class="meta">and {players(more)} more</p>}
        <p class="meta">The game starts when the teacher starts it.</p>
      </div>
    </div>
  )
}

/** What the room is asked to do, for each type: the options to tap, the items to order, or the phone's box. */
export function Asked({ question, shown }: { question: Question; shown: string[] }) {
  switch (question.type) {
    case 'single':
    case 'multi':
    case 'truefalse': {
      const long = shown.some((text) => text.length > 60)
      return (
        <div class="asked">
          {question.type === 'multi' && <p class="ask">Choose every right answer on your phone.</p>}
          <ol class={`live-options${long ? ' long' : ''}`}>
            {shown.map((text, i) => (
              <li class={`tile ${optionClass(i)}`}>
                <OptionMark i={i} /> <span class="option">{text}</span>
              </li>
            ))}
          </ol>
        </div>
      )
    }
    case 'order':
      return (
        <div class="asked">
          <p class="ask">Put these in order on your phone:</p>
          <ul class="live-options order">
            {shown.map((text) => (
              <li>{text}</li>
            ))}
          </ul>
        </div>
      )
    case 'typed':
      return (
        <div class="asked">
          <p class="ask big-ask">Type your answer on your phone.</p>
        </div>
      )
    case 'numeric':
      return (
        <div class="asked">
          <p class="ask big-ask">Enter a number on your phone{question.unit ? ` (${question.unit})` : ''}.</p>
        </div>
      )
  }
}

const Open: FC<ProjectorProps> = ({ snap, onScreen }) => {
  const { question, shown } = onScreen!
  return (
    <div class="asking">
      <p class="meta show-meta">
        {questionOf(snap)} · join with code <strong>{snap.klass.code}</strong>
      </p>
      <h2 class={lengthClass(question.prompt, 90)}>{question.prompt}</h2>
      <Asked question={question} shown={shown} />
      <Countdown snap={snap} />
      <AnsweredCount snap={snap} />
    </div>
  )
}

const Reveal: FC<ProjectorProps> = ({ snap, onScreen }) => {
  const { question, shown } = onScreen!
  return (
    <div class="reveal">
      <div class="reveal-main">
        <p class="meta show-meta">{questionOf(snap)}</p>
        <h2 class={lengthClass(question.prompt, 90)}>{question.prompt}</h2>
        <RevealChart snap={snap} question={question} shown={shown} />
      </div>
      <div class="reveal-side">
        <Key snap={snap} question={question} />
        <div class={`explain ${lengthClass(question.explanation, 220) ?? ''}`}>
          <p>{question.explanation}</p>
          <Sources question={question} />
        </div>
      </div>
      <section class="top-five" aria-labelledby="top-five">
        <h2 id="top-five">Top five</h2>
        <Leaders snap={snap} count={5} />
      </section>
    </div>
  )
}

/**
 * The key beside the chart. Options are already ticked in the chart, so their key is their marks
 * (the words for screen readers); an order's chart is the order itself; other answers are written.
 */
function Key({ snap, question }: { snap: Snapshot; question: Question }) {
  if (question.type === 'order') return null
  const keyed = snap.reveal?.kind === 'choices' ? snap.reveal.keyed : []
  return (
    <p class="key">
      <strong>The answer:</strong>{' '}
      {keyed.length > 0 ? (
        <>
          {keyed.map((i) => (
            <OptionMark i={i} />
          ))}
          <span class="visually-hidden">{formatKey(question)}</span>
        </>
      ) : (
        formatKey(question)
      )}
    </p>
  )
}

const Withdrawn: FC<ProjectorProps> = () => <p>This question has been withdrawn.</p>

/** What the projector shows in each phase (paused: the question, its clock stopped); a question's phases need the question. */
const PHASES: Record<Phase, { Screen: FC<ProjectorProps>; needsQuestion: boolean }> = {
  lobby: { Screen: Lobby, needsQuestion: false },
  open: { Screen: Open, needsQuestion: true },
  paused: { Screen: Open, needsQuestion: true },
  reveal: { Screen: Reveal, needsQuestion: true },
  standings: { Screen: Standings, needsQuestion: false },
  ended: { Screen: Final, needsQuestion: false },
}

export function ProjectorScreen({ snap, joinUrl }: { snap: Snapshot; joinUrl: string }) {
  const onScreen = questionAt(snap.klass, snap.state.index)
  const { Screen, needsQuestion } = PHASES[snap.state.phase]
  const Body = needsQuestion && !onScreen ? Withdrawn : Screen
  return (
    <div class="live-screen" {...stamp(snap)}>
      <Body snap={snap} joinUrl={joinUrl} onScreen={onScreen} />
    </div>
  )
}
