import { raw } from 'hono/html'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { HtmlEscapedString } from 'hono/utils/html'

// Past Latin-1: one UTF-16 unit, or a surrogate pair (a regular expression without the `u` flag runs faster).
const WIDE = /[\u0100-\ud7ff\ue000-\uffff]|[\ud800-\udbff][\udc00-\udfff]/g

/**
 * Markup rendered now, with every character past Latin-1 written as a reference (`&#8220;`), which
 * reads the same. V8 keeps a string with none at one byte a character, and workerd encodes such a
 * page for the response about three times as fast; one wider character anywhere in a page makes
 * all of it two bytes a character. For the big pages (the picker's 300 KB), where that shows.
 * The markup must be synchronous.
 */
export const latin1 = (markup: JSX.Element): HtmlEscapedString => raw(markup.toString().replace(WIDE, (c) => `&#${c.codePointAt(0)};`))

/** Markup that depends only on what the bundle holds (a bank, a question): rendered on first use, as `latin1`, and kept. */
export function renderedOnce<K extends object>(render: (key: K) => JSX.Element): (key: K) => HtmlEscapedString {
  const made = new WeakMap<K, HtmlEscapedString>()
  return (key) => {
    let html = made.get(key)
    if (!html) made.set(key, (html = latin1(render(key))))
    return html
  }
}
