import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  arbMutation,
  bitFlip,
  deleteBytes,
  edgeBigInt,
  edgeInt,
  edgeValues,
  flipBit,
  insertBytes,
  lengthEdgeValues,
  randomTail,
  readUint,
  replaceRange,
  setLengthField,
  splice,
  truncate,
  truncateTo,
  writeUint,
} from '../src/index.js';

// A BGP KEEPALIVE: 16-byte marker, length 19 at offset 16, type 4.
const keepalive = Uint8Array.from([...new Array(16).fill(0xff), 0x00, 0x13, 0x04]);

const bytesArb = fc.uint8Array({ minLength: 1, maxLength: 64 });

describe('plain mutators', () => {
  test('flipBit inverts exactly one bit, counted from the top of byte 0', () => {
    expect([...flipBit(Uint8Array.of(0, 0), 0)]).toEqual([0x80, 0]);
    expect([...flipBit(Uint8Array.of(0, 0), 15)]).toEqual([0, 0x01]);
    expect(() => flipBit(Uint8Array.of(0), 8)).toThrow(RangeError);
    expect(() => flipBit(Uint8Array.of(0), -1)).toThrow(RangeError);
  });

  test('truncateTo, readUint, writeUint and replaceRange', () => {
    expect([...truncateTo(keepalive, 18)]).toEqual([...keepalive.subarray(0, 18)]);
    expect(() => truncateTo(keepalive, 20)).toThrow(RangeError);
    expect(readUint(keepalive, 16, 2)).toBe(19);
    expect(readUint(Uint8Array.of(0x13, 0x00), 0, 2, true)).toBe(19);
    expect([...writeUint(keepalive, 16, 2, 0xffff).subarray(16)]).toEqual([0xff, 0xff, 4]);
    expect([...writeUint(Uint8Array.of(0, 0, 0), 0, 3, 0x010203, true)]).toEqual([3, 2, 1]);
    expect(readUint(writeUint(new Uint8Array(6), 0, 6, 2 ** 48 - 1), 0, 6)).toBe(2 ** 48 - 1);
    expect(() => writeUint(keepalive, 16, 2, 0x10000)).toThrow(RangeError);
    expect(() => writeUint(keepalive, 18, 2, 1)).toThrow(RangeError);
    expect(() => readUint(keepalive, 0, 7)).toThrow(RangeError);
    expect([...replaceRange(Uint8Array.of(1, 2, 3, 4), 1, 2, Uint8Array.of(9))]).toEqual([1, 9, 4]);
    expect([...replaceRange(Uint8Array.of(1, 2), 2, 0, Uint8Array.of(3))]).toEqual([1, 2, 3]);
    expect(() => replaceRange(Uint8Array.of(1), 1, 1)).toThrow(RangeError);
  });

  test('lengthEdgeValues: 0, 1, actual±1, buffer length±1, bytes left, half and max — not actual', () => {
    // the KEEPALIVE's length field holds 19, the buffer is 19 bytes, the field at 16
    expect(lengthEdgeValues(19, 2, 19, 16)).toEqual([
      0, 1, 2, 3, 4, 18, 20, 0x7fff, 0x8000, 0xfffe, 0xffff,
    ]);
    expect(lengthEdgeValues(0, 1, 300)).toEqual([1, 2, 127, 128, 254, 255]);
  });

  test('edgeValues covers 0, 1, max and every power of two with its neighbours', () => {
    expect(edgeValues(1)).toEqual([0, 1]);
    expect(edgeValues(4)).toEqual([0, 1, 2, 3, 4, 5, 7, 8, 9, 14, 15]);
    const e32 = edgeValues(32);
    for (const v of [0, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, 2 ** 32 - 2, 2 ** 32 - 1]) {
      expect(e32).toContain(v);
    }
    expect(() => edgeValues(54)).toThrow(RangeError);
  });
});

