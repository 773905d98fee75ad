import {defineConfig} from 'vitest/config';

// Three projects, one `npm test`:
// - unit: the engine, the remark plugin, the CLI, the site's content (Node);
// - components: React components in jsdom, Graph answered by msw;
// - e2e: the built site on http://localhost in headless Chromium (builds the site first).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // tsconfig.json says jsx: preserve (Docusaurus compiles JSX itself); tests need it compiled.
        oxc: {jsx: {runtime: 'automatic'}},
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/harness/globalSetup.ts'],
        },
      },
    ],
  },
});
