// Homework with a deadline in real browsers against `wrangler dev`, the teacher and the students in
// different time zones. The homework flow runs with JavaScript off; a student with it on watches
// the countdown reach the deadline. The deadline passes during the test: the teacher sets one for
// tomorrow through the form, then moves it to a few seconds ahead by posting the same form with
// seconds (the field's picker offers whole minutes, and waiting for the next minute would make
// the test slow), and the test waits for the server's clock to pass it.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { localValue } from '../../src/game/deadline.ts'
import { browserAvailable, expectAccessible, expectText, useServerAndBrowser } from './server.ts'

const TEACHER_ZONE = 'Europe/London'
const HOUR = 60 * 60 * 1000

describe.runIf(browserAvailable())('homework with a deadline', () => {
  const server = useServerAndBrowser()

  const newPage = async ({ javaScript = false, zone = 'UTC' } = {}) => {
    const context = await server.browser.newContext({ javaScriptEnabled: javaScript, timezoneId: zone })
    const page = await context.newPage()
    page.setDefaultTimeout(5_000)
    return page
  }

  /** Any answer to the question on screen: this test is about when answers count, not which. */
  async function answerSomething(page: Page) {
    const places = page.locator('.ordering select')
    if ((await places.count()) > 0) for (let i = 0; i < (await places.count()); i++) await places.nth(i).selectOption(String(i + 1))
    else if ((await page.locator('input[type=radio]').count()) > 0) await page.locator('input[type=radio]').first().check()
    else if ((await page.locator('input[type=checkbox][name=choice]').count()) > 0)
      await page.locator('input[type=checkbox][name=choice]').first().check()
    else await page.locator('.question .field input').fill('1')
    return page.getByRole('button', { name: 'Submit answer' }).click()
  }

  async function join(code: string, name: string, page: Page) {
    await page.goto(`${server.url}/join/${code}`)
    await page.getByLabel('Your nickname').fill(name)
    await page.getByRole('button', { name: 'Join and start' }).click()
    await expectText(page.locator('h1'), `playing as ${name}`)
  }

  it('sets, shows, enforces, extends and closes a deadline, with JavaScript off', async () => {
    // The teacher, in London, opens a self-paced class and sets the homework for tomorrow at 17:00 London time.
    const teacher = await newPage({ zone: TEACHER_ZONE })
    await teacher.goto(`${server.url}/classes/new`)
    await teacher.getByLabel('Class name').fill('Year 11 homework')
    await teacher.getByRole('checkbox', { name: /The 2018 race/ }).check()
    await teacher.getByLabel('Number of questions').fill('3')
    await teacher.getByRole('button', { name: 'Open the class' }).click()
    const base = new URL(teacher.url()).pathname
    const code = (await teacher.locator('.big-code').textContent())!.trim()
    const tomorrow = localValue(Date.now() + 24 * HOUR, TEACHER_ZONE).slice(0, 10) + 'T17:00'
    // The form waits behind its summary in the column of controls. Without JavaScript the zone
    // field starts empty (the script would fill it in from the device).
    await teacher.locator('#deadline summary', { hasText: 'Set a deadline' }).click()
    await expect(teacher.getByLabel('Your time zone').inputValue()).resolves.toBe('')
    await teacher.getByLabel('Date and time').fill(tomorrow)
    await teacher.getByLabel('Your time zone').fill(TEACHER_ZONE)
    await teacher.getByRole('button', { name: 'Set the deadline' }).click()
    expect(teacher.url()).toMatch(/#deadline$/)
    const panel = teacher.locator('#deadline')
    await expect(panel.textContent()).resolves.toMatch(
      /Due .* at 17:00, Europe\/London time\. (1 day, )?\d+ hours?(, \d+ minutes?)? left\./,
    )

    // A mistake comes back as the form with its message (and a 422, which the page test below checks with axe).
    await teacher.locator('#deadline summary', { hasText: 'Change or extend the deadline' }).click()
    await teacher.getByLabel('Your time zone').fill('Atlantis/Capital')
    await teacher.getByRole('button', { name: 'Set the deadline' }).click()
    await expectText(teacher.locator('#zone-error'), 'We do not know the time zone "Atlantis/Capital"')
    await teacher.getByRole('link', { name: 'Back to the class' }).click()

    // Students join and start before the deadline, and see it (in the teacher's zone, without JavaScript).
    const ada = await newPage({ zone: 'Asia/Tokyo' })
    await join(code, 'Ada', ada)
    await expect(ada.locator('.deadline').textContent()).resolves.toContain('Homework due')
    await answerSomething(ada)
    await ada.locator('.verdict h2').waitFor()
    await ada.getByRole('button', { name: 'Next question' }).click()
    await ada.locator('legend h2').waitFor()

    // The teacher brings the deadline forward to a few seconds from now.
    // Ten seconds: time for a second student to join before it, even on a busy machine.
    const closesAt = Math.ceil((Date.now() + 10_000) / 1000) * 1000
    const csrf = (await teacher.context().cookies()).find((c) => c.name === 'csrf')!.value
    const moved = await teacher.context().request.post(`${server.url}${base}/deadline`, {
      form: {
        _csrf: csrf,
        due: `${localValue(closesAt, TEACHER_ZONE)}:${new Date(closesAt).toISOString().slice(17, 19)}`,
        zone: TEACHER_ZONE,
      },
      headers: { Origin: server.url },
      maxRedirects: 0,
    })
    expect(moved.status(), await moved.text()).toBe(303)

    // A student with JavaScript on, in Tokyo, sees it in their own time and counts down to it.
    const bea = await newPage({ javaScript: true, zone: 'Asia/Tokyo' })
    await join(code, 'Bea', bea)
    await expect(bea.locator('.deadline time').textContent()).resolves.toMatch(/your time \(Asia\/Tokyo\)$/)
    await expect(bea.locator('.deadline [role=timer]').textContent()).resolves.toMatch(/^0 minutes, \d+ seconds? left$/)
    await expect.poll(() => bea.locator('.deadline [role=timer]').textContent(), { timeout: 20_000 }).toBe('The deadline has passed')
    await expect(bea.locator('[data-deadline-status]').textContent()).resolves.toBe('The deadline has passed: answers are no longer taken.')
    // The countdown is only a display: the server's clock decides (it may be a moment behind the page).
    await expect.poll(() => Date.now() >= closesAt + 500, { timeout: 5_000 }).toBe(true)

    // Ada's answer, sent after the deadline, is refused with a page that says why and where her results are.
    const refusal = ada.waitForResponse((r) => r.url().endsWith('/answer'))
    await answerSomething(ada)
    expect((await refusal).status()).toBe(409)
    await expect(ada.locator('h1').textContent()).resolves.toBe('Homework closed')
    await expectText(ada.locator('main'), 'You answered 1 of its 3 questions before it; that answer counts.')
    await ada.getByRole('link', { name: 'See your results' }).click()
    await expectText(ada.locator('.notice'), /The homework closed on .*, with 1 of its 3 questions answered\./)
    await expect(ada.locator('.summary').textContent()).resolves.toContain('#')

    // Nobody new joins a closed homework.
    const cai = await newPage()
    const closedJoin = await cai.goto(`${server.url}/join/${code}`)
    expect(closedJoin!.status()).toBe(403)
    await expect(cai.locator('main').textContent()).resolves.toContain('so nobody can join it now')

    // The teacher sees it closed, and reopens it until tomorrow.
    await teacher.goto(`${server.url}${base}`)
    await expect(panel.textContent()).resolves.toContain('Closed on')
    await panel.locator('summary', { hasText: 'Reopen with a new deadline' }).click()
    await teacher.getByLabel('Date and time').fill(tomorrow)
    await teacher.getByRole('button', { name: 'Set the deadline' }).click()
    await expectText(panel, 'Due')
    await ada.goto(`${server.url}/play/${new URL(ada.url()).pathname.split('/').pop()}`)
    await answerSomething(ada)
    await ada.locator('.verdict h2').waitFor()
    await ada.getByRole('button', { name: 'Next question' }).click()

    // And closes it early: Ada's next answer is refused at once.
    await teacher.getByRole('button', { name: 'Close the homework now' }).click()
    await expectText(panel, 'Closed on')
    const again = ada.waitForResponse((r) => r.url().endsWith('/answer'))
    await answerSomething(ada)
    expect((await again).status()).toBe(409)
    await expectText(ada.locator('main'), 'You answered 2 of its 3 questions before it; those answers count.')
    for (const page of [teacher, ada, bea, cai]) await page.context().close()
  })

  /** A self-paced class opened by a teacher with JavaScript on, with a deadline two days ahead. */
  async function homeworkWithDeadline(name: string) {
    const teacher = await newPage({ javaScript: true, zone: 'America/New_York' })
    await teacher.goto(`${server.url}/classes/new`)
    await teacher.getByLabel('Class name').fill(name)
    await teacher.getByRole('checkbox', { name: /The 2018 race/ }).check()
    await teacher.getByLabel('Number of questions').fill('2')
    await teacher.getByRole('button', { name: 'Open the class' }).click()
    const base = new URL(teacher.url()).pathname
    const code = (await teacher.locator('.big-code').textContent())!.trim()
    // With JavaScript, the zone is filled in from the device, once deadline.js has run.
    await expect.poll(() => teacher.getByLabel('Your time zone').inputValue()).toBe('America/New_York')
    const empty = await teacher.content()
    await teacher.locator('#deadline summary').click()
    await teacher.getByLabel('Date and time').fill(localValue(Date.now() + 48 * HOUR, 'America/New_York'))
    await teacher.getByRole('button', { name: 'Set the deadline' }).click()
    await expectText(teacher.locator('#deadline time').first(), 'your time (America/New York)')
    return { teacher, base, code, empty }
  }

  it("passes axe-core on the teacher's deadline panel, its form with mistakes, and closed homework", async () => {
    const { teacher, base, empty } = await homeworkWithDeadline('Axe homework, teacher')
    expect(empty).toContain('No deadline')
    await teacher.locator('#deadline summary').click()
    await expectAccessible(teacher)
    await teacher.getByLabel('Date and time').fill('2001-01-01T10:00')
    await teacher.getByRole('button', { name: 'Set the deadline' }).click()
    await expectText(teacher.locator('#due-error'), 'That time has passed')
    await expectAccessible(teacher)
    await teacher.goto(`${server.url}${base}`)
    await teacher.getByRole('button', { name: 'Close the homework now' }).click()
    await expectText(teacher.locator('#deadline'), 'Closed on')
    await expectAccessible(teacher)
    await teacher.context().close()
  })

  it("passes axe-core on the students' pages: joining, a question and the results, before and after the deadline", async () => {
    const { teacher, base, code } = await homeworkWithDeadline('Axe homework, students')
    const student = await newPage({ javaScript: true, zone: 'Australia/Sydney' })
    await student.goto(`${server.url}/join/${code}`)
    await expectAccessible(student)
    await join(code, 'Dee', student)
    await expect(student.locator('.deadline time').textContent()).resolves.toContain('your time (Australia/Sydney)')
    await expectAccessible(student)
    const attemptId = new URL(student.url()).pathname.split('/').pop()
    await teacher.goto(`${server.url}${base}`)
    await teacher.getByRole('button', { name: 'Close the homework now' }).click()
    await student.reload()
    await expect(student.locator('h1').textContent()).resolves.toBe('Homework closed')
    await expectAccessible(student)
    await student.goto(`${server.url}/results/${attemptId}`)
    await expectAccessible(student)
    const outsider = await newPage({ javaScript: true })
    await outsider.goto(`${server.url}/join/${code}`)
    await expect(outsider.locator('h1').textContent()).resolves.toBe('Homework closed')
    await expectAccessible(outsider)
    for (const page of [teacher, student, outsider]) await page.context().close()
  })
})
