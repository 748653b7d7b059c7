// "What to reteach" in Chromium: five students play two self-paced rounds; the teacher opens the
// report from the class page, picks the first round with JavaScript off, downloads every answer,
// and prints the report (A4 and Letter). axe-core in light and dark; no sideways scroll on a phone;
// the cards side by side on a wide screen. With SHOTS_DIR set, it photographs the report at
// 1280 × 800, 1920 × 1080 and 360 × 640, as printed, and writes the PDFs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserAvailable, choice, expectAccessible, questionsByPrompt, useServerAndBrowser } from './server.ts'

const byPrompt = questionsByPrompt()
const NAMES = ['Wolfeschlegelsteinhausen', 'Maximilian Alexander Rob', 'Ada', 'Bea', 'Cai']

/**
 * Plays a self-paced quiz of `count` questions. Each student meets them in their own order, so a
 * question is named by its place in `seen`, the order the first student met them in: it is
 * answered right unless `wrong(place)`.
 */
async function play(page: Page, count: number, seen: string[], wrong: (place: number) => boolean) {
  for (let k = 0; k < count; k++) {
    const prompt = (await page.locator('legend h2').textContent())!.trim()
    if (!seen.includes(prompt)) seen.push(prompt)
    const q = byPrompt.get(prompt)!
    const right = !wrong(seen.indexOf(prompt))
    if (q.type === 'typed') await page.locator('.field input').fill(right ? q.answer : 'Lacy Swing')
    else if (q.type === 'numeric') await page.locator('.field input').fill(String(right ? q.answer : q.answer + 10 * q.margin + 1000))
    else if (q.type === 'order') {
      const items = right ? q.answer : [...q.answer].reverse()
      for (const [i, item] of items.entries()) await page.getByLabel(item, { exact: true }).selectOption(String(i + 1))
    } else if (q.type === 'truefalse') await choice(page, q.answer === right ? 'True' : 'False').check()
    else if (q.type === 'single') await choice(page, right ? q.answer : q.choices.find((c) => c !== q.answer)!).check()
    else for (const c of q.choices) if (q.answer.includes(c) === right) await choice(page, c).check()
    await page.getByRole('button', { name: 'Submit answer' }).click()
    await page.locator('.verdict h2').waitFor()
    await page.getByRole(k < count - 1 ? 'button' : 'link', { name: k < count - 1 ? 'Next question' : 'See your results' }).click()
  }
  await page.locator('.summary').waitFor()
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
/** How many of a list's items sit on its first line. */
const firstRow = (page: Page, items: string) =>
  page.locator(items).evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().top === els[0].getBoundingClientRect().top).length)

