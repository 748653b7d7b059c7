// Every POST form carries the browser's form token (src/http/forms.ts checks it). Pages get it
// from the renderer and htmx fragments from `fragment()` (src/http/respond.tsx), through this
// context, so a view only writes <PostForm> and never handles the token itself.
import { createContext, useContext, type Child } from 'hono/jsx'
import type { JSX } from 'hono/jsx/jsx-runtime'
import { TOKEN_FIELD } from '../http/forms.ts'

// No default: a form rendered outside the renderer or fragment() fails loudly here, not as a 403 later.
export const FormToken = createContext<string | undefined>(undefined)

type FormAttributes = Omit<JSX.IntrinsicElements['form'], 'method'> & { children?: Child }

export function PostForm({ children, ...attributes }: FormAttributes) {
  const token = useContext(FormToken)
  if (token === undefined) throw new Error('PostForm rendered without a form token: render it through c.render or fragment()')
  return (
    <form method="post" {...attributes}>
      <input type="hidden" name={TOKEN_FIELD} value={token} />
      {children}
    </form>
  )
}
