import { describe, expect, it } from 'vitest'
import { drawPlan, optionsOf, planOf } from '../../src/game/plan.ts'
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

describe('planOf', () => {
  it('keeps the questions in the order given, each with its options shuffled', () => {
    const chosen = [questions[50], questions[3], questions[120]]
    const plans = Array.from({ length: 20 }, () => planOf(chosen))
    for (const plan of plans) expect(plan.map((p) => p.q)).toEqual(chosen.map((q) => q.id))
    const choice = chosen.findIndex((q) => optionsOf(q).length > 2)
    expect(new Set(plans.map((plan) => JSON.stringify(plan[choice].order))).size).toBeGreaterThan(1)
  })
})
