import fc from 'fast-check';

/** Default number of runs per property when `FC_NUM_RUNS` is not set. */
export const DEFAULT_NUM_RUNS = 200;

export interface SeedConfig {
  /** The seed every property in this process uses. */
  readonly seed: number;
  /** Where it came from: the `FC_SEED` variable, or drawn at random for this run. */
  readonly source: 'FC_SEED' | 'random';
  readonly numRuns: number;
}

/**
 * Parse `FC_SEED` (a 32-bit signed or unsigned integer, decimal or 0x hex). Anything
 * else is a configuration mistake and throws, so a CI run never silently loses its seed.
 */
export function parseSeed(text: string): number {
  const t = text.trim();
  const n = /^0x[0-9a-f]+$/i.test(t) ? Number.parseInt(t, 16) : /^-?\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(n) || n < -0x8000_0000 || n > 0xffff_ffff) {
    throw new Error(`FC_SEED must be a 32-bit integer, got ${JSON.stringify(text)}`);
  }
  return n | 0;
}

/**
 * Configure fast-check for this process from the environment:
 * `FC_SEED` fixes the seed (CI sets one), `FC_NUM_RUNS` the number of runs
 * (the `fuzz` scripts raise it). Without `FC_SEED` a random seed is drawn and
 * reported, so any failure can be replayed with `FC_SEED=<seed>`.
 */
export function configureFastCheck(
  env: Record<string, string | undefined> = process.env,
): SeedConfig {
  const fromEnv = env['FC_SEED'];
  const seed =
    fromEnv !== undefined && fromEnv !== ''
      ? parseSeed(fromEnv)
      : (Math.random() * 0x1_0000_0000) | 0;
  const runsText = env['FC_NUM_RUNS'];
  const numRuns = runsText !== undefined && runsText !== '' ? Number(runsText) : DEFAULT_NUM_RUNS;
  if (!Number.isSafeInteger(numRuns) || numRuns < 1) {
    throw new Error(`FC_NUM_RUNS must be a positive integer, got ${JSON.stringify(runsText)}`);
  }
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed, numRuns });
  return { seed, source: fromEnv !== undefined && fromEnv !== '' ? 'FC_SEED' : 'random', numRuns };
}
