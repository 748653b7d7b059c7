// Generated disguises (fast-check): every variant of a slur or taunt is refused, ordinary names in
// any case and with accents stay allowed, and look-alike spellings of a name share its key.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import confusables from '../../src/generated/confusables.json'
import { generatedName, NICKNAME_MAX, nicknameKey, readNickname } from '../../src/game/nickname.ts'
import { isOffensive } from '../../src/game/word-filter.ts'

const BASES = [
  'fuck',
  'cunt',
  'nigger',
  'faggot',
  'bitch',
  'shit',
  'whore',
  'retard',
  'kill yourself',
  'kys',
  'hang yourself',
  'heil hitler',
  'sieg heil',
  'white power',
  'white pride',
]
const NAMES = ['Alice', 'Ben', 'Chloe', 'Dmitri', 'Emma', 'Fatima', 'Hugo', 'Ines', 'Kofi', 'Lena', 'Mohammed', 'Noor', 'Oscar']
const NAMES_TOO = ['Priya', 'Quinn', 'Sven', 'Tomás', 'Vu', 'Phuong', 'Wei', 'Yusuf', 'Zoe', 'Jess Hitt', 'Ana Lee', 'Victor']

// UTS #39's look-alikes of each lower-case letter, from the table the Worker carries: sources of
// the letter and of its capital; capitals that look like I are in the table as "l" and read "i".
const lookAlikes = new Map<string, string[]>()
for (const [ascii, sources] of Object.entries(confusables as Record<string, string>))
  for (const c of sources) {
    if (/^[\0-\x7f]$/.test(c) || ascii.length > 1) continue
    const capital = c.toLowerCase() !== c
    const letter = ascii === 'l' && capital ? 'i' : ascii === 'l' ? 'l' : ascii.toLowerCase()
    lookAlikes.set(letter, [...(lookAlikes.get(letter) ?? []), c])
  }
const LEET: Record<string, string[]> = { a: ['@', '4'], e: ['3'], i: ['1', '!'], o: ['0'], s: ['$', '5'], t: ['7'], g: ['6'] }
const RESPELL: Record<string, string> = { f: 'ph', g: 'q', u: 'v', w: 'vv' }
const INVISIBLES = ['\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\uFEFF', '\u3164', '\u115F', '\u2800', '\u034F']
const ACCENTS = ['\u0301', '\u0300', '\u0308', '\u0302', '\u0303', '\u030C', '\u0327', '\u0323']

/** One letter in disguise: as it is, in capitals, full-width, in leetspeak, as a look-alike, or respelled. */
const disguise = (letter: string) => {
  // Full-width letters stand for the compatibility forms NFKD reads as ASCII (ｆ, 𝐟, ⓕ).
  const fullWidth = String.fromCharCode(letter.charCodeAt(0) + 0xfee0)
  const options = [fc.constant(letter), fc.constant(letter.toUpperCase()), fc.constant(fullWidth)]
  if (LEET[letter]) options.push(fc.constantFrom(...LEET[letter]))
  if (lookAlikes.has(letter)) options.push(fc.constantFrom(...lookAlikes.get(letter)!))
  if (RESPELL[letter]) options.push(fc.constant(RESPELL[letter]))
  return fc.oneof(...options)
}
const inserted = (text: string, extras: fc.Arbitrary<string>) =>
  fc.array(fc.tuple(fc.nat(), extras), { maxLength: 4 }).map((adds) =>
    adds.reduce((s, [at, extra]) => {
      const chars = [...s]
      chars.splice(at % (chars.length + 1), 0, extra)
      return chars.join('')
    }, text),
  )

const variant = fc
  .constantFrom(...BASES)
  .chain((base) =>
    fc.tuple(
      fc.tuple(
        ...[...base].map((c) =>
          c === ' ' ? fc.constant(' ') : fc.tuple(disguise(c), fc.integer({ min: 1, max: 3 })).map(([d, n]) => d.repeat(n)),
        ),
      ),
      fc.constantFrom('', ' ', '.', '-', '_', '. ', ' - '),
    ),
  )
  .map(([letters, gap]) => (gap ? [...letters.join('')].join(gap) : letters.join('')))
  .chain((text) => inserted(text, fc.constantFrom(...INVISIBLES)))

describe('generated disguises of a slur or taunt', () => {
  it('are all offensive and all refused', () => {
    fc.assert(
      fc.property(variant, (v) => {
        expect(isOffensive(v), JSON.stringify(v)).toBe(true)
        expect(readNickname(v).ok, JSON.stringify(v)).toBe(false)
      }),
      { numRuns: 600 },
    )
  })

  it('are still offensive under accents, and refused with more than two on a letter', () => {
    const accented = fc.tuple(variant, fc.integer({ min: 1, max: 8 })).chain(([v, n]) =>
      inserted(
        v,
        fc.constantFrom(...ACCENTS).map((a) => a.repeat(n)),
      ),
    )
    fc.assert(
      fc.property(accented, (v) => {
        expect(isOffensive(v), JSON.stringify(v)).toBe(true)
        expect(readNickname(v).ok, JSON.stringify(v)).toBe(false)
      }),
      { numRuns: 200 },
    )
  })
})

/** A name in random case, with at most two accents on some of its letters. */
const retyped = (name: string) =>
  fc.tuple(...[...name].map((c) => fc.tuple(fc.boolean(), fc.subarray(ACCENTS, { maxLength: 2 }), fc.boolean()))).map((letters) =>
    [...name]
      .map((c, i) => {
        const [upper, accents, accent] = letters[i]
        return (upper ? c.toUpperCase() : c.toLowerCase()) + (accent && /[a-z]/i.test(c) ? accents.join('') : '')
      })
      .join(''),
  )
const generated = fc.tuple(fc.nat(29), fc.nat(29)).map(([a, b]) => {
  const picks = [(a + 0.5) / 30, (b + 0.5) / 30]
  return generatedName(() => picks.shift()!)
})

describe('ordinary names retyped', () => {
  it('stay allowed in any case and with accents', () => {
    const name = fc.oneof(fc.constantFrom(...NAMES, ...NAMES_TOO), generated).chain(retyped)
    fc.assert(
      fc.property(name, (n) => {
        // Accents that do not combine with their letter count towards the length.
        fc.pre([...n.normalize('NFC')].length <= NICKNAME_MAX)
        expect(readNickname(n), JSON.stringify(n)).toMatchObject({ ok: true })
      }),
      { numRuns: 400 },
    )
  })

  it('share the key of the name when spelled with look-alike letters, invisible characters or another case', () => {
    const spelled = fc.constantFrom(...NAMES).chain((name) =>
      fc
        .tuple(
          ...[...name.toLowerCase()].map((c) =>
            fc.oneof(fc.constant(c), fc.constant(c.toUpperCase()), ...(lookAlikes.has(c) ? [fc.constantFrom(...lookAlikes.get(c)!)] : [])),
          ),
        )
        .chain((letters) => inserted(letters.join(''), fc.constantFrom(...INVISIBLES)))
        .map((look) => [name, look] as const),
    )
    fc.assert(
      fc.property(spelled, ([name, look]) => {
        expect(nicknameKey(look), JSON.stringify(look)).toBe(nicknameKey(name))
      }),
      { numRuns: 400 },
    )
  })
})
