// The teacher's view of who is in the class: the waiting room, and the students ranked, with
// moderation for one student (a menu on each row) or for several ticked at once (a flood of
// scripted joins). Ids in rows are the student's, not the row's place: a poll that reorders the
// rows (src/views/classes/dashboard.tsx) keeps each box, field and menu with its student.
import type { SeatRow, Waiting } from '../../db/standings.ts'
import type { Class } from '../../db/schema.ts'
import { NICKNAME_MAX, NICKNAME_MIN } from '../../game/nickname.ts'
import { rankSeats } from '../../game/ranking.ts'
import { accuracy, formatDuration, formatPoints } from '../format.ts'
import { PostForm } from '../post-form.tsx'

/** One button that posts to `${base}/${path}`; `who` names the student for screen readers. */
export function Action({
  base,
  path,
  label,
  who,
  hidden,
  danger,
}: {
  base: string
  path: string
  label: string
  who?: string
  hidden?: Record<string, string>
  danger?: boolean
}) {
  return (
    <PostForm action={`${base}/${path}`} class="inline">
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={danger ? 'quiet-danger' : undefined}>
        {label}
        {who && <span class="visually-hidden"> ({who})</span>}
      </button>
    </PostForm>
  )
}

/** Students who joined a class with a waiting room, until the teacher lets them in or turns them away. */
export function WaitingRoom({ klass, base, waiting }: { klass: Class; base: string; waiting: Waiting[] }) {
  if (!klass.admit && waiting.length === 0) return null
  return (
    <section aria-labelledby="waiting" class="waiting-room">
      <h2 id="waiting">Waiting room ({waiting.length})</h2>
      {waiting.length === 0 ? (
        <p>Nobody is waiting. Students who join wait here until you let them in.</p>
      ) : (
        <>
          <Action base={base} path="students/admit-all" label={`Let all ${waiting.length} in`} />
          <ul class="waiting">
            {waiting.map((w) => {
              const student = `${base}/students/${w.attemptId}`
              return (
                <li id={`waiting-${w.attemptId}`}>
                  <span class="name">{w.nickname}</span>
                  <div class="row-actions">
                    <Action base={student} path="admit" label="Let in" who={w.nickname} />
                    <Action base={student} path="remove" label="Turn away" who={w.nickname} />
                    <Action base={student} path="block" label="Turn away and block" who={w.nickname} danger />
                  </div>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </section>
  )
}

/**
 * One student's moderation, folded into a disclosure so the row stays one line: works with the
 * keyboard (the summary is a button) and without JavaScript (the forms post and redirect).
 */
function StudentMenu({ base, seat }: { base: string; seat: SeatRow }) {
  const student = `${base}/students/${seat.attemptId}`
  const who = seat.nickname
  return (
    <details class="menu" hx-morph-skip="">
      <summary>
        Actions<span class="visually-hidden"> for {who}</span>
      </summary>
      <div class="menu-panel">
        <PostForm action={`${student}/rename`} class="rename">
          <label for={`rename-${seat.attemptId}`}>
            New nickname<span class="visually-hidden"> for {who}</span>
          </label>
          <span class="rename-row">
            <input
              id={`rename-${seat.attemptId}`}
              name="nickname"
              type="text"
              minlength={NICKNAME_MIN}
              maxlength={NICKNAME_MAX}
              value={who}
            />
            <button type="submit">
              Rename<span class="visually-hidden"> {who}</span>
            </button>
          </span>
        </PostForm>
        <Action
          base={student}
          path="extra-time"
          label={seat.extraTime ? 'Normal time' : 'Give extra time'}
          who={who}
          hidden={{ on: seat.extraTime ? 'false' : 'true' }}
        />
        <Action base={student} path="remove" label="Remove" who={who} />
        <Action base={student} path="block" label="Remove and block this browser" who={who} danger />
      </div>
    </details>
  )
}

/** The class ranked, each row with its menu; rows ticked together are removed together. */
export function StudentTable({ klass, base, seats }: { klass: Class; base: string; seats: SeatRow[] }) {
  const size = klass.questionIds.length
  const ranked = rankSeats(seats, klass.scoring === 'untimed')
  // A live game marks everyone finished only at its end: the count says something in a self-paced class.
  const finished = klass.live ? null : seats.filter((s) => s.finished).length
  return (
    <section aria-labelledby="students" class="students">
      <h2 id="students">Students ({seats.length})</h2>
      {seats.length === 0 ? (
        <p>Nobody has joined yet.</p>
      ) : (
        <>
          {finished !== null && (
            <p class="meta">
              {finished} of {seats.length} finished.
            </p>
          )}
          {/* The ticked boxes belong to this form through their form="ticked" attribute: one form for the whole table. */}
          <PostForm action={`${base}/students/remove`} id="ticked" class="bulk">
            <button type="submit">Remove ticked students</button>
            <button type="submit" formaction={`${base}/students/block`} class="quiet-danger">
              Remove and block ticked students
            </button>
          </PostForm>
          <table class="board roster">
            <caption class="visually-hidden">
              Students ranked: most points first{klass.scoring === 'untimed' ? '' : ', then fastest'}
            </caption>
            <thead>
              <tr>
                <th scope="col" class="tick">
                  <span class="visually-hidden">Tick</span>
                </th>
                <th scope="col" class="rank">
                  Rank
                </th>
                <th scope="col" class="name">
                  Nickname
                </th>
                <th scope="col" class="num">
                  Points
                </th>
                <th scope="col" class="num">
                  Accuracy
                </th>
                <th scope="col" class="num">
                  Time
                </th>
                <th scope="col">Progress</th>
                <th scope="col" class="manage">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((seat, i) => (
                <tr id={`seat-${seat.attemptId}`}>
                  <td class="tick">
                    <input type="checkbox" name="student" value={seat.attemptId} form="ticked" id={`tick-${seat.attemptId}`} />
                    <label for={`tick-${seat.attemptId}`} class="visually-hidden">
                      Tick {seat.nickname}
                    </label>
                  </td>
                  <th scope="row" class="rank">
                    #{seat.rank}
                  </th>
                  <td class="name">
                    <span class="nick">{seat.nickname}</span>
                    {seat.extraTime && <span class="tag"> extra time</span>}
                    {seat.tooFast > 0 && (
                      <span class="tag warn" title="Answered sooner than anyone can read the question: no speed bonus was given for these.">
                        {' '}
                        {seat.tooFast} too fast to read
                      </span>
                    )}
                  </td>
                  <td class="num" data-label="Points">
                    {formatPoints(seat.score)}
                  </td>
                  <td class="num" data-label="Accuracy">
                    {accuracy(seat) === null ? '–' : `${accuracy(seat)}%`}
                  </td>
                  <td class="num" data-label="Time">
                    {formatDuration(seats[i].timeMs)}
                  </td>
                  <td class="progress-cell">
                    {seat.answered} of {size}
                    {seat.finished ? ' ✓' : ''}
                  </td>
                  <td class="manage">
                    <StudentMenu base={base} seat={seat} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
