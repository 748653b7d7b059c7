// How a route answers, decided in one place: htmx swapping part of a page gets just the fragment;
// a form posted without JavaScript that worked is redirected (POST-redirect-GET); anything else
// gets the whole page. The same URL can so return a fragment or a page: app.tsx sets `Vary`.
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { JSX } from 'hono/jsx/jsx-runtime'
import { HtmlEscapedCallbackPhase, resolveCallback } from 'hono/utils/html'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../env.ts'
import type { LayoutProps } from '../views/layout.tsx'
import { FormToken } from '../views/post-form.tsx'

/** The request headers a page-or-fragment response depends on. */
export const VARY = 'HX-Request, HX-Request-Type'

/** htmx swapping part of a page (not a boosted or history request, which wants the whole page). */
export const isPartial = (c: Context) => c.req.header('HX-Request') === 'true' && c.req.header('HX-Request-Type') !== 'full'

const utf8 = new TextEncoder()

/**
 * HTML rendered as c.html renders it, but sent as UTF-8 bytes: workerd takes about twice as long to
 * make a body of a string that holds a character past Latin-1 (✓, “, →) as TextEncoder takes, and
 * most pages and fragments hold one (the picker's 45 KB: 0.1 to 0.2 ms of CPU a request).
 */
export async function sendHtml(c: Context, node: JSX.Element, status?: ContentfulStatusCode) {
  const html = await resolveCallback(node, HtmlEscapedCallbackPhase.Stringify, false, {})
  c.header('Content-Type', 'text/html; charset=UTF-8')
  const body = utf8.encode(html) as Uint8Array<ArrayBuffer> // a new buffer of its own, never shared
  return status === undefined ? c.body(body) : c.body(body, status)
}

/** An htmx fragment (no layout), with the form token its forms need. */
export function fragment<E extends AppEnv>(c: Context<E>, node: Child, status: ContentfulStatusCode = 200) {
  return sendHtml(c, <FormToken.Provider value={c.var.formToken}>{node}</FormToken.Provider>, status)
}

/** On to another address: a 303 for a plain form or link; htmx is told to load it whole (HX-Redirect). */
export function goTo(c: Context, url: string) {
  if (!isPartial(c)) return c.redirect(url, 303)
  return c.body(null, 200, { 'HX-Redirect': url })
}

export type Reply = LayoutProps & {
  /** What htmx swaps in. */
  fragment: () => Child
  /** The whole page. */
  page: () => JSX.Element
  status?: ContentfulStatusCode
  /** Where a form that worked (status 200) goes next without htmx. */
  redirect?: string
}

export function reply<E extends AppEnv>(c: Context<E>, { fragment: part, page, status = 200, redirect, ...layout }: Reply) {
  if (isPartial(c)) return fragment(c, part(), status)
  if (redirect && status === 200) return c.redirect(redirect, 303)
  c.status(status)
  return c.render(page(), layout)
}
