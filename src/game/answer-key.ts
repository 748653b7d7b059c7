// The key a typed answer is compared by: what a reader would see as the same answer gets the
// same key. "The IOM's 2/3 majority" and "IOM two-thirds majority" both key as "iom2/3majority".

const UNITS = (
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' + 'seventeen eighteen nineteen'
).split(' ')
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ')
const SCALES = new Map([
  ['hundred', 100],
  ['thousand', 1000],
  ['million', 1_000_000],
])
const PARTS = new Map([
  ['half', 2],
  ['halves', 2],
  ['quarter', 4],
  ['quarters', 4],
])
'third fourth fifth sixth seventh eighth ninth tenth'.split(' ').forEach((w, i) => PARTS.set(w, i + 3).set(`${w}s`, i + 3))
const ARTICLES = new Set(['a', 'an', 'the'])

type Kind = 'digits' | 'unit' | 'ten' | 'scale'
const kindOf = (w = ''): Kind | undefined =>
  /^\d+(\.\d+)?$/.test(w) ? 'digits' : UNITS.includes(w) ? 'unit' : TENS.includes(w) ? 'ten' : SCALES.has(w) ? 'scale' : undefined
const valueOf = (w: string, kind: Kind) =>
  kind === 'digits' ? Number(w) : kind === 'unit' ? UNITS.indexOf(w) : kind === 'ten' ? 10 * (TENS.indexOf(w) + 2) : SCALES.get(w)!
/** What each kind of word may follow inside one number ('' = at its start). */
const FOLLOWS: Record<Kind, (Kind | '')[]> = {
  digits: [''],
  unit: ['', 'ten', 'scale'],
  ten: ['', 'scale'],
  scale: ['', 'digits', 'unit', 'ten', 'scale'],
}
const isNumber = (token: string) => /^\d/.test(token)

/**
 * Number words become digits ("twenty-one" → 21, "a hundred and five" → 105), and a count before
 * a part becomes a fraction ("two thirds" → 2/3). A word that cannot continue a number starts a
 * new one, so "twenty twenty" stays two numbers rather than forty.
 */
function numbers(words: string[]): string[] {
  const out: string[] = []
  let i = 0
  while (i < words.length) {
    let [total, current, last, j] = [0, 0, '' as Kind | '', i]
    for (; j < words.length; j++) {
      const w = words[j]
      const kind = kindOf(w)
      if (w === 'and' && last === 'scale' && ['unit', 'ten'].includes(kindOf(words[j + 1]) ?? '')) continue
      if (!kind || !FOLLOWS[kind].includes(last)) break
      const value = valueOf(w, kind)
      if ((kind === 'unit' && last === 'ten' && value >= 10) || (kind === 'scale' && last === 'scale' && current === 0)) break
      if (kind !== 'scale') current += value
      else if (value === 100) current = (current || 1) * 100
      else [total, current] = [total + (current || 1) * value, 0]
      last = kind
    }
    if (j === i) {
      out.push(words[i++])
      continue
    }
    // A lone numeral keeps its digits as written (a year, a code); words become their value.
    const number = j === i + 1 && last === 'digits' ? words[i] : String(total + current)
    const part = j === i + 1 ? PARTS.get(words[j]) : undefined
    out.push(part ? `${number}/${part}` : number)
    i = part ? j + 1 : j
  }
  return out
}

/** The comparison key of an answer; see questions/README.md, "How typed answers are judged". */
export function answerKey(text: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(\p{L})['’‘ʼ`]s(?!\p{L})/gu, '$1') // IOM's → IOM
    .replace(/(\p{L}s)['’‘ʼ`](?!\p{L})/gu, '$1') // members' → members
    .replace(/%/g, ' percent ')
    .replace(/&/g, ' and ')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1') // 10,000 → 10000
    .replace(/(\d)\s*[/⁄∕]\s*(\d)/g, '$1/$2')
    .replace(/\bper\s+cent\b/g, 'percent')
  const words = [...plain.matchAll(/\d+(?:[./]\d+)?|\p{L}+/gu)].map((m) => m[0])
  if (words.length > 1 && ARTICLES.has(words[0])) words.shift()
  const tokens = numbers(words)
  // Spaces do not count ("Geneva Solutions" = "GenevaSolutions"), except between two numbers.
  return tokens.map((t, i) => (i > 0 && isNumber(t) && isNumber(tokens[i - 1]) ? ` ${t}` : t)).join('')
}
