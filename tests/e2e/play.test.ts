// A whole quiz in a real browser against `wrangler dev`: by keyboard alone with htmx, and
// with JavaScript off; axe-core checks every page on the way.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Question } from '../../src/questions/schema.ts'
import { browserAvailable, choice, expectAccessible, expectText, questionsByPrompt, useServerAndBrowser } from './server.ts'

const byPrompt = questionsByPrompt()
const BANK = 'race-2018'

describe.runIf(browserAvailable())('playing in a browser', () => {
  const server = useServerAndBrowser()

  async function questionOnScreen(page: Page): Promise<Question> {
    const prompt = (await page.locator('legend h2').textContent())!.trim()
    const q = byPrompt.get(prompt)
    expect(q, `question "${prompt}" is in a bank`).toBeDefined()
    return q!
  }

  it('plays a whole quiz by keyboard alone, with htmx swapping each step in place', async () => {
    const page = await (await server.browser.newContext()).newPage()
    page.setDefaultTimeout(5_000)
    await page.goto(server.url)
    await expectAccessible(page)
    await tabTo(page, (el) => el.text === 'Play' && el.describedBy === `bank-${BANK}`)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/play\//)
    const playUrl = page.url()

    for (let i = 1; i <= 10; i++) {
      await expect.poll(() => page.locator('.progress').textContent()).toContain(`Question ${i} of 10`)
      await expectAccessible(page)
      const q = await questionOnScreen(page)
      await answerByKeyboard(page, q)
      await page.locator('.verdict h2').waitFor()
      expect(await activeText(page)).toMatch(/^✓ Correct/)
      expect(await page.locator('#announce').textContent()).toMatch(/^Correct: [\d,]+ points\.$/)
      expect(page.url()).toBe(playUrl) // swapped in place, no navigation
      await expectAccessible(page)
      if (i < 10) {
        await tabTo(page, (el) => el.text === 'Next question')
        await page.keyboard.press('Enter')
        await expect.poll(() => activeText(page)).not.toMatch(/Correct/)
      } else {
        await tabTo(page, (el) => el.text === 'See your results')
        await page.keyboard.press('Enter')
      }
    }
    await page.waitForURL(/\/results\//)
    expect(await page.locator('.summary').textContent()).toContain('10 of 10 (100%)')
    await expectAccessible(page)
    await page.close()
  })

  it('plays a whole quiz with JavaScript off, names it, and finds it on the leaderboard', async () => {
    const context = await server.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    page.setDefaultTimeout(5_000)
    await page.goto(server.url)
    await page.locator(`#bank-${BANK} ~ form button`).click()
    for (let i = 1; i <= 10; i++) {
      await expect(page.locator('.progress').textContent()).resolves.toContain(`Question ${i} of 10`)
      const q = await questionOnScreen(page)
      if (i === 1) {
        await page.getByRole('button', { name: 'Submit answer' }).click() // nothing chosen yet
        await expectText(page.locator('.error'), /first|at least one|every item/)
      }
      await answerByMouse(page, q)
      await expect(page.locator('.verdict h2').textContent()).resolves.toContain('Correct')
      await page.getByRole(i < 10 ? 'button' : 'link', { name: i < 10 ? 'Next question' : 'See your results' }).click()
    }
    await expect(page.locator('.summary').textContent()).resolves.toContain('10 of 10 (100%)')
    const resultsUrl = page.url()
    await page.getByLabel('Put a nickname on the leaderboard').fill('Keyless Kim')
    await page.getByRole('button', { name: 'Save nickname' }).click()
    await expectText(page.locator('h1'), "Keyless Kim's results")
    await page.getByRole('link', { name: 'Leaderboard' }).click()
    await expectText(page.locator('table.board'), 'Keyless Kim (you)')
    await expect(page.locator('.standing').textContent()).resolves.toMatch(/Your best: #\d+ of \d+/)
    const leaderboardUrl = page.url()

    const stranger = await (await server.browser.newContext()).newPage()
    await stranger.goto(resultsUrl)
    await expect(stranger.locator('h1').textContent()).resolves.toContain('Keyless Kim')
    expect(await stranger.locator('input[name=nickname]').count()).toBe(0)
    // axe needs JavaScript, so the pages seen above without it are checked here with it.
    for (const url of [resultsUrl, leaderboardUrl, `${server.url}/no-such-page`]) {
      await stranger.goto(url)
      await expectAccessible(stranger)
    }
    await context.close()
  })
})

type Focused = { tag: string; type: string; name: string; text: string; describedBy: string }

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement
    return {
      tag: el.tagName,
      type: el.type ?? '',
      name: el.name ?? '',
      text: (el.textContent ?? '').trim(),
      describedBy: el.getAttribute('aria-describedby') ?? '',
    }
  })
}

const activeText = async (page: Page) => (await focused(page)).text

/** Presses Tab until the focused element matches; fails if it never does. */
async function tabTo(page: Page, match: (el: Focused) => boolean) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab')
    if (match(await focused(page))) return
  }
  throw new Error('could not reach the element with Tab')
}

const shownChoices = async (page: Page) => (await page.locator('.choices label .option').allTextContents()).map((t) => t.trim())

async function answerByKeyboard(page: Page, q: Question) {
  switch (q.type) {
    case 'single':
    case 'truefalse': {
      const target = q.type === 'single' ? q.answer : q.answer ? 'True' : 'False'
      const k = (await shownChoices(page)).indexOf(target)
      await tabTo(page, (el) => el.type === 'radio')
      if (k === 0) await page.keyboard.press('Space')
      for (let i = 0; i < k; i++) await page.keyboard.press('ArrowDown')
      break
    }
    case 'multi':
      for (const [i, text] of (await shownChoices(page)).entries()) {
        await tabTo(page, (el) => el.type === 'checkbox')
        expect(
          await page
            .locator('.choices input')
            .nth(i)
            .evaluate((e) => e === document.activeElement),
        ).toBe(true)
        if (q.answer.includes(text)) await page.keyboard.press('Space')
      }
      break
    case 'order': {
      const items = (await page.locator('.ordering label').allTextContents()).map((t) => t.trim())
      for (const [i, item] of items.entries()) {
        await tabTo(page, (el) => el.name === `place-${i}`)
        await page.keyboard.type(String(q.answer.indexOf(item) + 1))
      }
      break
    }
    case 'typed':
    case 'numeric':
      await tabTo(page, (el) => el.tag === 'INPUT' && el.type === 'text')
      await page.keyboard.type(String(q.answer))
      break
  }
  await tabTo(page, (el) => el.text === 'Submit answer')
  await page.keyboard.press('Enter')
}

async function answerByMouse(page: Page, q: Question) {
  const pick = (label: string) => choice(page, label).check()
  switch (q.type) {
    case 'single':
      await pick(q.answer)
      break
    case 'multi':
      for (const a of q.answer) await pick(a)
      break
    case 'truefalse':
      await pick(q.answer ? 'True' : 'False')
      break
    case 'order':
      for (const [i, item] of q.answer.entries()) await page.getByLabel(item, { exact: true }).selectOption(String(i + 1))
      break
    case 'typed':
    case 'numeric':
      await page.locator('.field input').fill(String(q.answer))
      break
  }
  await page.getByRole('button', { name: 'Submit answer' }).click()
}
