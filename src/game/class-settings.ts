// What a teacher chooses when opening a class, read from the form at the route's edge by one
// schema, with the limits the form's own attributes show (one set of numbers). valibot, not the
// zod the bank files are checked with at build time: 2 KB in the Worker where zod/mini was 8.5.
import * as v from 'valibot'
import { NAMING, SCORING } from '../db/schema.ts'
import { findBank } from '../questions/registry.ts'
import { DEFAULT_QUIZ_SIZE } from './plan.ts'
import { hasUnprintable } from './text.ts'

export const CLASS_LIMITS = {
  name: { max: 80 },
  size: { min: 1, max: 30, default: DEFAULT_QUIZ_SIZE },
  seconds: { min: 5, max: 120, default: 20 },
} as const
export const MODES = ['self', 'live'] as const

/** The form as sent, each field as text (a list for the banks): what the form shows again after a mistake. */
export type ClassForm = {
  name: string
  banks: string[]
  size: string
  scoring: string
  naming: string
  mode: string
  seconds: string
  /** The waiting room's checkbox: 'on' when ticked, '' when not (a form leaves an unticked box out). */
  admit: string
}
export const CLASS_FORM_DEFAULTS: ClassForm = {
  name: '',
  banks: [],
  size: String(CLASS_LIMITS.size.default),
  scoring: 'speed',
  naming: 'chosen',
  mode: 'self',
  seconds: String(CLASS_LIMITS.seconds.default),
  admit: '',
}

/** A posted form's fields as text; a field sent twice (forged) counts once. Absent fields take their defaults. */
export function classForm(posted: Record<string, unknown>): ClassForm {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined)
  const one = (name: Exclude<keyof ClassForm, 'banks'>) => text([posted[name]].flat()[0]) ?? CLASS_FORM_DEFAULTS[name]
  const banks = [posted.banks ?? []].flat().filter((v): v is string => typeof v === 'string')
  return {
    name: one('name'),
    banks: [...new Set(banks)],
    size: one('size'),
    scoring: one('scoring'),
    naming: one('naming'),
    mode: one('mode'),
    seconds: one('seconds'),
    admit: one('admit'),
  }
}

const { name, size, seconds } = CLASS_LIMITS
const count = (min: number, max: number, message: string) =>
  v.pipe(
    v.string(),
    v.transform(Number),
    v.check((n) => Number.isInteger(n) && n >= min && n <= max, message),
  )
const nameMessage = `Give the class a name of up to ${name.max} characters.`
const banksMessage = 'Pick at least one question bank.'

const selfPaced = v.object({
  name: v.pipe(
    v.string(),
    v.transform((s) => s.replace(/\s+/g, ' ').trim()),
    v.minLength(1, nameMessage),
    v.maxLength(name.max, nameMessage),
    v.check((s) => !hasUnprintable(s), 'Use letters, numbers and ordinary punctuation in the name.'),
  ),
  banks: v.pipe(
    v.array(v.string()),
    v.minLength(1, banksMessage),
    v.check((ids) => ids.every(findBank), banksMessage),
  ),
  size: count(size.min, size.max, `Choose from ${size.min} to ${size.max} questions.`),
  scoring: v.picklist(SCORING),
  naming: v.picklist(NAMING),
  mode: v.picklist(MODES),
  admit: v.pipe(
    v.picklist(['on', '']),
    v.transform((box) => box === 'on'),
  ),
})
const live = v.object({
  ...selfPaced.entries,
  seconds: count(seconds.min, seconds.max, `Give each question from ${seconds.min} to ${seconds.max} seconds.`),
})

export type ClassSettings = v.InferOutput<typeof selfPaced> & { seconds?: number }
export type ClassFormErrors = Partial<Record<keyof ClassForm, string>>
/** Fields the form offers as radio buttons: a value outside them came from a forged form. */
const FIXED_CHOICES = ['scoring', 'naming', 'mode', 'admit'] as const

/**
 * The settings, or a message for each field to fix; `forged` when a fixed choice holds a value
 * the form never offers. A self-paced class ignores the live game's seconds.
 */
export function readClassSettings(
  form: ClassForm,
): { ok: true; settings: ClassSettings } | { ok: false; errors: ClassFormErrors; forged: boolean } {
  const read = v.safeParse(form.mode === 'live' ? live : selfPaced, form)
  if (read.success) return { ok: true, settings: read.output }
  const errors = Object.fromEntries(Object.entries(v.flatten(read.issues).nested ?? {}).map(([field, messages]) => [field, messages?.[0]]))
  return { ok: false, errors, forged: FIXED_CHOICES.some((field) => field in errors) }
}
