// On a class attempt's results: which round it was, and once the class has gone on to another,
// the way there (for the student whose seat it is).
import type { Seat } from '../../db/attempts.ts'
import type { Attempt } from '../../db/schema.ts'
import { roundUrl } from '../../live/stub.ts'

export function RoundNote({ attempt, seat, isOwner }: { attempt: Attempt; seat: Seat; isOwner: boolean }) {
  if (seat.current === attempt.id) return seat.round > 1 ? <p class="meta">Round {seat.round}</p> : null
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
