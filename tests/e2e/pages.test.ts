// The pages around the game on a phone, a tablet and a laptop: the home page's first screen, no
// sideways scroll with 24-character nicknames, the new-class form without JavaScript, and no 404s.
import type { Browser, Page, Response } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserAvailable, expectAccessible, expectText, useServerAndBrowser } from './server.ts'

// Long names without a space, the hardest to fit: the most a nickname may be.
const NAMES = ['Wolfgangamadeusmozartiii', 'Maximilianfriedrichkarls', 'Anastasiakonstantinovnaa']
const PHONE = { width: 360, height: 640 }
const TABLET = { width: 768, height: 1024 }
const LAPTOP = { width: 1280, height: 720 }

/** A page in a fresh context that fails the test on any response of 400 or more it did not expect. */
async function newPage(browser: Browser, failures: string[], options: { javaScriptEnabled?: boolean } = {}) {
  const page = await (await browser.newContext(options)).newPage()
  page.setDefaultTimeout(5_000)
  page.on('response', (res: Response) => {
    if (res.status() >= 400) failures.push(`${res.status()} ${res.url()}`)
  })
  return page
}

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth)

describe.runIf(browserAvailable())('pages on a phone, a tablet and a laptop', () => {
  const server = useServerAndBrowser()

  it('shows what the game is and the three ways in on the first screen of a phone and a laptop', async () => {
    const failures: string[] = []
    const page = await newPage(server.browser, failures)
    for (const size of [PHONE, LAPTOP]) {
      await page.setViewportSize(size)
      await page.goto(server.url)
      const ways = [
        page.getByRole('heading', { level: 1 }),
        page.getByText('A quiz on the 2018 and 2023 races'),
        page.getByRole('link', { name: 'Pick a quiz' }),
        page.getByLabel('Joining a class? Enter its code'),
        page.getByRole('button', { name: 'Join', exact: true }),
        page.getByRole('link', { name: 'Open a class' }),
        page.getByText('Run a live game on the projector, or set homework.'),
      ]
      for (const way of ways) {
        const box = (await way.boundingBox())!
        expect(box.y + box.height, `${await way.textContent()} at ${size.width} × ${size.height}`).toBeLessThanOrEqual(size.height)
      }
    }
    await page.getByRole('link', { name: 'Pick a quiz' }).click()
    expect(page.url()).toMatch(/#quizzes$/)
    // The icon the page links loads, and no page asked for anything that is not there.
    const icon = await page.request.get(await page.locator('link[rel=icon]').evaluate((el: HTMLLinkElement) => el.href))
    expect([icon.status(), icon.headers()['content-type']]).toEqual([200, 'image/svg+xml'])
    expect(failures).toEqual([])
  })

  it('never scrolls sideways at 360 or 768 px with 24-character nicknames, keeps every name whole or in its title, and passes axe light and dark', async () => {
    const failures: string[] = []
    // Three browsers put long names on the 2018 race's leaderboard.
    server.d1(
      `insert into attempts (id, owner_hash, bank_id, plan, cursor, answered, score, correct, time_ms, started_at, shown_at, finished_at, nickname) values ${NAMES.map(
        (name, i) =>
          `('solo${i}', 'owner${i}', 'race-2018', '[]', 10, 10, ${12_000 - i * 700}, ${10 - i}, ${63_000 + i * 23_000}, 1, 1, 2, '${name}')`,
      ).join(', ')}`,
    )

    const teacher = await newPage(server.browser, failures)
    await teacher.goto(`${server.url}/classes/new`)
    await teacher.getByLabel('Class name').fill('Year 11 politics, Tuesday afternoon')
    await teacher.getByRole('checkbox', { name: /The 2018 race/ }).check()
    await teacher.getByLabel('Number of questions').fill('1')
    await teacher.getByRole('button', { name: 'Open the class' }).click()
    const code = (await teacher.locator('.big-code').first().textContent())!.trim()
    const board = (await teacher.getByRole('link', { name: 'Open the projector leaderboard' }).getAttribute('href'))!

    const students: Page[] = []
    for (const name of NAMES) {
      const student = await newPage(server.browser, failures)
      await student.goto(`${server.url}/join/${code}`)
      await student.getByLabel('Your nickname').fill(name)
      await student.getByRole('button', { name: 'Join and start' }).click()
      await expectText(student.locator('h1'), `playing as ${name}`)
      students.push(student)
    }
    const [student] = students
    const play = student.url()

    /** The page at `url` (or as it stands) at each size, and axe on the first size, light and dark (which changes no width). */
    async function check(page: Page, url: string | null, sizes = [PHONE, TABLET]) {
      for (const size of sizes) {
        await page.setViewportSize(size)
        if (url) await page.goto(url)
        expect(await sidewaysScroll(page), `${page.url()} at ${size.width} px`).toBeLessThanOrEqual(0)
        if (size !== sizes[0]) continue
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme })
          await expectAccessible(page)
        }
        await page.emulateMedia({ colorScheme: 'light' })
      }
    }

    await check(student, null) // a question
    await check(student, `${server.url}/`)
    await check(student, `${server.url}/join`)
    await check(student, `${server.url}/join/${code}`)
    await check(student, `${server.url}/classes/new`)
    await check(student, `${server.url}/leaderboard/race-2018`)
    for (const name of NAMES) await expect(student.locator('table.board').textContent()).resolves.toContain(name)

    await student.goto(play)
    await student.locator('.choices input, .field input, .ordering select').first().waitFor()
    if (await student.locator('.choices input').count()) await student.locator('.choices input').first().check()
    for (const [i, select] of (await student.locator('.ordering select').all()).entries()) await select.selectOption(String(i + 1))
    if (await student.locator('#text').count()) await student.locator('#text').fill('Antonioguterresvitorinopopeswing') // a long word in the verdict
    if (await student.locator('#number').count()) await student.locator('#number').fill('1')
    await student.getByRole('button', { name: 'Submit answer' }).click()
    await student.locator('.verdict h2').waitFor()
    await check(student, play) // the verdict
    await student.getByRole('link', { name: 'See your results' }).click()
    await student.locator('.summary').waitFor()
    await check(student, student.url())
    await expect(student.locator('h1').textContent()).resolves.toContain(NAMES[0])

    // The projector's board is made for a wall; a tablet and a phone must still fit it.
    await check(teacher, new URL(board, server.url).href, [TABLET, PHONE])
    for (const name of NAMES) await expect(teacher.locator(`#board .name[title="${name}"]`).textContent()).resolves.toBe(name)

    expect(failures).toEqual([])
  }, 300_000) // sixteen axe runs: a few seconds each on a busy machine

  it('shows the seconds per question only for a live class, with JavaScript off', async () => {
    const failures: string[] = []
    const page = await newPage(server.browser, failures, { javaScriptEnabled: false })
    await page.setViewportSize(PHONE)
    await page.goto(`${server.url}/classes/new`)
    const seconds = page.getByLabel('Seconds per question')
    await expect(seconds.isVisible()).resolves.toBe(false)
    await page.getByRole('radio', { name: /^Live:/ }).check()
    await expect(seconds.isVisible()).resolves.toBe(true)
    const [input, size] = await Promise.all([seconds.boundingBox(), page.getByLabel('Number of questions').boundingBox()])
    expect(input!.height).toBeGreaterThanOrEqual(44) // styled like every other field: a thumb can hit it
    expect(size!.width).toBe(input!.width)
    await page.getByRole('radio', { name: /^Self-paced:/ }).check()
    await expect(seconds.isVisible()).resolves.toBe(false)
    expect(failures).toEqual([])
  })
})
