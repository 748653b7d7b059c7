import { Hono, type Context } from 'hono'
import { recordAnswer } from '../db/answers.ts'
import { advance, createAttempt, dropWithdrawn, readAttempt, type Play } from '../db/attempts.ts'
import type { Attempt } from '../db/schema.ts'
import type { AppEnv } from '../env.ts'
import { isClosed } from '../game/deadline.ts'
import { DEFAULT_QUIZ_SIZE, drawPlan } from '../game/plan.ts'
import { readAnswer } from '../game/response.ts'
import { scoreAnswer, speedWindow } from '../game/scoring.ts'
import { isId, randomId } from '../http/ids.ts'
import { clientAddress, enforceLimit } from '../http/limits.ts'
import { ensureOwner, isOwnedBy, readOwner } from '../http/owner.ts'
import { Problem } from '../http/problem.ts'
import { readForm, readPosition } from '../http/request.ts'
import { reply } from '../http/respond.tsx'
import { findBank, findQuestion } from '../questions/registry.ts'
import { deadlineOfSeat, HomeworkClosed } from '../views/classes/deadline.tsx'
import { roundUrl } from '../live/stub.ts'
import { WaitingPage } from '../views/classes/join.tsx'
import { PlayPage, StageFragment, type PlayStageProps } from '../views/play/stage.tsx'

/** How often a waiting student's page looks again whether they have been let in. */
const WAITING_RELOAD_SECONDS = 5

const play = new Hono<AppEnv>()

play.post('/', async (c) => {
  await enforceLimit(c, 'START_LIMIT', clientAddress(c), { href: '/', label: 'Back to the quizzes' })
  const { bank: chosen } = await readForm(c, { all: true })
  const bank = typeof chosen === 'string' ? findBank(chosen) : undefined
  if (!bank) throw new Problem(404, 'That quiz does not exist. Pick one from the list.')
  const id = randomId()
  // Every attempt has the same length, so points on a leaderboard compare like with like.
  const plan = drawPlan(bank.questions, DEFAULT_QUIZ_SIZE)
  await createAttempt(c.var.db, { id, ownerHash: await ensureOwner(c), bankId: bank.id, plan, now: Date.now() })
  return c.redirect(`/play/${id}`, 303)
})

play.get('/:id', async (c) => {
  const found = await ownAttempt(c, { forPage: true })
  // A round already over, or a live game's seat: the seat's round in play, where it is played.
  if (found.seat && (found.seat.current !== found.attempt.id || found.seat.live)) return c.redirect(roundUrl(found.seat), 303)
  if (found.seat && !found.seat.admitted)
    return c.render(<WaitingPage className={found.seat.className} nickname={found.seat.nickname} seatUrl={`/play/${found.attempt.id}`} />, {
      title: `${found.seat.className}: waiting room`,
      reload: WAITING_RELOAD_SECONDS,
    })
  if (closed(found)) return homeworkClosed(c, found, 200)
  const props = stageOf(found)
  return c.render(<PlayPage {...props} />, { title: props.title })
})

play.post('/:id/answer', async (c) => {
  // Keyed by quiz and browser: another browser's posts to this quiz cannot use up its owner's allowance.
  const key = `${c.req.param('id')}:${(await readOwner(c)) ?? 'none'}`
  await enforceLimit(c, 'ANSWER_LIMIT', key, { href: `/play/${c.req.param('id')}`, label: 'Back to your quiz' })
  const form = await readForm(c, { all: true })
  const position = readPosition(form.position)
  const { attempt, answer: stored, seat } = await ownAttempt(c, { position })
  // A retry of an answer already stored (double click, bad Wi-Fi): same verdict, counted once.
  if (stored && position === attempt.cursor) return show(c, stageOf({ attempt, answer: stored, seat }))
  // An old question's form sent again (the back button): the quiz has moved on.
  if (stored) throw new Problem(409, `You already answered question ${position + 1}, and your quiz has moved on.`, backTo(attempt))
  if (position !== attempt.cursor) throw outOfTurn(attempt)
  // The deadline by the server's clock, read with the attempt: an answer sent after it is refused.
  const now = Date.now()
  if (closed({ attempt, seat }, now)) return homeworkClosed(c, { attempt, seat }, 409)
  const props = stageOf({ attempt, answer: null, seat })
  const { question } = props
  if (!question)
    throw new Problem(409, 'This question was withdrawn from its bank after your quiz began, so it takes no answer.', backTo(attempt))
  const reading = readAnswer(question, attempt.plan[position].order, form)
  if (!reading.ok && reading.status === 422) return show(c, { ...props, error: reading.message }, 422)
  if (!reading.ok) throw new Problem(reading.status, reading.message, backTo(attempt))

  const window = speedWindow(seat?.scoring, seat?.extraTime)
  const answer = scoreAnswer(question, reading.value, {
    attemptId: attempt.id,
    position,
    timeMs: Math.max(0, now - attempt.shownAt),
    window,
    answeredAt: now,
  })
  const recorded = await recordAnswer(c.var.db, answer, { finishOnLast: true })
  // Not stored: the same answer won a race with this one (two tabs at once); show the one that counts.
  if (!recorded.stored || !recorded.attempt) return show(c, await ownStage(c))
  return show(c, stageOf({ attempt: recorded.attempt, answer, seat }))
})

