// Turns bank files into checked banks. Pure: takes file texts, returns banks or the
// list of what is wrong, each naming the file, the question id and the problem.
import { parse } from 'yaml'
import type { z } from 'zod'
import { rivalsOf } from '../game/match.ts'
import { optionsOf } from '../game/plan.ts'
import { MIXED_ID } from './reserved.ts'
import { bankSchema, sourcesSchema, type Bank, type Question, type Source } from './schema.ts'

export type BankFile = { name: string; text: string }
export type Compiled = { banks: Bank[]; sources: Source[] }

export class BankError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`question banks are invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`)
    this.problems = problems
  }
}

function where(file: string, data: unknown, path: PropertyKey[]): string {
  const [head, index, ...rest] = path
  if (head === 'questions' && typeof index === 'number') {
    const q = (data as { questions?: { id?: unknown }[] }).questions?.[index]
    const qid = typeof q?.id === 'string' ? q.id : `#${index + 1}`
    return `${file}: question ${qid}${rest.length ? ` (${rest.join('.')})` : ''}`
  }
  return `${file}${path.length ? ` (${path.join('.')})` : ''}`
}

function read<T>(schema: z.ZodType<T>, file: BankFile, problems: string[]): T | undefined {
  let data: unknown
  try {
    data = parse(file.text)
  } catch (e) {
    problems.push(`${file.name}: not valid YAML: ${(e as Error).message.split('\n')[0]}`)
    return undefined
  }
  const result = schema.safeParse(data)
  if (result.success) return result.data
  for (const issue of result.error.issues) problems.push(`${where(file.name, data, issue.path)}: ${issue.message}`)
  return undefined
}

export function compileBanks(sourceFile: BankFile, bankFiles: BankFile[]): Compiled {
  const problems: string[] = []
  const sources = read(sourcesSchema, sourceFile, problems) ?? []
  const sourceIds = new Set(sources.map((s) => s.id))
  const bankIds = new Map<string, string>()
  const questionIds = new Map<string, string>()
  const banks: Bank[] = []
  for (const file of bankFiles) {
    const bank = read(bankSchema, file, problems)
    if (!bank) continue
    if (bank.id === MIXED_ID) problems.push(`${file.name}: bank id ${bank.id} is reserved for the quiz drawn across all banks`)
    if (bankIds.has(bank.id)) problems.push(`${file.name}: bank id ${bank.id} is also used by ${bankIds.get(bank.id)}`)
    bankIds.set(bank.id, file.name)
    for (const q of bank.questions) {
      const at = `${file.name}: question ${q.id}`
      if (questionIds.has(q.id)) problems.push(`${at}: id is also used in ${questionIds.get(q.id)}`)
      questionIds.set(q.id, file.name)
      for (const source of q.sources)
        if (!sourceIds.has(source)) problems.push(`${at}: cites source ${source}, which is not in ${sourceFile.name}`)
    }
    banks.push(bank)
  }
  if (problems.length) throw new BankError(problems)
  addRivals(banks.flatMap((b) => b.questions))
  return { banks, sources }
}

/** Done here, once, so the Worker never compares an answer with the whole banks. */
function addRivals(questions: Question[]) {
  const answers = (q: Question) => (q.type === 'typed' ? [q.answer, ...q.accept] : optionsOf(q))
  for (const q of questions)
    if (q.type === 'typed') q.rivals = rivalsOf(q, questions.filter((other) => other !== q).flatMap(answers))
}
