// The projector's rankings in a live game: the leaders along the foot of a reveal, the standings
// between questions, and the final podium. Names are cut short on the screen, whole in their title.
import type { FC } from 'hono/jsx'
import { streakAt } from '../../game/scoring.ts'
import type { Ranked, Snapshot } from '../../live/snapshot.ts'
import { formatPoints } from '../format.ts'
import { nameOf, ordinal, players, questionOf } from './shared.tsx'
import { Streak } from '../show.tsx'
import { OverallLeaders, roundsSoFar } from '../classes/overall.tsx'

export function Leaders({ snap, count }: { snap: Snapshot; count: number }) {
  const top = snap.ranking.slice(0, count)
  if (top.length === 0) return <p class="meta">Nobody has joined.</p>
  return (
    <ol class="leaders">
      {top.map((row, i) => (
        <li>
          <span class="rank">{ordinal(row.rank)}</span> <Name snap={snap} row={row} i={i} />{' '}
          <span class="score">
            {formatPoints(row.score)}
            <span class="visually-hidden"> points</span>
          </span>
        </li>
      ))}
    </ol>
  )
}

/** A player's name on the big screen: cut short with an ellipsis if it must be, the whole of it in the title. */
function Name({ snap, row, i }: { snap: Snapshot; row: Ranked; i: number }) {
  const name = nameOf(snap, row, i)
  return (
    <span class="name" title={name}>
      {name}
    </span>
  )
}

/** Between questions: the leaders, what each scored on the question just asked, and their streaks. */
export const Standings: FC<{ snap: Snapshot }> = ({ snap }) => {
  const top = snap.ranking.slice(0, 5)
  const best = Math.max(1, ...top.map((row) => row.score))
  return (
    <div class="standings">
      <p class="meta show-meta">
        After {questionOf(snap).toLowerCase()} · join with code <strong>{snap.klass.code}</strong>
      </p>
      <h2>Standings</h2>
      {top.length === 0 ? (
        <p>Nobody has joined.</p>
      ) : (
        <ol class="standing-rows">
          {top.map((row, i) => (
            <li class={i === 0 ? 'first' : undefined}>
              <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                <rect width={String(Math.round((100 * row.score) / best))} height="10" />
              </svg>
              <span class="rank">{ordinal(row.rank)}</span>
              <Name snap={snap} row={row} i={i} />
              <Streak run={streakAt(row, snap.state.index)} />
              <span class="gained">+{formatPoints(snap.given.get(row.attemptId)?.points ?? 0)}</span>
              <span class="score">{formatPoints(row.score)} points</span>
            </li>
          ))}
        </ol>
      )}
      {snap.players > top.length && <p class="meta">and {players(snap.players - top.length)} more: each phone shows its own place.</p>}
    </div>
  )
}

/** The most players the final screen ranks by name; the rest see their place on their phones, and the teacher has the whole list. */
export const FINAL_NAMES = 10

export const Final: FC<{ snap: Snapshot }> = ({ snap }) => {
  const rest = snap.ranking.slice(3, FINAL_NAMES)
  return (
    <div class="final">
      <h2>Final results</h2>
      <ol class="podium" aria-label="Podium">
        {snap.ranking.slice(0, 3).map((row, i) => (
          <li class={`place-${i + 1}`}>
            <span class="medal">{ordinal(row.rank)}</span>
            <Name snap={snap} row={row} i={i} />
            <span class="score">{formatPoints(row.score)} points</span>
            <span class="meta">
              {row.correct} of {snap.klass.live.plan.length} right
            </span>
          </li>
        ))}
      </ol>
      {rest.length > 0 && (
        <ol class="runners-up" start={4} aria-label="Next places">
          {rest.map((row, i) => (
            <li>
              <span class="rank">{ordinal(row.rank)}</span> <Name snap={snap} row={row} i={i + 3} />{' '}
              <span class="score">{formatPoints(row.score)}</span>
            </li>
          ))}
        </ol>
      )}
      {snap.players > FINAL_NAMES && <p class="meta">and {players(snap.players - FINAL_NAMES)} more: each phone shows its own place.</p>}
      {snap.klass.round > 1 && (
        <OverallLeaders klass={snap.klass} seats={snap.ranking} title={`Over ${roundsSoFar(snap.klass.round)}`} limit={3} />
      )}
    </div>
  )
}
