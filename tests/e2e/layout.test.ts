// Every screen fits where it is seen, with the longest nicknames a class allows: the projector at the
// four sizes rooms have (nothing to scroll, no text cut off or spilling over another part, in every
// phase of a live game asking the longest question of each type, and in a lobby of 200; a reveal's
// leaders with room for 20 characters of their names), phones and tablets (nothing scrolls
// sideways), and axe-core finds nothing in light or dark. The screens come from one walk through a
// self-paced class and two live games (tour.ts); each check collects what it finds, so a failure
// lists every screen and size at once, by how many pixels.
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, rulesNotCarried, useServerAndBrowser } from './server.ts'
import { liveTour, selfPacedTour, settle, SIZES, TYPES, type Stop } from './tour.ts'

type Size = { width: number; height: number }
const SMALL: Size[] = [SIZES.phone, SIZES.tablet]
/** Where axe-core looks at each kind of screen: at the size it is seen at. */
const NATURAL: Record<Stop['role'], Size> = {
  projector: SIZES.projectors[2],
  phone: SIZES.phone,
  teacher: SIZES.laptop,
  page: SIZES.laptop,
}

/**
 * How far the page scrolls each way; the first thing (in reading order) that falls below the fold,
 * and the innermost element reaching furthest right; every element that cuts off its own content,
 * and every part of a grid or a row (a flex box) whose content spills out of the room it was given,
 * over its neighbours. `within`: only that part of the page, and how far it reaches past the right edge.
 */
