import { raw } from 'hono/html'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { HtmlEscapedString } from 'hono/utils/html'

/**
 * Markup that depends only on what the bundle holds (a bank, a question): rendered on its first use
 * and kept for the isolate's life, so no later page renders it again. It must be synchronous.
 */
export function renderedOnce<K extends object>(render: (key: K) => JSX.Element): (key: K) => HtmlEscapedString {
  const made = new WeakMap<K, HtmlEscapedString>()
  return (key) => {
    let html = made.get(key)
    if (!html) made.set(key, (html = raw(render(key).toString())))
    return html
  }
}
