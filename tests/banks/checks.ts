// Content checks a program can make on the banks against the source articles. Each function
// returns what it found (empty when the content is fine), so a test can list every fault.
import type { Bank, Question } from '../../src/questions/schema.ts'

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

/** Words as the copy check compares them: case, accents and punctuation folded, "Pope's" = "popes". */
export const words = (s: string): string[] =>
  fold(s)
    .replace(/['’]/g, '')
    .match(/[\p{L}\p{N}]+/gu) ?? []

/** Everything a player reads in a question: its prompt, choices or items, typed keys and explanation. */
export function textsOf(q: Question): string[] {
  const texts = [q.prompt, q.explanation]
  if (q.type === 'single' || q.type === 'multi') texts.push(...q.choices)
  if (q.type === 'order') texts.push(...q.answer)
  if (q.type === 'typed') texts.push(q.answer, ...q.accept)
  return texts
}

// Every run of `length` words in the articles, built once per list of articles and length.
const grams = new WeakMap<string[], Map<number, Set<string>>>()
function gramsOf(articles: string[], length: number): Set<string> {
  const byLength = grams.get(articles) ?? new Map<number, Set<string>>()
  grams.set(articles, byLength)
  let set = byLength.get(length)
  if (!set) {
    set = new Set()
    for (const article of articles) {
      const w = words(article)
      for (let i = 0; i + length <= w.length; i++) set.add(w.slice(i, i + length).join(' '))
    }
    byLength.set(length, set)
  }
  return set
}

/**
 * (a) Copied runs: every run of `length` consecutive words that `text` shares with an article,
 * after folding. Overlapping runs are merged, so one long copied passage is reported once.
 */
export function copiedRuns(text: string, articles: string[], length = 8): string[] {
  const grams = gramsOf(articles, length)
  const w = words(text)
  const runs: string[] = []
  let start = -1
  let end = -1
  for (let i = 0; i + length <= w.length; i++) {
    if (!grams.has(w.slice(i, i + length).join(' '))) continue
    if (start >= 0 && i <= end) end = i + length
    else {
      if (start >= 0) runs.push(w.slice(start, end).join(' '))
      start = i
      end = i + length
    }
  }
  if (start >= 0) runs.push(w.slice(start, end).join(' '))
  return runs
}

/**
 * The reporting of an article without its page furniture: the reader comments, the author box and
 * the "Related posts" all come after the invitation to comment, so the text is cut there.
 */
export const bodyOf = (article: string) => article.split(/^We welcome your comments/m)[0]

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec'
const MONTH = `(?:${MONTHS})\\.?`
const NUMBER_WORDS: Record<string, number> = Object.fromEntries(
  (
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
    'seventeen eighteen nineteen twenty'
  )
    .split(' ')
    .map((w, i) => [w, i + 1] as const)
    .concat(['thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((w, i) => [w, 30 + 10 * i] as const)),
)
export type Kind = 'year' | 'count'
export type Found = { value: number; kind: Kind; as: string }
const isYear = (n: number) => Number.isInteger(n) && n >= 1900 && n <= 2099

/**
 * The numbers an article states, each as a year (1900-2099, written without a comma) or a count.
 * Not counted: days of the month ("May 15", "from October 1", "Oct. 11", 2018-06-29) and ordinals
 * ("10th"), which are neither. A figure is taken as written, so "$668 million" is 668 and "10,000"
 * is 10000. Numbers written as words, up to ninety ("seven years", "one of 17"), count too.
 */
export function numbersIn(article: string): Found[] {
  const text = fold(article).replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ')
  const found: Found[] = []
  const digits = new RegExp(`(\\b${MONTH}\\s+)?(\\d[\\d,]*(?:\\.\\d+)?)(st|nd|rd|th)?\\b(\\s+${MONTH}\\b)?`, 'g')
  for (const m of text.matchAll(digits)) {
    const [as, before, figure, ordinal, after] = m
    if (ordinal) continue
    const value = Number(figure.replace(/,/g, ''))
    const bare = !figure.includes(',')
    if ((before || after) && value >= 1 && value <= 31 && bare) continue
    found.push({ value, kind: bare && isYear(value) ? 'year' : 'count', as: as.trim() })
  }
  for (const m of text.matchAll(/\b[a-z]+\b/g)) if (m[0] in NUMBER_WORDS) found.push({ value: NUMBER_WORDS[m[0]], kind: 'count', as: m[0] })
  return found
}

/**
 * (b) Crowded margins: for a numeric question with a margin, the numbers of the same kind (a year
 * against years, any other figure against the counts) that the articles state within the
 * half-points band, answer ± 2 × margin inclusive, other than the answer itself: a player who mixes
 * up two facts would be paid for it. Every article counts, not only the cited ones, since a player
 * does not know which article a figure came from (PassBlue's 175 member states, the vote report's
 * 171 countries); the reader comments and the rest of the furniture do not.
 */
export function crowdedMargin(q: Question, articles: string[]): Found[] {
  if (q.type !== 'numeric' || q.margin === 0) return []
  const kind: Kind = isYear(q.answer) ? 'year' : 'count'
  const seen = new Set<number>()
  return articles
    .flatMap((a) => numbersIn(bodyOf(a)))
    .filter((n) => n.kind === kind && n.value !== q.answer && Math.abs(n.value - q.answer) <= 2 * q.margin)
    .filter((n) => !seen.has(n.value) && seen.add(n.value))
}

/**
 * (c) A key much longer than every distractor: more than 1.5 times the longest wrong choice and at
 * least 15 characters longer than it, so a word more or less between short choices does not count.
 * For select-all questions, each key is held against the longest wrong choice.
 */
export function longKeys(q: Question, ratio = 1.5, slack = 15): string[] {
  if (q.type !== 'single' && q.type !== 'multi') return []
  const keys = [q.answer].flat()
  const longest = Math.max(...q.choices.filter((c) => !keys.includes(c)).map((c) => c.length))
  return keys.filter((k) => k.length > ratio * longest && k.length - longest >= slack)
}

/**
 * Words too common in this subject to give anything away when a description uses them: the
 * agency, the races, the jobs and the kinds of people every bank is about.
 */
const COMMON = new Set(
  (
    'a an and are as at be by for from has her his in into is it its of on or that the their this to was were with ' +
    'who what which why how when where she he they them not no its also only one two both new top job jobs post ' +
    'iom ioms un uns united nations agency agencys migration organization international race races election elections ' +
    'vote votes candidate candidates director general directorgeneral head leader leaders chief woman women ' +
    'year years time people country countries state states member members'
  ).split(' '),
)

/**
 * (d) A bank description that names a key. A typed or single-choice key is named when the
 * description holds one of its distinctive words: not a common word, nor shared with the prompt
 * or the other choices. An accepted spelling of a typed key is named when the description holds
 * all its distinctive words (an acronym, "ITU", is one). A numeric key is named when the
 * description holds the number, written "19000", "19,000" or, up to ninety, as a word ("three").
 */
export function keysNamed(bank: Bank): { question: string; named: string }[] {
  const described = new Set(words(bank.description))
  const numbers = new Set([
    ...(fold(bank.description).match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replace(/,/g, ''))),
    ...[...described].filter((w) => w in NUMBER_WORDS).map((w) => NUMBER_WORDS[w]),
  ])
  const out: { question: string; named: string }[] = []
  for (const q of bank.questions) {
    if (q.type === 'numeric') {
      if (numbers.has(q.answer)) out.push({ question: q.id, named: String(q.answer) })
      continue
    }
    if (q.type !== 'single' && q.type !== 'typed') continue
    const others = new Set([q.prompt, ...(q.type === 'single' ? q.choices.filter((c) => c !== q.answer) : [])].flatMap(words))
    const distinctive = (key: string) => words(key).filter((w) => !COMMON.has(w) && !others.has(w))
    for (const word of distinctive(q.answer)) if (described.has(word)) out.push({ question: q.id, named: word })
    for (const spelling of q.type === 'typed' ? q.accept : []) {
      const own = distinctive(spelling)
      if (own.length && own.every((w) => described.has(w))) out.push({ question: q.id, named: spelling })
    }
  }
  return out
}
