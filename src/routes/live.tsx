import { Hono, type Context } from 'hono'
import { readAttempt, type Play } from '../db/attempts.ts'
import type { AppEnv } from '../env.ts'
import { readAnswer } from '../game/response.ts'
import { isId } from '../http/ids.ts'
import { tooMany } from '../http/limits.ts'
import { isOwnedBy } from '../http/owner.ts'
import { Problem } from '../http/problem.ts'
import { readForm, readPosition } from '../http/request.ts'
import { reply } from '../http/respond.tsx'
import type { Refusal } from '../live/accept.ts'
import type { Snapshot } from '../live/snapshot.ts'
import { findSeat, remember } from '../live/seats.ts'
import { liveGame, roundUrl } from '../live/stub.ts'
import { findQuestion } from '../questions/registry.ts'
import { PhoneFragment, PhonePage } from '../views/live/pages.tsx'

// A student's phone in a live game. The game's Durable Object decides what is open and times
// every answer; these routes check whose phone it is and read the form.
const live = new Hono<AppEnv>()

/** The seat in the URL, if this browser holds it, and its game; `read`: its attempt as just read (the page reads afresh). */
async function ownSeat(c: Context<AppEnv>, read?: Play | null) {
  const id = c.req.param('attemptId') ?? ''
  const seat = read === undefined ? await findSeat(c.var.db, id) : remember(id, read)
  if (!seat)
    throw new Problem(404, 'We could not find that game. Join again with the code on the board.', {
      href: '/join',
      label: 'Enter a class code',
    })
  if (!(await isOwnedBy(c, seat.ownerHash)))
    throw new Problem(403, 'This seat was taken in another browser, so only that browser can play it.', {
      href: '/join',
      label: 'Enter a class code',
    })
  if (!seat.live)
    throw new Problem(409, 'This seat is in a class played at each student’s own pace, not a live game.', {
      href: `/play/${id}`,
      label: 'Go to your quiz',
    })
  return { id, plan: seat.plan, game: liveGame(c.env, seat.classId) }
}

const gone = () => new Problem(404, 'This class no longer exists. It may have been deleted or expired.')

live.get('/:attemptId', async (c) => {
  // Read afresh, not from the seats remembered: a seat's round moves on, and its old page leads to the new one.
  const id = c.req.param('attemptId')
  const found = isId(id) ? await readAttempt(c.var.db, id) : null
  if (found?.seat && found.seat.current !== id && (await isOwnedBy(c, found.attempt.ownerHash)))
    return c.redirect(roundUrl(found.seat), 303)
  const { game } = await ownSeat(c, found)
  const snap = await game.snapshot(id)
  if (!snap) throw gone()
  return c.render(<PhonePage snap={snap} attemptId={id} />, { title: `${snap.klass.name}: live`, live: true })
})

const REFUSALS: Record<Refusal, string> = {
  closed: 'Time was up before your answer arrived, so it was not counted.',
  'not-open': 'That question is not open yet, so the answer was not counted. Here is where the game is now.',
  paused: 'The game is paused, so answers wait until your teacher carries on.',
  'not-seated': 'You are no longer seated in this class, so the answer was not counted.',
  waiting: 'Your teacher has not let you in yet, so the answer was not counted.',
}

live.post('/:attemptId/answer', async (c) => {
  // A seat's posts are counted by its game, the one place they all pass (GivenAnswers.tooMany).
  const form = await readForm(c, { all: true })
  const position = readPosition(form.position)
  const { id, plan, game } = await ownSeat(c)
  const item = plan[position]
  const question = item && findQuestion(item.q)
  if (!question) throw new Problem(409, 'That question is not the one in play.', { href: `/live/${id}`, label: 'Back to the game' })
  const reading = readAnswer(question, item.order, form)
  if (!reading.ok && reading.status === 422) {
    const snap = await game.snapshot(id)
    if (!snap) throw gone()
    return show(c, snap, id, 422, reading.message)
  }
  if (!reading.ok) throw new Problem(reading.status, reading.message, { href: `/live/${id}`, label: 'Back to the game' })
  const { outcome, snap } = await game.answer(id, position, reading.value)
  if (!snap) throw gone()
  if (outcome === 'not-seated') await refuseRoundOver(c, id)
  // Accepted, or already locked in (a double tap, a retry): the phone shows its answer, counted once.
  if (outcome === 'accepted' || outcome === 'already') return show(c, snap, id)
  if (outcome === 'too-many') throw tooMany('ANSWER_LIMIT', { href: `/live/${id}`, label: 'Back to the game' })
  return show(c, snap, id, outcome === 'not-seated' || outcome === 'waiting' ? 403 : 409, REFUSALS[outcome])
})

/** A seat the game does not know may have gone on to another round: its answer to this one goes nowhere, and says where to go. */
async function refuseRoundOver(c: Context<AppEnv>, id: string) {
  const seat = (await readAttempt(c.var.db, id))?.seat
  if (seat && seat.current !== id)
    throw new Problem(409, `Your teacher has started round ${seat.round}, so this answer was not counted.`, {
      href: roundUrl(seat),
      label: `Go to round ${seat.round}`,
    })
}

/** htmx gets the new screen; a plain form gets a redirect, or the page with the message. */
function show(c: Context<AppEnv>, snap: Snapshot, attemptId: string, status: 200 | 403 | 409 | 422 = 200, error?: string) {
  return reply(c, {
    status,
    fragment: () => <PhoneFragment snap={snap} attemptId={attemptId} error={error} />,
    page: () => <PhonePage snap={snap} attemptId={attemptId} error={error} />,
    title: `${snap.klass.name}: live`,
    live: true,
    redirect: `/live/${attemptId}`,
  })
}

export default live
