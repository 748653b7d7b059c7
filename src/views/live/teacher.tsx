// The teacher's remote control for a live game, above the dashboard.
import type { Control, Phase } from '../../live/machine.ts'
import { questionAt, type Snapshot } from '../../live/snapshot.ts'
import { findQuestion } from '../../questions/registry.ts'
import { PostForm } from '../post-form.tsx'
import { Asked } from './projector.tsx'
import { RevealChart } from './reveal.tsx'
import { AnsweredCount, players, stamp } from './shared.tsx'

const CONTROL_LABELS: Record<Control, string> = {
  start: 'Start the game',
  pause: 'Pause',
  resume: 'Carry on',
  reveal: 'Show the answer now',
  standings: 'Show the standings',
  next: 'Next question',
  skip: 'Skip this question',
  end: 'End the game now',
}
const CONTROLS_BY_PHASE: Record<Phase, Control[]> = {
  lobby: ['start'],
  open: ['pause', 'reveal', 'skip', 'end'],
  paused: ['resume', 'skip', 'end'],
  reveal: ['standings', 'next', 'end'],
  standings: ['next', 'end'],
  ended: [],
}

function where(snap: Snapshot): string {
  const { phase, index } = snap.state
  const of = `${index + 1} of ${snap.klass.live.plan.length}`
  switch (phase) {
    case 'lobby':
      return `Waiting in the lobby: ${players(snap.players)} joined.`
    case 'open':
      return `Question ${of} is open.`
    case 'paused':
      return `Question ${of} is paused.`
    case 'reveal':
      return `Showing the answer to question ${of}.`
    case 'standings':
      return `Showing the standings after question ${of}.`
    case 'ended':
      return 'The game is over. The results are below and in the CSV.'
  }
}

/**
 * The controls for the game's phase. After a press (`pressed`), the pressed button is gone:
 * focus moves to the new state's line, which a screen reader then reads.
 */
export function TeacherControls({ snap, base, pressed, notice }: { snap: Snapshot; base: string; pressed?: boolean; notice?: string }) {
  const { phase, index, version } = snap.state
  const last = index === snap.klass.live.plan.length - 1
  return (
    <div class="live-screen live-controls" {...stamp(snap)}>
      {notice && (
        <p class="error" role="alert">
          {notice}
        </p>
      )}
      <p tabindex={pressed ? -1 : undefined} autofocus={pressed}>
        <strong>{where(snap)}</strong>
      </p>
      {/* The buttons before the question and its options, however long: in view without scrolling.
          A div, not a p: a form closes an open p, which would leave the buttons outside their row. */}
      <div class="actions">
        {CONTROLS_BY_PHASE[phase].map((control) => {
          const action = `${base}/live/${control}`
          return (
            <PostForm action={action} hx-post={action} hx-target="#live-panel" class="inline">
              <input type="hidden" name="version" value={String(version)} />
              <button type="submit" class={control === 'start' || control === 'next' ? 'primary' : undefined}>
                {control === 'next' && last ? 'Show the podium' : CONTROL_LABELS[control]}
              </button>
            </PostForm>
          )
        })}
      </div>
      {(phase === 'open' || phase === 'paused') && <AnsweredCount snap={snap} />}
      <OnScreen snap={snap} />
      <JoinLock snap={snap} base={base} />
      <TypedAnswers snap={snap} base={base} />
      {phase !== 'ended' && phase !== 'lobby' && (
        <p class="meta">
          Skip moves on without showing the answer; answers already given keep their points. Ending now marks everyone finished.
        </p>
      )}
    </div>
  )
}

/** The question the room sees, in the projector's colours and shapes; once revealed, how the room answered. */
function OnScreen({ snap }: { snap: Snapshot }) {
  const onScreen = questionAt(snap.klass, snap.state.index)
  const { phase } = snap.state
  if (!onScreen || (phase !== 'open' && phase !== 'paused' && phase !== 'reveal')) return null
  return (
    <div class="on-screen">
      <p class="prompt">{onScreen.question.prompt}</p>
      {phase === 'reveal' ? <RevealChart snap={snap} {...onScreen} /> : <Asked {...onScreen} />}
    </div>
  )
}

/** One tap locks the class against new joins (a flood of scripted seats, say), and one opens it again. */
function JoinLock({ snap, base }: { snap: Snapshot; base: string }) {
  const { open } = snap.klass
  const action = `${base}/${open ? 'close' : 'open'}`
  const waiting = snap.waiting.size
  return (
    <div class="join-lock">
      {open ? 'New players can join.' : <strong>Locked: nobody new can join.</strong>}{' '}
      <PostForm action={action} hx-post={action} hx-target="#live-panel" class="inline">
        <button type="submit">{open ? 'Lock: no new joins' : 'Unlock joining'}</button>
      </PostForm>
      {waiting > 0 && (
        <>
          {' '}
          <a href="#waiting">{waiting} waiting to be let in</a>
        </>
      )}
    </div>
  )
}

/** Whether the projector shows what students typed at a reveal (after the word filter); only where the game asks a typed question. */
function TypedAnswers({ snap, base }: { snap: Snapshot; base: string }) {
  const asksTyped = snap.klass.live.plan.some((item) => findQuestion(item.q)?.type === 'typed')
  if (!asksTyped) return null
  const hidden = snap.klass.hideTyped
  const action = `${base}/${hidden ? 'show-typed' : 'hide-typed'}`
  return (
    <div class="typed-setting">
      {hidden ? 'Typed answers are hidden on the projector.' : 'The projector shows the answers typed most (after the word filter).'}{' '}
      <PostForm action={action} hx-post={action} hx-target="#live-panel" class="inline">
        <button type="submit">{hidden ? 'Show typed answers' : 'Hide typed answers'}</button>
      </PostForm>
    </div>
  )
}
