import { describe, expect, it } from 'vitest'
import { network } from '../../src/http/limits.ts'

describe('the network a limit counts a client by', () => {
  it('keeps an IPv4 address whole', () => {
    expect(network('203.0.113.7')).toBe('203.0.113.7')
    expect(network('::ffff:203.0.113.7')).toBe('::ffff:203.0.113.7')
    expect(network('local')).toBe('local')
  })

  it('counts an IPv6 address by its /64, however it is written', () => {
    const one = '2001:db8:85a3:12::/64'
    for (const address of ['2001:db8:85a3:12::1', '2001:0db8:85a3:0012:ffff:1:2:3', '2001:DB8:85A3:12:0:0:0:9', '2001:db8:85a3:12:a::b'])
      expect(network(address)).toBe(one)
    expect(network('2001:db8:85a3:13::1')).not.toBe(one)
    expect(network('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(network('::1')).toBe('0:0:0:0::/64')
  })
})
