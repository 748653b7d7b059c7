// Every kind of bad input we know of, each sent through the app as a browser would send it:
// each must get a 4xx page (or fragment) with a message a student understands, and change nothing.
import { createScheduledController } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { scheduled } from '../../src/cron.ts'
import { CLASS_LIFETIME_MS } from '../../src/db/classes.ts'
import { createAttempt } from '../../src/db/attempts.ts'
import { createDb } from '../../src/db/client.ts'
import { drawPlan } from '../../src/game/plan.ts'
import { randomId, sha256Hex } from '../../src/http/ids.ts'
import { banks, findQuestion } from '../../src/questions/registry.ts'
import type { Question } from '../../src/questions/schema.ts'
import { answerForm, browser, onScreen, ORIGIN, type Browser, type Form } from './browser.ts'
import { classByCode, databaseState, join, openClass, playAll } from './fixtures.ts'

const db = createDb(env.DB)
const questionOf = (type: Question['type']) => banks.flatMap((b) => b.questions).find((q) => q.type === type)!

/** A quiz for `player` whose first question is `question` (the rest drawn from its bank). */
async function quizAt(player: Browser, question: Question) {
  if (!player.cookies.has('player')) await player.start('race-2018')
  const id = randomId()
  const plan = [
    ...drawPlan([question], 1),
    ...drawPlan(
      banks[0].questions.filter((q) => q.id !== question.id),
      9,
    ),
  ]
  await createAttempt(db, { id, ownerHash: await sha256Hex(player.cookies.get('player')!), bankId: banks[0].id, plan, now: Date.now() })
  return id
}

type World = Awaited<ReturnType<typeof buildWorld>>

async function buildWorld() {
  const player = browser()
  const quiz = {} as Record<Question['type'], string>
  for (const type of ['single', 'multi', 'truefalse', 'order', 'typed', 'numeric'] as const)
    quiz[type] = await quizAt(player, questionOf(type))

  // A quiz played to the end, and one moved on past question 1.
  const finished = await player.start('race-2018')
  for (let i = 0; i < 10; i++) {
    const { question, order } = await onScreen(finished)
    await player.post(`/play/${finished}/answer`, { position: String(i), ...answerForm(question, order) })
    await player.post(`/play/${finished}/next`, { position: String(i) })
  }
  const movedOn = await player.start('race-2018')
  const first = await onScreen(movedOn)
  const oldForm = { position: '0', ...answerForm(first.question, first.order) }
  await player.post(`/play/${movedOn}/answer`, oldForm)
  await player.post(`/play/${movedOn}/next`, { position: '0' })

  const open = await openClass()
  const ana = await join(open.code, 'Ana')
  const other = await openClass()
  const ola = await join(other.code, 'Ola')
  const closed = await openClass()
  await closed.teacher.post(`${closed.base}/close`, {})

  const deleted = await openClass()
  const del = await join(deleted.code, 'Dee')
  const deletedBoard = await boardOf(deleted.code)
  await deleted.teacher.post(`${deleted.base}/delete`, { confirm: 'delete' })

  // Expired, but the daily clean-up has not run yet; and expired and cleaned up.
  const expired = await openClass()
  const exp = await join(expired.code, 'Eve')
  const swept = await openClass()
  const swe = await join(swept.code, 'Sol')
  const old = Date.now() - CLASS_LIFETIME_MS - 1000
  await env.DB.prepare('update classes set created_at = ? where code = ?').bind(old, swept.code).run()
  await scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '17 3 * * *' }), env)
  await env.DB.prepare('update classes set created_at = ? where code = ?').bind(old, expired.code).run()
  const expiredBoard = await boardOf(expired.code)

  // A live game in play, its first question open: a single choice, then an ordering, a typed
  // answer and a number, so each type's malformed forms have a question to be refused for.
  const live = await openClass({ mode: 'live', seconds: '60', size: '4' })
  const liveId = String((await classByCode(live.code))!.id)
  const pool = banks.flatMap((b) => b.questions)
  // One draw a question, which shuffles its options but keeps the questions in this order.
  const plan = (['single', 'order', 'typed', 'numeric'] as const).map((type) => drawPlan([pool.find((q) => q.type === type)!])[0])
  await env.DB.prepare('update classes set live = ?, question_ids = ? where id = ?')
    .bind(JSON.stringify({ seconds: 60, plan }), JSON.stringify(plan.map((item) => item.q)), liveId)
    .run()
  await env.LIVE.getByName(liveId).changed()
  const liv = await join(live.code, 'Liv')
  await live.teacher.post(`${live.base}/live/start`, {})
  // A well-formed answer to question 2 (the ordering), which is not open yet.
  const second = findQuestion(plan[1].q)!
  const early = { position: '1', ...answerForm(second, plan[1].order ?? []) }
  // The ordering's places with its first two items both put first.
  const samePlace = { position: '1', ...Object.fromEntries((plan[1].order ?? []).map((_, i) => [`place-${i}`, String(Math.max(1, i))])) }

  return {
    player,
    quiz,
    finished,
    movedOn,
    oldForm,
    open,
    ana,
    ola,
    closed,
    deleted,
    del,
    deletedBoard,
    expired,
    exp,
    expiredBoard,
    swept,
    swe,
    live,
    liv,
    early,
    samePlace,
  }
}

