// The standing across rounds: each student's points over every round so far, beside this round's.
// The teacher's page lists every student; the projector its top rows.
import type { SeatRow } from '../../db/standings.ts'
import type { Class } from '../../db/schema.ts'
import { rankOrdered, rankOverall } from '../../game/overall.ts'
import { accuracy, formatDuration, formatPoints } from '../format.ts'
import { ordinal } from '../live/shared.tsx'

type OverallProps = {
  klass: Pick<Class, 'round' | 'scoring' | 'hideNames'>
  seats: SeatRow[]
  /** Already in order over every round (the projector's query sorts them); otherwise ranked here. */
  sorted?: boolean
  /** On the projector: names hidden if the teacher hid them, and no accuracy column. */
  projector?: boolean
}

export const roundsSoFar = (round: number) => (round === 2 ? 'both rounds' : `all ${round} rounds`)

export function OverallTable({ klass, seats, sorted, projector }: OverallProps) {
  const untimed = klass.scoring === 'untimed'
  const ranked = sorted ? rankOrdered(seats, untimed) : rankOverall(seats, untimed)
  return (
    <table class={`board overall${projector ? ' projector-table' : ''}`}>
      <caption class={projector ? undefined : 'visually-hidden'}>
        Over {roundsSoFar(klass.round)}: most points first{untimed ? '' : ', then least time'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">{projector ? 'Player' : 'Nickname'}</th>
          <th scope="col">Total points</th>
          <th scope="col">Round {klass.round}</th>
          {!projector && <th scope="col">Accuracy</th>}
          {!untimed && <th scope="col">Time</th>}
        </tr>
      </thead>
      <tbody>
        {ranked.map((row, i) => {
          const shown = projector && klass.hideNames ? `Player ${i + 1}` : row.nickname
          const name = (
            <span class="name" title={shown}>
              {shown}
            </span>
          )
          // The projector's rows are laid out as its other rankings are (a card each, places in words).
          return (
            <tr class={projector && row.rank === 1 && row.score > 0 ? 'first' : undefined}>
              <th scope="row">{projector ? ordinal(row.rank) : `#${row.rank}`}</th>
              <td>{projector ? <span class="who">{name}</span> : name}</td>
              <td data-label="Total">{formatPoints(row.score)}</td>
              <td data-label={`Round ${klass.round}`}>{formatPoints(row.thisRound)}</td>
              {!projector && <td>{accuracy(row) === null ? '–' : `${accuracy(row)}%`}</td>}
              {!untimed && <td data-label="Time">{formatDuration(row.timeMs)}</td>}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** On a live game's projector: the leaders over every round so far, by name (or number, when names are hidden) and points. */
export function OverallLeaders({
  klass,
  seats,
  title,
  limit,
}: {
  klass: OverallProps['klass']
  seats: SeatRow[]
  title: string
  limit: number
}) {
  const ranked = rankOverall(seats, klass.scoring === 'untimed').slice(0, limit)
  if (ranked.length === 0) return null
  return (
    <section class="overall-leaders" aria-label={title}>
      <h3>{title}</h3>
      <ol class="runners-up">
        {ranked.map((row, i) => {
          const name = klass.hideNames ? `Player ${i + 1}` : row.nickname
          return (
            <li>
              <span class="rank">{ordinal(row.rank)}</span>{' '}
              <span class="name" title={name}>
                {name}
              </span>{' '}
              <span class="score">{formatPoints(row.score)}</span>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
