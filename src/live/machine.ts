// The live game's phases as pure transitions: (state, now) in, state out. The Durable Object
// (src/live/game.ts) applies them, stores the result and sets the alarm; nothing here reads a clock.
//
//   lobby ─start→ open ─(time up | everyone answered | reveal)→ reveal ─next→ open … → ended
//                  ↕ pause/resume                                   │        ↑
//                                                         standings └─→ standings ─next┘
//   skip: on to the next question, no reveal
//   end: from any phase straight to ended

export type Phase = 'lobby' | 'open' | 'paused' | 'reveal' | 'standings' | 'ended'

export type LiveState = {
  phase: Phase
  /** The question on screen (0-based); -1 in the lobby. */
  index: number
  /** When the question opened, shifted forward by any pause: speed points count from here. */
  openedAt: number
  /** When the question closes (while open). */
  closesAt: number
  /** Time left when paused. */
  remainingMs: number
  /** Bumped on every change, so a view can say which state it shows. */
  version: number
}

export type Control = 'start' | 'pause' | 'resume' | 'reveal' | 'standings' | 'next' | 'skip' | 'end'
export const CONTROLS: readonly Control[] = ['start', 'pause', 'resume', 'reveal', 'standings', 'next', 'skip', 'end']

export const LOBBY: LiveState = { phase: 'lobby', index: -1, openedAt: 0, closesAt: 0, remainingMs: 0, version: 0 }

type Game = { seconds: number; questions: number }

const open = (s: LiveState, index: number, now: number, g: Game): LiveState =>
  index >= g.questions
    ? { ...s, phase: 'ended', remainingMs: 0 }
    : { ...s, phase: 'open', index, openedAt: now, closesAt: now + g.seconds * 1000, remainingMs: 0 }

/** The state after a control, or null when the control does not apply in this phase. */
export function apply(s: LiveState, control: Control, now: number, g: Game): LiveState | null {
  const next = step(s, control, now, g)
  return next && { ...next, version: s.version + 1 }
}

function step(s: LiveState, control: Control, now: number, g: Game): LiveState | null {
  switch (control) {
    case 'start':
      return s.phase === 'lobby' ? open(s, 0, now, g) : null
    case 'pause':
      return s.phase === 'open' ? { ...s, phase: 'paused', remainingMs: Math.max(0, s.closesAt - now) } : null
    case 'resume': {
      if (s.phase !== 'paused') return null
      // The clock picks up where it stopped: the pause counts neither against the time left nor the speed points.
      const elapsed = g.seconds * 1000 - s.remainingMs
      return { ...s, phase: 'open', openedAt: now - elapsed, closesAt: now + s.remainingMs, remainingMs: 0 }
    }
    case 'reveal':
      return s.phase === 'open' || s.phase === 'paused' ? { ...s, phase: 'reveal', remainingMs: 0 } : null
    case 'standings':
      return s.phase === 'reveal' ? { ...s, phase: 'standings' } : null
    case 'next':
      return s.phase === 'reveal' || s.phase === 'standings' ? open(s, s.index + 1, now, g) : null
    case 'skip':
      return s.phase === 'open' || s.phase === 'paused' ? open(s, s.index + 1, now, g) : null
    case 'end':
      return s.phase === 'ended' ? null : { ...s, phase: 'ended', remainingMs: 0 }
  }
}
