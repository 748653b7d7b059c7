// What to reteach, through the teacher's link: the report of a round (what to go over, every
// question, every student), the answers CSV, and that the report and both CSVs agree on every figure.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { PlanItem } from '../../src/db/schema.ts'
import { picked, shownOptions } from '../../src/live/questions.ts'
import { banks, findQuestion, sourcesOf } from '../../src/questions/registry.ts'
import { formatSeconds } from '../../src/views/format.ts'
import { metered, newMeter } from '../bench/d1-meter.ts'
import { answerForm, browser, onScreen, type Browser } from './browser.ts'
import { classByCode, join, openClass } from './fixtures.ts'

type Seat = { student: Browser; attemptId: string }

/** Plays a self-paced quiz to the end, each question right or wrong by its id. */
async function playBy(seat: Seat, right: (questionId: string) => boolean) {
  const { attempt } = await onScreen(seat.attemptId)
  for (let i = 0; i < attempt.plan.length; i++) {
    const { question, order } = await onScreen(seat.attemptId)
    await seat.student.post(`/play/${seat.attemptId}/answer`, { position: String(i), ...answerForm(question, order, right(question.id)) })
    await seat.student.post(`/play/${seat.attemptId}/next`, { position: String(i) })
  }
}

/** The attempt each student's seat holds now (the round in play). */
async function seatOf(code: string, nickname: string): Promise<string> {
  return (await env.DB.prepare(
    'select s.attempt_id from students s join classes c on c.id = s.class_id where c.code = ? and s.nickname = ?',
  )
    .bind(code, nickname)
    .first<string>('attempt_id'))!
}

const questionIds = async (code: string) => JSON.parse((await classByCode(code))!.question_ids as string) as string[]

/** The text of every element a selector finds, in order, as a reader sees it. */
async function texts(html: string, selector: string): Promise<string[]> {
  const found: string[] = []
  await new HTMLRewriter()
    .on(selector, {
      element: () => void found.push(''),
      text: (t) => void (found[found.length - 1] += t.text),
    })
    // Cells and other elements inside read apart, as on screen.
    .on(`${selector} *`, { element: () => void (found[found.length - 1] += ' ') })
    .transform(new Response(html))
    .text()
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }
  return found.map((t) =>
    t
      .replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e])
      .replace(/\s+/g, ' ')
      .trim(),
  )
}

/** A CSV as rows of cells (every cell quoted, as views/csv.ts writes them). */
const parseCsv = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"(?:,|$)/g)].map((m) => m[1].replace(/""/g, '"')))

/** A class of four: Ana gets everything right, Ben and Cy only the set's first question, Dee nothing (she never plays). */
async function playedClass() {
  const opened = await openClass({ size: '3' })
  const seats: Record<string, Seat> = {}
  for (const name of ['Ana', 'Ben', 'Cy', 'Dee']) {
    const { student, attemptId } = await join(opened.code, name)
    seats[name] = { student, attemptId: attemptId! }
  }
  const ids = await questionIds(opened.code)
  await playBy(seats.Ana, () => true)
  await playBy(seats.Ben, (id) => id === ids[0])
  await playBy(seats.Cy, (id) => id === ids[0])
  return { ...opened, seats, ids }
}

