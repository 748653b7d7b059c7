import { DEFAULT_QUIZ_SIZE } from '../game/plan.ts'
import { difficultyOf, quizzes } from '../questions/registry.ts'

export function HomePage() {
  return (
    <>
      <h1>Who leads the UN's migration agency?</h1>
      <p class="lede">
        Quizzes on the races for Director-General of the International Organization for Migration: António
        Vitorino's win in 2018 and Amy Pope's in 2023. Pick a quiz: {DEFAULT_QUIZ_SIZE} questions, one at a
        time, points for every right answer and a little more for speed.
      </p>
      <ul class="banks">
        {quizzes.map((bank) => (
          <li class="bank">
            <h2 id={`bank-${bank.id}`}>{bank.title}</h2>
            <p>{bank.description}</p>
            <p class="meta">
              {bank.questions.length} questions · {difficultyOf(bank)}
            </p>
            <form method="post" action="/play">
              <input type="hidden" name="bank" value={bank.id} />
              <button type="submit" class="primary" aria-describedby={`bank-${bank.id}`}>
                Play
              </button>{' '}
              <a href={`/leaderboard/${bank.id}`} aria-describedby={`bank-${bank.id}`}>
                Leaderboard
              </a>
            </form>
          </li>
        ))}
      </ul>
    </>
  )
}
