// The report's students: every answer at a glance (a row per student, a column per question), then
// each student's answers beside the key, and what they found hardest.
import type { QuestionReport, RoundReport, StudentReport } from '../../game/reteach.ts'
import { formatAnswer, formatDuration, formatKey, formatPoints, formatSeconds, percent } from '../format.ts'
import { VERDICTS, VerdictText, verdictOf } from './report-questions.tsx'

const legend = (['right', 'close', 'wrong', 'none'] as const)
  .map((v) => `${VERDICTS[v].icon} ${VERDICTS[v].label.toLowerCase()}`)
  .join(', ')

/** A row per student, a column per question: who got what, and each question's share right under it. */
export function AnswerGrid({ report }: { report: RoundReport }) {
  const { questions, students } = report
  return (
    <>
      <p class="meta" id="grid-caption">
        Every answer at a glance ({legend}), most points first.
      </p>
      {/* The region scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it. */}
      <div class="grid-scroll" role="region" aria-labelledby="grid-caption" tabindex={0}>
        <table class="board answer-grid">
          <caption class="visually-hidden">Every answer at a glance</caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Student</th>
              {questions.map((q) => (
                <th scope="col" class="q">
                  <a href={`#q-${q.number}`}>Q{q.number}</a>
                </th>
              ))}
              <th scope="col" class="num">
                Right
              </th>
              <th scope="col" class="num">
                Points
              </th>
            </tr>
          </thead>
          <tbody>
            {students.map((s, i) => (
              <tr>
                <td>#{s.rank}</td>
                <th scope="row" class="name">
                  <a href={`#student-${i + 1}`}>{s.nickname}</a>
                </th>
                {s.answers.map((a) => {
                  const verdict = verdictOf(a?.credit)
                  return (
                    <td class={`q ${verdict}`}>
                      <span aria-hidden="true">{VERDICTS[verdict].icon}</span>
                      <span class="visually-hidden">{VERDICTS[verdict].label}</span>
                    </td>
                  )
                })}
                <td class="num">
                  {s.correct} of {questions.length}
                </td>
                <td class="num">{formatPoints(s.score)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan={2}>
                Share right
              </th>
              {questions.map((q) => (
                <td class="q">{q.answered ? `${percent(q.right, q.answered)}%` : '–'}</td>
              ))}
              <td class="num">{report.answered ? `${percent(report.right, report.answered)}%` : '–'}</td>
              <td></td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  )
}

/** The questions a student missed, those most of the class got right first; else the one they took longest over. */
function Hardest({ s, questions }: { s: StudentReport; questions: QuestionReport[] }) {
  const q = (n: number) => questions[n - 1]
  if (s.missed.length > 0)
    return (
      <p class="hardest">
        <strong>Found hardest:</strong>{' '}
        {s.missed.map((n, i) => (
          <>
            {i > 0 && ', '}
            <a href={`#q-${n}`}>Q{n}</a> ({percent(q(n).right, q(n).answered)}% of the class right)
          </>
        ))}
        .
      </p>
    )
  if (s.slowest === null) return <p class="hardest">No answers yet.</p>
  return (
    <p class="hardest">
      <strong>Found hardest:</strong> nothing missed; took longest over <a href={`#q-${s.slowest}`}>Q{s.slowest}</a> (
      {formatSeconds(s.answers[s.slowest - 1]!.timeMs)}).
    </p>
  )
}

export function StudentCard({ s, i, questions }: { s: StudentReport; i: number; questions: QuestionReport[] }) {
  return (
    <li id={`student-${i + 1}`}>
      <h3>
        #{s.rank} {s.nickname}
      </h3>
      <p class="meta">
        {formatPoints(s.score)} points · {s.correct} of {questions.length} right · {formatDuration(s.timeMs)}
        {s.finished ? '' : ' · not finished'}
      </p>
      <Hardest s={s} questions={questions} />
      {s.unanswered.length > 0 && <p class="meta">Not answered: {s.unanswered.map((n) => `Q${n}`).join(', ')}.</p>}
      <table class="board student-answers">
        <caption class="visually-hidden">{s.nickname}'s answers beside the key</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Their answer</th>
            <th scope="col">The answer</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {questions.map((q, k) => {
            const a = s.answers[k]
            return (
              <tr class={verdictOf(a?.credit)}>
                <th scope="row">
                  <a href={`#q-${q.number}`}>Q{q.number}</a>
                </th>
                <td data-label="Their answer">
                  {a ? (q.question ? formatAnswer(q.question, a.response) : JSON.stringify(a.response)) : '–'}
                </td>
                <td data-label="The answer">{q.question ? formatKey(q.question) : 'withdrawn'}</td>
                <td data-label="Result">
                  <VerdictText verdict={verdictOf(a?.credit)} />
                  {a && (
                    <span class="meta">
                      {formatPoints(a.points)} pts · {formatSeconds(a.timeMs)}
                    </span>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </li>
  )
}
