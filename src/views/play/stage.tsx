import type { Answer, Attempt } from '../../db/schema.ts'
import type { Question } from '../../questions/schema.ts'
import { DueNotice, type DeadlineOf } from '../classes/deadline.tsx'
import { formatPoints } from '../format.ts'
import { QuestionForm } from './question.tsx'
import { Verdict, verdictLine } from './verdict.tsx'

export type StageProps = {
  attempt: Attempt
  /** The bank's title, or the class's name for a class attempt. */
  title: string
  question: Question
  answer: Answer | null
  error?: string
  /** A class attempt's homework deadline: shown above the stage, so its countdown runs on across swaps. */
  deadline?: DeadlineOf
}

/** Everything inside #stage: the fragment htmx swaps on every answer and "Next". */
export function Stage(props: StageProps) {
  const { attempt, answer } = props
  const total = attempt.plan.length
  return (
    <>
      <div class="progress">
        <p>
          <span>
            Question {attempt.cursor + 1} of {total}
          </span>
          <span>Score: {formatPoints(attempt.score)}</span>
        </p>
        <progress max={total} value={attempt.answered} aria-label="Questions answered" />
      </div>
      {answer ? <Verdict {...props} answer={answer} /> : <QuestionForm {...props} />}
    </>
  )
}

/** The polite live region that speaks each verdict. htmx fills the existing region (innerHTML)
 * rather than replacing it, since screen readers often miss a region inserted with its text. */
export function Announce({ answer, oob }: { answer: Answer | null; oob?: boolean }) {
  return (
    <p id="announce" class="visually-hidden" aria-live="polite" hx-swap-oob={oob ? 'innerHTML' : undefined}>
      {answer ? verdictLine(answer) : ''}
    </p>
  )
}

export function PlayPage(props: StageProps) {
  return (
    <>
      <h1 class="bank-title">{props.title}</h1>
      {props.deadline && <DueNotice deadline={props.deadline} />}
      <section id="stage" aria-label="Quiz">
        <Stage {...props} />
      </section>
      <Announce answer={props.answer} />
    </>
  )
}

/** The htmx response: a new stage, and the verdict for the live region. */
export function StageFragment(props: StageProps) {
  return (
    <>
      <Stage {...props} />
      <Announce answer={props.answer} oob />
    </>
  )
}
