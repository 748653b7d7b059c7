// Runs one of the commands README documents (npm run bench, load, load:live) as a user would,
// so `npm test` fails when a command no longer starts, not only when its library code breaks.
import { spawn } from 'node:child_process'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..', '..')

export type CommandRun = { code: number | null; stdout: string; stderr: string }

/** Runs `node <script> ...args` from the project root with node_modules/.bin first on PATH, as npm scripts do. */
export function runCommand(script: string, args: string[], timeoutMs: number): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const path = `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env: { ...process.env, PATH: path } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}
