import type { Question } from '../../src/questions/schema.ts'

// Words that say nothing about what a question asks.
const FILLER = new Set(
  (
    'a an the of in on at to for from by with and or as is was were be been it its this that these those which who whom ' +
    'what when where how many much did does do has have had their his her he she they put order earliest first last ' +
    'following according true false statement iom'
  ).split(' '),
)

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
const words = (s: string) => new Set((fold(s).match(/\p{L}[\p{L}'’-]*|\d+/gu) ?? []).filter((w) => !FILLER.has(w)))

/** What a question asks: its prompt with its keyed answer, since two prompts alike with different keys differ. */
const gist = (q: Question) => words(`${q.prompt} ${[q.answer].flat().join(' ')}`)

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0
  for (const w of a) if (b.has(w)) shared++
  return shared / (a.size + b.size - shared)
}

/** Pairs of questions whose prompt and key share most of their words: near-duplicates to read. */
export function similarPairs(questions: Question[], threshold = 0.6): [Question, Question, number][] {
  const gists = questions.map(gist)
  const pairs: [Question, Question, number][] = []
  for (let i = 0; i < questions.length; i++)
    for (let j = i + 1; j < questions.length; j++) {
      const score = jaccard(gists[i], gists[j])
      if (score >= threshold) pairs.push([questions[i], questions[j], score])
    }
  return pairs
}
