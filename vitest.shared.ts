import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultServerConditions } from 'vite';

/** Packages that have a `test/` folder get a vitest project of their own. */
export const packageNames: string[] = readdirSync(new URL('./packages', import.meta.url), {
  withFileTypes: true,
})
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/**
 * Tests read `src/` through the `@routekit/source` export condition, so no build is
 * needed before `pnpm test`.
 */
export const sourceConditions: string[] = ['@routekit/source', ...defaultServerConditions];

/** Seeds fast-check from `FC_SEED` for every test file (see `@routekit/testkit`). */
export const testkitSetup: string = fileURLToPath(
  new URL('./packages/testkit/src/setup.ts', import.meta.url),
);
