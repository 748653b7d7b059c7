// A live game of every type of question, in Chromium: a projector and three phones, one playing
// with the mouse, one by keyboard alone, one with JavaScript off, to the podium; axe-core on the
// screens of each type.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Question } from '../../src/questions/schema.ts'
import { askTypes, browserAvailable, choice, expectAccessible, expectText, questionsByPrompt, useServerAndBrowser } from './server.ts'

const byPrompt = questionsByPrompt()
const TYPES: Question['type'][] = ['single', 'multi', 'truefalse', 'order', 'typed', 'numeric']

/** The answer a phone gives, as form fields' values: right, for the question on its screen. */
function rightAnswer(q: Question, options: string[]): { choose: string[]; places?: Record<string, string>; text?: string } {
  switch (q.type) {
    case 'single':
      return { choose: [q.answer] }
    case 'multi':
      return { choose: q.answer }
    case 'truefalse':
      return { choose: [q.answer ? 'True' : 'False'] }
    case 'order':
      return { choose: [], places: Object.fromEntries(options.map((item) => [item, String(q.answer.indexOf(item) + 1)])) }
    case 'typed':
      return { choose: [], text: q.answer }
    case 'numeric':
      return { choose: [], text: String(q.answer) }
  }
}

async function onScreen(phone: Page) {
  const prompt = (await phone.locator('legend h2').textContent())!.trim()
  const q = byPrompt.get(prompt)!
  const options = await phone.locator('form.live-answer label[for^="place-"]').allTextContents()
  return { q, answer: rightAnswer(q, options) }
}

/** Answers with the mouse (or, with JavaScript off, plain form posts). */
async function answerByHand(phone: Page) {
  const { q, answer } = await onScreen(phone)
  if (q.type === 'single' || q.type === 'truefalse') return phone.getByRole('button', { name: answer.choose[0], exact: true }).click()
  for (const text of answer.choose) await choice(phone, text).check()
  for (const [item, place] of Object.entries(answer.places ?? {})) await phone.getByLabel(item, { exact: true }).selectOption(place)
  if (answer.text !== undefined)
    await phone.locator('form.live-answer input[name="text"], form.live-answer input[name="number"]').fill(answer.text)
  await phone.getByRole('button', { name: 'Lock in my answer' }).click()
}

/** Answers by keyboard alone: Tab from the question (where focus lands) through each control, acting on it, to the button. */
async function answerByKeyboard(phone: Page) {
  const { q, answer } = await onScreen(phone)
  for (let tabs = 0; tabs < 25; tabs++) {
    await phone.keyboard.press('Tab')
    const el = await phone.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | HTMLSelectElement | HTMLButtonElement | null
      const label = a?.id
        ? document.querySelector(`label[for="${a.id}"]`)?.textContent
        : a?.closest('label')?.querySelector('.option')?.textContent // the option's text, without its mark
      return {
        tag: a?.tagName,
        type: (a as HTMLInputElement)?.type,
        name: a?.getAttribute('name'),
        text: (a?.textContent ?? '').trim(),
        label: (label ?? '').trim(),
      }
    })
    if (el.tag === 'BUTTON' && (q.type === 'single' || q.type === 'truefalse')) {
      if (el.text.endsWith(answer.choose[0])) return phone.keyboard.press('Enter')
    } else if (el.tag === 'BUTTON' && el.text === 'Lock in my answer') return phone.keyboard.press('Enter')
    else if (el.type === 'checkbox' && answer.choose.includes(el.label)) await phone.keyboard.press('Space')
    else if (el.tag === 'SELECT') await phone.keyboard.type(answer.places![el.label])
    else if (el.name === 'text' || el.name === 'number') await phone.keyboard.type(answer.text!)
  }
  throw new Error(`could not answer a ${q.type} question by keyboard`)
}

