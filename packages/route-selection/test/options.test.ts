import { describe, expect, test } from 'vitest';
import {
  BIRD_DISTANCES,
  DEFAULT_DISTANCES,
  DEFAULT_OPTIONS,
  resolveOptions,
} from '../src/index.js';

describe('options', () => {
  test('defaults: deterministic, no ECMP, RFC MED handling, LOCAL_PREF 100, Cisco/FRR distances', () => {
    expect(resolveOptions()).toBe(DEFAULT_OPTIONS);
    expect(resolveOptions({})).toEqual(DEFAULT_OPTIONS);
    expect(DEFAULT_OPTIONS).toEqual({
      distances: DEFAULT_DISTANCES,
      maxPaths: 1,
      mode: 'deterministic',
      alwaysCompareMed: false,
      missingMedAsWorst: false,
      preferOlderExternal: false,
      defaultLocalPref: 100,
      asPathRelax: false,
    });
  });

  test('partial distance tables override single entries', () => {
    const o = resolveOptions({ distances: { ospf: 90 } });
    expect(o.distances).toEqual({ ...DEFAULT_DISTANCES, ospf: 90 });
    expect(resolveOptions({ distances: BIRD_DISTANCES }).distances).toEqual(BIRD_DISTANCES);
  });

  test('a resolved options object is cached per options object and frozen', () => {
    const options = { maxPaths: 4, bgp: { alwaysCompareMed: true } };
    const a = resolveOptions(options);
    expect(resolveOptions(options)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a).toMatchObject({ maxPaths: 4, alwaysCompareMed: true, missingMedAsWorst: false });
  });
});
