import { Hono } from 'hono'
import { readClassAnswers, readRoundAnswers } from '../db/report.ts'
import type { Class } from '../db/schema.ts'
import { buildRoundReport, splitRounds, type ClassRound } from '../game/reteach.ts'
import { csvDownload } from '../http/download.ts'
import { Problem } from '../http/problem.ts'
import { answersTable } from '../views/answers-csv.ts'
import { ReportPage } from '../views/classes/report.tsx'
import type { TeachEnv } from './teach.tsx'

// What to reteach, for the teacher alone (mounted under /teach/:secret, whose middleware finds the
// class): the report of a round, the one in play or any before it, and every answer as a spreadsheet.
const report = new Hono<TeachEnv>()

/** The round a report asks for (`?round=`), the one in play when it names none. */
function roundAsked(raw: string | undefined, klass: Class, back: string): number {
  if (raw === undefined || raw === '') return klass.round
  const link = { href: back, label: 'Back to the class' }
  if (!/^\d{1,4}$/.test(raw)) throw new Problem(400, 'Choose a round by its number.', link)
  const round = Number(raw)
  if (round < 1 || round > klass.round)
    throw new Problem(
      404,
      `This class has no round ${round}: it has played ${klass.round === 1 ? 'one round' : `${klass.round} rounds`}.`,
      link,
    )
  return round
}

/** A round's figures: the round in play numbers its questions as it opened them; one before, as its students met them. */
const reportOf = (klass: Class, r: ClassRound) =>
  buildRoundReport({ ...r, questionIds: r.round === klass.round ? klass.questionIds : undefined, untimed: klass.scoring === 'untimed' })

report.get('/report', async (c) => {
  const { klass, base, db } = c.var
  const round = roundAsked(c.req.query('round'), klass, base)
  const data = reportOf(klass, { round, ...(await readRoundAnswers(db, klass, round)) })
  return c.render(<ReportPage klass={klass} base={base} report={data} />, { title: `What to reteach: ${klass.name}` })
})

report.get('/answers.csv', async (c) => {
  const { klass, db } = c.var
  const { seats, answers } = await readClassAnswers(db, klass)
  const rounds = splitRounds(seats, answers).map((r) => reportOf(klass, r))
  return csvDownload(c, klass.name, 'answers', answersTable(rounds))
})

export default report
