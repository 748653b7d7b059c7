// The teacher's side of a homework deadline: the section of their page that says where it stands,
// and the form that sets, extends or reopens it.
import type { Class } from '../../db/schema.ts'
import { isClosed, localValue, type DeadlineErrors, type DeadlineForm } from '../../game/deadline.ts'
import { PostForm } from '../post-form.tsx'
import { deadlineOf, Expiry, Left, Script, When, zoneOf, type DeadlineOf } from './deadline.tsx'

/** What the teacher's page says of the deadline, with the form to set, extend or reopen it, and the buttons to close now or remove it. */
function DeadlineControls({
  klass,
  base,
  values,
  errors = {},
  now,
  compact = false,
}: DeadlineFormProps & { klass: Class; now: number; compact?: boolean }) {
  const deadline = deadlineOf(klass)
  const { closesAt } = deadline
  const closed = isClosed(closesAt, now)
  const legend = closesAt === null ? 'Set a deadline' : closed ? 'Reopen with a new deadline' : 'Change or extend the deadline'
  const fields = <DeadlineFields base={base} values={values} errors={errors} legend={legend} hideLegend={compact} deadline={deadline} />
  return (
    <>
      <p>
        {closesAt === null ? (
          'No deadline yet.'
        ) : closed ? (
          <>
            <strong>Closed</strong> on <When at={closesAt} zone={zoneOf(deadline)} />: answers and new students are refused.
          </>
        ) : (
          <>
            <strong>Due</strong> <When at={closesAt} zone={zoneOf(deadline)} />. <Left at={closesAt} now={now} />.
          </>
        )}
      </p>
      {compact ? (
        <details class="deadline-change">
          <summary>{legend}</summary>
          {fields}
        </details>
      ) : (
        fields
      )}
      <div class="deadline-buttons">
        {(closesAt === null || !closed) && (
          <PostForm action={`${base}/deadline/close`} class="inline">
            <button type="submit">Close the homework now</button>
          </PostForm>
        )}{' '}
        {closesAt !== null && (
          <PostForm action={`${base}/deadline/remove`} class="inline">
            <button type="submit">{closed ? 'Remove the deadline and reopen' : 'Remove the deadline'}</button>
          </PostForm>
        )}
      </div>
      <Script />
    </>
  )
}

type DeadlineFormProps = { base: string; values: DeadlineForm; errors?: DeadlineErrors }

function Err({ id, text }: { id: string; text?: string }) {
  return text ? (
    <span id={id} class="error" role="alert">
      {text}
    </span>
  ) : null
}

function DeadlineFields({
  base,
  values,
  errors = {},
  legend,
  hideLegend,
  deadline,
}: DeadlineFormProps & { legend: string; hideLegend: boolean; deadline: DeadlineOf }) {
  const describedBy = (hint: string, field: keyof DeadlineForm) => [hint, errors[field] && `${field}-error`].filter(Boolean).join(' ')
  return (
    <PostForm action={`${base}/deadline`} class="stack deadline-form">
      <fieldset>
        <legend class={hideLegend ? 'visually-hidden' : undefined}>{legend}</legend>
        <p class="hint">
          From the deadline, by the server's clock, answers and new students are refused. Results stay readable until the class is deleted
          on <Expiry deadline={deadline} />.
        </p>
        <p class="field">
          <label for="due">Date and time</label>
          <input
            id="due"
            name="due"
            type="datetime-local"
            value={values.due}
            required
            aria-describedby={describedBy('due-hint', 'due')}
            aria-invalid={errors.due ? 'true' : undefined}
          />
          <span id="due-hint" class="hint">
            In your time zone, below, and before the class is deleted.
          </span>
          <Err id="due-error" text={errors.due} />
        </p>
        <p class="field">
          <label for="zone">Your time zone</label>
          <input
            id="zone"
            name="zone"
            type="text"
            list="time-zones"
            value={values.zone}
            required
            autocomplete="off"
            spellcheck={false}
            data-zone-from-device
            aria-describedby={describedBy('zone-hint', 'zone')}
            aria-invalid={errors.zone ? 'true' : undefined}
          />
          <span id="zone-hint" class="hint">
            A place's zone such as Europe/London or America/New_York, or an offset such as UTC+2. Filled in from this device where it can
            be.
          </span>
          <Err id="zone-error" text={errors.zone} />
          {/* Filled in by deadline.js from the browser's own list of zones: written here, it weighed 4 KB a page. */}
          <datalist id="time-zones" data-time-zones></datalist>
        </p>
        <button type="submit" class="primary">
          Set the deadline
        </button>
      </fieldset>
    </PostForm>
  )
}

/** The form as the class stands: its deadline in the zone it was set in, or empty (deadline.js fills the zone in from the device). */
export const deadlineValues = (klass: Pick<Class, 'closesAt' | 'closesZone'>): DeadlineForm => ({
  due: klass.closesAt === null ? '' : localValue(klass.closesAt, klass.closesZone ?? 'UTC'),
  zone: klass.closesZone ?? '',
})

/** The teacher's page's deadline section: a self-paced class's only (a live game ends when the teacher ends it). */
export function DeadlinePanel({ klass, base, now = Date.now() }: { klass: Class; base: string; now?: number }) {
  if (klass.live) return null
  return (
    <section id="deadline" aria-labelledby="deadline-heading" class="panel deadline-panel">
      <h2 id="deadline-heading">Homework deadline</h2>
      <DeadlineControls klass={klass} base={base} values={deadlineValues(klass)} now={now} compact />
    </section>
  )
}

/** The deadline on a page of its own: where a form with a mistake comes back, with its messages. */
export function DeadlinePage(props: DeadlineFormProps & { klass: Class; now: number }) {
  return (
    <>
      <h1>Homework deadline: {props.klass.name}</h1>
      <DeadlineControls {...props} />
      <p>
        <a href={props.base}>Back to the class</a>
      </p>
    </>
  )
}
