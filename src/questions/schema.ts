// The grammar of a question bank (questions/*.yaml), checked at build and test time.
// The Worker never sees this file: it gets the compiled, already-valid banks.
import { z } from 'zod'
import { answerKey } from '../game/answer-key.ts'
import { foldAnswer as fold } from '../game/text.ts'

const text = z.string().trim().min(1)
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens')

const distinct = (label: string) => (items: string[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>()
  for (const item of items) {
    if (seen.has(fold(item))) ctx.addIssue({ code: 'custom', message: `${label} "${item}" appears twice` })
    seen.add(fold(item))
  }
}

const common = {
  id,
  prompt: text,
  explanation: z.string().trim().min(40, 'explain in two to four sentences').max(700),
  // Every article the key rests on; where a page has room for one, it shows the first.
  sources: z.array(id).min(1, 'cite at least one source').superRefine(distinct('source')),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  // YAML reads a bare 2018 as a number: a year is a fine tag, so take it as text.
  tags: z.array(z.coerce.string().pipe(id)).min(1),
  as_of: z.coerce
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'write as YYYY, YYYY-MM or YYYY-MM-DD').optional(),
}

const choices = z.array(text).min(2).max(6).superRefine(distinct('choice'))

const single = z
  .object({ ...common, type: z.literal('single'), choices, answer: text })
  .refine((q) => q.choices.includes(q.answer), { message: 'the answer is not one of the choices', path: ['answer'] })

const multi = z
  .object({ ...common, type: z.literal('multi'), choices, answer: z.array(text).min(1) })
  .refine((q) => q.answer.every((a) => q.choices.includes(a)), {
    message: 'every answer must be one of the choices',
    path: ['answer'],
  })
  .refine((q) => new Set(q.answer).size === q.answer.length, { message: 'an answer is listed twice', path: ['answer'] })

const truefalse = z.object({ ...common, type: z.literal('truefalse'), answer: z.boolean() })

const order = z
  .object({
    ...common,
    type: z.literal('order'),
    answer: z.array(text).min(3).max(6).superRefine(distinct('item')),
    // Which item takes place 1, in the prompt's own word ("earliest first", "from largest to
    // smallest"): a player's hint says "1 being the earliest" or "1 being the largest".
    first: z.enum(['earliest', 'largest', 'smallest']),
  })
  .refine((q) => new RegExp(`\\b${q.first} (first|to)\\b`, 'i').test(q.prompt), {
    message: 'the prompt must say what comes first in the same word ("earliest first", "from largest to smallest")',
    path: ['first'],
  })

const typed = z
  .object({
    ...common,
    type: z.literal('typed'),
    answer: text,
    accept: z.array(text).default([]),
    reject: z.array(text).default([]),
    // Filled in by compileBanks from the other questions' answers: a bank that writes it is refused.
    rivals: z.undefined({ error: 'rivals is worked out by the build; leave it out' }).optional().transform((): string[] => []),
  })
  .superRefine((q, ctx) => {
    const accepted = new Set([q.answer, ...q.accept].map(answerKey))
    for (const r of q.reject)
      if (accepted.has(answerKey(r))) ctx.addIssue({ code: 'custom', path: ['reject'], message: `"${r}" is also accepted` })
  })

const numeric = z
  .object({
    ...common,
    type: z.literal('numeric'),
    answer: z.number(),
    margin: z.number().min(0).default(0),
    unit: text.optional(),
    // Where every sensible answer lies (a percentage, 0 to 100): a phone in a live game offers a slider.
    range: z.tuple([z.number(), z.number()]).optional(),
  })
  .refine((q) => !q.range || (q.range[0] < q.answer && q.answer < q.range[1]), { message: 'the answer lies outside the range', path: ['range'] })

export const questionSchema = z.discriminatedUnion('type', [single, multi, truefalse, order, typed, numeric])

export const bankSchema = z.object({
  id,
  title: text,
  description: text.max(160),
  questions: z.array(questionSchema).min(1),
})

export const sourceSchema = z.object({
  id,
  outlet: text,
  title: text,
  date: z.coerce.string().trim().min(1),
  url: z.string().url().optional(),
})
export const sourcesSchema = z.array(sourceSchema).min(1)

export type Question = z.output<typeof questionSchema>
export type Bank = z.output<typeof bankSchema>
export type Source = z.output<typeof sourceSchema>
