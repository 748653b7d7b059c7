// "What to reteach": a round's report for the teacher, on a wide screen or on paper. First what to
// go over with the class (the questions fewer than half got right, with the explanation and the
// sources), then every question, then every student. Plain HTML: the round is chosen by a form.
import type { QuestionReport, RoundReport } from '../../game/reteach.ts'
import type { Class } from '../../db/schema.ts'
import { formatKey, formatSeconds, percent } from '../format.ts'
import { Sources } from '../sources.tsx'
import { QuestionCard, questionTitle, WrongAnswer } from './report-questions.tsx'
import { AnswerGrid, StudentCard } from './report-students.tsx'

type ReportProps = { klass: Class; base: string; report: RoundReport }

const roundName = (klass: Class, round: number) =>
  klass.round === 1 ? 'Round 1' : round === klass.round ? `Round ${round} (in play)` : `Round ${round} of ${klass.round}`

export function ReportPage({ klass, base, report }: ReportProps) {
  const { questions, students } = report
  return (
    <div class="report">
      <nav class="report-nav" aria-label="This report">
        <a href={base}>Back to the class</a>
        {klass.round > 1 && <RoundPicker klass={klass} base={base} round={report.round} />}
        <a class="button" href={`${base}/answers.csv`}>
          Download every answer (CSV)
        </a>
      </nav>
      <h1>
        What to reteach: {klass.name}
        <span class="round-name">{roundName(klass, report.round)}</span>
      </h1>
      <dl class="summary">
        <div>
          <dt>Students</dt>
          <dd>{students.length}</dd>
        </div>
        <div>
          <dt>Questions</dt>
          <dd>{questions.length}</dd>
        </div>
        <div>
          <dt>Answers right</dt>
          <dd>
            {report.right} of {report.answered} ({percent(report.right, report.answered)}%)
          </dd>
        </div>
        <div>
          <dt>Median time</dt>
          <dd>{report.medianMs === null ? '–' : formatSeconds(report.medianMs)}</dd>
        </div>
      </dl>
      <Reteach report={report} />
      <section aria-labelledby="questions-heading" class="report-section">
        <h2 id="questions-heading">Question by question</h2>
        <ol class="question-stats report-questions">
          {questions.map((q) => (
            <QuestionCard q={q} />
          ))}
        </ol>
      </section>
      <section aria-labelledby="students-heading" class="report-section">
        <h2 id="students-heading">Student by student</h2>
        {students.length === 0 ? (
          <p>Nobody played this round.</p>
        ) : (
          <>
            <AnswerGrid report={report} />
            <ol class="report-students">
              {students.map((s, i) => (
                <StudentCard s={s} i={i} questions={questions} />
              ))}
            </ol>
          </>
        )}
      </section>
    </div>
  )
}

/** Another round's report: a form, so it works without JavaScript. */
function RoundPicker({ klass, base, round }: { klass: Class; base: string; round: number }) {
  return (
    <form method="get" action={`${base}/report`} class="round-pick">
      <label for="round">Round</label>{' '}
      <select id="round" name="round">
        {Array.from({ length: klass.round }, (_, i) => i + 1).map((n) => (
          <option value={String(n)} selected={n === round}>
            {roundName(klass, n)}
          </option>
        ))}
      </select>{' '}
      <button type="submit">Show</button>
    </form>
  )
}

/** What to go over with the class: the questions fewer than half got right, hardest first, with why and the sources. */
function Reteach({ report }: { report: RoundReport }) {
  const { reteach } = report
  return (
    <section aria-labelledby="reteach-heading" class="reteach">
      <h2 id="reteach-heading">Go over these with the class</h2>
      {report.answered === 0 ? (
        <p>No answers yet: this list fills in as the class plays.</p>
      ) : reteach.length === 0 ? (
        <p>Nothing to go over: at least half the class got every question right.</p>
      ) : (
        <>
          <p>{reteach.length === 1 ? 'One question' : `${reteach.length} questions`} fewer than half the class got right, hardest first.</p>
          <ol class="reteach-list">
            {reteach.map((q) => (
              <ReteachItem q={q} />
            ))}
          </ol>
        </>
      )}
    </section>
  )
}

function ReteachItem({ q }: { q: QuestionReport }) {
  return (
    <li>
      <h3>
        <a href={`#q-${q.number}`} class="qnum">
          Q{q.number}
        </a>{' '}
        {questionTitle(q)}
      </h3>
      <p class="share">
        <strong>
          {q.right} of {q.answered} right ({percent(q.right, q.answered)}%)
        </strong>
      </p>
      {q.question && (
        <>
          <p class="key">
            <strong>The answer:</strong> {formatKey(q.question)}
          </p>
          <WrongAnswer q={q} aloud />
          <p>{q.question.explanation}</p>
          <Sources question={q.question} />
        </>
      )}
    </li>
  )
}
