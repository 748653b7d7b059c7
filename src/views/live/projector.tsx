// The projector in a live game: the lobby filling up, each question with its clock, the reveal,
// the podium. One component per phase of the game.
import type { FC } from 'hono/jsx'
import type { Phase } from '../../live/machine.ts'
import { questionAt, type Snapshot } from '../../live/snapshot.ts'
import type { Question } from '../../questions/schema.ts'
import { formatKey, formatPoints } from '../format.ts'
import { QrCode } from '../qr.tsx'
import { Sources } from '../sources.tsx'
import { RevealChart } from './reveal.tsx'
import { OptionMark, optionClass } from '../option-mark.tsx'
import { AnsweredCount, Countdown, nameOf, ordinal, players, questionOf, stamp } from './shared.tsx'

type ProjectorProps = { snap: Snapshot; joinUrl: string; onScreen: { question: Question; shown: string[] } | null }

const Lobby: FC<ProjectorProps> = ({ snap, joinUrl }) => (
  <>
    <div class="join-panel">
      <p>
        Join at <strong>{new URL(joinUrl).host}/join</strong> with code
        <span class="big-code">{snap.klass.code}</span>
      </p>
      <QrCode text={joinUrl} label={`QR code to join: ${joinUrl}`} />
    </div>
    {!snap.klass.open && <p class="notice">Joining is locked.</p>}
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

/** What the room is asked to do, for each type: the options to tap, the items to order, or the phone's box. */
function Asked({ question, shown }: { question: Question; shown: string[] }) {
  switch (question.type) {
    case 'single':
    case 'multi':
    case 'truefalse':
      return (
        <ol class="live-options">
          {shown.map((text, i) => (
            <li class={`tile ${optionClass(i)}`}>
              <OptionMark i={i} /> <span class="option">{text}</span>
            </li>
          ))}
        </ol>
      )
    case 'order':
      return (
        <>
          <p class="ask">Put these in order on your phone:</p>
          <ul class="live-options order">
            {shown.map((text) => (
              <li>{text}</li>
            ))}
          </ul>
        </>
      )
    case 'typed':
      return <p class="ask">Type your answer on your phone.</p>
    case 'numeric':
      return <p class="ask">Enter a number on your phone{question.unit ? ` (${question.unit})` : ''}.</p>
  }
}

const Open: FC<ProjectorProps> = ({ snap, onScreen }) => (
  <>
    <p class="meta">
      {questionOf(snap)} · join with code <strong>{snap.klass.code}</strong>
    </p>
    <h2>{onScreen!.question.prompt}</h2>
    <Asked question={onScreen!.question} shown={onScreen!.shown} />
    <Countdown snap={snap} />
    <AnsweredCount snap={snap} />
  </>
)

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

const Reveal: FC<ProjectorProps> = ({ snap, onScreen }) => {
  const { question, shown } = onScreen!
  return (
    <div class="reveal">
      <div>
        <p class="meta">{questionOf(snap)}</p>
        <h2>{question.prompt}</h2>
        <RevealChart snap={snap} question={question} shown={shown} />
        <p class="key">
          <strong>The answer:</strong> {formatKey(question)}
        </p>
        <p>{question.explanation}</p>
        <Sources question={question} />
      </div>
      <div>
        <h2>Top five</h2>
        <Leaders snap={snap} count={5} />
      </div>
    </div>
  )
}

const Final: FC<ProjectorProps> = ({ snap }) => (
  <>
    <h2>Final results</h2>
    <ol class="podium" aria-label="Podium">
      {snap.ranking.slice(0, 3).map((row, i) => (
        <li class={`place-${i + 1}`}>
          <span class="medal">{ordinal(row.rank)}</span>
          <span class="name">{nameOf(snap, row, i)}</span>
          <span class="score">{formatPoints(row.score)} points</span>
        </li>
      ))}
    </ol>
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
              {row.correct} of {snap.klass.live.plan.length}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </>
)

const Withdrawn: FC<ProjectorProps> = () => <p>This question has been withdrawn.</p>

/** What the projector shows in each phase (paused: the question, its clock stopped); a question's phases need the question. */
const PHASES: Record<Phase, { Screen: FC<ProjectorProps>; needsQuestion: boolean }> = {
  lobby: { Screen: Lobby, needsQuestion: false },
  open: { Screen: Open, needsQuestion: true },
  paused: { Screen: Open, needsQuestion: true },
  reveal: { Screen: Reveal, needsQuestion: true },
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
