import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { createClass, joinClass, removeStudents } from '../../src/db/classes.ts'
import { createDb } from '../../src/db/client.ts'
import type { Class } from '../../src/db/schema.ts'
import { randomId } from '../../src/http/ids.ts'

const db = createDb(env.DB)

/** A class stored straight into D1. */
async function seatable(code: string): Promise<Class> {
  const klass: Class = {
    id: randomId(),
    boardId: randomId(),
    teacherHash: randomId(),
    code,
    name: code,
    bankIds: ['race-2018'],
    questionIds: ['x'],
    scoring: 'speed',
    naming: 'chosen',
    open: true,
    hideNames: false,
    hideTyped: false,
    admit: false,
    createdAt: Date.now(),
    seats: 0,
    live: null,
    closesAt: null,
    closesZone: null,
    round: 1,
  }
  await createClass(db, klass)
  return klass
}
const count = (table: string) => env.DB.prepare(`select count(*) as n from ${table}`).first<number>('n')

describe('class sizes', () => {
  it('counts the seats of a class as students join and leave', async () => {
    const klass = await seatable('SEAT22')
    const seats = () => env.DB.prepare('select seats from classes where id = ?').bind(klass.id).first<number>('seats')
    const ids = [randomId(), randomId()]
    for (const [i, attemptId] of ids.entries())
      expect(
        await joinClass(db, { klass, attemptId, ownerHash: `o${i}`, nickname: `S${i}`, nicknameKey: `s${i}`, plan: [{ q: 'x' }], now: 2 }),
      ).toBe('joined')
    expect(
      await joinClass(db, {
        klass,
        attemptId: randomId(),
        ownerHash: 'o0',
        nickname: 'Again',
        nicknameKey: 'again',
        plan: [{ q: 'x' }],
        now: 2,
      }),
    ).toBe('already-seated')
    expect(await seats()).toBe(2)
    await removeStudents(db, klass.id, [ids[0]], false)
    expect(await seats()).toBe(1)
  })
})

describe('joinClass', () => {
  it('seats nobody and starts no attempt in a class deleted since it was read', async () => {
    const gone: Class = {
      id: randomId(),
      boardId: randomId(),
      teacherHash: 'h',
      code: 'GONE22',
      name: 'Gone',
      bankIds: ['race-2018'],
      questionIds: ['x'],
      scoring: 'speed',
      naming: 'chosen',
      open: true,
      hideNames: false,
      hideTyped: false,
      admit: false,
      createdAt: 1,
      seats: 0,
      live: null,
      closesAt: null,
      closesZone: null,
      round: 1,
    }
    const [attempts, students] = [await count('attempts'), await count('students')]
    const outcome = await joinClass(db, {
      klass: gone,
      attemptId: randomId(),
      ownerHash: 'o',
      nickname: 'Ana',
      nicknameKey: 'ana',
      plan: [{ q: 'x' }],
      now: 2,
    })
    expect(outcome).toBe('class-gone')
    expect([await count('attempts'), await count('students')]).toEqual([attempts, students])
  })
})
