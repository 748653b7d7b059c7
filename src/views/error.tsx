export type ErrorProps = { status: number; message: string; link: { href: string; label: string } }

const TITLES: Record<number, string> = {
  400: 'That did not work',
  403: 'Not yours to change',
  404: 'Not found',
  409: 'Already moved on',
  413: 'Too much at once',
  422: 'Please check your answer',
  429: 'Too many requests',
}

export const errorTitle = (status: number) => TITLES[status] ?? (status >= 500 ? 'Something went wrong' : 'That did not work')

/** An error as a box: the whole page without JavaScript, the swapped fragment with htmx. */
export function ErrorBox({ status, message, link, fragment = false }: ErrorProps & { fragment?: boolean }) {
  const Heading = fragment ? 'h2' : 'h1'
  return (
    <div class="error-box" role="alert">
      <Heading tabindex={-1} autofocus>
        {errorTitle(status)}
      </Heading>
      <p>{message}</p>
      <p>
        <a class="button" href={link.href}>
          {link.label}
        </a>
      </p>
    </div>
  )
}
