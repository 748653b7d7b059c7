import { describe, expect, it } from 'vitest'
import { drawPlan, optionsOf } from '../../src/game/plan.ts'
import { banks } from '../../src/questions/registry.ts'

const questions = banks.flatMap((b) => b.questions)

describe('drawPlan', () => {
  it('draws the asked number of distinct questions, or all there are', () => {
    const plan = drawPlan(questions, 10)
    expect(plan).toHaveLength(10)
    expect(new Set(plan.map((p) => p.q)).size).toBe(10)
    expect(drawPlan(questions.slice(0, 3), 10)).toHaveLength(3)
  })
  it('shows every option exactly once', () => {
    for (const item of drawPlan(questions, questions.length)) {
      const q = questions.find((x) => x.id === item.q)!
      const n = optionsOf(q).length
      expect([...(item.order ?? [])].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i))
    }
  })
  it('never shows an ordering question already in order', () => {
    const ordering = questions.filter((q) => q.type === 'order')
    expect(ordering.length).toBeGreaterThan(0)
    let calls = 0
    const identityFirst = () => (calls++ < 50 ? 0.999 : Math.random()) // 0.999 keeps every item in place
    for (const item of drawPlan(ordering, ordering.length, identityFirst)) expect(item.order!.every((v, i) => v === i)).toBe(false)
  })
  it('shuffles the questions', () => {
    const firsts = new Set(Array.from({ length: 20 }, () => drawPlan(questions, 10)[0].q))
    expect(firsts.size).toBeGreaterThan(1)
  })
})
