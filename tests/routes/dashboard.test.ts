// The teacher's dashboard as its page polls it: the fragment, 304 while nothing changed, a new
// version after an answer or a join, the teacher's alone, and nothing of an open question's key.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { recordAnswers } from '../../src/db/answers.ts'
import { createDb } from '../../src/db/client.ts'
import type { Answer, PlanItem } from '../../src/db/schema.ts'
import { picked, shownOptions } from '../../src/live/questions.ts'
import { banks, findQuestion } from '../../src/questions/registry.ts'
import { metered, newMeter } from '../bench/d1-meter.ts'
import { answerForm, browser, onScreen, type Browser } from './browser.ts'
import { classByCode, join, openClass, playAll } from './fixtures.ts'

const HTMX = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }

/** One poll as the page sends it: htmx's headers and the version the page shows, if any. */
const poll = (teacher: Browser, base: string, tag?: string) =>
  teacher.get(`${base}/dashboard`, tag ? { ...HTMX, 'If-None-Match': tag } : HTMX)

/** The version a page or fragment shows, which its next poll sends back. */
const tagIn = (html: string) => JSON.parse(html.match(/hx-headers="([^"]+)"/)![1].replace(/&quot;/g, '"'))['If-None-Match'] as string

/** Answers the question on screen, right or wrong (a self-paced seat). */
async function answerOne(student: Browser, attemptId: string, right = true) {
  const { question, order, position } = await onScreen(attemptId)
  const res = await student.post(`/play/${attemptId}/answer`, { position: String(position), ...answerForm(question, order, right) })
  expect(res.status).toBe(303)
}

