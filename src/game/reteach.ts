// What to reteach: how a class answered one round, question by question and student by student.
// Pure: the seats and answers come from D1 (db/report.ts). The report page and the answers CSV
// are both drawn from these figures, so they cannot disagree.
import type { AnswerValue, PlanItem } from '../db/schema.ts'
import { picked, shownOptions } from '../live/questions.ts'
import { findQuestion } from '../questions/registry.ts'
import type { Question } from '../questions/schema.ts'
import { answerKey } from './answer-key.ts'
import { optionsOf } from './plan.ts'
import { rankSeats } from './ranking.ts'

/** A student's attempt at a round, with its totals (kept by the answers' trigger). */
export type ReportSeat = {
  attemptId: string
  nickname: string
  round: number
  plan: PlanItem[]
  score: number
  correct: number
  answered: number
  timeMs: number
  finished: boolean
}

export type ReportAnswer = {
  attemptId: string
  position: number
  questionId: string
  response: AnswerValue
  credit: number
  points: number
  timeMs: number
}

/** Answers the grader reads as one: the form most gave, how many gave it, and its credit. */
export type AnswerGroup = { value: AnswerValue; count: number; credit: number }

export type QuestionReport = {
  /** Its place in the report, from 1. */
  number: number
  id: string
  /** Null once withdrawn from its bank: the figures stay, the text is gone. */
  question: Question | null
  answered: number
  /** Full credit. */
  right: number
  /** Part credit (a number near the key): not right. */
  close: number
  /** Students who had the question and gave no answer. */
  unanswered: number
  medianMs: number | null
  /** A choice's options in the order shown (an option's place gives its mark), or an ordering's items in the key's order. */
  shown: string[]
  /** How many picked each option shown, or put each item of an ordering in its place. */
  counts: number[]
  /** The options the key holds. */
  keyed: number[]
  /** Every distinct answer, the commonest first. */
  groups: AnswerGroup[]
  /** The answer given most among those not right. */
  wrong: AnswerGroup | null
}

export type StudentReport = ReportSeat & {
  rank: number
  /** Each question's answer, by the question's number (null: not answered). */
  answers: (ReportAnswer | null)[]
  /** The numbers of the questions they did not get right, those the rest of the class did best on first: the gaps that are theirs. */
  missed: number[]
  unanswered: number[]
  /** The number of the question they took longest over. */
  slowest: number | null
}

