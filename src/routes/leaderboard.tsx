import { Hono } from 'hono'
import { readLeaderboard } from '../db/attempts.ts'
import type { AppEnv } from '../env.ts'
import { readOwner } from '../http/owner.ts'
import { Problem } from '../http/problem.ts'
import { findBank } from '../questions/registry.ts'
import { LeaderboardPage } from '../views/leaderboard.tsx'

const leaderboard = new Hono<AppEnv>()

leaderboard.get('/:bankId', async (c) => {
  const bank = findBank(c.req.param('bankId'))
  if (!bank) throw new Problem(404, 'There is no quiz by that name, so no leaderboard either.')
  const owner = await readOwner(c)
  const board = await readLeaderboard(c.var.db, bank.id, owner)
  const rows = board.rows.map(({ ownerHash, ...row }) => ({ ...row, mine: ownerHash === owner }))
  return c.render(<LeaderboardPage bank={bank} rows={rows} total={board.total} mine={board.mine} />, {
    title: `Leaderboard: ${bank.title}`,
  })
})

export default leaderboard
