import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { joinClass } from '../../src/db/classes.ts'
import { createDb } from '../../src/db/client.ts'
import type { Class } from '../../src/db/schema.ts'
import { randomId } from '../../src/http/ids.ts'

const db = createDb(env.DB)
const count = (table: string) => env.DB.prepare(`select count(*) as n from ${table}`).first<number>('n')

describe('joinClass', () => {
  it('seats nobody and starts no attempt in a class deleted since it was read', async () => {
    const gone: Class = {
      id: randomId(), boardId: randomId(), teacherHash: 'h', code: 'GONE22', name: 'Gone', bankIds: ['race-2018'],
      questionIds: ['x'], scoring: 'speed', naming: 'chosen', open: true, hideNames: false, createdAt: 1,
    }
    const [attempts, students] = [await count('attempts'), await count('students')]
    const outcome = await joinClass(db, {
      klass: gone, attemptId: randomId(), ownerHash: 'o', nickname: 'Ana', nicknameKey: 'ana', plan: [{ q: 'x' }], now: 2,
    })
    expect(outcome).toBe('class-gone')
    expect([await count('attempts'), await count('students')]).toEqual([attempts, students])
  })
})
