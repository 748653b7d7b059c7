import type { Bank, Question } from '../questions/schema.ts'
import { renderedOnce } from './rendered-once.ts'

const LEVELS = ['easy', 'medium', 'hard'] as const
export type Level = (typeof LEVELS)[number]

/** How each type is answered, in a player's words: a new type must say which it is. */
const KINDS: Record<Question['type'], string> = {
  single: 'multiple choice',
  multi: 'multiple choice',
  truefalse: 'multiple choice',
  typed: 'typed',
  numeric: 'typed',
  order: 'put in order',
}

/** How many of a bank's questions are easy, medium and hard (difficulty 1, 2 and 3): a spread, since an average says nothing. */
export const difficultySpread = (bank: Bank): { level: Level; count: number }[] =>
  LEVELS.map((level, i) => ({ level, count: bank.questions.filter((q) => q.difficulty === i + 1).length }))

/** How many of a bank's questions are answered each way, most first; ways with none left out. */
export function answerKinds(bank: Bank): { kind: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const q of bank.questions) counts.set(KINDS[q.type], (counts.get(KINDS[q.type]) ?? 0) + 1)
  return [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count)
}

/**
 * A bank's size, its difficulty spread and how its questions are answered, in words. The stacked
 * bar repeats the spread for the eye and is hidden from screen readers; its swatches sit in the text.
 */
export const BankFacts = ({ bank }: { bank: Bank }) => factsOf(bank)

// A bank's facts change only with the bundle: counted and rendered once, not on every home page.
const factsOf = renderedOnce((bank: Bank) => <Facts bank={bank} />)

function Facts({ bank }: { bank: Bank }) {
  const spread = difficultySpread(bank)
  const total = bank.questions.length
  const starts = spread.map((_, i) => spread.slice(0, i).reduce((sum, s) => sum + s.count, 0))
  return (
    <div class="facts">
      <p>
        {total} questions: {/* Each count stays on one line with its swatch and comma: a line never starts with a comma. */}
        {spread.map(({ level, count }, i) => (
          <>
            <span class="item">
              <span class={`swatch ${level}`} aria-hidden="true"></span>
              {count} {level}
              {i < spread.length - 1 && ','}
            </span>{' '}
          </>
        ))}
      </p>
      <svg class="spread" viewBox={`0 0 ${total} 1`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        {spread.map(({ level, count }, i) => (
          <rect class={level} x={starts[i]} width={count} height={1} />
        ))}
      </svg>
      <p>
        {answerKinds(bank).map(({ kind, count }, i, all) => (
          <>
            <span class="item">
              {count} {kind}
              {i < all.length - 1 && ','}
            </span>{' '}
          </>
        ))}
      </p>
    </div>
  )
}
