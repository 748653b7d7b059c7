import type { Child } from 'hono/jsx'
import assets from '../generated/assets.json'

declare module 'hono' {
  interface ContextRenderer {
    (content: string | Promise<string>, props: { title: string; refresh?: number }): Response | Promise<Response>
  }
}

/** `refresh`: seconds after which a page without JavaScript reloads itself (htmx polls instead). */
export function Layout({ title, refresh, children }: { title: string; refresh?: number; children?: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{`${title} · IOM Race Quiz`}</title>
        <link rel="stylesheet" href={assets.css} />
        <script src={assets.htmx} defer></script>
        {refresh && (
          <noscript>
            <meta http-equiv="refresh" content={String(refresh)} />
          </noscript>
        )}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a href="/" class="brand">
            IOM Race Quiz
          </a>
        </header>
        <main id="main">{children}</main>
        <footer class="site">
          Questions drawn from four news articles on the 2018 and 2023 races to lead the International
          Organization for Migration.
        </footer>
      </body>
    </html>
  )
}
