// The CSV of a class that has played more than one round: each student's points in every round,
// and their totals over all of them, ranked as the teacher's page ranks the class over every round.
import type { SeatRow } from '../db/standings.ts'
import type { RoundScore } from '../db/rounds.ts'
import { rankOverall } from '../game/overall.ts'
import { accuracy } from './format.ts'

export function roundsTable(round: number, seats: SeatRow[], scores: RoundScore[], untimed: boolean): (string | number)[][] {
  const rounds = Array.from({ length: round }, (_, i) => i + 1)
  const points = new Map<string, Map<number, number>>()
  for (const s of scores) points.set(s.seat, (points.get(s.seat) ?? new Map()).set(s.round, s.score))
  const header = [
    'Rank',
    'Nickname',
    ...rounds.map((n) => `Round ${n} points`),
    'Total points',
    'Correct',
    'Answered',
    'Accuracy (% of answered)',
    'Time (s)',
  ]
  const rows = rankOverall(seats, untimed).map((s) => [
    s.rank,
    s.nickname,
    // A round the student was not in yet (they joined later) is left empty, not 0.
    ...rounds.map((n) => points.get(s.attemptId)?.get(n) ?? ''),
    s.score,
    s.correct,
    s.answered,
    accuracy(s) ?? '',
    Math.round(s.timeMs / 1000),
  ])
  return [header, ...rows]
}
