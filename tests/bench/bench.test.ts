// `npm run bench` in small (--smoke): the bench starts, seeds, measures every route and prints
// its tables. Its figures are not held to anything here: timing belongs to the bench, not a test.
import { expect, it } from 'vitest'
import { runCommand } from '../harness/command.ts'

it('runs every step of npm run bench and prints its tables', async () => {
  const run = await runCommand('tests/bench/bench.ts', ['--smoke'], 170_000)
  expect(run.code, run.stderr + run.stdout).toBe(0)
  expect(run.stdout).toContain('| question page |')
  expect(run.stdout).toContain('| answer POST (htmx) |')
  expect(run.stdout).toMatch(/\| budget \| measured \| met \|/)
  expect(run.stdout).toContain('A smoke run')
}, 180_000)
