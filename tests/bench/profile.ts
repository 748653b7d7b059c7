// A CPU profile of the Worker under load, over the DevTools inspector that `wrangler dev` opens
// for it (LocalServer.inspector): `npm run bench -- --profile`. It writes a .cpuprofile (open it in
// Chrome's DevTools, Performance panel) and sums the samples into the functions that took the most
// time, themselves (self) and with what they called (inclusive).

type CallFrame = { functionName: string; scriptId: string; url: string; lineNumber: number; columnNumber: number }
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] }
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

// The inspector takes connections only from DevTools' own origin.
const DEVTOOLS_ORIGIN = 'https://devtools.devprod.cloudflare.dev'

/** Connects to the Worker's inspector; `record` profiles whatever runs while `work` does. */
export async function connectProfiler(inspectorPort: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as { webSocketDebuggerUrl: string }[]
  if (!targets[0]) throw new Error(`the inspector on port ${inspectorPort} lists no Worker to profile`)
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl, { headers: { Origin: DEVTOOLS_ORIGIN } } as never)
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true })
    socket.addEventListener('error', () => reject(new Error('could not open the inspector')), { once: true })
  })
  let next = 0
  const pending = new Map<number, (result: unknown) => void>()
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown }
    // Some replies echo the method without a result: only the id says which call it answers.
    if (message.id !== undefined) pending.get(message.id)?.(message.result)
  })
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++next
      pending.set(id, resolve)
      socket.send(JSON.stringify({ id, method, params }))
    })
  await send('Profiler.enable')
  await send('Profiler.setSamplingInterval', { interval: 100 }) // µs
  return {
    async record(work: () => Promise<unknown>): Promise<CpuProfile> {
      await send('Profiler.start')
      await work()
      return ((await send('Profiler.stop')) as { profile: CpuProfile }).profile
    },
    /** The source of a script the profile names (the bundled Worker), to tell its modules apart. */
    async source(scriptId: string): Promise<string> {
      await send('Debugger.enable')
      const { scriptSource } = (await send('Debugger.getScriptSource', { scriptId })) as { scriptSource: string }
      await send('Debugger.disable')
      return scriptSource
    },
    close: () => socket.close(),
  }
}

export type Hotspot = { name: string; selfMs: number; selfShare: number; totalMs: number; totalShare: number }

/** The functions that took the most time, each once per sample however deep it recurses. */
export function hotspots(profile: CpuProfile, top = 25): { self: Hotspot[]; inclusive: Hotspot[]; busyMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id)
  const nameOf = ({ callFrame: f }: ProfileNode) =>
    `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`.trim()
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  let busy = 0
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000 // a sample's time runs until the next one
    const node = byId.get(id)!
    if (node.callFrame.functionName === '(idle)') return
    busy += ms
    const name = nameOf(node)
    self.set(name, (self.get(name) ?? 0) + ms)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = nameOf(byId.get(at)!)
      if (seen.has(key) || key.startsWith('(root)')) continue
      seen.add(key)
      total.set(key, (total.get(key) ?? 0) + ms)
    }
  })
  const row = (name: string): Hotspot => ({
    name,
    selfMs: self.get(name) ?? 0,
    selfShare: (self.get(name) ?? 0) / busy,
    totalMs: total.get(name) ?? 0,
    totalShare: (total.get(name) ?? 0) / busy,
  })
  const ranked = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name]) => row(name))
  return { self: ranked(self), inclusive: ranked(total), busyMs: busy }
}

/**
 * Where the time went, by module of the bundle (esbuild marks each with a `// path` line), the
 * runtime's calls (`Response`, `Headers.set`, `fetch`…) charged to the module that made them.
 */
export function byModule(profile: CpuProfile, sources: Map<string, string>, top = 25): { module: string; ms: number; share: number }[] {
  const markers = new Map(
    [...sources].map(([id, text]) => [
      id,
      text
        .split('\n')
        .flatMap((line, i) => (/^\/\/ (node_modules|src|tests)\//.test(line) ? [{ line: i, module: moduleName(line.slice(3)) }] : [])),
    ]),
  )
  const moduleAt = (f: CallFrame) => {
    const list = markers.get(f.scriptId)
    if (!list) return f.url ? f.url.replace(/^cloudflare-internal:/, 'runtime: ') : undefined
    let found = '(bundle)'
    for (const m of list) if (m.line <= f.lineNumber) found = m.module
    return found
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id)
  const time = new Map<string, number>()
  let busy = 0
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    let at: number | undefined = id
    let module: string | undefined
    const own = byId.get(id)!.callFrame.functionName
    if (own === '(idle)') return
    busy += ms
    if (own.startsWith('(')) module = own // (program), (garbage collector)
    while (!module && at !== undefined) {
      module = moduleAt(byId.get(at)!.callFrame)
      at = parent.get(at)
    }
    module ??= '(native, no caller)'
    time.set(module, (time.get(module) ?? 0) + ms)
  })
  return [...time.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([module, ms]) => ({ module, ms, share: ms / busy }))
}

/** `node_modules/hono/dist/middleware/secure-headers/index.js` → `hono: middleware/secure-headers/index`. */
function moduleName(path: string) {
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:dist\/)?(.*?)(\.m?js)?$/.exec(path)
  return pkg ? `${pkg[1]}: ${pkg[2]}` : path
}
