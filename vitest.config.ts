import { defineConfig } from 'vitest/config';

// One runner for the whole tree; each project is a runtime the code really runs in.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['data/**/*.test.ts', 'sync/**/*.test.ts', 'tests/unit/**/*.test.ts'],
        },
      },
    ],
  },
});
