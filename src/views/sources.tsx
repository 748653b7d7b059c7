import { sourcesOf } from '../questions/registry.ts'
import type { Question } from '../questions/schema.ts'

/** Every article a question's key rests on, cited in full. */
export function Sources({ question }: { question: Question }) {
  const sources = sourcesOf(question)
  return (
    <p class="source">
      {sources.length === 1 ? 'Source' : 'Sources'}:{' '}
      {sources.map((s, i) => (
        <>
          {i > 0 && '; '}
          {s.outlet}, “{s.title}”, {s.date}
        </>
      ))}
      .
    </p>
  )
}
