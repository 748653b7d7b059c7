import { PostForm } from './post-form.tsx'

export type ErrorProps = {
  status: number
  message: string
  link: { href: string; label: string }
  /** Sends the failed request again: a link to the page, or a form that posts the same fields. */
  retry?: { kind: 'link'; href: string } | { kind: 'form'; action: string; fields: [string, string][] }
}

const TITLES: Record<number, string> = {
  400: 'That did not work',
  403: 'Not yours to change',
  404: 'Not found',
  409: 'Already moved on',
  413: 'Too much at once',
  415: 'That did not work',
  422: 'Please check your answer',
  429: 'Too many requests',
  503: 'Please try again',
}

export const errorTitle = (status: number) => TITLES[status] ?? (status >= 500 ? 'Something went wrong' : 'That did not work')

/** An error as a box: the whole page without JavaScript, the swapped fragment with htmx. */
export function ErrorBox({ status, message, link, retry, fragment = false }: ErrorProps & { fragment?: boolean }) {
  const Heading = fragment ? 'h2' : 'h1'
  return (
    <div class="error-box" role="alert">
      <Heading tabindex={-1} autofocus>
        {errorTitle(status)}
      </Heading>
      <p>{message}</p>
      {retry?.kind === 'form' && (
        <PostForm action={retry.action} class="actions">
          {retry.fields.map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <button type="submit" class="primary">
            Try again
          </button>
        </PostForm>
      )}
      <p>
        {retry?.kind === 'link' && (
          <a class="button primary" href={retry.href}>
            Try again
          </a>
        )}{' '}
        <a class="button" href={link.href}>
          {link.label}
        </a>
      </p>
    </div>
  )
}
