import { describe, expect, it } from 'vitest'
import compiled from '../../src/generated/banks.json'
import { generatedName, nicknameKey, readNickname } from '../../src/game/nickname.ts'
import { isOffensive } from '../../src/game/word-filter.ts'

const refusal = (raw: string) => {
  const read = readNickname(raw)
  return read.ok ? undefined : read.message
}

// Real first and last names, and words, that share letters with a slur, or become one when a
// letter is read as another: each must stay allowed.
const ORDINARY = [
  'Jess Hitt',
  // Numbers that only look like the hate code once leetspeak and doubled letters are read.
  'Phone 148',
  'Room 1148',
  'Ana Lee',
  'Ana L',
  'Phuong',
  'Phu',
  'Phúc',
  'Quinn',
  'Victor',
  'Vu',
  'Cassandra',
  'Scunthorpe',
  'Assad',
  'Hancock',
  'Sussex',
  'Dickens',
  'Dixon',
  'Cockburn',
  'Hitchcock',
  'Nigel',
  'Niger',
  'Cumberbatch',
  'Titus',
  'Tilton',
  'Faqir',
  'Tariq',
  'Iqbal',
  'Shafiq',
  'Tvrdík',
  'Tvrtko',
  'Curnow',
  'Pompey',
  'Kumar',
  'Phoebe',
  'Raphael',
  'Svetlana',
  'Sylvia',
  'Nguyễn Văn Phú',
  'Siobhán',
  'Łukasz',
  'Дмитрий',
  'Наталья',
  'Νίκος',
  'محمد',
  'अर्जुन',
  'ज़िंदगी',
  '美咲',
  'Sam ❤️',
  'J R R Tolkien',
]

describe('nicknames the issue found accepted', () => {
  it.each([
    ['letters set apart by spaces', 'f u c k'],
    ['letters set apart by spaces', 'n i g g e r'],
    ['letters set apart by dots', 'f.u.c.k'],
    ['letters set apart by dots', 'c.u.n.t'],
    ['letters set apart by dashes and underscores', 's-l-u-t_s'],
    ['letters repeated and spaced', 'c u u u n n t'],
    ['a repeated letter obscenity keeps doubled', 'niggeeer'],
    ['ph for f', 'phuck'],
    ['q for g', 'niqqer'],
    ['v for u', 'cvnt'],
    ['a self-harm taunt', 'kill yourself'],
    ['a self-harm taunt', 'kys'],
    ['a self-harm taunt', 'hang urself'],
    ['a hate slogan', 'heil hitler'],
    ['a hate slogan', 'white power'],
    ['a hate code', '14/88'],
    ['a hate code', 'Sam 1488'],
    ['a look-alike letter missing from obscenity’s own list (U+AB35, lenis f)', '\uAB35uck'],
    ['look-alikes from two scripts', 'ꞙᴜ\u0441k'],
    ['a lower-case l for a capital I', 'NlGGER'],
  ])('refuses %s: %j', (_, raw) => {
    expect(refusal(raw)).toBe('That nickname is not allowed here. Please pick another.')
  })

  it('gives a name with a Cyrillic А the key of the Latin one, so a class cannot hold both', () => {
    expect(nicknameKey('\u0410lice')).toBe(nicknameKey('Alice'))
    expect(nicknameKey('\u0410L\u0406CE')).toBe(nicknameKey('alice'))
    expect(nicknameKey('\u0412\u041e\u0412')).toBe(nicknameKey('Bob'))
  })

  it('refuses a name of blank or invisible characters, and one that hides them', () => {
    for (const raw of ['\u3164\u3164\u3164', '\u115F\u1160\u115F', '\uFFA0\uFFA0', '\u2800\u2800\u2800', 'Ana\u3164', 'A\u034Fna'])
      expect(refusal(raw), raw).toMatch(/blank or invisible/)
  })

  it('refuses more than two accents stacked on one letter', () => {
    expect(refusal('a' + '\u0301'.repeat(10) + 'b')).toBe('Use at most two accents on a letter.')
    expect(refusal('Zo\u0308\u0301\u0300e')).toBe('Use at most two accents on a letter.')
  })
})

describe('nicknames that stay allowed', () => {
  it.each(ORDINARY)('allows %j', (name) => {
    expect(readNickname(name)).toEqual({ ok: true, value: name })
  })

  it('allows every generated name', () => {
    for (let a = 0; a < 30; a++)
      for (let b = 0; b < 30; b++) {
        const picks = [(a + 0.5) / 30, (b + 0.5) / 30]
        const name = generatedName(() => picks.shift()!)
        expect(readNickname(name).ok, name).toBe(true)
      }
  })

  it('allows two accents on a letter (Vietnamese), an emoji with its variation selector, and a keycap', () => {
    for (const name of ['Nguyễn Thị Hồng', 'Sam ❤\uFE0F', 'Team 1\uFE0F\u20E3']) expect(readNickname(name).ok, name).toBe(true)
  })

  it('keeps obscenity’s own refusals where it made them', () => {
    for (const raw of ['fuck', 'fuuuuck', 'fvck', 'sh1t', 'ⓕⓤⓒⓚ', 'ｆｕｃｋ', 'b1tch', 'f@ggot', 'Dick Grayson'])
      expect(refusal(raw), raw).toMatch(/not allowed/)
  })

  it('passes every text of the question banks, which typed answers will be checked like', () => {
    const texts = new Set<string>()
    const walk = (v: unknown): void => {
      if (typeof v === 'string') texts.add(v)
      else if (v && typeof v === 'object') Object.values(v).forEach(walk)
    }
    walk(compiled.banks)
    expect([...texts].filter(isOffensive)).toEqual([])
  })
})

describe('what makes two nicknames the same', () => {
  it('ignores case, accents, spacing, look-alike letters and invisible characters', () => {
    const alice = nicknameKey('Alice')
    for (const same of ['ALICE', ' alice ', 'Alicé', 'A1ice', 'AlIce', '\u0391LICE', 'Alice\uFE0F', 'Al\u200Bice'])
      expect(nicknameKey(same), same).toBe(alice)
  })

  it('follows UTS #39 for digits: 1 looks like l and 0 like o, so "Al1ce" is "Allce", not "Alice"', () => {
    expect(nicknameKey('Al1ce')).toBe(nicknameKey('Allce'))
    expect(nicknameKey('Al1ce')).not.toBe(nicknameKey('Alice'))
    expect(nicknameKey('B0b')).toBe(nicknameKey('Bob'))
  })

  it('keeps different names apart', () => {
    expect(nicknameKey('Ana Lee')).not.toBe(nicknameKey('Analee'))
    expect(nicknameKey('Anna')).not.toBe(nicknameKey('Ana'))
  })
})
