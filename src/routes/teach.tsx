import { Hono, type Context } from 'hono'
import {
  deleteClasses,
  findClassByTeacher,
  readDashboard,
  removeStudent,
  renameStudent,
  setExtraTime,
  updateClass,
} from '../db/classes.ts'
import type { Class } from '../db/schema.ts'
import type { AppEnv } from '../env.ts'
import { nicknameKey, readNickname } from '../game/nickname.ts'
import { rankSeats } from '../game/ranking.ts'
import { isId, sha256Hex } from '../http/ids.ts'
import { Problem } from '../http/problem.ts'
import { isPartial, readForm } from '../http/respond.ts'
import { CONTROLS } from '../live/machine.ts'
import { liveGame } from '../live/stub.ts'
import { TeacherPanel } from '../views/live/pages.tsx'
import { TeacherControls } from '../views/live/screens.tsx'
import { fragment } from '../views/post-form.tsx'
import { DeleteClassPage, TeacherPage } from '../views/classes/teacher.tsx'
import { toCsv } from '../views/csv.ts'
import { percent } from '../views/format.ts'

// Every URL here starts with the teacher's secret; only its hash is stored, so the class is
// found by hashing what the URL holds. Pages set no-referrer (secureHeaders), keeping it private.
const teach = new Hono<AppEnv>()

async function teacherClass(c: Context<AppEnv>): Promise<{ klass: Class; base: string }> {
  const secret = c.req.param('secret') ?? ''
  const klass = /^[A-Za-z0-9_-]{43}$/.test(secret) ? await findClassByTeacher(c.var.db, await sha256Hex(secret)) : null
  if (!klass) throw new Problem(404, 'No class has this teacher link. It may be mistyped, or the class was deleted or expired after 30 days.')
  return { klass, base: `/teach/${secret}` }
}

teach.get('/:secret', async (c) => {
  const { klass, base } = await teacherClass(c)
  const [{ seats, stats }, snap] = await Promise.all([readDashboard(c.var.db, klass), klass.live ? liveGame(c.env, klass.id).snapshot(klass.id) : null])
  const url = (path: string) => new URL(path, c.req.url).href
  return c.render(
    <TeacherPage
      klass={klass}
      base={base}
      teacherUrl={url(base)}
      joinUrl={url(`/join/${klass.code}`)}
      boardUrl={url(`/board/${klass.boardId}`)}
      seats={seats}
      stats={stats}
      error={c.req.query('error') === 'nickname-taken' ? 'Not renamed: another student in this class already has that nickname.' : undefined}
      controls={snap && <TeacherPanel snap={snap} base={base} />}
    />,
    { title: `Teacher: ${klass.name}`, live: Boolean(klass.live) },
  )
})

teach.post('/:secret/live/:control', async (c) => {
  const { klass, base } = await teacherClass(c)
  const control = CONTROLS.find((x) => x === c.req.param('control'))
  if (!klass.live || !control) throw new Problem(404, 'This class has no such control. Nothing was changed.', { href: base, label: 'Back to the class' })
  const version = Number((await readForm(c)).version)
  const game = liveGame(c.env, klass.id)
  // A control from a screen that is out of date (a double click) is not applied: the reply says so and shows where the game is.
  const applied = await game.control(klass.id, control, Number.isInteger(version) ? version : undefined)
  const stale = 'That button was for an earlier moment of the game, so nothing changed. Here is where the game is now.'
  if (!isPartial(c)) {
    if (applied) return c.redirect(base, 303)
    throw new Problem(409, stale, { href: base, label: 'Back to the class' })
  }
  const snap = await game.snapshot(klass.id)
  if (!snap) throw new Problem(404, 'This class no longer exists.')
  return fragment(c, <TeacherControls snap={snap} base={base} pressed notice={applied ? undefined : stale} />, applied ? 200 : 409)
})

teach.get('/:secret/results.csv', async (c) => {
  const { klass } = await teacherClass(c)
  const { seats } = await readDashboard(c.var.db, klass)
  const size = klass.questionIds.length
  const rows = rankSeats(seats, klass.scoring === 'untimed').map((s) => [
    s.rank,
    s.nickname,
    s.score,
    s.correct,
    size,
    percent(s.correct, size),
    Math.round(s.timeMs / 1000),
    s.answered,
    s.finished ? 'yes' : 'no',
  ])
  const header = ['Rank', 'Nickname', 'Points', 'Correct', 'Questions', 'Accuracy (%)', 'Time (s)', 'Answered', 'Finished']
  const filename = `${klass.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'class'}-results.csv`
  return c.body(toCsv([header, ...rows]), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="class-results.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  })
})

const toggles: Record<string, Partial<Pick<Class, 'open' | 'hideNames'>>> = {
  close: { open: false },
  open: { open: true },
  'hide-names': { hideNames: true },
  'show-names': { hideNames: false },
}
for (const [action, change] of Object.entries(toggles))
  teach.post(`/:secret/${action}`, async (c) => {
    const { klass, base } = await teacherClass(c)
    await updateClass(c.var.db, klass.id, change)
    await tellGame(c, klass)
    return c.redirect(base, 303)
  })

teach.post('/:secret/students/:attemptId/:action', async (c) => {
  const { klass, base } = await teacherClass(c)
  const back = { href: base, label: 'Back to the class' }
  const { attemptId, action } = c.req.param()
  const noSuch = new Problem(404, 'There is no such student in this class (or no such action). Nothing was changed.', back)
  if (!isId(attemptId)) throw noSuch
  const form = await readForm(c)
  let done: boolean
  switch (action) {
    case 'rename': {
      const nickname = readNickname(form.nickname)
      if (!nickname.ok) throw new Problem(422, nickname.message, back)
      const outcome = await renameStudent(c.var.db, klass.id, attemptId, nickname.value, nicknameKey(nickname.value))
      if (outcome === 'nickname-taken') return c.redirect(`${base}?error=nickname-taken#students`, 303)
      done = outcome === 'renamed'
      break
    }
    case 'extra-time':
      done = await setExtraTime(c.var.db, klass.id, attemptId, form.on === 'true')
      break
    case 'remove':
    case 'block':
      done = await removeStudent(c.var.db, klass.id, attemptId, action === 'block')
      break
    default:
      done = false
  }
  // A student of another class, one already removed, or an action we do not have: nothing changed.
  if (!done) throw noSuch
  await tellGame(c, klass)
  return c.redirect(`${base}#students`, 303)
})

/** A live game keeps the class and its seats in memory: tell it when the teacher changes them. */
async function tellGame(c: Context<AppEnv>, klass: Class) {
  if (klass.live) await liveGame(c.env, klass.id).changed(klass.id)
}

teach.get('/:secret/delete', async (c) => {
  const { klass, base } = await teacherClass(c)
  return c.render(<DeleteClassPage klass={klass} base={base} />, { title: `Delete ${klass.name}?` })
})

teach.post('/:secret/delete', async (c) => {
  const { klass, base } = await teacherClass(c)
  if ((await readForm(c)).confirm !== 'delete') return c.redirect(`${base}/delete`, 303)
  await deleteClasses(c.var.db, { id: klass.id })
  // A live game closes its screens and forgets its state.
  await tellGame(c, klass)
  return c.redirect('/?deleted=1', 303)
})

export default teach
