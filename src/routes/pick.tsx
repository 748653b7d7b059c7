// The question picker: a teacher browses the banks and builds a class's set. Everything lives in
// the URL (filters, the set in order), so the page is one GET form that works without
// JavaScript: a button's change is applied and answered with a redirect to the new address, so
// a reload never repeats it; htmx gets the form back in place and the new address to show. It
// reads no D1 and stores nothing: the set reaches D1 only when the class is opened (classes.tsx).
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { DEFAULT_QUIZ_SIZE } from '../game/plan.ts'
import { applyChange, matching, PAGE_SIZE, readFilters, readSet, SET_LIMIT, type Change } from '../game/question-set.ts'
import { goTo, isPartial, reply } from '../http/respond.tsx'
import { PickerForm, PickerPage, type PickerProps } from '../views/classes/picker.tsx'
import { pickerUrl, roundFormOf } from '../views/classes/question-set.tsx'

const pick = new Hono<AppEnv>()

/** The buttons of the form that change the set, each naming its question (or `1`); a request presses at most one. */
const BUTTONS = ['add', 'remove', 'drop', 'up', 'down', 'random', 'clear', 'use'] as const

pick.get('/', (c) => {
  const query = c.req.queries()
  const first = (name: string) => query[name]?.[0]
  const { filters, problems } = readFilters({
    bank: first('bank'),
    tag: first('tag'),
    type: first('type'),
    level: first('level'),
    text: first('text'),
  })
  // Where the set goes: a new class, or another round of a class (its teacher's form; nothing else).
  const to = roundFormOf(first('to'))
  if (first('to') !== undefined && !to) problems.push('That is not a form a set can go to: it goes to a new class instead.')
  const read = readSet(query.set ?? [])
  problems.push(...read.problems)
  let set = read.questions
  const found = matching(filters)
  const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE))
  const count = first('n') ?? String(Math.max(1, Math.min(DEFAULT_QUIZ_SIZE, SET_LIMIT - set.length)))
  const pressed = BUTTONS.filter((name) => query[name] !== undefined)
  if (pressed.length > 1) problems.push('One change at a time, please: nothing was changed.')
  const button = pressed.length === 1 ? pressed[0] : undefined
  // The page of questions: the one a pager button or the address asks for; after a change to the
  // set, the one it was made on (`at`); after new filters, the first. Past the last, the last.
  const asked = Number(first('page') ?? (button ? first('at') : undefined) ?? 1)
  const page = Math.min(pages, Math.max(1, Math.floor(asked) || 1))
  let status: string | undefined
  let focus: string | undefined

  // A change to a set that arrived with something wrong is not made: the page shows what was wrong first.
  if (button && problems.length === 0) {
    const value = first(button) ?? ''
    if (button === 'use') {
      if (set.length === 0) problems.push('Add at least one question to the set first.')
      else return goTo(c, `${to ?? '/classes/new'}?${new URLSearchParams(set.map((q) => ['set', q.id]))}`)
    } else {
      const change: Change =
        button === 'random'
          ? { kind: 'random', count: first('n') ?? '' }
          : button === 'clear'
            ? { kind: 'clear' }
            : { kind: button === 'drop' ? 'remove' : button, id: value }
      const done = applyChange(set, change, found)
      if (!done.ok) problems.push(done.message)
      else {
        const before = set
        set = done.set
        status = describe(change, before, set)
        // The removed question's own button went with it: focus the next one in the list, or the list's heading.
        const next = set[before.findIndex((q) => q.id === value)]
        if (button === 'drop') focus = next ? `drop-${next.id}` : 'set-heading'
        const anchor = button === 'add' || button === 'remove' ? `#q-${value}` : '#set'
        if (!isPartial(c)) return c.redirect(pickerUrl({ set, filters, count: first('n'), page, to }) + anchor, 303)
        c.header('HX-Replace-Url', pickerUrl({ set, filters, count: first('n'), page, to }))
      }
    }
  } else if (!button && isPartial(c) && problems.length === 0) {
    if (first('page') !== undefined) {
      status = `Page ${page} of ${pages}.`
      focus = 'found'
    } else status = found.length === 1 ? '1 question matches.' : `${found.length} questions match.`
    c.header('HX-Replace-Url', pickerUrl({ set, filters, count: first('n'), page, to }))
  }

  const props: PickerProps = { filters, found, page, pages, set, count, to, problems, status, focus }
  return reply(c, {
    status: problems.length ? 422 : 200,
    fragment: () => <PickerForm {...props} />,
    page: () => <PickerPage {...props} />,
    title: 'Choose the questions',
  })
})

/** What a change did, in a sentence for the live region. */
function describe(change: Change, before: readonly { id: string; prompt: string }[], after: readonly { id: string; prompt: string }[]) {
  const size = `Your set holds ${after.length} ${after.length === 1 ? 'question' : 'questions'}.`
  const prompt = 'id' in change ? (after.find((q) => q.id === change.id) ?? before.find((q) => q.id === change.id))?.prompt : undefined
  switch (change.kind) {
    case 'add':
      return `Added: ${prompt} ${size}`
    case 'remove':
      return `Removed: ${prompt} ${size}`
    case 'up':
    case 'down':
      return `${prompt} is now number ${after.findIndex((q) => q.id === change.id) + 1}.`
    case 'random':
      return `Added ${after.length - before.length} at random. ${size}`
    case 'clear':
      return 'The set is empty.'
  }
}

export default pick
