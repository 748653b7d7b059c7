import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity'
import { skeleton } from './skeleton.ts'
import { foldAnswer, hasUnprintable } from './text.ts'

export const NICKNAME_MIN = 2
export const NICKNAME_MAX = 24

const slurs = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers })

/**
 * What makes two nicknames the same in a class: case, accents and spacing do not count, nor do
 * look-alike letters ("Аlice" with a Cyrillic А, "A1ice") or invisible characters.
 */
export const nicknameKey = (nickname: string) => foldAnswer(skeleton(nickname))

/** A nickname tidied for display, or the reason it cannot be used. */
export function readNickname(raw: unknown): { ok: true; value: string } | { ok: false; message: string } {
  if (typeof raw !== 'string') return { ok: false, message: 'Type a nickname.' }
  const value = raw.normalize('NFC').replace(/\s+/g, ' ').trim()
  if (hasUnprintable(value)) return { ok: false, message: 'Use letters, numbers and ordinary punctuation only.' }
  const length = [...value].length
  if (length < NICKNAME_MIN || length > NICKNAME_MAX)
    return { ok: false, message: `A nickname has ${NICKNAME_MIN} to ${NICKNAME_MAX} characters.` }
  if (!nicknameKey(value)) return { ok: false, message: 'Put at least one letter or number in your nickname.' }
  if (slurs.hasMatch(value) || slurs.hasMatch(foldAnswer(value)))
    return { ok: false, message: 'That nickname is not allowed here. Please pick another.' }
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
