// How the class answered, on the projector at a reveal: one chart for each kind of question, each
// with its numbers written out beside the picture (a chart is never the only way to read them).
import type { Reveal } from '../../live/questions.ts'
import type { Snapshot } from '../../live/snapshot.ts'
import type { Question } from '../../questions/schema.ts'
import { formatAnswer, percent } from '../format.ts'
import { OptionMark, optionClass } from '../option-mark.tsx'

const answers = (n: number) => `${n} ${n === 1 ? 'answer' : 'answers'}`

type Props<K extends Reveal['kind']> = { snap: Snapshot; question: Question; shown: string[]; reveal: Extract<Reveal, { kind: K }> }

function Choices({ snap, shown, reveal }: Props<'choices'>) {
  const most = Math.max(1, ...reveal.counts)
  return (
    <ol class={`live-chart${shown.length > 4 ? ' many' : ''}`} aria-label="How the class answered">
      {shown.map((text, i) => {
        const right = reveal.keyed.includes(i)
        const count = reveal.counts[i]
        return (
          <li class={`${optionClass(i)}${right ? ' right' : ''}`}>
            <OptionMark i={i} />
            <span class="option">
              {text}
              {right && <strong class="tick"> ✓ correct</strong>}
            </span>
            <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" class="bar">
              <rect width={String(Math.round((100 * count) / most))} height="6" class="bar-opt" />
            </svg>
            <span class="count">
              {answers(count)} ({percent(count, snap.answered)}%)
            </span>
          </li>
        )
      })}
    </ol>
  )
}

function Typed({ snap, reveal }: Props<'typed'>) {
  return (
    <>
      <p class="share">
        <strong>{percent(reveal.right, snap.answered)}%</strong> got it right ({reveal.right} of {answers(snap.answered)}).
      </p>
      {snap.klass.hideTyped ? (
        <p class="meta">The teacher has hidden the answers typed.</p>
      ) : (
        reveal.top.length > 0 && (
          <ol class="live-chart typed" aria-label="The answers typed most">
            {reveal.top.map((t) => (
              <li class={t.accepted ? 'right' : undefined}>
                <span class="option">
                  {t.text ?? <em>An answer the word filter keeps off the screen</em>}
                  {t.accepted && <strong class="tick"> ✓ accepted</strong>}
                </span>
                <span class="count">
                  {answers(t.count)} ({percent(t.count, snap.answered)}%)
                </span>
              </li>
            ))}
          </ol>
        )
      )}
    </>
  )
}

/** The guesses as dots on a line, the key and its bands of full and half points marked; the closest written out. */
function Numeric({ question, reveal }: Props<'numeric'>) {
  if (question.type !== 'numeric') return null
  const { answer: key, margin } = question
  const { guesses } = reveal
  const lo = Math.min(key - 3 * Math.max(margin, 1), ...guesses)
  const hi = Math.max(key + 3 * Math.max(margin, 1), ...guesses)
  const x = (v: number) => (hi === lo ? 50 : 2 + (96 * (v - lo)) / (hi - lo))
  const stacked = new Map<number, number>()
  const dots = guesses.map((g) => {
    const level = stacked.get(g) ?? 0
    stacked.set(g, level + 1)
    return { cx: x(g), cy: 26 - 4 * Math.min(level, 5) }
  })
  const closest = [...new Map(guesses.map((g) => [g, guesses.filter((h) => h === g).length])).entries()].slice(0, 6)
  return (
    <>
      <svg class="dots" viewBox="0 0 100 32" aria-hidden="true">
        {margin > 0 && (
          <rect class="band-half" x={x(key - 2 * margin)} y="2" width={x(key + 2 * margin) - x(key - 2 * margin)} height="28" />
        )}
        {margin > 0 && <rect class="band-full" x={x(key - margin)} y="2" width={x(key + margin) - x(key - margin)} height="28" />}
        <line class="axis" x1="2" x2="98" y1="30" y2="30" />
        <line class="key-line" x1={x(key)} x2={x(key)} y1="2" y2="30" />
        {dots.map((d) => (
          <circle class="dot" cx={d.cx.toFixed(2)} cy={d.cy} r="1.6" />
        ))}
      </svg>
      <p class="share">
        Full points within ±{margin}, half points within ±{2 * margin}. {guesses.length} guesses, from {Math.min(...guesses)} to{' '}
        {Math.max(...guesses)}.
      </p>
      {closest.length > 0 && (
        <ol class="closest" aria-label="The closest guesses">
          {closest.map(([guess, count]) => (
            <li>
              {formatAnswer(question, guess)} <span class="count">({answers(count)})</span>
            </li>
          ))}
        </ol>
      )}
    </>
  )
}

function Order({ snap, question, reveal }: Props<'order'>) {
  if (question.type !== 'order') return null
  return (
    <>
      <p class="share">
        The right order, first to last: <strong>{percent(reveal.right, snap.answered)}%</strong> had all of it ({reveal.right} of{' '}
        {answers(snap.answered)}).
      </p>
      <ol class="live-chart order" aria-label="The right order, and how many put each item in its place">
        {question.answer.map((item, i) => (
          <li class="right">
            <span class="letter">{i + 1}</span>
            <span class="option">{item}</span>
            <span class="count">
              {reveal.byPosition[i]} placed it here ({percent(reveal.byPosition[i], snap.answered)}%)
            </span>
          </li>
        ))}
      </ol>
    </>
  )
}

/** The chart for the question's kind. */
export function RevealChart({ snap, question, shown }: { snap: Snapshot; question: Question; shown: string[] }) {
  const reveal = snap.reveal
  if (!reveal) return null
  switch (reveal.kind) {
    case 'choices':
      return <Choices snap={snap} question={question} shown={shown} reveal={reveal} />
    case 'typed':
      return <Typed snap={snap} question={question} shown={shown} reveal={reveal} />
    case 'numeric':
      return <Numeric snap={snap} question={question} shown={shown} reveal={reveal} />
    case 'order':
      return <Order snap={snap} question={question} shown={shown} reveal={reveal} />
  }
}
