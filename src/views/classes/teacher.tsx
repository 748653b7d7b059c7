import type { QuestionStat, SeatRow } from '../../db/classes.ts'
import type { Child } from 'hono/jsx'
import type { Class } from '../../db/schema.ts'
import { NICKNAME_MAX, NICKNAME_MIN } from '../../game/nickname.ts'
import { rankSeats } from '../../game/ranking.ts'
import { accuracy, formatDuration, formatPoints } from '../format.ts'
import { QrCode } from '../qr.tsx'
import { QuestionChart } from './chart.tsx'
import { PostForm } from '../post-form.tsx'

export type TeacherProps = {
  klass: Class
  base: string
  teacherUrl: string
  joinUrl: string
  boardUrl: string
  seats: SeatRow[]
  stats: QuestionStat[]
  error?: string
  /** A live class's controls (start, pause, skip, next, end). */
  controls?: Child
}

function Action({
  base,
  path,
  label,
  who,
  hidden,
}: {
  base: string
  path: string
  label: string
  who?: string
  hidden?: Record<string, string>
}) {
  return (
    <PostForm action={`${base}/${path}`} class="inline">
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit">
        {label}
        {who && <span class="visually-hidden"> ({who})</span>}
      </button>
    </PostForm>
  )
}

/** The teacher's private page: how to join, the class ranked, each question's correct rate, moderation. */
export function TeacherPage(props: TeacherProps) {
  const { klass, base, seats, stats } = props
  const size = klass.questionIds.length
  const ranked = rankSeats(seats, klass.scoring === 'untimed')
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
          {klass.open ? 'Open to new students.' : 'Closed to new students.'}{' '}
          <Action base={base} path={klass.open ? 'close' : 'open'} label={klass.open ? 'Close to new joins' : 'Reopen'} />{' '}
          <Action
            base={base}
            path={klass.hideNames ? 'show-names' : 'hide-names'}
            label={klass.hideNames ? 'Show nicknames on the projector' : 'Hide nicknames on the projector'}
          />
        </p>
      </section>

      <h2 id="students">Students ({seats.length})</h2>
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      {seats.length === 0 ? (
        <p>Nobody has joined yet.</p>
      ) : (
        <table class="board">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Nickname</th>
              <th scope="col">Points</th>
              <th scope="col">Accuracy</th>
              <th scope="col">Time</th>
              <th scope="col">Progress</th>
              <th scope="col">Manage</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((row, i) => {
              const seat = seats[i]
              const student = `${base}/students/${seat.attemptId}`
              return (
                <tr>
                  <th scope="row">#{row.rank}</th>
                  <td>
                    {seat.nickname}
                    {seat.extraTime && <span class="tag"> extra time</span>}
                    {seat.tooFast > 0 && (
                      <span class="tag warn" title="Answered sooner than anyone can read the question: no speed bonus was given for these.">
                        {' '}
                        {seat.tooFast} too fast to read
                      </span>
                    )}
                  </td>
                  <td>{formatPoints(seat.score)}</td>
                  <td>{accuracy(seat) === null ? '–' : `${accuracy(seat)}%`}</td>
                  <td>{formatDuration(seat.timeMs)}</td>
                  <td>
                    {seat.answered} of {size}
                    {seat.finished ? ' ✓' : ''}
                  </td>
                  <td class="manage">
                    <PostForm action={`${student}/rename`} class="inline">
                      <label for={`rename-${i}`} class="visually-hidden">
                        New nickname for {seat.nickname}
                      </label>
                      <input
                        id={`rename-${i}`}
                        name="nickname"
                        type="text"
                        minlength={NICKNAME_MIN}
                        maxlength={NICKNAME_MAX}
                        value={seat.nickname}
                      />
                      <button type="submit">
                        Rename<span class="visually-hidden"> {seat.nickname}</span>
                      </button>
                    </PostForm>
                    <Action
                      base={student}
                      path="extra-time"
                      label={seat.extraTime ? 'Normal time' : 'Give extra time'}
                      who={seat.nickname}
                      hidden={{ on: seat.extraTime ? 'false' : 'true' }}
                    />
                    <Action base={student} path="remove" label="Remove" who={seat.nickname} />
                    <Action base={student} path="block" label="Remove and block this browser" who={seat.nickname} />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}

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
