// The question picker (/classes/pick) and opening a class with the set it builds: filters, search,
// picking by hand and at random, reordering, every bad input a friendly 422, and a class that
// holds exactly the chosen questions in the chosen order.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { PAGE_SIZE, SET_LIMIT, TAGS } from '../../src/game/question-set.ts'
import { banks, sourcesOf } from '../../src/questions/registry.ts'
import type { Question } from '../../src/questions/schema.ts'
import { formatKey } from '../../src/views/format.ts'
import { metered, newMeter } from '../bench/d1-meter.ts'
import { browser, ORIGIN } from './browser.ts'
import { classByCode, databaseState, join, openClass } from './fixtures.ts'

const all = banks.flatMap((b) => b.questions)
const teacher = browser()
const HTMX = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }

/** The picker at these query fields (a list repeats the field), as a page or, with `htmx`, the fragment. */
const pick = (fields: Record<string, string | string[]>, headers: HeadersInit = {}) => {
  const query = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) query.append(k, item)
  return teacher.get(`/classes/pick?${query}`, headers)
}
/** The ids of the question cards a page shows, in order. */
const cards = (html: string) => [...html.matchAll(/<li class="question-card[^"]*" id="q-([a-z0-9-]+)"/g)].map((m) => m[1])
/** Every card the picker finds for these fields, page by page, and how many pages it took. */
async function everyCard(fields: Record<string, string> = {}) {
  const first = await (await pick(fields)).text()
  const total = Number(first.match(/(\d+) questions? match/)?.[1] ?? 0)
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const found = cards(first)
  for (let page = 2; page <= pages; page++) found.push(...cards(await (await pick({ ...fields, page: String(page) })).text()))
  return { found, pages }
}
/** The set a page or address holds, in order. */
const setIn = (html: string) => [...html.matchAll(/<input type="hidden" name="set" value="([a-z0-9-]+)"/g)].map((m) => m[1])
const setOf = (location: string) => new URL(location, ORIGIN).searchParams.getAll('set')
const ids = (qs: Question[]) => qs.map((q) => q.id)
const escaped = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
/** One question's card in a page. */
const cardOf = (html: string, id: string) => {
  const start = html.indexOf(`id="q-${id}"`)
  return html.slice(start, html.indexOf('<li class="question-card', start))
}

describe('browsing', () => {
  it('shows every question with its answer, explanation and source, a page at a time, and reads no D1', async () => {
    const meter = newMeter()
    const res = await browser({ ...env, DB: metered(env.DB, meter) }).get('/classes/pick')
    expect(res.status).toBe(200)
    expect(cards(await res.text())).toEqual(ids(all.slice(0, PAGE_SIZE)))
    expect(meter.trips).toBe(0)
    const { found, pages } = await everyCard()
    expect(found).toEqual(ids(all))
    expect(pages).toBe(Math.ceil(all.length / PAGE_SIZE))
    for (const q of [all[0], all.find((q) => q.type === 'numeric')!, all.find((q) => q.type === 'order')!]) {
      const page = Math.floor(all.indexOf(q) / PAGE_SIZE) + 1
      const html = await (await pick({ page: String(page) })).text()
      const card = cardOf(html, q.id)
      expect(card).toContain(escaped(q.prompt))
      expect(card).toContain(escaped(q.explanation))
      expect(card).toContain(escaped(sourcesOf(q)[0].outlet))
      if (q.type === 'order') q.answer.forEach((item) => expect(card).toContain(escaped(item)))
      else if (q.type === 'single') expect(card).toMatch(new RegExp(`${escaped(q.answer)}<strong class="key-label"> ✓ right answer`))
      else expect(card).toContain(escaped(formatKey(q)))
    }
  })

  it('filters by bank, tag, kind and difficulty, together or alone', async () => {
    const bank = banks[1]
    expect((await everyCard({ bank: bank.id })).found).toEqual(ids(bank.questions))
    const tag = TAGS.find((t) => t.count > 3)!.tag
    expect((await everyCard({ tag })).found).toEqual(ids(all.filter((q) => q.tags.includes(tag))))
    expect((await everyCard({ type: 'numeric' })).found).toEqual(ids(all.filter((q) => q.type === 'numeric')))
    expect((await everyCard({ level: '3' })).found).toEqual(ids(all.filter((q) => q.difficulty === 3)))
    const both = all.filter((q) => q.difficulty === 1 && bank.questions.includes(q) && q.type === 'truefalse')
    expect((await everyCard({ bank: bank.id, level: '1', type: 'truefalse', tag: '' })).found).toEqual(ids(both))
  })

  it('searches prompts, options, keys and explanations, ignoring case and accents, needing every word', async () => {
    const vitorino = all.filter((q) => JSON.stringify(q).toLowerCase().includes('vitorino'))
    const { found } = await everyCard({ text: 'VITÓRINO' })
    expect(found.length).toBeGreaterThan(3)
    expect(found.length).toBeLessThanOrEqual(vitorino.length)
    const narrower = (await everyCard({ text: 'vitorino portugal' })).found
    expect(narrower.length).toBeGreaterThan(0)
    expect(narrower.length).toBeLessThan(found.length)
    expect(narrower.every((id) => found.includes(id))).toBe(true)
    const none = await (await pick({ text: 'zebra xylophone' })).text()
    expect(cards(none)).toEqual([])
    expect(none).toContain('No question matches these filters.')
  })

  it('answers filters the form never offers with a 422 that says so, and shows every question instead', async () => {
    for (const [field, value, message] of [
      ['bank', 'no-such-bank', 'That bank is not one of ours'],
      ['tag', 'no-such-tag', 'No question has that tag'],
      ['type', 'essay', 'not a kind of question we have'],
      ['level', '4', 'Difficulty is easy, medium or hard'],
      ['text', 'x'.repeat(101), 'Search for up to 100'],
    ]) {
      const res = await pick({ [field]: value })
      expect(res.status, field).toBe(422)
      const html = await res.text()
      expect(html).toContain(message)
      expect(cards(html)).toEqual(ids(all.slice(0, PAGE_SIZE)))
    }
  })
})

describe('pages of questions', () => {
  const pages = Math.ceil(all.length / PAGE_SIZE)

  it('numbers each page on from the last, says which questions it shows, and offers every page', async () => {
    const html = await (await pick({ page: '2' })).text()
    expect(cards(html)).toEqual(ids(all.slice(PAGE_SIZE, 2 * PAGE_SIZE)))
    expect(html).toContain(`${all.length} questions match: ${PAGE_SIZE + 1} to ${2 * PAGE_SIZE} shown.`)
    expect(html).toContain(`<ol class="question-list" start="${PAGE_SIZE + 1}"`)
    expect(html).toMatch(/<button type="submit" name="page" value="2" aria-current="page">/)
    for (let n = 1; n <= pages; n++) expect(html).toContain(`name="page" value="${n}"`)
    // An address past the end, or not a number, shows the last page or the first.
    expect(cards(await (await pick({ page: '99' })).text())).toEqual(ids(all.slice((pages - 1) * PAGE_SIZE)))
    expect(cards(await (await pick({ page: 'two' })).text())).toEqual(ids(all.slice(0, PAGE_SIZE)))
    // A filter that finds one page's worth offers no pages.
    expect(await (await pick({ tag: TAGS.find((t) => t.count <= PAGE_SIZE)!.tag })).text()).not.toContain('class="pager"')
  })

  it('keeps the page a question was added on, and starts new filters on their first', async () => {
    const q = all[2 * PAGE_SIZE + 1]
    const added = await pick({ at: '3', add: q.id })
    expect(added.status).toBe(303)
    expect(added.headers.get('Location')).toBe(`/classes/pick?page=3&set=${q.id}#q-${q.id}`)
    // Without JavaScript, "Show questions" sends page 1 with the filters; htmx sends the filters alone.
    expect(cards(await (await pick({ at: '3', page: '1', type: 'order' })).text())[0]).toBe(all.find((x) => x.type === 'order')!.id)
    const filtered = await pick({ at: '3', type: 'order' }, HTMX)
    expect(filtered.headers.get('HX-Replace-Url')).toBe('/classes/pick?type=order')
    expect(cards(await filtered.text())[0]).toBe(all.find((x) => x.type === 'order')!.id)
  })

  it('turns a page for htmx in place: the new address, the page said in the live region, focus on the count', async () => {
    const res = await pick({ at: '1', page: '2', set: all[0].id }, HTMX)
    expect(res.status).toBe(200)
    expect(res.headers.get('HX-Replace-Url')).toBe(`/classes/pick?page=2&set=${all[0].id}`)
    const html = await res.text()
    expect(html).toContain(`Page 2 of ${pages}.`)
    expect(html).toMatch(/<p class="found" id="found" tabindex="-1" autofocus/)
    expect(setIn(html)).toEqual([all[0].id])
  })
})

describe('building a set', () => {
  const [a, b, c] = all

  it('adds a question by hand: a redirect to the new address, back at its card, so a reload adds nothing', async () => {
    const res = await pick({ bank: banks[0].id, set: [a.id], add: b.id })
    expect(res.status).toBe(303)
    const location = res.headers.get('Location')!
    expect(location).toBe(`/classes/pick?bank=${banks[0].id}&set=${a.id}&set=${b.id}#q-${b.id}`)
    const html = await (await teacher.get(location)).text()
    expect(setIn(html)).toEqual([a.id, b.id])
    expect(html).toContain('✓ In your set, number 2')
    expect(html).toMatch(new RegExp(`id="pick-${b.id}" name="remove" value="${b.id}"`))
  })

  it('removes, moves up and down, and clears', async () => {
    const moves: [Record<string, string>, string[]][] = [
      [{ remove: b.id }, [a.id, c.id]],
      [{ drop: b.id }, [a.id, c.id]],
      [{ up: c.id }, [a.id, c.id, b.id]],
      [{ down: a.id }, [b.id, a.id, c.id]],
      [{ up: a.id }, [a.id, b.id, c.id]], // already first: stays
      [{ down: c.id }, [a.id, b.id, c.id]], // already last: stays
      [{ clear: '1' }, []],
    ]
    for (const [button, after] of moves) {
      const res = await pick({ set: [a.id, b.id, c.id], ...button })
      expect(res.status, JSON.stringify(button)).toBe(303)
      expect(setOf(res.headers.get('Location')!), JSON.stringify(button)).toEqual(after)
    }
  })

  it('adds N at random from what the filters find, none twice and none from elsewhere', async () => {
    const bank = banks[2]
    const res = await pick({ bank: bank.id, set: [a.id, bank.questions[0].id], n: '5', random: '1' })
    expect(res.status).toBe(303)
    const set = setOf(res.headers.get('Location')!)
    expect(set.slice(0, 2)).toEqual([a.id, bank.questions[0].id])
    expect(set).toHaveLength(7)
    expect(new Set(set).size).toBe(7)
    expect(set.slice(2).every((id) => bank.questions.some((q) => q.id === id))).toBe(true)
    // Everything the filters find, exactly.
    const numeric = all.filter((q) => q.type === 'numeric' && q.difficulty === 1)
    const every = await pick({ type: 'numeric', level: '1', n: String(numeric.length), random: '1' })
    expect(new Set(setOf(every.headers.get('Location')!))).toEqual(new Set(ids(numeric)))
  })

  it('returns the form in place for htmx, with the new address and a sentence for the live region', async () => {
    const res = await pick({ set: [a.id], add: b.id }, HTMX)
    expect(res.status).toBe(200)
    expect(res.headers.get('HX-Replace-Url')).toBe(`/classes/pick?set=${a.id}&set=${b.id}`)
    const html = await res.text()
    expect(html).toMatch(/^<form id="picker"/)
    expect(setIn(html)).toEqual([a.id, b.id])
    expect(html).toContain(`Added: ${escaped(b.prompt)} Your set holds 2 questions.`)
    const dropped = await (await pick({ set: [a.id, b.id, c.id], drop: b.id }, HTMX)).text()
    expect(dropped).toMatch(new RegExp(`id="drop-${c.id}"[^>]* autofocus`)) // focus moves to the next one's button
    const filtered = await pick({ set: [a.id], type: 'order' }, HTMX)
    expect(filtered.headers.get('HX-Replace-Url')).toBe(`/classes/pick?type=order&set=${a.id}`)
    expect(await filtered.text()).toContain(`${all.filter((q) => q.type === 'order').length} questions match.`)
  })

  it('opens the new-class form with the set, in its order, after "Use these questions"', async () => {
    const res = await pick({ set: [c.id, a.id], use: '1', type: 'single' })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`/classes/new?set=${c.id}&set=${a.id}`)
    expect((await pick({ set: [c.id], use: '1' }, HTMX)).headers.get('HX-Redirect')).toBe(`/classes/new?set=${c.id}`)
    const form = await (await teacher.get(res.headers.get('Location')!)).text()
    expect([...form.matchAll(/name="questions" value="([a-z0-9-]+)"/g)].map((m) => m[1])).toEqual([c.id, a.id])
    expect(form).toContain('Questions: your set of 2')
    expect(form).toContain(`href="/classes/pick?set=${c.id}&amp;set=${a.id}"`)
  })
})

