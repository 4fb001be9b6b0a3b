// The helpers published at @routekit/wire/testing, used on small decoders.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Decoded, decode, fail, type Reader } from '../src/index.js';
import { arbBytes, arbBytesView, checkTotalDecode, totalDecoderProperty } from '../src/testing.js';

// A TLV-list decoder in the style codecs will use: count, then TLVs of type, length, value.
function readTlvs(r: Reader): { type: number; value: Uint8Array }[] {
  const count = r.u8();
  if (count > 8) fail('limit-exceeded', r.offset - 1, { length: 1, detail: `${count} TLVs` });
  const out: { type: number; value: Uint8Array }[] = [];
  for (let i = 0; i < count; i++) {
    const type = r.u8();
    const body = r.sub(r.u16() - 1); // length counts itself plus the value: 0 is impossible
    out.push({ type, value: body.rest() });
  }
  return out;
}
const decodeTlvs = (b: Uint8Array): Decoded<ReturnType<typeof readTlvs>> =>
  decode(b, readTlvs, { exact: true });

describe('totalDecoderProperty', () => {
  test('holds for a decoder built on Reader, on random bytes and on views', () => {
    fc.assert(totalDecoderProperty(decodeTlvs));
    fc.assert(
      totalDecoderProperty(
        decodeTlvs,
        arbBytes({ maxLength: 8 }).map((b) => Uint8Array.of(1, 1, 0, ...b)),
      ),
    );
  });

  test('bytes from a small alphabet reach every outcome of that decoder', () => {
    const codes = new Set<string>();
    const small = fc
      .array(fc.constantFrom(0, 1, 2, 9, 255), { maxLength: 12 })
      .map((a) => Uint8Array.from(a));
    fc.assert(
      fc.property(small, (b) => {
        const r = checkTotalDecode(decodeTlvs, b);
        codes.add(r.ok ? 'ok' : r.error.code);
      }),
      { numRuns: 2000 },
    );
    expect([...codes].sort()).toEqual(
      ['length-out-of-range', 'limit-exceeded', 'ok', 'trailing-bytes', 'truncated'].sort(),
    );
  });
});

describe('checkTotalDecode catches broken decoders', () => {
  const input = Uint8Array.of(1, 2, 3);
  const cases: [string, (b: Uint8Array) => Decoded<unknown, string>, RegExp][] = [
    [
      'a decoder that writes to its input',
      (b) => {
        b[1] = 0;
        return { ok: true, value: null, bytesRead: 0 };
      },
      /modified its input at 1 \(input 010203\)/,
    ],
    [
      'bytesRead past the end',
      () => ({ ok: true, value: null, bytesRead: 4 }),
      /bytesRead 4 is not in 0..3/,
    ],
    ['fractional bytesRead', () => ({ ok: true, value: null, bytesRead: 0.5 }), /bytesRead 0.5/],
    [
      'an empty code',
      () => ({ ok: false, error: { code: '', offset: 0 } }),
      /error without a code/,
    ],
    [
      'an offset past the end',
      () => ({ ok: false, error: { code: 'x', offset: 9 } }),
      /error offset 9/,
    ],
    [
      'a negative length',
      () => ({ ok: false, error: { code: 'x', offset: 0, length: -1 } }),
      /error length -1/,
    ],
    ['no result', () => undefined as unknown as Decoded<unknown>, /no result object/],
    ['no ok flag', () => ({}) as unknown as Decoded<unknown>, /neither true nor false/],
  ];
  test.each(cases)('%s', (_, decoder, message) => {
    expect(() => checkTotalDecode(decoder, input.slice())).toThrow(message);
  });

  test('an exception from the decoder propagates as is', () => {
    const bug = new TypeError('bug');
    expect(() =>
      checkTotalDecode(() => {
        throw bug;
      }, input),
    ).toThrow(bug);
  });

  test('names an empty input', () => {
    expect(() =>
      checkTotalDecode(() => ({ ok: true, value: 0, bytesRead: 1 }), new Uint8Array(0)),
    ).toThrow(/input <empty>/);
  });
});

describe('arbitraries', () => {
  test('arbBytesView gives views with junk around them, within the length bounds', () => {
    fc.assert(
      fc.property(arbBytesView({ minLength: 3, maxLength: 5 }), (b) => {
        expect(b.byteOffset).toBeGreaterThan(0);
        expect(b.buffer.byteLength).toBeGreaterThan(b.length);
        expect(b.length).toBeGreaterThanOrEqual(3);
        expect(b.length).toBeLessThanOrEqual(5);
      }),
    );
  });

  test('arbBytes respects its bounds', () => {
    fc.assert(
      fc.property(arbBytes({ minLength: 2, maxLength: 4 }), (b) => {
        expect(b.length).toBeGreaterThanOrEqual(2);
        expect(b.length).toBeLessThanOrEqual(4);
      }),
    );
  });
});
