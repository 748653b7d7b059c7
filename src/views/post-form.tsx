// Every POST form carries the browser's form token (src/http/forms.ts checks it). Pages get it
// from the renderer and htmx fragments from `fragment()`, through this context, so a view only
// writes <PostForm> and never handles the token itself.
import type { Context } from 'hono'
import { createContext, useContext, type Child } from 'hono/jsx'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../env.ts'
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

/** An htmx fragment (no layout) with the form token its forms need. */
export function fragment(c: Context<AppEnv>, node: Child, status: ContentfulStatusCode = 200) {
  return c.html(<FormToken.Provider value={c.var.formToken}>{node}</FormToken.Provider>, status)
}
