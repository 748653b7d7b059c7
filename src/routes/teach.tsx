import { Hono, type Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { admitStudents, deleteClasses, removeStudents, renameStudent, setExtraTime, updateClass } from '../db/classes.ts'
import { readDashboard, readQuestionStats, readRoster, type Roster } from '../db/standings.ts'
import type { Class } from '../db/schema.ts'
import type { AppEnv } from '../env.ts'
import { nicknameKey, readNickname } from '../game/nickname.ts'
import { rankSeats } from '../game/ranking.ts'
import { isId, sha256Hex } from '../http/ids.ts'
import { Problem } from '../http/problem.ts'
import { publicUrl, readForm } from '../http/request.ts'
import { fragment, isPartial, reply } from '../http/respond.tsx'
import { classOfTeacher } from '../http/teacher.ts'
import { CONTROLS } from '../live/machine.ts'
import { liveGame } from '../live/stub.ts'
import { Dashboard } from '../views/classes/dashboard.tsx'
import { readRoundsCsv } from '../db/rounds.ts'
import { roundsTable } from '../views/rounds-csv.ts'
import report from './report.tsx'
import rounds from './rounds.tsx'
import { DeleteClassPage, TeacherPage } from '../views/classes/teacher.tsx'
import { csvDownload } from '../http/download.ts'
import { accuracy } from '../views/format.ts'
import { TeacherPanel } from '../views/live/pages.tsx'
import { TeacherControls } from '../views/live/teacher.tsx'
import deadline from './deadline.tsx'

// Every URL here starts with the teacher's secret. Pages set no-referrer (secureHeaders), keeping it private.
export type TeachEnv = AppEnv & { Variables: { klass: Class; base: string } }
const teach = new Hono<TeachEnv>()

/** The class the link opens, found once per request for every route below. */
const teacherClass = createMiddleware<TeachEnv>(async (c, next) => {
  const secret = c.req.param('secret') ?? ''
  const klass = await classOfTeacher(c.var.db, secret)
  if (!klass)
    throw new Problem(404, 'No class has this teacher link. It may be mistyped, or the class was deleted or expired after 30 days.')
  c.set('klass', klass)
  c.set('base', `/teach/${secret}`)
  await next()
})
teach.use('/:secret/*', teacherClass)
teach.route('/:secret/rounds', rounds)
teach.route('/:secret', report)

const back = (c: Context<TeachEnv>) => ({ href: c.var.base, label: 'Back to the class' })

/** A live game keeps the class and its seats in memory: tell it when the teacher changes them. */
async function tellGame(c: Context<TeachEnv>) {
  if (c.var.klass.live) await liveGame(c.env, c.var.klass.id).changed()
}

/**
 * The dashboard's version: a hash of the class's settings it depends on and of its roster, so a
 * poll can answer "unchanged" (304) before reading any answer (readRoster says why the roster
 * moves with every answer). Weak: the same version is drawn with each browser's own form token.
 */
async function dashboardTag(klass: Class, roster: Roster): Promise<string> {
  const shown = [klass.open, klass.admit, klass.scoring, klass.questionIds, klass.live?.plan ?? null, roster]
  return `W/"${(await sha256Hex(JSON.stringify(shown))).slice(0, 24)}"`
}

const unchanged = (ifNoneMatch: string | undefined, tag: string) => Boolean(ifNoneMatch?.split(',').some((t) => t.trim() === tag))

teach.get('/:secret', async (c) => {
  const { klass, base } = c.var
  const [data, snap] = await Promise.all([readDashboard(c.var.db, klass), klass.live ? liveGame(c.env, klass.id).snapshot() : null])
  const url = (path: string) => publicUrl(c, path)
  return c.render(
    <TeacherPage
      klass={klass}
      base={base}
      teacherUrl={url(base)}
      joinUrl={url(`/join/${klass.code}`)}
      boardUrl={url(`/board/${klass.boardId}`)}
      {...data}
      tag={await dashboardTag(klass, { seats: data.seats, waiting: data.waiting })}
      error={
        c.req.query('error') === 'nickname-taken' ? 'Not renamed: another student in this class already has that nickname.' : undefined
      }
      controls={snap && <TeacherPanel snap={snap} base={base} />}
    />,
    { title: `Teacher: ${klass.name}`, live: Boolean(klass.live) },
  )
})

// What the page polls while the class plays: 304 when the version it shows (If-None-Match) is
// still the latest, found from the roster alone; else the dashboard. A live game's answers reach
// D1 when their question closes, so nothing here moves, or gives away a key, while one is open.
teach.get('/:secret/dashboard', async (c) => {
  const { klass, base } = c.var
  // Opened as a page (a link followed by hand): the page it belongs to.
  if (!isPartial(c)) return c.redirect(`${base}#students`, 303)
  const roster = await readRoster(c.var.db, klass)
  const tag = await dashboardTag(klass, roster)
  c.header('ETag', tag)
  if (unchanged(c.req.header('If-None-Match'), tag)) return c.body(null, 304)
  const stats = await readQuestionStats(c.var.db, klass)
  return fragment(c, <Dashboard klass={klass} base={base} tag={tag} {...roster} stats={stats} />)
})

teach.post('/:secret/live/:control', async (c) => {
  const { klass, base } = c.var
  const control = CONTROLS.find((x) => x === c.req.param('control'))
  if (!klass.live || !control) throw new Problem(404, 'This class has no such control. Nothing was changed.', back(c))
  const version = Number((await readForm(c)).version)
  const game = liveGame(c.env, klass.id)
  // A control from a screen that is out of date (a double click) is not applied: the reply says so and shows where the game is.
  const applied = await game.control(control, Number.isInteger(version) ? version : undefined)
  const stale = 'That button was for an earlier moment of the game, so nothing changed. Here is where the game is now.'
  if (!applied && !isPartial(c)) throw new Problem(409, stale, back(c))
  const snap = await game.snapshot()
  if (!snap) throw new Problem(404, 'This class no longer exists.')
  return reply(c, {
    status: applied ? 200 : 409,
    fragment: () => <TeacherControls snap={snap} base={base} pressed notice={applied ? undefined : stale} />,
    page: () => <TeacherPanel snap={snap} base={base} />,
    title: `Teacher: ${klass.name}`,
    redirect: base,
  })
})

teach.get('/:secret/results.csv', async (c) => {
  const { klass } = c.var
  if (klass.round > 1) {
    const { seats, scores } = await readRoundsCsv(c.var.db, klass)
    return csv(c, roundsTable(klass.round, seats, scores, klass.scoring === 'untimed'))
  }
  const { seats } = await readRoster(c.var.db, klass)
  const size = klass.questionIds.length
  const rows = rankSeats(seats, klass.scoring === 'untimed').map((s) => [
    s.rank,
    s.nickname,
    s.score,
    s.correct,
    size,
    accuracy(s) ?? '',
    Math.round(s.timeMs / 1000),
    s.answered,
    s.tooFast,
    s.finished ? 'yes' : 'no',
  ])
  const header = [
    'Rank',
    'Nickname',
    'Points',
    'Correct',
    'Questions',
    'Accuracy (% of answered)',
    'Time (s)',
    'Answered',
    'Too fast to read',
    'Finished',
  ]
  return csv(c, [header, ...rows])
})

const csv = (c: Context<TeachEnv>, rows: (string | number)[][]) => csvDownload(c, c.var.klass.name, 'results', rows)

/**
 * A class setting the teacher flips: joins open or locked, names shown or hidden on the projector,
 * the waiting room. The live game's controls flip the lock in place (htmx): they get the new panel.
 */
const setting = (change: Partial<Pick<Class, 'open' | 'hideNames' | 'hideTyped' | 'admit'>>) => async (c: Context<TeachEnv>) => {
  const { klass, base } = c.var
  await updateClass(c.var.db, klass.id, change)
  await tellGame(c)
  const snap = isPartial(c) && klass.live ? await liveGame(c.env, klass.id).snapshot() : null
  if (!snap) return c.redirect(base, 303)
  return fragment(c, <TeacherControls snap={snap} base={base} pressed />)
}
teach.post('/:secret/close', setting({ open: false }))
teach.post('/:secret/open', setting({ open: true }))
teach.post('/:secret/hide-names', setting({ hideNames: true }))
teach.post('/:secret/show-names', setting({ hideNames: false }))
teach.post('/:secret/hide-typed', setting({ hideTyped: true }))
teach.post('/:secret/show-typed', setting({ hideTyped: false }))

/** The students a form names (its ticked `student` boxes), or a 422 when it names none. */
async function ticked(c: Context<TeachEnv>): Promise<string[]> {
  const ids = [(await readForm(c, { all: true })).student ?? []].flat().filter((id): id is string => typeof id === 'string' && isId(id))
  if (ids.length === 0) throw new Problem(422, 'Tick at least one student first. Nothing was changed.', back(c))
  return ids
}

/** Several students removed at once (a flood of joins), blocked or not. */
const removeTicked = (block: boolean) => async (c: Context<TeachEnv>) => {
  await removeStudents(c.var.db, c.var.klass.id, await ticked(c), block)
  await tellGame(c)
  return c.redirect(`${c.var.base}#students`, 303)
}
teach.post('/:secret/students/remove', removeTicked(false))
teach.post('/:secret/students/block', removeTicked(true))
teach.post('/:secret/students/admit-all', async (c) => {
  await admitStudents(c.var.db, c.var.klass.id, 'all')
  await tellGame(c)
  return c.redirect(`${c.var.base}#students`, 303)
})
teach.post('/:secret/waiting-room/on', setting({ admit: true }))
teach.post('/:secret/waiting-room/off', async (c) => {
  // Without a waiting room nobody waits: everyone waiting comes in.
  await admitStudents(c.var.db, c.var.klass.id, 'all')
  return setting({ admit: false })(c)
})

teach.post('/:secret/students/:attemptId/:action', async (c) => {
  const { klass, base } = c.var
  const { attemptId, action } = c.req.param()
  const noSuch = new Problem(404, 'There is no such student in this class (or no such action). Nothing was changed.', back(c))
  if (!isId(attemptId)) throw noSuch
  const form = await readForm(c)
  let done: boolean
  switch (action) {
    case 'rename': {
      const nickname = readNickname(form.nickname)
      if (!nickname.ok) throw new Problem(422, nickname.message, back(c))
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
      done = (await removeStudents(c.var.db, klass.id, [attemptId], action === 'block')) === 1
      break
    case 'admit':
      done = (await admitStudents(c.var.db, klass.id, [attemptId])) === 1
      break
    default:
      done = false
  }
  // A student of another class, one already removed, or an action we do not have: nothing changed.
  if (!done) throw noSuch
  await tellGame(c)
  return c.redirect(`${base}#students`, 303)
})

teach.route('/:secret/deadline', deadline)

teach.get('/:secret/delete', (c) =>
  c.render(<DeleteClassPage klass={c.var.klass} base={c.var.base} />, { title: `Delete ${c.var.klass.name}?` }),
)

teach.post('/:secret/delete', async (c) => {
  if ((await readForm(c)).confirm !== 'delete') return c.redirect(`${c.var.base}/delete`, 303)
  await deleteClasses(c.var.db, { id: c.var.klass.id })
  // A live game closes its screens and forgets its state.
  await tellGame(c)
  return c.redirect('/?deleted=1', 303)
})

export default teach
