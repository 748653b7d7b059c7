import type { Answer } from '../../db/schema.ts'
import { formatAnswer, formatKey, formatPoints } from '../format.ts'
import type { StageProps } from './stage.tsx'
import { PostForm } from '../post-form.tsx'
import { Sources } from '../sources.tsx'
import { Streak } from '../show.tsx'
import { streakAt } from '../../game/scoring.ts'

export const verdictLabel = (credit: number) => (credit === 1 ? 'Correct' : credit > 0 ? 'Close' : 'Not quite')
export const verdictClass = (credit: number) => (credit === 1 ? 'right' : credit > 0 ? 'close' : 'wrong')
export const verdictIcon = (credit: number) => (credit === 1 ? '✓' : credit > 0 ? '≈' : '✗')

export function verdictLine(answer: Answer): string {
  return `${verdictLabel(answer.credit)}: ${formatPoints(answer.points)} points.`
}

/** The verdict on the question on screen: words and an icon, never colour alone. */
export function Verdict({ attempt, question, answer }: StageProps & { answer: Answer }) {
  const last = attempt.cursor === attempt.plan.length - 1
  const next = `/play/${attempt.id}/next`
  return (
    <article class={`verdict ${verdictClass(answer.credit)}`}>
      <h2 tabindex={-1} autofocus>
        <span aria-hidden="true">{verdictIcon(answer.credit)} </span>
        {verdictLabel(answer.credit)}
        <span class="points"> +{formatPoints(answer.points)} points</span>
      </h2>
      <Streak run={streakAt(attempt, attempt.cursor)} />
      <p class="prompt">{question.prompt}</p>
      <dl>
        <dt>Your answer</dt>
        <dd>{formatAnswer(question, answer.response)}</dd>
        <dt>The answer</dt>
        <dd>{formatKey(question)}</dd>
      </dl>
      <p>{question.explanation}</p>
      <Sources question={question} />
      {last ? (
        <a class="button primary" href={`/results/${attempt.id}`}>
          See your results
        </a>
      ) : (
        <PostForm action={next} hx-post={next} hx-target="#stage">
          <input type="hidden" name="position" value={String(attempt.cursor)} />
          <button type="submit" class="primary">
            Next question
          </button>
        </PostForm>
      )}
    </article>
  )
}