export type RoundReport = {
  round: number
  questions: QuestionReport[]
  /** The questions fewer than half got right, hardest first: what to go over with the class. */
  reteach: QuestionReport[]
  students: StudentReport[]
  answered: number
  right: number
  medianMs: number | null
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = values.toSorted((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** The round's questions: as the round opened them (the round in play), or else in the order the class met them. */
function questionOrder(plans: PlanItem[][], opened: string[] | undefined, answered: string[]): string[] {
  const ids = [...(opened ?? [])]
  if (!opened) {
    const places = new Map<string, number[]>()
    for (const plan of plans) for (const [i, item] of plan.entries()) places.set(item.q, [...(places.get(item.q) ?? []), i])
    const mean = (id: string) => places.get(id)!.reduce((a, b) => a + b, 0) / places.get(id)!.length
    ids.push(...[...places.keys()].sort((a, b) => mean(a) - mean(b) || a.localeCompare(b)))
  }
  for (const id of answered) if (!ids.includes(id)) ids.push(id)
  return ids
}

/** The options in the order everyone saw them (a live round), or in the bank's order when each student saw their own. */
function sharedItem(q: Question, items: PlanItem[]): PlanItem {
  const orders = new Set(items.map((item) => JSON.stringify(item.order ?? null)))
  if (orders.size === 1 && items[0]?.order) return items[0]
  return { q: q.id, order: optionsOf(q).map((_, i) => i) }
}

/** What makes two answers one: a choice's set of options, a typed answer as the grader reads it, a number's value. */
function sameAnswer(q: Question | null, value: AnswerValue): string {
  switch (q?.type) {
    case 'typed':
      return answerKey(String(value).trim())
    case 'multi':
      return JSON.stringify([value].flat().map(String).sort())
    case 'numeric':
      return String(Number(value))
    case 'single':
    case 'truefalse':
    case 'order':
    case undefined: // a question withdrawn since: its answers as they were sent
      return JSON.stringify(value)
  }
}

/** Answers grouped as one, each under the form most of its students gave; the commonest first, then the right ones. */
function groupAnswers(q: Question | null, answers: ReportAnswer[]): AnswerGroup[] {
  const groups = new Map<string, { forms: Map<string, number>; count: number; credit: number }>()
  for (const a of answers) {
    const key = sameAnswer(q, a.response)
    const group = groups.get(key) ?? { forms: new Map(), count: 0, credit: a.credit }
    const form = JSON.stringify(a.response)
    group.count++
    group.forms.set(form, (group.forms.get(form) ?? 0) + 1)
    groups.set(key, group)
  }
  return [...groups.values()]
    .map((g) => {
      const form = [...g.forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]
      return { value: JSON.parse(form) as AnswerValue, count: g.count, credit: g.credit }
    })
    .sort((a, b) => b.count - a.count || b.credit - a.credit || JSON.stringify(a.value).localeCompare(JSON.stringify(b.value)))
}

/** A choice's count per option shown, or an ordering's per place. */
function optionCounts(q: Question | null, items: PlanItem[], answers: ReportAnswer[]) {
  if (!q || q.type === 'typed' || q.type === 'numeric') return { shown: [], counts: [], keyed: [] }
  if (q.type === 'order') {
    const counts = q.answer.map((item, i) => answers.filter((a) => [a.response].flat()[i] === item).length)
    return { shown: q.answer, counts, keyed: [] }
  }
  const shown = shownOptions(q, sharedItem(q, items))
  const counts = shown.map(() => 0)
  for (const a of answers) for (const i of picked(q, shown, a.response)) counts[i]++
  return { shown, counts, keyed: picked(q, shown, q.answer) }
}

function questionReport(number: number, id: string, seats: ReportSeat[], answers: ReportAnswer[]): QuestionReport {
  const question = findQuestion(id) ?? null
  const items = seats.flatMap((s) => s.plan.filter((item) => item.q === id))
  const notRight = answers.filter((a) => a.credit < 1)
  return {
    number,
    id,
    question,
    answered: answers.length,
    right: answers.length - notRight.length,
    close: notRight.filter((a) => a.credit > 0).length,
    unanswered: Math.max(0, items.length - answers.length),
    medianMs: median(answers.map((a) => a.timeMs)),
    ...optionCounts(question, items, answers),
    groups: groupAnswers(question, answers),
    wrong: groupAnswers(question, notRight)[0] ?? null,
  }
}

const share = (q: QuestionReport) => (q.answered ? q.right / q.answered : 0)

function studentReport(seat: ReportSeat, rank: number, questions: QuestionReport[], answers: ReportAnswer[]): StudentReport {
  const mine = questions.map((q) => answers.find((a) => a.questionId === q.id) ?? null)
  const numbers = (keep: (a: ReportAnswer | null, q: QuestionReport) => boolean) =>
    questions.filter((q, i) => keep(mine[i], q) && seat.plan.some((item) => item.q === q.id)).map((q) => q.number)
  const missed = numbers((a) => a !== null && a.credit < 1).sort((a, b) => share(questions[b - 1]) - share(questions[a - 1]) || a - b)
  let slowest: number | null = null
  for (const [i, a] of mine.entries()) if (a && (slowest === null || a.timeMs > mine[slowest - 1]!.timeMs)) slowest = i + 1
  return { ...seat, rank, answers: mine, missed, unanswered: numbers((a) => a === null), slowest }
}

/**
 * The report of one round. `questionIds`: the round's set as it opened (the round in play holds
 * it); a past round's is read from its students' plans. Seats rank as the teacher's page ranks them.
 */
export function buildRoundReport(input: {
  round: number
  questionIds?: string[]
  seats: ReportSeat[]
  answers: ReportAnswer[]
  untimed: boolean
}): RoundReport {
  const seats = input.seats.toSorted((a, b) => b.score - a.score || a.timeMs - b.timeMs)
  const seated = new Set(seats.map((s) => s.attemptId))
  const answers = input.answers.filter((a) => seated.has(a.attemptId))
  const ids = questionOrder(
    seats.map((s) => s.plan),
    input.questionIds,
    answers.map((a) => a.questionId),
  )
  const questions = ids.map((id, i) =>
    questionReport(
      i + 1,
      id,
      seats,
      answers.filter((a) => a.questionId === id),
    ),
  )
  const ranks = rankSeats(seats, input.untimed)
  return {
    round: input.round,
    questions,
    reteach: questions.filter((q) => q.answered > 0 && 2 * q.right < q.answered).sort((a, b) => share(a) - share(b) || a.number - b.number),
    students: seats.map((s, i) =>
      studentReport(
        s,
        ranks[i].rank,
        questions,
        answers.filter((a) => a.attemptId === s.attemptId),
      ),
    ),
    answered: answers.length,
    right: answers.filter((a) => a.credit === 1).length,
    medianMs: median(answers.map((a) => a.timeMs)),
  }
}

/** One round's seats and their answers. */
export type ClassRound = { round: number; seats: ReportSeat[]; answers: ReportAnswer[] }

/** A class's seats and answers over every round, split into rounds (oldest first); an answer whose attempt is not seated is left out. */
export function splitRounds(seats: ReportSeat[], answers: ReportAnswer[]): ClassRound[] {
  const rounds = new Map<number, ClassRound>()
  const roundOf = new Map<string, number>()
  for (const s of seats.toSorted((a, b) => a.round - b.round)) {
    const entry = rounds.get(s.round) ?? { round: s.round, seats: [], answers: [] }
    entry.seats.push(s)
    rounds.set(s.round, entry)
    roundOf.set(s.attemptId, s.round)
  }
  for (const a of answers) {
    const round = roundOf.get(a.attemptId)
    if (round !== undefined) rounds.get(round)!.answers.push(a)
  }
  return [...rounds.values()]
}
