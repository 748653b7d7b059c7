import { DEFAULT_QUIZ_SIZE } from '../game/plan.ts'
import { difficultyOf, quizzes } from '../questions/registry.ts'
import { PostForm } from './post-form.tsx'

export function HomePage() {
  return (
    <>
      <h1>Who leads the UN's migration agency?</h1>
      <p class="lede">
        Quizzes on the races for Director-General of the International Organization for Migration: António Vitorino's win in 2018 and Amy
        Pope's in 2023. Pick a quiz: {DEFAULT_QUIZ_SIZE} questions, one at a time, points for every right answer and a little more for
        speed.
      </p>
      <section class="class-links" aria-label="Classes">
        <form method="get" action="/join" class="inline">
          <label for="home-code">Joining a class? Enter its code</label>{' '}
          <input id="home-code" name="code" type="text" maxlength={12} autocomplete="off" class="code-input" />{' '}
          <button type="submit">Join</button>
        </form>
        <p>
          Teaching? <a href="/classes/new">Open a class</a>: your students join with a code, and you watch a live leaderboard.
        </p>
      </section>
      <ul class="banks">
        {quizzes.map((bank) => (
          <li class="bank">
            <h2 id={`bank-${bank.id}`}>{bank.title}</h2>
            <p>{bank.description}</p>
            <p class="meta">
              {bank.questions.length} questions · {difficultyOf(bank)}
            </p>
            <PostForm action="/play">
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
    </>
  )
}
