import { BOARD_SIZE, type SeatRow } from '../../db/standings.ts'
import type { Class } from '../../db/schema.ts'
import { formatDuration, formatPoints } from '../format.ts'
import { rankSeats } from '../../game/ranking.ts'
import { QrCode } from '../qr.tsx'
import { OverallTable } from './overall.tsx'
import { ShowBar, Streak } from '../show.tsx'
import { ordinal } from '../live/shared.tsx'

/** `overall`: from a second round, the top rows over every round (db/standings.ts overallSeats). */
export type BoardProps = { klass: Class; rows: SeatRow[]; overall?: SeatRow[]; total: number; joinUrl: string }
export const BOARD_REFRESH_SECONDS = 3
/**
 * From a second round the board shows two rankings, the round's and the class's over every round:
 * this many rows each, where the first round shows BOARD_SIZE. Either fits one screen in type the
 * back of a classroom reads (src/views/styles/projector.css).
 */
export const BOARD_ROUND_ROWS = 5

/** The class ranking; it polls itself through htmx and swaps in its own replacement. */
export function BoardRows({ klass, rows, overall, total }: BoardProps) {
  const size = klass.questionIds.length
  const url = `/board/${klass.boardId}/rows`
  const untimed = klass.scoring === 'untimed'
  const both = klass.round > 1 && overall !== undefined && overall.length > 0
  const ranked = rankSeats(rows, untimed).slice(0, both ? BOARD_ROUND_ROWS : BOARD_SIZE)
  return (
    // A failed refresh (a D1 blip) keeps the last ranking on screen and tries again on the next tick.
    <div
      id="board"
      class={both ? 'two-rankings' : undefined}
      hx-get={url}
      hx-trigger={`every ${BOARD_REFRESH_SECONDS}s`}
      hx-swap="outerHTML"
      {...{ 'hx-status:5xx': 'swap:none' }}
    >
      <p class="board-count">
        {total} {total === 1 ? 'student' : 'students'}
        {total > ranked.length && ranked.length > 0 ? `, the top ${ranked.length} shown` : ''}
        {klass.open ? '' : ' · closed to new joins'}
      </p>
      {ranked.length > 0 && (
        <table class="board projector-table">
          <caption class={both ? undefined : 'visually-hidden'}>
            {both ? `Round ${klass.round}` : 'Class ranking'}: most points first
            {untimed ? '' : ', then fastest'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Player</th>
              <th scope="col">Points</th>
              <th scope="col">Answered</th>
              {!untimed && <th scope="col">Time</th>}
            </tr>
          </thead>
          <tbody>
            {ranked.map((row, i) => (
              <tr class={row.rank === 1 && row.score > 0 ? 'first' : undefined}>
                <th scope="row">{ordinal(row.rank)}</th>
                <td>
                  <span class="who">
                    <Player name={klass.hideNames ? `Player ${i + 1}` : rows[i].nickname} /> <Streak run={row.streak} short />
                  </span>
                </td>
                <td data-label="Points">{formatPoints(row.score)}</td>
                <td data-label="Answered">
                  {row.answered} of {size}
                  {row.finished ? ' ✓' : ''}
                </td>
                {!untimed && <td data-label="Time">{formatDuration(rows[i].timeMs)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {both && <OverallTable klass={klass} seats={overall.slice(0, BOARD_ROUND_ROWS)} sorted projector />}
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
