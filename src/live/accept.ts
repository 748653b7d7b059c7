// Whether a live game takes a student's answer, decided from the game's state alone. Pure, like
// the state machine beside it: the Durable Object gathers the facts, asks, and does what it says.
import type { LiveState } from './machine.ts'

/** Why an answer is refused; each has its own message on the phone (src/routes/live.tsx). */
export type Refusal = 'closed' | 'not-open' | 'paused' | 'not-seated' | 'waiting'

export type Acceptance =
  | 'accept'
  /** This student's answer to this question is already in (a double tap, a resend after a lost reply): it counts once. */
  | 'already'
  | Refusal
  /** The clock ran out before its alarm fired: close the question, then refuse as closed. */
  | 'time-up'
  /** A question the game has left: a resend of an answer it took is that answer; anything else is late. */
  | 'look-up'

export type Facts = {
  /** The question the answer is for. */
  position: number
  /** The game's clock, when the answer arrived. */
  now: number
  /** Whether this student's answer to the question in play is already in. */
  answered: boolean
  /** Whether the game knows this student as seated in the class. */
  seated: boolean
  /** Whether the student waits in the waiting room, not yet let in. */
  waiting?: boolean
}

export function acceptance(s: LiveState, { position, now, answered, seated, waiting = false }: Facts): Acceptance {
  if (position > s.index) return 'not-open'
  if (position < s.index) return 'look-up'
  // Counted once, even if the question closed since the first copy arrived.
  if (answered) return 'already'
  if (s.phase === 'paused') return 'paused'
  if (s.phase !== 'open') return 'closed'
  if (now >= s.closesAt) return 'time-up'
  return seated ? 'accept' : waiting ? 'waiting' : 'not-seated'
}
