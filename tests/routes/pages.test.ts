// The home page's bank facts, the icon, and the new-class form's seconds field.
import { describe, expect, it } from 'vitest'
import assets from '../../src/generated/assets.json'
import { quizzes } from '../../src/questions/registry.ts'
import { FAVICON } from '../../src/views/favicon.ts'
import { browser } from './browser.ts'
import { classByCode } from './fixtures.ts'

/** The words a person reads in a piece of HTML. */
const words = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/ ,/g, ',')
    .trim()

/** The markup of one bank's card on the home page. */
const card = (page: string, id: string) => {
  const start = page.indexOf(`id="bank-${id}"`)
  return page.slice(start, page.indexOf('</li>', start))
}

describe('the home page', () => {
  it("shows each bank's spread of easy, medium and hard questions in words, and a bar of the same counts", async () => {
    const page = await (await browser().get('/')).text()
    const spreads = new Set<string>()
    for (const bank of quizzes) {
      const [easy, medium, hard] = [1, 2, 3].map((d) => bank.questions.filter((q) => q.difficulty === d).length)
      const html = card(page, bank.id)
      expect(words(html)).toContain(`${bank.questions.length} questions: ${easy} easy, ${medium} medium, ${hard} hard`)
      const bar = [...html.matchAll(/<rect class="(\w+)" x="(\d+)" width="(\d+)"/g)].map(([, level, x, width]) => [level, +x, +width])
      expect(bar).toEqual([
        ['easy', 0, easy],
        ['medium', easy, medium],
        ['hard', easy + medium, hard],
      ])
      spreads.add(`${easy}/${medium}/${hard}`)
    }
    // An average called every bank "Medium"; the spreads tell them apart.
    expect(spreads.size).toBeGreaterThan(1)
    expect(page).not.toMatch(/·\s*(Easy|Medium|Hard)\b/)
  })

  it('says what the game is and offers the three ways in: a quiz alone, a class code, a new class', async () => {
    const page = await (await browser().get('/')).text()
    expect(words(page)).toContain('A quiz on the 2018 and 2023 races to head the International Organization for Migration')
    expect(page).toContain('href="#quizzes"')
    expect(page).toMatch(/<form method="get" action="\/join"/)
    expect(page).toContain('href="/classes/new"')
  })
})

describe('the icon', () => {
  it('is linked from every page under its versioned name', async () => {
    const page = await (await browser().get('/')).text()
    expect(assets.favicon).toMatch(/^\/static\/favicon-[0-9a-f]{10}\.svg$/)
    expect(page).toContain(`<link rel="icon" href="${assets.favicon}" type="image/svg+xml"/>`)
    const missing = await (await browser().get('/no/such/page')).text()
    expect(missing).toContain(`<link rel="icon" href="${assets.favicon}"`)
  })

  it('answers /favicon.ico with the SVG, cached for a week, with no cookie', async () => {
    const res = await browser().get('/favicon.ico')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml')
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=604800')
    expect(res.headers.get('Set-Cookie')).toBeNull()
    expect(await res.text()).toBe(FAVICON)
    expect(FAVICON).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32">.*<\/svg>\n$/s)
  })
})

describe('the new-class form', () => {
  it('puts the seconds per question in the block only a live game shows', async () => {
    const page = await (await browser().get('/classes/new')).text()
    expect(page).toMatch(/<p class="field live-only">\s*<label for="seconds">/)
    expect(page).toMatch(/<input id="seconds" name="seconds" type="number" inputmode="numeric" min="5" max="120"/)
  })

  it('opens a self-paced class whatever its hidden seconds field holds, and refuses a live one with the same', async () => {
    const teacher = browser()
    const form = { name: 'Year 9', banks: 'race-2018', size: '3', scoring: 'speed', naming: 'chosen', seconds: '999' }
    const selfPaced = await teacher.post('/classes', { ...form, mode: 'self' })
    expect(selfPaced.status).toBe(303)
    const teacherPage = await (await teacher.get(selfPaced.headers.get('Location')!)).text()
    const code = teacherPage.match(/class="big-code">([A-Z0-9]{6})</)![1]
    expect((await classByCode(code))!.live).toBeNull()

    const live = await teacher.post('/classes', { ...form, mode: 'live' })
    expect(live.status).toBe(422)
    const page = await live.text()
    expect(page).toContain('Give each question from 5 to 120 seconds.')
    expect(page).toMatch(/<input id="seconds"[^>]*aria-invalid="true"/)
  })
})
