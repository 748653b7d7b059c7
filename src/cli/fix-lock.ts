// The registry mirror these machines use does not serve workerd's macOS and Windows
// packages, so `npm install` leaves them out of package-lock.json and `npm ci` then
// refuses the lock as out of sync. This adds their entries back (version, os, cpu): npm
// skips them on Linux without fetching, and a Mac or Windows clone installs them as usual.
// Run `npm run lock:fix` after any `npm install` that rewrites the lock.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

type Entry = { version: string; optionalDependencies?: Record<string, string> }
const PLATFORMS: Record<string, { os: string; cpu: string }> = {
  'darwin-64': { os: 'darwin', cpu: 'x64' },
  'darwin-arm64': { os: 'darwin', cpu: 'arm64' },
  'windows-64': { os: 'win32', cpu: 'x64' },
}

const path = join(import.meta.dirname, '..', '..', 'package-lock.json')
const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, Entry> }
let added = 0
for (const [key, entry] of Object.entries(lock.packages)) {
  if (!key.endsWith('node_modules/workerd')) continue
  const base = key.slice(0, -'workerd'.length)
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const platform = PLATFORMS[name.replace('@cloudflare/workerd-', '')]
    if (!platform || lock.packages[base + name]) continue
    const { os, cpu } = platform
    lock.packages[base + name] = {
      version,
      cpu: [cpu],
      dev: true,
      license: 'Apache-2.0',
      optional: true,
      os: [os],
      engines: { node: '>=16' },
    } as Entry
    added++
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)))
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`)
console.log(`package-lock.json: added ${added} platform entries`)
