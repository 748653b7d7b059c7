import { raw } from 'hono/html'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { HtmlEscapedString } from 'hono/utils/html'

/**
 * Markup that depends only on what the bundle holds (a bank, a question) or on a choice among a few
 * fixed ones (a filter's value, where a question stands in a list): rendered on its first use and
 * kept for the isolate's life, so no later page renders it again. `keyOf` names the markup; its keys
 * must come from such a fixed set, never from what a user typed, so the memo stays small. It must be
 * synchronous.
 */
export function renderedOnce<A>(render: (arg: A) => JSX.Element, keyOf: (arg: A) => unknown = (arg) => arg): (arg: A) => HtmlEscapedString {
  const made = new Map<unknown, HtmlEscapedString>()
  return (arg) => {
    const key = keyOf(arg)
    let html = made.get(key)
    if (!html) made.set(key, (html = raw(render(arg).toString())))
    return html
  }
}
