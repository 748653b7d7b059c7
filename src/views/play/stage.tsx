import type { Answer, Attempt } from '../../db/schema.ts'
import type { Question } from '../../questions/schema.ts'
import { DueNotice, type DeadlineOf } from '../classes/deadline.tsx'
import { formatPoints } from '../format.ts'
import { PostForm } from '../post-form.tsx'
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

/** A stage as a quiz may reach it: its question may have been withdrawn from its bank since the quiz began. */
export type PlayStageProps = Omit<StageProps, 'question'> & { question: Question | null }

/** Everything inside #stage: the fragment htmx swaps on every answer and "Next". */
export function Stage(props: PlayStageProps) {
  const { attempt, answer, question } = props
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
      {!question ? (
        <Withdrawn attempt={attempt} />
      ) : answer ? (
        <Verdict {...props} question={question} answer={answer} />
      ) : (
        <QuestionForm {...props} question={question} />
      )}
    </>
  )
}

/** A question taken out of its bank after the quiz began: nobody is asked it any more, and the quiz goes on without it. */
function Withdrawn({ attempt }: { attempt: Attempt }) {
  const skip = `/play/${attempt.id}/skip`
  return (
    <article class="withdrawn">
      <h2 tabindex={-1} autofocus>
        This question has been withdrawn
      </h2>
      <p>
        It was taken out of its bank after your quiz began, so nobody is asked it any more; an answer given before keeps its points. Your
        quiz goes on with the questions that remain.
      </p>
      <PostForm action={skip}>
        <input type="hidden" name="position" value={String(attempt.cursor)} />
        <button type="submit" class="primary">
          Go on
        </button>
      </PostForm>
    </article>
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

export function PlayPage(props: PlayStageProps) {
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
export function StageFragment(props: PlayStageProps) {
  return (
    <>
      <Stage {...props} />
      <Announce answer={props.answer} oob />
    </>
  )
}
