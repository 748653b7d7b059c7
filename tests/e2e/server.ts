// Browser tests: Debian's chromium against a fresh `wrangler dev`, with axe-core.
import { AxeBuilder } from '@axe-core/playwright'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import type { PlanItem } from '../../src/db/schema.ts'
import type { Compiled } from '../../src/questions/compile.ts'
import type { Question } from '../../src/questions/schema.ts'
import { startServer, type LocalServer } from '../harness/wrangler-dev.ts'

const root = join(import.meta.dirname, '..', '..')

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']

/** Browser tests need Debian's chromium; under CI its absence is a failure, elsewhere a skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true
  const how = `no browser at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH)`
  if (process.env.CI === 'true') throw new Error(`browser tests cannot run: ${how}`)
  console.warn(`Skipping the browser tests: ${how}.`)
  return false
}

/** For a describe block: a fresh `wrangler dev` and a Chromium, started once and stopped after. */
export function useServerAndBrowser() {
  const ctx = {} as { url: string; browser: Browser; d1: LocalServer['d1'] }
  let server: LocalServer | undefined
  beforeAll(async () => {
    server = await startServer()
    ctx.url = server.url
    ctx.d1 = server.d1
    ctx.browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS })
  })
  afterAll(async () => {
    await ctx.browser?.close()
    server?.stop()
  })
  return ctx
}

/**
 * axe-core finds no violation on the page as it stands (it needs JavaScript on), once its entrance
 * animations have ended: a word fading in is briefly faint, which axe would read as low contrast.
 * (A countdown's long animation is not waited for.) The page must also match no rule of a sheet it lacks.
 */
export async function expectAccessible(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number(a.effect?.getComputedTiming().endTime ?? Infinity) < 5_000)
        .map((a) => a.finished.catch(() => null)),
    ),
  )
  await expectStyled(page)
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
}

/** The stylesheets as written, by name, and which of them each kind of page carries inline, joined (src/views/stylesheets.ts). */
const stylesheets = () => {
  const dir = join(root, 'src/views/styles')
  const sheets = Object.fromEntries(readdirSync(dir).map((file) => [basename(file, '.css'), readFileSync(join(dir, file), 'utf8')]))
  const built = JSON.parse(readFileSync(join(root, 'src/generated/assets.json'), 'utf8')) as {
    sheets: Record<string, string>
    styles: Record<string, { sheets: string[] }>
  }
  const looks = Object.values(built.styles).map(({ sheets }) => ({ sheets, css: sheets.map((name) => built.sheets[name]).join('') }))
  return { sheets, looks }
}

/**
 * No rule of a sheet the page does not carry matches anything on it as it stands: each kind of page
 * carries only the sheets it uses, and this is what would show one it forgot. States (hover, focus)
 * and pseudo-elements are set aside, so a rule counts if its element is on the page.
 */
export async function expectStyled(page: Page) {
  expect(await rulesNotCarried(page), `${page.url()} matches rules of sheets it does not carry`).toEqual([])
}

/** The rules of sheets the page does not carry that match something on it, each as "file.css: selector". */
export function rulesNotCarried(page: Page): Promise<string[]> {
  return page.evaluate(({ sheets, looks }) => {
    const carried = document.querySelector('head style')?.textContent
    const look = looks.find((l) => l.css === carried)
    if (!look) return ['the page carries none of the built stylesheets']
    const found: string[] = []
    const visit = (name: string, rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSStyleRule) {
          const selector = rule.selectorText.replace(
            /::?(before|after|marker|placeholder|selection|backdrop|hover|focus-visible|focus-within|focus|active|visited)\b/g,
            '',
          )
          try {
            if (selector.trim() && document.querySelector(selector)) found.push(`${name}.css: ${rule.selectorText}`)
          } catch {
            // A selector that only made sense with its state (":not(:focus)" without it): not on the page.
          }
        } else if (rule instanceof CSSMediaRule && rule.media.mediaText === 'print') {
          // The report's print sheet: how a page prints, not what it shows.
        } else if ('cssRules' in rule) visit(name, rule.cssRules as CSSRuleList)
      }
    }
    for (const [name, text] of Object.entries(sheets)) {
      if (look.sheets.includes(name)) continue
      const sheet = new CSSStyleSheet()
      sheet.replaceSync(text)
      visit(name, sheet.cssRules)
    }
    return found
  }, stylesheets())
}

/**
 * Waits until a locator's text holds `expected`. After a click or a response that htmx swaps in,
 * the element is already there with its old text: reading it once races the swap.
 */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = 10_000) {
  const text = expect.poll(() => locator.textContent(), { timeout })
  await (typeof expected === 'string' ? text.toContain(expected) : text.toMatch(expected))
}

/** A tick box or radio button by its accessible name (an option's mark is hidden from it, as from a screen reader). */
export const choice = (page: Page, name: string) =>
  page.getByRole('radio', { name, exact: true }).or(page.getByRole('checkbox', { name, exact: true }))

/** The banks as built into the Worker, to look up the question a page shows by its prompt. */
export const questionsByPrompt = (): Map<string, Question> => {
  const { banks } = JSON.parse(readFileSync(join(root, 'src/generated/banks.json'), 'utf8')) as Compiled
  return new Map(banks.flatMap((b) => b.questions.map((q) => [q.prompt, q] as const)))
}

/**
 * Makes the live class a teacher's page shows ask one question of each type given, in that order
 * (a test must know what each phone will show), then saves a setting as the teacher, which has the
 * game read its class again.
 */
export async function askTypes(server: { url: string; d1: LocalServer['d1'] }, teacher: Page, types: Question['type'][]) {
  const { banks } = JSON.parse(readFileSync(join(root, 'src/generated/banks.json'), 'utf8')) as Compiled
  const pool = banks.flatMap((b) => b.questions)
  await askQuestions(
    server,
    teacher,
    types.map((type, i) => pool.filter((x) => x.type === type)[i]),
  )
}

/** Makes the class a teacher's page shows ask `questions`, in that order, as `askTypes` does; returns the plan a live game follows. */
export async function askQuestions(
  server: { url: string; d1: LocalServer['d1'] },
  teacher: Page,
  questions: Question[],
): Promise<PlanItem[]> {
  const plan: PlanItem[] = questions.map((q) => {
    const n = q.type === 'single' || q.type === 'multi' ? q.choices.length : q.type === 'order' ? q.answer.length : 0
    // Options reversed: an ordering shown in its own order would answer itself.
    return n ? { q: q.id, order: Array.from({ length: n }, (_, k) => n - 1 - k) } : { q: q.id }
  })
  const base = new URL(teacher.url()).pathname
  const code = (await teacher.locator('.big-code').first().textContent())!.trim()
  const sql = (v: unknown) => `'${JSON.stringify(v).replace(/'/g, "''")}'`
  server.d1(
    `update classes set live = json_set(live, '$.plan', json(${sql(plan)})), question_ids = ${sql(plan.map((x) => x.q))} where code = '${code}'`,
  )
  const csrf = (await teacher.context().cookies()).find((c) => c.name === 'csrf')!.value
  await teacher
    .context()
    .request.post(`${server.url}${base}/open`, { form: { _csrf: csrf }, headers: { Origin: server.url }, maxRedirects: 0 })
  await teacher.reload()
  return plan
}
