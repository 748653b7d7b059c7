// A walk through every screen a class sees, as a teacher and students make them: a self-paced class
// (homework) and a live game (the lesson) with a crowd of long nicknames. At each screen the tour
// stops and hands the page to a visitor: the layout tests measure it, the screenshots photograph it.
// It reads pages only through the page contract (docs/live-games.md and the brief of the redesign):
// `data-phase`, `data-question` and `data-type` on each live screen's root inside #projector, #live
// and #live-panel, the teacher's buttons by name, and links by where they go.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Question } from '../../src/questions/schema.ts'
import type { LocalServer } from '../harness/wrangler-dev.ts'
import { Client } from '../load/client.ts'
import { answerFields, answerLive, joinCrowd, plansOf, playThrough, questionById, seeded, type Phone } from './crowd.ts'
import { longNames } from './names.ts'
import { askQuestions } from './server.ts'

export const TYPES: Question['type'][] = ['single', 'multi', 'truefalse', 'order', 'typed', 'numeric']
export type Phase = 'lobby' | 'open' | 'paused' | 'reveal' | 'standings' | 'ended'

/**
 * Which question of each type a class asks: the first in the banks, or the one whose reveal has
 * the most to show (prompt, options and explanation), to try each screen at its fullest.
 */
export type Pick = 'first' | 'longest'
const size = (q: Question) =>
  q.prompt.length +
  q.explanation.length +
  (q.type === 'single' || q.type === 'multi' ? q.choices : q.type === 'order' ? q.answer : []).join('').length
export function questionsOf(types: Question['type'][], pick: Pick): Question[] {
  const pool = [...questionById.values()]
  return types.map((type) => {
    const ofType = pool.filter((q) => q.type === type)
    return pick === 'first' ? ofType[0] : ofType.reduce((a, b) => (size(b) > size(a) ? b : a))
  })
}

/**
 * Where a screen is meant to be seen: on the wall (`projector`), on a student's phone (`phone`),
 * on the teacher's laptop (`teacher`), or anywhere (`page`: the home page, the forms).
 * `again`: the same screen as one visited before, for another question (a visitor may skip it).
 */
export type Stop = {
  screen: string
  role: 'projector' | 'phone' | 'teacher' | 'page'
  page: Page
  phase?: Phase
  type?: Question['type']
  again?: boolean
  /** The part of the page this stop is about, where the rest is as a visit before left it (the teacher's controls in each phase). */
  focus?: string
}
export type Visit = (stop: Stop) => Promise<void>
export type TourServer = { url: string; d1: LocalServer['d1']; browser: Browser }

export const SIZES = {
  phone: { width: 360, height: 640 },
  tablet: { width: 768, height: 1024 },
  laptop: { width: 1280, height: 800 },
  projectors: [
    { width: 1280, height: 720 },
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
    { width: 3840, height: 2160 },
  ],
}

/**
 * Lets a page lay itself out after a resize or a swap (two frames) and its entrance animations end:
 * a word fading in is briefly faint, a podium rising briefly short. (A countdown's long one is not waited for.)
 */
export const settle = (page: Page) =>
  page.evaluate(async () => {
    await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))
    const entrances = document.getAnimations().filter((a) => Number(a.effect?.getComputedTiming().endTime ?? Infinity) < 5_000)
    await Promise.all(entrances.map((a) => a.finished.catch(() => null)))
  })

/** Opens pages, each in a browser of its own (its own cookies), and closes them all at the end of a tour. */
function browsers(server: TourServer) {
  const contexts: BrowserContext[] = []
  return {
    async newPage(viewport: { width: number; height: number }) {
      const context = await server.browser.newContext({ viewport, deviceScaleFactor: 1 })
      contexts.push(context)
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      return page
    },
    close: () => Promise.all(contexts.map((c) => c.close())),
  }
}
type NewPage = ReturnType<typeof browsers>['newPage']

