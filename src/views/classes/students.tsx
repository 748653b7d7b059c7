// The teacher's view of who is in the class: the waiting room, and the students ranked, with
// moderation for one student or for several ticked at once (a flood of scripted joins).
import type { SeatRow, Waiting } from '../../db/classes.ts'
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

/** Students who joined a class with a waiting room, until the teacher lets them in or turns them away. */
export function WaitingRoom({ klass, base, waiting }: { klass: Class; base: string; waiting: Waiting[] }) {
  if (!klass.admit && waiting.length === 0) return null
  return (
    <section aria-labelledby="waiting">
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
                <li>
                  <span class="name">{w.nickname}</span> <Action base={student} path="admit" label="Let in" who={w.nickname} />{' '}
                  <Action base={student} path="remove" label="Turn away" who={w.nickname} />{' '}
                  <Action base={student} path="block" label="Turn away and block" who={w.nickname} />
                </li>
              )
            })}
          </ul>
        </>
      )}
    </section>
  )
}

/** The class ranked, each row with its moderation; rows ticked together are removed together. */
export function StudentTable({ klass, base, seats, error }: { klass: Class; base: string; seats: SeatRow[]; error?: string }) {
  const size = klass.questionIds.length
  const ranked = rankSeats(seats, klass.scoring === 'untimed')
  return (
    <>
      <h2 id="students">Students ({seats.length})</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {seats.length === 0 ? (
        <p>Nobody has joined yet.</p>
      ) : (
        <>
          {/* The ticked boxes belong to this form through their form="ticked" attribute: one form for the whole table. */}
          <PostForm action={`${base}/students/remove`} id="ticked" class="actions">
            <button type="submit">Remove ticked students</button>{' '}
            <button type="submit" formaction={`${base}/students/block`}>
              Remove and block ticked students
            </button>
          </PostForm>
          <table class="board">
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">Tick</span>
                </th>
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
              {ranked.map((seat, i) => {
                const student = `${base}/students/${seat.attemptId}`
                return (
                  <tr>
                    <td>
                      <input type="checkbox" name="student" value={seat.attemptId} form="ticked" id={`tick-${i}`} />
                      <label for={`tick-${i}`} class="visually-hidden">
                        Tick {seat.nickname}
                      </label>
                    </td>
                    <th scope="row">#{seat.rank}</th>
                    <td>
                      {seat.nickname}
                      {seat.extraTime && <span class="tag"> extra time</span>}
                      {seat.tooFast > 0 && (
                        <span
                          class="tag warn"
                          title="Answered sooner than anyone can read the question: no speed bonus was given for these."
                        >
                          {' '}
                          {seat.tooFast} too fast to read
                        </span>
                      )}
                    </td>
                    <td>{formatPoints(seat.score)}</td>
                    <td>{accuracy(seat) === null ? '–' : `${accuracy(seat)}%`}</td>
                    <td>{formatDuration(seats[i].timeMs)}</td>
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
        </>
      )}
    </>
  )
}
