// A question as the picker shows it: its prompt, bank, kind and tags, the answer, the explanation
// and its sources, and the button that adds it to the set or takes it out.
import { bankOfQuestion } from '../../game/question-set.ts'
import type { Question } from '../../questions/schema.ts'
import { formatKey } from '../format.ts'
import { OptionMark } from '../option-mark.tsx'
import { renderedOnce } from '../rendered-once.ts'
import { Sources } from '../sources.tsx'
import { kindOf } from './question-set.tsx'

/** One question with everything a teacher needs to judge it, and its button: add, or remove if it is in the set. */
export function Card({ q, position }: { q: Question; position: number }) {
  if (position === 0) return unpicked(q)
  return (
    <li class="question-card in-set" id={`q-${q.id}`}>
      {about(q)}
      <p class="card-action">
        <span class="in-set-badge">✓ In your set, number {position}</span>
        <RemoveOrAdd q={q} position={position} />
      </p>
    </li>
  )
}

// What a card says of its question, and a card not in the set, are the same on every page, so they
// are rendered once: rendering a page's twelve cards was about a third of the picker's own CPU time
// (an in-isolate loop: 1.06 ms a page before, 0.75 after; all 152 on one page, 6.6 ms before).
const unpicked = renderedOnce((q: Question) => (
  <li class="question-card" id={`q-${q.id}`}>
    {about(q)}
    <p class="card-action">
      <RemoveOrAdd q={q} position={0} />
    </p>
  </li>
))

const about = renderedOnce((q: Question) => (
  <>
    <p class="prompt" id={`prompt-${q.id}`}>
      {q.prompt}
    </p>
    <p class="meta">
      {bankOfQuestion(q).title} · {kindOf(q)} · tags: {q.tags.map((t) => t.replace(/-/g, ' ')).join(', ')}
    </p>
    <Key q={q} />
    <details>
      <summary>Explanation and source</summary>
      <p>{q.explanation}</p>
      <Sources question={q} />
    </details>
  </>
))

function RemoveOrAdd({ q, position }: { q: Question; position: number }) {
  return (
    <button type="submit" id={`pick-${q.id}`} name={position ? 'remove' : 'add'} value={q.id} aria-describedby={`prompt-${q.id}`}>
      {position ? 'Remove from the set' : 'Add to the set'}
    </button>
  )
}

/** The answer: choices with their marks and the right ones said in words; an ordering in order; a typed or numeric key. */
function Key({ q }: { q: Question }) {
  switch (q.type) {
    case 'single':
    case 'multi':
    case 'truefalse': {
      const options = q.type === 'truefalse' ? ['True', 'False'] : q.choices
      const right = (text: string) => (q.type === 'truefalse' ? (text === 'True') === q.answer : [q.answer].flat().includes(text))
      return (
        <ul class="key-options">
          {options.map((text, i) => (
            <li class={right(text) ? 'is-key' : undefined}>
              <OptionMark i={i} />{' '}
              <span>
                {text}
                {right(text) && <strong class="key-label"> ✓ right answer</strong>}
              </span>
            </li>
          ))}
        </ul>
      )
    }
    case 'order':
      return (
        <div class="key-order">
          <p class="key-text">Right order, first to last:</p>
          <ol>
            {q.answer.map((item) => (
              <li>{item}</li>
            ))}
          </ol>
        </div>
      )
    case 'typed':
      return (
        <p class="key-text">
          Answer: <strong>{q.answer}</strong>
          {q.accept.length > 0 && <> (also accepted: {q.accept.join('; ')})</>}
        </p>
      )
    case 'numeric':
      return (
        <p class="key-text">
          Answer: <strong>{formatKey(q)}</strong>
        </p>
      )
  }
}
