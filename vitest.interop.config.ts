import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { sourceConditions, testkitSetup } from './vitest.shared.ts';

// The interop tier: real FRR, BIRD, GoBGP and ExaBGP in network namespaces the tests
// create and remove. Needs root and the Debian packages; one test file at a time.
export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions } },
  test: {
    name: 'interop',
    include: ['packages/*/test/**/*.interop.test.ts'],
    setupFiles: [testkitSetup],
    globalSetup: [
      fileURLToPath(new URL('./packages/testkit/src/netns/preflight.ts', import.meta.url)),
    ],
    fileParallelism: false,
    maxWorkers: 1,
    minWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
