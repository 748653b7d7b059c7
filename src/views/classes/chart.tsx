import type { QuestionStat } from '../../db/classes.ts'
import { findQuestion } from '../../questions/registry.ts'
import { percent } from '../format.ts'

/** Each question's correct rate, hardest first: an SVG bar with the numbers in text beside it. */
export function QuestionChart({ stats }: { stats: QuestionStat[] }) {
  if (stats.length === 0) return <p>No answers yet.</p>
  const rows = stats
    .map((s) => ({ ...s, rate: percent(s.correct, s.answers), prompt: findQuestion(s.questionId)?.prompt ?? s.questionId }))
    .sort((a, b) => a.rate - b.rate || b.answers - a.answers)
  return (
    <ol class="chart">
      {rows.map((row) => (
        <li>
          <p class="prompt">{row.prompt}</p>
          <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" class="bar">
            <rect width="100" height="6" class="bar-bg" />
            <rect width={String(row.rate)} height="6" class="bar-fg" />
          </svg>
          <p class="meta">
            {row.correct} of {row.answers} right ({row.rate}%)
          </p>
        </li>
      ))}
    </ol>
  )
}
