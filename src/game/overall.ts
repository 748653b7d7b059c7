// A standing across rounds: each seat's totals over the class's earlier rounds plus the round in
// play. Pure: the seats come from D1 (db/standings.ts) or a live game's memory.
import type { SeatRow } from '../db/standings.ts'
import { rankSeats } from './ranking.ts'

/** A seat over every round so far: `score`, `correct`, `answered` and `timeMs` are totals; `thisRound` is the round in play's points. */
export type OverallRow = Pick<SeatRow, 'attemptId' | 'nickname'> & {
  score: number
  correct: number
  answered: number
  timeMs: number
  thisRound: number
}

export const overallOf = (seat: SeatRow): OverallRow => ({
  attemptId: seat.attemptId,
  nickname: seat.nickname,
  score: seat.pastScore + seat.score,
  correct: seat.pastCorrect + seat.correct,
  answered: seat.pastAnswered + seat.answered,
  timeMs: seat.pastTimeMs + seat.timeMs,
  thisRound: seat.score,
})

/** Seats ranked over every round: most points first, then least time (an untimed class breaks no ties by time). */
export function rankOverall(seats: SeatRow[], untimed: boolean) {
  const rows = seats.map(overallOf)
  const time = (row: OverallRow) => (untimed ? 0 : row.timeMs)
  return rankSeats(
    rows.toSorted((a, b) => b.score - a.score || time(a) - time(b)),
    untimed,
  )
}

/** Seats already in order over every round (db/standings.ts overallSeats), ranked. */
export const rankOrdered = (seats: SeatRow[], untimed: boolean) => rankSeats(seats.map(overallOf), untimed)
