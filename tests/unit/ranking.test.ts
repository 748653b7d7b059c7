import { expect, it } from 'vitest'
import { rankRows, rankSeats } from '../../src/game/ranking.ts'

it('gives tied rows the same rank and skips the places they take', () => {
  const rows = [
    { score: 900, timeMs: 10 },
    { score: 800, timeMs: 20 },
    { score: 800, timeMs: 20 },
    { score: 800, timeMs: 20 },
    { score: 800, timeMs: 30 },
  ]
  expect(rankRows(rows).map((r) => r.rank)).toEqual([1, 2, 2, 2, 5])
})

it('ties an untimed class on points alone', () => {
  const rows = [
    { score: 900, timeMs: 10 },
    { score: 900, timeMs: 99 },
  ]
  expect(rankSeats(rows, true).map((r) => r.rank)).toEqual([1, 1])
  expect(rankSeats(rows, false).map((r) => r.rank)).toEqual([1, 2])
})
