// Build step, run before start, test and deploy: compiles questions/ into the Worker
// bundle and lays out the static assets under versioned (immutable) names.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { transformSync } from 'esbuild'
import { BankError } from '../questions/compile.ts'
import { FAVICON } from '../views/favicon.ts'
import { loadBanks } from './banks.ts'

const root = join(import.meta.dirname, '..', '..')
const out = (path: string, body: string | Buffer) => {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), body)
}

let compiled
try {
  compiled = loadBanks()
} catch (e) {
  if (!(e instanceof BankError)) throw e
  console.error(e.message)
  process.exit(1)
}
out('src/generated/banks.json', JSON.stringify(compiled))

const pkg = (name: string) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'))
const contentHashed = (body: Buffer) => ({ body, hash: createHash('sha256').update(body).digest('hex').slice(0, 10) })
const hashed = (path: string) => contentHashed(readFileSync(join(root, path)))
// The stylesheet, written as a few files by what they style and sent inside each page's <head>: a
// linked stylesheet blocks the first paint for a round trip of its own (on a phone's first visit,
// 150 ms or more). Each kind of page carries only the files it uses, in this order, so a student's
// page (most requests, on the weakest Wi-Fi) does not carry the teacher's and the projector's. The
// CSP allows each by its hash. tests/e2e/server.ts checks that no page matches a rule it lacks.
const ORDER = ['tokens', 'base', 'pages', 'options', 'picker', 'projector', 'board', 'live', 'teacher', 'deadline', 'report']
const TEACHER = ['tokens', 'base', 'pages', 'options', 'board', 'live', 'teacher', 'deadline']
const LOOKS = {
  student: ['tokens', 'base', 'pages', 'options', 'live', 'deadline'],
  projector: ['tokens', 'base', 'pages', 'options', 'projector', 'board', 'live'],
  teacher: TEACHER,
  // The picker and the report carry the teacher's sheet and their own, which no other page needs.
  picker: [...TEACHER, 'picker'],
  report: [...TEACHER, 'report'],
} satisfies Record<string, string[]>
// Each file once in the bundle, minified: src/views/stylesheets.ts joins them for each kind of page.
const sheets = Object.fromEntries(ORDER.map((name) => [name, minifyCss(readFileSync(join(root, `src/views/styles/${name}.css`), 'utf8'))]))
const styles = Object.fromEntries(
  Object.entries(LOOKS).map(([look, names]) => {
    const carried = ORDER.filter((name) => names.includes(name))
    const css = carried.map((name) => sheets[name]).join('')
    return [look, { sheets: carried, length: css.length, hash: `'sha256-${createHash('sha256').update(css).digest('base64')}'` }]
  }),
)
const live = hashed('src/views/live/live.js')
const deadline = hashed('src/views/classes/deadline.js')
const favicon = contentHashed(Buffer.from(FAVICON))
const htmx = pkg('htmx.org').version
const assets = {
  htmx: `/vendor/htmx-${htmx}.min.js`,
  // Live games: htmx with its WebSocket extension in one file. As two deferred scripts, htmx can
  // process the page (readyState "interactive") before the extension registers, and the socket never opens.
  htmxLive: `/vendor/htmx-ws-${htmx}.min.js`,
  live: `/static/live-${live.hash}.js`,
  deadline: `/static/deadline-${deadline.hash}.js`,
  favicon: `/static/favicon-${favicon.hash}.svg`,
  sheets,
  styles,
}
const dist = (file: string) => readFileSync(join(root, 'node_modules/htmx.org/dist', file), 'utf8')
rmSync(join(root, 'public'), { recursive: true, force: true })
out(`public${assets.htmx}`, dist('htmx.min.js'))
out(`public${assets.htmxLive}`, `${dist('htmx.min.js')}\n${dist('ext/hx-ws.min.js')}`)
out(`public${assets.live}`, live.body)
out(`public${assets.deadline}`, deadline.body)
out(`public${assets.favicon}`, favicon.body)
out(
  'public/_headers',
  '/vendor/*\n  Cache-Control: public, max-age=31536000, immutable\n/static/*\n  Cache-Control: public, max-age=31536000, immutable\n',
)
out('src/generated/assets.json', JSON.stringify(assets))

// Unicode's confusables (UTS #39, data 13.0 from the unhomoglyph package), cut to what the nickname
// skeleton needs: a character that looks like ASCII letters or digits and that NFKD leaves alone
// (the skeleton applies NFKD first, which already turns "ｆ" and "𝐟" into "f"), grouped by what it
// looks like: {"a": "⍺ɑαа", "rn": "m…", …}. 480 characters, 1.5 KB gzipped in the Worker.
const homoglyphs = JSON.parse(readFileSync(join(root, 'node_modules/unhomoglyph/data.json'), 'utf8')) as Record<string, string>
const confusables: Record<string, string> = {}
for (const [from, to] of Object.entries(homoglyphs))
  if ([...from].length === 1 && from !== to && /^[A-Za-z0-9]+$/.test(to) && from.normalize('NFKD') === from)
    confusables[to] = (confusables[to] ?? '') + from
out('src/generated/confusables.json', JSON.stringify(confusables))

const count = compiled.banks.reduce((n, b) => n + b.questions.length, 0)
const inline = Object.entries(styles).map(([look, { length }]) => `${look} ${(length / 1024).toFixed(1)} KB`)
const linked = [assets.htmx, assets.htmxLive, assets.live, assets.deadline, assets.favicon]
console.log(`built ${compiled.banks.length} banks (${count} questions); assets ${linked.join(', ')}; CSS inline ${inline.join(', ')}`)

/**
 * esbuild's minifier (comments, white space, shorter values), with every character past ASCII
 * written as a CSS escape (its default): one such character (a '⚠' in a `content`) would make every
 * page two bytes a character in V8, which workerd encodes for the response more slowly. A closing
 * tag would end the <style> element early, so it fails the build.
 */
function minifyCss(css: string) {
  const { code } = transformSync(css, { loader: 'css', minify: true, charset: 'ascii' })
  const min = code.trim()
  if (/<\//.test(min)) throw new Error('a stylesheet holds "</", which would close the <style> element it is sent in')
  return min
}