type Case = [label: string, send: (w: World) => Promise<Response>, status: number, says: string]
const answer = (w: World, type: Question['type'], form: Form) => w.player.post(`/play/${w.quiz[type]}/answer`, { position: '0', ...form })
const joinAs = (w: World, nickname: string, code = w.open.code) => browser().post(`/join/${code}`, { nickname })
const encodedPost = (w: World, path: string, body: string) =>
  w.player.raw(path, {
    method: 'POST',
    body: `_csrf=${w.player.cookies.get('csrf')}&${body}`,
    headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
  })

const UNKNOWN_ID = 'AAAAAAAAAAAAAAAAAAAAAA'
const liveAnswer = (w: World, form: Form, who = w.liv.student) => who.post(`/live/${w.liv.attemptId}/answer`, form)
const newLiveClass = (fields: Form) =>
  browser().post('/classes', {
    name: 'Live',
    banks: 'race-2018',
    size: '3',
    mode: 'live',
    seconds: '20',
    scoring: 'speed',
    naming: 'chosen',
    ...fields,
  })

const cases: Case[] = [
  // Unknown or malformed ids, in every place an id goes.
  ['a malformed quiz id', (w) => w.player.get('/play/not-an-id'), 404, 'could not find that quiz'],
  ['an unknown quiz id', (w) => w.player.get(`/play/${UNKNOWN_ID}`), 404, 'could not find that quiz'],
  [
    'an answer to an unknown quiz',
    (w) => w.player.post(`/play/${UNKNOWN_ID}/answer`, { position: '0', choice: '0' }),
    404,
    'could not find that quiz',
  ],
  ['"Next" on a malformed quiz id', (w) => w.player.post('/play/%3Cscript%3E/next', { position: '0' }), 404, 'could not find that quiz'],
  ['results of a malformed id', (w) => w.player.get('/results/..%2F..%2Fetc'), 404, 'could not find those results'],
  ['naming malformed results', (w) => w.player.post('/results/x/nickname', { nickname: 'Ana' }), 404, 'could not find those results'],
  ['an unknown board', (w) => w.player.get(`/board/${UNKNOWN_ID}/rows`), 404, 'no longer exists'],
  ['an unknown teacher link', (w) => w.player.get(`/teach/${'A'.repeat(43)}`), 404, 'No class has this teacher link'],
  ['a malformed class code', (w) => w.player.get('/join/%00%FF'), 404, 'No class has that code'],
  ['an unknown leaderboard', (w) => w.player.get('/leaderboard/nope'), 404, 'no leaderboard'],
  ['an unknown bank', (w) => w.player.post('/play', { bank: 'nope' }), 404, 'does not exist'],
  ['a bank sent twice', (w) => w.player.post('/play', { bank: ['race-2018', 'race-2023'] }), 404, 'does not exist'],
  ['an unknown student', (w) => w.open.teacher.post(`${w.open.base}/students/${UNKNOWN_ID}/remove`, {}), 404, 'no such student'],
  ['a malformed student id', (w) => w.open.teacher.post(`${w.open.base}/students/x/block`, {}), 404, 'no such student'],
  ["another class's student", (w) => w.open.teacher.post(`${w.open.base}/students/${w.ola.attemptId}/remove`, {}), 404, 'no such student'],
  ['an unknown teacher action', (w) => w.open.teacher.post(`${w.open.base}/students/${w.ana.attemptId}/dance`, {}), 404, 'no such action'],
  ['a report of a round not played', (w) => w.open.teacher.get(`${w.open.base}/report?round=2`), 404, 'has no round 2'],
  ['a report of round 0', (w) => w.open.teacher.get(`${w.open.base}/report?round=0`), 404, 'has no round 0'],
  ['a report of a round by a word', (w) => w.open.teacher.get(`${w.open.base}/report?round=last`), 400, 'Choose a round by its number'],
  [
    'a report of a round in a huge number',
    (w) => w.open.teacher.get(`${w.open.base}/report?round=${'9'.repeat(400)}`),
    400,
    'Choose a round by its number',
  ],
  ['an unknown page', (w) => w.player.get('/admin'), 404, 'no page at this address'],

  // Choices not offered.
  ['a choice beyond the options', (w) => answer(w, 'single', { choice: '9' }), 400, 'not one of the options'],
  ['a negative choice', (w) => answer(w, 'single', { choice: '-1' }), 400, 'not one of the options'],
  ['a choice by its text', (w) => answer(w, 'single', { choice: questionOf('single').answer as string }), 400, 'not one of the options'],
  ['two choices for a single answer', (w) => answer(w, 'single', { choice: ['0', '1'] }), 400, 'only one'],
  ['a repeated tick', (w) => answer(w, 'multi', { choice: ['0', '0'] }), 400, 'not one of the options'],
  ['"maybe" for true or false', (w) => answer(w, 'truefalse', { choice: 'maybe' }), 400, 'not one of the options'],
  ['a typed answer sent twice', (w) => answer(w, 'typed', { text: ['a', 'b'] }), 400, 'not one of the options'],
  ['two numbers', (w) => answer(w, 'numeric', { number: ['1', '2'] }), 400, 'not one of the options'],

  // Ordering answers with missing, repeated or foreign items.
  ['an ordering with an item missing', (w) => answer(w, 'order', { 'place-0': '1' }), 422, 'Give every item a place'],
  [
    'an ordering with a place repeated',
    (w) =>
      answer(
        w,
        'order',
        orderForm(() => '1'),
      ),
    422,
    'different place',
  ],
  [
    'an ordering with a place out of range',
    (w) =>
      answer(
        w,
        'order',
        orderForm((i) => String(i + 2)),
      ),
    400,
    'Places go from 1',
  ],
  [
    'an ordering with a foreign item',
    (w) => answer(w, 'order', { ...orderForm((i) => String(i + 1)), 'place-9': '1' }),
    400,
    'not one of the options',
  ],
  [
    'an ordering with an item placed twice',
    (w) => answer(w, 'order', { ...orderForm((i) => String(i + 1)), 'place-0': ['1', '2'] }),
    400,
    'not one of the options',
  ],

  // Empty, oversized or nonsense values.
  ['an empty answer', (w) => answer(w, 'single', {}), 422, 'Choose an answer first'],
  ['an empty typed answer', (w) => answer(w, 'typed', { text: '   ' }), 422, 'Type your answer first'],
  ['a typed answer of 5,000 characters', (w) => answer(w, 'typed', { text: 'x'.repeat(5000) }), 422, 'under 200 characters'],
  ['words for a number', (w) => answer(w, 'numeric', { number: 'twelve' }), 422, 'Enter a number'],
  ['an infinite number', (w) => answer(w, 'numeric', { number: '1e999' }), 422, 'Enter a number'],
  ['no question position', (w) => w.player.post(`/play/${w.quiz.single}/answer`, { choice: '0' }), 400, 'which question it answers'],
  [
    'a position that is not a number',
    (w) => w.player.post(`/play/${w.quiz.single}/answer`, { position: '0x1', choice: '0' }),
    400,
    'which question it answers',
  ],
  ['a negative position', (w) => w.player.post(`/play/${w.quiz.single}/next`, { position: '-1' }), 400, 'which question it answers'],
  ['"Go on" on an unknown quiz', (w) => w.player.post(`/play/${UNKNOWN_ID}/skip`, { position: '0' }), 404, 'could not find that quiz'],
  [
    'a position past the end',
    (w) => w.player.post(`/play/${w.quiz.single}/answer`, { position: '10', choice: '0' }),
    409,
    'not the one on your screen',
  ],
  [
    'a body over 16 KB',
    (w) => w.player.post(`/play/${w.quiz.single}/answer`, { position: '0', choice: '0', pad: 'x'.repeat(20_000) }),
    413,
    'far more than any answer',
  ],
  ['a nickname of 10,000 characters', (w) => joinAs(w, 'x'.repeat(10_000)), 422, '2 to 24 characters'],
  [
    'a class name of 500 characters',
    (w) => w.player.post('/classes', { name: 'x'.repeat(500), banks: 'race-2018', size: '5', scoring: 'speed', naming: 'chosen' }),
    422,
    'up to 80 characters',
  ],
  [
    'a class of 31 questions',
    (w) => w.player.post('/classes', { name: 'A', banks: 'race-2018', size: '31', scoring: 'speed', naming: 'chosen' }),
    422,
    'from 1 to 30',
  ],
  [
    'a class from an unknown bank',
    (w) => w.player.post('/classes', { name: 'A', banks: 'nope', size: '5', scoring: 'speed', naming: 'chosen' }),
    422,
    'at least one question bank',
  ],
  [
    'a scoring rule we do not offer',
    (w) => w.player.post('/classes', { name: 'A', banks: 'race-2018', size: '5', scoring: 'lottery', naming: 'chosen' }),
    400,
    'not one we offer',
  ],

  // Wrong content types and broken bodies.
  [
    'a JSON body',
    (w) =>
      w.player.raw('/play', {
        method: 'POST',
        body: '{"bank":"race-2018"}',
        headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
      }),
    415,
    'only takes answers sent from its own forms',
  ],
  [
    'no content type',
    (w) => w.player.raw('/play', { method: 'POST', body: 'bank=race-2018', headers: { Origin: ORIGIN } }),
    415,
    'only takes answers sent from its own forms',
  ],
  [
    'a garbled multipart body',
    (w) =>
      w.player.raw('/play', {
        method: 'POST',
        body: '--x\r\nnot a part',
        headers: { Origin: ORIGIN, 'Content-Type': 'multipart/form-data; boundary=x' },
      }),
    400,
    'arrived garbled',
  ],

  // Nicknames with invalid UTF-8 or control characters.
  ['a nickname that is not UTF-8', (w) => encodedPost(w, `/join/${w.open.code}`, 'nickname=%FF%FEAna'), 422, 'ordinary punctuation'],
  ['a nickname with a NUL', (w) => joinAs(w, 'Ana\u0000Bo'), 422, 'ordinary punctuation'],
  ['a nickname with a bell', (w) => joinAs(w, 'Ana\u0007'), 422, 'ordinary punctuation'],
  ['a nickname that reverses the text', (w) => joinAs(w, 'Ana\u202Eoj'), 422, 'ordinary punctuation'],
  ['a nickname with a zero-width space', (w) => joinAs(w, 'An\u200Ba'), 422, 'ordinary punctuation'],
  ['a nickname of spaces', (w) => joinAs(w, '      '), 422, '2 to 24 characters'],
  ['a nickname of punctuation alone', (w) => joinAs(w, '!!!'), 422, 'at least one letter or number'],
  [
    'a rename to a control character',
    (w) => w.open.teacher.post(`${w.open.base}/students/${w.ana.attemptId}/rename`, { nickname: 'A\u0001B' }),
    422,
    'ordinary punctuation',
  ],

  // Finished, expired, closed and deleted.
  [
    'an answer to a finished quiz',
    (w) => w.player.post(`/play/${w.finished}/answer`, { position: '3', choice: '0' }),
    409,
    'already answered question 4',
  ],
  [
    'a name for an unfinished quiz',
    (w) => w.player.post(`/results/${w.quiz.single}/nickname`, { nickname: 'Ana' }),
    403,
    'once it is finished',
  ],
  ['joining a closed class', (w) => joinAs(w, 'Late', w.closed.code), 403, 'closed to new players'],
  ['joining a deleted class', (w) => joinAs(w, 'Late', w.deleted.code), 404, 'No class has that code'],
  [
    'an answer in a deleted class',
    (w) => w.del.student.post(`/play/${w.del.attemptId}/answer`, { position: '0', choice: '0' }),
    404,
    'could not find that quiz',
  ],
  ['the board of a deleted class', (w) => w.player.get(`/board/${w.deletedBoard}`), 404, 'no longer exists'],
  ['the teacher page of a deleted class', (w) => w.deleted.teacher.get(w.deleted.base), 404, 'deleted or expired'],
  ['joining an expired class', (w) => joinAs(w, 'Late', w.expired.code), 404, 'No class has that code'],
  [
    'an answer in an expired class',
    (w) => w.exp.student.post(`/play/${w.exp.attemptId}/answer`, { position: '0', choice: '0' }),
    404,
    'could not find that quiz',
  ],
  ['the teacher page of an expired class', (w) => w.expired.teacher.get(w.expired.base), 404, 'deleted or expired'],
  ['a teacher action in an expired class', (w) => w.expired.teacher.post(`${w.expired.base}/close`, {}), 404, 'deleted or expired'],
  ['the board of an expired class', (w) => w.player.get(`/board/${w.expiredBoard}`), 404, 'no longer exists'],
  ['joining a class cleaned up after expiry', (w) => joinAs(w, 'Late', w.swept.code), 404, 'No class has that code'],
  [
    'an answer in a class cleaned up after expiry',
    (w) => w.swe.student.post(`/play/${w.swe.attemptId}/answer`, { position: '0', choice: '0' }),
    404,
    'could not find that quiz',
  ],

  // Replays.
  ['an old answer form sent again', (w) => w.player.post(`/play/${w.movedOn}/answer`, w.oldForm), 409, 'already answered question 1'],
  ["someone else's answer form replayed", (w) => browser().post(`/play/${w.movedOn}/answer`, w.oldForm), 403, 'started in another browser'],
  // Live games
  // The message depends on the question drawn ("Choose an answer first.", "Tick at least one…"); the screen stays on it.
  ['a live answer with nothing chosen', (w) => liveAnswer(w, { position: '0' }), 422, 'Question 1 of 4'],
  ['a live answer beyond the options', (w) => liveAnswer(w, { position: '0', choice: '9' }), 400, 'not one of the options'],
  ['a live answer to a question not open yet', (w) => liveAnswer(w, w.early), 409, 'not open yet'],
  ['a live answer past the last question', (w) => liveAnswer(w, { position: '99', choice: '0' }), 409, 'not the one in play'],
  ['a live answer from another browser', (w) => liveAnswer(w, { position: '0', choice: '0' }, browser()), 403, 'another browser'],
  [
    'a live seat answering on the self-paced route',
    (w) => w.liv.student.post(`/play/${w.liv.attemptId}/answer`, { position: '0', choice: '0' }),
    409,
    'live game',
  ],
  ['a live phone page in another browser', (w) => browser().get(`/live/${w.liv.attemptId}`), 403, 'another browser'],
  ['the results of a live game still in play', (w) => browser().get(`/results/${w.liv.attemptId}`), 409, 'when the live game ends'],
  ['a self-paced seat on the live page', (w) => w.ana.student.get(`/live/${w.ana.attemptId}`), 409, 'own pace'],
  [
    'a self-paced seat answering on the live route',
    (w) => w.ana.student.post(`/live/${w.ana.attemptId}/answer`, { position: '0', choice: '0' }),
    409,
    'own pace',
  ],
  ['a live control we do not have', (w) => w.live.teacher.post(`${w.live.base}/live/rewind`, {}), 404, 'no such control'],
  ['a live control of a self-paced class', (w) => w.open.teacher.post(`${w.open.base}/live/start`, {}), 404, 'no such control'],
  ['a live class with 2 seconds a question', () => newLiveClass({ seconds: '2' }), 422, 'from 5 to 120 seconds'],
  ['a live class with seconds in words', () => newLiveClass({ seconds: 'twenty' }), 422, 'from 5 to 120 seconds'],
  ['a live ordering with two items in one place', (w) => liveAnswer(w, w.samePlace), 422, 'a different place'],
  ['a live ordering with a place past the end', (w) => liveAnswer(w, { position: '1', 'place-0': '99' }), 400, 'Places go from 1 to'],
  ['a live typed answer of 500 characters', (w) => liveAnswer(w, { position: '2', text: 'x'.repeat(500) }), 422, 'under 200 characters'],
  ['a live number in words', (w) => liveAnswer(w, { position: '3', number: 'twenty' }), 422, 'Enter a number'],
  ['a way of playing we do not offer', () => newLiveClass({ mode: 'tournament' }), 400, 'not one we offer'],
]