describe('bad input to the picker', () => {
  const [a, b] = all
  const full = all.slice(0, SET_LIMIT)

  it.each([
    ['an unknown question to add', { set: [a.id], add: 'no-such-question' }, 'not in our banks', [a.id]],
    ['a question already in the set', { set: [a.id], add: a.id }, 'in your set already', [a.id]],
    ['a question added to a full set', { set: ids(full), add: all[SET_LIMIT].id }, `already holds ${SET_LIMIT} questions`, ids(full)],
    ['a question to remove that is not in the set', { set: [a.id], remove: b.id }, 'not in your set', [a.id]],
    ['a question to move that is not in the set', { set: [a.id], up: b.id }, 'not in your set', [a.id]],
    ['no number to add at random', { set: [a.id], n: 'ten', random: '1' }, 'Ask for from 1 to 30', [a.id]],
    ['zero at random', { n: '0', random: '1' }, 'Ask for from 1 to 30', []],
    [
      'more at random than the set has room for',
      { set: ids(all.slice(0, 25)), n: '6', random: '1' },
      'room for 5 more',
      ids(all.slice(0, 25)),
    ],
    ['more at random than the filters find', { type: 'numeric', level: '1', n: '30', random: '1' }, 'not in your set yet: ask for', []],
    [
      'at random when the filters find only what the set holds',
      { bank: banks[5].id, set: ids(banks[5].questions), n: '1', random: '1' },
      'Widen the filters',
      ids(banks[5].questions),
    ],
    ['an empty set to use', { use: '1' }, 'Add at least one question', []],
    ['two buttons at once', { set: [a.id], add: b.id, clear: '1' }, 'One change at a time', [a.id]],
    ['an unknown question in the set', { set: [a.id, 'withdrawn-one', b.id] }, 'One question is not in our banks', [a.id, b.id]],
    ['a question twice in the set', { set: [a.id, b.id, a.id], add: all[2].id }, 'listed more than once', [a.id, b.id]],
    ['a set over the limit', { set: ids(all.slice(0, SET_LIMIT + 3)) }, `cut to the first ${SET_LIMIT}`, ids(full)],
  ])('answers %s with a 422, the reason, and the set as it can stand', async (_, fields, message, set) => {
    for (const headers of [{}, HTMX]) {
      const res = await pick(fields, headers)
      expect(res.status).toBe(422)
      const html = await res.text()
      expect(html).toContain(message)
      expect(setIn(html)).toEqual(set)
    }
  })
})

