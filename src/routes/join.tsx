import { Hono, type Context } from 'hono'
import { findClassForJoin, joinClass } from '../db/classes.ts'
import type { Class } from '../db/schema.ts'
import type { AppEnv } from '../env.ts'
import { readCode } from '../game/codes.ts'
import { isClosed } from '../game/deadline.ts'
import { generatedName, nicknameKey, readNickname } from '../game/nickname.ts'
import { drawPlan } from '../game/plan.ts'
import { randomId } from '../http/ids.ts'
import { ensureOwner, readOwner } from '../http/owner.ts'
import { readFormToken } from '../http/forms.ts'
import { charge, clientAddress, enforceLimit } from '../http/limits.ts'
import { Problem } from '../http/problem.ts'
import { readForm } from '../http/request.ts'
import { rememberSeat } from '../live/seats.ts'
import { liveGame, seatUrl } from '../live/stub.ts'
import { findQuestion } from '../questions/registry.ts'
import { deadlineOf, HomeworkClosed } from '../views/classes/deadline.tsx'
import { JoinCodePage, JoinPage } from '../views/classes/join.tsx'

const join = new Hono<AppEnv>()

join.get('/', (c) => {
  const raw = c.req.query('code')
  if (raw === undefined) return c.render(<JoinCodePage />, { title: 'Join a class' })
  const code = readCode(raw)
  if (code) return c.redirect(`/join/${code}`, 303)
  c.status(422)
  return c.render(<JoinCodePage error="A class code has six letters and digits, like K7PQ2M." />, { title: 'Join a class' })
})

join.get('/:code', async (c) => {
  const { klass, seat } = await joinable(c)
  if (seat) return c.redirect(seatUrl(klass, seat), 303)
  if (isClosed(klass.closesAt, Date.now())) return closed(c, klass)
  // The browser gets its player token with the form, so two posts of it sent at once (a double
  // tap on a new phone) carry the same one: one seat, not two, and never a seat it cannot reach.
  await ensureOwner(c)
  return c.render(<JoinPage klass={klass} />, { title: `Join ${klass.name}` })
})

join.post('/:code', async (c) => {
  const { klass, seat } = await joinable(c)
  if (seat) return c.redirect(seatUrl(klass, seat), 303)
  if (isClosed(klass.closesAt, Date.now())) return closed(c, klass)
  // Seats from one address into one class: far more than a real class ever takes, far fewer than a flood.
  await enforceLimit(c, 'JOIN_LIMIT', `${klass.id}:${clientAddress(c)}`, { href: `/join/${klass.code}`, label: 'Back to the class' })
  const ownerHash = await ensureOwner(c)
  const questions = klass.questionIds.map(findQuestion).filter((q) => q !== undefined)
  if (questions.length === 0)
    throw new Problem(410, 'The questions of this class have been withdrawn. Ask your teacher to open a new class.')
  const seatFor = (nickname: string) => ({
    klass,
    attemptId: randomId(),
    ownerHash,
    nickname,
    nicknameKey: nicknameKey(nickname),
    // A live game shows everyone the same options in the same order; a self-paced student gets their own.
    plan: klass.live?.plan ?? drawPlan(questions, questions.length),
    now: Date.now(),
  })
  let result
  if (klass.naming === 'generated') {
    // Draw names until one is free in this class (900 of them; a class is far smaller).
    for (let tries = 0; tries < 20 && (!result || result.outcome === 'nickname-taken'); tries++) {
      const s = seatFor(generatedName())
      result = { outcome: await joinClass(c.var.db, s), attemptId: s.attemptId, nickname: s.nickname }
    }
  } else {
    const raw = (await readForm(c)).nickname
    const nickname = readNickname(raw)
    if (!nickname.ok) return again(c, klass, raw, nickname.message)
    const s = seatFor(nickname.value)
    result = { outcome: await joinClass(c.var.db, s), attemptId: s.attemptId, nickname: s.nickname }
    // Taken by this browser's own seat, made a moment ago by the same form sent twice: that is the seat.
    const own = result.outcome === 'nickname-taken' && (await findClassForJoin(c.var.db, klass.code, ownerHash))?.seat
    if (own) return c.redirect(seatUrl(klass, own), 303)
    if (result.outcome === 'nickname-taken')
      return again(c, klass, raw, 'Someone in this class already has that nickname. Please pick another.')
  }
  if (result?.outcome === 'joined') {
    // The game shows who has joined, and lets a late joiner in at the question in play.
    if (klass.live) {
      await liveGame(c.env, klass.id).joined({ attemptId: result.attemptId, nickname: result.nickname, admitted: !klass.admit })
      // Its socket, opened next, and its first answer need not read the seat back.
      rememberSeat(result.attemptId, { ownerHash, classId: klass.id, plan: klass.live.plan, live: true })
    }
    return c.redirect(seatUrl(klass, result.attemptId), 303)
  }
  if (result?.outcome === 'already-seated') return c.redirect(`/join/${klass.code}`, 303)
  if (result?.outcome === 'round-over')
    throw new Problem(409, 'Your teacher started a new round just as you joined. Please join again.', {
      href: `/join/${klass.code}`,
      label: 'Join again',
    })
  if (result?.outcome === 'class-gone')
    throw new Problem(404, 'This class was deleted a moment ago. Ask your teacher for the new code.', {
      href: '/join',
      label: 'Enter another code',
    })
  throw new Problem(503, 'We could not find you a free name just now. Please try again.')
})

