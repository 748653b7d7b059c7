import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** A failure the user caused or can fix, with a message written for them (and headers such as Retry-After). */
export class Problem extends HTTPException {
  readonly link: { href: string; label: string }
  readonly headers: Record<string, string>
  constructor(
    status: ContentfulStatusCode,
    message: string,
    link = { href: '/', label: 'Back to the quizzes' },
    headers: Record<string, string> = {},
  ) {
    super(status, { message })
    this.link = link
    this.headers = headers
  }
}
