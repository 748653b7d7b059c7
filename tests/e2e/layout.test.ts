// Every screen fits where it is seen, with the longest nicknames a class allows: the projector at the
// four sizes rooms have (nothing to scroll, no text cut off, in every phase of a live game of 200
// players), phones and tablets (nothing scrolls sideways), and axe-core finds nothing in light or
// dark. The screens come from one walk through a self-paced class and a live game (tour.ts); each
// check collects what it finds, so a failure lists every screen and size at once, by how many pixels.
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, useServerAndBrowser } from './server.ts'
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
 * and the innermost element reaching furthest right; every element that cuts off its own content.
 */
function measure(page: Page) {
  return page.evaluate(() => {
    const name = (el: Element) => {
      const classes = [...el.classList].map((c) => `.${c}`).join('')
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes}${text ? ` "${text}"` : ''}`
    }
    const page = document.scrollingElement!
    let fold = ''
    let widest = { by: 0, el: '' }
    const clipped: string[] = []
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      const right = box.right + scrollX - page.clientWidth
      if (!fold && el.children.length === 0 && box.bottom + scrollY > page.clientHeight + 1) fold = name(el)
      if (right > 1 && right >= widest.by) widest = { by: Math.round(right), el: name(el) }
      if (!(el instanceof HTMLElement) || el.clientWidth <= 1 || el.clientHeight <= 1) continue // the visually hidden
      const style = getComputedStyle(el)
      const down = style.overflowY !== 'visible' ? el.scrollHeight - el.clientHeight : 0
      const across = style.overflowX !== 'visible' ? el.scrollWidth - el.clientWidth : 0
      if (down > 1 || across > 1)
        clipped.push(
          `${name(el)} cuts off ${[down > 1 && `${down} px of height`, across > 1 && `${across} px of width`].filter(Boolean).join(' and ')}`,
        )
    }
    return { down: page.scrollHeight - page.clientHeight, across: page.scrollWidth - page.clientWidth, fold, widest, clipped }
  })
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
  const found = { projector: [] as string[], sideways: [] as string[], axe: [] as string[], contract: [] as string[] }

  async function check(stop: Stop) {
    const { page, role } = stop
    // The projector: nothing to scroll, either way, and nothing cut off, at each size a room has.
    if (role === 'projector')
      for (const size of SIZES.projectors) {
        await resize(page, size)
        const m = await measure(page)
        if (m.down > 1) found.projector.push(`${at(stop, size)} scrolls ${m.down} px down (first below the fold: ${m.fold})`)
        if (m.across > 1) found.projector.push(`${at(stop, size)} scrolls ${m.across} px sideways (widest: ${m.widest.el})`)
        for (const clip of m.clipped) found.projector.push(`${at(stop, size)}: ${clip}`)
      }
    // Phones and tablets: any page may scroll down, none sideways. The live projector is not for them; a class's board may be.
    if (role !== 'projector' || stop.screen.startsWith('board'))
      for (const size of SMALL) {
        await resize(page, size)
        const m = await measure(page)
        if (m.across > 1) found.sideways.push(`${at(stop, size)} scrolls ${m.across} px sideways (widest: ${m.widest.el})`)
      }
    if (stop.again) return
    await resize(page, NATURAL[role])
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await settle(page)
      const { violations } = await axe(page, stop.focus).analyze()
      for (const v of violations)
        found.axe.push(`${stop.screen} (${colorScheme}) ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }

  beforeAll(async () => {
    await selfPacedTour(server, { crowd: 20, leaderboard: 6, pick: 'longest', visit: check })
    await liveTour(server, { types: TYPES, pick: 'longest', crowd: 200, visit: check, notes: found.contract })
  }, 900_000)

  it('fits the projector at 1280×720, 1366×768, 1920×1080 and 3840×2160 in every phase: nothing to scroll, no text cut off', () => {
    expect(found.projector).toEqual([])
  })

  it('scrolls no page sideways on a 360×640 phone or a 768×1024 tablet, with 24-character nicknames everywhere', () => {
    expect(found.sideways).toEqual([])
  })

  it('has nothing axe-core finds on any screen, in light and dark', () => {
    expect(found.axe).toEqual([])
  })

  it('reaches every phase of a live game through the teacher’s controls, standings included', () => {
    expect(found.contract).toEqual([])
  })
})
