import { html } from 'hono/html'
import type { LeaderboardRow, Standing } from '../db/attempts.ts'
import type { Bank } from '../questions/schema.ts'
import { formatDuration, formatPoints } from './format.ts'
import { PostForm } from './post-form.tsx'

export type LeaderboardProps = {
  bank: Bank
  rows: (Omit<LeaderboardRow, 'ownerHash'> & { mine: boolean })[]
  total: number
  mine: (Standing & { id: string }) | null
}

export function LeaderboardPage({ bank, rows, total, mine }: LeaderboardProps) {
  return (
    <>
      <h1>Leaderboard: {bank.title}</h1>
      {mine ? (
        <p class="standing">
          Your best: <strong>#{mine.rank}</strong> of {total}. <a href={`/results/${mine.id}`}>See that result</a>
        </p>
      ) : (
        <p class="standing">
          {total} finished {total === 1 ? 'quiz' : 'quizzes'} so far. Play one to see where you stand.
        </p>
      )}
      {rows.length > 0 && (
        <table class="board ranking">
          <caption>Top {rows.length}: most points first, then fastest</caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Player</th>
              <th scope="col" class="num">
                Points
              </th>
              <th scope="col" class="num wide">
                Correct
              </th>
              <th scope="col" class="num wide">
                Time
              </th>
            </tr>
          </thead>
          <tbody>{rows.map(boardRow)}</tbody>
        </table>
      )}
      <PostForm action="/play" class="actions">
        <input type="hidden" name="bank" value={bank.id} />
        <button type="submit" class="primary">
          Play this quiz
        </button>{' '}
        <a href="/">All quizzes</a>
      </PostForm>
    </>
  )
}

/**
 * A player's row. Fifty rows of ten elements each were most of what the page rendered itself, so
 * they are written in hono's `html` template instead of JSX, at a fraction of the cost: it escapes
 * every value put in it as JSX does, text and quoted attributes alike (a nickname is typed by a
 * player). On a phone the two columns on the right are hidden and read in the player's cell instead.
 */
function boardRow(row: LeaderboardProps['rows'][number]) {
  const time = formatDuration(row.timeMs)
  return html`<tr${row.mine ? html` class="mine"` : ''}>
    <th scope="row">#${row.rank}</th>
    <td class="who">${row.nickname ?? 'Anonymous'}${row.mine ? html`<strong> (you)</strong>` : ''}<span class="detail"><span>${row.correct} correct,</span> <span>${time}</span></span></td>
    <td class="num">${formatPoints(row.score)}</td>
    <td class="num wide">${row.correct}</td>
    <td class="num wide">${time}</td>
  </tr>`
}
