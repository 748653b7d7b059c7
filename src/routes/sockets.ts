// WebSocket upgrades for live games. Each checks who is asking, then hands the socket to the
// game's Durable Object. Mounted before the page middleware: a 101 response's headers are final.
import { Hono, type Context } from 'hono'
import { readBoard } from '../db/standings.ts'
import { createDb } from '../db/client.ts'
import type { AppEnv } from '../env.ts'
import { readFormToken } from '../http/forms.ts'
import { isId } from '../http/ids.ts'
import { publicUrl } from '../http/request.ts'
import { isOwnedBy } from '../http/owner.ts'
import { classOfTeacher } from '../http/teacher.ts'
import { VIEWER_HEADER, type Viewer } from '../live/push.tsx'
import { findSeat, forgetSeat } from '../live/seats.ts'
import { liveGame } from '../live/stub.ts'

const sockets = new Hono<AppEnv>()

function refuse(status: 400 | 403 | 404 | 426, text: string) {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

/** Hands the request to the class's game, saying who is watching. */
function connect(c: Context<AppEnv>, classId: string, viewer: Viewer) {
  const headers = new Headers(c.req.raw.headers)
  headers.set(VIEWER_HEADER, JSON.stringify(viewer))
  return liveGame(c.env, classId).fetch(c.req.url, { headers })
}

/** Only WebSocket upgrades, and none opened by a page on another site with this browser's cookies (cross-site WebSocket hijacking). */
function unfit(c: Context<AppEnv>): Response | null {
  if (c.req.header('Upgrade') !== 'websocket') return refuse(426, 'This address takes a WebSocket.')
  const origin = c.req.header('Origin')
  if (origin !== undefined && origin !== new URL(c.req.url).origin) return refuse(403, 'Not from this site.')
  return null
}

sockets.get('/live/:attemptId/ws', async (c) => {
  const no = unfit(c)
  if (no) return no
  // The seat as the join that made it remembered it, or read from D1. The game refuses a seat it
  // does not hold: one removed, or of a round already over (its page leads to the round in play).
  const id = c.req.param('attemptId')
  const seat = await findSeat(createDb(c.env.DB), id)
  if (!seat?.live) return refuse(404, 'No such game.')
  const token = readFormToken(c)
  if (!token || !(await isOwnedBy(c, seat.ownerHash))) return refuse(403, 'This seat belongs to another browser.')
  const res = await connect(c, seat.classId, { role: 'phone', attemptId: id, token })
  if (res.status === 404) forgetSeat(id)
  return res
})

sockets.get('/board/:boardId/ws', async (c) => {
  const no = unfit(c)
  if (no) return no
  const id = c.req.param('boardId')
  const found = isId(id) ? await readBoard(createDb(c.env.DB), id) : null
  if (!found?.klass.live) return refuse(404, 'No such game.')
  return connect(c, found.klass.id, { role: 'board', joinUrl: publicUrl(c, `/join/${found.klass.code}`) })
})

sockets.get('/teach/:secret/live/ws', async (c) => {
  const no = unfit(c)
  if (no) return no
  const secret = c.req.param('secret')
  const klass = await classOfTeacher(createDb(c.env.DB), secret)
  const token = readFormToken(c)
  if (!klass?.live) return refuse(404, 'No such game.')
  if (!token) return refuse(403, 'Reload the teacher page first.')
  return connect(c, klass.id, { role: 'teacher', base: `/teach/${secret}`, token })
})

export default sockets
