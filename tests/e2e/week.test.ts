// A teacher's week with one class, in Chromium against `wrangler dev`: on Monday the teacher builds
// a set in the picker (two questions by hand, one at random from a filter) and opens a live class
// with it; on Tuesday three students play it live, the projector up; on Wednesday the teacher sets
// homework, another round with a set chosen in the picker, due the next day; Thursday comes with one
// student halfway (the deadline moved to seconds ahead, as tests/e2e/homework.test.ts explains). On Friday the standings across both rounds, the results CSV, the answers CSV and the
// report agree on every student's points and right answers.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { localValue } from '../../src/game/deadline.ts'
import type { Question } from '../../src/questions/schema.ts'
import { browserAvailable, choice, expectAccessible, expectText, questionsByPrompt, useServerAndBrowser } from './server.ts'

const byPrompt = questionsByPrompt()
const ZONE = 'Europe/London'
const NAMES = ['Ada', 'Bea', 'Cai']

/** The question on a phone's screen, from its prompt. */
const onScreen = async (page: Page): Promise<Question> => byPrompt.get((await page.locator('legend h2').textContent())!.trim())!

/** A live question answered on a phone, right or wrong, whatever its type. */
async function answerLive(phone: Page, right: boolean) {
  const q = await onScreen(phone)
  if (q.type === 'single') {
    const text = right ? q.answer : q.choices.find((c) => c !== q.answer)!
    return phone.getByRole('button', { name: text, exact: true }).click()
  }
  if (q.type === 'truefalse') return phone.getByRole('button', { name: q.answer === right ? 'True' : 'False', exact: true }).click()
  if (q.type === 'multi') for (const text of q.choices.filter((c) => q.answer.includes(c) === right)) await choice(phone, text).check()
  if (q.type === 'order') {
    const items = right ? q.answer : [...q.answer].reverse()
    for (const [k, item] of items.entries()) await phone.getByLabel(item, { exact: true }).selectOption(String(k + 1))
  }
  if (q.type === 'typed' || q.type === 'numeric') {
    const wrong = q.type === 'typed' ? 'zzz' : String(q.answer + 100 * (q.margin + 1) + 1000)
    await phone.locator('form.live-answer input[name="text"], form.live-answer input[name="number"]').fill(right ? String(q.answer) : wrong)
  }
  await phone.getByRole('button', { name: 'Lock in my answer' }).click()
}

/** A self-paced single-choice question answered, right or wrong; the response to the POST. */
async function answerSingle(page: Page, right: boolean) {
  const q = await onScreen(page)
  if (q.type !== 'single') throw new Error(`the homework holds only single-choice questions, not ${q.type}`)
  await choice(page, right ? q.answer : q.choices.find((c) => c !== q.answer)!).check()
  const response = page.waitForResponse((r) => r.url().endsWith('/answer'))
  await page.getByRole('button', { name: 'Submit answer' }).click()
  return response
}

