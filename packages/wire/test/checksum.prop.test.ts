import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  internetChecksum,
  onesComplementSum,
  pseudoHeaderSum,
  transportChecksum,
  updateChecksum,
} from '../src/index.js';
import { arbBytes, arbBytesView } from '../src/testing.js';

/** RFC 1071 the slow way: BigInt sum of 16-bit words (odd byte padded), carries folded. */
function oracleSum(bytes: Uint8Array, initial = 0n): bigint {
  let sum = initial;
  for (let i = 0; i < bytes.length; i += 2) {
    sum += BigInt(bytes[i]!) * 256n + BigInt(i + 1 < bytes.length ? bytes[i + 1]! : 0);
  }
  while (sum > 0xffffn) sum = (sum & 0xffffn) + (sum >> 16n);
  return sum;
}
const oracleChecksum = (bytes: Uint8Array, initial = 0n): number =>
  Number(~oracleSum(bytes, initial) & 0xffffn);

const arbEven = (max: number): fc.Arbitrary<Uint8Array> =>
  arbBytes({ maxLength: max }).map((b) => b.subarray(0, b.length & ~1));

describe('internet checksum against a BigInt oracle', () => {
  test('any bytes (odd lengths too), any initial partial sum', () => {
    fc.assert(
      fc.property(
        arbBytesView({ maxLength: 300 }),
        fc.integer({ min: 0, max: 0xffff }),
        (b, init) => {
          expect(onesComplementSum(b, init)).toBe(Number(oracleSum(b, BigInt(init))));
          expect(internetChecksum(b, init)).toBe(oracleChecksum(b, BigInt(init)));
        },
      ),
    );
  });

  test('byte values at the edges (all 0x00 / all 0xff runs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0x00, 0xff, 0x01, 0xfe), { maxLength: 200 }),
        (values) => {
          const b = Uint8Array.from(values);
          expect(internetChecksum(b)).toBe(oracleChecksum(b));
        },
      ),
    );
  });

  test('partial sums chain: sum(a ‖ b) = sum(b, sum(a)) for even-length a', () => {
    fc.assert(
      fc.property(arbEven(64), arbBytes({ maxLength: 64 }), (a, b) => {
        const whole = new Uint8Array(a.length + b.length);
        whole.set(a);
        whole.set(b, a.length);
        expect(onesComplementSum(b, onesComplementSum(a))).toBe(onesComplementSum(whole));
      }),
    );
  });

  test('data carrying its checksum (at any even offset, odd total lengths too) verifies to 0', () => {
    fc.assert(
      fc.property(
        arbBytes({ minLength: 2, maxLength: 101 }).chain((b) =>
          fc.tuple(fc.constant(b), fc.integer({ min: 0, max: (b.length - 2) >> 1 })),
        ),
        ([data, word]) => {
          const at = word * 2;
          data.fill(0, at, at + 2);
          const c = internetChecksum(data);
          data[at] = c >> 8;
          data[at + 1] = c & 0xff;
          expect(internetChecksum(data)).toBe(0);
        },
      ),
    );
  });

  test('RFC 1624 incremental update equals recomputation (unless the new data is all zero)', () => {
    fc.assert(
      fc.property(
        arbEven(64).filter((b) => b.length >= 2),
        fc.nat(),
        fc.integer({ min: 0, max: 0xffff }),
        (data, index, newWord) => {
          const at = (index % (data.length / 2)) * 2;
          const before = internetChecksum(data);
          const oldWord = (data[at]! << 8) | data[at + 1]!;
          data[at] = newWord >> 8;
          data[at + 1] = newWord & 0xff;
          // all-zero data sums to +0 (checksum 0xffff) where one's complement arithmetic
          // reaches -0 (checksum 0); RFC 1624 §3 — no real header is all zero
          fc.pre(data.some((x) => x !== 0));
          expect(updateChecksum(before, oldWord, newWord)).toBe(internetChecksum(data));
        },
      ),
    );
  });
});

describe('pseudo-headers', () => {
  const arbAddresses = fc.oneof(
    fc.tuple(arbBytes({ minLength: 4, maxLength: 4 }), arbBytes({ minLength: 4, maxLength: 4 })),
    fc.tuple(
      arbBytes({ minLength: 16, maxLength: 16 }),
      arbBytes({ minLength: 16, maxLength: 16 }),
    ),
  );

  test('pseudoHeaderSum equals the sum over the pseudo-header laid out as bytes', () => {
    fc.assert(
      fc.property(
        arbAddresses,
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 0xffff }),
        ([s, d], proto, len) => {
          const v4 = s.length === 4;
          const ph = new Uint8Array(v4 ? 12 : 40);
          ph.set(s, 0);
          ph.set(d, s.length);
          const tail = ph.subarray(2 * s.length);
          if (v4) tail.set([0, proto, len >> 8, len & 0xff]);
          else tail.set([0, 0, len >> 8, len & 0xff, 0, 0, 0, proto]);
          expect(pseudoHeaderSum(s, d, proto, len)).toBe(onesComplementSum(ph));
        },
      ),
    );
  });

  test('a segment with its transport checksum filled in verifies to 0', () => {
    fc.assert(
      fc.property(arbAddresses, arbBytes({ minLength: 8, maxLength: 80 }), ([s, d], segment) => {
        segment.fill(0, 6, 8); // UDP checksum field
        const c = transportChecksum(s, d, 17, segment);
        segment[6] = c >> 8;
        segment[7] = c & 0xff;
        expect(transportChecksum(s, d, 17, segment)).toBe(0);
      }),
    );
  });
});
