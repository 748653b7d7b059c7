// The projector in a live game: the lobby filling up, each question with its clock, the reveal,
// the podium. One component per phase of the game.
import type { FC } from 'hono/jsx'
import type { Phase } from '../../live/machine.ts'
import { keyed } from '../../live/questions.ts'
import { questionAt, type Snapshot } from '../../live/snapshot.ts'
import type { Question } from '../../questions/schema.ts'
import { formatKey, formatPoints, percent } from '../format.ts'
import { QrCode } from '../qr.tsx'
import { Sources } from '../sources.tsx'
import { AnsweredCount, Countdown, LETTERS, nameOf, ordinal, players, questionOf, stamp } from './shared.tsx'

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

const Open: FC<ProjectorProps> = ({ snap, onScreen }) => (
  <>
    <p class="meta">
      {questionOf(snap)} · join with code <strong>{snap.klass.code}</strong>
    </p>
    <h2>{onScreen!.question.prompt}</h2>
    <ol class="live-options">
      {onScreen!.shown.map((text, i) => (
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

function Chart({ snap, question, shown }: { snap: Snapshot; question: Question; shown: string[] }) {
  const counts = snap.counts ?? shown.map(() => 0)
  const most = Math.max(1, ...counts)
  const key = keyed(question, shown)
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
              {counts[i]} {counts[i] === 1 ? 'answer' : 'answers'} ({percent(counts[i], snap.answered)}%)
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

const Reveal: FC<ProjectorProps> = ({ snap, onScreen }) => {
  const { question, shown } = onScreen!
  return (
    <div class="reveal">
      <div>
        <p class="meta">{questionOf(snap)}</p>
        <h2>{question.prompt}</h2>
        <Chart snap={snap} question={question} shown={shown} />
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