/** A teacher opens a class through the form, as on the home page, to ask `questions`: its code, its board, and what it asks. */
async function openClass(server: TourServer, teacher: Page, o: { name: string; live: boolean; questions: Question[] }) {
  await teacher.goto(`${server.url}/classes/new`)
  await teacher.getByLabel('Class name').fill(o.name)
  await teacher.getByRole('checkbox', { name: /Timeline/ }).check()
  await teacher.getByLabel('Number of questions').fill(String(o.questions.length))
  if (o.live) {
    await teacher.getByRole('radio', { name: /^Live:/ }).check()
    await teacher.getByLabel('Seconds per question (live games)').fill('120') // the clock never closes a question mid-visit
  }
  await teacher.getByRole('button', { name: 'Open the class' }).click()
  await teacher.waitForURL(/\/teach\//)
  const plan = await askQuestions(server, teacher, o.questions)
  const href = async (part: string) => new URL((await teacher.locator(`a[href*="${part}"]`).first().getAttribute('href'))!, server.url)
  return {
    code: (await href('/join/')).pathname.split('/').pop()!,
    board: (await href('/board/')).href,
    plan: plan.map((item) => ({ question: questionById.get(item.q)!, item })),
  }
}

/** Fills in and sends the answer form on a page with the fields `answerFields` gives: a tap where the form has one button per option. */
async function answerOnPage(page: Page, fields: [string, string][]) {
  const form = page.locator('form:has(input[name="position"])')
  const [name, value] = fields[0]
  const tap = form.locator(`button[name="${name}"][value="${value}"]`)
  if (await tap.count()) return tap.click()
  for (const [name, value] of fields) {
    const input = form.locator(`[name="${name}"]`)
    const kind = await input.first().evaluate((e) => `${e.tagName}:${(e as HTMLInputElement).type}`)
    if (kind === 'SELECT:select-one') await input.selectOption(value)
    else if (/radio|checkbox/.test(kind)) await form.locator(`[name="${name}"][value="${value}"]`).check()
    else await input.fill(value)
  }
  await form.locator('button[type="submit"]:not([name])').click()
}

const screenAt = (page: Page, root: string, phase: Phase, question?: number) =>
  page
    .locator(`${root} [data-phase="${phase}"]${question === undefined ? '' : `[data-question="${question}"]`}`)
    .first()
    .waitFor()

export type LiveTourOptions = {
  types: Question['type'][]
  pick: Pick
  /** Phones without a screen, joined and answering by plain HTTP. */
  crowd: number
  visit: Visit
  /** Stop at the lobby, or once the first question has opened (the smoke run); by default, go on to the podium. */
  until?: 'lobby' | 'first question'
  /** Appended to each screen's name, for a second game (`-200` for a lobby of 200). */
  suffix?: string
  /** What the tour could not do because a page broke the contract (no standings button, say). */
  notes: string[]
}

/**
 * A live game: the projector at its largest size, a teacher's laptop, two Chromium phones and a
 * crowd, through the lobby and, for each question, open (and paused, the first time), locked in,
 * reveal and standings, then the podium.
 */
export async function liveTour(server: TourServer, o: LiveTourOptions) {
  const opened = browsers(server)
  try {
    await playLive(server, o, opened.newPage)
  } finally {
    await opened.close()
  }
}

async function playLive(server: TourServer, o: LiveTourOptions, newPage: NewPage) {
  const random = seeded(2018)
  const teacher = await newPage(SIZES.laptop)
  const { code, board, plan } = await openClass(server, teacher, {
    name: 'Year 11 politics: the race to lead the IOM',
    live: true,
    questions: questionsOf(o.types, o.pick),
  })
  const projector = await newPage(SIZES.projectors[2])
  await projector.goto(board)
  await screenAt(projector, '#projector', 'lobby')

  const names = longNames(o.crowd + 2)
  const crowd = await joinCrowd(server.url, code, names.slice(2))
  const phones: Page[] = []
  for (const name of names.slice(0, 2)) {
    const phone = await newPage(SIZES.phone)
    await phone.goto(`${server.url}/join/${code}`)
    await phone.getByLabel('Your nickname').fill(name)
    await phone.getByRole('button', { name: /^Join/ }).click()
    await screenAt(phone, '#live', 'lobby')
    phones.push(phone)
  }
  // Every name has reached the projector's lobby (its list may hold fewer; then the count, soon after).
  const last = names.slice(2).at(-1) ?? names[1]
  await projector
    .waitForFunction((name) => document.querySelector('#projector')?.textContent?.includes(name), last, { timeout: 10_000 })
    .catch(() => o.notes.push(`the projector's lobby never showed the last player to join (${last})`))
  await teacher.reload()
  const press = async (name: string) => teacher.locator('#live-panel').getByRole('button', { name, exact: true }).click()
  const seen = new Set<string>()
  const stops = async (phase: Phase, question: number | undefined, list: [Stop['role'], Page, string?][]) => {
    const type = question === undefined ? undefined : plan[question].question.type
    for (const [role, page, name] of list) {
      // Named by type where the screen differs by type: the question and its reveal on a phone and the projector.
      const byType = type && role !== 'teacher' && (phase === 'open' || phase === 'reveal')
      const screen = (name ?? `${role === 'teacher' ? 'teacher-live' : role}${byType ? `-${type}` : ''}-${phase}`) + (o.suffix ?? '')
      // The teacher's page changes only its controls during a game; its tables are read in the lobby and at the end.
      const focus = role === 'teacher' && phase !== 'lobby' && phase !== 'ended' ? '#live-panel' : undefined
      await o.visit({ screen, role, page, phase, type, again: seen.has(screen), focus })
      seen.add(screen)
    }
  }
  await stops('lobby', undefined, [
    ['projector', projector],
    ['phone', phones[0]],
    ['teacher', teacher],
  ])
  if (o.until === 'lobby') return

  await press('Start the game')
  // The crowd answers all but its last two, who never do: a real class, and the reveal is the teacher's to call.
  const answering = crowd.slice(0, Math.max(0, crowd.length - 2))
  for (const [i, asked] of plan.entries()) {
    await screenAt(projector, '#projector', 'open', i)
    await screenAt(phones[0], '#live', 'open', i)
    await answerLive(answering.slice(0, answering.length / 2), i, asked, random)
    await stops('open', i, [
      ['projector', projector],
      ['phone', phones[0]],
      ['teacher', teacher],
    ])
    if (o.until === 'first question') return
    if (i === 0) {
      await press('Pause')
      await screenAt(projector, '#projector', 'paused', i)
      await screenAt(phones[1], '#live', 'paused', i)
      await stops('paused', i, [
        ['projector', projector],
        ['phone', phones[1]],
        ['teacher', teacher],
      ])
      await press('Carry on')
      await screenAt(projector, '#projector', 'open', i)
    }
    await answerOnPage(phones[0], answerFields(asked.question, asked.item, random))
    await phones[0].locator('#live form:has(input[name="position"])').waitFor({ state: 'detached' })
    await stops('open', i, [['phone', phones[0], 'phone-locked']])
    if (i > 0) await answerOnPage(phones[1], answerFields(asked.question, asked.item, random))
    await answerLive(answering.slice(answering.length / 2), i, asked, random)
    await press('Show the answer now')
    await screenAt(projector, '#projector', 'reveal', i)
    await screenAt(phones[0], '#live', 'reveal', i)
    await stops('reveal', i, [
      ['projector', projector],
      ['phone', phones[0]],
      ['teacher', teacher],
    ])
    if (i === 0) await stops('reveal', i, [['phone', phones[1], 'phone-unanswered-reveal']])

    const standings = teacher.locator('#live-panel').getByRole('button', { name: 'Show the standings', exact: true })
    if (await standings.count()) {
      await standings.click()
      await screenAt(projector, '#projector', 'standings', i)
      await stops('standings', i, [
        ['projector', projector],
        ['phone', phones[0]],
        ['teacher', teacher],
      ])
    } else if (i === 0) o.notes.push('the teacher has no "Show the standings" button at the reveal: no standings phase to visit')
    await press(i < plan.length - 1 ? 'Next question' : 'Show the podium')
  }
  await screenAt(projector, '#projector', 'ended')
  await screenAt(phones[0], '#live', 'ended')
  await teacher.reload() // the final table
  await stops('ended', undefined, [
    ['projector', projector],
    ['phone', phones[0]],
    ['teacher', teacher],
  ])
}

export type SelfPacedTourOptions = {
  /** Students without a screen who join and play (some of the way) by plain HTTP. */
  crowd: number
  pick: Pick
  /** Solo quizzes finished and named, for the bank's leaderboard. */
  leaderboard: number
  visit: Visit
}

/**
 * The pages around a live game: home, joining, a self-paced class asking one question of each type
 * (played on a Chromium phone, with a crowd at every stage of it), the verdict, results, the
 * leaderboard, the teacher's dashboard and the class's projector board.
 */
export async function selfPacedTour(server: TourServer, o: SelfPacedTourOptions) {
  const opened = browsers(server)
  try {
    await playSelfPaced(server, o, opened.newPage)
  } finally {
    await opened.close()
  }
}

async function playSelfPaced(server: TourServer, o: SelfPacedTourOptions, newPage: NewPage) {
  const random = seeded(2023)
  const names = longNames(o.crowd + o.leaderboard + 1, 300)
  const student = await newPage(SIZES.phone)
  await student.goto(server.url)
  await o.visit({ screen: 'home', role: 'page', page: student })
  await student.goto(`${server.url}/join`)
  await o.visit({ screen: 'join', role: 'page', page: student })

  const teacher = await newPage(SIZES.laptop)
  await teacher.goto(`${server.url}/classes/new`)
  await o.visit({ screen: 'new-class', role: 'page', page: teacher })
  const { code, board } = await openClass(server, teacher, {
    name: 'Year 11 politics: homework on the IOM races',
    live: false,
    questions: questionsOf(TYPES, o.pick),
  })

  // A class joins: a crowd by plain HTTP, one student on a Chromium phone; solo players start quizzes
  // of their own. Each attempt's questions come in its own order: all are read in one query.
  const crowd = await joinCrowd(server.url, code, names.slice(1, 1 + o.crowd))
  const solo = await startSolo(server, 'race-2018', names.slice(1 + o.crowd))
  await student.goto(`${server.url}/join/${code}`)
  await o.visit({ screen: 'join-class', role: 'phone', page: student })
  await student.getByLabel('Your nickname').fill(names[0])
  await student.getByRole('button', { name: /^Join/ }).click()
  await student.waitForURL(/\/play\//)
  const attemptId = new URL(student.url()).pathname.split('/').pop()!
  const plans = plansOf(server, [attemptId, ...crowd.map((p) => p.attemptId), ...solo.map((p) => p.attemptId)])
  const plan = plans.get(attemptId)!

  // The crowd plays: some finish, some stop part-way, some have only joined.
  await Promise.all(crowd.map((p, k) => playThrough(p, plans.get(p.attemptId)!, random, k % 7)))
  for (const [i, item] of plan.entries()) {
    const q = questionById.get(item.q)!
    await student.locator('form:has(input[name="position"])').waitFor()
    await o.visit({ screen: `play-${q.type}`, role: 'phone', page: student, type: q.type })
    await answerOnPage(student, answerFields(q, item, random, i % 2 ? 0 : 1))
    const onward = student.getByRole(i < plan.length - 1 ? 'button' : 'link', {
      name: i < plan.length - 1 ? 'Next question' : 'See your results',
    })
    await onward.waitFor()
    await o.visit({ screen: `verdict-${i % 2 ? 'wrong' : 'right'}`, role: 'phone', page: student, type: q.type, again: i > 1 })
    await onward.click()
  }
  await student.waitForURL(/\/results\//)
  await o.visit({ screen: 'results', role: 'phone', page: student })

  // The solo quizzes, finished and named, so the leaderboard has long names on it.
  for (const p of solo) {
    await playThrough(p, plans.get(p.attemptId)!, random)
    const named = await p.client.post(`/results/${p.attemptId}/nickname`, [['nickname', p.nickname]])
    if (named.status !== 303) throw new Error(`the leaderboard refused ${p.nickname}: ${named.status}`)
  }
  await student.goto(`${server.url}/leaderboard/race-2018`)
  await o.visit({ screen: 'leaderboard', role: 'phone', page: student })

  await teacher.reload()
  await o.visit({ screen: 'teacher-self', role: 'teacher', page: teacher })
  await teacher.goto(`${server.url}${new URL(teacher.url()).pathname}/delete`)
  await o.visit({ screen: 'teacher-delete', role: 'teacher', page: teacher })
  const projector = await newPage(SIZES.projectors[2])
  await projector.goto(board)
  await o.visit({ screen: 'board-self', role: 'projector', page: projector })
}

/** Solo quizzes on `bank`, one a nickname, started by plain HTTP. */
function startSolo(server: TourServer, bank: string, nicknames: string[]): Promise<Phone[]> {
  return Promise.all(
    nicknames.map(async (nickname) => {
      const client = new Client(server.url, [])
      await client.get('/')
      const started = await client.post('/play', [['bank', bank]])
      return { nickname, client, attemptId: started.location!.split('/').pop()! }
    }),
  )
}
