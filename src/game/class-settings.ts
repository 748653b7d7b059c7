// What a teacher chooses when opening a class, read from the form at the route's edge by one
// schema, with the limits the form's own attributes show (one set of numbers). valibot, not the
// zod the bank files are checked with at build time: 2 KB in the Worker where zod/mini was 8.5.
import * as v from 'valibot'
import { NAMING, SCORING } from '../db/schema.ts'
import { findBank } from '../questions/registry.ts'
import { DEFAULT_QUIZ_SIZE } from './plan.ts'
import { readSet, SET_LIMIT } from './question-set.ts'
import { hasUnprintable } from './text.ts'

export const CLASS_LIMITS = {
  name: { max: 80 },
  size: { min: 1, max: SET_LIMIT, default: DEFAULT_QUIZ_SIZE },
  seconds: { min: 5, max: 120, default: 20 },
} as const
export const MODES = ['self', 'live'] as const

/**
 * The form as sent, each field as text (a list for the banks and the questions): what the form
 * shows again after a mistake. A class takes either banks and a number of questions to draw, or
 * `questions`, a set the teacher chose in the picker (src/routes/pick.tsx), in their order.
 */
export type ClassForm = {
  name: string
  banks: string[]
  questions: string[]
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
  questions: [],
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
  const one = (name: Exclude<keyof ClassForm, 'banks' | 'questions'>) => text([posted[name]].flat()[0]) ?? CLASS_FORM_DEFAULTS[name]
  const list = (name: 'banks' | 'questions') => [posted[name] ?? []].flat().filter((v): v is string => typeof v === 'string')
  return {
    name: one('name'),
    banks: [...new Set(list('banks'))],
    // As sent, repeats and all: the schema says what is wrong with a set rather than mending it unseen.
    questions: list('questions'),
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

const common = {
  name: v.pipe(
    v.string(),
    v.transform((s) => s.replace(/\s+/g, ' ').trim()),
    v.minLength(1, nameMessage),
    v.maxLength(name.max, nameMessage),
    v.check((s) => !hasUnprintable(s), 'Use letters, numbers and ordinary punctuation in the name.'),
  ),
  scoring: v.picklist(SCORING),
  naming: v.picklist(NAMING),
  mode: v.picklist(MODES),
  admit: v.pipe(
    v.picklist(['on', '']),
    v.transform((box) => box === 'on'),
  ),
}
/** The questions' fields, as a new class and another round take them: banks and a number to draw, or a chosen set. */
export const QUESTION_FIELDS = {
  drawn: {
    banks: v.pipe(
      v.array(v.string()),
      v.minLength(1, banksMessage),
      v.check((ids) => ids.every(findBank), banksMessage),
    ),
    size: count(size.min, size.max, `Choose from ${size.min} to ${size.max} questions.`),
  },
  /** A set the teacher chose, in their order: every id a question of ours, none twice, at most SET_LIMIT. */
  chosen: {
    questions: v.pipe(
      v.array(v.string()),
      v.rawCheck(({ dataset, addIssue }) => {
        const problems = dataset.typed ? readSet(dataset.value).problems : []
        if (problems.length) addIssue({ message: `${problems.join(' ')} Check the set, then open it.` })
      }),
    ),
  },
  clock: { seconds: count(seconds.min, seconds.max, `Give each question from ${seconds.min} to ${seconds.max} seconds.`) },
}
const drawn = v.object({ ...common, ...QUESTION_FIELDS.drawn })
const chosen = v.object({ ...common, ...QUESTION_FIELDS.chosen })
const { clock } = QUESTION_FIELDS
const SCHEMAS = {
  drawn: { self: drawn, live: v.object({ ...drawn.entries, ...clock }) },
  chosen: { self: chosen, live: v.object({ ...chosen.entries, ...clock }) },
}

export type ClassSettings = (v.InferOutput<typeof drawn> | v.InferOutput<typeof chosen>) & { seconds?: number }
export type ClassFormErrors = Partial<Record<keyof ClassForm, string>>
/** Fields the form offers as radio buttons: a value outside them came from a forged form. */
const FIXED_CHOICES = ['scoring', 'naming', 'mode', 'admit'] as const

/**
 * The settings, or a message for each field to fix; `forged` when a fixed choice holds a value
 * the form never offers. A self-paced class ignores the live game's seconds; a chosen set, the banks and size.
 */
export function readClassSettings(
  form: ClassForm,
): { ok: true; settings: ClassSettings } | { ok: false; errors: ClassFormErrors; forged: boolean } {
  const schemas = form.questions.length ? SCHEMAS.chosen : SCHEMAS.drawn
  const read = v.safeParse(form.mode === 'live' ? schemas.live : schemas.self, form)
  if (read.success) return { ok: true, settings: read.output }
  const errors = Object.fromEntries(Object.entries(v.flatten(read.issues).nested ?? {}).map(([field, messages]) => [field, messages?.[0]]))
  return { ok: false, errors, forged: FIXED_CHOICES.some((field) => field in errors) }
}
