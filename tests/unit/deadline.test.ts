import { describe, expect, it } from 'vitest'
import { inWords, instantOf, localValue, readDeadline, readWallTime, readZone, timeLeft } from '../../src/game/deadline.ts'

const at = (local: string, zone: string) => instantOf(readWallTime(local)!, zone)
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())
const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

describe('a wall-clock time in a time zone, read into the instant it names', () => {
  it('reads a zone on either side of a change of clocks, and zones an odd number of minutes off UTC', () => {
    expect(iso(at('2026-01-15T17:00', 'Europe/London'))).toBe('2026-01-15T17:00:00.000Z')
    expect(iso(at('2026-07-15T17:00', 'Europe/London'))).toBe('2026-07-15T16:00:00.000Z')
    expect(iso(at('2026-11-27T09:30', 'America/New_York'))).toBe('2026-11-27T14:30:00.000Z')
    expect(iso(at('2026-11-27T09:30', 'Asia/Kathmandu'))).toBe('2026-11-27T03:45:00.000Z')
    expect(iso(at('2026-11-27T09:30', 'Pacific/Chatham'))).toBe('2026-11-26T19:45:00.000Z')
    expect(iso(at('2026-11-27T09:30', '+05:30'))).toBe('2026-11-27T04:00:00.000Z')
    expect(iso(at('2026-11-27T09:30:15', 'UTC'))).toBe('2026-11-27T09:30:15.000Z')
  })

  it('takes the earlier of the two instants in the hour the clocks go back, and none in the hour they skip', () => {
    // London, 25 October 2026: 01:30 comes first in summer time (00:30 UTC), then again an hour later.
    expect(iso(at('2026-10-25T01:30', 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z')
    // London, 29 March 2026: the clocks go from 01:00 to 02:00.
    expect(at('2026-03-29T01:30', 'Europe/London')).toBeNull()
    expect(iso(at('2026-03-29T02:00', 'Europe/London'))).toBe('2026-03-29T01:00:00.000Z')
    // Lord Howe Island moves its clocks by half an hour.
    expect(at('2026-10-04T02:15', 'Australia/Lord_Howe')).toBeNull()
    expect(iso(at('2026-10-04T02:30', 'Australia/Lord_Howe'))).toBe('2026-10-03T15:30:00.000Z')
  })

  it('writes an instant back as the form and the page show it in the zone', () => {
    const ms = Date.parse('2026-07-15T16:00:00Z')
    expect(localValue(ms, 'Europe/London')).toBe('2026-07-15T17:00')
    expect(inWords(ms, 'Europe/London')).toBe('Wednesday, 15 July 2026 at 17:00, Europe/London time')
    expect(inWords(ms, 'America/New_York')).toBe('Wednesday, 15 July 2026 at 12:00, America/New York time')
    expect(inWords(ms, '+05:30')).toBe('Wednesday, 15 July 2026 at 21:30, UTC+05:30')
    expect(inWords(ms, 'UTC')).toBe('Wednesday, 15 July 2026 at 16:00, UTC')
  })

  it('reads dates as datetime-local sends them, and no date that does not exist', () => {
    expect(readWallTime('2026-11-27T17:00')).toBe(Date.UTC(2026, 10, 27, 17))
    expect(readWallTime('2026-11-27 17:00:30.000')).toBe(Date.UTC(2026, 10, 27, 17, 0, 30))
    for (const bad of ['', 'tomorrow', '2026-04-31T10:00', '2026-11-27T24:00', '2026-13-01T10:00', '27/11/2026 17:00', '2026-11-27'])
      expect(readWallTime(bad), bad).toBeNull()
  })

  it('reads zone names in any case, UTC and offsets, and nothing else', () => {
    expect(readZone(' europe/london ')).toBe('Europe/London')
    expect(readZone('utc')).toBe('UTC')
    expect(readZone('UTC+2')).toBe('+02:00')
    expect(readZone('GMT-4:30')).toBe('-04:30')
    expect(readZone('+0530')).toBe('+05:30')
    for (const bad of ['', 'Mars/Olympus', 'Europe/Londn', 'UTC+99', 'x'.repeat(100), '<script>']) expect(readZone(bad), bad).toBeNull()
  })
})

describe('the deadline form, read at the edge', () => {
  const now = Date.parse('2026-11-24T10:00:00Z')
  const expiresAt = now + 20 * DAY
  const read = (due: string, zone: string) => readDeadline({ due, zone }, { now, expiresAt })

  it('gives the instant and the zone of a time to come', () => {
    expect(read('2026-11-27T17:00', 'Europe/London')).toEqual({
      ok: true,
      deadline: { closesAt: Date.parse('2026-11-27T17:00:00Z'), zone: 'Europe/London' },
    })
  })

  it('says what to fix: an empty or unreadable time, an unknown zone, a time past, gone or after the class is deleted', () => {
    const errors = (due: string, zone: string) => {
      const r = read(due, zone)
      return r.ok ? {} : r.errors
    }
    expect(errors('', '')).toEqual({
      due: 'Give the date and time the homework is due.',
      zone: 'Give your time zone, such as Europe/London, America/New_York or UTC+2.',
    })
    expect(errors('next week', 'Mars/Olympus')).toEqual({
      due: expect.stringContaining('not a date and time we can read'),
      zone: expect.stringContaining('We do not know the time zone "Mars/Olympus"'),
    })
    expect(errors('2026-11-24T09:59', 'UTC').due).toBe(
      'That time has passed: it is now Tuesday, 24 November 2026 at 10:00, UTC. Choose a later time, or close the homework now with the button on your page.',
    )
    expect(errors('2026-11-24T10:00', 'UTC').due).toContain('That time has passed')
    expect(errors('2026-12-20T10:00', 'UTC').due).toContain('deleted on Monday, 14 December 2026 at 10:00, UTC')
    expect(read('2026-12-14T10:00', 'UTC').ok).toBe(true)
    const gap = readDeadline({ due: '2027-03-28T01:30', zone: 'Europe/London' }, { now, expiresAt: now + 200 * DAY })
    expect(gap).toEqual({ ok: false, errors: { due: expect.stringContaining('does not exist in Europe/London time') } })
  })
})

describe('the time left', () => {
  it('counts days and hours, then hours and minutes, then minutes and seconds', () => {
    expect(timeLeft(2 * DAY + 3 * HOUR + 59_000)).toBe('2 days, 3 hours')
    expect(timeLeft(DAY)).toBe('1 day, 0 hours')
    expect(timeLeft(HOUR + 60_000)).toBe('1 hour, 1 minute')
    expect(timeLeft(61_500)).toBe('1 minute, 2 seconds')
    expect(timeLeft(-5)).toBe('0 minutes, 0 seconds')
  })
})