describe.runIf(browserAvailable())('what to reteach in the browser', () => {
  const server = useServerAndBrowser()
  const shots = process.env.SHOTS_DIR
  const newPage = async (options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}) => {
    const page = await (await server.browser.newContext({ acceptDownloads: true, ...options })).newPage()
    page.setDefaultTimeout(10_000)
    return page
  }

  it('shows a round to go over, question by question and student by student, and prints it', async () => {
    const teacher = await newPage({ viewport: { width: 1920, height: 1080 } })
    await teacher.goto(`${server.url}/classes/new`)
    await teacher.getByLabel('Class name').fill('Year 11 politics, Friday')
    await teacher.getByRole('checkbox', { name: /The 2018 race/ }).check()
    await teacher.getByLabel('Number of questions').fill('4')
    await teacher.getByRole('button', { name: 'Open the class' }).click()
    const code = (await teacher.locator('.big-code').textContent())!.trim()
    const base = new URL(teacher.url()).pathname

    // Round 1: one question everyone gets right, one only Ada, one Ada and Bea, one all but Cai.
    const phones: Page[] = []
    const seen: string[] = []
    const wrong = [
      (k: number) => k === 1 || k === 2,
      (k: number) => k === 1 || k === 2,
      () => false,
      (k: number) => k === 1,
      (k: number) => k >= 1,
    ]
    for (const [i, name] of NAMES.entries()) {
      const phone = await newPage({ viewport: { width: 390, height: 780 } })
      await phone.goto(`${server.url}/join/${code}`)
      await phone.getByLabel('Your nickname').fill(name)
      await phone.getByRole('button', { name: 'Join and start' }).click()
      await play(phone, 4, seen, wrong[i])
      phones.push(phone)
    }
    // Round 2, self-paced: Ada and Bea play it.
    await teacher.reload()
    await teacher.getByRole('link', { name: 'Play another round…' }).click()
    await teacher.getByLabel('Number of questions').fill('2')
    await teacher.getByRole('button', { name: 'Open round 2' }).click()
    for (const i of [2, 3]) {
      await phones[i].locator('legend h2').waitFor({ timeout: 20_000 })
      await play(phones[i], 2, [], (k) => i === 3 && k === 0)
    }

    // From the class page to the report of the round in play.
    await teacher.reload()
    if (shots) {
      mkdirSync(shots, { recursive: true })
      await teacher.evaluate(() => window.scrollTo(0, 0))
      await teacher.screenshot({ path: join(shots, 'teacher-1920x1080.png') })
    }
    await teacher.getByRole('link', { name: 'See what to reteach' }).click()
    await teacher.getByRole('heading', { name: /What to reteach: Year 11 politics, Friday/ }).waitFor()
    await expect(teacher.locator('h1 .round-name').textContent()).resolves.toBe('Round 2 (in play)')
    await expect(teacher.locator('.answer-grid tbody tr').count()).resolves.toBe(5)

    // Round 1 chosen with JavaScript off: a plain form.
    const plain = await newPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } })
    await plain.goto(teacher.url())
    await plain.getByLabel('Round').selectOption('1')
    await plain.getByRole('button', { name: 'Show' }).click()
    expect(plain.url()).toBe(`${server.url}${base}/report?round=1`)
    await expect(plain.locator('h1 .round-name').textContent()).resolves.toBe('Round 1 of 2')
    await teacher.goto(plain.url())

    // What to go over first: the second and third questions (1 and 2 of 5 right), hardest first.
    const reteach = teacher.locator('.reteach-list > li')
    await expect(reteach.count()).resolves.toBe(2)
    await expect(reteach.locator('.share').allTextContents()).resolves.toEqual(['1 of 5 right (20%)', '2 of 5 right (40%)'])
    for (const item of await reteach.all()) {
      await expect(item.locator('.source').textContent()).resolves.toMatch(/^Sources?: /)
      await expect(item.locator('.wrong-answer').textContent()).resolves.toMatch(/^Most common wrong answer: /)
    }
    // Every student's answers, in icons with words; each question's share right under them; what Cai found hardest.
    const shares = await teacher.locator('.answer-grid tfoot td').allTextContents()
    expect([...shares.slice(0, 4)].sort()).toEqual(['100%', '20%', '40%', '80%'])
    expect(shares.slice(4)).toEqual(['60%', ''])
    const cai = teacher.locator('.report-students > li', { hasText: 'Cai' })
    await expect(cai.locator('.hardest').textContent()).resolves.toMatch(
      /^Found hardest: Q\d \(80% of the class right\), Q\d \(40% of the class right\), Q\d \(20% of the class right\)\.$/,
    )
    const verdicts = await cai.locator('tbody .verdict-text').allTextContents()
    expect(verdicts.map((v) => v.trim()).sort()).toEqual(['✓ Right', '✗ Wrong', '✗ Wrong', '✗ Wrong'])

    // The answers CSV, downloaded from the report, adds up to the grid's points.
    const download = teacher.waitForEvent('download')
    await teacher.getByRole('link', { name: 'Download every answer (CSV)' }).click()
    const rows = readFileSync(await (await download).path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .slice(1)
    expect(rows).toHaveLength(5 * 4 + 2 * 2)
    const points = (name: string) =>
      rows.filter((r) => r.startsWith(`"${name}","1",`)).reduce((n, r) => n + Number(r.split('","').at(-2)), 0)
    for (const row of await teacher.locator('.answer-grid tbody tr').all()) {
      const name = (await row.locator('th').textContent())!
      await expect(row.locator('td.num').last().textContent()).resolves.toBe(points(name).toLocaleString('en-GB'))
    }

    // A wide screen used: the question cards four across, the students three.
    expect(await firstRow(teacher, '.report-questions > li')).toBe(4)
    expect(await firstRow(teacher, '.report-students > li')).toBe(3)
    for (const colorScheme of ['light', 'dark'] as const) {
      await teacher.emulateMedia({ colorScheme })
      await expectAccessible(teacher)
    }

    // A phone: nothing scrolls sideways (the grid scrolls in its own box, by keyboard too), axe-core.
    const phone = await newPage({ viewport: { width: 360, height: 640 } })
    await phone.goto(teacher.url())
    expect(await overflow(phone)).toBe(0)
    await expect(phone.locator('.grid-scroll').getAttribute('tabindex')).resolves.toBe('0')
    await expectAccessible(phone)

    // On paper: black on white whatever the screen's scheme, no nav or buttons, on A4 and on Letter.
    await teacher.emulateMedia({ media: 'print', colorScheme: 'dark' })
    await expect(teacher.locator('.report-nav').isVisible()).resolves.toBe(false)
    await expect(teacher.locator('header.site').isVisible()).resolves.toBe(false)
    const colours = await teacher.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor])
    expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)'])
    const pdfs: Record<string, Buffer> = {}
    for (const format of ['A4', 'Letter'] as const) {
      pdfs[format] = await teacher.pdf({ format })
      // The list to go over, the questions and the students, each from a new page.
      expect(pdfs[format].toString('latin1').match(/\/Type\s*\/Page\b/g)!.length, format).toBeGreaterThanOrEqual(3)
    }

    if (shots) {
      mkdirSync(shots, { recursive: true })
      for (const [format, pdf] of Object.entries(pdfs)) writeFileSync(join(shots, `report-print-${format}.pdf`), pdf)
      await teacher.setViewportSize({ width: 794, height: 1123 })
      await teacher.screenshot({ path: join(shots, 'report-print-794.png'), fullPage: true })
      await teacher.emulateMedia({ media: 'screen', colorScheme: 'dark' })
      await teacher.setViewportSize({ width: 1920, height: 1080 })
      await teacher.screenshot({ path: join(shots, 'report-1920x1080-dark.png') })
      await teacher.emulateMedia({ media: 'screen', colorScheme: 'light' })
      for (const [width, height] of [
        [1920, 1080],
        [1280, 800],
        [360, 640],
      ]) {
        await teacher.setViewportSize({ width, height })
        await teacher.waitForTimeout(150)
        await teacher.screenshot({ path: join(shots, `report-${width}x${height}.png`) })
        await teacher.screenshot({ path: join(shots, `report-${width}x${height}-full.png`), fullPage: true })
      }
    }
  }, 180_000)
})