function measure(page: Page, within = 'body') {
  return page.evaluate((within) => {
    const name = (el: Element) => {
      const classes = [...el.classList].map((c) => `.${c}`).join('')
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes}${text ? ` "${text}"` : ''}`
    }
    const page = document.scrollingElement!
    let fold = ''
    let widest = { by: 0, el: '' }
    const clipped: string[] = []
    for (const el of document.querySelector(within)!.querySelectorAll('*')) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      const right = box.right + scrollX - page.clientWidth
      if (!fold && el.children.length === 0 && box.bottom + scrollY > page.clientHeight + 1) fold = name(el)
      if (right > 1 && right >= widest.by) widest = { by: Math.round(right), el: name(el) }
      if (!(el instanceof HTMLElement) || el.clientWidth <= 1 || el.clientHeight <= 1) continue // the visually hidden
      const style = getComputedStyle(el)
      // A name cut short with an ellipsis on purpose, the whole of it in a title to hover or read aloud.
      const whole = el.closest('[title]')?.getAttribute('title')
      if (style.textOverflow === 'ellipsis' && whole && whole.trim() === el.textContent?.trim()) continue
      const down = style.overflowY !== 'visible' ? el.scrollHeight - el.clientHeight : 0
      const across = style.overflowX !== 'visible' ? el.scrollWidth - el.clientWidth : 0
      if (down > 1 || across > 1)
        clipped.push(
          `${name(el)} cuts off ${[down > 1 && `${down} px of height`, across > 1 && `${across} px of width`].filter(Boolean).join(' and ')}`,
        )
      // A part of a grid or a row given less room than its content: its children run out of its box.
      const parent = el.parentElement && getComputedStyle(el.parentElement).display
      if (/grid|flex/.test(parent ?? '') && style.overflowY === 'visible' && el.children.length > 0) {
        const spills = Math.round(Math.max(...[...el.children].map((c) => c.getBoundingClientRect().bottom)) - box.bottom)
        if (spills > 1) clipped.push(`${name(el)} spills ${spills} px over what follows it`)
      }
    }
    const across = within === 'body' ? page.scrollWidth - page.clientWidth : widest.by
    return { down: page.scrollHeight - page.clientHeight, across, fold, widest, clipped }
  }, within)
}

/** The names (a `.name` with the whole of it in its title) with no room for their first `n` characters: what each shows. */
function namesShorterThan(page: Page, n: number) {
  return page.evaluate((n) => {
    const short: string[] = []
    for (const el of document.querySelectorAll<HTMLElement>('.name[title]')) {
      if (el.clientWidth === 0) continue
      const probe = document.createElement('span')
      probe.textContent = (el.getAttribute('title') ?? '').slice(0, n)
      probe.style.cssText = 'position: absolute; white-space: nowrap'
      el.append(probe)
      const room = el.clientWidth - probe.getBoundingClientRect().width
      probe.remove()
      if (room < 0) short.push(`"${el.textContent}" in ${el.clientWidth} px, ${Math.round(-room)} px short of ${n} characters`)
    }
    return short
  }, n)
}

async function resize(page: Page, size: Size) {
  await page.setViewportSize(size)
  await settle(page)
}

/**
 * axe-core on the page, or only on the part a stop is about. Rows past the tenth of a table are
 * left out: one component draws them all, and axe takes a minute over a class of 200. Only
 * violations are reported in full, which keeps it from building selectors for every node that passes.
 */
function axe(page: Page, focus?: string) {
  const builder = new AxeBuilder({ page }).exclude('tbody tr:nth-child(n+11)').options({ resultTypes: ['violations'] })
  return focus ? builder.include(focus) : builder
}

const at = (stop: Stop, size: Size) => `${stop.screen} at ${size.width}×${size.height}`

describe.runIf(browserAvailable())('the layout of every screen', () => {
  const server = useServerAndBrowser()
  const found = {
    projector: [] as string[],
    sideways: [] as string[],
    axe: [] as string[],
    styles: [] as string[],
    contract: [] as string[],
  }

  async function check(stop: Stop) {
    const { page, role } = stop
    // The projector: nothing to scroll, either way, and nothing cut off, at each size a room has.
    if (role === 'projector')
      for (const size of SIZES.projectors) {
        await resize(page, size)
        const m = await measure(page)
        if (m.down > 1) found.projector.push(`${at(stop, size)} scrolls ${m.down} px down (first below the fold: ${m.fold})`)
        if (m.across > 1) found.projector.push(`${at(stop, size)} scrolls ${m.across} px sideways (widest: ${m.widest.el})`)
        for (const clip of m.clipped.slice(0, 3)) found.projector.push(`${at(stop, size)}: ${clip}`)
        if (m.clipped.length > 3) found.projector.push(`${at(stop, size)}: and ${m.clipped.length - 3} more cut off`)
        // A reveal names the leaders: each with room for 20 characters of it, whatever it ends in.
        if (stop.phase === 'reveal')
          for (const short of await namesShorterThan(page, 20)) found.projector.push(`${at(stop, size)}: a name shows ${short}`)
      }
    if (stop.again) return // the same screen for another question: measured and checked once
    for (const rule of await rulesNotCarried(page)) found.styles.push(`${stop.screen}: ${rule}`)
    // Phones and tablets: any page may scroll down, none sideways. The live projector is not for them; a class's board may be.
    if (role !== 'projector' || stop.screen.startsWith('board'))
      for (const size of SMALL) {
        await resize(page, size)
        const m = await measure(page, stop.focus)
        if (m.across > 1) found.sideways.push(`${at(stop, size)} scrolls ${m.across} px sideways (widest: ${m.widest.el})`)
      }
    await resize(page, NATURAL[role])
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await settle(page)
      const { violations } = await axe(page, stop.focus).analyze()
      for (const v of violations)
        for (const n of v.nodes)
          found.axe.push(`${stop.screen} (${colorScheme}) ${v.id}: ${n.target.join(' ')}: ${n.any[0]?.message ?? v.help}`)
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }

  beforeAll(async () => {
    await selfPacedTour(server, { crowd: 20, leaderboard: 6, pick: 'longest', visit: check })
    await liveTour(server, { types: TYPES, pick: 'longest', crowd: 30, visit: check, notes: found.contract })
    // A hall's lobby: the projector's list of 200 names. (The teacher's table of 200 rows is one
    // component's rows, which the game of 30 tries; axe takes a minute over it.)
    const projectorOnly = (stop: Stop) => (stop.role === 'projector' ? check(stop) : Promise.resolve())
    await liveTour(server, {
      types: ['single'],
      pick: 'first',
      crowd: 200,
      visit: projectorOnly,
      until: 'lobby',
      suffix: '-200',
      notes: found.contract,
    })
  }, 900_000)

  it('fits the projector at 1280×720, 1366×768, 1920×1080 and 3840×2160 in every phase: nothing to scroll, no text cut off or spilling over, a reveal’s names 20 characters long', () => {
    expect(found.projector).toEqual([])
  })

  it('scrolls no page sideways on a 360×640 phone or a 768×1024 tablet, with 24-character nicknames everywhere', () => {
    expect(found.sideways).toEqual([])
  })

  it('has nothing axe-core finds on any screen, in light and dark', () => {
    expect(found.axe).toEqual([])
  })

  it('carries on every screen the stylesheet of each rule that matches it (each kind of page carries only its own)', () => {
    expect(found.styles).toEqual([])
  })

  it('reaches every phase of a live game through the teacher’s controls, standings included', () => {
    expect(found.contract).toEqual([])
  })
})
