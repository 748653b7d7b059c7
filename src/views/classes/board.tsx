import type { SeatRow } from '../../db/classes.ts'
import type { Class } from '../../db/schema.ts'
import { formatDuration, formatPoints } from '../format.ts'
import { rankSeats } from '../../game/ranking.ts'
import { QrCode } from '../qr.tsx'
import { OverallTable } from './overall.tsx'
import { ShowBar, Streak } from '../show.tsx'

/** `overall`: from a second round, the top rows over every round (db/classes.ts overallSeats). */
export type BoardProps = { klass: Class; rows: SeatRow[]; overall?: SeatRow[]; total: number; joinUrl: string }
export const BOARD_REFRESH_SECONDS = 3
/** From a second round the board shows two rankings, the round's and the class's over every round: this many rows each fit the screen. */
export const BOARD_ROUND_ROWS = 6

/** The class ranking; it polls itself through htmx and swaps in its own replacement. */
export function BoardRows({ klass, rows, overall, total }: BoardProps) {
  const size = klass.questionIds.length
  const url = `/board/${klass.boardId}/rows`
  const ranked = rankSeats(rows, klass.scoring === 'untimed').slice(0, klass.round > 1 ? BOARD_ROUND_ROWS : undefined)
  return (
    // A failed refresh (a D1 blip) keeps the last ranking on screen and tries again on the next tick.
    <div id="board" hx-get={url} hx-trigger={`every ${BOARD_REFRESH_SECONDS}s`} hx-swap="outerHTML" {...{ 'hx-status:5xx': 'swap:none' }}>
      <p class="board-count">
        {total} {total === 1 ? 'student' : 'students'} {klass.open ? '' : '· closed to new joins'}
      </p>
      {ranked.length > 0 && (
        <table class="board projector-table">
          <caption class={klass.round > 1 ? undefined : 'visually-hidden'}>
            {klass.round > 1 ? `Round ${klass.round}` : 'Class ranking'}: most points first
            {klass.scoring === 'untimed' ? '' : ', then fastest'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Player</th>
              <th scope="col">Points</th>
              <th scope="col">Progress</th>
              {klass.scoring !== 'untimed' && <th scope="col">Time</th>}
            </tr>
          </thead>
          <tbody>
            {ranked.map((row, i) => (
              <tr>
                <th scope="row">#{row.rank}</th>
                <td>
                  <Player name={klass.hideNames ? `Player ${i + 1}` : rows[i].nickname} /> <Streak run={row.streak} />
                </td>
                <td>{formatPoints(row.score)}</td>
                <td>
                  {row.answered} of {size} answered{row.finished ? ' ✓' : ''}
                </td>
                {klass.scoring !== 'untimed' && <td>{formatDuration(rows[i].timeMs)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {klass.round > 1 && overall && overall.length > 0 && (
        <OverallTable klass={klass} seats={overall.slice(0, BOARD_ROUND_ROWS)} sorted projector />
      )}
    </div>
  )
}

/** A name in the ranking: cut short with an ellipsis if it must be, the whole of it in the title. */
const Player = ({ name }: { name: string }) => (
  <span class="name" title={name}>
    {name}
  </span>
)

/** The projector page: the code and QR to join beside the ranking, filling the screen. */
export function BoardPage(props: BoardProps) {
  const { klass, joinUrl } = props
  return (
    <div class="projector board-show">
      <ShowBar title={klass.name} />
      <div class="board-layout">
        <div class="join-panel">
          <p class="join-at">
            Join at <strong>{new URL(joinUrl).host}/join</strong> with code
          </p>
          <span class="big-code">{klass.code}</span>
          <QrCode text={joinUrl} label={`QR code to join: ${joinUrl}`} />
        </div>
        <BoardRows {...props} />
      </div>
    </div>
  )
}
