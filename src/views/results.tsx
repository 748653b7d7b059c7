import type { Seat, Standing } from '../db/attempts.ts'
import type { Answer, Attempt } from '../db/schema.ts'
import { findQuestion } from '../questions/registry.ts'
import { deadlineOfSeat, UnfinishedQuiz } from './classes/deadline.tsx'
import type { Bank, Question } from '../questions/schema.ts'
import { formatAnswer, formatDuration, formatKey, formatPoints, percent } from './format.ts'
import { NICKNAME_MAX, NICKNAME_MIN } from '../game/nickname.ts'
import { verdictClass, verdictIcon, verdictLabel } from './play/verdict.tsx'
import { PostForm } from './post-form.tsx'
import { renderedOnce } from './rendered-once.ts'
import { Sources } from './sources.tsx'
import { RoundNote } from './classes/round-note.tsx'

export type ResultsProps = {
  attempt: Attempt
  /** Set for a class attempt: its class and the student's nickname there. */
  seat: Seat | null
  bank: Bank
  answers: Answer[]
  standing: Standing | null
  isOwner: boolean
  shareUrl: string
  nicknameError?: string
}

export function ResultsPage(props: ResultsProps) {
  const { attempt, seat, bank, answers, standing } = props
  const total = attempt.plan.length
  const nickname = seat?.nickname ?? attempt.nickname
  return (
    <>
      <h1>
        {nickname ? `${nickname}'s results` : 'Results'}: {seat?.className ?? bank.title}
      </h1>
      {seat && <RoundNote attempt={attempt} seat={seat} isOwner={props.isOwner} />}
      {attempt.finishedAt === null && (
        <UnfinishedQuiz deadline={seat ? deadlineOfSeat(seat) : undefined} answered={attempt.answered} total={total}>
          This quiz is still in progress ({attempt.answered} of {total} answered).{' '}
          {props.isOwner && <a href={`/play/${attempt.id}`}>Carry on playing</a>}
        </UnfinishedQuiz>
      )}
      <dl class="summary">
        <div>
          <dt>Score</dt>
          <dd>{formatPoints(attempt.score)} points</dd>
        </div>
        <div>
          <dt>Correct</dt>
          <dd>
            {attempt.correct} of {total} ({percent(attempt.correct, total)}%)
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{formatDuration(attempt.timeMs)}</dd>
        </div>
        {standing && (
          <div>
            <dt>{seat ? 'Rank in the class' : 'Rank'}</dt>
            <dd>
              #{standing.rank} of {standing.total}
            </dd>
          </div>
        )}
      </dl>
      {props.isOwner && !seat && attempt.finishedAt !== null && <NicknameForm {...props} />}
      <p class="field">
        <label for="share">Share this result (anyone with the link can see it, read-only)</label>
        <input id="share" type="text" readonly value={props.shareUrl} />
      </p>
      <h2>Question by question</h2>
      <ol class="review">
        {answers.map((answer) => (
          <ReviewItem answer={answer} />
        ))}
      </ol>
      {seat ? (
        <p class="actions">
          <a href="/">All quizzes</a>
        </p>
      ) : (
        <PostForm action="/play" class="actions">
          <input type="hidden" name="bank" value={bank.id} />
          <button type="submit" class="primary">
            Play again
          </button>{' '}
          <a href={`/leaderboard/${bank.id}`}>Leaderboard</a> · <a href="/">All quizzes</a>
        </PostForm>
      )}
    </>
  )
}

function ReviewItem({ answer }: { answer: Answer }) {
  const question = findQuestion(answer.questionId)
  if (!question) return <li>This question has since been withdrawn from the bank.</li>
  return (
    <li class={verdictClass(answer.credit)}>
      <p class="prompt">{question.prompt}</p>
      <p>
        <span aria-hidden="true">{verdictIcon(answer.credit)} </span>
        <strong>{verdictLabel(answer.credit)}</strong> · {formatPoints(answer.points)} points · {formatDuration(answer.timeMs)}
      </p>
      <dl>
        <dt>Your answer</dt>
        <dd>{formatAnswer(question, answer.response)}</dd>
        <dt>The answer</dt>
        <dd>{formatKey(question)}</dd>
      </dl>
      {whyOf(question)}
    </li>
  )
}

// A question's explanation and sources change only with the bundle: rendered once, not on every results page.
const whyOf = renderedOnce((question: Question) => (
  <details>
    <summary>Why, and the sources</summary>
    <p>{question.explanation}</p>
    <Sources question={question} />
  </details>
))

function NicknameForm({ attempt, nicknameError }: ResultsProps) {
  const action = `/results/${attempt.id}/nickname`
  return (
    <PostForm action={action} class="nickname">
      <p class="field">
        <label for="nickname">{attempt.nickname ? 'Change your nickname' : 'Put a nickname on the leaderboard'}</label>
        <input
          id="nickname"
          name="nickname"
          type="text"
          minlength={NICKNAME_MIN}
          maxlength={NICKNAME_MAX}
          autocomplete="nickname"
          value={attempt.nickname ?? ''}
          aria-describedby={nicknameError ? 'nickname-error' : 'nickname-hint'}
          aria-invalid={nicknameError ? 'true' : undefined}
        />
        <span id="nickname-hint" class="hint">
          {NICKNAME_MIN} to {NICKNAME_MAX} characters. No real names needed.
        </span>
        {nicknameError && (
          <span id="nickname-error" class="error" role="alert">
            {nicknameError}
          </span>
        )}
      </p>
      <button type="submit">Save nickname</button>
    </PostForm>
  )
}
