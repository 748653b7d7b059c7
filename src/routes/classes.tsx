import { Hono } from 'hono'
import { createClass } from '../db/classes.ts'
import { NAMING, SCORING } from '../db/schema.ts'
import type { AppEnv } from '../env.ts'
import { joinCode } from '../game/codes.ts'
import { drawPlan } from '../game/plan.ts'
import { hasUnprintable } from '../game/text.ts'
import { isLiveQuestion } from '../live/questions.ts'
import { randomId, sha256Hex } from '../http/ids.ts'
import { clientAddress, enforceLimit } from '../http/limits.ts'
import { Problem } from '../http/problem.ts'
import { readForm } from '../http/request.ts'
import { findBank } from '../questions/registry.ts'
import { NEW_CLASS_DEFAULTS, NewClassPage, type NewClassErrors, type NewClassValues } from '../views/classes/new.tsx'

const classes = new Hono<AppEnv>()

classes.get('/new', (c) => c.render(<NewClassPage values={NEW_CLASS_DEFAULTS} />, { title: 'Open a class' }))

classes.post('/', async (c) => {
  await enforceLimit(c, 'CLASS_LIMIT', clientAddress(c), { href: '/classes/new', label: 'Back to the form' })
  const form = await readForm(c, { all: true })
  const list = (v: unknown) => [v ?? []].flat().filter((x): x is string => typeof x === 'string')
  const values: NewClassValues = {
    name: String(list(form.name)[0] ?? '').replace(/\s+/g, ' ').trim(),
    banks: [...new Set(list(form.banks))],
    size: Number(list(form.size)[0] ?? NEW_CLASS_DEFAULTS.size),
    scoring: String(list(form.scoring)[0] ?? 'speed'),
    naming: String(list(form.naming)[0] ?? 'chosen'),
    mode: String(list(form.mode)[0] ?? 'self'),
    seconds: Number(list(form.seconds)[0] ?? NEW_CLASS_DEFAULTS.seconds),
  }
  const banks = values.banks.map(findBank)
  const errors: NewClassErrors = {}
  if (!values.name || values.name.length > 80) errors.name = 'Give the class a name of up to 80 characters.'
  else if (hasUnprintable(values.name)) errors.name = 'Use letters, numbers and ordinary punctuation in the name.'
  if (banks.length === 0 || banks.some((b) => !b)) errors.banks = 'Pick at least one question bank.'
  if (!Number.isInteger(values.size) || values.size < 1 || values.size > 30) errors.size = 'Choose from 1 to 30 questions.'
  const scoring = SCORING.find((s) => s === values.scoring)
  const naming = NAMING.find((n) => n === values.naming)
  const live = values.mode === 'live'
  if (!scoring || !naming || (!live && values.mode !== 'self')) throw new Problem(400, 'That scoring, naming or mode choice is not one we offer.')
  if (live && (!Number.isInteger(values.seconds) || values.seconds < 5 || values.seconds > 120)) errors.seconds = 'Give each question from 5 to 120 seconds.'
  // The mixed quiz holds every bank's questions: count each question once.
  const pool = [...new Map(banks.flatMap((b) => b?.questions ?? []).map((q) => [q.id, q])).values()]
  // A live game asks only what a phone answers with a tap; say so if the banks hold too few.
  const questions = live ? pool.filter(isLiveQuestion) : pool
  if (live && !errors.banks && !errors.size && questions.length < values.size)
    errors.size = `These banks hold ${questions.length} questions a live game can ask (one answer, several, or true or false). Choose ${questions.length} or fewer, or add a bank.`
  if (Object.keys(errors).length) {
    c.status(422)
    return c.render(<NewClassPage values={values} errors={errors} />, { title: 'Open a class' })
  }
  const plan = drawPlan(questions, values.size)
  const secret = randomId(32)
  const klass = {
    id: randomId(),
    boardId: randomId(),
    teacherHash: await sha256Hex(secret),
    name: values.name,
    bankIds: values.banks,
    questionIds: plan.map((item) => item.q),
    scoring,
    naming,
    live: live ? { seconds: values.seconds, plan } : null,
    createdAt: Date.now(),
  }
  // Codes collide rarely (31^6 of them); draw again when one is taken.
  for (let tries = 0; tries < 5; tries++) {
    if (await createClass(c.var.db, { ...klass, code: joinCode() })) return c.redirect(`/teach/${secret}`, 303)
  }
  throw new Problem(503, 'We could not find a free class code just now. Please try again.')
})

export default classes
