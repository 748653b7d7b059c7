import type { Class } from '../../db/schema.ts'
import { NICKNAME_MAX, NICKNAME_MIN } from '../../game/nickname.ts'
import { PostForm } from '../post-form.tsx'
import { deadlineOf, DueNotice } from './deadline.tsx'

/** Where a student types the code from the board. */
export function JoinCodePage({ error }: { error?: string }) {
  return (
    <>
      <h1>Join a class</h1>
      <form method="get" action="/join" class="stack">
        <p class="field">
          <label for="code">Class code</label>
          <input
            id="code"
            name="code"
            type="text"
            maxlength={12}
            autocomplete="off"
            autocapitalize="characters"
            class="code-input"
            aria-describedby={error ? 'code-error' : undefined}
            aria-invalid={error ? 'true' : undefined}
          />
          {error && (
            <span id="code-error" class="error" role="alert">
              {error}
            </span>
          )}
        </p>
        <button type="submit" class="primary">
          Next
        </button>
      </form>
    </>
  )
}

/** The nickname step (or, for generated names, just a button). */
export function JoinPage({ klass, nickname = '', error }: { klass: Class; nickname?: string; error?: string }) {
  return (
    <>
      <h1>Join {klass.name}</h1>
      <DueNotice deadline={deadlineOf(klass)} />
      <PostForm action={`/join/${klass.code}`} class="stack">
        {klass.naming === 'chosen' ? (
          <p class="field">
            <label for="nickname">Your nickname</label>
            <input
              id="nickname"
              name="nickname"
              type="text"
              minlength={NICKNAME_MIN}
              maxlength={NICKNAME_MAX}
              value={nickname}
              autocomplete="off"
              aria-describedby={error ? 'nickname-hint nickname-error' : 'nickname-hint'}
              aria-invalid={error ? 'true' : undefined}
            />
            <span id="nickname-hint" class="hint">
              {NICKNAME_MIN} to {NICKNAME_MAX} characters, different from everyone else's. Not your real name.
            </span>
            {error && (
              <span id="nickname-error" class="error" role="alert">
                {error}
              </span>
            )}
          </p>
        ) : (
          <p>Your teacher gives everyone a two-word name: you will see yours on the first question.</p>
        )}
        <button type="submit" class="primary">
          Join and start
        </button>
      </PostForm>
    </>
  )
}

/** A student in a class's waiting room: the page looks again every few seconds until they are let in. */
export function WaitingPage({ className, nickname, seatUrl }: { className: string; nickname: string; seatUrl: string }) {
  return (
    <>
      <h1>{className}</h1>
      <p role="status">
        You are in the waiting room as <strong>{nickname}</strong>. Your teacher lets each student in; this page moves on by itself as soon
        as they do.
      </p>
      <p>
        <a class="button" href={seatUrl}>
          Refresh
        </a>
      </p>
    </>
  )
}
