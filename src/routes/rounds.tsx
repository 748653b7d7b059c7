import { Hono, type Context } from 'hono'
import { moveLeftBehind, openRound, readSeatAttempts, type NewRound } from '../db/rounds.ts'
import { drawPlan } from '../game/plan.ts'
import { readSet } from '../game/question-set.ts'
import { drawRound, nextRoundForm, readRoundSettings, roundForm, type RoundForm, type RoundFormErrors } from '../game/round-settings.ts'
import { randomId } from '../http/ids.ts'
import { Problem } from '../http/problem.ts'
import { readForm } from '../http/request.ts'
import { liveGame } from '../live/stub.ts'
import { findQuestion } from '../questions/registry.ts'
import { NewRoundPage } from '../views/classes/rounds.tsx'
import type { TeachEnv } from './teach.tsx'

// Another round with the same class, from the teacher's page (mounted under /teach/:secret, whose
// middleware finds the class): every seat moves to a new attempt, and students go on from where they are.
const rounds = new Hono<TeachEnv>()

const title = (c: Context<TeachEnv>) => `Round ${c.var.klass.round + 1}: ${c.var.klass.name}`

function formAgain(c: Context<TeachEnv>, values: RoundForm, errors: RoundFormErrors) {
  c.status(422)
  return c.render(<NewRoundPage klass={c.var.klass} base={c.var.base} values={values} errors={errors} />, { title: title(c) })
}

// With `set`, the questions the teacher chose for it in the picker (/classes/pick?to=…), which the form carries.
rounds.get('/new', (c) => {
  const values = nextRoundForm(c.var.klass)
  const ids = c.req.queries('set')
  if (!ids) return c.render(<NewRoundPage klass={c.var.klass} base={c.var.base} values={values} />, { title: title(c) })
  const { questions, problems } = readSet(ids)
  if (questions.length === 0) problems.push('Choose at least one question.')
  const chosen = { ...values, questions: questions.map((q) => q.id) }
  if (problems.length === 0) return c.render(<NewRoundPage klass={c.var.klass} base={c.var.base} values={chosen} />, { title: title(c) })
  return formAgain(c, chosen, { questions: problems.join(' ') })
})

rounds.post('/', async (c) => {
  const { klass, base, db } = c.var
  const values = roundForm(await readForm(c, { all: true }))
  const read = readRoundSettings(values)
  if (!read.ok && read.forged) throw new Problem(400, 'That form is not one of ours: reload the class page and try again.')
  if (!read.ok) return formAgain(c, values, read.errors)
  const settings = read.settings
  // The round this form opens is open already (the form sent twice): that is done.
  if (settings.round === klass.round) return c.redirect(`${base}#rounds`, 303)
  if (settings.round !== klass.round + 1)
    throw new Problem(409, `That form opens round ${settings.round}, but the class is in round ${klass.round}. Nothing was changed.`, {
      href: base,
      label: 'Back to the class',
    })

  const { plan, bankIds, bankId } = drawRound(settings)
  const questions = plan.map((item) => findQuestion(item.q)!)
  const live = settings.mode === 'live' && settings.seconds ? { seconds: settings.seconds, plan } : null
  // A live game still running ends first: the open question's answers go to D1 before the round they belong to closes.
  if (klass.live) await liveGame(c.env, klass.id).control('end')
  // Each self-paced seat gets the round's questions in its own order, as a student joining does; a live game shows everyone one order.
  const moveFor = (from: string) => ({ from, to: randomId(), plan: live ? undefined : drawPlan(questions, questions.length) })
  const round: NewRound = {
    classId: klass.id,
    round: settings.round,
    bankIds,
    bankId,
    questionIds: plan.map((item) => item.q),
    live,
    moves: (await readSeatAttempts(db, klass.id)).map(moveFor),
    now: Date.now(),
  }
  const { opened, left } = await openRound(db, round)
  if (!opened) return c.redirect(`${base}#rounds`, 303)
  // Students who joined while the round was being written: moved now (a join after it is refused, and joins again).
  for (let tries = 0, still = left; still.length > 0 && tries < 3; tries++)
    still = await moveLeftBehind(db, { ...round, moves: still.map(moveFor) })
  if (klass.live || live) await liveGame(c.env, klass.id).newRound(`/board/${klass.boardId}`)
  return c.redirect(`${base}#rounds`, 303)
})

export default rounds
