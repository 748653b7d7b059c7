import type { AnswerValue } from '../db/schema.ts'
import type { Question } from '../questions/schema.ts'

// One formatter for the isolate: toLocaleString builds a new one on every call, which showed in the profile.
const points = new Intl.NumberFormat('en-GB')
export const formatPoints = (n: number) => points.format(n)

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return `${seconds} s`
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`
}

/** A time to the tenth of a second: an answer's, or a median of answers. */
export const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

export const percent = (part: number, whole: number) => (whole ? Math.round((100 * part) / whole) : 0)
/** A student's accuracy: the share right of the questions they answered, or null before any answer. The dashboard and the CSV both show this one. */
export const accuracy = ({ correct, answered }: { correct: number; answered: number }) => (answered ? percent(correct, answered) : null)

/** An answer as a reader says it: choice texts, "True", places in order, or a number with its unit. */
export function formatAnswer(q: Question, value: AnswerValue): string {
  switch (q.type) {
    case 'truefalse':
      return value ? 'True' : 'False'
    case 'single':
    case 'typed':
      return String(value)
    case 'multi':
      return [value].flat().join('; ')
    case 'order':
      return [value]
        .flat()
        .map((v, i) => `${i + 1}. ${v}`)
        .join('  ')
    case 'numeric':
      return `${value}${q.unit ? ` ${q.unit}` : ''}`
  }
}

export function formatKey(q: Question): string {
  const key = formatAnswer(q, q.answer)
  return q.type === 'numeric' && q.margin > 0 ? `${key} (full points within ±${q.margin})` : key
}
