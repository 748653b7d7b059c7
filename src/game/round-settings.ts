// What a teacher chooses for another round with the same class: the questions (banks and a
// number, as on the new-class form, within its limits) and how it plays. The form carries the
// round it opens, as a live game's controls carry their state: sent twice, it opens one round.
import * as v from 'valibot'
import type { Class, PlanItem } from '../db/schema.ts'
import { MIXED_ID } from '../questions/reserved.ts'
import { findBank } from '../questions/registry.ts'
import { CLASS_LIMITS, MODES } from './class-settings.ts'
import { planFor } from './class-plan.ts'

export type RoundForm = { round: string; banks: string[]; size: string; mode: string; seconds: string }
export type RoundFormErrors = Partial<Record<keyof RoundForm, string>>

/** The form for the round after the class's, as the class last played: the same banks, number and mode. */
export const nextRoundForm = (klass: Class): RoundForm => ({
  round: String(klass.round + 1),
  banks: klass.bankIds,
  size: String(klass.questionIds.length),
  mode: klass.live ? 'live' : 'self',
  seconds: String(klass.live?.seconds ?? CLASS_LIMITS.seconds.default),
})

/** A posted form's fields as text; a field sent twice (forged) counts once. */
export function roundForm(posted: Record<string, unknown>): RoundForm {
  const one = (name: Exclude<keyof RoundForm, 'banks'>) => {
    const value = [posted[name]].flat()[0]
    return typeof value === 'string' ? value : ''
  }
  const banks = [posted.banks ?? []].flat().filter((b): b is string => typeof b === 'string')
  return { round: one('round'), banks: [...new Set(banks)], size: one('size'), mode: one('mode'), seconds: one('seconds') }
}

const { size, seconds } = CLASS_LIMITS
const count = (min: number, max: number, message: string) =>
  v.pipe(
    v.string(),
    v.transform(Number),
    v.check((n) => Number.isInteger(n) && n >= min && n <= max, message),
  )
const banksMessage = 'Pick at least one question bank.'
const selfPaced = v.object({
  round: count(2, Number.MAX_SAFE_INTEGER, 'This form does not say which round it opens.'),
  banks: v.pipe(
    v.array(v.string()),
    v.minLength(1, banksMessage),
    v.check((ids) => ids.every(findBank), banksMessage),
  ),
  size: count(size.min, size.max, `Choose from ${size.min} to ${size.max} questions.`),
  mode: v.picklist(MODES),
})
const live = v.object({
  ...selfPaced.entries,
  seconds: count(seconds.min, seconds.max, `Give each question from ${seconds.min} to ${seconds.max} seconds.`),
})

export type RoundSettings = v.InferOutput<typeof selfPaced> & { seconds?: number }

/** The settings, or a message for each field to fix; `forged` when the round or the mode holds what the form never sends. */
export function readRoundSettings(
  form: RoundForm,
): { ok: true; settings: RoundSettings } | { ok: false; errors: RoundFormErrors; forged: boolean } {
  const read = v.safeParse(form.mode === 'live' ? live : selfPaced, form)
  if (read.success) return { ok: true, settings: read.output }
  const errors = Object.fromEntries(Object.entries(v.flatten(read.issues).nested ?? {}).map(([field, messages]) => [field, messages?.[0]]))
  return { ok: false, errors, forged: 'round' in errors || 'mode' in errors }
}

/** The round's questions, drawn as a new class's are (game/class-plan.ts), and the bank id its attempts carry. */
export function drawRound(settings: Pick<RoundSettings, 'banks' | 'size'>): { plan: PlanItem[]; bankIds: string[]; bankId: string } {
  const { plan, bankIds } = planFor(settings)
  return { plan, bankIds, bankId: bankIds.length === 1 ? bankIds[0] : MIXED_ID }
}