play.post('/:id/next', async (c) => {
  const position = readPosition((await readForm(c)).position)
  const id = c.req.param('id')
  const owner = await readOwner(c)
  const moved = isId(id) && owner ? await advance(c.var.db, id, owner, position, Date.now()) : null
  if (moved) return show(c, stageOf({ attempt: moved, answer: null, seat: null }))
  // Not moved: a repeated "Next", not this browser's quiz, or homework past its deadline. Show where it stands.
  const found = await ownAttempt(c)
  if (closed(found)) return homeworkClosed(c, found, 409)
  return show(c, stageOf(found))
})

// A question withdrawn from its bank after the quiz began (its page says so): the quiz goes on with
// what remains. Not yet answered, it is taken out of the plan, with any other withdrawn question
// still ahead; answered before it went, the quiz moves past it, as "Next" would.
play.post('/:id/skip', async (c) => {
  const position = readPosition((await readForm(c)).position)
  const found = await ownAttempt(c, { position })
  const { attempt } = found
  if (closed(found)) return homeworkClosed(c, found, 409)
  const now = Date.now()
  // Nothing withdrawn where the form says (a second tap, after the first moved the quiz on): no change.
  const withdrawn = position === attempt.cursor && !findQuestion(attempt.plan[position].q)
  if (withdrawn && attempt.finishedAt === null) {
    if (attempt.answered > position) await advance(c.var.db, attempt.id, attempt.ownerHash, position, now)
    else {
      const plan = attempt.plan.filter((item, i) => i < attempt.answered || findQuestion(item.q))
      await dropWithdrawn(c.var.db, attempt, plan, now)
    }
  }
  // The quiz as it now stands, whatever another tab did meanwhile.
  const { attempt: after } = await ownAttempt(c)
  return c.redirect(after.finishedAt === null ? `/play/${attempt.id}` : `/results/${attempt.id}`, 303)
})

const backTo = (attempt: Attempt) => ({ href: `/play/${attempt.id}`, label: 'Back to your quiz' })
const outOfTurn = (attempt: Attempt) =>
  new Problem(409, 'That question is not the one on your screen any more. Carry on from where your quiz is now.', backTo(attempt))

/**
 * The attempt in the URL, if this browser started it and may play it here: not a live game's seat
 * (its game times its answers), and not a seat still in the waiting room. The question page itself
 * (`forPage`) takes both, to send the one on to its game and show the other its waiting room.
 */
async function ownAttempt(c: Context<AppEnv>, { position, forPage = false }: { position?: number; forPage?: boolean } = {}) {
  const id = c.req.param('id') ?? ''
  const found = isId(id) ? await readAttempt(c.var.db, id, position) : null
  if (!found) throw new Problem(404, 'We could not find that quiz. It may have been mistyped: start a new one.')
  if (!(await isOwnedBy(c, found.attempt.ownerHash)))
    throw new Problem(403, 'This quiz was started in another browser, so only that browser can answer it.', {
      href: `/results/${id}`,
      label: 'See its results page',
    })
  if (!forPage && found.seat && found.seat.current !== id)
    throw new Problem(409, `Your teacher has started round ${found.seat.round}, so this one is over.`, {
      href: roundUrl(found.seat),
      label: `Go to round ${found.seat.round}`,
    })
  if (!forPage && found.seat && !found.seat.admitted)
    throw new Problem(409, 'Your teacher has not let you in yet, so your quiz has not started.', {
      href: `/play/${id}`,
      label: 'Back to the waiting room',
    })
  if (!forPage && found.seat?.live)
    throw new Problem(409, 'This seat is in a live game, which runs on its own page.', { href: `/live/${id}`, label: 'Go to the game' })
  if (position !== undefined && position >= found.attempt.plan.length) throw outOfTurn(found.attempt)
  return found
}

const ownStage = async (c: Context<AppEnv>) => stageOf(await ownAttempt(c))

/** Whether a class attempt's homework has closed, by the server's clock. */
const closed = ({ seat }: Partial<Play>, now = Date.now()) => isClosed(seat?.closesAt ?? null, now)

/**
 * A closed homework's page: the student's question page after the deadline (200), or the refusal
 * of an answer or a "Next" sent after it (409: the class's state, which the teacher may change by
 * extending the deadline, conflicts with the request; not 410, as nothing is gone for good, and not
 * 403, as this browser may play this quiz: just not now).
 */
function homeworkClosed(c: Context<AppEnv>, { attempt, seat }: Pick<Play, 'attempt' | 'seat'>, status: 200 | 409) {
  const props = {
    deadline: deadlineOfSeat(seat!),
    className: seat!.className,
    seat: { answered: attempt.answered, total: attempt.plan.length, resultsUrl: `/results/${attempt.id}` },
  }
  return reply(c, {
    status,
    fragment: () => <HomeworkClosed {...props} fragment />,
    page: () => <HomeworkClosed {...props} />,
    title: `${seat!.className}: homework closed`,
  })
}

function stageOf({ attempt, answer, seat }: Play): PlayStageProps {
  return {
    attempt,
    // Null for a question withdrawn from its bank since the attempt began: the stage says so, and goes on.
    question: findQuestion(attempt.plan[attempt.cursor].q) ?? null,
    answer,
    title: seat ? `${seat.className}: playing as ${seat.nickname}` : (findBank(attempt.bankId)?.title ?? 'Quiz'),
    deadline: seat ? deadlineOfSeat(seat) : undefined,
  }
}

/** The new stage: htmx swaps it in; a plain form is redirected to the question page (or shown it, for a 422). */
function show(c: Context<AppEnv>, props: PlayStageProps, status: 200 | 422 = 200) {
  return reply(c, {
    status,
    fragment: () => <StageFragment {...props} />,
    page: () => <PlayPage {...props} />,
    title: props.title,
    redirect: `/play/${props.attempt.id}`,
  })
}

export default play
