import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type Address,
  IPV4_SPECIAL_PURPOSE,
  IPV6_SPECIAL_PURPOSE,
  isDocumentation,
  isIpv4Mapped,
  isLinkLocal,
  isLoopback,
  isMulticast,
  isPrivate,
  isUnspecified,
  type SpecialPurposeEntry,
  specialPurpose,
} from '../src/index.js';
import { arbAddress, arbPrefix } from '../src/testing.js';
import { big, first, inside, last } from './oracle.js';

/** This many times the configured runs (FC_NUM_RUNS scales it): for cheap, wide-input properties. */
function moreRuns(factor: number): { numRuns: number } {
  return { numRuns: (fc.readConfigureGlobal().numRuns ?? 100) * factor };
}

/** Range oracle: [family, first, last] written out as BigInt literals, not masks. */
type Range = readonly [4 | 6, bigint, bigint];
const v4 = (a: number, b: number, c: number, d: number, length: number): Range => {
  const start = BigInt(((a << 24) | (b << 16) | (c << 8) | d) >>> 0);
  return [4, start, start + 2n ** BigInt(32 - length) - 1n];
};
const v6 = (start: bigint, length: number): Range => [
  6,
  start,
  start + 2n ** BigInt(128 - length) - 1n,
];

const RANGES: Record<string, readonly Range[]> = {
  private: [
    v4(10, 0, 0, 0, 8),
    v4(172, 16, 0, 0, 12),
    v4(192, 168, 0, 0, 16),
    v6(0xfc00n << 112n, 7),
  ],
  loopback: [v4(127, 0, 0, 0, 8), v6(1n, 128)],
  linkLocal: [v4(169, 254, 0, 0, 16), v6(0xfe80n << 112n, 10)],
  multicast: [v4(224, 0, 0, 0, 4), v6(0xffn << 120n, 8)],
  documentation: [
    v4(192, 0, 2, 0, 24),
    v4(198, 51, 100, 0, 24),
    v4(203, 0, 113, 0, 24),
    v6(0x2001_0db8n << 96n, 32),
    v6(0x3fffn << 112n, 20),
  ],
};

function inRanges(name: string, a: Address): boolean {
  // IPv4-mapped addresses are judged by the IPv4 address they carry.
  const family = isIpv4Mapped(a) ? 4 : a.family;
  const n = isIpv4Mapped(a) ? big(a) & 0xffff_ffffn : big(a);
  return RANGES[name]!.some(([f, lo, hi]) => f === family && lo <= n && n <= hi);
}

describe('classification agrees with the range oracle', () => {
  test('private, loopback, link-local, multicast, documentation, unspecified', () => {
    fc.assert(
      fc.property(arbAddress(), (a) => {
        expect(isPrivate(a)).toBe(inRanges('private', a));
        expect(isLoopback(a)).toBe(inRanges('loopback', a));
        expect(isLinkLocal(a)).toBe(inRanges('linkLocal', a));
        expect(isMulticast(a)).toBe(inRanges('multicast', a));
        expect(isDocumentation(a)).toBe(inRanges('documentation', a));
        expect(isUnspecified(a)).toBe(big(a) === 0n);
      }),
      moreRuns(5),
    );
  });

  test('specialPurpose is the longest registry block containing the input (linear scan)', () => {
    const all: readonly SpecialPurposeEntry[] = [...IPV4_SPECIAL_PURPOSE, ...IPV6_SPECIAL_PURPOSE];
    fc.assert(
      fc.property(fc.oneof(arbAddress(), arbPrefix()), (x) => {
        const lo = 'address' in x ? first(x) : big(x);
        const hi = 'address' in x ? last(x) : big(x);
        let best: SpecialPurposeEntry | undefined;
        for (const e of all) {
          if (e.prefix.family !== x.family) continue;
          if (!(first(e.prefix) <= lo && hi <= last(e.prefix))) continue;
          if (best === undefined || e.prefix.length > best.prefix.length) best = e;
        }
        const found = specialPurpose(x);
        expect(found).toBe(best);
        if (found !== undefined && !('address' in x)) expect(inside(found.prefix, x)).toBe(true);
      }),
      moreRuns(5),
    );
  });
});
