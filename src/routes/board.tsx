import { Hono, type Context } from 'hono'
import { readBoard } from '../db/standings.ts'
import type { AppEnv } from '../env.ts'
import { isId } from '../http/ids.ts'
import { Problem } from '../http/problem.ts'
import { publicUrl } from '../http/request.ts'
import { liveGame } from '../live/stub.ts'
import { BoardPage, BoardRows } from '../views/classes/board.tsx'
import { BoardMovedOn } from '../views/live/next-round.tsx'
import { ProjectorPage, PROJECTOR_REFRESH_SECONDS } from '../views/live/pages.tsx'

// The projector's read-only leaderboard. Its address holds no teacher secret, so it is safe
// to show on a screen the whole room can read.
const board = new Hono<AppEnv>()

async function load(c: Context<AppEnv>) {
  const id = c.req.param('boardId') ?? ''
  const found = isId(id) ? await readBoard(c.var.db, id) : null
  if (!found) throw new Problem(404, 'This class no longer exists. It may have been deleted or expired.')
  const { klass, rows, overall } = found
  return { klass, rows, overall, total: klass.seats, joinUrl: publicUrl(c, `/join/${klass.code}`) }
}

board.get('/:boardId', async (c) => {
  const props = await load(c)
  const { klass } = props
  if (klass.live) {
    const snap = await liveGame(c.env, klass.id).snapshot()
    if (!snap) throw new Problem(404, 'This class no longer exists. It may have been deleted or expired.')
    return c.render(<ProjectorPage snap={snap} joinUrl={props.joinUrl} />, {
      title: klass.name,
      refresh: PROJECTOR_REFRESH_SECONDS,
      live: true,
      projector: true,
    })
  }
  return c.render(<BoardPage {...props} />, { title: props.klass.name, refresh: 10, projector: true })
})

// A self-paced class's ranking, which its projector polls. A live game's scores change as
// students tap, while the question is open: shown here, they would tell which answer is right.
// Its projector shows them at each reveal, over its socket; this address refuses them.
board.get('/:boardId/rows', async (c) => {
  const props = await load(c)
  // A round that is a live game, opened after a self-paced one: the polling projector goes on to it.
  if (props.klass.live) return c.html(<BoardMovedOn klass={props.klass} />, 409)
  return c.html(<BoardRows {...props} />)
})

export default board
