// How the class answered each question, hardest first, for the teacher. A choice question lists
// its options with their marks, as the projector shows them (a live game's in the order everyone
// saw; a self-paced class's in the bank's order, since each student saw their own), and how many
// picked each, the key ticked: the wrong answer most chose is what a teacher goes over.
import type { QuestionStat } from '../../db/standings.ts'
import type { Class, PlanItem } from '../../db/schema.ts'
import { optionsOf } from '../../game/plan.ts'
import { picked, shownOptions } from '../../live/questions.ts'
import { findQuestion } from '../../questions/registry.ts'
import type { Question } from '../../questions/schema.ts'
import { percent } from '../format.ts'
import { OptionMark, optionClass } from '../option-mark.tsx'

export function QuestionChart({ klass, stats }: { klass: Class; stats: QuestionStat[] }) {
  if (stats.length === 0) return <p>No answers yet.</p>
  const plan = new Map(klass.live?.plan.map((item) => [item.q, item]))
  const rows = stats
    .map((s) => ({ ...s, rate: percent(s.correct, s.answers), question: findQuestion(s.questionId) }))
    .sort((a, b) => a.rate - b.rate || b.answers - a.answers)
  return (
    <ol class="question-stats">
      {rows.map((row) => (
        <li>
          <p class="prompt">{row.question?.prompt ?? row.questionId}</p>
          <Rate right={row.correct} answered={row.answers} />
          {row.question && <Picks stat={row} question={row.question} item={plan.get(row.questionId)} />}
        </li>
      ))}
    </ol>
  )
}

/** A question's correct rate, in words and as a bar. */
export function Rate({ right, answered }: { right: number; answered: number }) {
  const rate = percent(right, answered)
  return (
    <p class="rate">
      <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" class="bar">
        <rect width="100" height="6" class="bar-bg" />
        <rect width={String(rate)} height="6" class="bar-fg" />
      </svg>
      <span>
        {right} of {answered} right ({rate}%)
      </span>
    </p>
  )
}

/** A choice question's options, each with its mark and how many picked it; nothing for the other types. */
function Picks({ stat, question, item }: { stat: QuestionStat; question: Question; item?: PlanItem }) {
  if (question.type !== 'single' && question.type !== 'multi' && question.type !== 'truefalse') return null
  const shown = shownOptions(question, item ?? { q: question.id, order: optionsOf(question).map((_, i) => i) })
  const counts = shown.map(() => 0)
  for (const { response, count } of stat.responses) for (const i of picked(question, shown, response)) counts[i] += count
  return <OptionCounts shown={shown} counts={counts} keyed={picked(question, shown, question.answer)} total={stat.answers} />
}

/** Options as the class saw them, each with its mark, how many of `total` picked it, and a bar; the key ticked. */
export function OptionCounts({ shown, counts, keyed, total }: { shown: string[]; counts: number[]; keyed: number[]; total: number }) {
  return (
    <ol class="picks" aria-label="What the class picked">
      {shown.map((text, i) => {
        const right = keyed.includes(i)
        return (
          <li class={`${optionClass(i)}${right ? ' right' : ''}`}>
            <OptionMark i={i} />
            <span class="option">
              {text}
              {right && <strong class="tick"> ✓ correct</strong>}
            </span>
            <span class="count">
              {counts[i]}
              <span class="visually-hidden"> picked</span> ({percent(counts[i], total)}%)
            </span>
            <svg viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" class="bar">
              <rect width={String(percent(counts[i], total))} height="4" class="bar-opt" />
            </svg>
          </li>
        )
      })}
    </ol>
  )
}
