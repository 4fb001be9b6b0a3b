import { defineConfig } from 'vitest/config';
import { packageNames, sourceConditions, testkitSetup } from './vitest.shared.ts';

// One vitest project per package. Unit and property tests only: the interop tier
// (`*.interop.test.ts`, real daemons in network namespaces) has its own config.
export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions } },
  test: {
    setupFiles: [testkitSetup],
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.ts'],
      exclude: ['packages/testkit/**', 'packages/*/src/testing.ts'],
      reporter: ['text-summary', 'text', 'json-summary'],
      thresholds: {
        'packages/prefix/src/**': { lines: 95 },
        'packages/wire/src/**': { lines: 95 },
      },
    },
    projects: packageNames.map((name) => ({
      extends: true,
      test: {
        name,
        root: `packages/${name}`,
        include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
        exclude: ['test/**/*.interop.test.ts'],
      },
    })),
  },
});
