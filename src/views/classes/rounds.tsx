// Another round with the same class: the teacher's form for it, and the part of the teacher's page
// that says which round is in play, offers the next, and ranks the class over every round so far.
import type { SeatRow } from '../../db/standings.ts'
import type { Class } from '../../db/schema.ts'
import { CLASS_LIMITS } from '../../game/class-settings.ts'
import type { RoundForm, RoundFormErrors } from '../../game/round-settings.ts'
import { banks } from '../../questions/registry.ts'
import { PostForm } from '../post-form.tsx'
import { OverallTable, roundsSoFar } from './overall.tsx'
import { ChosenSet, pickerUrl } from './question-set.tsx'

const { size, seconds } = CLASS_LIMITS

function Err({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={id} class="error" role="alert">
      {text}
    </p>
  ) : null
}

/** Under the dashboard: the round in play, and the way to the next (the controls' column stays short enough to stay in view). */
export function RoundsPanel({ klass, base }: { klass: Class; base: string }) {
  return (
    <section aria-labelledby="rounds" class="rounds">
      <h2 id="rounds">{klass.round === 1 ? 'Rounds' : `Round ${klass.round}`}</h2>
      <p>
        {klass.round === 1
          ? 'Play again with the same class: everyone keeps their seat and nickname, and nobody joins again.'
          : `The students table ranks round ${klass.round}; the table under it adds up ${roundsSoFar(klass.round)}.`}
      </p>
      <p>
        <a class="button" href={`${base}/rounds/new`}>
          Play another round…
        </a>
      </p>
    </section>
  )
}

/** In the dashboard, from a second round: the class ranked over every round so far. */
export function OverallStanding({ klass, seats }: { klass: Class; seats: SeatRow[] }) {
  if (klass.round === 1 || seats.length === 0) return null
  return (
    <section aria-labelledby="overall-heading" class="overall-standing">
      <h2 id="overall-heading">The class over {roundsSoFar(klass.round)}</h2>
      <OverallTable klass={klass} seats={seats} />
    </section>
  )
}

/** The form for the next round. It re-renders with messages on a mistake. */
export function NewRoundPage({
  klass,
  base,
  values,
  errors = {},
}: {
  klass: Class
  base: string
  values: RoundForm
  errors?: RoundFormErrors
}) {
  const round = Number(values.round)
  const form = `${base}/rounds/new`
  const chosen = values.questions.length > 0
  return (
    <>
      <h1>
        Round {round} with {klass.name}
      </h1>
      <p class="lede">
        Everyone keeps their seat and nickname: students go on from the page they are on, with the same code, and nobody joins again. The
        questions are fixed when the round opens.
      </p>
      {klass.live && (
        <p class="notice" role="note">
          Opening it ends the live game of round {klass.round} if it is still running; answers already given keep their points.
        </p>
      )}
      {klass.closesAt !== null && (
        <p class="notice" role="note">
          Round {klass.round}'s homework deadline ends with it: give a self-paced round its own from the class page once it is open.
        </p>
      )}
      <PostForm action={`${base}/rounds`} class="stack">
        <input type="hidden" name="round" value={values.round} />
        {chosen && <ChosenSet ids={values.questions} error={errors.questions} to={form} />}
        <fieldset aria-describedby="banks-error" hidden={chosen}>
          <legend>Question banks</legend>
          <p class="hint">
            The questions are drawn at random from the banks you tick. Or{' '}
            <a href={pickerUrl({ set: [], to: form })}>choose them yourself</a>, seeing each one with its answer.
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
          <input id="size" name="size" type="number" min={size.min} max={size.max} value={values.size} aria-describedby="size-error" />
          <Err id="size-error" text={errors.size} />
        </p>
        <fieldset>
          <legend>How the round plays</legend>
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
          <p class="field">
            <label for="seconds">Seconds per question (live games)</label>
            <input
              id="seconds"
              name="seconds"
              type="number"
              min={seconds.min}
              max={seconds.max}
              value={values.seconds}
              aria-describedby="seconds-error"
            />
          </p>
          <Err id="seconds-error" text={errors.seconds} />
        </fieldset>
        <p>
          <button type="submit" class="primary">
            Open round {round}
          </button>{' '}
          <a href={base}>Back to the class</a>
        </p>
      </PostForm>
    </>
  )
}
