import type { QuestionStat, SeatRow, Waiting } from '../../db/classes.ts'
import type { Child } from 'hono/jsx'
import type { Class } from '../../db/schema.ts'
import { PostForm } from '../post-form.tsx'
import { QrCode } from '../qr.tsx'
import { QuestionChart } from './chart.tsx'
import { Action, StudentTable, WaitingRoom } from './students.tsx'

export type TeacherProps = {
  klass: Class
  base: string
  teacherUrl: string
  joinUrl: string
  boardUrl: string
  seats: SeatRow[]
  stats: QuestionStat[]
  waiting: Waiting[]
  error?: string
  /** A live class's controls (start, pause, skip, next, end). */
  controls?: Child
}

/** The teacher's private page: how to join, the class ranked, each question's correct rate, moderation. */
export function TeacherPage(props: TeacherProps) {
  const { klass, base, seats, stats } = props
  return (
    <>
      <h1>{klass.name}</h1>
      <div class="notice" role="note">
        <p>
          <strong>Keep this page's address.</strong> It is your only key to this class: there are no accounts, so if you lose it you lose
          access, and anyone who has it can manage the class.
        </p>
        <details>
          <summary>Show my private teacher link</summary>
          <p class="field">
            <label for="teacher-link">Your private teacher link (do not project it)</label>
            <input id="teacher-link" type="text" readonly value={props.teacherUrl} />
          </p>
        </details>
        <p>
          To show the class {klass.live ? 'the game' : 'the ranking'}, project the {klass.live ? 'projector' : 'leaderboard'} page below,
          not this one.
        </p>
      </div>
      {props.controls && (
        <>
          <h2>Live game</h2>
          <p>
            {klass.live!.plan.length} questions, {klass.live!.seconds} seconds each. <a href={props.boardUrl}>Open the projector page</a> on
            the big screen, then run the game from here.
          </p>
          {props.controls}
        </>
      )}
      <section aria-labelledby="join-heading" class="join-panel">
        <h2 id="join-heading">How students join</h2>
        <p>
          Code <span class="big-code">{klass.code}</span> at <a href={props.joinUrl}>{props.joinUrl}</a>
        </p>
        <QrCode text={props.joinUrl} label={`QR code to join: ${props.joinUrl}`} />
        <p>
          <a class="button primary" href={props.boardUrl}>
            {klass.live ? 'Open the projector' : 'Open the projector leaderboard'}
          </a>{' '}
          <a class="button" href={`${base}/results.csv`}>
            Download results (CSV)
          </a>
        </p>
        <p>
          {klass.open ? 'New students can join.' : 'Locked: nobody new can join.'}{' '}
          <Action base={base} path={klass.open ? 'close' : 'open'} label={klass.open ? 'Lock: no new joins' : 'Unlock joining'} />{' '}
          <Action
            base={base}
            path={klass.admit ? 'waiting-room/off' : 'waiting-room/on'}
            label={klass.admit ? 'Turn the waiting room off (lets everyone waiting in)' : 'Turn the waiting room on'}
          />{' '}
          <Action
            base={base}
            path={klass.hideNames ? 'show-names' : 'hide-names'}
            label={klass.hideNames ? 'Show nicknames on the projector' : 'Hide nicknames on the projector'}
          />
        </p>
      </section>

      <WaitingRoom klass={klass} base={base} waiting={props.waiting} />
      <StudentTable klass={klass} base={base} seats={seats} error={props.error} />

      <h2>Questions, hardest first</h2>
      <QuestionChart stats={stats} />

      <h2>Delete the class</h2>
      <p>
        <a href={`${base}/delete`}>Delete this class and all its answers…</a>
      </p>
    </>
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