describe('the dashboard the teacher’s page polls', () => {
  it('is the page’s own fragment, polling every 4 s with the version it shows, and a page for a plain visit', async () => {
    const { teacher, base, code } = await openClass()
    await join(code, 'Ana')
    const page = await (await teacher.get(base)).text()
    const res = await poll(teacher, base)
    expect(res.status).toBe(200)
    const tag = res.headers.get('ETag')!
    expect(tag).toMatch(/^W\/"[0-9a-f]{24}"$/)
    const html = await res.text()
    expect(html).toMatch(/^<div id="dashboard"/)
    expect(html).toContain('hx-trigger="every 4s"')
    expect(html).toContain('hx-swap="outerMorph"')
    expect(html).not.toContain('<html')
    // The page and the fragment show the same version, and the fragment the same table.
    expect(tagIn(page)).toBe(tag)
    expect(tagIn(html)).toBe(tag)
    const table = (s: string) => s.slice(s.indexOf('<table'), s.indexOf('</table>'))
    expect(table(html)).toBe(table(page))
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    // Followed by hand, the address leads to the page it belongs to.
    const plain = await teacher.get(`${base}/dashboard`)
    expect(plain.status).toBe(303)
    expect(plain.headers.get('Location')).toBe(`${base}#students`)
  })

  it('answers 304 with no body while nothing changed, in one D1 round trip', async () => {
    const { teacher, base, code } = await openClass()
    await join(code, 'Ana')
    const tag = (await poll(teacher, base)).headers.get('ETag')!
    const meter = newMeter()
    const same = await browser({ ...env, DB: metered(env.DB, meter) }).get(`${base}/dashboard`, { ...HTMX, 'If-None-Match': tag })
    expect(same.status).toBe(304)
    expect(same.headers.get('ETag')).toBe(tag)
    expect(await same.text()).toBe('')
    // The class found by its secret, then the dashboard in one batch.
    expect(meter.trips).toBe(2)
    expect(meter.batches).toBe(1)
    // A version that is not the latest gets the dashboard.
    expect((await poll(teacher, base, 'W/"000000000000000000000000"')).status).toBe(200)
  })

  it('reads no answers to say "unchanged": a 304 costs the same rows at 300 answers as at 30', async () => {
    const { teacher, base, code } = await openClass({ size: '10' })
    const seats = await Promise.all(Array.from({ length: 30 }, (_, i) => join(code, `Student ${i + 1}`)))
    const plans = new Map(
      (await env.DB.prepare('select id, plan from attempts').all<{ id: string; plan: string }>()).results.map((a) => [
        a.id,
        JSON.parse(a.plan),
      ]),
    )
    /** Every seat answers the questions at `positions` (straight into D1: the route tests elsewhere cover answering). */
    const answer = (positions: number[]) =>
      recordAnswers(
        createDb(env.DB),
        seats.flatMap(({ attemptId }) =>
          positions.map((position): Answer => ({
            attemptId: attemptId!,
            position,
            questionId: (plans.get(attemptId!) as PlanItem[])[position].q,
            response: 'an answer',
            credit: position % 2,
            timeMs: 5_000,
            points: 500 * (position % 2),
            answeredAt: Date.now(),
            tooFast: false,
          })),
        ),
      )
    /** One poll's rows read, answered as `status`, its tag sent back. */
    const cost = async (status: number) => {
      const tag = (await poll(teacher, base)).headers.get('ETag')!
      const meter = newMeter()
      const res = await browser({ ...env, DB: metered(env.DB, meter) }).get(`${base}/dashboard`, {
        ...HTMX,
        'If-None-Match': status === 304 ? tag : 'W/"stale"',
      })
      expect(res.status).toBe(status)
      return meter.rowsRead
    }
    await answer([0])
    const [unchanged30, changed30] = [await cost(304), await cost(200)]
    await answer([1, 2, 3, 4, 5, 6, 7, 8, 9])
    const [unchanged300, changed300] = [await cost(304), await cost(200)]
    // Unchanged: the class and the roster (seats, attempts, the waiting room), never the answers.
    expect(unchanged300).toBe(unchanged30)
    expect(unchanged300).toBeLessThan(4 * 30)
    // Changed: the answers too, once each.
    expect(changed300 - unchanged300).toBeGreaterThanOrEqual(300)
    expect(changed300).toBeGreaterThan(changed30)
  })

  it('changes after an answer, a join, a setting and a rename, and shows each', async () => {
    const { teacher, base, code } = await openClass({ size: '3' })
    const ana = await join(code, 'Ana')
    let tag = (await poll(teacher, base)).headers.get('ETag')!
    const changed = async () => {
      const res = await poll(teacher, base, tag)
      expect(res.status).toBe(200)
      expect(res.headers.get('ETag')).not.toBe(tag)
      tag = res.headers.get('ETag')!
      return res.text()
    }

    await answerOne(ana.student, ana.attemptId!)
    const answered = await changed()
    expect(answered).toContain('1 of 3')
    expect(answered).toMatch(/1 of 1 right \(100%\)/)
    expect((await poll(teacher, base, tag)).status).toBe(304)

    await join(code, 'Ben')
    expect(await changed()).toContain('Students (2)')

    await teacher.post(`${base}/waiting-room/on`, {})
    expect(await changed()).toContain('Waiting room (0)')
    await join(code, 'Cy')
    expect(await changed()).toMatch(/Waiting room \(1\)[\s\S]*Cy/)

    await teacher.post(`${base}/students/${ana.attemptId}/rename`, { nickname: 'Anya' })
    expect(await changed()).toContain('Anya')
  })

  it('keys every id in a row to its student, so a reordering poll keeps boxes and menus with their students', async () => {
    const { teacher, base, code } = await openClass({ size: '3' })
    const [ana, ben] = [await join(code, 'Ana'), await join(code, 'Ben')]
    const before = await (await poll(teacher, base)).text()
    await playAll(ben.student, ben.attemptId!)
    const after = await (await poll(teacher, base)).text()
    // Ben has overtaken Ana: the rows swapped places, each with its own ids.
    expect(before.indexOf(`id="seat-${ana.attemptId}"`)).toBeLessThan(before.indexOf(`id="seat-${ben.attemptId}"`))
    expect(after.indexOf(`id="seat-${ben.attemptId}"`)).toBeLessThan(after.indexOf(`id="seat-${ana.attemptId}"`))
    for (const who of [ana, ben])
      for (const id of ['seat', 'tick', 'rename']) expect(after.match(new RegExp(`id="${id}-${who.attemptId}"`, 'g'))).toHaveLength(1)
    // Each row's menu is left alone by the morph: one the teacher has open stays open.
    expect(after.match(/<details class="menu" hx-morph-skip="">/g)).toHaveLength(2)
    expect(after).toContain(`Actions<span class="visually-hidden"> for Ana</span>`)
  })

  it('stops polling once nothing can change: a self-paced class locked with everyone finished', async () => {
    const { teacher, base, code } = await openClass({ size: '3' })
    const ana = await join(code, 'Ana')
    await playAll(ana.student, ana.attemptId!)
    expect(await (await poll(teacher, base)).text()).toContain('hx-trigger') // still open to joins
    await teacher.post(`${base}/close`, {})
    const html = await (await poll(teacher, base)).text()
    expect(html).not.toContain('hx-trigger')
    expect(html).not.toContain('hx-get')
    expect(await (await teacher.get(base)).text()).not.toContain(`hx-get="${base}/dashboard"`)
  })

  it('is the teacher’s alone: another secret, a made-up one or a student finds nothing of it', async () => {
    const mine = await openClass()
    const other = await openClass()
    const ana = await join(mine.code, 'Ana')
    const klass = (await classByCode(mine.code))!
    // Another class's teacher reaches their own dashboard only.
    const theirs = await (await poll(other.teacher, other.base)).text()
    expect(theirs).not.toContain('Ana')
    for (const path of [
      `/teach/${'x'.repeat(43)}/dashboard`,
      `/teach/${mine.secret.slice(1)}/dashboard`,
      `/board/${klass.board_id}/dashboard`,
    ]) {
      const res = await ana.student.get(path, HTMX)
      expect(res.status, path).toBe(404)
      expect(await res.text()).not.toContain('Ana')
    }
  })
})

