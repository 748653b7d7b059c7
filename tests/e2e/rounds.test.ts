// Three rounds with one class in Chromium: a teacher, a projector and three students, each in their
// own browser context. Round 1 self-paced, round 2 live, round 3 self-paced: nobody joins again,
// each screen goes on to the next round by itself, and the standing across rounds adds them up.
// With SHOTS_DIR set, it also photographs the new screens at four sizes.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Question } from '../../src/questions/schema.ts'
import { browserAvailable, choice, expectAccessible, questionsByPrompt, useServerAndBrowser } from './server.ts'

const byPrompt = questionsByPrompt()
const SIZES = [
  [360, 640],
  [768, 1024],
  [1280, 720],
  [3840, 2160],
] as const

/** A self-paced quiz of three questions, the first `wrong` of them answered wrong. */
async function playSelfPaced(page: Page, wrong: number) {
  for (let i = 0; i < 3; i++) {
    const q = byPrompt.get((await page.locator('legend h2').textContent())!.trim())!
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

/** A live question answered right on a phone, whatever its type. */
async function answerLive(phone: Page) {
  const q: Question = byPrompt.get((await phone.locator('legend h2').textContent())!.trim())!
  if (q.type === 'single') return phone.getByRole('button', { name: q.answer, exact: true }).click()
  if (q.type === 'truefalse') return phone.getByRole('button', { name: q.answer ? 'True' : 'False', exact: true }).click()
  if (q.type === 'multi') for (const text of q.answer) await choice(phone, text).check()
  if (q.type === 'order')
    for (const [k, item] of q.answer.entries()) await phone.getByLabel(item, { exact: true }).selectOption(String(k + 1))
  if (q.type === 'typed' || q.type === 'numeric')
    await phone.locator('form.live-answer input[name="text"], form.live-answer input[name="number"]').fill(String(q.answer))
  await phone.getByRole('button', { name: 'Lock in my answer' }).click()
}

/** The names in a table's body, in order. */
const namesIn = (page: Page, table: string) => page.locator(`${table} tbody .name`).allTextContents()

describe.runIf(browserAvailable())('rounds with the same class in the browser', () => {
  const server = useServerAndBrowser()
  const shots = process.env.SHOTS_DIR
  const newPage = async (viewport = { width: 1280, height: 720 }) => {
    const page = await (await server.browser.newContext({ acceptDownloads: true, viewport })).newPage()
    page.setDefaultTimeout(10_000)
    return page
  }
  /** The page as it is, at each size, when SHOTS_DIR asks for photographs: a projector's screen, or a whole page. */
  async function photograph(page: Page, name: string, { projector = false } = {}) {
    if (!shots) return
    mkdirSync(shots, { recursive: true })
    const viewport = page.viewportSize()!
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height })
      await page.waitForTimeout(150)
      await page.screenshot({ path: join(shots, `${name}-${width}x${height}.png`), fullPage: !projector || width < 1280 })
    }
    await page.setViewportSize(viewport)
  }

  it('plays three rounds, self-paced, live and self-paced, with the same seats, and adds them up', async () => {
    const teacher = await newPage()
    await teacher.goto(`${server.url}/classes/new`)
    await teacher.getByLabel('Class name').fill('Year 11, all week')
    await teacher.getByRole('checkbox', { name: /The 2018 race/ }).check()
    await teacher.getByLabel('Number of questions').fill('3')
    await teacher.getByRole('radio', { name: /^Accuracy only/ }).check()
    await teacher.getByRole('button', { name: 'Open the class' }).click()
    const code = (await teacher.locator('.big-code').textContent())!.trim()
    const board = new URL((await teacher.getByRole('link', { name: 'Open the projector leaderboard' }).getAttribute('href'))!, server.url)
    const projector = await newPage()
    await projector.goto(board.href)

    // Round 1, self-paced: Ada gets all three right, Bea two, Cai one (1,000 points each, no speed bonus).
    const names = ['Ada', 'Bea', 'Cai']
    const phones: Page[] = []
    for (const [i, name] of names.entries()) {
      const phone = await newPage({ width: 390, height: 780 })
      await phone.goto(`${server.url}/join/${code}`)
      await phone.getByLabel('Your nickname').fill(name)
      await phone.getByRole('button', { name: 'Join and start' }).click()
      await playSelfPaced(phone, i)
      phones.push(phone)
    }

    // Round 2, live: the teacher opens it from the class page.
    await teacher.reload()
    await teacher.getByRole('link', { name: 'Play another round…' }).click()
    await teacher.getByRole('heading', { name: 'Round 2 with Year 11, all week' }).waitFor()
    await expectAccessible(teacher)
    await photograph(teacher, 'round-form')
    await teacher.getByLabel('Number of questions').fill('2')
    await teacher.getByRole('radio', { name: /^Live:/ }).check()
    await teacher.getByLabel('Seconds per question (live games)').fill('60')
    await teacher.getByRole('button', { name: 'Open round 2' }).click()
    await teacher.getByRole('button', { name: 'Start the game' }).waitFor()

    // Every phone, still on its round 1 results, goes to the game's lobby by itself; so does the projector.
    for (const [i, phone] of phones.entries()) {
      await phone.getByRole('heading', { name: `You're in, ${names[i]}!` }).waitFor({ timeout: 20_000 })
      expect(phone.url()).toMatch(/\/live\//)
    }
    await projector.locator('#projector [data-phase="lobby"]').waitFor({ timeout: 20_000 })
    await expect(projector.locator('.overall-leaders').textContent()).resolves.toContain('Round 2: the class so far')
    expect(await projector.locator('.overall-leaders .name').allTextContents()).toEqual(names)
    await expectAccessible(projector)
    await photograph(projector, 'live-lobby-round-2', { projector: true })

    // Ada and Cai answer both questions right; Bea, none.
    await teacher.getByRole('button', { name: 'Start the game' }).click()
    for (let i = 0; i < 2; i++) {
      await projector.locator(`[data-phase="open"][data-question="${i}"]`).waitFor()
      for (const phone of [phones[0], phones[2]]) {
        await phone.locator(`[data-phase="open"][data-question="${i}"] legend h2`).waitFor()
        await answerLive(phone)
        await phone.locator('form.live-answer').waitFor({ state: 'detached' })
      }
      await teacher.getByRole('button', { name: 'Show the answer now' }).click()
      await projector.locator(`[data-phase="reveal"][data-question="${i}"]`).waitFor()
      await teacher.getByRole('button', { name: i === 0 ? 'Next question' : 'Show the podium' }).click()
    }
    await projector.locator('[data-phase="ended"]').waitFor()
    // Over both rounds: Ada 5,000, Cai 3,000, Bea 2,000; this round Ada and Cai lead, Bea last.
    await expect(projector.locator('.overall-leaders h3').textContent()).resolves.toBe('Over both rounds')
    expect(await projector.locator('.overall-leaders .name').allTextContents()).toEqual(['Ada', 'Cai', 'Bea'])
    expect(await projector.locator('.overall-leaders .score').allTextContents()).toEqual(['5,000', '3,000', '2,000'])
    await expectAccessible(projector)
    await photograph(projector, 'live-final-round-2', { projector: true })

    await teacher.reload()
    expect(await namesIn(teacher, 'table.overall')).toEqual(['Ada', 'Cai', 'Bea'])
    await expectAccessible(teacher)
    await photograph(teacher, 'teacher-round-2')
    const download = teacher.waitForEvent('download')
    await teacher.getByRole('link', { name: 'Download results (CSV)' }).click()
    const csv = readFileSync(await (await download).path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(csv).toEqual([
      '"Rank","Nickname","Round 1 points","Round 2 points","Total points","Correct","Answered","Accuracy (% of answered)","Time (s)"',
      expect.stringMatching(/^"1","Ada","3000","2000","5000","5","5","100","\d+"$/),
      expect.stringMatching(/^"2","Cai","1000","2000","3000","3","5","60","\d+"$/),
      expect.stringMatching(/^"3","Bea","2000","0","2000","2","3","67","\d+"$/),
    ])

    // Round 3, self-paced: the game's screens go on to it, each phone to its own quiz, the projector to the ranking.
    await teacher.getByRole('link', { name: 'Play another round…' }).click()
    await teacher.getByRole('radio', { name: /^Self-paced/ }).check()
    await teacher.getByLabel('Number of questions').fill('3')
    await teacher.getByRole('button', { name: 'Open round 3' }).click()
    await teacher.getByRole('heading', { name: 'The class over all 3 rounds' }).waitFor()
    for (const [i, phone] of phones.entries()) {
      await phone.locator('legend h2').waitFor({ timeout: 20_000 })
      await expect(phone.locator('h1').textContent()).resolves.toContain(`playing as ${names[i]}`)
    }
    await projector.locator('table.overall').waitFor({ timeout: 20_000 })
    expect(await namesIn(projector, 'table.overall')).toEqual(['Ada', 'Cai', 'Bea'])
    await playSelfPaced(phones[1], 1)
    await expect.poll(() => namesIn(projector, 'table.overall'), { timeout: 10_000 }).toEqual(['Ada', 'Bea', 'Cai'])
    await expectAccessible(projector)
    await photograph(projector, 'board-round-3', { projector: true })
    await expectAccessible(phones[1])
    await photograph(phones[1], 'results-round-3')
  }, 180_000)
})
