import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fletcherChecksum, setFletcherChecksum, verifyFletcher } from '../src/index.js';
import { arbBytes, arbBytesView } from '../src/testing.js';

/** Data with a checksum field somewhere inside it. */
const arbWithField = (maxLength: number, minLength = 2): fc.Arbitrary<[Uint8Array, number]> =>
  arbBytesView({ minLength, maxLength }).chain((b) =>
    fc.tuple(fc.constant(b), fc.integer({ min: 0, max: b.length - 2 })),
  );

/** C0, C1 the slow way: reduce mod 255 after every octet. */
function oracleSums(bytes: Uint8Array): [number, number] {
  let c0 = 0;
  let c1 = 0;
  for (const b of bytes) {
    c0 = (c0 + b) % 255;
    c1 = (c1 + c0) % 255;
  }
  return [c0, c1];
}

/** Oracle 1: search for X, and Y from C0 ≡ 0, that make the check pass (X, Y in 1..255). */
function oracleSearch(bytes: Uint8Array, at: number): number {
  const copy = bytes.slice();
  copy.fill(0, at, at + 2);
  const [c0] = oracleSums(copy);
  for (let x = 1; x <= 255; x++) {
    const y = (((-c0 - x) % 255) + 255) % 255 || 255;
    copy[at] = x;
    copy[at + 1] = y;
    const [s0, s1] = oracleSums(copy);
    if (s0 === 0 && s1 === 0) return (x << 8) | y;
  }
  throw new Error('no check octets found');
}

/** Oracle 2: RFC 905 annex B.4 formulas, literally (n is 1-based). */
function oracleFormula(bytes: Uint8Array, at: number): number {
  const copy = bytes.slice();
  copy.fill(0, at, at + 2);
  const [c0, c1] = oracleSums(copy);
  const L = copy.length;
  const n = at + 1;
  const mod = (v: number): number => ((v % 255) + 255) % 255;
  const x = mod(-c1 + (L - n) * c0) || 255;
  const y = mod(c1 - (L - n + 1) * c0) || 255;
  return (x << 8) | y;
}

describe('Fletcher checksum against oracles', () => {
  test('equals the (unique) check octets found by search, and the RFC 905 formulas', () => {
    fc.assert(
      fc.property(arbWithField(64), ([bytes, at]) => {
        const expected = oracleSearch(bytes, at);
        expect(fletcherChecksum(bytes, at)).toBe(expected);
        expect(oracleFormula(bytes, at)).toBe(expected);
      }),
    );
  });

  test('long inputs (past the internal reduction interval) match the formula oracle', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2040, max: 9000 }).chain((n) => arbWithField(n, n)),
        ([bytes, at]) => {
          expect(fletcherChecksum(bytes, at)).toBe(oracleFormula(bytes, at));
        },
      ),
      { numRuns: 25 },
    );
  });

  test('after setFletcherChecksum the data verifies, and computing never writes', () => {
    fc.assert(
      fc.property(arbWithField(128), ([bytes, at]) => {
        const before = bytes.slice();
        const value = fletcherChecksum(bytes, at);
        expect(bytes).toEqual(before);
        expect(setFletcherChecksum(bytes, at)).toBe(value);
        expect(verifyFletcher(bytes)).toBe(true);
        expect(oracleSums(bytes)).toEqual([0, 0]);
        // check octets are never 0 (0 goes out as 255)
        expect(bytes[at]).not.toBe(0);
        expect(bytes[at + 1]).not.toBe(0);
        // the field's old contents do not matter
        expect(fletcherChecksum(bytes, at)).toBe(value);
      }),
    );
  });

  test('verifyFletcher agrees with the oracle on arbitrary bytes', () => {
    fc.assert(
      fc.property(arbBytesView({ maxLength: 64 }), (bytes) => {
        const [c0, c1] = oracleSums(bytes);
        expect(verifyFletcher(bytes)).toBe(c0 === 0 && c1 === 0);
      }),
    );
  });
});

describe('Fletcher error detection', () => {
  test('every single-octet change is caught, except 0x00 ↔ 0xff (equal mod 255)', () => {
    fc.assert(
      fc.property(
        arbWithField(64),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        ([bytes, at], i, w) => {
          setFletcherChecksum(bytes, at);
          const idx = i % bytes.length;
          const v = bytes[idx]!;
          fc.pre(v !== w);
          bytes[idx] = w;
          const invisible = (v === 0 && w === 255) || (v === 255 && w === 0);
          expect(verifyFletcher(bytes)).toBe(invisible);
        },
      ),
    );
  });

  test('swapping two adjacent different octets is caught (a plain sum would miss it)', () => {
    fc.assert(
      fc.property(arbWithField(64), fc.nat(), ([bytes, at], i) => {
        fc.pre(bytes.length >= 3);
        setFletcherChecksum(bytes, at);
        const idx = i % (bytes.length - 1);
        const [a, b] = [bytes[idx]!, bytes[idx + 1]!];
        fc.pre(a % 255 !== b % 255);
        bytes[idx] = b;
        bytes[idx + 1] = a;
        expect(verifyFletcher(bytes)).toBe(false);
      }),
    );
  });

  test('degenerate case kept honest: all-zero data passes without any checksum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 64 }), (n) => {
        expect(verifyFletcher(new Uint8Array(n))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  test('random data almost never passes by chance', () => {
    let passed = 0;
    fc.assert(
      fc.property(arbBytes({ minLength: 16, maxLength: 64 }), (bytes) => {
        fc.pre(bytes.some((x) => x !== 0 && x !== 255));
        if (verifyFletcher(bytes)) passed++;
      }),
      { numRuns: 500 },
    );
    expect(passed).toBeLessThan(5); // expected rate 1/65025
  });
});
