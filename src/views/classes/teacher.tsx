import type { Child } from 'hono/jsx'
import type { Class } from '../../db/schema.ts'
import { findQuestion } from '../../questions/registry.ts'
import { PostForm } from '../post-form.tsx'
import { QrCode } from '../qr.tsx'
import { Dashboard, type DashboardData } from './dashboard.tsx'
import { DeadlinePanel } from './deadline-form.tsx'
import { Action } from './students.tsx'
import { RoundsPanel } from './rounds.tsx'

export type TeacherProps = DashboardData & {
  klass: Class
  base: string
  teacherUrl: string
  joinUrl: string
  boardUrl: string
  /** The dashboard's version (its ETag), which its polls send back. */
  tag: string
  error?: string
  /** A live class's controls (start, pause, skip, next, end). */
  controls?: Child
}

/**
 * Questions of this round taken out of their bank since it opened (an error put right): the round
 * plays on with the rest, and the teacher is told which, and what students see.
 */
function Withdrawn({ klass }: { klass: Class }) {
  const gone = klass.questionIds.filter((id) => !findQuestion(id)).length
  if (gone === 0) return null
  const rest = klass.questionIds.length - gone
  return (
    <p class="notice" role="note">
      {gone === 1 ? 'One question of this round has' : `${gone} questions of this round have`} been withdrawn from the banks since it
      opened. {klass.live ? 'The game tells the class so when it comes, and goes on.' : `Students who join now play the other ${rest}.`}{' '}
      Answers already given keep their points.
    </p>
  )
}

/**
 * The teacher's private page. On a wide screen, what the teacher presses (the live controls, how
 * to join, the class's settings) stays in a column on the left while the students and the
 * questions fill the rest; on a tablet or a phone, the same parts follow one another.
 */
export function TeacherPage(props: TeacherProps) {
  const { klass, base } = props
  return (
    <div class="teacher">
      <h1>{klass.name}</h1>
      <div class="notice" role="note">
        <p>
          <strong>Keep this page's address.</strong> It is your only key to this class: there are no accounts, so if you lose it you lose
          access, and anyone who has it can manage the class. To show the class {klass.live ? 'the game' : 'the ranking'}, project the{' '}
          {klass.live ? 'projector' : 'leaderboard'} page, not this one.
        </p>
        <details>
          <summary>Show my private teacher link</summary>
          <p class="field">
            <label for="teacher-link">Your private teacher link (do not project it)</label>
            <input id="teacher-link" type="text" readonly value={props.teacherUrl} />
          </p>
        </details>
      </div>
      <div class="teacher-grid">
        <div class="teacher-side">
          {props.controls && (
            <section aria-labelledby="live-heading" class="panel">
              <h2 id="live-heading">Live game</h2>
              <p class="meta">
                {klass.live!.plan.length} questions, {klass.live!.seconds} seconds each.{' '}
                <a href={props.boardUrl}>Open the projector page</a> on the big screen, then run the game from here.
              </p>
              {props.controls}
            </section>
          )}
          <JoinPanel {...props} />
          <ClassSettings klass={klass} base={base} />
          <DeadlinePanel klass={klass} base={base} />
        </div>
        <div class="teacher-main">
          {props.error && (
            <p class="error" role="alert">
              {props.error}
            </p>
          )}
          <Withdrawn klass={klass} />
          <Dashboard klass={klass} base={base} tag={props.tag} seats={props.seats} stats={props.stats} waiting={props.waiting} />
          <RoundsPanel klass={klass} base={base} />
          <section aria-labelledby="delete-heading">
            <h2 id="delete-heading">Delete the class</h2>
            <p>
              <a href={`${base}/delete`}>Delete this class and all its answers…</a>
            </p>
          </section>
        </div>
      </div>
    </div>
  )
}

function JoinPanel({ klass, base, joinUrl, boardUrl }: TeacherProps) {
  return (
    <section aria-labelledby="join-heading" class="panel join-box">
      <h2 id="join-heading">How students join</h2>
      <div class="join-code">
        <p>
          Code <span class="big-code">{klass.code}</span>
        </p>
        <QrCode text={joinUrl} label={`QR code to join: ${joinUrl}`} />
      </div>
      <p class="join-url">
        at <a href={joinUrl}>{joinUrl}</a>
      </p>
      <p class="buttons">
        <a class="button primary" href={boardUrl}>
          {klass.live ? 'Open the projector' : 'Open the projector leaderboard'}
        </a>
        <a class="button" href={`${base}/results.csv`}>
          Download results (CSV)
        </a>
        <a class="button" href={`${base}/answers.csv`}>
          Download every answer (CSV)
        </a>
      </p>
    </section>
  )
}

/** Who may join and what the projector shows. A live game's lock is in its controls, which change it in place. */
function ClassSettings({ klass, base }: { klass: Class; base: string }) {
  return (
    <section aria-labelledby="settings-heading" class="panel settings">
      <h2 id="settings-heading">Class settings</h2>
      <ul>
        {!klass.live && (
          <li>
            {klass.open ? 'New students can join.' : <strong>Locked: nobody new can join.</strong>}{' '}
            <Action base={base} path={klass.open ? 'close' : 'open'} label={klass.open ? 'Lock: no new joins' : 'Unlock joining'} />
          </li>
        )}
        <li>
          {klass.admit ? 'Joiners wait until you let them in.' : 'Joiners play at once.'}{' '}
          <Action
            base={base}
            path={klass.admit ? 'waiting-room/off' : 'waiting-room/on'}
            label={klass.admit ? 'Turn the waiting room off (lets everyone waiting in)' : 'Turn the waiting room on'}
          />
        </li>
        <li>
          {klass.hideNames ? 'The projector shows "Player 1", "Player 2"…' : 'The projector shows nicknames.'}{' '}
          <Action
            base={base}
            path={klass.hideNames ? 'show-names' : 'hide-names'}
            label={klass.hideNames ? 'Show nicknames on the projector' : 'Hide nicknames on the projector'}
          />
        </li>
      </ul>
    </section>
  )
}

export function DeleteClassPage({ klass, base }: { klass: Class; base: string }) {
  return (
    <>
      <h1>Delete {klass.name}?</h1>
      <p>This removes the class, every student's seat and every answer, now and for good. It cannot be undone.</p>
      <PostForm action={`${base}/delete`} class="stack">
        <input type="hidden" name="confirm" value="delete" />
        <button type="submit" class="danger">
          Yes, delete the class
        </button>{' '}
        <a href={base}>No, keep it</a>
      </PostForm>
    </>
  )
}
