import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  ADDRESS_ERROR_CODES,
  type Address,
  addressBit,
  addressCount,
  addressEquals,
  addressFromBytes,
  addressToBytes,
  commonPrefixLength,
  compareAddress,
  comparePrefix,
  containsAddress,
  containsPrefix,
  hasHostBits,
  lastAddress,
  maskAddress,
  maskLength,
  overlaps,
  type Prefix,
  prefix,
  prefixEquals,
  prefixFromBytes,
  prefixKey,
  prefixMask,
  prefixToBytes,
  subnets,
  supernet,
  writeAddress,
} from '../src/index.js';
import { arbAddress, arbPrefix } from '../src/testing.js';
import { big, bits, bytesOf, cmpBig, first, fromBig, inside, last, sign } from './oracle.js';

/** The oracle's total order: family, then value (then length for prefixes). */
function oracleCompareAddress(a: Address, b: Address): number {
  if (a.family !== b.family) return a.family - b.family < 0 ? -1 : 1;
  return cmpBig(big(a), big(b));
}

function oracleComparePrefix(p: Prefix, q: Prefix): number {
  return oracleCompareAddress(p.address, q.address) || sign(p.length - q.length);
}

/** `n` with bit `i` (0 = most significant) flipped. */
function flip(family: 4 | 6, n: bigint, i: number): bigint {
  return n ^ (1n << BigInt(bits(family) - 1 - i));
}

/**
 * A prefix and an address: unrelated, inside it, or inside it with one bit flipped
 * (often the last prefix bit, the boundary where off-by-one masks go wrong).
 */
const prefixAndAddress = fc
  .tuple(arbPrefix(), arbAddress(), fc.constantFrom('free', 'inside', 'flip'), fc.nat(127))
  .map(([p, a, how, n]): [Prefix, Address] => {
    if (how === 'free' || a.family !== p.family) return [p, a];
    const host = big(a) & ((1n << BigInt(bits(p.family) - p.length)) - 1n);
    const inner = big(p.address) | host;
    if (how === 'inside' || p.length === 0) return [p, fromBig(p.family, inner)];
    const i = n % 2 === 0 ? p.length - 1 : n % bits(p.family);
    return [p, fromBig(p.family, flip(p.family, inner, i))];
  });

/** Two prefixes: unrelated, nested (either way), or siblings differing in one prefix bit. */
const prefixPair = fc
  .tuple(arbPrefix(), arbPrefix(), fc.nat(128), fc.constantFrom('free', 'sub', 'super', 'sibling'))
  .map(([p, q, n, how]): [Prefix, Prefix] => {
    if (how === 'free' || p.family !== q.family) return [p, q];
    if (how === 'sibling') {
      if (p.length === 0) return [p, q];
      const i = n % 2 === 0 ? p.length - 1 : n % p.length;
      const other = prefix(
        fromBig(p.family, flip(p.family, big(p.address), i)),
        Math.max(q.length, p.length),
      );
      return [p, other];
    }
    const length = n % (bits(p.family) + 1);
    const host = big(q.address) & ((1n << BigInt(bits(p.family) - p.length)) - 1n);
    const near = prefix(fromBig(p.family, big(p.address) | host), length);
    return how === 'sub' ? [p, near] : [near, p];
  });

