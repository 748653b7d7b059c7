import { optionsOf } from '../../game/plan.ts'
import { MAX_TYPED_LENGTH } from '../../game/response.ts'
import type { Question } from '../../questions/schema.ts'
import type { StageProps } from './stage.tsx'
import { OptionMark } from '../option-mark.tsx'
import { PostForm } from '../post-form.tsx'

/** What a question asks the player to do: by its type, and for an ordering, which way round. */
function hintOf(question: Question): string {
  switch (question.type) {
    case 'single':
      return 'Choose one answer.'
    case 'multi':
      return 'Select all that apply.'
    case 'truefalse':
      return 'True or false?'
    case 'order':
      return `Give each item its place, 1 being the ${question.first}.`
    case 'typed':
      return 'Type your answer. Capitals, accents and spacing do not matter, nor a slip of the keyboard in a longer answer.'
    case 'numeric':
      return 'Enter a number.'
  }
}

/** One question as a plain form: it works without JavaScript, and htmx swaps the verdict in. */
export function QuestionForm({ attempt, question, error }: StageProps) {
  const action = `/play/${attempt.id}/answer`
  return (
    <PostForm action={action} hx-post={action} hx-target="#stage" class="question" novalidate>
      <input type="hidden" name="position" value={String(attempt.cursor)} />
      <fieldset aria-describedby={error ? 'hint answer-error' : 'hint'}>
        <legend>
          <h2 tabindex={-1} autofocus>
            {question.prompt}
          </h2>
        </legend>
        <p id="hint" class="hint">
          {hintOf(question)}
          {question.as_of ? ` (Facts as of ${question.as_of}.)` : ''}
        </p>
        {error && (
          <p id="answer-error" class="error" role="alert">
            {error}
          </p>
        )}
        <Inputs question={question} order={attempt.plan[attempt.cursor].order ?? []} />
      </fieldset>
      <button type="submit" class="primary">
        Submit answer
      </button>
    </PostForm>
  )
}

/** The inputs that answer a question, by type; the options in the order this player sees them. */
export function Inputs({ question, order }: { question: Question; order: number[] }) {
  const shown = order.map((i) => optionsOf(question)[i])
  switch (question.type) {
    case 'single':
    case 'multi': {
      const type = question.type === 'single' ? 'radio' : 'checkbox'
      return (
        <ul class="choices">
          {shown.map((text, i) => (
            <li>
              <label>
                <input type={type} name="choice" value={String(i)} /> <OptionMark i={i} /> <span class="option">{text}</span>
              </label>
            </li>
          ))}
        </ul>
      )
    }
    case 'truefalse':
      return (
        <ul class="choices two">
          {['true', 'false'].map((v, i) => (
            <li>
              <label>
                <input type="radio" name="choice" value={v} /> <OptionMark i={i} />{' '}
                <span class="option">{v === 'true' ? 'True' : 'False'}</span>
              </label>
            </li>
          ))}
        </ul>
      )
    case 'order':
      return (
        <ol class="ordering">
          {shown.map((text, i) => (
            <li>
              <label for={`place-${i}`}>{text}</label>
              <select id={`place-${i}`} name={`place-${i}`}>
                <option value="">Place…</option>
                {shown.map((_, p) => (
                  <option value={String(p + 1)}>{p + 1}</option>
                ))}
              </select>
            </li>
          ))}
        </ol>
      )
    case 'typed':
      return (
        <p class="field">
          <label for="text">Your answer</label>
          <input id="text" name="text" type="text" maxlength={MAX_TYPED_LENGTH} autocomplete="off" spellcheck={false} />
        </p>
      )
    case 'numeric':
      return (
        <p class="field">
          <label for="number">Your answer{question.unit ? ` (${question.unit})` : ''}</label>
          <input id="number" name="number" type="text" inputmode="decimal" autocomplete="off" />
          {/* Where the range is known, a slider for the thumb; a script shows it and keeps it in step with the box, which alone is sent. */}
          {question.range && (
            <input
              type="range"
              data-slider-for="number"
              min={String(question.range[0])}
              max={String(question.range[1])}
              step="1"
              aria-label={`Your answer on a slider from ${question.range[0]} to ${question.range[1]}`}
              hidden
            />
          )}
        </p>
      )
  }
}
