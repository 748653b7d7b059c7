import { CLASS_LIMITS, type ClassForm, type ClassFormErrors } from '../../game/class-settings.ts'
import { banks } from '../../questions/registry.ts'
import { PostForm } from '../post-form.tsx'
import { ChosenSet } from './question-set.tsx'

const { name, size, seconds } = CLASS_LIMITS

const SCORING_LABELS = {
  speed: 'Accuracy, with a small bonus for speed',
  accuracy: 'Accuracy only (time breaks ties)',
  untimed: 'Untimed (no bonus; ties stay ties)',
}

function Err({ id, text }: { id: string; text?: string }) {
  return text ? (
    <span id={id} class="error" role="alert">
      {text}
    </span>
  ) : null
}

/** The form a teacher opens a class with. It re-renders with messages on a mistake. */
export function NewClassPage({ values, errors = {} }: { values: ClassForm; errors?: ClassFormErrors }) {
  // Questions the teacher chose in the picker take the place of banks and a number to draw.
  const chosen = values.questions.length > 0 || errors.questions !== undefined
  return (
    <>
      <h1>Open a class</h1>
      <p class="lede">
        Students join on their own phones with a six-character code and a nickname: no accounts, no e-mail. You get a private link to watch
        and manage the class.
      </p>
      {/* novalidate: the server checks every field and says what to fix beside it; and a browser would
          refuse a self-paced form over a hidden seconds field it thinks out of range, naming nothing. */}
      <PostForm action="/classes" class="stack new-class" novalidate>
        <p class="field">
          <label for="name">Class name</label>
          <input
            id="name"
            name="name"
            type="text"
            maxlength={name.max}
            value={values.name}
            placeholder="Year 11 politics, Tuesday"
            aria-describedby="name-error"
            aria-invalid={errors.name ? 'true' : undefined}
          />
          <Err id="name-error" text={errors.name} />
        </p>
        {chosen && <ChosenSet ids={values.questions} error={errors.questions} />}
        <fieldset aria-describedby="banks-error" hidden={chosen}>
          <legend>Question banks</legend>
          <p class="hint">
            The questions are drawn at random from the banks you tick. Or <a href="/classes/pick">choose them yourself</a>, seeing each one
            with its answer.
          </p>
          <ul class="choices">
            {banks.map((bank) => (
              <li>
                <label>
                  <input type="checkbox" name="banks" value={bank.id} checked={values.banks.includes(bank.id)} />{' '}
                  <span>
                    {bank.title} ({bank.questions.length} questions)
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <Err id="banks-error" text={errors.banks} />
        </fieldset>
        <p class="field" hidden={chosen}>
          <label for="size">Number of questions</label>
          <input
            id="size"
            name="size"
            type="number"
            inputmode="numeric"
            min={size.min}
            max={size.max}
            value={values.size}
            aria-describedby="size-hint size-error"
            aria-invalid={errors.size ? 'true' : undefined}
          />
          <span id="size-hint" class="hint">
            From {size.min} to {size.max}. Every student gets the same questions.
          </span>
          <Err id="size-error" text={errors.size} />
        </p>
        <fieldset>
          <legend>How the class plays</legend>
          <ul class="choices">
            <li>
              <label>
                <input type="radio" name="mode" value="self" checked={values.mode !== 'live'} />{' '}
                <span>Self-paced: each student plays at their own speed (homework, revision)</span>
              </label>
            </li>
            <li>
              <label>
                <input type="radio" name="mode" value="live" checked={values.mode === 'live'} />{' '}
                <span>Live: you show one question at a time on the projector and everyone answers on their phone against the clock</span>
              </label>
            </li>
          </ul>
          <p class="field live-only">
            <label for="seconds">Seconds per question (live games)</label>
            <input
              id="seconds"
              name="seconds"
              type="number"
              inputmode="numeric"
              min={seconds.min}
              max={seconds.max}
              value={values.seconds}
              aria-describedby="seconds-hint seconds-error"
              aria-invalid={errors.seconds ? 'true' : undefined}
            />
            <span id="seconds-hint" class="hint">
              From {seconds.min} to {seconds.max}. A question closes when its time is up or everyone has answered.
            </span>
            <Err id="seconds-error" text={errors.seconds} />
          </p>
        </fieldset>
        <fieldset>
          <legend>Scoring</legend>
          <ul class="choices">
            {Object.entries(SCORING_LABELS).map(([value, label]) => (
              <li>
                <label>
                  <input type="radio" name="scoring" value={value} checked={values.scoring === value} /> <span>{label}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset>
          <legend>Nicknames</legend>
          <ul class="choices">
            <li>
              <label>
                <input type="radio" name="naming" value="chosen" checked={values.naming === 'chosen'} />{' '}
                <span>Students choose one (checked for slurs and duplicates)</span>
              </label>
            </li>
            <li>
              <label>
                <input type="radio" name="naming" value="generated" checked={values.naming === 'generated'} />{' '}
                <span>Give each student a two-word name such as "Brave Heron"</span>
              </label>
            </li>
          </ul>
        </fieldset>
        <p class="field check">
          <label>
            <input type="checkbox" name="admit" value="on" checked={values.admit === 'on'} aria-describedby="admit-hint" />{' '}
            <span>Waiting room: students wait until you let them in</span>
          </label>
          <span id="admit-hint" class="hint">
            Nobody's name reaches the projector before you admit them. You can turn it on or off later.
          </span>
        </p>
        <button type="submit" class="primary">
          Open the class
        </button>
      </PostForm>
    </>
  )
}
