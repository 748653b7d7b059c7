// A teacher builds a class's set in Chromium: by hand and at random from filters, reordered, then
// opens the class with it. With htmx (the form swapped in place, focus kept) and with JavaScript
// off (every button a plain GET and a redirect); axe-core on each page; a phone's width checked.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserAvailable, expectAccessible, questionsByPrompt, useServerAndBrowser } from './server.ts'

const byPrompt = questionsByPrompt()

describe.runIf(browserAvailable())('choosing the questions in the browser', () => {
  const server = useServerAndBrowser()

  const newPage = async (options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}) => {
    const page = await (await server.browser.newContext(options)).newPage()
    page.setDefaultTimeout(8_000)
    return page
  }
  const card = (page: Page, prompt: string) => page.locator('.question-card', { has: page.locator('.prompt', { hasText: prompt }) })
  const setIds = (page: Page) =>
    page.locator('#set input[name="set"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
  const setPrompts = (page: Page) => page.locator('#set .set-prompt').allTextContents()
  const prompts = async (page: Page) => (await page.locator('.question-card .prompt').allTextContents()).map((p) => p.trim())
  const storedSet = (name: string) =>
    JSON.parse(server.d1(`select question_ids from classes where name = '${name}'`)[0].question_ids as string)
  const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)

  it(
    'with htmx: filters as you choose, picks by hand and at random, keeps focus, reorders, and opens a live class in that order',
    { timeout: 180_000 },
    async () => {
      const page = await newPage({ viewport: { width: 1280, height: 800 } })
      await page.goto(`${server.url}/classes/new`)
      await page.getByRole('link', { name: 'choose them yourself' }).click()
      await page.getByRole('heading', { name: 'Choose the questions' }).waitFor()
      await page.evaluate(() => ((window as unknown as { still: boolean }).still = true)) // gone if the page reloads

      // A list's change filters at once, and the address follows.
      await page.getByLabel('Bank', { exact: true }).selectOption({ label: 'The 2018 race' })
      await expect.poll(() => page.locator('#found').textContent()).toBe('26 questions match: 1 to 12 shown.')
      expect(page.url()).toContain('bank=race-2018')
      await expectAccessible(page)
      // The next page, in place: focus on what it shows, the address saying which page; and back.
      await page.getByRole('button', { name: 'Next →' }).click()
      await expect.poll(() => page.locator('#found').textContent()).toBe('26 questions match: 13 to 24 shown.')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('found')
      expect(page.url()).toContain('page=2')
      await page.getByRole('button', { name: 'Page 1' }).click()
      await expect.poll(() => page.locator('#found').textContent()).toBe('26 questions match: 1 to 12 shown.')
      const [first, , third] = await prompts(page)
      for (const prompt of [first, third]) {
        await card(page, prompt).getByRole('button', { name: 'Add to the set' }).click()
        await card(page, prompt).getByRole('button', { name: 'Remove from the set' }).waitFor()
        // The button that was pressed keeps focus, now offering to undo.
        expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Remove from the set')
      }
      expect(await page.locator('#picker-status').textContent()).toMatch(/^Added: .* Your set holds 2 questions\.$/)

      // Three true-or-false questions at random from the same bank.
      await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'True or false' })
      await expect.poll(() => page.locator('#found').textContent()).not.toContain('26')
      await page.getByLabel(/Questions to add at random/).fill('3')
      await page.getByRole('button', { name: 'Add at random' }).click()
      await expect.poll(() => setIds(page)).toHaveLength(5)
      const ids = await setIds(page)
      const chosen = (await setPrompts(page)).map((p) => byPrompt.get(p.trim())!)
      expect(chosen.slice(2).every((q) => q.type === 'truefalse')).toBe(true)
      expect(await page.locator('.set-spread').textContent()).toMatch(/[3-5] true or false/)

      // The last one moves up, and keeps focus through the move; the second is removed.
      const last = page.locator('#set .set-list li').nth(4)
      await last.getByRole('button', { name: 'Move up' }).click()
      await expect.poll(() => setIds(page)).toEqual([ids[0], ids[1], ids[2], ids[4], ids[3]])
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`up-${ids[4]}`)
      await page.locator('#set .set-list li').nth(1).getByRole('button', { name: 'Remove' }).click()
      const order = [ids[0], ids[2], ids[4], ids[3]]
      await expect.poll(() => setIds(page)).toEqual(order)
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`drop-${ids[2]}`)
      expect(await page.evaluate(() => (window as unknown as { still?: boolean }).still)).toBe(true)
      await expectAccessible(page)

      await page.getByRole('button', { name: 'Use these 4 questions' }).click()
      await page.getByText('Questions: your set of 4').waitFor()
      await expectAccessible(page)
      await page.getByLabel('Class name').fill('Picked live')
      await page.getByRole('radio', { name: /^Live:/ }).check()
      await page.getByRole('button', { name: 'Open the class' }).click()
      await page.getByRole('heading', { name: 'Live game' }).waitFor()
      expect(storedSet('Picked live')).toEqual(order)
    },
  )

  it('with JavaScript off: every button a plain form, the page back at the question, and a self-paced class opened with the set', async () => {
    const page = await newPage({ javaScriptEnabled: false, viewport: { width: 360, height: 640 } })
    await page.goto(`${server.url}/classes/pick`)
    expect(await noSideways(page)).toBe(true)
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Number' })
    await page.getByRole('button', { name: 'Show questions' }).click()
    await page.waitForURL(/type=numeric/)
    const numbers = await prompts(page)
    expect(numbers.every((p) => byPrompt.get(p)!.type === 'numeric')).toBe(true)

    await card(page, numbers[4]).getByRole('button', { name: 'Add to the set' }).click()
    await page.waitForURL(/set=.*#q-/)
    expect(await card(page, numbers[4]).textContent()).toContain('In your set, number 1')
    await page.getByLabel(/Questions to add at random/).fill('2')
    await page.getByRole('button', { name: 'Add at random' }).click()
    await page.waitForURL(/(set=[^&#]+.*){3}/)
    const ids = await setIds(page)
    expect(ids).toHaveLength(3)
    await page.locator('#set .set-list li').first().getByRole('button', { name: 'Move down' }).click()
    await expect.poll(() => setIds(page)).toEqual([ids[1], ids[0], ids[2]])
    expect(await noSideways(page)).toBe(true)

    // A mistake is a 422 that says what to do, and changes nothing.
    await card(page, numbers[4]).getByRole('button', { name: 'Remove from the set' }).click()
    await page.getByRole('button', { name: 'Clear the set' }).click()
    await page.getByRole('button', { name: 'Use the set' }).click()
    expect(await page.getByRole('alert').textContent()).toContain('Add at least one question')

    await page.goto(`${server.url}/classes/pick?set=${ids[1]}&set=${ids[0]}&set=${ids[2]}`)
    await page.getByRole('button', { name: 'Use these 3 questions' }).click()
    await page.getByText('Questions: your set of 3').waitFor()
    expect(await noSideways(page)).toBe(true)
    await page.getByLabel('Class name').fill('Picked homework')
    await page.getByRole('button', { name: 'Open the class' }).click()
    await page.locator('.big-code').waitFor()
    expect(storedSet('Picked homework')).toEqual([ids[1], ids[0], ids[2]])
  })
})
