import { Hono, type Context } from 'hono'
import { readAttempt, readResults, setNickname } from '../db/attempts.ts'
import type { AppEnv } from '../env.ts'
import { nicknameKey, readNickname } from '../game/nickname.ts'
import { isId } from '../http/ids.ts'
import { isOwnedBy, readOwner } from '../http/owner.ts'
import { publicUrl, readForm } from '../http/request.ts'
import { Problem } from '../http/problem.ts'
import { goTo } from '../http/respond.tsx'
import { roundUrl } from '../live/stub.ts'
import { findBank } from '../questions/registry.ts'
import { ResultsPage } from '../views/results.tsx'

const results = new Hono<AppEnv>()

results.get('/:id', async (c) => render(c))

// What a class attempt's results page polls (views/classes/round-note.tsx): nothing (204) until the
// teacher opens another round, then the way to the seat's new attempt, for the browser whose seat it is.
results.get('/:id/round', async (c) => {
  const id = c.req.param('id')
  const found = isId(id) ? await readAttempt(c.var.db, id) : null
  const seat = found?.seat
  if (!seat || seat.current === id || !(await isOwnedBy(c, found.attempt.ownerHash))) return c.body(null, 204)
  return goTo(c, roundUrl(seat))
})

results.post('/:id/nickname', async (c) => {
  const id = c.req.param('id')
  const nickname = readNickname((await readForm(c)).nickname)
  const owner = await readOwner(c)
  const refused = new Problem(403, 'Only the browser that played this quiz, once it is finished, can name it.', {
    href: `/results/${id}`,
    label: 'Back to the results',
  })
  if (!isId(id)) throw new Problem(404, 'We could not find those results. Check the link you were given.')
  if (!owner) throw refused
  if (!nickname.ok) return render(c, nickname.message)
  const named = await setNickname(c.var.db, id, owner, nickname.value, nicknameKey(nickname.value))
  if (named === 'nickname-taken') return render(c, 'Another player already has that name on this leaderboard. Please pick another.')
  if (named === 'not-yours') throw refused
  return c.redirect(`/results/${id}`, 303)
})

/** The results page, public and read-only; the owner also gets the nickname form. */
async function render(c: Context<AppEnv>, nicknameError?: string) {
  const id = c.req.param('id') ?? ''
  const found = isId(id) ? await readResults(c.var.db, id) : null
  const bank = found && findBank(found.attempt.bankId)
  if (!found || !bank) throw new Problem(404, 'We could not find those results. Check the link you were given.')
  // A live game's answers would show the key of the question still open: they wait for the end.
  if (found.seat?.live && found.attempt.finishedAt === null)
    throw new Problem(409, 'These results open when the live game ends.', { href: `/live/${id}`, label: 'Back to the game' })
  const isOwner = await isOwnedBy(c, found.attempt.ownerHash)
  // Only the owner of a finished attempt sees the nickname form, and so its error.
  if (nicknameError && !(isOwner && found.attempt.finishedAt !== null))
    throw new Problem(403, 'Only the browser that played this quiz, once it is finished, can name it.')
  const shareUrl = publicUrl(c, `/results/${id}`)
  if (nicknameError) c.status(422)
  return c.render(<ResultsPage {...found} bank={bank} isOwner={isOwner} shareUrl={shareUrl} nicknameError={nicknameError} />, {
    title: 'Results',
  })
}

export default results