/** A downloaded CSV's rows, each a list of its cells. */
async function downloadCsv(page: Page, link: string) {
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: link }).click()
  return readFileSync(await (await download).path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(/,(?=")/).map((cell) => JSON.parse(cell) as string))
}

describe.runIf(browserAvailable())("a teacher's week", () => {
  const server = useServerAndBrowser()
  const newPage = async ({ width = 1280, height = 800, zone = ZONE } = {}) => {
    const context = await server.browser.newContext({ acceptDownloads: true, viewport: { width, height }, timezoneId: zone })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    return page
  }

  it('plans on Monday, plays live on Tuesday, sets homework due Thursday, and reteaches on Friday from figures that agree', async () => {
    // Monday: two questions from the 2018 race by hand, then one of its true-or-false questions at random.
    const teacher = await newPage()
    await teacher.goto(`${server.url}/classes/pick`)
    await teacher.getByLabel('Bank', { exact: true }).selectOption({ label: 'The 2018 race' })
    await expect.poll(() => teacher.locator('#found').textContent()).toContain('26 questions match')
    const cards = teacher.locator('.question-card:not(.in-set)')
    for (let i = 0; i < 2; i++) {
      const prompt = (await cards.first().locator('.prompt').textContent())!.trim()
      await cards.first().getByRole('button', { name: 'Add to the set' }).click()
      await teacher.locator('.set-list li', { hasText: prompt }).waitFor()
    }
    await teacher.getByLabel('Kind', { exact: true }).selectOption({ label: 'True or false' })
    await expect.poll(() => teacher.locator('#found').textContent()).not.toContain('26')
    await teacher.getByLabel(/Questions to add at random/).fill('1')
    await teacher.getByRole('button', { name: 'Add at random' }).click()
    await expect.poll(() => teacher.locator('.set-list li').count()).toBe(3)
    const planned = (await teacher.locator('.set-prompt').allTextContents()).map((p) => byPrompt.get(p.trim())!)
    expect(planned[2].type).toBe('truefalse')
    await teacher.getByRole('button', { name: 'Use these 3 questions' }).click()
    await teacher.getByLabel('Class name').fill('Year 11, one week')
    await teacher.getByRole('radio', { name: /^Live:/ }).check()
    await teacher.getByLabel('Seconds per question (live games)').fill('60')
    await teacher.getByRole('button', { name: 'Open the class' }).click()
    const base = new URL(teacher.url()).pathname
    const code = (await teacher.locator('.big-code').textContent())!.trim()

    // Tuesday: the projector up, three phones in; Ada gets every question right, Cai the first only, Bea none.
    const projector = await newPage({ width: 1920, height: 1080 })
    await projector.goto(
      new URL(
        (await teacher
          .getByRole('link', { name: /projector/i })
          .first()
          .getAttribute('href'))!,
        server.url,
      ).href,
    )
    const phones: Page[] = []
    for (const name of NAMES) {
      const phone = await newPage({ width: 360, height: 640 })
      await phone.goto(`${server.url}/join/${code}`)
      await phone.getByLabel('Your nickname').fill(name)
      await phone.getByRole('button', { name: 'Join and start' }).click()
      await phone.getByRole('heading', { name: `You're in, ${name}!` }).waitFor()
      phones.push(phone)
    }
    await teacher.getByRole('button', { name: 'Start the game' }).click()
    for (let i = 0; i < 3; i++) {
      await projector.locator(`[data-phase="open"][data-question="${i}"]`).waitFor()
      for (const [k, phone] of phones.entries()) {
        await phone.locator(`[data-phase="open"][data-question="${i}"] legend h2`).waitFor()
        expect((await onScreen(phone)).id).toBe(planned[i].id) // in the order the teacher chose
        await answerLive(phone, k === 0 || (k === 2 && i === 0))
        await phone.locator('form.live-answer').waitFor({ state: 'detached' })
      }
      // Everyone has answered: the answer shows without waiting for the clock.
      await projector.locator(`[data-phase="reveal"][data-question="${i}"]`).waitFor()
      await teacher.getByRole('button', { name: i < 2 ? 'Next question' : 'Show the podium' }).click()
    }
    await projector.locator('[data-phase="ended"]').waitFor()

    // Wednesday: round 2 is homework, two single-choice questions the teacher chooses in the picker.
    await teacher.goto(`${server.url}${base}`)
    await teacher.getByRole('link', { name: 'Play another round…' }).click()
    await teacher.getByRole('link', { name: 'choose them yourself' }).click()
    await teacher.getByLabel('Kind', { exact: true }).selectOption({ label: 'One answer' })
    await expect.poll(() => teacher.locator('#found').textContent()).not.toContain('152')
    await teacher.getByLabel(/Questions to add at random/).fill('2')
    await teacher.getByRole('button', { name: 'Add at random' }).click()
    await expect.poll(() => teacher.locator('.set-list li').count()).toBe(2)
    await teacher.getByRole('button', { name: 'Use these 2 questions' }).click()
    await teacher.getByText('Questions: your set of 2').waitFor()
    await expectAccessible(teacher)
    await teacher.getByRole('radio', { name: /^Self-paced/ }).check()
    await teacher.getByRole('button', { name: 'Open round 2' }).click()
    await teacher.getByRole('heading', { name: 'The class over both rounds' }).waitFor()
    // Due on Thursday, through the form: the zone comes from the teacher's device.
    await teacher.locator('#deadline summary', { hasText: 'Set a deadline' }).click()
    // deadline.js fills the zone on its next tick, up to a second after the section arrives.
    await expect.poll(() => teacher.getByLabel('Your time zone').inputValue()).toBe(ZONE)
    expect(await teacher.locator('#time-zones option').count()).toBeGreaterThan(300) // the browser's own list of zones
    await teacher.getByLabel('Date and time').fill(localValue(Date.now() + 24 * 60 * 60 * 1000, ZONE))
    await teacher.getByRole('button', { name: 'Set the deadline' }).click()
    await expectText(teacher.locator('#deadline'), 'Due')

    // Each phone, on the podium, goes on to the homework by itself. Ada answers both right; Bea one, wrong; Cai none.
    for (const phone of phones) await phone.locator('legend h2').waitFor({ timeout: 20_000 })
    await phones[0].reload() // its page came before the deadline did
    await expect(phones[0].locator('.deadline').textContent()).resolves.toContain('Homework due')
    for (const next of ['Next question', 'See your results']) {
      expect((await answerSingle(phones[0], true)).status()).toBe(200)
      await phones[0].locator('.verdict h2').waitFor()
      await phones[0].getByRole(next === 'Next question' ? 'button' : 'link', { name: next }).click()
    }
    expect((await answerSingle(phones[1], false)).status()).toBe(200)
    await phones[1].getByRole('button', { name: 'Next question' }).click()

    // Thursday comes: the deadline, moved to two seconds ahead (the same form posted with seconds; its
    // field takes whole minutes), passes, and Bea's second answer is refused.
    const closesAt = Math.ceil((Date.now() + 2_000) / 1000) * 1000
    const csrf = (await teacher.context().cookies()).find((c) => c.name === 'csrf')!.value
    const due = await teacher.context().request.post(`${server.url}${base}/deadline`, {
      form: { _csrf: csrf, due: `${localValue(closesAt, ZONE)}:${new Date(closesAt).toISOString().slice(17, 19)}`, zone: ZONE },
      headers: { Origin: server.url },
      maxRedirects: 0,
    })
    expect(due.status(), await due.text()).toBe(303)
    await expect.poll(() => Date.now() >= closesAt + 500, { timeout: 10_000 }).toBe(true)
    expect((await answerSingle(phones[1], true)).status()).toBe(409)
    await expectText(phones[1].locator('main'), 'Homework closed')

    // Friday: the standings over both rounds, both CSVs and the report agree.
    await teacher.goto(`${server.url}${base}`)
    const overall = await teacher.locator('table.overall tbody .name').allTextContents()
    const results = await downloadCsv(teacher, 'Download results (CSV)')
    const answers = await downloadCsv(teacher, 'Download every answer (CSV)')
    const header = results[0]
    expect(header.slice(0, 5)).toEqual(['Rank', 'Nickname', 'Round 1 points', 'Round 2 points', 'Total points'])
    expect(results.slice(1).map((row) => row[1])).toEqual(overall)
    expect(answers[0]).toEqual(['Student', 'Round', 'Question', 'Question id', 'Prompt', 'Answer', 'Right', 'Points', 'Seconds'])
    const rows = answers.slice(1)
    const pointsOf = (name: string, round?: string) =>
      rows.filter((a) => a[0] === name && (!round || a[1] === round)).reduce((sum, a) => sum + Number(a[7]), 0)
    const rightOf = (name: string) => rows.filter((a) => a[0] === name && a[6] === 'yes').length
    for (const row of results.slice(1)) {
      const [, name, round1, round2, total, correct, answered] = row
      expect([round1, round2, total], name).toEqual([pointsOf(name, '1'), pointsOf(name, '2'), pointsOf(name)].map(String))
      expect([correct, answered], name).toEqual([rightOf(name), rows.filter((a) => a[0] === name).length].map(String))
    }
    // What each did: Ada 3 + 2 right; Bea 0 of 3, then one wrong before the deadline; Cai 1 of 3, then none.
    expect(NAMES.map(rightOf)).toEqual([5, 0, 1])
    expect(NAMES.map((name) => rows.filter((a) => a[0] === name).length)).toEqual([5, 4, 3])
    expect(rows.filter((a) => a[1] === '1').map((a) => a[3])).toEqual(expect.arrayContaining(planned.map((q) => q.id)))
    expect(overall[0]).toBe('Ada')

    // The report of the homework: its questions, who answered what; the first round's by a plain GET form.
    await teacher.getByRole('link', { name: 'See what to reteach' }).click()
    await teacher.getByRole('heading', { name: 'Question by question' }).waitFor()
    await expectAccessible(teacher)
    const report2 = (await teacher.locator('main').textContent())!
    expect(report2).toContain('Round 2')
    await teacher.getByLabel('Round', { exact: true }).selectOption('1')
    await teacher.getByRole('button', { name: 'Show', exact: true }).click()
    await expect.poll(() => teacher.url()).toContain('round=1')
    for (const q of planned) await expect(teacher.locator('main').textContent()).resolves.toContain(q.prompt)
    // Only Ada had the second and third questions right, one in three: the report puts them first; the first, two in three, not.
    const reteach = (await teacher.locator('.reteach').textContent())!
    expect(reteach).toContain(planned[1].prompt)
    expect(reteach).toContain(planned[2].prompt)
    expect(reteach).toContain(planned[1].explanation)
    expect(reteach).not.toContain(planned[0].prompt)
  }, 240_000)
})
