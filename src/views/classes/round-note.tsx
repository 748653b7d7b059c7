// On a class attempt's results: which round it was, and once the class has gone on to another,
// the way there (for the student whose seat it is).
import type { Seat } from '../../db/attempts.ts'
import type { Attempt } from '../../db/schema.ts'
import { roundUrl } from '../../live/stub.ts'

/** How often a student's results page looks whether their teacher has opened another round. */
export const NEXT_ROUND_POLL_SECONDS = 5

export function RoundNote({ attempt, seat, isOwner }: { attempt: Attempt; seat: Seat; isOwner: boolean }) {
  if (seat.current === attempt.id)
    return (
      <>
        {seat.round > 1 && <p class="meta">Round {seat.round}</p>}
        {/* The student's own page goes on by itself when the teacher opens another round (routes/results.tsx). */}
        {isOwner && attempt.finishedAt !== null && (
          <div hx-get={`/results/${attempt.id}/round`} hx-trigger={`every ${NEXT_ROUND_POLL_SECONDS}s`} hx-swap="none"></div>
        )}
      </>
    )
  return (
    <p class="notice" role="note">
      These are the results of round {attempt.round}. The class is playing round {seat.round} now.{' '}
      {isOwner && (
        <a class="button primary" href={roundUrl(seat)}>
          Go to round {seat.round}
        </a>
      )}
    </p>
  )
}