describe.runIf(browserAvailable())('a live game of every type in the browser', () => {
  const server = useServerAndBrowser()
  const newPage = async (options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}) => {
    const page = await (await server.browser.newContext(options)).newPage()
    page.setDefaultTimeout(8_000)
    return page
  }

  it('asks one question of each type, by mouse, by keyboard and without JavaScript, to the podium', async () => {
    const teacher = await newPage()
    await teacher.goto(`${server.url}/classes/new`)
    await teacher.getByLabel('Class name').fill('Every type')
    await teacher.getByRole('checkbox', { name: /Timeline/ }).check()
    await teacher.getByLabel('Number of questions').fill('6')
    await teacher.getByRole('radio', { name: /^Live:/ }).check()
    await teacher.getByLabel('Seconds per question (live games)').fill('60')
    await teacher.getByRole('button', { name: 'Open the class' }).click()
    await teacher.getByRole('heading', { name: 'Live game' }).waitFor()
    await askTypes(server, teacher, TYPES)
    const code = (await teacher.locator('.big-code').first().textContent())!.trim()
    const projector = await newPage({ viewport: { width: 1280, height: 800 } })
    await projector.goto(
      new URL((await teacher.getByRole('link', { name: 'Open the projector', exact: true }).getAttribute('href'))!, server.url).href,
    )

    const phones: { page: Page; how: 'mouse' | 'keyboard' | 'no script' }[] = []
    for (const [name, how] of [
      ['Ada', 'mouse'],
      ['Cai', 'keyboard'],
      ['Dee', 'no script'],
    ] as const) {
      const page = await newPage({ viewport: { width: 390, height: 780 }, javaScriptEnabled: how !== 'no script' })
      await page.goto(`${server.url}/join/${code}`)
      await page.getByLabel('Your nickname').fill(name)
      await page.getByRole('button', { name: /^Join/ }).click()
      await page.getByRole('heading', { name: `You're in, ${name}!` }).waitFor()
      phones.push({ page, how })
    }
    await teacher.reload()
    await teacher.getByRole('button', { name: 'Start the game' }).click()

    for (const [i, type] of TYPES.entries()) {
      await projector.locator(`[data-phase="open"][data-question="${i}"][data-type="${type}"]`).waitFor()
      for (const { page, how } of phones) {
        if (how === 'no script') await page.getByRole('link', { name: 'Refresh' }).click()
        await page.locator(`[data-phase="open"][data-question="${i}"] legend h2`).waitFor()
      }
      await expectAccessible(phones[0].page)
      await expectAccessible(projector)
      for (const { page, how } of phones) {
        await (how === 'keyboard' ? answerByKeyboard(page) : answerByHand(page))
        await page.locator('form.live-answer').waitFor({ state: 'detached' })
      }
      // Everyone answered, and right: the reveal, with this type's chart.
      await projector.locator(`[data-phase="reveal"][data-question="${i}"]`).waitFor()
      const chart = projector.locator('#projector .live-chart, #projector .dots').first()
      await expect(chart.getAttribute('class')).resolves.toMatch(type === 'numeric' ? /dots/ : /live-chart/)
      // Every phone was right: all three on the key, as each type's chart says it.
      const allRight: Record<Question['type'], RegExp> = {
        single: /3 answers \(100%\)/,
        multi: /3 answers \(100%\)/,
        truefalse: /3 answers \(100%\)/,
        typed: /100% got it right/,
        order: /The right order, first to last: 100% had all of it/,
        numeric: /3 guesses, from (\d+) to \1/,
      }
      await expect(projector.locator('#projector').textContent()).resolves.toMatch(allRight[type])
      await expectAccessible(projector)
      for (const { page, how } of phones) {
        if (how === 'no script') await page.getByRole('link', { name: 'Refresh' }).click()
        await expectText(page.locator('[data-phase="reveal"] .verdict h2'), 'Correct')
      }
      await expectAccessible(phones[1].page)
      await teacher.getByRole('button', { name: i < TYPES.length - 1 ? 'Next question' : 'Show the podium' }).click()
    }
    await projector.getByRole('heading', { name: 'Final results' }).waitFor()
    await expectAccessible(projector)
    for (const { page, how } of phones) {
      if (how === 'no script') await page.getByRole('link', { name: 'Refresh' }).click()
      await page.getByRole('heading', { name: 'Game over' }).waitFor()
    }
  }, 120_000)
})
