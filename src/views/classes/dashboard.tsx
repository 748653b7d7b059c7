// The part of the teacher's page that moves while a class plays: who waits, the students ranked,
// each question's correct rate. The page renders it, and so does the route it polls.
import type { QuestionStat, Roster } from '../../db/standings.ts'
import type { Class } from '../../db/schema.ts'
import { QuestionChart } from './chart.tsx'
import { OverallStanding } from './rounds.tsx'
import { StudentTable, WaitingRoom } from './students.tsx'

export type DashboardData = Roster & { stats: QuestionStat[] }

export const DASHBOARD_POLL_SECONDS = 4

/**
 * Whether the dashboard can still change by itself: a live game until it ends (the end marks every
 * seat finished); a self-paced class while it takes joins, or someone waits or is still playing.
 */
export function stillMoving(klass: Class, { seats, waiting }: Pick<DashboardData, 'seats' | 'waiting'>): boolean {
  if (klass.live) return !(seats.length > 0 && seats.every((s) => s.finished))
  return klass.open || waiting.length > 0 || seats.some((s) => !s.finished)
}

/**
 * Polls itself while the class plays. The request carries the version it shows (`tag`, the
 * ETag), so an unchanged dashboard is a 304 that swaps nothing. A change is morphed in, not
 * replaced: ticked boxes, a half-typed rename and keyboard focus stay where they were, and each
 * row's menu is left alone (hx-morph-skip), so one the teacher has open stays open.
 */
export function Dashboard({ klass, base, tag, ...data }: DashboardData & { klass: Class; base: string; tag: string }) {
  const poll = stillMoving(klass, data) && {
    'hx-get': `${base}/dashboard`,
    'hx-trigger': `every ${DASHBOARD_POLL_SECONDS}s`,
    'hx-swap': 'outerMorph',
    'hx-headers': JSON.stringify({ 'If-None-Match': tag }),
    // A failed poll (a D1 blip) keeps the last table on screen and tries again on the next tick.
    'hx-status:5xx': 'swap:none',
  }
  return (
    <div id="dashboard" class="dashboard" {...(poll || {})}>
      <div class="roster-side">
        <WaitingRoom klass={klass} base={base} waiting={data.waiting} />
        <StudentTable klass={klass} base={base} seats={data.seats} />
        <OverallStanding klass={klass} seats={data.seats} />
      </div>
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">Questions, hardest first</h2>
        <p class="meta">
          <a href={`${base}/report`}>See what to reteach</a>: every question and student in full, to go over with the class or print.
        </p>
        <QuestionChart klass={klass} stats={data.stats} />
      </section>
    </div>
  )
}
