// What a screen of a live game shows, as one value: the game's record (the class, its phase and
// clock, the seats ranked, the answers to the question in play) projected for the projector, the
// teacher or one phone. Pure: the Durable Object holds the record, views draw the snapshot.
import type { SeatRow } from '../db/standings.ts'
import type { Answer, Class, PlanItem } from '../db/schema.ts'
import { rankSeats } from '../game/ranking.ts'
import { findQuestion } from '../questions/registry.ts'
import type { Question } from '../questions/schema.ts'
import type { LiveState } from './machine.ts'
import { reveal, shownOptions, type Reveal } from './questions.ts'

/** A live class: one whose settings hold the seconds per question and the plan everyone shares. */
export type LiveClass = Class & { live: NonNullable<Class['live']> }

export type Ranked = SeatRow & { rank: number }

/** What the game holds at one moment. */
export type GameRecord = {
  klass: LiveClass
  state: LiveState
  seats: SeatRow[]
  /** The answers to the question in play, by attempt. */
  given: ReadonlyMap<string, Answer>
  /** Students in the waiting room, not yet let in. */
  waiting: ReadonlySet<string>
}

/** Everything a screen shows, at one moment. */
export type Snapshot = {
  klass: LiveClass
  state: LiveState
  now: number
  /** The seats ranked (ranks change only at a reveal, when the totals are read back from D1); a phone's snapshot holds its own row only. */
  ranking: Ranked[]
  players: number
  answered: number
  /** How the class answered: only once the question has closed. */
  reveal: Reveal | null
  /** The answers to the question in play (a phone's snapshot: its own only). */
  given: ReadonlyMap<string, Answer>
  /** Who waits to be let in (a phone's snapshot: itself, if it waits). */
  waiting: ReadonlySet<string>
}

export const isLiveClass = (klass: Class | null): klass is LiveClass => Boolean(klass?.live)

/** The question at `index` of a live class's plan, with its options in the class's order; null where none (the lobby, the end, a withdrawn question). */
export function questionAt(klass: LiveClass, index: number): { item: PlanItem; question: Question; shown: string[] } | null {
  const item = klass.live.plan[index]
  const question = item && findQuestion(item.q)
  return question ? { item, question, shown: shownOptions(question, item) } : null
}

/** The game as screens see it; for one phone (`attemptId`), only what that phone shows, so an answer's reply does not carry the class. */
export function project({ klass, state, seats, given, waiting }: GameRecord, now: number, attemptId?: string): Snapshot {
  const untimed = klass.scoring === 'untimed'
  const common = { klass, state, now, players: seats.length, answered: given.size }
  if (attemptId === undefined) {
    const onScreen = state.phase === 'reveal' ? questionAt(klass, state.index) : null
    return {
      ...common,
      ranking: rankSeats(seats, untimed),
      reveal: onScreen && reveal(onScreen.question, onScreen.shown, [...given.values()]),
      given,
      waiting,
    }
  }
  // One phone's row and rank, without ranking the whole class: a hall answers a thousand times a question.
  const mine = given.get(attemptId)
  const seat = seats.find((x) => x.attemptId === attemptId)
  const time = (x: SeatRow) => (untimed ? 0 : x.timeMs)
  const above = seat ? seats.reduce((n, x) => n + Number(x.score > seat.score || (x.score === seat.score && time(x) < time(seat))), 0) : 0
  return {
    ...common,
    ranking: seat ? [{ ...seat, rank: above + 1 }] : [],
    reveal: null,
    given: new Map(mine ? [[attemptId, mine]] : []),
    waiting: new Set(waiting.has(attemptId) ? [attemptId] : []),
  }
}
