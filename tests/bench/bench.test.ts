// `npm run bench` in small (--smoke): the bench starts, seeds, measures every route and prints
// its tables; with --browser, a phone's first visits in Chromium (or a line saying it skipped them
// for want of a Chromium). Its figures are not held to anything here: timing belongs to the bench,
// not a test.
import { existsSync } from 'node:fs'
import { expect, it } from 'vitest'
import { runCommand } from '../harness/command.ts'

it('runs every step of npm run bench and prints its tables', async () => {
  const run = await runCommand('tests/bench/bench.ts', ['--smoke'], 170_000)
  expect(run.code, run.stderr + run.stdout).toBe(0)
  expect(run.stdout).toContain('| question page |')
  expect(run.stdout).toContain('| answer POST (htmx) |')
  expect(run.stdout).toMatch(/\| budget \| measured \| met \|/)
  expect(run.stdout).toMatch(/a cold start spends \d+ ms of CPU/)
  // Page weight is a count of bytes, not a timing: its budget holds here too.
  expect(run.stdout).toContain('| first visit to the join page ≤ 30 KB gzipped |')
  expect(run.stdout).not.toMatch(/\| first visit to the [^|]* ≤ 30 KB gzipped \| [^|]* \| \*\*no\*\* \|/)
  expect(run.stdout).toContain('A smoke run')
}, 180_000)

it('runs every step of npm run bench -- --browser, or says why it skipped them', async () => {
  const run = await runCommand('tests/bench/bench.ts', ['--browser', '--smoke'], 170_000)
  expect(run.code, run.stderr + run.stdout).toBe(0)
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    expect(run.stdout).toContain('Skipped: no Chromium')
    return
  }
  for (const page of ['home', 'join', 'question'])
    for (const network of ['loopback', 'Slow 4G']) expect(run.stdout).toContain(`| ${page} | ${network} |`)
  expect(run.stdout).toContain('| no render-blocking request on any first visit |')
  expect(run.stdout).toContain('A smoke run')
}, 180_000)
