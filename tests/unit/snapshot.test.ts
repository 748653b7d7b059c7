import { describe, expect, it } from 'vitest'
import { emptySeat, type SeatRow } from '../../src/db/standings.ts'
import { apply, LOBBY } from '../../src/live/machine.ts'
import { project, type LiveClass } from '../../src/live/snapshot.ts'
import { banks } from '../../src/questions/registry.ts'

const question = banks.flatMap((b) => b.questions).find((q) => q.type === 'single')!
const klass = {
  scoring: 'speed',
  hideNames: false,
  live: { seconds: 20, plan: [{ q: question.id, order: question.type === 'single' ? question.choices.map((_, i) => i) : [] }] },
} as unknown as LiveClass
const seat = (attemptId: string, score: number): SeatRow => ({ ...emptySeat(attemptId, attemptId), score })
const seats = [seat('ann', 2_000), seat('bo', 1_000)]
const answer = (attemptId: string, response: string) => ({
  attemptId,
  response,
  credit: 0,
  points: 0,
  position: 0,
  questionId: question.id,
  timeMs: 5_000,
  answeredAt: 5_000,
  tooFast: false,
})
const given = new Map([['bo', answer('bo', question.type === 'single' ? question.answer : '')]])
const game = { seconds: 20, questions: 1 }
const open = apply(LOBBY, 'start', 0, game)!

describe('a live game projected for a screen', () => {
  it('counts answers per option only once the question has closed', () => {
    expect(project({ klass, state: open, seats, given, waiting: new Set<string>() }, 1)).toMatchObject({
      answered: 1,
      players: 2,
      reveal: null,
    })
    const revealed = project({ klass, state: apply(open, 'reveal', 1, game)!, seats, given, waiting: new Set<string>() }, 1)
    expect(revealed.reveal).toMatchObject({ kind: 'choices' })
    expect(revealed.reveal?.kind === 'choices' && revealed.reveal.counts.reduce((a, b) => a + b, 0)).toBe(1)
  })

  it('gives a phone its own row and answer, not the class’s', () => {
    const phone = project({ klass, state: open, seats, given, waiting: new Set<string>() }, 1, 'ann')
    expect(phone.ranking).toEqual([{ ...seats[0], rank: 1 }])
    expect(phone.given.size).toBe(0)
    expect(phone).toMatchObject({ players: 2, answered: 1 })
    expect(project({ klass, state: open, seats, given, waiting: new Set<string>() }, 1, 'bo').given.get('bo')).toBeDefined()
  })
})
