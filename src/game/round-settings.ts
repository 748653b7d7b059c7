// What a teacher chooses for another round with the same class: the questions (banks and a
// number, or a set chosen in the picker, as on the new-class form and within its limits) and how
// it plays. The form carries the round it opens, as a live game's controls carry their state:
// sent twice, it opens one round.
import * as v from 'valibot'
import type { Class, PlanItem } from '../db/schema.ts'
import { MIXED_ID } from '../questions/reserved.ts'
import { CLASS_LIMITS, MODES, QUESTION_FIELDS } from './class-settings.ts'
import { planFor, type QuestionChoice } from './class-plan.ts'

export type RoundForm = { round: string; banks: string[]; size: string; mode: string; seconds: string; questions: string[] }
export type RoundFormErrors = Partial<Record<keyof RoundForm, string>>

/** The form for the round after the class's, as the class last played: the same banks, number and mode. */
export const nextRoundForm = (klass: Class): RoundForm => ({
  round: String(klass.round + 1),
  banks: klass.bankIds,
  size: String(klass.questionIds.length),
  mode: klass.live ? 'live' : 'self',
  seconds: String(klass.live?.seconds ?? CLASS_LIMITS.seconds.default),
  questions: [],
})

/** A posted form's fields as text; a field sent twice (forged) counts once. */
export function roundForm(posted: Record<string, unknown>): RoundForm {
  const one = (name: Exclude<keyof RoundForm, 'banks' | 'questions'>) => {
    const value = [posted[name]].flat()[0]
    return typeof value === 'string' ? value : ''
  }
  const list = (name: 'banks' | 'questions') => [posted[name] ?? []].flat().filter((b): b is string => typeof b === 'string')
  const banks = [...new Set(list('banks'))]
  return { round: one('round'), banks, size: one('size'), mode: one('mode'), seconds: one('seconds'), questions: list('questions') }
}

const common = {
  round: v.pipe(
    v.string(),
    v.transform(Number),
    v.check((n) => Number.isInteger(n) && n >= 2, 'This form does not say which round it opens.'),
  ),
  mode: v.picklist(MODES),
}
const drawn = v.object({ ...common, ...QUESTION_FIELDS.drawn })
const chosen = v.object({ ...common, ...QUESTION_FIELDS.chosen })
const SCHEMAS = {
  drawn: { self: drawn, live: v.object({ ...drawn.entries, ...QUESTION_FIELDS.clock }) },
  chosen: { self: chosen, live: v.object({ ...chosen.entries, ...QUESTION_FIELDS.clock }) },
}

export type RoundSettings = (v.InferOutput<typeof drawn> | v.InferOutput<typeof chosen>) & { seconds?: number }

/** The settings, or a message for each field to fix; `forged` when the round or the mode holds what the form never sends. */
export function readRoundSettings(
  form: RoundForm,
): { ok: true; settings: RoundSettings } | { ok: false; errors: RoundFormErrors; forged: boolean } {
  const schemas = form.questions.length ? SCHEMAS.chosen : SCHEMAS.drawn
  const read = v.safeParse(form.mode === 'live' ? schemas.live : schemas.self, form)
  if (read.success) return { ok: true, settings: read.output }
  const errors = Object.fromEntries(Object.entries(v.flatten(read.issues).nested ?? {}).map(([field, messages]) => [field, messages?.[0]]))
  return { ok: false, errors, forged: 'round' in errors || 'mode' in errors }
}

/** The round's questions, chosen or drawn as a new class's are (game/class-plan.ts), and the bank id its attempts carry. */
export function drawRound(settings: QuestionChoice): { plan: PlanItem[]; bankIds: string[]; bankId: string } {
  const { plan, bankIds } = planFor(settings)
  return { plan, bankIds, bankId: bankIds.length === 1 ? bankIds[0] : MIXED_ID }
}
