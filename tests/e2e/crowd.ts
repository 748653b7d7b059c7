// A class of phones without a screen, for the layout tests and the screenshots: each joins by
// plain HTTP with its own cookie jar (as tests/load does) and answers from the question it was
// given, read from the game's plan, never from the page: a crowd that keeps working whatever the
// markup becomes. Answers are spread as a class's are, so every chart and list has something in it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PlanItem } from '../../src/db/schema.ts'
import type { Compiled } from '../../src/questions/compile.ts'
import type { Question } from '../../src/questions/schema.ts'
import type { LocalServer } from '../harness/wrangler-dev.ts'
import { Client, patiently } from '../load/client.ts'

const root = join(import.meta.dirname, '..', '..')
const { banks } = JSON.parse(readFileSync(join(root, 'src/generated/banks.json'), 'utf8')) as Compiled
export const questionById = new Map(banks.flatMap((b) => b.questions.map((q) => [q.id, q] as const)))

/** A random source that gives the same run every time (mulberry32). */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Wrong answers typed in a class, one of them long, to fill the reveal's list of answers typed most.
const TYPED_WRONG = ['Geneva', 'no idea', 'The Director General of the International Organization for Migration', 'Antonio Guterres']

/**
 * An answer's form fields for a question as the plan shows it: right with probability `right`.
 * The fields are those every answer form posts (src/game/response.ts reads them): `choice` for a
 * shown option's position, `place-<i>` for an item's place, `text`, `number`.
 */
export function answerFields(q: Question, item: PlanItem, random: () => number, right = 0.6): [string, string][] {
  const isRight = random() < right
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]
  const order = item.order ?? []
  switch (q.type) {
    case 'single': {
      const key = order.findIndex((k) => q.choices[k] === q.answer)
      return [['choice', String(isRight ? key : pick(order.map((_, i) => i).filter((i) => i !== key)))]]
    }
    case 'multi': {
      const chosen = order.map((k, i) => (isRight ? q.answer.includes(q.choices[k]) : i === 0 || random() < 0.4) && String(i))
      return chosen.filter((v) => v !== false).map((v) => ['choice', v])
    }
    case 'truefalse':
      return [['choice', String(isRight === q.answer)]]
    case 'order': {
      const places = isRight ? order.map((k) => k + 1) : order.map((_, i) => i + 1).sort(() => random() - 0.5)
      return places.map((p, i) => [`place-${i}`, String(p)])
    }
    case 'typed':
      return [['text', isRight ? pick([q.answer, q.answer.toUpperCase(), q.answer.toLowerCase()]) : pick(TYPED_WRONG)]]
    case 'numeric': {
      const step = Math.max(q.margin, 1)
      return [['number', String(isRight ? q.answer : q.answer + pick([-3, -2, 2, 5, 20]) * step)]]
    }
  }
}

export type Phone = { nickname: string; client: Client; attemptId: string }

/** Seats `names` in the class with `code`, a few at a time, each from its own browser: GET the join form (for its cookies), POST it. */
export async function joinCrowd(base: string, code: string, names: string[]): Promise<Phone[]> {
  const deadline = Date.now() + 120_000
  const one = async (nickname: string) => {
    const client = new Client(base, [])
    await client.get(`/join/${code}`)
    const res = await patiently(() => client.post(`/join/${code}`, [['nickname', nickname]]), deadline)
    const attemptId = res.location?.match(/^\/(?:play|live)\/([\w-]{22})$/)?.[1]
    return attemptId ? { nickname, client, attemptId } : `${nickname}: ${res.status}`
  }
  const seated: (Phone | string)[] = []
  for (let i = 0; i < names.length; i += 20) seated.push(...(await Promise.all(names.slice(i, i + 20).map(one))))
  const refused = seated.filter((p) => typeof p === 'string')
  if (refused.length) throw new Error(`the class refused ${refused.length} players: ${refused.slice(0, 5).join('; ')}`)
  return seated as Phone[]
}

/** Each phone in `phones` answers the live question at `position`, a handful at a time. */
export async function answerLive(phones: Phone[], position: number, asked: { question: Question; item: PlanItem }, random: () => number) {
  for (let i = 0; i < phones.length; i += 25)
    await Promise.all(
      phones
        .slice(i, i + 25)
        .map((p) =>
          p.client.post(`/live/${p.attemptId}/answer`, [
            ['position', String(position)],
            ...answerFields(asked.question, asked.item, random),
          ]),
        ),
    )
}

/** Each attempt's plan: the questions it asks, in order, and the order of their options. */
export function plansOf(server: Pick<LocalServer, 'd1'>, attemptIds: string[]): Map<string, PlanItem[]> {
  const rows = server.d1(`select id, plan from attempts where id in (${attemptIds.map((id) => `'${id}'`).join(', ')})`)
  return new Map(rows.map((r) => [String(r.id), JSON.parse(String(r.plan)) as PlanItem[]]))
}

/** Plays a self-paced seat (or a solo quiz) by plain form posts, right or not, up to question `upTo` (all of it by default). */
export async function playThrough(phone: Phone, plan: PlanItem[], random: () => number, upTo = plan.length) {
  for (const [position, item] of plan.slice(0, upTo).entries()) {
    const fields = answerFields(questionById.get(item.q)!, item, random)
    await phone.client.post(`/play/${phone.attemptId}/answer`, [['position', String(position)], ...fields])
    if (position < plan.length - 1) await phone.client.post(`/play/${phone.attemptId}/next`, [['position', String(position)]])
  }
}
