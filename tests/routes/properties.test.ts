// Generated junk at every form endpoint (fast-check): whatever arrives, the app answers below
// 500, a refusal changes nothing in the database, and every total still equals its answers.
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { TOKEN_FIELD } from '../../src/http/forms.ts'
import { browser, ORIGIN, type Browser } from './browser.ts'
import { databaseState, join, openClass, totalsDisagree } from './fixtures.ts'

type World = { player: Browser; quizzes: string[]; code: string; secret: string; seat: string; liveSecret: string; liveSeat: string }

/** Text a form field might hold: arbitrary Unicode, lone surrogates, and values near the valid ones. */
const junkText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n)), maxLength: 3 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '1',
    '-1',
    '9',
    '10',
    '99',
    '1e999',
    'NaN',
    'true',
    'false',
    'race-2018',
    'all',
    'speed',
    'untimed',
    'chosen',
    'generated',
    'r18-winner',
    'tl-order-pope-path',
    'live',
    'self',
    '2030-01-01T10:00',
    'Europe/London',
    '=cmd|calc',
    '<script>x</script>',
    '\u0000',
    '\u202E',
    '\uFFFD',
    'x'.repeat(300),
  ),
)
const fieldName = fc.oneof(
  fc.constantFrom(
    'position',
    'choice',
    'text',
    'number',
    'place-0',
    'place-1',
    'place-9',
    'nickname',
    'bank',
    'banks',
    'name',
    'size',
    'scoring',
    'naming',
    'confirm',
    'on',
    'mode',
    'seconds',
    'version',
    'student',
    'admit',
    'questions',
    'due',
    'zone',
    TOKEN_FIELD,
  ),
  fc.string({ maxLength: 12 }),
)
const junkForm = fc.array(fc.tuple(fieldName, junkText), { maxLength: 8 })
const junkSegment = fc.oneof(junkText, fc.constantFrom('AAAAAAAAAAAAAAAAAAAAAA', 'A'.repeat(43), 'ZZZZZZ', '..', 'x'.repeat(5000)))
/** Path segments sent as they are, not encoded: broken percent-escapes and the like. */
const rawSegment = fc.constantFrom('%', '%E0%A4%A', '%00', '%FF%FE', '..%2F..%2F', '%2e%2e', ';x', 'a%20b')

/** Every form endpoint, with its ids now real, now junk (each junk segment as it goes in a URL). */
function endpoint(w: World) {
  const junk = fc.oneof(
    junkSegment.map((s) => encodeURIComponent(s.toWellFormed())),
    rawSegment,
  )
  const id = fc.oneof(fc.constantFrom(...w.quizzes, w.seat, w.liveSeat), junk)
  const secret = fc.oneof(fc.constantFrom(w.secret, w.liveSecret), junk)
  const control = fc.oneof(fc.constantFrom('start', 'pause', 'resume', 'reveal', 'next', 'skip', 'end'), junk)
  const action = fc.oneof(
    fc.constantFrom('close', 'open', 'hide-names', 'show-names', 'delete', 'waiting-room/on', 'waiting-room/off'),
    fc.constantFrom('students/remove', 'students/block', 'students/admit-all'),
    fc.constantFrom('deadline', 'deadline/close', 'deadline/remove'),
    junk,
  )
  const studentAction = fc.oneof(fc.constantFrom('rename', 'extra-time', 'remove', 'block', 'admit'), junk)
  return fc.oneof(
    fc.constantFrom('/play', '/classes'),
    id.map((i) => `/play/${i}/answer`),
    id.map((i) => `/play/${i}/next`),
    id.map((i) => `/play/${i}/skip`),
    id.map((i) => `/results/${i}/nickname`),
    fc.oneof(fc.constant(w.code), junk).map((c) => `/join/${c}`),
    fc.tuple(secret, action).map(([s, a]) => `/teach/${s}/${a}`),
    fc.tuple(secret, id, studentAction).map(([s, i, a]) => `/teach/${s}/students/${i}/${a}`),
    id.map((i) => `/live/${i}/answer`),
    fc.tuple(secret, control).map(([s, c]) => `/teach/${s}/live/${c}`),
  )
}

