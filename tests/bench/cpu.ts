// The CPU time the Worker's own workerd process spends, from Linux's /proc. Under `wrangler dev`
// there are two: one runs wrangler's proxy in front (dev only), the other the Worker, started with
// `--inspector-addr=`. That one also runs, locally, what production runs elsewhere: D1's and the
// rate limiter's emulators, as Durable Objects in the same process. CPU time, unlike throughput,
// barely moves when something else on the machine takes a core.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())

/** Fields of /proc/<pid>/stat after the command's name (which may hold spaces): [0] is the state. */
const statOf = (pid: string) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')

/** The pid of the workerd that runs the Worker, among the processes of one `wrangler dev` (its process group). */
export function workerProcess(group: number): string {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (statOf(pid)[2] !== String(group)) continue
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
      if (args[0].endsWith('workerd') && args.some((a) => a.startsWith('--inspector-addr='))) return pid
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`no workerd with an inspector in process group ${group}`)
}

/** Milliseconds of CPU (user and system) the process has used so far, at the kernel's tick (10 ms). */
export function cpuMs(pid: string): number {
  const fields = statOf(pid)
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS
}

/** Runs `work`, and returns what it returns with the process's CPU milliseconds over it. */
export async function withCpu<T>(pid: string, work: () => Promise<T>): Promise<T & { cpuMs: number }> {
  const before = cpuMs(pid)
  const result = await work()
  return { ...result, cpuMs: cpuMs(pid) - before }
}
