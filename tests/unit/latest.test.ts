import { describe, expect, it } from 'vitest'
import { LatestRead } from '../../src/live/latest.ts'

/** A read that finishes when told to, with the value it was started for. */
function reads() {
  const pending: { value: number; finish: () => void }[] = []
  let next = 0
  const read = () => {
    const value = ++next
    return new Promise<number>((resolve) => pending.push({ value, finish: () => resolve(value) }))
  }
  return { read, pending }
}
const tick = () => new Promise((r) => setTimeout(r, 0))

describe('a value read again on every change', () => {
  it('reads once however many wait for it', async () => {
    const { read, pending } = reads()
    const applied: number[] = []
    const latest = new LatestRead(read, (v) => void applied.push(v))
    const both = Promise.all([latest.load(), latest.load()])
    await tick()
    pending[0].finish()
    await both
    expect(applied).toEqual([1])
    await latest.load()
    expect(pending).toHaveLength(1)
  })

  it('applies only the latest of overlapping reads, and a reload waits for it', async () => {
    const { read, pending } = reads()
    const applied: number[] = []
    const latest = new LatestRead(read, (v) => void applied.push(v))
    const first = latest.reload()
    await tick()
    const second = latest.reload()
    await tick()
    // The later read lands first; the earlier one, landing after it, is stale and dropped.
    pending[1].finish()
    await second
    pending[0].finish()
    await first
    expect(applied).toEqual([2])
  })

  it('tries again after a failed read', async () => {
    let fail = true
    const applied: string[] = []
    const latest = new LatestRead(
      async () => {
        if (fail) throw new Error('D1 lost the connection')
        return 'ok'
      },
      (v) => void applied.push(v),
    )
    await expect(latest.load()).rejects.toThrow('D1 lost the connection')
    fail = false
    await latest.load()
    expect(applied).toEqual(['ok'])
  })
})
