// Reads a submitted answer form into the bank's own terms. Options arrive as their
// position on the player's screen, never as text, so a page holds no hint of the key.
import type { AnswerValue } from '../db/schema.ts'
import type { Question } from '../questions/schema.ts'
import { optionsOf } from './plan.ts'

export type FormValues = Record<string, string | File | (string | File)[]>
export type Reading = { ok: true; value: AnswerValue } | { ok: false; status: 400 | 422; message: string }

export const MAX_TYPED_LENGTH = 200
const missing = (message: string): Reading => ({ ok: false, status: 422, message })
const foreign = (message = 'That answer is not one of the options on your screen.'): Reading => ({
  ok: false,
  status: 400,
  message,
})

function strings(form: FormValues, name: string): string[] | undefined {
  const raw = form[name]
  if (raw === undefined) return []
  const list = Array.isArray(raw) ? raw : [raw]
  return list.every((v) => typeof v === 'string') ? (list as string[]) : undefined
}

/** A whole number in [0, n), or undefined. */
function index(raw: string, n: number): number | undefined {
  if (!/^\d{1,2}$/.test(raw)) return undefined
  const i = Number(raw)
  return i < n ? i : undefined
}

export function readAnswer(q: Question, order: number[] | undefined, form: FormValues): Reading {
  const shown = (order ?? []).map((i) => optionsOf(q)[i])
  switch (q.type) {
    case 'single':
    case 'multi': {
      const picked = strings(form, 'choice')
      if (!picked) return foreign()
      if (picked.length === 0) return missing(q.type === 'single' ? 'Choose an answer first.' : 'Tick at least one answer.')
      if (q.type === 'single' && picked.length > 1) return foreign('Choose only one answer.')
      const indexes = picked.map((p) => index(p, shown.length))
      if (indexes.some((i) => i === undefined) || new Set(indexes).size !== indexes.length) return foreign()
      const texts = indexes.map((i) => shown[i!])
      return { ok: true, value: q.type === 'single' ? texts[0] : texts }
    }
    case 'truefalse': {
      const picked = strings(form, 'choice')
      if (!picked) return foreign()
      if (picked.length === 0) return missing('Choose true or false first.')
      if (picked.length > 1 || !['true', 'false'].includes(picked[0])) return foreign()
      return { ok: true, value: picked[0] === 'true' }
    }
    case 'order': {
      // A place for an item that is not on the screen is a forged form.
      const places = shown.map((_, i) => `place-${i}`)
      if (Object.keys(form).some((name) => name.startsWith('place-') && !places.includes(name))) return foreign()
      const given: number[] = []
      for (let i = 0; i < shown.length; i++) {
        const raw = strings(form, places[i])
        if (!raw || raw.length > 1) return foreign()
        if (raw.length === 0 || raw[0] === '') return missing('Give every item a place.')
        const place = /^\d{1,2}$/.test(raw[0]) ? Number(raw[0]) - 1 : -1
        if (place < 0 || place >= shown.length) return foreign(`Places go from 1 to ${shown.length}.`)
        given.push(place)
      }
      if (new Set(given).size !== given.length) return missing('Give each item a different place.')
      const ordered: string[] = []
      given.forEach((place, i) => (ordered[place] = shown[i]))
      return { ok: true, value: ordered }
    }
    case 'typed': {
      const [text, ...rest] = strings(form, 'text') ?? []
      if (text === undefined || rest.length) return text === undefined ? missing('Type your answer first.') : foreign()
      const trimmed = text.trim()
      if (!trimmed) return missing('Type your answer first.')
      if (trimmed.length > MAX_TYPED_LENGTH) return missing(`Keep your answer under ${MAX_TYPED_LENGTH} characters.`)
      return { ok: true, value: trimmed }
    }
    case 'numeric': {
      const [raw, ...rest] = strings(form, 'number') ?? []
      if (rest.length) return foreign()
      const cleaned = (raw ?? '').replace(/[\s,_]/g, '')
      if (!cleaned) return missing('Enter a number first.')
      const value = Number(cleaned)
      if (!/^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(cleaned) || !Number.isFinite(value)) return missing('Enter a number, such as 2018.')
      return { ok: true, value }
    }
  }
}
