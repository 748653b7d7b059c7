// Starts `wrangler dev` on a free loopback port with its own fresh local D1 (migrations applied),
// for the browser tests, the load test and the benchmark. Plain Node: no test runner needed.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

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

/**
 * `inspector`: the port of the Worker's DevTools inspector (for a CPU profile). `group`: the
 * process group of wrangler and its workerd processes (for the CPU time they use).
 */
export type LocalServer = {
  url: string
  persist: string
  inspector: number
  group: number
  stop: () => void
  d1: (sql: string) => Record<string, unknown>[]
}

/**
 * `script`: another Worker entry to serve instead of wrangler.toml's `main` (the bench build).
 * `flags`: more for `wrangler dev`, such as `--minify=false` for a profile with readable names.
 */
export async function startServer({ script, flags = [] }: { script?: string; flags?: string[] } = {}): Promise<LocalServer> {
  const persist = mkdtempSync(join(tmpdir(), 'iom-quiz-'))
  execFileSync(wrangler, ['d1', 'migrations', 'apply', 'iom-race-quiz', '--local', '--persist-to', persist], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, CI: 'true' },
  })
  const [port, inspector] = [await freePort(), await freePort()]
  const args = [
    'dev',
    ...(script ? [script] : []),
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspector),
    '--persist-to',
    persist,
    ...flags,
  ]
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
    // A new connection, closed after: one left open could be closed by the server while the caller
    // is blocked (say in `d1`), and the caller's next request sent down it would fail.
    const ok = await fetch(url, { headers: { Connection: 'close' } }).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { url, persist, inspector, group: child.pid!, stop, d1: (sql) => d1(persist, sql) }
    await new Promise((r) => setTimeout(r, 250))
  }
  stop()
  throw new Error(`wrangler dev did not start:\n${log}`)
}

/**
 * Runs one SQL statement on the server's local D1 (through wrangler, as a person would) and returns
 * its rows. The running server holds the same SQLite file: a statement that meets one of its writes
 * is refused (SQLITE_BUSY) and is tried again a moment later.
 */
function d1(persist: string, sql: string): Record<string, unknown>[] {
  for (let tries = 1; ; tries++) {
    try {
      const out = execFileSync(
        wrangler,
        ['d1', 'execute', 'iom-race-quiz', '--local', '--persist-to', persist, '--json', '--command', sql],
        {
          cwd: root,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, CI: 'true' },
        },
      )
      return (JSON.parse(out) as { results: Record<string, unknown>[] }[])[0].results
    } catch (e) {
      if (tries === 5 || !String((e as { stderr?: string }).stderr).includes('SQLITE_BUSY')) throw e
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250 * tries)
    }
  }
}