describe('what to reteach', () => {
  it('puts first what fewer than half got right, with the explanation and sources, then every question and every student', async () => {
    const g = await playedClass()
    const res = await g.teacher.get(`${g.base}/report`)
    expect(res.status).toBe(200)
    const html = await res.text()
    const [q1, q2, q3] = g.ids.map((id) => findQuestion(id)!)

    // What to go over: the second and third questions (1 of 3 right), not the first (3 of 3), with why and where from.
    const reteach = html.slice(html.indexOf('id="reteach-heading"'), html.indexOf('id="questions-heading"'))
    expect(await texts(reteach, '.reteach-list > li > h3')).toEqual([`Q2 ${q2.prompt}`, `Q3 ${q3.prompt}`])
    expect(await texts(reteach, '.reteach-list .share')).toEqual(['1 of 3 right (33%)', '1 of 3 right (33%)'])
    for (const q of [q2, q3]) {
      expect((await texts(reteach, '.reteach-list > li > p')).join(' ')).toContain(q.explanation.replace(/\s+/g, ' ').trim())
      for (const s of sourcesOf(q)) expect((await texts(reteach, '.source')).join(' ')).toContain(s.title)
    }
    expect(reteach).not.toContain(q1.prompt.replace(/&/g, '&amp;').slice(0, 30))
    expect(await texts(reteach, '.wrong-answer')).toHaveLength(2)

    // Every question: its share right, time and who did not answer (Dee).
    expect(await texts(html, '.report-questions .rate span')).toEqual(['3 of 3 right (100%)', '1 of 3 right (33%)', '1 of 3 right (33%)'])
    const meta = await texts(html, '.report-questions > li > .meta')
    for (const line of meta) expect(line).toMatch(/^Median time \d+\.\d s\. 1 student did not answer\.$/)
    expect(await texts(html, '.report-questions .wrong-answer')).toEqual([
      'Nobody got it wrong.',
      expect.stringMatching(/^Most common wrong answer: .+ \(2 students, 67%\)$/),
      expect.stringMatching(/^Most common wrong answer: .+ \(2 students, 67%\)$/),
    ])

    // Every student: a row of verdicts in words as well as icons, and each one's answers beside the key.
    const rows = await texts(html, '.answer-grid tbody tr')
    expect(rows).toEqual([
      expect.stringMatching(/^#1 Ana ✓ Right ✓ Right ✓ Right 3 of 3 [\d,]+$/),
      expect.stringMatching(/^#2 (Ben|Cy) ✓ Right ✗ Wrong ✗ Wrong 1 of 3 [\d,]+$/),
      expect.stringMatching(/^#[23] (Ben|Cy) ✓ Right ✗ Wrong ✗ Wrong 1 of 3 [\d,]+$/),
      '#4 Dee – Not answered – Not answered – Not answered 0 of 3 0',
    ])
    expect(await texts(html, '.answer-grid tfoot td')).toEqual(['100%', '33%', '33%', '56%', ''])
    const hardest = await texts(html, '.report-students .hardest')
    expect(hardest[0]).toMatch(/^Found hardest: nothing missed; took longest over Q\d \(\d+\.\d s\)\.$/)
    expect(hardest[1]).toBe('Found hardest: Q2 (33% of the class right), Q3 (33% of the class right).')
    expect(hardest[3]).toBe('No answers yet.')
    const ben = html.slice(html.indexOf('<li id="student-2">'), html.indexOf('<li id="student-3">'))
    const cells = await texts(ben, 'tbody tr')
    expect(cells).toHaveLength(3)
    expect(cells[0]).toMatch(/^Q1 .+ ✓ Right [\d,]+ pts · \d+\.\d s$/)
    expect(cells[1]).toMatch(/^Q2 .+ ✗ Wrong 0 pts · \d+\.\d s$/)
    // The page links the answers CSV, and the teacher's page links the report and that CSV.
    expect(html).toContain(`href="${g.base}/answers.csv"`)
    const teacherPage = await (await g.teacher.get(g.base)).text()
    expect(teacherPage).toContain(`href="${g.base}/report"`)
    expect(teacherPage).toContain(`href="${g.base}/answers.csv"`)
  })

  it('agrees with the answers CSV and the results CSV on every figure, round by round', async () => {
    const g = await playedClass()
    expect((await g.teacher.post(`${g.base}/rounds`, { round: '2', banks: 'race-2023', size: '2', mode: 'self' })).status).toBe(303)
    const ids2 = await questionIds(g.code)
    // Round 2: Cy gets both right, Ben the first only, Ana neither; Dee again nothing.
    for (const [name, right] of [
      ['Cy', () => true],
      ['Ben', (id: string) => id === ids2[0]],
      ['Ana', () => false],
    ] as const)
      await playBy({ student: g.seats[name].student, attemptId: await seatOf(g.code, name) }, right)

    const answersCsv = await g.teacher.get(`${g.base}/answers.csv`)
    expect(answersCsv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(answersCsv.headers.get('Content-Disposition')).toContain("filename*=UTF-8''Year-11-Tuesday-answers.csv")
    const [header, ...answers] = parseCsv(await answersCsv.text())
    expect(header).toEqual(['Student', 'Round', 'Question', 'Question id', 'Prompt', 'Answer', 'Right', 'Points', 'Seconds'])
    expect(answers).toHaveLength(3 * 3 + 3 * 2)
    const [, ...results] = parseCsv(await (await g.teacher.get(`${g.base}/results.csv`)).text())

    const sum = (rows: string[][], col: number) => rows.reduce((n, r) => n + Number(r[col]), 0)
    const of = (name: string, round?: number) => answers.filter((r) => r[0] === name && (round === undefined || r[1] === String(round)))
    for (const name of ['Ana', 'Ben', 'Cy', 'Dee']) {
      // Results CSV: Rank, Nickname, Round 1 points, Round 2 points, Total points, Correct, Answered, Accuracy, Time (s).
      const row = results.find((r) => r[1] === name)!
      const mine = of(name)
      expect([sum(of(name, 1), 7), sum(of(name, 2), 7), sum(mine, 7)], name).toEqual([2, 3, 4].map((i) => Number(row[i] || 0)))
      expect(mine.filter((r) => r[6] === 'yes').length, name).toBe(Number(row[5]))
      expect(mine.length, name).toBe(Number(row[6]))
      expect(Math.round(sum(mine, 8)), name).toBe(Number(row[8]))
    }

    for (const [round, ids] of [
      [1, g.ids],
      [2, ids2],
    ] as const) {
      const html = await (await g.teacher.get(`${g.base}/report?round=${round}`)).text()
      const inRound = answers.filter((r) => r[1] === String(round))
      // Each student's points and right answers in the grid, as the CSV adds them up.
      for (const line of await texts(html, '.answer-grid tbody tr')) {
        const [, name, right, points] = line.match(/^#\d+ (\S+) .* (\d+) of \d+ ([\d,]+)$/) ?? [line]
        expect(points.replace(/,/g, ''), `${name} round ${round}`).toBe(String(sum(of(name, round), 7)))
        expect(Number(right)).toBe(of(name, round).filter((r) => r[6] === 'yes').length)
      }
      // Each question's share right and median time, as the CSV's rows for it give them.
      const rates = await texts(html, '.report-questions .rate span')
      const medians = await texts(html, '.report-questions > li > .meta')
      const questions = new Set(inRound.map((r) => r[2]))
      expect(questions.size).toBe(ids.length)
      for (const n of questions) {
        const rows = inRound.filter((r) => r[2] === n)
        const right = rows.filter((r) => r[6] === 'yes').length
        expect(rates[Number(n) - 1]).toBe(`${right} of ${rows.length} right (${Math.round((100 * right) / rows.length)}%)`)
        const secs = rows.map((r) => Number(r[8])).sort((a, b) => a - b)
        const mid = secs.length % 2 ? secs[secs.length >> 1] : (secs[secs.length / 2 - 1] + secs[secs.length / 2]) / 2
        expect(medians[Number(n) - 1]).toContain(`Median time ${formatSeconds(mid * 1000)}.`)
        // A single choice's options: each count is the CSV's rows with that answer.
        const q = findQuestion(rows[0][3])!
        if (q.type === 'single') {
          const card = html.slice(html.indexOf(`<li id="q-${n}">`), html.indexOf('</li></ol>', html.indexOf(`<li id="q-${n}">`)))
          const options = await texts(card, '.picks .option')
          const counts = await texts(card, '.picks .count')
          options.forEach((text, i) =>
            expect(counts[i]).toMatch(new RegExp(`^${rows.filter((r) => r[5] === text.replace(/ ✓ correct$/, '')).length} picked`)),
          )
        }
      }
      // The round in play: the dashboard's correct rates are the report's.
      if (round === 2) {
        const dashboard = await (await g.teacher.get(g.base)).text()
        expect((await texts(dashboard, '.question-stats .rate span')).sort()).toEqual([...rates].sort())
      }
    }
  })

  it('shows an earlier round chosen by a plain form, and refuses a round the class has not played', async () => {
    const g = await playedClass()
    const one = await (await g.teacher.get(`${g.base}/report`)).text()
    expect(one).not.toContain('name="round"')
    await g.teacher.post(`${g.base}/rounds`, { round: '2', banks: 'race-2023', size: '2', mode: 'self' })
    const now = await (await g.teacher.get(`${g.base}/report`)).text()
    expect(now).toContain(`<form method="get" action="${g.base}/report" class="round-pick">`)
    expect(await texts(now, '#round option')).toEqual(['Round 1 of 2', 'Round 2 (in play)'])
    expect(now).toMatch(/<option value="2" selected="">/)
    expect(await texts(now, '.report-questions > li > h3')).toHaveLength(2)
    expect(await texts(now, '.reteach p')).toEqual(['No answers yet: this list fills in as the class plays.'])
    // Round 1, read after it ended: its questions as the class met them, its answers kept.
    const past = await (await g.teacher.get(`${g.base}/report?round=1`)).text()
    expect(await texts(past, 'h1 .round-name')).toEqual(['Round 1 of 2'])
    expect((await texts(past, '.report-questions > li > h3')).map((t) => t.replace(/^Q\d /, '')).sort()).toEqual(
      g.ids.map((id) => findQuestion(id)!.prompt).sort(),
    )
    expect(await texts(past, '.report-questions .rate span')).toContain('3 of 3 right (100%)')
    for (const [query, status, message] of [
      ['3', 404, 'This class has no round 3: it has played 2 rounds.'],
      ['0', 404, 'This class has no round 0'],
      ['last', 400, 'Choose a round by its number.'],
    ] as const) {
      const res = await g.teacher.get(`${g.base}/report?round=${query}`)
      expect(res.status, query).toBe(status)
      expect(await res.text()).toContain(message)
    }
  })

  it('shows a live round’s options in the game’s order, with the projector’s marks', async () => {
    const single = banks.flatMap((b) => b.questions).find((q) => q.type === 'single' && q.choices.length >= 3)!
    const order = single.type === 'single' ? single.choices.map((_, i, all) => all.length - 1 - i) : []
    const plan: PlanItem[] = [{ q: single.id, order }]
    const g = await openClass({ mode: 'live', size: '1', seconds: '20' })
    await env.DB.prepare(`update classes set live = json_set(live, '$.plan', json(?)), question_ids = ? where code = ?`)
      .bind(JSON.stringify(plan), JSON.stringify([single.id]), g.code)
      .run()
    await g.teacher.post(`${g.base}/open`, {})
    const players = [await join(g.code, 'Ana'), await join(g.code, 'Ben')]
    await g.teacher.post(`${g.base}/live/start`, {})
    for (const [i, p] of players.entries())
      await p.student.post(`/live/${p.attemptId}/answer`, { position: '0', ...answerForm(single, order, i === 0) }, { htmx: true })
    await g.teacher.post(`${g.base}/live/reveal`, {})
    const html = await (await g.teacher.get(`${g.base}/report`)).text()
    const shown = shownOptions(single, plan[0])
    expect(await texts(html, '.picks .mark-letter')).toEqual(shown.map((_, i) => 'ABCDEFGH'[i]))
    expect((await texts(html, '.picks .option')).map((t) => t.replace(/ ✓ correct$/, ''))).toEqual(shown)
    expect(html).toMatch(new RegExp(`<li class="opt-${picked(single, shown, single.answer)[0]} right">`))
    expect(await texts(html, '.picks .count')).toContain('1 picked (50%)')
  })

  it('reads the class, then the round, in two D1 round trips; the answers CSV too', async () => {
    const g = await playedClass()
    for (const path of ['/report', '/report?round=1', '/answers.csv']) {
      const meter = newMeter()
      const res = await browser({ ...env, DB: metered(env.DB, meter) }).get(`${g.base}${path}`)
      expect(res.status, path).toBe(200)
      expect(meter.trips, path).toBe(2)
      expect(meter.batches, path).toBe(1)
    }
  })
})
