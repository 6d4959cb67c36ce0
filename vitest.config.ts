import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// One runner for the whole tree; each project is a runtime the code really runs in.
export default defineConfig({
  test: {
    // The Worker logs a line per sync; show logs only for tests that fail.
    silent: 'passed-only',
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'data/**/*.test.ts',
            'sync/**/*.test.ts',
            'dashboard/**/*.test.ts',
            'tests/unit/**/*.test.ts',
          ],
        },
      },
      {
        // Inside workerd, with real KV, against the fake Google started by the global setup.
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                GOOGLE_SHEETS_API: inject('googleUrl'),
                GOOGLE_DRIVE_API: `${inject('googleUrl')}/drive/v3`,
                // Tests wait milliseconds, not seconds, between retries.
                RETRY_BASE_MS: '20',
                GOOGLE_TIMEOUT_SECONDS: '2',
                SYNC_BUDGET_SECONDS: '5',
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['worker/**/*.test.ts', 'tests/worker/**/*.test.ts'],
          globalSetup: ['tests/fakes/google/global-setup.ts', 'tests/worker/cli-output.setup.ts'],
        },
      },
      {
        // Headless Chromium against `wrangler dev` on loopback.
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
