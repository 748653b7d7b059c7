// Starts `wrangler dev` on a free loopback port with its own fresh local D1, for browser tests.
import { AxeBuilder } from '@axe-core/playwright'
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import type { Compiled } from '../../src/questions/compile.ts'
import type { Question } from '../../src/questions/schema.ts'

const root = join(import.meta.dirname, '..', '..')
const wrangler = join(root, 'node_modules', '.bin', 'wrangler')

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

export async function startServer(): Promise<{ url: string; stop: () => void }> {
  const persist = mkdtempSync(join(tmpdir(), 'iom-quiz-e2e-'))
  execFileSync(wrangler, ['d1', 'migrations', 'apply', 'iom-race-quiz', '--local', '--persist-to', persist], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, CI: 'true' },
  })
  const [port, inspector] = [await freePort(), await freePort()]
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector), '--persist-to', persist]
  const child = spawn(wrangler, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout!.on('data', (d) => (log += d))
  child.stderr!.on('data', (d) => (log += d))
  const url = `http://127.0.0.1:${port}`
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM') // the whole group: wrangler and its workerd
    } catch {
      // already gone
    }
    rmSync(persist, { recursive: true, force: true })
  }
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    const ok = await fetch(url).then((r) => r.ok, () => false)
    if (ok) return { url, stop }
    await new Promise((r) => setTimeout(r, 250))
  }
  stop()
  throw new Error(`wrangler dev did not start:\n${log}`)
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
]

/** Browser tests need Debian's chromium; under CI its absence is a failure, elsewhere a skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true
  const how = `no browser at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH)`
  if (process.env.CI === 'true') throw new Error(`browser tests cannot run: ${how}`)
  console.warn(`Skipping the browser tests: ${how}.`)
  return false
}

/** For a describe block: a fresh `wrangler dev` and a Chromium, started once and stopped after. */
export function useServerAndBrowser() {
  const ctx = {} as { url: string; browser: Browser }
  let server: Awaited<ReturnType<typeof startServer>> | undefined
  beforeAll(async () => {
    server = await startServer()
    ctx.url = server.url
    ctx.browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS })
  })
  afterAll(async () => {
    await ctx.browser?.close()
    server?.stop()
  })
  return ctx
}

/** axe-core finds no violation on the page as it stands (it needs JavaScript on). */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
}

/** The banks as built into the Worker, to look up the question a page shows by its prompt. */
export const questionsByPrompt = (): Map<string, Question> => {
  const { banks } = JSON.parse(readFileSync(join(root, 'src/generated/banks.json'), 'utf8')) as Compiled
  return new Map(banks.flatMap((b) => b.questions.map((q) => [q.prompt, q] as const)))
}
