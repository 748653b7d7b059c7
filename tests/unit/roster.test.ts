import { describe, expect, it } from 'vitest'
import { emptySeat } from '../../src/db/standings.ts'
import { Roster } from '../../src/live/roster.ts'

const ids = (roster: Roster) => roster.seats.map((x) => x.attemptId)

describe('who is in a live game', () => {
  it('seats a joiner at once, or has them wait, and holds both', () => {
    const roster = new Roster()
    roster.join({ attemptId: 'ana', nickname: 'Ana', admitted: true })
    roster.join({ attemptId: 'ben', nickname: 'Ben', admitted: false })
    expect(ids(roster)).toEqual(['ana'])
    expect([...roster.waiting]).toEqual(['ben'])
    expect([roster.holds('ana'), roster.holds('ben'), roster.holds('cai')]).toEqual([true, true, false])
    expect(roster.find('ana')).toEqual(emptySeat('ana', 'Ana'))
  })

  it('keeps a joiner a read begun before their join could not list, and only until a read that lists every join', () => {
    const roster = new Roster()
    roster.read([emptySeat('ana', 'Ana')], new Set())
    roster.join({ attemptId: 'ben', nickname: 'Ben', admitted: true })
    // A read of the class that began before Ben joined comes back without him: he stays.
    roster.read([emptySeat('ana', 'Ana')], new Set())
    expect(ids(roster)).toEqual(['ana', 'ben'])
    // The teacher removes Ben; the read after that lists every join so far, and is the word on who stays.
    roster.forgetJoiners()
    roster.read([emptySeat('ana', 'Ana')], new Set())
    expect(ids(roster)).toEqual(['ana'])
    expect(roster.holds('ben')).toBe(false)
  })

  it('seats nobody twice: a joiner the class already lists keeps the row D1 gave', () => {
    const roster = new Roster()
    roster.join({ attemptId: 'ana', nickname: 'Ana', admitted: true })
    roster.read([{ ...emptySeat('ana', 'Ana'), score: 1_000 }], new Set())
    expect(roster.seats).toHaveLength(1)
    expect(roster.find('ana')?.score).toBe(1_000)
  })
})
