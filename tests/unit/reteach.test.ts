import { describe, expect, it } from 'vitest'
import type { AnswerValue, PlanItem } from '../../src/db/schema.ts'
import { buildRoundReport, median, splitRounds, type ReportAnswer, type ReportSeat } from '../../src/game/reteach.ts'
import { banks } from '../../src/questions/registry.ts'
import type { Question } from '../../src/questions/schema.ts'

const all = banks.flatMap((b) => b.questions)
const first = <T extends Question['type']>(type: T, at = 0) => all.filter((q) => q.type === type)[at] as Extract<Question, { type: T }>

const seat = (name: string, plan: PlanItem[], totals: Partial<ReportSeat> = {}): ReportSeat => ({
  attemptId: `a-${name}`,
  nickname: name,
  round: 1,
  plan,
  score: 0,
  correct: 0,
  answered: 0,
  timeMs: 0,
  finished: false,
  ...totals,
})

const given = (who: string, plan: PlanItem[], q: Question, response: AnswerValue, credit: number, seconds = 5): ReportAnswer => ({
  attemptId: `a-${who}`,
  position: plan.findIndex((item) => item.q === q.id),
  questionId: q.id,
  response,
  credit,
  points: credit === 1 ? 1000 : credit > 0 ? 500 : 0,
  timeMs: seconds * 1000,
})

describe('the median', () => {
  it('takes the middle value, or halfway between the two middle ones, and none of nothing', () => {
    expect(median([3000, 1000, 2000])).toBe(2000)
    expect(median([4000, 1000, 2000, 3000])).toBe(2500)
    expect(median([])).toBeNull()
  })
})