const CODE_MISS_COST = 30

/**
 * Homework past its deadline takes no newcomers: a seat could answer nothing. A 403, as the lock
 * refuses (the class takes nobody new); one already seated went on to their closed quiz above.
 */
function closed(c: Context<AppEnv>, klass: Class) {
  c.status(403)
  return c.render(<HomeworkClosed deadline={deadlineOf(klass)} className={klass.name} />, { title: `${klass.name}: homework closed` })
}

function again(c: Context<AppEnv>, klass: Parameters<typeof JoinPage>[0]['klass'], raw: unknown, error: string) {
  c.status(422)
  return c.render(<JoinPage klass={klass} nickname={typeof raw === 'string' ? raw.slice(0, 40) : ''} error={error} />, {
    title: `Join ${klass.name}`,
  })
}

/** The class behind the code, if this browser may join it (or already sits in it). */
async function joinable(c: Context<AppEnv>) {
  const retry = { href: '/join', label: 'Enter another code' }
  // Every lookup costs 1 and a code not found 30 more, out of 1,000 a minute (CODE_LIMIT): a
  // guesser is stopped after about 30 misses, and then every lookup waits, found or not, so a 429
  // says nothing about a code. It is counted per browser (its form-token cookie), so one student's
  // typos never lock out the classmates who share the school's address; a request with no cookie
  // (a script that drops it, or a first visit by QR code) counts against its address instead.
  // A script can make up a new cookie for every guess, so the address pays too (CODE_ADDRESS_LIMIT),
  // at a rate a hall joining with its typos never reaches: past about 320 misses a minute, everyone
  // behind that address waits, the price of stopping such a script (docs/security.md).
  const browser = readFormToken(c)
  const address = clientAddress(c)
  const key = browser ? `browser:${browser}` : `address:${address}`
  await enforceLimit(c, 'CODE_LIMIT', key, retry)
  await enforceLimit(c, 'CODE_ADDRESS_LIMIT', address, retry)
  const code = readCode(c.req.param('code'))
  const found = code ? await findClassForJoin(c.var.db, code, await readOwner(c), Date.now()) : null
  if (!found) await Promise.all([charge(c, 'CODE_LIMIT', key, CODE_MISS_COST), charge(c, 'CODE_ADDRESS_LIMIT', address, CODE_MISS_COST)])
  if (!found) throw new Problem(404, 'No class has that code. Check it against the board, or ask your teacher.', retry)
  if (found.blocked) throw new Problem(403, 'Your teacher removed you from this class, so this browser cannot join it again.', retry)
  if (!found.seat && !found.klass.open) throw new Problem(403, 'This class is closed to new players. Ask your teacher to reopen it.', retry)
  // A seat taken after a live game's end would never finish, and would rank among those who played.
  if (!found.seat && found.klass.live && (await liveGame(c.env, found.klass.id).phase()) === 'ended')
    throw new Problem(403, 'This live game is over, so nobody can join it now. Ask your teacher about the next one.', retry)
  return found
}

export default join
