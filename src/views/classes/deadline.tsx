// A self-paced class's homework deadline as students see it (the teacher's form: deadline-form.tsx).
// The server writes each time in words in the zone the teacher chose and the time left when it drew
// the page; deadline.js, where it runs, shows the time in the reader's own zone and counts down.
import type { Child } from 'hono/jsx'
import assets from '../../generated/assets.json'
import type { Seat } from '../../db/attempts.ts'
import { CLASS_LIFETIME_MS } from '../../db/classes.ts'
import type { Class } from '../../db/schema.ts'
import { inWords, isClosed, timeLeft } from '../../game/deadline.ts'

/** The class facts a deadline's words need: when it closes, the zone it was set in, when the class is deleted. */
export type DeadlineOf = { closesAt: number | null; closesZone: string | null; openedAt: number }

export const deadlineOf = (klass: Pick<Class, 'closesAt' | 'closesZone' | 'createdAt'>): DeadlineOf => ({
  closesAt: klass.closesAt,
  closesZone: klass.closesZone,
  openedAt: klass.createdAt,
})

const NO_DEADLINE: DeadlineOf = { closesAt: null, closesZone: null, openedAt: 0 }

export const deadlineOfSeat = ({ closesAt, closesZone, openedAt }: Seat): DeadlineOf => ({ closesAt, closesZone, openedAt })

export const zoneOf = (d: DeadlineOf) => d.closesZone ?? 'UTC'

/** Loads deadline.js once however often a page includes it (a module runs once per page). */
export const Script = () => <script type="module" src={assets.deadline}></script>

/** An instant as a <time> element deadline.js rewrites in the reader's zone. */
export function When({ at, zone }: { at: number; zone: string }) {
  return (
    <time datetime={new Date(at).toISOString()} data-local>
      {inWords(at, zone)}
    </time>
  )
}

/** When the class and its answers are deleted, 30 days after it opened (src/cron.ts). */
export const Expiry = ({ deadline }: { deadline: DeadlineOf }) => (
  <When at={deadline.openedAt + CLASS_LIFETIME_MS} zone={zoneOf(deadline)} />
)

/** "2 days, 3 hours left", counted down by deadline.js from the server's figure (not the device's clock). */
export function Left({ at, now }: { at: number; now: number }) {
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
