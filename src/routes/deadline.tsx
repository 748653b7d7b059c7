// A self-paced class's homework deadline, from the teacher's link: mounted at /teach/:secret/deadline,
// behind the teacher's middleware (routes/teach.tsx), so only that link reaches it.
import { Hono, type Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { CLASS_LIFETIME_MS, closeNow, setDeadline } from '../db/classes.ts'
import { readDeadline, type DeadlineErrors, type DeadlineForm } from '../game/deadline.ts'
import { Problem } from '../http/problem.ts'
import { readForm } from '../http/request.ts'
import { DeadlinePage, deadlineValues } from '../views/classes/deadline-form.tsx'
import type { TeachEnv } from './teach.tsx'

const deadline = new Hono<TeachEnv>()

deadline.use(async (c, next) => {
  if (c.var.klass.live)
    throw new Problem(409, 'A live game has no deadline: it ends when you end it from your page. Nothing was changed.', {
      href: c.var.base,
      label: 'Back to the class',
    })
  await next()
})

function page(c: Context<TeachEnv>, values: DeadlineForm, errors?: DeadlineErrors, status: ContentfulStatusCode = 200) {
  c.status(status)
  return c.render(<DeadlinePage klass={c.var.klass} base={c.var.base} values={values} errors={errors} now={Date.now()} />, {
    title: `Homework deadline: ${c.var.klass.name}`,
  })
}
const done = (c: Context<TeachEnv>) => c.redirect(`${c.var.base}#deadline`, 303)

deadline.get('/', (c) => page(c, deadlineValues(c.var.klass)))

/** Sets the deadline, extends it, or reopens closed homework with a new one. */
deadline.post('/', async (c) => {
  const { klass } = c.var
  const form = await readForm(c)
  const values = { due: text(form.due), zone: text(form.zone) }
  const read = readDeadline(values, { now: Date.now(), expiresAt: klass.createdAt + CLASS_LIFETIME_MS })
  if (!read.ok) return page(c, values, read.errors, 422)
  await setDeadline(c.var.db, klass.id, read.deadline)
  return done(c)
})

deadline.post('/close', async (c) => {
  await closeNow(c.var.db, c.var.klass.id, Date.now())
  return done(c)
})

deadline.post('/remove', async (c) => {
  await setDeadline(c.var.db, c.var.klass.id, null)
  return done(c)
})

/** A field as text, at most 100 characters of it (a file or nothing is empty). */
const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 100) : '')

export default deadline
