// A self-paced class's homework deadline: what the teacher sets it with, and what students see.
// The server writes each time in words in the zone the teacher chose and the time left when it drew
// the page; deadline.js, where it runs, shows the time in the reader's own zone and counts down.
import type { Child } from 'hono/jsx'
import assets from '../../generated/assets.json'
import type { Seat } from '../../db/attempts.ts'
import { CLASS_LIFETIME_MS } from '../../db/classes.ts'
import type { Class } from '../../db/schema.ts'
import { inWords, isClosed, localValue, timeLeft, timeZones, type DeadlineErrors, type DeadlineForm } from '../../game/deadline.ts'
import { PostForm } from '../post-form.tsx'

/** The class facts a deadline's words need: when it closes, the zone it was set in, when the class is deleted. */
export type DeadlineOf = { closesAt: number | null; closesZone: string | null; openedAt: number }

export const deadlineOf = (klass: Pick<Class, 'closesAt' | 'closesZone' | 'createdAt'>): DeadlineOf => ({
  closesAt: klass.closesAt,
  closesZone: klass.closesZone,
  openedAt: klass.createdAt,
})

const NO_DEADLINE: DeadlineOf = { closesAt: null, closesZone: null, openedAt: 0 }

export const deadlineOfSeat = ({ closesAt, closesZone, openedAt }: Seat): DeadlineOf => ({ closesAt, closesZone, openedAt })

const zoneOf = (d: DeadlineOf) => d.closesZone ?? 'UTC'

/** Loads deadline.js once however often a page includes it (a module runs once per page). */
const Script = () => <script type="module" src={assets.deadline}></script>

/** An instant as a <time> element deadline.js rewrites in the reader's zone. */
function When({ at, zone }: { at: number; zone: string }) {
  return (
    <time datetime={new Date(at).toISOString()} data-local>
      {inWords(at, zone)}
    </time>
  )
}

/** When the class and its answers are deleted, 30 days after it opened (src/cron.ts). */
const Expiry = ({ deadline }: { deadline: DeadlineOf }) => <When at={deadline.openedAt + CLASS_LIFETIME_MS} zone={zoneOf(deadline)} />

/** "2 days, 3 hours left", counted down by deadline.js from the server's figure (not the device's clock). */
function Left({ at, now }: { at: number; now: number }) {
  return (
    <>
      <span role="timer" data-time-left={String(at - now)}>
        {timeLeft(at - now)} left
      </span>
      <span role="status" class="visually-hidden" data-deadline-status></span>
    </>
  )
}

/** What a student sees of an open deadline: on the join page, each question and the results. Nothing without one. */
export function DueNotice({ deadline, now = Date.now() }: { deadline: DeadlineOf; now?: number }) {
  const { closesAt } = deadline
  if (closesAt === null || isClosed(closesAt, now)) return null
  return (
    <>
      <p class="deadline">
        <strong>Homework due</strong> <When at={closesAt} zone={zoneOf(deadline)} />. <Left at={closesAt} now={now} />.
      </p>
      <Script />
    </>
  )
}

/** How much of a quiz was answered: "none of its 3 questions", "1 of its 3 questions", "all 3 of its questions". */
const answeredWords = (answered: number, total: number) =>
  answered === 0
    ? `none of its ${total} questions`
    : answered === total
      ? `all ${total} of its questions`
      : `${answered} of its ${total} questions`

/** A results page's word on an unfinished quiz: still in progress (`children`, with the homework's deadline if it has one), or its homework closed. */
export function UnfinishedQuiz({
  deadline = NO_DEADLINE,
  answered,
  total,
  children,
}: {
  deadline?: DeadlineOf
  answered: number
  total: number
  children?: Child
}) {
  const { closesAt } = deadline
  if (closesAt === null || !isClosed(closesAt, Date.now()))
    return (
      <>
        <p class="notice">{children}</p>
        <DueNotice deadline={deadline} />
      </>
    )
  return (
    <p class="notice">
      The homework closed on <When at={closesAt} zone={zoneOf(deadline)} />, with {answeredWords(answered, total)} answered.
      <Script />
    </p>
  )
}

/**
 * The page (or the fragment htmx swaps in) once a class's homework has closed: a student's question
 * page, the refusal of an answer sent after the deadline (with `seat`), and of a newcomer (without).
 */
export function HomeworkClosed({
  deadline,
  className,
  seat,
  fragment = false,
}: {
  deadline: DeadlineOf
  className: string
  seat?: { answered: number; total: number; resultsUrl: string }
  fragment?: boolean
}) {
  const Heading = fragment ? 'h2' : 'h1'
  const zone = zoneOf(deadline)
  return (
    <div class="error-box homework-closed" role="alert">
      <Heading tabindex={-1} autofocus>
        Homework closed
      </Heading>
      {seat ? (
        <>
          <p>
            The deadline for {className} was <When at={deadline.closesAt!} zone={zone} />, so answers are no longer taken. You answered{' '}
            {answeredWords(seat.answered, seat.total)} before it
            {seat.answered === 0 ? '.' : seat.answered === 1 ? '; that answer counts.' : '; those answers count.'}
          </p>
          <p>
            Your results stay readable until the class is deleted on <Expiry deadline={deadline} />. If your teacher extends the deadline,
            you can carry on from here.
          </p>
          <p>
            <a class="button primary" href={seat.resultsUrl}>
              See your results
            </a>
          </p>
        </>
      ) : (
        <>
          <p>
            The deadline for {className} was <When at={deadline.closesAt!} zone={zone} />, so nobody can join it now. Ask your teacher if it
            should be extended.
          </p>
          <p>
            <a class="button" href="/join">
              Enter another code
            </a>
          </p>
        </>
      )}
      <Script />
    </div>
  )
}

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
          <datalist id="time-zones">
            {timeZones().map((zone) => (
              <option value={zone} />
            ))}
          </datalist>
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
