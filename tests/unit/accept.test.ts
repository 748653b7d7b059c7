import { describe, expect, it } from 'vitest'
import { acceptance, type Facts } from '../../src/live/accept.ts'
import { apply, LOBBY, type LiveState } from '../../src/live/machine.ts'

const game = { seconds: 20, questions: 3 }
const at = (...controls: [Parameters<typeof apply>[1], number][]) =>
  controls.reduce<LiveState>((s, [c, now]) => apply(s, c, now, game)!, LOBBY)
const facts = (f: Partial<Facts> = {}): Facts => ({ position: 0, now: 5_000, answered: false, seated: true, ...f })

describe('whether the game takes an answer', () => {
  const open = at(['start', 1_000])

  it('takes a seated student’s first answer to the open question before its close', () => {
    expect(acceptance(open, facts())).toBe('accept')
    expect(acceptance(open, facts({ now: 20_999 }))).toBe('accept')
  })

  it('counts a second copy once, even after the question closed', () => {
    expect(acceptance(open, facts({ answered: true }))).toBe('already')
    expect(acceptance(at(['start', 1_000], ['reveal', 2_000]), facts({ answered: true }))).toBe('already')
  })

  it('closes the question when its time is up before the alarm has fired', () => {
    expect(acceptance(open, facts({ now: 21_000 }))).toBe('time-up')
  })

  it('refuses a question not open yet, a paused one, a closed one, and a student it does not know', () => {
    expect(acceptance(LOBBY, facts())).toBe('not-open')
    expect(acceptance(open, facts({ position: 1 }))).toBe('not-open')
    expect(acceptance(at(['start', 1_000], ['pause', 2_000]), facts())).toBe('paused')
    expect(acceptance(at(['start', 1_000], ['reveal', 2_000]), facts())).toBe('closed')
    expect(acceptance(at(['start', 1_000], ['end', 2_000]), facts())).toBe('closed')
    expect(acceptance(open, facts({ seated: false }))).toBe('not-seated')
  })

  it('looks up an answer to a question the game has left: a resend of one it took counts, anything else is late', () => {
    const second = at(['start', 1_000], ['skip', 2_000])
    expect(acceptance(second, facts({ position: 0 }))).toBe('look-up')
    expect(acceptance(second, facts({ position: 1 }))).toBe('accept')
  })
})
