// `npm run screenshots` in small (--smoke), run as the command itself: it starts the app, opens a live
// game, and writes real pictures of the projector's lobby and first question and of the home page.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { browserAvailable } from '../e2e/server.ts'
import { runCommand } from '../harness/command.ts'

const out = mkdtempSync(join(tmpdir(), 'iom-shots-test-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

/** A PNG's width, height and colour type, from its header. */
function header(file: string) {
  const png = readFileSync(file)
  expect(png.subarray(1, 4).toString()).toBe('PNG')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), palette: png[25] === 3 }
}

it.runIf(browserAvailable())(
  'writes a PNG of each screen it visits, at the size it is seen at',
  async () => {
    const run = await runCommand('tests/screenshots/run.ts', ['--smoke', '--out', out], 240_000)
    expect(run.code, run.stderr + run.stdout).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['home-360x640.png', 'projector-lobby-1280x720.png', 'projector-single-open-1280x720.png'])
    expect(header(join(out, 'projector-lobby-1280x720.png'))).toEqual({ width: 1280, height: 720, palette: true })
    expect(header(join(out, 'projector-single-open-1280x720.png'))).toEqual({ width: 1280, height: 720, palette: true })
    // A phone's page is photographed whole, down to three screens.
    expect(header(join(out, 'home-360x640.png'))).toMatchObject({ width: 360, palette: true })
    expect(run.stdout).toMatch(/Wrote 3 screenshots \([\d.]+ MB\)/)
  },
  250_000,
)
