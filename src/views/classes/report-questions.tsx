// The report's questions: each with how the class answered it (every option's count with its mark,
// the answers typed or guessed most, an ordering's places), the answer most got wrong, and the time taken.
import type { AnswerGroup, QuestionReport } from '../../game/reteach.ts'
import { isOffensive } from '../../game/word-filter.ts'
import { picked } from '../../live/questions.ts'
import type { Question } from '../../questions/schema.ts'
import { formatAnswer, formatKey, formatSeconds, percent } from '../format.ts'
import { OptionMark } from '../option-mark.tsx'
import { OptionCounts, Rate } from './chart.tsx'

/** How many answers the report lists for a typed or numeric question. */
export const TOP_ANSWERS = 5

export const VERDICTS = {
  right: { icon: '✓', label: 'Right' },
  close: { icon: '≈', label: 'Close' },
  wrong: { icon: '✗', label: 'Wrong' },
  none: { icon: '–', label: 'Not answered' },
} as const
export type Verdict = keyof typeof VERDICTS
export const verdictOf = (credit: number | undefined): Verdict =>
  credit === undefined ? 'none' : credit === 1 ? 'right' : credit > 0 ? 'close' : 'wrong'

/** A verdict in an icon and a word: never colour alone. */
export function VerdictText({ verdict }: { verdict: Verdict }) {
  return (
    <span class={`verdict-text ${verdict}`}>
      <span aria-hidden="true">{VERDICTS[verdict].icon}</span> {VERDICTS[verdict].label}
    </span>
  )
}

export const questionTitle = (q: QuestionReport) => q.question?.prompt ?? 'A question since withdrawn from its bank'

const students = (n: number) => `${n} ${n === 1 ? 'student' : 'students'}`

/**
 * An answer as the class would read it: a choice with the marks of its options. `aloud`: for the
 * class's eyes, where what a student typed passes the projector's word filter first.
 */
export function AnswerValueText({ q, group, aloud }: { q: QuestionReport; group: AnswerGroup; aloud?: boolean }) {
  const question = q.question
  if (!question) return <>{JSON.stringify(group.value)}</>
  const text = formatAnswer(question, group.value)
  if (aloud && question.type === 'typed' && isOffensive(text)) return <em>an answer the word filter keeps off the screen</em>
  const marks = q.shown.length && question.type !== 'order' ? picked(question, q.shown, group.value) : []
  return (
    <>
      {marks.map((i) => (
        <>
          <OptionMark i={i} />{' '}
        </>
      ))}
      {text}
    </>
  )
}

/** The answer given most that was not right, and by how many. */
export function WrongAnswer({ q, aloud }: { q: QuestionReport; aloud?: boolean }) {
  if (q.answered === 0) return null
  if (!q.wrong) return <p class="wrong-answer">Nobody got it wrong.</p>
  return (
    <p class="wrong-answer">
      <strong>Most common wrong answer:</strong> <AnswerValueText q={q} group={q.wrong} aloud={aloud} /> ({students(q.wrong.count)},{' '}
      {percent(q.wrong.count, q.answered)}%{q.wrong.credit > 0 ? ', close' : ''})
    </p>
  )
}

/** What the class answered, by the kind of question. */
function Breakdown({ q, question }: { q: QuestionReport; question: Question }) {
  switch (question.type) {
    case 'single':
    case 'multi':
    case 'truefalse':
      return <OptionCounts shown={q.shown} counts={q.counts} keyed={q.keyed} total={q.answered} />
    case 'order':
      return (
        <ol class="placed" aria-label="The right order, and how many put each item in its place">
          {q.shown.map((item, i) => (
            <li>
              <span class="place">{i + 1}</span> <span class="option">{item}</span>{' '}
              <span class="count">
                {q.counts[i]} placed it here ({percent(q.counts[i], q.answered)}%)
              </span>
            </li>
          ))}
        </ol>
      )
    case 'typed':
    case 'numeric':
      return (
        <>
          <p class="key">
            <strong>The answer:</strong> {formatKey(question)}
          </p>
          {q.groups.length > 0 && (
            <ol class="top-answers" aria-label={question.type === 'typed' ? 'The answers typed most' : 'The numbers given most'}>
              {q.groups.slice(0, TOP_ANSWERS).map((g) => (
                <li>
                  <VerdictText verdict={verdictOf(g.credit)} /> <span class="option">{formatAnswer(question, g.value)}</span>{' '}
                  <span class="count">
                    {g.count} ({percent(g.count, q.answered)}%)
                  </span>
                </li>
              ))}
            </ol>
          )}
        </>
      )
  }
}

export function QuestionCard({ q }: { q: QuestionReport }) {
  return (
    <li id={`q-${q.number}`}>
      <h3 class="prompt">
        <span class="qnum">Q{q.number}</span> {questionTitle(q)}
      </h3>
      <Rate right={q.right} answered={q.answered} />
      <p class="meta">
        {q.medianMs === null ? 'No answers yet.' : `Median time ${formatSeconds(q.medianMs)}.`}
        {q.close > 0 && ` ${q.close} close (part points).`}
        {q.unanswered > 0 && ` ${students(q.unanswered)} did not answer.`}
      </p>
      {q.question && <Breakdown q={q} question={q.question} />}
      <WrongAnswer q={q} />
    </li>
  )
}