/** The junk as a browser could send it: URL-encoded, multipart (some parts as files), or raw bytes under a form type. */
const encoding = fc.constantFrom('urlencoded', 'multipart', 'bytes')

async function send(w: World, path: string, fields: [string, string][], how: string, htmx: boolean, bytes: Uint8Array) {
  const token: [string, string][] = fields.some(([k]) => k === TOKEN_FIELD) ? [] : [[TOKEN_FIELD, w.player.cookies.get('csrf')!]]
  const all = [...token, ...fields]
  const headers: Record<string, string> = { Origin: ORIGIN, 'CF-Connecting-IP': `10.1.${bytes[0] ?? 0}.${bytes[1] ?? 0}` }
  if (htmx) Object.assign(headers, { 'HX-Request': 'true', 'HX-Request-Type': 'partial' })
  let body: BodyInit
  if (how === 'multipart') {
    // Written out by hand as the HTML spec encodes it: FormData here refuses some names a forger can send.
    const escape = (s: string) => s.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22')
    const boundary = '----junk' + bytes.length
    const file = (i: number) => ((bytes[i] ?? 0) % 3 === 0 ? `; filename="${escape(String(i))}.txt"\r\nContent-Type: text/plain` : '')
    body =
      all.map(([k, v], i) => `--${boundary}\r\nContent-Disposition: form-data; name="${escape(k)}"${file(i)}\r\n\r\n${v}\r\n`).join('') +
      `--${boundary}--\r\n`
    headers['Content-Type'] = `multipart/form-data; boundary=${boundary}`
  } else if (how === 'bytes') {
    body = new Blob([`${new URLSearchParams(token)}&`, bytes]) // the token, then anything at all
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
  } else {
    body = new URLSearchParams(all)
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
  }
  return w.player.raw(path, { method: 'POST', body, headers })
}

describe('junk at every form endpoint', () => {
  let world: World
  beforeAll(async () => {
    const player = browser()
    const quizzes = [await player.start('race-2018'), await player.start('timeline'), await player.start('race-2023')]
    const { code, secret } = await openClass({ size: '5' })
    const { attemptId } = await join(code, 'Ana', player)
    // A live game in play, with this player seated in it.
    const live = await openClass({ size: '5', mode: 'live', seconds: '60' })
    const { attemptId: liveSeat } = await join(live.code, 'Ana', player)
    expect((await live.teacher.post(`${live.base}/live/start`, {})).status).toBe(303)
    world = { player, quizzes, code, secret, seat: attemptId!, liveSecret: live.secret, liveSeat: liveSeat! }
  })

  it('never answers 500, and a refusal changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        endpoint(world),
        junkForm,
        encoding,
        fc.boolean(),
        fc.uint8Array({ maxLength: 64 }),
        async (path, fields, how, htmx, bytes) => {
          const before = await databaseState()
          const res = await send(world, path, fields, how, htmx, bytes)
          await res.arrayBuffer()
          expect(res.status, path).toBeLessThan(500)
          if (res.status >= 400) expect(await databaseState(), `${res.status} ${path}`).toBe(before)
        },
      ),
      { numRuns: 400 },
    )
    expect(await totalsDisagree()).toEqual([])
  }, 120_000)
})

describe('junk in the picker’s address', () => {
  const pickerField = fc.oneof(
    fc.constantFrom('set', 'add', 'remove', 'drop', 'up', 'down', 'random', 'clear', 'use', 'n', 'bank', 'tag', 'type', 'level', 'text'),
    fc.string({ maxLength: 8 }),
  )
  it('never answers 500 to the picker or the new-class form, whatever the query', async () => {
    const teacher = browser()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/classes/pick', '/classes/new'),
        fc.array(fc.tuple(pickerField, junkText), { maxLength: 10 }),
        fc.boolean(),
        async (path, fields, htmx) => {
          const query = new URLSearchParams(fields.map(([k, v]) => [k.toWellFormed(), v.toWellFormed()]))
          const res = await teacher.get(`${path}?${query}`, htmx ? { 'HX-Request': 'true', 'HX-Request-Type': 'partial' } : {})
          await res.arrayBuffer()
          expect(res.status, `${path}?${query}`).toBeLessThan(500)
        },
      ),
      { numRuns: 300 },
    )
  }, 120_000)
})
