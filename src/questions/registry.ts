// The banks as compiled into the Worker by `npm run build`: no file or D1 reads at run time.
import compiled from '../generated/banks.json'
import type { Compiled } from './compile.ts'
import { MIXED_ID } from './reserved.ts'
import type { Bank, Question, Source } from './schema.ts'

const { banks, sources } = compiled as Compiled

export { banks }

/** A quiz drawn across every bank; it has its own leaderboard. */
const mixed: Bank = {
  id: MIXED_ID,
  title: 'Mixed: every bank',
  description: 'Questions drawn from all the banks at once: both races, the agency, the people and the timeline.',
  questions: banks.flatMap((b) => b.questions),
}

/** What the home page offers: the mixed quiz, then each bank. */
export const quizzes: Bank[] = [mixed, ...banks]
const bankById = new Map(quizzes.map((b) => [b.id, b]))
const questionById = new Map(banks.flatMap((b) => b.questions.map((q) => [q.id, q] as const)))
const sourceById = new Map(sources.map((s) => [s.id, s]))

export const findBank = (id: string): Bank | undefined => bankById.get(id)
export const findQuestion = (id: string): Question | undefined => questionById.get(id)
/** Every article a question's key rests on, in the order the bank cites them. */
export const sourcesOf = (q: Question): Source[] => q.sources.map((id) => sourceById.get(id)!)
