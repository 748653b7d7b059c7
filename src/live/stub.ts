import type { Class } from '../db/schema.ts'

/** The Durable Object running a live class's game: one per class, found by the class's id. */
export const liveGame = (env: Cloudflare.Env, classId: string) => env.LIVE.getByName(classId)

export const seatUrl = (klass: Pick<Class, 'live'>, attemptId: string) => (klass.live ? `/live/${attemptId}` : `/play/${attemptId}`)

/** Where a seat plays the round in play (`current`, its attempt now), live or at each student's pace. */
export const roundUrl = (seat: { live: boolean; current: string }) => (seat.live ? `/live/${seat.current}` : `/play/${seat.current}`)
