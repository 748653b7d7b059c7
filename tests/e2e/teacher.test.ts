// The teacher's page in Chromium: it keeps up with a class without a reload (the dashboard's poll,
// 304 while nothing changed), fits a wide screen, a tablet and a phone with 24-character nicknames,
// keeps its controls in view, and each student's menu works by keyboard and without JavaScript.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { askQuestions, browserAvailable, choice, expectAccessible, expectText, questionsByPrompt, useServerAndBrowser } from './server.ts'

const byPrompt = questionsByPrompt()
// Nicknames of the longest allowed (24 characters): one word, and words a line may break between.
const LONG = ['Wolfeschlegelsteinhausen', 'Maximilian Alexander Rob']

describe.runIf(browserAvailable())('the teacher’s page in the browser', () => {
  const server = useServerAndBrowser()

  const newPage = async (options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}) => {
    const page = await (await server.browser.newContext(options)).newPage()
    page.setDefaultTimeout(8_000)
    return page
  }

  async function openClass(teacher: Page, live = false) {
    await teacher.goto(`${server.url}/classes/new`)
    await teacher.getByLabel('Class name').fill(live ? 'Live Thursday' : 'Year 11 politics, Thursday')
    await teacher.getByRole('checkbox', { name: /The 2018 race/ }).check()
    await teacher.getByLabel('Number of questions').fill('3')
    if (live) {
      await teacher.getByRole('radio', { name: /^Live:/ }).check()
      await teacher.getByLabel('Seconds per question (live games)').fill('60')
    }
    await teacher.getByRole('button', { name: 'Open the class' }).click()
    return (await teacher.locator('.big-code').textContent())!.trim()
  }

  /** A student joins; `to`: what their phone shows next (a question, a live game's lobby, or a waiting room: nothing to wait for). */
  async function joinAs(code: string, name: string, to: 'question' | 'lobby' | 'waiting' = 'question') {
    const student = await newPage({ viewport: { width: 390, height: 780 } })
    await student.goto(`${server.url}/join/${code}`)
    await student.getByLabel('Your nickname').fill(name)
    await student.getByRole('button', { name: /^Join/ }).click()
    if (to === 'question') await student.locator('legend h2').waitFor()
    if (to === 'lobby') await student.getByRole('heading', { name: `You're in, ${name}!` }).waitFor()
    return student
  }

  /** Answers every question of a self-paced class right. */
  async function playRight(page: Page) {
    for (let i = 0; i < 3; i++) {
      const q = byPrompt.get((await page.locator('legend h2').textContent())!.trim())!
      if (q.type === 'typed' || q.type === 'numeric') await page.locator('.field input').fill(String(q.answer))
      else if (q.type === 'order')
        for (const [k, item] of q.answer.entries()) await page.getByLabel(item, { exact: true }).selectOption(String(k + 1))
      else if (q.type === 'truefalse') await choice(page, q.answer ? 'True' : 'False').check()
      else if (q.type === 'single') await choice(page, q.answer).check()
      else for (const c of q.answer) await choice(page, c).check()
      await page.getByRole('button', { name: 'Submit answer' }).click()
      await page.locator('.verdict h2').waitFor()
      await page.getByRole(i < 2 ? 'button' : 'link', { name: i < 2 ? 'Next question' : 'See your results' }).click()
    }
  }

  const row = (teacher: Page, name: string) => teacher.locator('.roster tbody tr', { hasText: name })
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

  it('keeps up with a self-paced class without a reload, polling with 304s, and leaves ticks and open menus alone', async () => {
    const teacher = await newPage({ viewport: { width: 1920, height: 1080 } })
    const code = await openClass(teacher)
    const [first, second] = [await joinAs(code, LONG[0]), await joinAs(code, LONG[1])]
    await teacher.reload()
    const polls: number[] = []
    teacher.on('response', (res) => {
      if (res.url().endsWith('/dashboard')) polls.push(res.status())
    })
    // Nothing changes: the page asks every 4 s and hears "unchanged".
    await expect.poll(() => polls.includes(304), { timeout: 12_000 }).toBe(true)

    await teacher.getByRole('checkbox', { name: `Tick ${LONG[1]}` }).check()
    await teacher.getByText(`Actions for ${LONG[1]}`).click()
    await teacher.getByLabel(`New nickname for ${LONG[1]}`).fill('Half-typed')
    await playRight(first)
    await expect.poll(() => row(teacher, LONG[0]).textContent(), { timeout: 12_000 }).toContain('3 of 3 ✓')
    expect(polls).toContain(200)
    // The first player overtook the second: the rows moved, each tick, field and menu with its student.
    await expect(teacher.locator('.roster tbody tr').first().textContent()).resolves.toContain(LONG[0])
    await expect(teacher.getByRole('checkbox', { name: `Tick ${LONG[1]}` }).isChecked()).resolves.toBe(true)
    await expect(teacher.getByRole('checkbox', { name: `Tick ${LONG[0]}` }).isChecked()).resolves.toBe(false)
    await expect(row(teacher, LONG[1]).locator('details.menu').getAttribute('open')).resolves.toBe('')
    await expect(teacher.getByLabel(`New nickname for ${LONG[1]}`).inputValue()).resolves.toBe('Half-typed')
    // Each question answered, its options with their marks (the shape and letter hidden from screen readers).
    const stats = teacher.locator('.question-stats > li')
    await expect(stats.count()).resolves.toBe(3)
    await expect(teacher.locator('.question-stats').textContent()).resolves.toMatch(/1 of 1 right \(100%\)/)
    for (const mark of await teacher.locator('.picks .mark').all()) expect(await mark.getAttribute('aria-hidden')).toBe('true')

    // The controls stay in view at the foot of a long page.
    await teacher.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    const side = (await teacher.locator('.teacher-side').boundingBox())!
    expect(side.y).toBeGreaterThanOrEqual(0)
    expect(side.y).toBeLessThan(50)
    await expect(teacher.getByRole('link', { name: 'Open the projector leaderboard' }).isVisible()).resolves.toBe(true)
    expect(await overflow(teacher)).toBe(0)

    await teacher.getByText(`Actions for ${LONG[1]}`).click() // closed again
    for (const colorScheme of ['light', 'dark'] as const) {
      await teacher.emulateMedia({ colorScheme })
      await expectAccessible(teacher)
    }
    await second.context().close()
  })

  it('fits a phone and a tablet with 24-character nicknames and a menu open, in light and dark', async () => {
    const teacher = await newPage({ viewport: { width: 360, height: 640 } })
    const code = await openClass(teacher)
    for (const name of LONG) await joinAs(code, name)
    await teacher.getByRole('button', { name: 'Turn the waiting room on' }).click()
    await joinAs(code, 'Waitingwaitingwaitingwai', 'waiting')
    await teacher.reload()
    await teacher.locator('.waiting .name', { hasText: 'Waitingwaitingwaitingwai' }).waitFor()
    for (const viewport of [
      { width: 360, height: 640 },
      { width: 768, height: 1024 },
    ]) {
      await teacher.setViewportSize(viewport)
      expect(await overflow(teacher), `${viewport.width} px`).toBe(0)
      const menu = row(teacher, LONG[0]).locator('details.menu')
      await menu.locator('summary').click()
      const panel = (await menu.locator('.menu-panel').boundingBox())!
      expect(panel.x).toBeGreaterThanOrEqual(0)
      expect(panel.x + panel.width).toBeLessThanOrEqual(viewport.width)
      expect(await overflow(teacher), `${viewport.width} px, a menu open`).toBe(0)
      for (const colorScheme of ['light', 'dark'] as const) {
        await teacher.emulateMedia({ colorScheme })
        await expectAccessible(teacher)
      }
      await menu.locator('summary').click()
    }
  })

  it('opens a student’s menu and renames them with the keyboard alone', async () => {
    const teacher = await newPage({ viewport: { width: 1280, height: 800 } })
    const code = await openClass(teacher)
    await joinAs(code, 'Ana')
    await teacher.reload()
    const summary = teacher.getByText('Actions for Ana')
    await teacher.getByRole('checkbox', { name: 'Tick Ana' }).focus()
    // From the row's tick box, Tab reaches the menu; Enter opens it; Tab goes into it.
    for (let tabs = 0; tabs < 5 && !(await summary.evaluate((s) => s === document.activeElement)); tabs++)
      await teacher.keyboard.press('Tab')
    await expect(summary.evaluate((s) => s === document.activeElement)).resolves.toBe(true)
    const outline = await summary.evaluate((s) => getComputedStyle(s).outlineStyle)
    expect(outline).not.toBe('none')
    await teacher.keyboard.press('Enter')
    await expect(row(teacher, 'Ana').locator('details.menu').getAttribute('open')).resolves.toBe('')
    await teacher.keyboard.press('Tab')
    await expect(teacher.getByLabel('New nickname for Ana').evaluate((i) => i === document.activeElement)).resolves.toBe(true)
    await teacher.keyboard.press('Control+A')
    await teacher.keyboard.type('Anya')
    await teacher.keyboard.press('Enter')
    await row(teacher, 'Anya').waitFor()
    // Enter closes it again, and the other actions follow in order.
    await teacher.getByText('Actions for Anya').focus()
    await teacher.keyboard.press('Enter')
    for (const name of [
      'New nickname for Anya',
      'Rename Anya',
      'Give extra time (Anya)',
      'Remove (Anya)',
      'Remove and block this browser (Anya)',
    ]) {
      await teacher.keyboard.press('Tab')
      const focused = await teacher.evaluate(() => {
        const el = document.activeElement as HTMLInputElement
        return (el.labels?.[0] ?? el).textContent
      })
      expect(focused?.replace(/\s+/g, ' ').trim()).toBe(name)
    }
  })

  it('works without JavaScript: the menu opens and its buttons post', async () => {
    const teacher = await newPage({ javaScriptEnabled: false, viewport: { width: 768, height: 1024 } })
    const code = await openClass(teacher)
    await joinAs(code, 'Ben')
    await teacher.reload()
    await expect(teacher.locator('#dashboard').getAttribute('hx-get')).resolves.toContain('/dashboard')
    await teacher.getByText('Actions for Ben').click()
    await teacher.getByRole('button', { name: 'Give extra time (Ben)' }).click()
    await expectText(row(teacher, 'Ben'), 'extra time')
  })

  it('moves at a live game’s reveal without a reload, and keeps the game’s buttons in view on a tablet and a laptop', async () => {
    const teacher = await newPage({ viewport: { width: 768, height: 1024 } })
    const code = await openClass(teacher, true)
    // The single choice with the longest options first: its question and options fill the controls' column.
    const singles = [...byPrompt.values()].filter((q) => q.type === 'single')
    const longest = singles.reduce((a, b) => (b.choices.join('').length > a.choices.join('').length ? b : a))
    const trueOrFalse = [...byPrompt.values()].filter((q) => q.type === 'truefalse')[1]
    await askQuestions(server, teacher, [longest, trueOrFalse, singles.find((q) => q !== longest)!])
    const phones = [await joinAs(code, LONG[0], 'lobby'), await joinAs(code, LONG[1], 'lobby')]
    await teacher.reload()
    await teacher.getByRole('button', { name: 'Start the game' }).click()
    for (const [k, phone] of phones.entries()) {
      const q = byPrompt.get((await phone.locator('[data-phase="open"] legend h2').textContent())!.trim())!
      if (q.type !== 'single') throw new Error(`asked a ${q.type} question`)
      await phone.getByRole('button', { name: k === 0 ? q.answer : q.choices.find((c) => c !== q.answer)!, exact: true }).click()
    }
    // Both answered: the reveal. The dashboard learns of it on its next poll.
    await expect
      .poll(
        () =>
          teacher
            .locator('.question-stats')
            .textContent()
            .catch(() => ''),
        { timeout: 12_000 },
      )
      .toMatch(/1 of 2 right \(50%\)/)
    await expect(teacher.locator('.question-stats .picks li.right').textContent()).resolves.toContain('✓ correct')
    await expect(row(teacher, LONG[0]).textContent()).resolves.toContain('1 of 3')

    await teacher.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    const next = teacher.getByRole('button', { name: 'Next question' })
    const box = (await next.boundingBox())!
    expect(box.y).toBeGreaterThan(0)
    expect(box.y + box.height).toBeLessThanOrEqual(1024)
    expect(await overflow(teacher)).toBe(0)
    // On a laptop the buttons lead the controls' column, above the question and its chart, at the top and at the foot of the page.
    await teacher.setViewportSize({ width: 1280, height: 800 })
    for (const y of [0, 100_000]) {
      await teacher.evaluate((y) => window.scrollTo(0, y), y)
      const { y: top, height } = (await next.boundingBox())!
      expect(top).toBeGreaterThan(0)
      expect(top + height).toBeLessThanOrEqual(800)
    }
    await teacher.setViewportSize({ width: 768, height: 1024 })
    await expectAccessible(teacher)
    await next.click()
    await teacher.locator('.live-controls', { hasText: 'Question 2 of 3 is open.' }).waitFor()
  })
})
