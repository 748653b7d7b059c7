// Homework deadlines. A teacher gives a wall-clock time and a time zone; the server reads them into
// the one instant they name (UTC ms) and compares it with its own clock, never a browser's.
// workerd has no Temporal yet, so Intl does the zone arithmetic: its formatter gives a zone's wall
// clock at an instant, and the instant of a wall-clock time is found from the zone's offsets either
// side of it (a zone's offset changes at most once in two days).

const DAY_MS = 24 * 60 * 60 * 1000

/** What the deadline form sends: `due` as an <input type="datetime-local"> writes it, `zone` as typed or filled in. */
export type DeadlineForm = { due: string; zone: string }
export type DeadlineErrors = Partial<Record<keyof DeadlineForm, string>>
export type Deadline = { closesAt: number; zone: string }

/** Whether answers are refused: a deadline has come, by the server's clock. */
export const isClosed = (closesAt: number | null, now: number) => closesAt !== null && now >= closesAt

// One formatter per zone and purpose for the isolate: building one costs far more than using it.
// Only zones already read by readZone reach them, so the cache holds a few hundred at most.
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(zone: string, purpose: 'clock' | 'words') {
  const key = `${purpose} ${zone}`
  let f = formatters.get(key)
  if (!f) {
    const fields: Intl.DateTimeFormatOptions =
      purpose === 'clock'
        ? { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' }
        : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    formatters.set(key, (f = new Intl.DateTimeFormat('en-GB', { ...fields, timeZone: zone })))
  }
  return f
}

/** The wall clock in `zone` at instant `ms`, written as the UTC instant with the same fields (to the second). */
export function wallClock(ms: number, zone: string): number {
  const part = Object.fromEntries(
    formatter(zone, 'clock')
      .formatToParts(ms)
      .map((p) => [p.type, Number(p.value)]),
  )
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second)
}

/**
 * The instant a wall-clock time (as from readWallTime) names in `zone`. In the hour the clocks go
 * back it names two: the earlier, as a person means "1:30" before the change. In the hour they
 * skip it names none: null.
 */
export function instantOf(wall: number, zone: string): number | null {
  const offsetAt = (ms: number) => wallClock(ms, zone) - Math.floor(ms / 1000) * 1000
  const fits = [wall - DAY_MS, wall + DAY_MS].map((near) => wall - offsetAt(near)).filter((ms) => wallClock(ms, zone) === wall)
  return fits.length ? Math.min(...fits) : null
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/

/** A date and time as <input type="datetime-local"> sends it ("2026-11-27T17:00", seconds optional), as UTC fields; null if no such time. */
export function readWallTime(raw: string): number | null {
  const m = LOCAL.exec(raw.trim())
  if (!m) return null
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((n) => Number(n ?? 0))
  const ms = Date.UTC(year, month - 1, day, hour, minute, second)
  const back = new Date(ms)
  // Date.UTC rolls 31 April over into 1 May: a date that changed on the way is not a date.
  const same =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute
  return same ? ms : null
}

const OFFSET = /^(?:UTC|GMT)?\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/i

/**
 * A time zone as the browser fills it in or the teacher types it: an IANA name ("Europe/London",
 * any case), UTC, or an offset ("+05:30", "UTC-4", "GMT+2"), in the form Intl names it; null if
 * Intl knows no such zone.
 */
export function readZone(raw: string): string | null {
  const text = raw.trim()
  if (text === '' || text.length > 64) return null
  const offset = OFFSET.exec(text)
  const name = offset ? `${offset[1] === '+' ? '+' : '-'}${offset[2].padStart(2, '0')}:${offset[3] ?? '00'}` : text
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: name }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

/** A zone as a reader says it: "Europe/London time", "UTC", "UTC+05:30". */
export const zoneLabel = (zone: string) => (zone === 'UTC' ? 'UTC' : /^[+-]/.test(zone) ? `UTC${zone}` : `${zone.replace(/_/g, ' ')} time`)

/** An instant in words in a zone: "Thursday, 27 November 2026 at 17:00, Europe/London time". */
export const inWords = (ms: number, zone: string) => `${formatter(zone, 'words').format(ms)}, ${zoneLabel(zone)}`

/** An instant as the value of an <input type="datetime-local"> showing it in `zone`. */
export const localValue = (ms: number, zone: string) => new Date(wallClock(ms, zone)).toISOString().slice(0, 16)

/** The time left before a deadline, to the second under an hour: "2 days, 3 hours"; "0 minutes, 0 seconds" once passed. */
export function timeLeft(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000))
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  const [days, hours, minutes, seconds] = [Math.floor(s / 86400), Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60), s % 60]
  if (days > 0) return `${unit(days, 'day')}, ${unit(hours, 'hour')}`
  if (hours > 0) return `${unit(hours, 'hour')}, ${unit(minutes, 'minute')}`
  return `${unit(minutes, 'minute')}, ${unit(seconds, 'second')}`
}

/**
 * The deadline a form sets, or a message for each field to fix. It must be later than `now` (to
 * close at once there is a button) and no later than `expiresAt`, when the class and its answers
 * are deleted: a deadline after that would close nothing.
 */
export function readDeadline(
  form: DeadlineForm,
  { now, expiresAt }: { now: number; expiresAt: number },
): { ok: true; deadline: Deadline } | { ok: false; errors: DeadlineErrors } {
  const zone = readZone(form.zone)
  const wall = readWallTime(form.due)
  const errors: DeadlineErrors = {}
  if (!zone)
    errors.zone =
      form.zone.trim() === ''
        ? 'Give your time zone, such as Europe/London, America/New_York or UTC+2.'
        : `We do not know the time zone "${form.zone.trim().slice(0, 64)}". Pick one from the list, such as Europe/London, or give an offset such as UTC+2.`
  if (wall === null)
    errors.due =
      form.due.trim() === ''
        ? 'Give the date and time the homework is due.'
        : 'That is not a date and time we can read. Give one such as 2026-11-27 17:00.'
  if (!zone || wall === null) return { ok: false, errors }
  const closesAt = instantOf(wall, zone)
  if (closesAt === null)
    return {
      ok: false,
      errors: { due: `That time does not exist in ${zoneLabel(zone)}: the clocks go forward then. Choose a later time.` },
    }
  if (closesAt <= now)
    return {
      ok: false,
      errors: {
        due: `That time has passed: it is now ${inWords(now, zone)}. Choose a later time, or close the homework now with the button on your page.`,
      },
    }
  if (closesAt > expiresAt)
    return {
      ok: false,
      errors: {
        due: `The class and all its answers are deleted on ${inWords(expiresAt, zone)}, 30 days after it opened. Choose a time before then.`,
      },
    }
  return { ok: true, deadline: { closesAt, zone } }
}