describe('opening a class with the chosen set', () => {
  const set = [all[40], all[3], all[100], all[77], all[12]]
  const form = (fields: Record<string, string | string[]>) => ({ name: 'Chosen', scoring: 'speed', naming: 'chosen', ...fields })

  it('keeps exactly the set in its order for a live game, and its banks', async () => {
    const { code } = await openClass(form({ questions: ids(set), mode: 'live', seconds: '20', banks: 'timeline', size: '3' }))
    const row = (await classByCode(code))!
    expect(JSON.parse(row.question_ids as string)).toEqual(ids(set))
    expect(JSON.parse(row.live as string).plan.map((item: { q: string }) => item.q)).toEqual(ids(set))
    const expected = banks.filter((b) => set.some((q) => b.questions.includes(q))).map((b) => b.id)
    expect(JSON.parse(row.bank_ids as string)).toEqual(expected)
    const { attemptId } = await join(code, 'Lin')
    const seat = await env.DB.prepare('select plan from attempts where id = ?').bind(attemptId).first<{ plan: string }>()
    expect(JSON.parse(seat!.plan).map((item: { q: string }) => item.q)).toEqual(ids(set))
  })

  it('gives a self-paced student exactly the set, each in an order of their own', async () => {
    const { code } = await openClass(form({ questions: ids(set) }))
    const row = (await classByCode(code))!
    expect(JSON.parse(row.question_ids as string)).toEqual(ids(set))
    expect(row.live).toBeNull()
    const { attemptId } = await join(code, 'Sam')
    const seat = await env.DB.prepare('select plan from attempts where id = ?').bind(attemptId).first<{ plan: string }>()
    const plan = JSON.parse(seat!.plan).map((item: { q: string }) => item.q)
    expect([...plan].sort()).toEqual(ids(set).sort())
  })

  it.each([
    ['an unknown question', [set[0].id, 'no-such-question'], 'One question is not in our banks', [set[0].id]],
    ['a question twice', [set[0].id, set[1].id, set[0].id], 'listed more than once', [set[0].id, set[1].id]],
    ['too many questions', ids(all.slice(0, SET_LIMIT + 1)), `at most ${SET_LIMIT} questions`, ids(all.slice(0, SET_LIMIT))],
  ])('refuses %s with a 422, opens nothing, and shows the set as it can stand', async (_, questions, message, kept) => {
    const before = await databaseState()
    const res = await browser().post('/classes', form({ questions }))
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain(message)
    expect([...html.matchAll(/name="questions" value="([a-z0-9-]+)"/g)].map((m) => m[1])).toEqual(kept)
    expect(await databaseState()).toBe(before)
  })

  it('answers a new-class address with a broken or empty set with a 422', async () => {
    for (const [query, message] of [
      ['set=no-such-question', 'Choose at least one question.'],
      [`set=${set[0].id}&set=${set[0].id}`, 'listed more than once'],
      ['set=', 'not in our banks'],
    ]) {
      const res = await teacher.get(`/classes/new?${query}`)
      expect(res.status, query).toBe(422)
      expect(await res.text(), query).toContain(message)
    }
  })

  it('says nothing of any class: the picker reads no class, and no student page or projector links to it', async () => {
    const before = await (await browser().get('/classes/pick')).text()
    const { code } = await openClass(form({ questions: ids(set) }))
    expect(await (await browser().get('/classes/pick')).text()).toBe(before)
    const { student, attemptId } = await join(code, 'Kit')
    const board = `/board/${(await classByCode(code))!.board_id}`
    for (const path of [`/join/${code}`, `/play/${attemptId}`, `/results/${attemptId}`, board])
      expect(await (await student.get(path)).text(), path).not.toContain('/classes/pick')
  })
})
