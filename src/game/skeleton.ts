import confusables from '../generated/confusables.json'

/**
 * Characters that draw nothing: Unicode's default-ignorable ones (zero-width spaces and joiners,
 * variation selectors, the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0) and two more that
 * fonts draw blank, the braille blank U+2800 and the musical null notehead U+1D159.
 */
export const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800\u{1D159}]/u
const INVISIBLES = new RegExp(INVISIBLE.source, 'gu')

/** A text without its invisible characters: what a reader of it sees. */
export const withoutInvisible = (text: string) => text.replace(INVISIBLES, '')

// UTS #39's table, cut at build time to characters that survive NFKD and look like ASCII letters or
// digits (src/cli/build.ts): "а" (Cyrillic) → "a", "І" (Cyrillic) → "l", "1" → "l", "m" → "rn".
const looksLike = new Map<string, string>()
for (const [ascii, sources] of Object.entries(confusables as Record<string, string>)) for (const c of sources) looksLike.set(c, ascii)

const ASCII = /^[\0-\x7f]$/

// Lower-cased, since we ignore case. UTS #39 reads capital I as "l" because it is case-sensitive;
// we read it as "i" like its lower case, and so every capital that looks like I (Cyrillic І,
// Greek Ι) too, so that "ALICE", "АLІCE" and "Alice" look the same.
function lookAlike(c: string): string {
  const lower = c.toLowerCase()
  if (ASCII.test(c)) return (looksLike.get(lower) ?? lower).toLowerCase()
  const like = looksLike.get(c)
  if (like === 'l' && lower !== c) return 'i'
  return (like ?? looksLike.get(lower) ?? lower).toLowerCase()
}

/**
 * The UTS #39 skeleton of a text, case-folded: two texts with the same skeleton look the same
 * ("Аlice" with a Cyrillic А, "ALICE", "A1ice"). Not for display: "m" becomes "rn".
 */
export function skeleton(text: string): string {
  let out = ''
  for (const c of withoutInvisible(text.normalize('NFKD'))) {
    // Once more over the result: a capital's look-alike, lower-cased, can itself look like
    // something else (Greek "Μ" → "m" → "rn").
    for (const d of lookAlike(c)) out += looksLike.get(d) ?? d
  }
  return out
}

/**
 * A text with each non-ASCII look-alike read as the ASCII letters it imitates ("Ѕhіt" → "shit"),
 * for the word filter. ASCII is left as typed (the filter reads "1" as "i" itself), and "rn"
 * look-alikes are read as the "m" they imitate.
 */
export function asciiLookAlikes(text: string): string {
  let out = ''
  for (const c of withoutInvisible(text.normalize('NFKD'))) {
    const read = ASCII.test(c) ? c : lookAlike(c)
    out += read === 'rn' ? 'm' : read
  }
  return out
}
