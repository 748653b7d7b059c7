// Who is in a live game: the seats the class's last read from D1 listed, who waits to be let in,
// and the students the game was told had joined since that read began (a read begun before they
// joined cannot list them, so they are seated again on top of it).
import { emptySeat, type SeatRow } from '../db/standings.ts'

/** A student who has just joined, as the join route tells the game (no need to read the class again). */
export type Joiner = { attemptId: string; nickname: string; admitted: boolean }

export class Roster {
  /** The seats, let in; ranked as D1 last read them, joiners since at the end. */
  seats: SeatRow[] = []
  /** Who waits to be let in. */
  waiting = new Set<string>()
  #joiners = new Map<string, Joiner>()

  /** A read of the class from D1, with the joiners told of since it began seated on top. */
  read(seats: SeatRow[], waiting: Set<string>): void {
    this.seats = seats
    this.waiting = waiting
    for (const joiner of this.#joiners.values()) this.#seat(joiner)
  }

  /** A student joined: seated, or waiting to be let in, without reading the class again. */
  join(joiner: Joiner): void {
    this.#joiners.set(joiner.attemptId, joiner)
    this.#seat(joiner)
  }

  /** A read of the class begins that lists every join so far: it is the word on who stays. */
  forgetJoiners(): void {
    this.#joiners.clear()
  }

  find(attemptId: string): SeatRow | undefined {
    return this.seats.find((x) => x.attemptId === attemptId)
  }

  /** Whether a seat is in this round, let in or waiting. */
  holds(attemptId: string): boolean {
    return this.waiting.has(attemptId) || this.find(attemptId) !== undefined
  }

  /** Seats a joiner, or has them wait, unless the class already lists them. */
  #seat({ attemptId, nickname, admitted }: Joiner): void {
    if (this.find(attemptId)) return
    if (!admitted) this.waiting.add(attemptId)
    else this.seats.push(emptySeat(attemptId, nickname))
  }
}
