import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { utf8Decode, utf8Encode } from '../src/index.js';
import { arbBytes } from '../src/testing.js';

describe('utf8 properties', () => {
  test('decode(encode(s)) = s for any string without lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 64 }), (s) => {
        expect(utf8Decode(utf8Encode(s))).toBe(s);
      }),
    );
  });

  test('encode agrees with Node’s TextEncoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (s) => {
        expect(utf8Encode(s)).toEqual(new Uint8Array(new TextEncoder().encode(s)));
      }),
    );
  });

  test('decode never throws for arbitrary bytes and re-encodes to valid UTF-8', () => {
    fc.assert(
      fc.property(arbBytes({ maxLength: 64 }), (bytes) => {
        const text = utf8Decode(bytes);
        expect(utf8Decode(utf8Encode(text))).toBe(text);
        // Same text as a WHATWG decoder up to how many U+FFFD stand for a bad run.
        const whatwg = new TextDecoder().decode(bytes);
        const squash = (t: string) => t.replace(/\ufffd+/g, '\ufffd');
        expect(squash(text)).toBe(squash(whatwg));
      }),
    );
  });
});
