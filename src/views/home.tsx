import { DEFAULT_QUIZ_SIZE } from '../game/plan.ts'
import { quizzes } from '../questions/registry.ts'
import { BankFacts } from './bank-facts.tsx'
import { PostForm } from './post-form.tsx'

/** What the game is and the three ways into it, on the first screen of a phone; then the quizzes. */
export function HomePage() {
  return (
    <div class="home">
      <h1>Who leads the UN's migration agency?</h1>
      <p class="lede">A quiz on the 2018 and 2023 races to head the International Organization for Migration (IOM).</p>
      <section class="starts" aria-labelledby="starts-heading">
        <h2 id="starts-heading" class="visually-hidden">
          Three ways to start
        </h2>
        <ul>
          <li>
            <p class="lead">Playing alone?</p>
            <p class="hint">{DEFAULT_QUIZ_SIZE} questions: points for each right answer, and more for speed.</p>
            <a class="button" href="#quizzes">
              Pick a quiz
            </a>
          </li>
          <li>
            <form method="get" action="/join" class="join-by-code">
              <label for="home-code">
                <span class="lead">Joining a class?</span> Enter its code
              </label>
              <span class="code-row">
                <input
                  id="home-code"
                  name="code"
                  type="text"
                  maxlength={12}
                  autocomplete="off"
                  autocapitalize="characters"
                  class="code-input"
                />
                <button type="submit">Join</button>
              </span>
            </form>
          </li>
          <li>
            <p class="lead">Teaching?</p>
            <p class="hint">Run a live game on the projector, or set homework.</p>
            <a class="button" href="/classes/new">
              Open a class
            </a>
          </li>
        </ul>
      </section>
      <h2 id="quizzes">Pick a quiz</h2>
      <ul class="banks">
        {quizzes.map((bank) => (
          <li class="bank">
            <h3 id={`bank-${bank.id}`}>{bank.title}</h3>
            <p>{bank.description}</p>
            <BankFacts bank={bank} />
            <PostForm action="/play" class="bank-actions">
              <input type="hidden" name="bank" value={bank.id} />
              <button type="submit" class="primary" aria-describedby={`bank-${bank.id}`}>
                Play
              </button>{' '}
              <a href={`/leaderboard/${bank.id}`} aria-describedby={`bank-${bank.id}`}>
                Leaderboard
              </a>
            </PostForm>
          </li>
        ))}
      </ul>
    </div>
  )
}
