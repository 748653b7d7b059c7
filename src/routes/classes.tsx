import { Hono, type Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { validator } from 'hono/validator'
import { createClass } from '../db/classes.ts'
import type { AppEnv } from '../env.ts'
import {
  CLASS_FORM_DEFAULTS,
  classForm,
  readClassSettings,
  type ClassForm,
  type ClassFormErrors,
  type ClassSettings,
} from '../game/class-settings.ts'
import { joinCode } from '../game/codes.ts'
import { planFor } from '../game/class-plan.ts'
import { readSet } from '../game/question-set.ts'
import { randomId, sha256Hex } from '../http/ids.ts'
import { clientAddress, enforceLimit } from '../http/limits.ts'
import { Problem } from '../http/problem.ts'
import { NewClassPage } from '../views/classes/new.tsx'

const classes = new Hono<AppEnv>()

// With `set`, the questions a teacher chose in the picker (/classes/pick), which the form carries.
classes.get('/new', (c) => {
  const ids = c.req.queries('set')
  if (!ids) return c.render(<NewClassPage values={CLASS_FORM_DEFAULTS} />, { title: 'Open a class' })
  const { questions, problems } = readSet(ids)
  if (questions.length === 0) problems.push('Choose at least one question.')
  const values = { ...CLASS_FORM_DEFAULTS, questions: questions.map((q) => q.id) }
  if (problems.length === 0) return c.render(<NewClassPage values={values} />, { title: 'Open a class' })
  return formAgain(c, values, { questions: problems.join(' ') })
})

/** The form again, as the teacher filled it in, with a message beside each field to fix; a chosen set keeps what can be kept. */
function formAgain(c: Context<AppEnv>, values: ClassForm, errors: ClassFormErrors) {
  c.status(422)
  const questions = readSet(values.questions).questions.map((q) => q.id)
  return c.render(<NewClassPage values={{ ...values, questions }} errors={errors} />, { title: 'Open a class' })
}

const limited = createMiddleware<AppEnv>(async (c, next) => {
  await enforceLimit(c, 'CLASS_LIMIT', clientAddress(c), { href: '/classes/new', label: 'Back to the form' })
  await next()
})

const settings = validator('form', (posted, c) => {
  const values = classForm(posted)
  const read = readClassSettings(values)
  if (read.ok) return { values, ...read.settings }
  if (read.forged) throw new Problem(400, 'That scoring, naming or mode choice is not one we offer.')
  return formAgain(c, values, read.errors)
})

classes.post('/', limited, settings, async (c) => {
  const { values, ...chosen } = c.req.valid('form')
  const live = chosen.mode === 'live'
  const { plan, bankIds } = planFor(chosen)
  const secret = randomId(32)
  const klass = {
    id: randomId(),
    boardId: randomId(),
    teacherHash: await sha256Hex(secret),
    name: chosen.name,
    bankIds,
    questionIds: plan.map((item) => item.q),
    scoring: chosen.scoring,
    naming: chosen.naming,
    admit: chosen.admit,
    live: live && chosen.seconds ? { seconds: chosen.seconds, plan } : null,
    createdAt: Date.now(),
  }
  // Codes collide rarely (31^6 of them); draw again when one is taken.
  for (let tries = 0; tries < 5; tries++) {
    if (await createClass(c.var.db, { ...klass, code: joinCode() })) return c.redirect(`/teach/${secret}`, 303)
  }
  throw new Problem(503, 'We could not find a free class code just now. Please try again.')
})

export default classes