describe('a round’s report', () => {
  const single = first('single')
  const tf = first('truefalse')
  const typed = first('typed')
  const numeric = first('numeric')
  const wrongChoice = single.choices.find((c) => c !== single.answer)!

  it('counts each option in the order the class saw, with the key, and names the answer most got wrong', () => {
    // A live round: one plan for everyone, the single choice's options reversed.
    const order = single.choices.map((_, i, c) => c.length - 1 - i)
    const plan = [{ q: single.id, order }, { q: tf.id }]
    const seats = ['Ana', 'Ben', 'Cy', 'Dee'].map((n) => seat(n, plan))
    const answers = [
      given('Ana', plan, single, single.answer, 1, 4),
      given('Ben', plan, single, wrongChoice, 0, 9),
      given('Cy', plan, single, wrongChoice, 0, 6),
      given('Ana', plan, tf, tf.answer, 1),
    ]
    const report = buildRoundReport({ round: 1, seats, answers, untimed: false })
    const [q1, q2] = report.questions
    expect(q1).toMatchObject({ number: 1, id: single.id, answered: 3, right: 1, close: 0, unanswered: 1, medianMs: 6000 })
    expect(q1.shown).toEqual([...single.choices].reverse())
    expect(q1.counts[q1.shown.indexOf(single.answer)]).toBe(1)
    expect(q1.counts[q1.shown.indexOf(wrongChoice)]).toBe(2)
    expect(q1.counts.reduce((a, b) => a + b, 0)).toBe(3)
    expect(q1.keyed).toEqual([q1.shown.indexOf(single.answer)])
    expect(q1.wrong).toEqual({ value: wrongChoice, count: 2, credit: 0 })
    expect(q2).toMatchObject({ number: 2, answered: 1, right: 1, unanswered: 3, wrong: null, shown: ['True', 'False'] })
    // Fewer than half right: the first, not the second (all of the one who answered).
    expect(report.reteach.map((q) => q.id)).toEqual([single.id])
    expect([report.answered, report.right]).toEqual([4, 2])
  })

  it('shows a self-paced round’s options in the bank’s order, each student having seen their own', () => {
    const n = single.choices.length
    const mine = [{ q: single.id, order: single.choices.map((_, i) => (i + 1) % n) }]
    const theirs = [{ q: single.id, order: single.choices.map((_, i) => (i + 2) % n) }]
    const report = buildRoundReport({ round: 1, seats: [seat('Ana', mine), seat('Ben', theirs)], answers: [], untimed: false })
    expect(report.questions[0].shown).toEqual(single.choices)
    expect(report.questions[0]).toMatchObject({ answered: 0, right: 0, medianMs: null, wrong: null })
    // Nobody answered: nothing to go over yet.
    expect(report.reteach).toEqual([])
  })

  it('groups typed answers as the grader reads them, under the spelling most typed, and numbers by value', () => {
    const plan = [{ q: typed.id }, { q: numeric.id }]
    const names = ['A', 'B', 'C', 'D', 'E']
    const seats = names.map((n) => seat(n, plan))
    const answers = [
      given('A', plan, typed, 'nope', 0),
      given('B', plan, typed, 'Nope!', 0),
      given('C', plan, typed, 'nope', 0),
      given('D', plan, typed, typed.answer, 1),
      given('E', plan, typed, 'other', 0),
      given('A', plan, numeric, numeric.answer + 1000, 0),
      given('B', plan, numeric, numeric.answer + 1000, 0),
      given('C', plan, numeric, numeric.answer, 1),
    ]
    const [t, n] = buildRoundReport({ round: 1, seats, answers, untimed: false }).questions
    expect(t.groups).toEqual([
      { value: 'nope', count: 3, credit: 0 },
      { value: typed.answer, count: 1, credit: 1 },
      { value: 'other', count: 1, credit: 0 },
    ])
    expect(t.wrong).toEqual({ value: 'nope', count: 3, credit: 0 })
    expect(n.groups[0]).toEqual({ value: numeric.answer + 1000, count: 2, credit: 0 })
    expect(n.wrong).toEqual({ value: numeric.answer + 1000, count: 2, credit: 0 })
    expect(t.shown).toEqual([])
  })

  it('counts a half-right answer as not right, and as close', () => {
    const plan = [{ q: numeric.id }]
    const report = buildRoundReport({
      round: 1,
      seats: [seat('A', plan), seat('B', plan)],
      answers: [given('A', plan, numeric, numeric.answer + numeric.margin * 1.5, 0.5), given('B', plan, numeric, numeric.answer, 1)],
      untimed: false,
    })
    expect(report.questions[0]).toMatchObject({ answered: 2, right: 1, close: 1 })
    expect(report.questions[0].wrong).toMatchObject({ count: 1, credit: 0.5 })
    // Exactly half right is not fewer than half.
    expect(report.reteach).toEqual([])
  })

  it('counts, for an ordering, who put each item in its place', () => {
    const q = first('order')
    const plan = [{ q: q.id, order: q.answer.map((_, i) => i) }]
    const swapped = [q.answer[1], q.answer[0], ...q.answer.slice(2)]
    const r = buildRoundReport({
      round: 1,
      seats: [seat('A', plan), seat('B', plan)],
      answers: [given('A', plan, q, q.answer, 1), given('B', plan, q, swapped, 0)],
      untimed: false,
    }).questions[0]
    expect(r.shown).toEqual(q.answer)
    expect(r.counts).toEqual([1, 1, ...q.answer.slice(2).map(() => 2)])
    expect(r.wrong).toEqual({ value: swapped, count: 1, credit: 0 })
  })

  it('groups a multiple choice by the set picked, whatever its order', () => {
    const q = first('multi')
    const plan = [{ q: q.id, order: q.choices.map((_, i) => i) }]
    const wrong = q.choices.filter((c) => !q.answer.includes(c))
    const r = buildRoundReport({
      round: 1,
      seats: [seat('A', plan), seat('B', plan), seat('C', plan)],
      answers: [given('A', plan, q, wrong, 0), given('B', plan, q, [...wrong].reverse(), 0), given('C', plan, q, q.answer, 1)],
      untimed: false,
    }).questions[0]
    expect(r.wrong?.count).toBe(2)
    expect(r.counts[q.choices.indexOf(wrong[0])]).toBe(2)
  })

  it('numbers the questions as the set was opened, or else in the order the class met them, and keeps a withdrawn one', () => {
    const plan = [{ q: tf.id }, { q: 'gone-since' }, { q: single.id, order: single.choices.map((_, i) => i) }]
    const seats = [seat('A', plan)]
    const answers: ReportAnswer[] = [
      { attemptId: 'a-A', position: 1, questionId: 'gone-since', response: 'x', credit: 0, points: 0, timeMs: 1 },
    ]
    const met = buildRoundReport({ round: 2, seats, answers, untimed: false })
    expect(met.questions.map((q) => q.id)).toEqual([tf.id, 'gone-since', single.id])
    expect(met.questions[1]).toMatchObject({ question: null, answered: 1, shown: [], groups: [{ value: 'x', count: 1, credit: 0 }] })
    const opened = buildRoundReport({ round: 2, questionIds: [single.id, tf.id, 'gone-since'], seats, answers, untimed: false })
    expect(opened.questions.map((q) => [q.number, q.id])).toEqual([
      [1, single.id],
      [2, tf.id],
      [3, 'gone-since'],
    ])
  })

  it('puts each student’s answers beside the questions, ranks them, and names what they found hardest', () => {
    const q3 = first('single', 1)
    const plan = [{ q: single.id, order: [0, 1] }, { q: tf.id }, { q: q3.id, order: [0, 1] }]
    const seats = [
      seat('Ana', plan, { score: 3000, timeMs: 9000 }),
      seat('Ben', plan, { score: 1000, timeMs: 7000 }),
      seat('Cy', plan, { score: 1000, timeMs: 7000 }),
    ]
    const answers = [
      given('Ana', plan, single, single.answer, 1, 2),
      given('Ana', plan, tf, tf.answer, 1, 3),
      given('Ana', plan, q3, q3.answer, 1, 4),
      // Ben misses the first (which Ana and Cy got right) and the third (which Ana alone got right).
      given('Ben', plan, single, wrongChoice, 0, 2),
      given('Ben', plan, tf, tf.answer, 1, 3),
      given(
        'Ben',
        plan,
        q3,
        q3.choices.find((c) => c !== q3.answer)!,
        0,
        2,
      ),
      given('Cy', plan, single, single.answer, 1, 2),
      given(
        'Cy',
        plan,
        q3,
        q3.choices.find((c) => c !== q3.answer)!,
        0,
        5,
      ),
    ]
    const { students } = buildRoundReport({ round: 1, seats, answers, untimed: false })
    expect(students.map((s) => [s.nickname, s.rank])).toEqual([
      ['Ana', 1],
      ['Ben', 2],
      ['Cy', 2],
    ])
    const [ana, ben, cy] = students
    expect(ana.answers.map((a) => a?.credit)).toEqual([1, 1, 1])
    expect(ana).toMatchObject({ missed: [], slowest: 3 })
    // The one most of the class got right first: that gap is Ben's own.
    expect(ben.missed).toEqual([1, 3])
    expect(cy.answers[1]).toBeNull()
    expect(cy).toMatchObject({ missed: [3], unanswered: [2], slowest: 3 })
    // Untimed: equal points tie whatever the time, and each keeps their own time.
    const untimed = buildRoundReport({ round: 1, seats: [seats[0], { ...seats[1], timeMs: 1 }, seats[2]], answers, untimed: true })
    expect(untimed.students.map((s) => [s.rank, s.timeMs])).toEqual([
      [1, 9000],
      [2, 1],
      [2, 7000],
    ])
  })
})

describe('rounds apart', () => {
  it('splits a class’s seats and answers by the round of each answer’s attempt, oldest round first', () => {
    const plan = [{ q: 'x' }]
    const one = { ...seat('Ana', plan), attemptId: 'r1', round: 1 }
    const two = { ...seat('Ana', plan), attemptId: 'r2', round: 2 }
    const a = (attemptId: string): ReportAnswer => ({
      attemptId,
      position: 0,
      questionId: 'x',
      response: 1,
      credit: 1,
      points: 1,
      timeMs: 1,
    })
    expect(splitRounds([two, one], [a('r2'), a('r1'), a('gone')])).toEqual([
      { round: 1, seats: [one], answers: [a('r1')] },
      { round: 2, seats: [two], answers: [a('r2')] },
    ])
  })
})