describe('order', () => {
  test('compareAddress agrees with the BigInt order', () => {
    fc.assert(
      fc.property(arbAddress(), arbAddress(), (a, b) => {
        expect(compareAddress(a, b)).toBe(oracleCompareAddress(a, b));
        expect(compareAddress(b, a)).toBe(-compareAddress(a, b) || 0);
        expect(compareAddress(a, b) === 0).toBe(addressEquals(a, b));
      }),
    );
  });

  test('comparePrefix agrees with (family, address, length); 0 exactly when equal, and prefixKey too', () => {
    fc.assert(
      fc.property(prefixPair, ([p, q]) => {
        expect(comparePrefix(p, q)).toBe(oracleComparePrefix(p, q));
        expect(comparePrefix(q, p)).toBe(-comparePrefix(p, q) || 0);
        expect(comparePrefix(p, q) === 0).toBe(prefixEquals(p, q));
        expect(prefixKey(p) === prefixKey(q)).toBe(prefixEquals(p, q));
      }),
    );
  });

  test('sorting is a total order: same result as sorting by the oracle, from any starting order', () => {
    fc.assert(
      fc.property(fc.array(arbPrefix(), { maxLength: 30 }), (ps) => {
        const sorted = [...ps].sort(comparePrefix);
        const reference = [...ps].sort(oracleComparePrefix);
        expect(sorted.map(prefixKey)).toEqual(reference.map(prefixKey));
        const reversed = [...ps].reverse().sort(comparePrefix);
        expect(reversed.map(prefixKey)).toEqual(sorted.map(prefixKey));
      }),
    );
  });
});

describe('containment', () => {
  test('containsAddress agrees with first <= a <= last', () => {
    fc.assert(
      fc.property(prefixAndAddress, ([p, a]) => {
        expect(containsAddress(p, a)).toBe(inside(p, a));
      }),
    );
  });

  test('containsPrefix and overlaps agree with interval arithmetic', () => {
    fc.assert(
      fc.property(prefixPair, ([p, q]) => {
        const same = p.family === q.family;
        expect(containsPrefix(p, q)).toBe(same && first(p) <= first(q) && last(q) <= last(p));
        expect(overlaps(p, q)).toBe(same && first(p) <= last(q) && first(q) <= last(p));
        expect(overlaps(p, q)).toBe(overlaps(q, p));
        expect(overlaps(p, q)).toBe(containsPrefix(p, q) || containsPrefix(q, p));
      }),
    );
  });

  test('lastAddress, addressCount, prefixMask and maskLength agree with the oracle', () => {
    fc.assert(
      fc.property(arbPrefix(), (p) => {
        expect(big(lastAddress(p))).toBe(last(p));
        expect(addressCount(p)).toBe(last(p) - first(p) + 1n);
        const width = BigInt(bits(p.family));
        const mask = ((1n << width) - 1n) ^ ((1n << (width - BigInt(p.length))) - 1n);
        expect(big(prefixMask(p))).toBe(mask);
        expect(maskLength(prefixMask(p))).toBe(p.length);
      }),
    );
  });

  test('maskLength is defined exactly for contiguous masks', () => {
    fc.assert(
      fc.property(arbAddress(), (m) => {
        const n = big(m);
        const width = BigInt(bits(m.family));
        const inverted = ((1n << width) - 1n) ^ n; // contiguous mask <=> inverted + 1 is a power of two
        const contiguous = (inverted & (inverted + 1n)) === 0n;
        expect(maskLength(m) !== undefined).toBe(contiguous);
      }),
    );
  });

  test('maskAddress and hasHostBits agree with the oracle', () => {
    fc.assert(
      fc.property(arbAddress(), fc.nat(128), (a, n) => {
        const length = n % (bits(a.family) + 1);
        const host = (1n << BigInt(bits(a.family) - length)) - 1n;
        expect(big(maskAddress(a, length))).toBe(big(a) & ~host);
        expect(hasHostBits(a, length)).toBe((big(a) & host) !== 0n);
        expect(prefix(a, length).address).toEqual(maskAddress(a, length));
      }),
    );
  });
});

