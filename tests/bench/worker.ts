// The bench build: `wrangler dev tests/bench/worker.ts` serves the game exactly as src/index.tsx
// does, plus what the product never has:
//  - GET /bench/floor: a short text straight from the fetch handler, the runtime's own floor;
//  - GET /bench/d1-read and /bench/d1-write: one D1 read of a seeded quiz by primary key, and one
//    batch shaped like an answer's (insert the answer, whose trigger adds it to the totals, and
//    read back the quiz; on seeded quizzes 'wref…'), with no app code around them: an estimate of
//    what D1 itself costs;
//  - GET /bench/limit: one rate-limit check (an answer makes one), likewise alone;
//  - with the header `X-Bench-Meter: 1`, a response header `X-Bench-D1` counting the request's
//    D1 round trips and the rows they read and wrote, from D1's result metadata, and
//    `X-Bench-Limits` its rate-limit checks (each a call to an emulator locally);
//  - with the header `X-Bench-Replay: 1`, the request served with D1 and the rate limits answered
//    from memory after their first answer (tests/bench/replay.ts): our code alone, for a profile;
//  - with the header `X-Bench-Repeat: N`, the request served N times over inside the Worker, as
//    replayed: the CPU time of our code alone, without the HTTP around it, whose share of a
//    shared machine's noise swamped the difference measured (its reply: the last status).
import app from '../../src/app.tsx'
import { scheduled } from '../../src/cron.ts'
// Every class the Worker exports (the live game's Durable Object, and any added later): wrangler
// refuses to start a Worker whose wrangler.toml binds a class its entry does not export.
export * from '../../src/index.tsx'
import { metered, newMeter } from './d1-meter.ts'
import { replayed } from './replay.ts'
import { seededId } from './seeded.ts'

let written = 0
const LIMITERS = ['CLASS_LIMIT', 'START_LIMIT', 'JOIN_LIMIT', 'CODE_LIMIT', 'CODE_ADDRESS_LIMIT', 'ANSWER_LIMIT'] as const

export default {
  async fetch(request: Request, env: Cloudflare.Env, ctx: ExecutionContext): Promise<Response> {
    const { pathname } = new URL(request.url)
    if (pathname === '/bench/floor') return new Response('ok')
    if (pathname === '/bench/limit') return Response.json(await env.ANSWER_LIMIT.limit({ key: crypto.randomUUID() }))
    if (pathname === '/bench/d1-read')
      return Response.json(await env.DB.prepare('select * from attempts where id = ?').bind(seededId('quiz', 0)).all())
    if (pathname === '/bench/d1-write') {
      const id = seededId('wref', written++ % 5_000) // a wrap-around re-insert is ignored, so never an error
      // As an answer's batch: the insert (its trigger adds to the totals), then the attempt read back.
      const insert = env.DB.prepare(
        `insert into answers (attempt_id, position, question_id, response, credit, time_ms, points, answered_at)
        values (?, 0, 'q', '"a"', 1, 1000, 1100, 1) on conflict do nothing returning position`,
      ).bind(id)
      const update = env.DB.prepare(
        `update attempts set finished_at = case when finished_at is null and answered = json_array_length(plan)
        then 1 else finished_at end where id = ? returning *`,
      ).bind(id)
      return Response.json((await env.DB.batch([insert, update])).map((r) => r.meta.changes))
    }
    if (request.headers.get('X-Bench-Replay') === '1') return app.fetch(request, replayed(env, LIMITERS), ctx)
    if (request.headers.has('X-Bench-Repeat')) return repeat(request, env, ctx)
    if (request.headers.get('X-Bench-Meter') !== '1') return app.fetch(request, env, ctx)
    const meter = newMeter()
    let limits = 0
    const counted = (binding: RateLimit): RateLimit => ({ limit: (options) => (limits++, binding.limit(options)) })
    const limiters = Object.fromEntries(LIMITERS.map((name) => [name, counted(env[name])]))
    const res = await app.fetch(request, { ...env, ...limiters, DB: metered(env.DB, meter) }, ctx)
    const out = new Response(res.body, res)
    out.headers.set('X-Bench-D1', JSON.stringify(meter))
    out.headers.set('X-Bench-Limits', String(limits))
    return out
  },
  scheduled,
}

async function repeat(request: Request, env: Cloudflare.Env, ctx: ExecutionContext): Promise<Response> {
  const times = Number(request.headers.get('X-Bench-Repeat'))
  const headers = new Headers(request.headers)
  headers.delete('X-Bench-Repeat')
  const body = request.method === 'POST' ? await request.text() : undefined
  const replay = replayed(env, LIMITERS)
  let status = 0
  for (let i = 0; i < times; i++) {
    const res = await app.fetch(new Request(request.url, { method: request.method, headers, body }), replay, ctx)
    await res.arrayBuffer() // made in full, as a reply's body is
    status = res.status
  }
  return Response.json({ status })
}
