import { describe, expect, it } from 'vitest'
import { apply, CONTROLS, LOBBY, type LiveState } from '../../src/live/machine.ts'

const game = { seconds: 20, questions: 2 }
const run = (...steps: [string, number][]) =>
  steps.reduce<LiveState | null>((s, [control, now]) => s && apply(s, control as never, now, game), LOBBY)

describe('the live game’s phases', () => {
  it('opens each question for its seconds, and ends after the last', () => {
    const open = run(['start', 1000])!
    expect(open).toMatchObject({ phase: 'open', index: 0, openedAt: 1000, closesAt: 21_000, version: 1 })
    const second = apply(apply(open, 'reveal', 5000, game)!, 'next', 9000, game)!
    expect(second).toMatchObject({ phase: 'open', index: 1, openedAt: 9000, closesAt: 29_000, version: 3 })
    expect(apply(apply(second, 'reveal', 10_000, game)!, 'next', 11_000, game)).toMatchObject({ phase: 'ended', index: 1 })
  })

  it('stops the clock on a pause and carries on with the time that was left', () => {
    const paused = run(['start', 0], ['pause', 5000])!
    expect(paused).toMatchObject({ phase: 'paused', remainingMs: 15_000 })
    const resumed = apply(paused, 'resume', 65_000, game)!
    // Five seconds had passed when paused: speed points go on counting from there, not from the pause.
    expect(resumed).toMatchObject({ phase: 'open', openedAt: 60_000, closesAt: 80_000, remainingMs: 0 })
  })

  it('skips to the next question with no reveal, and ends from anywhere but the end', () => {
    expect(run(['start', 0], ['skip', 1000])).toMatchObject({ phase: 'open', index: 1, openedAt: 1000 })
    expect(run(['start', 0], ['pause', 1], ['skip', 2])).toMatchObject({ phase: 'open', index: 1 })
    for (const before of [LOBBY, run(['start', 0])!, run(['start', 0], ['reveal', 1])!])
      expect(apply(before, 'end', 5, game)?.phase).toBe('ended')
    expect(apply(run(['end', 0])!, 'end', 1, game)).toBeNull()
  })

  it('shows the standings between a reveal and the next question, or the podium after the last', () => {
    const standings = run(['start', 0], ['reveal', 1], ['standings', 2])!
    expect(standings).toMatchObject({ phase: 'standings', index: 0, version: 3 })
    expect(apply(standings, 'next', 3, game)).toMatchObject({ phase: 'open', index: 1, openedAt: 3 })
    const last = run(['start', 0], ['reveal', 1], ['next', 2], ['reveal', 3], ['standings', 4])!
    expect(apply(last, 'next', 5, game)).toMatchObject({ phase: 'ended', index: 1 })
  })

  it('refuses a control that does not fit the phase, changing nothing', () => {
    const applicable: Record<string, string[]> = {
      lobby: ['start', 'end'],
      open: ['pause', 'reveal', 'skip', 'end'],
      paused: ['resume', 'reveal', 'skip', 'end'],
      reveal: ['standings', 'next', 'end'],
      standings: ['next', 'end'],
      ended: [],
    }
    const states = [
      LOBBY,
      run(['start', 0])!,
      run(['start', 0], ['pause', 1])!,
      run(['start', 0], ['reveal', 1])!,
      run(['start', 0], ['reveal', 1], ['standings', 2])!,
      run(['end', 0])!,
    ]
    for (const s of states)
      for (const control of CONTROLS)
        expect(apply(s, control, 10, game) !== null, `${control} in ${s.phase}`).toBe(applicable[s.phase].includes(control))
  })
})