describe('supernet and subnets', () => {
  test('supernet contains the prefix and is the masked address', () => {
    fc.assert(
      fc.property(arbPrefix(), fc.nat(128), (p, n) => {
        const k = n % (p.length + 1);
        const s = supernet(p, k);
        expect(s.length).toBe(k);
        expect(containsPrefix(s, p)).toBe(true);
        expect(big(s.address)).toBe(big(p.address) & ~((1n << BigInt(bits(p.family) - k)) - 1n));
        if (p.length > 0) expect(supernet(p)).toEqual(supernet(p, p.length - 1));
      }),
    );
  });

  test('subnets partition the prefix, in order, each with the prefix as supernet', () => {
    fc.assert(
      fc.property(arbPrefix(), fc.nat(6), (p, extra) => {
        const newLength = Math.min(p.length + extra, bits(p.family));
        const parts = [...subnets(p, newLength)];
        expect(parts).toHaveLength(2 ** (newLength - p.length));
        expect(first(parts[0]!)).toBe(first(p));
        expect(last(parts[parts.length - 1]!)).toBe(last(p));
        for (let i = 0; i < parts.length; i++) {
          const s = parts[i]!;
          expect(s.length).toBe(newLength);
          expect(supernet(s, p.length)).toEqual(p);
          expect(hasHostBits(s.address, s.length)).toBe(false);
          // Adjacent: the next one starts right after this one ends.
          if (i > 0) expect(first(s)).toBe(last(parts[i - 1]!) + 1n);
        }
      }),
    );
  });
});

describe('bits and bytes', () => {
  test('addressBit and commonPrefixLength agree with the oracle', () => {
    fc.assert(
      fc.property(arbAddress(), arbAddress(), fc.nat(127), (a, b, n) => {
        const width = bits(a.family);
        const i = n % width;
        expect(addressBit(a, i)).toBe(Number((big(a) >> BigInt(width - 1 - i)) & 1n));
        const cpl = commonPrefixLength(a, b);
        if (a.family !== b.family) {
          expect(cpl).toBe(0);
        } else {
          const x = big(a) ^ big(b);
          expect(cpl).toBe(x === 0n ? width : width - x.toString(2).length);
        }
      }),
    );
  });

  test('address bytes round trip and match the oracle', () => {
    fc.assert(
      fc.property(arbAddress(), fc.nat(8), (a, offset) => {
        const bytes = addressToBytes(a);
        expect([...bytes]).toEqual(bytesOf(a));
        expect(addressFromBytes(bytes)).toEqual(a);
        const target = new Uint8Array(offset + bytes.length + 3).fill(0x5a);
        expect(writeAddress(a, target, offset)).toBe(bytes.length);
        expect(target.subarray(offset, offset + bytes.length)).toEqual(bytes);
        expect(target[offset + bytes.length]).toBe(0x5a);
      }),
    );
  });

  test('prefix bytes round trip; full-address bytes with host bits obey hostBits', () => {
    fc.assert(
      fc.property(arbPrefix(), arbAddress(), (p, a) => {
        const short = prefixToBytes(p);
        expect(short).toHaveLength(Math.ceil(p.length / 8));
        expect(prefixFromBytes(p.family, p.length, short)).toEqual({ ok: true, value: p });
        if (a.family !== p.family) return;
        const full = addressToBytes(a);
        expect(prefixFromBytes(a.family, p.length, full, { hostBits: 'mask' })).toEqual({
          ok: true,
          value: prefix(a, p.length),
        });
        const strict = prefixFromBytes(a.family, p.length, full);
        expect(strict.ok).toBe(!hasHostBits(a, p.length));
      }),
    );
  });

  test('prefixFromBytes never throws on any bytes and length', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(4 as const, 6 as const),
        fc.integer({ min: -3, max: 132 }),
        fc.uint8Array({ maxLength: 20 }),
        fc.constantFrom('reject' as const, 'mask' as const),
        (family, length, bytes, hostBits) => {
          const copy = bytes.slice();
          const r = prefixFromBytes(family, length, bytes, { hostBits });
          expect(bytes).toEqual(copy); // never writes to its input
          if (r.ok) {
            expect(r.value.family).toBe(family);
            expect(hasHostBits(r.value.address, r.value.length)).toBe(false);
          } else {
            expect(ADDRESS_ERROR_CODES).toContain(r.error.code);
          }
        },
      ),
    );
  });
});
