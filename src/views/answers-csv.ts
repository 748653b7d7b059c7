// The answers CSV: one row per answer, every round, for a spreadsheet. Drawn from the same figures
// as the report page (game/reteach.ts), so a sum here is a figure there.
import type { RoundReport } from '../game/reteach.ts'
import { formatAnswer } from './format.ts'

export const ANSWERS_HEADER = ['Student', 'Round', 'Question', 'Question id', 'Prompt', 'Answer', 'Right', 'Points', 'Seconds']

/** Full credit is "yes"; part credit (a number near the key) "close", which is not right. */
export const rightWord = (credit: number) => (credit === 1 ? 'yes' : credit > 0 ? 'close' : 'no')

export function answersTable(rounds: RoundReport[]): (string | number)[][] {
  const rows = rounds.flatMap(({ round, questions, students }) =>
    students.flatMap((s) =>
      s.answers.flatMap((a, i) => {
        if (!a) return []
        const q = questions[i].question
        return [
          [
            s.nickname,
            round,
            i + 1,
            questions[i].id,
            q?.prompt ?? '(withdrawn from its bank)',
            q ? formatAnswer(q, a.response) : JSON.stringify(a.response),
            rightWord(a.credit),
            a.points,
            // Exact, in seconds: summed, they give the results CSV's time.
            a.timeMs / 1000,
          ],
        ]
      }),
    ),
  )
  return [ANSWERS_HEADER, ...rows]
}
