/** Ranks a class's seats: an untimed class breaks no ties by time. */
export function rankSeats<T extends { score: number; timeMs: number }>(rows: T[], untimed: boolean) {
  return rankRows(untimed ? rows.map((r) => ({ ...r, timeMs: 0 })) : rows)
}

/** Competition ranking (1, 2, 2, 4) over rows already sorted best first. */
export function rankRows<T extends { score: number; timeMs: number }>(rows: T[]): (T & { rank: number })[] {
  const ranked: (T & { rank: number })[] = []
  for (const [i, row] of rows.entries()) {
    const prev = ranked[i - 1]
    const tied = prev && prev.score === row.score && prev.timeMs === row.timeMs
    ranked.push({ ...row, rank: tied ? prev.rank : i + 1 })
  }
  return ranked
}
