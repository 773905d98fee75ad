import {defineConfig} from 'vitest/config';
import {siteCatalogAssets} from './tests/support/catalogAssets';

// Three projects, one `npm test`:
// - unit: the engine, the remark plugin, the CLI, the site's content (Node, with the whole
//   permission catalog loaded, as the CLI runs: tests/unit/setup.ts);
// - components: React components in jsdom, Graph answered by msw, the catalog parts the check
//   imports answered as the built site serves them (tests/support/catalogAssets.ts);
// - e2e: the built site on http://localhost in headless Chromium (builds the site first).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        // tsconfig.json says jsx: preserve (Docusaurus compiles JSX itself); tests need it compiled.
        oxc: {jsx: {runtime: 'automatic'}},
        plugins: [siteCatalogAssets()],
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
