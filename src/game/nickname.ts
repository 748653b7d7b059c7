import { INVISIBLE, skeleton } from './skeleton.ts'
import { foldAnswer, hasUnprintable } from './text.ts'
import { isOffensive } from './word-filter.ts'

export const NICKNAME_MIN = 2
export const NICKNAME_MAX = 24

// Variation selectors draw nothing themselves but choose how the character before them is drawn:
// phones send "❤️" as U+2764 U+FE0F, and some Japanese names need an ideographic variant.
const SELECTORS = /[\u180B-\u180D\u180F\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu
// Three or more accents stacked on one letter ("Zalgo" text spills over the rows above and below).
// Only non-spacing and enclosing marks stack: Devanagari's vowel signs are spacing marks.
const STACKED = /[\p{Mn}\p{Me}]{3}/u

/**
 * What makes two nicknames the same in a class: case, accents and spacing do not count, nor do
 * look-alike letters ("Аlice" with a Cyrillic А, "A1ice") or invisible characters.
 */
export const nicknameKey = (nickname: string) => foldAnswer(skeleton(nickname))

/** A nickname tidied for display, or the reason it cannot be used. */
export function readNickname(raw: unknown): { ok: true; value: string } | { ok: false; message: string } {
  if (typeof raw !== 'string') return { ok: false, message: 'Type a nickname.' }
  // U+FEFF counts as white space in JavaScript but draws nothing: left for hasUnprintable to refuse,
  // not turned into a space that splits a word.
  const value = raw
    .normalize('NFC')
    .replace(/[^\S\uFEFF]+/g, ' ')
    .trim()
  if (hasUnprintable(value)) return { ok: false, message: 'Use letters, numbers and ordinary punctuation only.' }
  if (INVISIBLE.test(value.replace(SELECTORS, '')))
    return { ok: false, message: 'Your nickname has a blank or invisible character in it. Type it again with letters and numbers.' }
  const length = [...value].length
  if (length < NICKNAME_MIN || length > NICKNAME_MAX)
    return { ok: false, message: `A nickname has ${NICKNAME_MIN} to ${NICKNAME_MAX} characters.` }
  if (STACKED.test(value.normalize('NFD').replace(SELECTORS, ''))) return { ok: false, message: 'Use at most two accents on a letter.' }
  if (!nicknameKey(value)) return { ok: false, message: 'Put at least one letter or number in your nickname.' }
  if (isOffensive(value)) return { ok: false, message: 'That nickname is not allowed here. Please pick another.' }
  return { ok: true, value }
}

const ADJECTIVES = [
  'Brave',
  'Calm',
  'Clever',
  'Curious',
  'Daring',
  'Eager',
  'Gentle',
  'Happy',
  'Honest',
  'Jolly',
  'Kind',
  'Lively',
  'Lucky',
  'Merry',
  'Mighty',
  'Nimble',
  'Patient',
  'Polite',
  'Proud',
  'Quick',
  'Quiet',
  'Rapid',
  'Bright',
  'Bold',
  'Sunny',
  'Swift',
  'Steady',
  'Witty',
  'Wise',
  'Zesty',
]
const ANIMALS = [
  'Heron',
  'Otter',
  'Falcon',
  'Badger',
  'Beaver',
  'Bison',
  'Crane',
  'Dolphin',
  'Eagle',
  'Ferret',
  'Gazelle',
  'Hedgehog',
  'Ibis',
  'Jaguar',
  'Koala',
  'Lemur',
  'Lynx',
  'Marten',
  'Narwhal',
  'Ocelot',
  'Panda',
  'Puffin',
  'Quail',
  'Raven',
  'Robin',
  'Salmon',
  'Swan',
  'Tapir',
  'Walrus',
  'Zebra',
]

/** A generated two-word name ("Brave Heron") for classes where nobody types one. */
export function generatedName(random = Math.random): string {
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]
  return `${pick(ADJECTIVES)} ${pick(ANIMALS)}`
}
