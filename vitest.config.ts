import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

export default defineConfig(async () => ({
  test: {
    projects: [
      {
        // Unit, query and route tests run inside workerd, on a real local D1 with the migrations applied.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { TEST_MIGRATIONS: await readD1Migrations('./migrations') } },
          }),
        ],
        test: {
          name: 'workers',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/db/**/*.test.ts', 'tests/routes/**/*.test.ts'],
          setupFiles: ['./tests/apply-migrations.ts'],
          // obscenity ships CommonJS behind an ESM wrapper; let Vite pre-bundle it for workerd.
          deps: { optimizer: { ssr: { enabled: true, include: ['obscenity'] } } },
        },
      },
      {
        // Checks that need Node: the bank files on disk, and browsers, the load runs and the bench against `wrangler dev`.
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'tests/banks/**/*.test.ts',
            'tests/e2e/**/*.test.ts',
            'tests/load/**/*.test.ts',
            'tests/bench/**/*.test.ts',
            'tests/screenshots/**/*.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
}))
