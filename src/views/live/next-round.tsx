// What the screens of a live round that has ended show as the teacher opens the next: a way on to
// it. With JavaScript (which every screen with a socket has) the page goes there by itself.
import type { Class } from '../../db/schema.ts'
import { Announce } from './shared.tsx'

/** `round`: the new round's number (0 when the new round is not a live game, which the projector's page then shows). */
export function NextRound({ href, round, phone }: { href: string; round: number; phone: boolean }) {
  const title = round ? `Round ${round} is starting` : 'The next round is starting'
  return (
    <>
      <div class="live-screen next-round" data-follow={href}>
        <h2 tabindex={-1} autofocus>
          {title}
        </h2>
        <p>
          <a class="button primary" href={href}>
            {phone ? 'Go to the next round' : 'Show the next round'}
          </a>
        </p>
      </div>
      {phone && <Announce text={`${title}.`} oob />}
    </>
  )
}

/** What a self-paced projector's poll gets once the class plays a live round: the projector's page goes on to the game. */
export function BoardMovedOn({ klass }: { klass: Pick<Class, 'boardId'> }) {
  const href = `/board/${klass.boardId}`
  return (
    <div id="board" data-follow={href}>
      <p class="notice">
        This class is a live game now: its scores show on the projector at each reveal. <a href={href}>Show the game</a>
      </p>
    </div>
  )
}
