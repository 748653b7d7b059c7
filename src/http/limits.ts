// Rate limits through the Workers Rate Limiting binding (wrangler.toml). It counts in memory at
// each Cloudflare location, with no D1 read or write, and runs locally under wrangler dev and in
// tests. Its counts are approximate, which is right for abuse control and wrong for nothing here.
import type { Context } from 'hono'
import type { AppEnv } from '../env.ts'
import { Problem } from './problem.ts'

/** Each limit's window in seconds, as wrangler.toml sets it: the honest Retry-After. */
const LIMITS = {
  CLASS_LIMIT: { period: 60, message: 'You have opened a lot of classes in a short time. Please wait a minute and try again.' },
  START_LIMIT: { period: 60, message: 'A great many quizzes were started from your network just now. Please wait a minute and try again.' },
  JOIN_LIMIT: {
    period: 10,
    message: 'A great many players joined this class from your network just now. Please wait a few seconds and try again.',
  },
  CODE_LIMIT: {
    period: 60,
    message: 'Too many class codes were tried from your network. Please wait a minute, then check the code on the board.',
  },
  CODE_ADDRESS_LIMIT: {
    period: 60,
    message: 'Too many class codes were tried from your network. Please wait a minute, then check the code on the board.',
  },
  ANSWER_LIMIT: {
    period: 10,
    message: 'That was a lot of answers very quickly. Please wait a few seconds and try again: nothing was lost.',
  },
} as const

/** The client's network, as limits count it: Cloudflare sets its address; locally it is absent and everyone shares one key. */
export const clientAddress = (c: Context<AppEnv>) => network(c.req.header('CF-Connecting-IP') ?? 'local')

/**
 * An IPv4 address as it is; an IPv6 one by its first 64 bits, which one machine can hold whole and
 * pick a new address from for every request.
 */
export function network(address: string): string {
  if (!address.includes(':') || address.includes('.')) return address // IPv4, or IPv4 written as IPv6
  const [head, tail] = address.toLowerCase().split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

/** Counts a request against a limit, and refuses it (throws a 429 with Retry-After) once over. */
export async function enforceLimit(c: Context<AppEnv>, name: keyof typeof LIMITS, key: string, back: Problem['link']): Promise<void> {
  const { success } = await c.env[name].limit({ key })
  if (!success) throw tooMany(name, back)
}

/** The 429 of a limit: what happened, and when to try again (a live game counts its answers itself, by these). */
export function tooMany(name: keyof typeof LIMITS, back: Problem['link']): Problem {
  const { period, message } = LIMITS[name]
  return new Problem(429, message, back, { 'Retry-After': String(period) })
}

/** Adds `cost` to a limit's count without refusing this request: the next one pays for it. */
export async function charge(c: Context<AppEnv>, name: keyof typeof LIMITS, key: string, cost: number): Promise<void> {
  // One call per unit: the binding's `delta` option is missing from the emulator our tests run on.
  await Promise.all(Array.from({ length: cost }, () => c.env[name].limit({ key })))
}
