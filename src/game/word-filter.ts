import {
  DataSet,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
  RegExpMatcher,
  SyntaxKind,
  type BlacklistedTerm,
} from 'obscenity'
import { asciiLookAlikes, withoutInvisible } from './skeleton.ts'
import { foldAnswer } from './text.ts'

// What obscenity's English words leave out: telling someone to harm themselves, the commonest
// neo-Nazi slogans and number code, and "faggot" as a whole word (obscenity finds it only through
// "fag" at the start of a word, which the respelled forms below leave out). Kept short on purpose:
// no name or answer in this game needs any of these. Patterns are matched after obscenity's
// transformers, which lower-case, read leetspeak as letters (1 → i, 4 → a) and collapse a repeated
// letter (b, e, o, l, s and g to two); "[ ]" lets the words run together. The number code 1488 is
// matched apart, as digits (HATE_NUMBERS): read as leetspeak and collapsed it would be "ia8", which
// any 148 is too.
const PHRASES: Record<string, string[]> = {
  'kill yourself': ['kil[l][ ]your[ ]sel[l]f', 'kil[l][ ]ur[ ]sel[l]f', '|kys|'],
  'hang yourself': ['hang[ ]your[ ]sel[l]f', 'hang[ ]ur[ ]sel[l]f'],
  'neck yourself': ['neck[ ]your[ ]sel[l]f', 'neck[ ]ur[ ]sel[l]f'],
  'go die': ['|go die|'],
  'heil hitler': ['heil[ ]hitler'],
  'sieg heil': ['sieg[ ]heil'],
  'white power': ['white[ ]power'],
  'white pride': ['white[ ]pride'],
  faggot: ['fag[g]ot'],
}
const dataset = new DataSet<{ originalWord: string }>().addAll(englishDataset)
for (const [phrase, patterns] of Object.entries(PHRASES))
  dataset.addPhrase((p) => patterns.reduce((b, raw) => b.addPattern(parseRawPattern(raw)), p.setMetadata({ originalWord: phrase })))
// obscenity reads "trafficking" as "f?ck" once it collapses the double f, and its "fick" exception
// starts a letter late; this game asks about human trafficking. "cuckoo" squeezed (below) is
// "cucko", which must not be "cuck", though "cuckold" still is.
dataset.addPhrase((p) => p.setMetadata({ originalWord: 'fuck' }).addWhitelistedTerm('traffick'))
dataset.addPhrase((p) => p.setMetadata({ originalWord: 'cuck' }).addWhitelistedTerm('cucko').addPattern(parseRawPattern('cuckold')))

const terms = dataset.build()
const matcher = new RegExpMatcher({ ...terms, ...englishRecommendedTransformers })

// Respellings that read one letter as another ("phuck", "niqqer", "cvnt", "vvhore") also turn
// real names into short words: "Phu" into "fu", "Faqir" into "fag…". So respelled forms are
// checked only against words of four letters or more, with a few surnames let through.
const longest = (t: BlacklistedTerm) =>
  t.pattern.nodes.reduce((n, node) => {
    const atom = node.kind === SyntaxKind.Optional ? node.childNode : node
    return n + (atom.kind === SyntaxKind.Literal ? atom.chars.length : 1)
  }, 0)
const respelledTerms = new DataSet<{ originalWord: string }>()
  .addAll(dataset)
  // Czech surnames respelled: Tvrdý, Tvrdík, Tvrdoň.
  .addPhrase((p) =>
    p.setMetadata({ originalWord: 'turd' }).addWhitelistedTerm('turdy').addWhitelistedTerm('turdi').addWhitelistedTerm('turdo'),
  )
  .build()
const respelledMatcher = new RegExpMatcher({
  ...respelledTerms,
  blacklistedTerms: respelledTerms.blacklistedTerms.filter((t) => longest(t) >= 4),
  ...englishRecommendedTransformers,
})
// "vv" is read both as "w" ("vvhore") and as a stretched "v" for "u" ("cvvnt").
const respellings = (s: string) => {
  const r = s.replace(/ph/g, 'f').replace(/q/g, 'g')
  return [r.replace(/v/g, 'u'), r.replace(/vv/g, 'w').replace(/v/g, 'u')]
}

// Three or more single characters in a row, each set apart by spaces, dots, dashes or underscores
// ("f u c k", "f.u.c.k"), joined into a word. Never whole words: "Jess Hitt" is not "jesshitt".
const SPELLED_OUT = /(?<![^\s._-])[^\s._-](?:[\s._-]+[^\s._-]){2,}(?![^\s._-])/gu
const joinSpelledOut = (s: string) => s.replace(SPELLED_OUT, (run) => run.replace(/[\s._-]+/g, ''))

// obscenity keeps a doubled b, e, o, l, s or g (for "abbo", "abeed", "boonga", "ass", "nigger"),
// so "niggeer", "hitller" or "kyss" would slip past words spelled with one. Squeezed twice, with
// the leetspeak that reads as those letters: vowels alone, which keeps the double g of "niggeer",
// and then all six.
const withSqueezed = (s: string) => {
  const vowels = s.replace(/([eo30])\1+/g, '$1')
  return [s, vowels, vowels.replace(/([blsg56$/])\1+/g, '$1')]
}

const plain = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

// In a word of capitals, a lower-case l is a capital I in most sans-serif fonts ("NlGGER"): the
// one look-alike inside ASCII that UTS #39 reads the other way (I → l).
const capitalIs = (s: string) =>
  s.replace(/[\p{L}\p{N}]+/gu, (word) => (/\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word.replace(/l/g, '')) ? word.replace(/l/g, 'I') : word))

/** The neo-Nazi number code, in its digits however spaced: "1488", "14 88", "14/88". */
const HATE_NUMBERS = /(^|\D)1488(\D|$)/

/**
 * Whether a text holds a slur, an obscenity, a hate slogan or a taunt to self-harm, in any of
 * the forms a reader would see in it: as typed, without accents or punctuation, with look-alike
 * letters from other scripts read as Latin, spelled out letter by letter, or respelled.
 */
export function isOffensive(text: string): boolean {
  const seen = withoutInvisible(text.normalize('NFC'))
  if (HATE_NUMBERS.test(foldAnswer(seen).replace(/ /g, ''))) return true
  // Lower case and without accents, so that respelling and squeezing see plain letters.
  const read = [plain(seen), foldAnswer(seen), plain(asciiLookAlikes(seen)), plain(asciiLookAlikes(capitalIs(seen)))]
  const bare = [...new Set(read)].flatMap((f) => [f, joinSpelledOut(f)])
  const forms = new Set([seen, ...bare.flatMap(withSqueezed)])
  for (const f of forms) if (matcher.hasMatch(f)) return true
  const respelled = new Set(bare.flatMap(respellings).flatMap(withSqueezed))
  for (const f of respelled) if (!forms.has(f) && respelledMatcher.hasMatch(f)) return true
  return false
}