describe('arbitraries', () => {
  test('edgeInt stays in range and draws edge values most of the time', () => {
    for (const bits of [1, 8, 16, 32, 53]) {
      const max = 2 ** bits - 1;
      const samples = fc.sample(edgeInt(bits), 400);
      for (const v of samples) expect(v >= 0 && v <= max && Number.isInteger(v)).toBe(true);
      const edges = new Set(edgeValues(bits));
      const hits = samples.filter((v) => edges.has(v)).length;
      expect(hits / samples.length).toBeGreaterThan(0.5);
      if (bits >= 8) expect(samples).toContain(max);
    }
  });

  test('edgeBigInt stays in range for 64 and 128 bits and reaches the maximum', () => {
    for (const bits of [64, 128]) {
      const max = (1n << BigInt(bits)) - 1n;
      const samples = fc.sample(edgeBigInt(bits), 400);
      for (const v of samples) expect(v >= 0n && v <= max).toBe(true);
      expect(samples).toContain(max);
    }
  });

  test('every single mutation differs from its input', () => {
    fc.assert(
      fc.property(
        bytesArb.chain((b) =>
          fc.tuple(fc.constant(b), arbMutation(b, { lengthFields: [{ offset: 0, width: 1 }] })),
        ),
        ([b, m]) => {
          expect(m.bytes).not.toEqual(b);
        },
      ),
    );
  });

  test('every mutator returns a fresh array and leaves its input alone', () => {
    fc.assert(
      fc.property(
        bytesArb.chain((b) =>
          fc.tuple(
            fc.constant(b),
            fc.oneof(
              bitFlip(b),
              truncate(b),
              randomTail(b),
              splice(b),
              insertBytes(b),
              deleteBytes(b),
              arbMutation(b, { maxSteps: 3 }),
            ),
          ),
        ),
        ([input, m]) => {
          expect(m.bytes).not.toBe(input);
          expect(m.bytes.buffer).not.toBe(input.buffer);
          expect(m.description.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  test('the input is unchanged after drawing many mutations of it', () => {
    const input = keepalive.slice();
    fc.assert(
      fc.property(
        arbMutation(input, { lengthFields: [{ offset: 16, width: 2 }], maxSteps: 4 }),
        (m) => {
          m.bytes.fill(0); // even scribbling on the output must not reach the input
        },
      ),
    );
    expect(input).toEqual(keepalive);
  });

  test('what each mutator does', () => {
    fc.assert(
      fc.property(
        bytesArb.chain((b) => fc.tuple(fc.constant(b), bitFlip(b))),
        ([b, m]) => {
          expect(m.kind).toBe('bit-flip');
          expect(m.bytes.length).toBe(b.length);
          let bits = 0;
          for (let i = 0; i < b.length; i++) {
            let x = b[i]! ^ m.bytes[i]!;
            while (x) {
              bits += x & 1;
              x >>= 1;
            }
          }
          expect(bits).toBe(1);
        },
      ),
    );
    fc.assert(
      fc.property(
        bytesArb.chain((b) => fc.tuple(fc.constant(b), truncate(b))),
        ([b, m]) => {
          expect(m.bytes.length).toBeLessThan(b.length);
          expect(m.bytes).toEqual(b.subarray(0, m.bytes.length));
        },
      ),
    );
    fc.assert(
      fc.property(
        bytesArb.chain((b) => fc.tuple(fc.constant(b), randomTail(b, 8))),
        ([b, m]) => {
          expect(m.bytes.length - b.length).toBeGreaterThanOrEqual(1);
          expect(m.bytes.length - b.length).toBeLessThanOrEqual(8);
          expect(m.bytes.subarray(0, b.length)).toEqual(b);
        },
      ),
    );
    fc.assert(
      fc.property(
        bytesArb.chain((b) => fc.tuple(fc.constant(b), splice(b))),
        ([b, m]) => {
          expect(m.bytes.length).toBe(b.length);
          expect(m.bytes).not.toEqual(b);
        },
      ),
    );
    fc.assert(
      fc.property(
        bytesArb.chain((b) => fc.tuple(fc.constant(b), insertBytes(b, 4))),
        ([b, m]) => {
          expect(m.bytes.length - b.length).toBeGreaterThanOrEqual(1);
          expect(m.bytes.length - b.length).toBeLessThanOrEqual(4);
        },
      ),
    );
    fc.assert(
      fc.property(
        bytesArb.chain((b) => fc.tuple(fc.constant(b), deleteBytes(b, 4))),
        ([b, m]) => {
          expect(b.length - m.bytes.length).toBeGreaterThanOrEqual(1);
          expect(b.length - m.bytes.length).toBeLessThanOrEqual(4);
        },
      ),
    );
  });

  test('setLengthField rewrites only the field, never to its current value, hitting the edges', () => {
    const seen = new Set<number>();
    fc.assert(
      fc.property(setLengthField(keepalive, 16, 2), (m) => {
        const v = readUint(m.bytes, 16, 2);
        expect(v).not.toBe(19);
        seen.add(v);
        expect(m.bytes.subarray(0, 16)).toEqual(keepalive.subarray(0, 16));
        expect(m.bytes[18]).toBe(4);
        expect(m.description).toMatch(/^length field @16 \(2 bytes BE\) 19 → \d+$/);
      }),
      { numRuns: 500 },
    );
    for (const edge of [0, 18, 20, 0xffff]) expect(seen).toContain(edge);
  });

  test('arbMutation uses every kind, chains up to maxSteps, and handles empty input', () => {
    const kinds = new Set(
      fc
        .sample(arbMutation(keepalive, { lengthFields: [{ offset: 16, width: 2 }] }), 500)
        .map((m) => m.kind),
    );
    expect(kinds).toEqual(
      new Set([
        'bit-flip',
        'truncate',
        'length-field',
        'random-tail',
        'splice',
        'insert',
        'delete',
      ]),
    );
    const chained = fc.sample(arbMutation(keepalive, { maxSteps: 3 }), 300);
    expect(chained.some((m) => m.kind === 'chain' && m.description.split('; ').length >= 2)).toBe(
      true,
    );
    expect(chained.every((m) => m.description.split('; ').length <= 3)).toBe(true);
    const fromEmpty = fc.sample(arbMutation(new Uint8Array(0)), 50);
    expect(fromEmpty.every((m) => m.bytes.length > 0)).toBe(true);
    expect(() => arbMutation(keepalive, { maxSteps: 0 })).toThrow(RangeError);
  });
});