describe('the dashboard of a live game', () => {
  /** A live class of two questions (as drawn, or `chosen`), with two students seated. */
  async function liveClass(chosen?: PlanItem[]) {
    const opened = await openClass({ mode: 'live', size: '2', seconds: '20' })
    if (chosen) {
      const json = JSON.stringify(chosen)
      await env.DB.prepare(`update classes set live = json_set(live, '$.plan', json(?)), question_ids = ? where code = ?`)
        .bind(json, JSON.stringify(chosen.map((item) => item.q)), opened.code)
        .run()
      // Saving a setting has the game read its class again.
      expect((await opened.teacher.post(`${opened.base}/open`, {})).status).toBe(303)
    }
    const klass = (await classByCode(opened.code)) as Record<string, string>
    const plan = (JSON.parse(klass.live) as { plan: PlanItem[] }).plan
    const players = [await join(opened.code, 'Ana'), await join(opened.code, 'Ben')]
    const control = (name: string) => opened.teacher.post(`${opened.base}/live/${name}`, {})
    const answer = (who: { student: Browser; attemptId?: string }, i: number, right: boolean) =>
      who.student.post(
        `/live/${who.attemptId}/answer`,
        { position: String(i), ...answerForm(findQuestion(plan[i].q)!, plan[i].order ?? [], right) },
        { htmx: true },
      )
    return { ...opened, plan, players, control, answer }
  }

  it('moves at the reveal, not while the question is open, and never shows the open question’s key', async () => {
    const g = await liveClass()
    await g.control('start')
    const question = findQuestion(g.plan[0].q)!
    const open = await poll(g.teacher, g.base)
    const tag = open.headers.get('ETag')!
    expect(await open.text()).toContain('hx-trigger="every 4s"')
    // One answer given: the game holds it until the question closes; the dashboard has nothing new.
    expect((await g.answer(g.players[0], 0, true)).status).toBe(200)
    const during = await poll(g.teacher, g.base, tag)
    expect(during.status).toBe(304)
    const unconditional = await (await poll(g.teacher, g.base)).text()
    expect(unconditional).not.toContain(question.prompt.slice(0, 40))
    expect(unconditional).toContain('No answers yet.')
    expect(unconditional).not.toMatch(/1,[0-9]{3}</) // no points on anyone's row

    await g.control('reveal')
    const revealed = await poll(g.teacher, g.base, tag)
    expect(revealed.status).toBe(200)
    const html = await revealed.text()
    expect(html).toContain('1 of 1 right (100%)')
    expect(html).toContain('1 of 2')
    expect(html).toMatch(/Ana[\s\S]*1,[0-9]{3}/)
  })

  it('shows each option with the mark the projector gave it, in the game’s order, and how many picked it', async () => {
    // A single-choice question shown in the reverse of the bank's order, so the bank's order would show wrong.
    const single = banks.flatMap((b) => b.questions).find((q) => q.type === 'single' && q.choices.length >= 3)!
    const reversed = single.type === 'single' ? single.choices.map((_, i, all) => all.length - 1 - i) : []
    const truefalse = banks.flatMap((b) => b.questions).find((q) => q.type === 'truefalse')!
    const g = await liveClass([{ q: single.id, order: reversed }, { q: truefalse.id }])
    await g.control('start')
    const question = findQuestion(g.plan[0].q)!
    const shown = shownOptions(question, g.plan[0])
    expect((await g.answer(g.players[0], 0, true)).status).toBe(200)
    expect((await g.answer(g.players[1], 0, false)).status).toBe(200)
    await g.control('reveal')
    const html = await (await poll(g.teacher, g.base)).text()
    const picks = html.slice(html.indexOf('<ol class="picks"'), html.indexOf('</ol>', html.indexOf('<ol class="picks"')))
    const rows = [
      ...picks.matchAll(
        /<li class="(opt-\d)( right)?">[\s\S]*?<span class="mark-letter">([A-H])<\/span>[\s\S]*?<span class="option">([^<]*)/g,
      ),
    ]
    // The projector's order, letters and colours: A is the first option shown, in opt-0's colour.
    expect(rows.map((r) => [r[1], r[3], r[4]])).toEqual(shown.map((text, i) => [`opt-${i}`, 'ABCDEFGH'[i], text]))
    expect(shown).not.toEqual(single.type === 'single' && single.choices)
    // The key ticked, and each count written out: one right answer, one wrong, none for the rest.
    expect(rows.flatMap((r, i) => (r[2] ? [i] : []))).toEqual(picked(question, shown, question.answer))
    expect(picks.match(/✓ correct/g)).toHaveLength(1)
    expect(picks.match(/>1<span class="visually-hidden"> picked<\/span> \(50%\)/g)).toHaveLength(2)
    expect(picks.match(/>0<span class="visually-hidden"> picked<\/span> \(0%\)/g)).toHaveLength(shown.length - 2)
  })

  it('stops polling when the game ends', async () => {
    const g = await liveClass()
    await g.control('start')
    await g.control('end')
    const html = await (await poll(g.teacher, g.base)).text()
    expect(html).not.toContain('hx-trigger')
    expect(html).toMatch(/Students \(2\)/)
  })
})
