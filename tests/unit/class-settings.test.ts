import { describe, expect, it } from 'vitest'
import { CLASS_LIMITS, classForm, readClassSettings } from '../../src/game/class-settings.ts'

const read = (posted: Record<string, unknown>) => readClassSettings(classForm(posted))

describe('the new-class form, read at the edge', () => {
  it('tidies the name, takes defaults for what the form left out, and counts a bank once', () => {
    expect(read({ name: '  Year 11 \n Tuesday ', banks: ['race-2018', 'race-2018'] })).toEqual({
      ok: true,
      settings: {
        name: 'Year 11 Tuesday',
        banks: ['race-2018'],
        size: CLASS_LIMITS.size.default,
        scoring: 'speed',
        naming: 'chosen',
        mode: 'self',
        admit: false,
      },
    })
  })

  it('holds every number to the limits the form shows, and says which field to fix', () => {
    const { max } = CLASS_LIMITS.size
    const wrong = read({ name: 'x'.repeat(CLASS_LIMITS.name.max + 1), banks: 'no-such-bank', size: String(max + 1) })
    expect(wrong).toMatchObject({ ok: false, forged: false })
    expect(Object.keys(!wrong.ok ? wrong.errors : {}).sort()).toEqual(['banks', 'name', 'size'])
    expect(read({ name: 'A', banks: 'race-2018', size: String(max) }).ok).toBe(true)
  })

  it('checks the seconds only for a live game', () => {
    expect(read({ name: 'A', banks: 'race-2018', seconds: 'twenty' }).ok).toBe(true)
    expect(read({ name: 'A', banks: 'race-2018', mode: 'live', seconds: 'twenty' })).toMatchObject({
      ok: false,
      errors: { seconds: 'Give each question from 5 to 120 seconds.' },
    })
    expect(read({ name: 'A', banks: 'race-2018', mode: 'live', seconds: '30' })).toMatchObject({ ok: true, settings: { seconds: 30 } })
  })

  it('calls a choice the form never offers forged', () => {
    expect(read({ name: 'A', banks: 'race-2018', scoring: 'lottery' })).toMatchObject({ ok: false, forged: true })
  })
})

describe('a set the teacher chose', () => {
  const [a, b] = ['r18-winner', 'tl-order-pope-path']

  it('takes the set in its order instead of banks and a number', () => {
    expect(read({ name: 'A', questions: [b, a], banks: 'race-2018', size: '99' })).toEqual({
      ok: true,
      settings: { name: 'A', questions: [b, a], scoring: 'speed', naming: 'chosen', mode: 'self', admit: false },
    })
  })

  it('says what is wrong with a set: unknown questions, repeats, too many', () => {
    expect(read({ name: 'A', questions: [a, 'gone'] })).toMatchObject({
      ok: false,
      errors: { questions: expect.stringMatching(/^One question is not in our banks/) },
    })
    expect(read({ name: 'A', questions: [a, b, a] })).toMatchObject({
      ok: false,
      errors: { questions: expect.stringMatching(/more than once/) },
    })
    expect(read({ name: '', questions: [a] })).toMatchObject({ ok: false, forged: false, errors: { name: expect.any(String) } })
  })
})
