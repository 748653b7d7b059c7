import type { Child } from 'hono/jsx'
import assets from '../generated/assets.json'
import { STYLESHEETS, type Look } from './stylesheets.ts'

declare module 'hono' {
  interface ContextRenderer {
    (content: string | Promise<string>, props: LayoutProps): Response | Promise<Response>
  }
}

export type LayoutProps = {
  title: string
  /** Seconds after which a page without JavaScript reloads itself (with it, htmx polls instead). */
  refresh?: number
  /** Seconds after which the page reloads itself, JavaScript or not (an error that may pass). */
  reload?: number
  /** A live game's page: it loads htmx's WebSocket extension and the live script (the countdown, sliders). */
  live?: boolean
  /** A page for the big screen: it fills the screen, with no site header or footer, and can go full screen. */
  projector?: boolean
}

export function Layout({ title, refresh, reload, live, projector, look, children }: LayoutProps & { look: Look; children?: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{`${title} · IOM Race Quiz`}</title>
        {/* Inline, so the first paint waits for no other request; the CSP allows it by its hash (src/cli/build.ts). */}
        <style dangerouslySetInnerHTML={{ __html: STYLESHEETS[look] }} />
        <link rel="icon" href={assets.favicon} type="image/svg+xml" />
        <script src={live ? assets.htmxLive : assets.htmx} defer></script>
        {(live || projector) && <script src={assets.live} defer></script>}
        {reload && <meta http-equiv="refresh" content={String(reload)} />}
        {refresh && (
          <noscript>
            <meta http-equiv="refresh" content={String(refresh)} />
          </noscript>
        )}
      </head>
      <body class={projector ? 'on-projector' : undefined}>
        <a class="skip" href="#main">
          Skip to content
        </a>
        {!projector && (
          <header class="site">
            <a href="/" class="brand">
              IOM Race Quiz
            </a>
          </header>
        )}
        <main id="main">{children}</main>
        {!projector && (
          <footer class="site">
            Questions drawn from four news articles on the 2018 and 2023 races to lead the International Organization for Migration.
          </footer>
        )}
      </body>
    </html>
  )
}
