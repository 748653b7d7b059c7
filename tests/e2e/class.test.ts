// One teacher and three students, each in their own browser context, against `wrangler dev`.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserAvailable, choice, expectAccessible, expectText, questionsByPrompt, useServerAndBrowser } from './server.ts'

const byPrompt = questionsByPrompt()

describe.runIf(browserAvailable())('a class in the browser', () => {
  const server = useServerAndBrowser()

  const newPage = async () => {
    const page = await (await server.browser.newContext({ acceptDownloads: true })).newPage()
    page.setDefaultTimeout(5_000)
    return page
  }

  /** Answers every question on screen: student i gets i questions wrong, so the ranking is known. */
  async function play(page: Page, wrong: number) {
    for (let i = 0; i < 3; i++) {
      const prompt = (await page.locator('legend h2').textContent())!.trim()
      const q = byPrompt.get(prompt)!
      const right = i >= wrong
      if (q.type === 'typed' || q.type === 'numeric') await page.locator('.field input').fill(right ? String(q.answer) : '123456')
      else if (q.type === 'order') {
        const items = right ? q.answer : [...q.answer].reverse()
        for (const [k, item] of items.entries()) await page.getByLabel(item, { exact: true }).selectOption(String(k + 1))
      } else if (q.type === 'truefalse') await choice(page, q.answer === right ? 'True' : 'False').check()
      else if (q.type === 'single') await choice(page, right ? q.answer : q.choices.find((c) => c !== q.answer)!).check()
      else for (const c of q.choices) if (q.answer.includes(c) === right) await choice(page, c).check()
      await page.getByRole('button', { name: 'Submit answer' }).click()
      await page.locator('.verdict h2').waitFor()
      await page.getByRole(i < 2 ? 'button' : 'link', { name: i < 2 ? 'Next question' : 'See your results' }).click()
    }
    await page.locator('.summary').waitFor()
  }

  it('lets three students join by code and play, ranks them on the projector, and exports the CSV', async () => {
    const teacher = await newPage()
    await teacher.goto(server.url)
    await teacher.getByRole('link', { name: 'Open a class' }).click()
    await expectAccessible(teacher)
    await teacher.getByLabel('Class name').fill('Year 11 politics, Tuesday')
    await teacher.getByRole('checkbox', { name: /The 2018 race/ }).check()
    await teacher.getByLabel('Number of questions').fill('3')
    await teacher.getByRole('button', { name: 'Open the class' }).click()
    await expectText(teacher.locator('.notice'), 'lose access')
    await expectAccessible(teacher)
    const code = (await teacher.locator('.big-code').textContent())!.trim()
    const boardUrl = (await teacher.getByRole('link', { name: 'Open the projector leaderboard' }).getAttribute('href'))!

    const projector = await newPage()
    await projector.goto(new URL(boardUrl, server.url).href)
    await expectAccessible(projector)

    const names = ['Ada', 'Bea', 'Cai']
    for (const [i, name] of names.entries()) {
      const student = await newPage()
      await student.goto(server.url)
      await student.getByLabel('Joining a class? Enter its code').fill(code.toLowerCase())
      await student.getByRole('button', { name: 'Join', exact: true }).click()
      await student.getByLabel('Your nickname').fill(name)
      await student.getByRole('button', { name: 'Join and start' }).click()
      await expectText(student.locator('h1'), `playing as ${name}`)
      await play(student, i)
      await expect(student.locator('.summary').textContent()).resolves.toContain(`#${i + 1} of ${i + 1}`) // the others have not joined yet
    }

    // The projector polls every few seconds: all three appear, ranked, without a reload.
    await expect.poll(() => projector.locator('#board tbody tr').count(), { timeout: 10_000 }).toBe(3)
    const rows = await projector.locator('#board tbody tr').allTextContents()
    names.forEach((name, i) => expect(rows[i]).toContain(name))
    await expectAccessible(projector)

    await teacher.reload()
    const download = teacher.waitForEvent('download')
    await teacher.getByRole('link', { name: 'Download results (CSV)' }).click()
    const csv = readFileSync(await (await download).path(), 'utf8')
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n'),
    ).toHaveLength(4)
    await expectAccessible(teacher)
  })
})