function orderForm(place: (i: number) => string): Form {
  const q = questionOf('order')
  return Object.fromEntries(q.type === 'order' ? q.answer.map((_, i) => [`place-${i}`, place(i)]) : [])
}
const boardOf = async (code: string) => String((await classByCode(code))!.board_id)

describe('bad input', () => {
  let world: World
  beforeAll(async () => {
    world = await buildWorld()
  }, 60_000)

  it.each(cases)('%s: a clear 4xx, nothing changed', async (_, send, status, says) => {
    const before = await databaseState()
    const res = await send(world)
    expect(res.status).toBe(status)
    const html = await res.text()
    expect(html).toContain(says)
    expect(html).toContain('role="alert"')
    expect(html).not.toMatch(/at \w+ \(|Error:|\.tsx?:\d+/) // no stack trace, ever
    expect(await databaseState()).toBe(before)
  })

  it('answers htmx with a fragment, not a whole page', async () => {
    const res = await world.player.post(`/play/${world.quiz.single}/answer`, { position: '0', choice: '9' }, { htmx: true })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).not.toContain('<html')
    expect(html).toMatch(/<h2[^>]*>That did not work<\/h2>/)
  })

  it('still plays every quiz it refused to break', async () => {
    for (const id of Object.values(world.quiz)) {
      const { question, order } = await onScreen(id)
      expect((await world.player.post(`/play/${id}/answer`, { position: '0', ...answerForm(question, order) })).status).toBe(303)
    }
    await playAll(world.ana.student, world.ana.attemptId!)
  })
})
