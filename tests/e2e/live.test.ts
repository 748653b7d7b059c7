// A live game in Chromium: the teacher's page, the projector and three students' phones, each
// in its own browser context, against `wrangler dev`. Every screen updates over its WebSocket.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { askTypes, browserAvailable, choice, expectAccessible, questionsByPrompt, useServerAndBrowser } from './server.ts'

const byPrompt = questionsByPrompt()

describe.runIf(browserAvailable())('a live game in the browser', () => {
  const server = useServerAndBrowser()

  const newPage = async (options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}) => {
    const page = await (await server.browser.newContext(options)).newPage()
    page.setDefaultTimeout(8_000)
    return page
  }

  /** A teacher opens a live class through the form, with 30 seconds a question. */
  async function openLive(name: string, bank: RegExp, size: number) {
    const teacher = await newPage()
    await teacher.goto(`${server.url}/classes/new`)
    await teacher.getByLabel('Class name').fill(name)
    await teacher.getByRole('checkbox', { name: bank }).check()
    await teacher.getByLabel('Number of questions').fill(String(size))
    await teacher.getByRole('radio', { name: /^Live:/ }).check()
    await teacher.getByLabel('Seconds per question (live games)').fill('30')
    await teacher.getByRole('button', { name: 'Open the class' }).click()
    await teacher.getByRole('heading', { name: 'Live game' }).waitFor()
    // Tap questions only: this file follows phones tapping; live-types.test.ts asks every type.
    await askTypes(
      server,
      teacher,
      Array.from({ length: size }, (_, i) => (['single', 'truefalse', 'multi'] as const)[i % 3]),
    )
    return { teacher, code: (await teacher.locator('.big-code').textContent())!.trim() }
  }

  /** Taps the right answer (or a wrong one) on a phone showing a question; `keyboard`: with Tab and Enter instead. */
  async function tap(phone: Page, right: boolean, keyboard = false) {
    const prompt = (await phone.locator('legend h2').textContent())!.trim()
    const q = byPrompt.get(prompt)!
    if (q.type === 'multi') {
      for (const c of q.choices) if (q.answer.includes(c) === right) await choice(phone, c).check()
      await phone.getByRole('button', { name: 'Lock in my answer' }).click()
    } else if (q.type === 'single' || q.type === 'truefalse') {
      const text =
        q.type === 'truefalse' ? (q.answer === right ? 'True' : 'False') : right ? q.answer : q.choices.find((c) => c !== q.answer)!
      const button = phone.getByRole('button', { name: text, exact: true })
      if (keyboard) {
        // Tab from the question's heading (where focus lands) until the button has it, then Enter.
        for (let tabs = 0; tabs < 10 && !(await button.evaluate((b) => b === document.activeElement)); tabs++)
          await phone.keyboard.press('Tab')
        await phone.keyboard.press('Enter')
      } else await button.click()
    } else throw new Error(`a live game asked a ${q.type} question`)
    // Locked in, or (for the last to answer) straight to the reveal.
    await phone.locator('form.live-answer').waitFor({ state: 'detached' })
  }

  it('runs three questions from the teacher’s page to the podium, with every screen in step', async () => {
    const { teacher, code } = await openLive('Live Tuesday', /The 2018 race/, 3)
    const projectorUrl = (await teacher.getByRole('link', { name: 'Open the projector', exact: true }).getAttribute('href'))!

    const projector = await newPage({ viewport: { width: 1280, height: 800 } })
    await projector.goto(new URL(projectorUrl, server.url).href)
    await expect(projector.locator('.projector .big-code').textContent()).resolves.toBe(code)
    await expectAccessible(projector)

    // Students join on phones; each name reaches the projector's lobby without a reload.
    const names = ['Ada', 'Bea', 'Cai']
    const phones: Page[] = []
    for (const name of names) {
      const phone = await newPage({ viewport: { width: 390, height: 780 } })
      await phone.goto(`${server.url}/join/${code}`)
      await phone.getByLabel('Your nickname').fill(name)
      await phone.getByRole('button', { name: /^Join/ }).click()
      await phone.getByRole('heading', { name: `You're in, ${name}!` }).waitFor()
      await projector.locator('.names li', { hasText: name }).waitFor()
      phones.push(phone)
    }
    await expectAccessible(phones[0])
    await teacher.reload()
    await expectAccessible(teacher)

    await teacher.getByRole('button', { name: 'Start the game' }).click()
    for (let i = 0; i < 3; i++) {
      // The question reaches the projector and every phone; the phones show no key.
      await projector.locator(`[data-phase="open"][data-question="${i}"]`).waitFor()
      for (const phone of phones) await phone.locator(`[data-phase="open"][data-question="${i}"] legend h2`).waitFor()
      if (i === 0) {
        await expectAccessible(phones[1])
        await expectAccessible(projector)
      }
      // Ada is always right, Bea right on the first question only, Cai never: the ranking is known.
      // Cai answers with the keyboard (Tab to the button, Enter) wherever the question has one button per answer.
      for (const [k, phone] of phones.entries()) await tap(phone, k === 0 || (k === 1 && i === 0), k === 2)
      // Everyone answered: the reveal comes at once, with the chart and the top five.
      await projector.locator(`[data-phase="reveal"][data-question="${i}"]`).waitFor()
      await expect(projector.locator('.live-chart').textContent()).resolves.toContain('✓ correct')
      for (const [k, phone] of phones.entries()) {
        await phone.locator('[data-phase="reveal"] .standing').waitFor()
        await expect(phone.locator('.verdict h2').textContent()).resolves.toContain(
          k === 0 || (k === 1 && i === 0) ? 'Correct' : 'Not quite',
        )
      }
      if (i === 0) {
        await expectAccessible(projector)
        await expectAccessible(phones[2])
      }
      await teacher.getByRole('button', { name: i < 2 ? 'Next question' : 'Show the podium' }).click()
    }

    await projector.getByRole('heading', { name: 'Final results' }).waitFor()
    const podium = await projector.locator('.podium li').allTextContents()
    names.forEach((name, k) => expect(podium[k]).toContain(name))
    for (const [k, phone] of phones.entries()) {
      await phone.getByRole('heading', { name: 'Game over' }).waitFor()
      await expect(phone.locator('.standing').textContent()).resolves.toContain(`${['1st', '2nd', '3rd'][k]} of 3`)
    }
    await expectAccessible(projector)
    await expectAccessible(phones[0])
    // The results land in the teacher's dashboard, as for a self-paced class.
    await teacher.reload()
    await expect(teacher.locator('table.board tbody tr').first().textContent()).resolves.toContain('Ada')
  })

  it('shows a fourth browser no points on any public surface while a question is open', async () => {
    const { teacher, code } = await openLive('Fair play', /The 2018 race/, 2)
    const projectorUrl = new URL(
      (await teacher.getByRole('link', { name: 'Open the projector', exact: true }).getAttribute('href'))!,
      server.url,
    )
    const projector = await newPage({ viewport: { width: 1280, height: 800 } })
    await projector.goto(projectorUrl.href)
    const phones: Page[] = []
    for (const name of ['Ira', 'Jo', 'Kit']) {
      const phone = await newPage({ viewport: { width: 390, height: 780 } })
      await phone.goto(`${server.url}/join/${code}`)
      await phone.getByLabel('Your nickname').fill(name)
      await phone.getByRole('button', { name: /^Join/ }).click()
      await phone.getByRole('heading', { name: `You're in, ${name}!` }).waitFor()
      phones.push(phone)
    }
    const seats = phones.map((phone) => new URL(phone.url()).pathname.split('/').pop()!)
    // The snoop: another browser with nothing but the public addresses.
    const snoop = await server.browser.newContext()
    const surfaces = [
      projectorUrl.pathname,
      `${projectorUrl.pathname}/rows`,
      ...seats.map((id) => `/results/${id}`),
      '/leaderboard/race-2018',
      '/leaderboard/mixed',
      `/join/${code}`,
    ]
    const look = async () => {
      const seen: string[] = []
      for (const path of surfaces) {
        const res = await snoop.request.get(`${server.url}${path}`)
        // The inline stylesheet is the same for every page of its kind, right or wrong: only the markup can tell.
        const text = (await res.text()).replace(/<style>[\s\S]*?<\/style>/, '')
        if (/\bpoints\b|data-score|data-rank/i.test(text)) seen.push(`${path} ${res.status()}`)
      }
      return seen
    }
    await teacher.reload()
    await teacher.getByRole('button', { name: 'Start the game' }).click()
    await projector.locator('[data-phase="open"][data-question="0"]').waitFor()
    expect(await look()).toEqual([])
    for (const [k, phone] of phones.entries()) {
      await phone.locator('[data-phase="open"] legend h2').waitFor()
      if (k < 2) {
        await tap(phone, k === 0)
        expect(await look(), `after ${k + 1} answers`).toEqual([])
      }
    }
    // The projector's own page says nothing either, until the last answer closes the question.
    await expect(projector.locator('#projector').textContent()).resolves.not.toMatch(/points/)
    await tap(phones[2], false)
    await projector.locator('[data-phase="reveal"]').waitFor()
    expect(await look()).toContain(`${projectorUrl.pathname} 200`) // the reveal shows the top five's points
    await snoop.close()
  })

  it('works with JavaScript off: a phone answers and refreshes by hand', async () => {
    const { teacher, code } = await openLive('No script', /The 2023 race/, 2)

    const phone = await newPage({ javaScriptEnabled: false })
    await phone.goto(`${server.url}/join/${code}`)
    await phone.getByLabel('Your nickname').fill('Dee')
    await phone.getByRole('button', { name: /^Join/ }).click()
    await phone.getByRole('heading', { name: "You're in, Dee!" }).waitFor()
    await teacher.reload()
    await teacher.getByRole('button', { name: 'Start the game' }).click()
    await phone.getByRole('link', { name: 'Refresh' }).click()
    await tap(phone, true)
    // The only player answered, so the game revealed at once.
    await expect(phone.locator('.verdict h2').textContent()).resolves.toContain('Correct')
  })
})
