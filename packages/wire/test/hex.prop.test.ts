import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromHex, hex, toHex } from '../src/index.js';
import { arbBytes } from '../src/testing.js';

describe('hex round trips', () => {
  test('fromHex(toHex(b, separator)) = b for any whitespace separator', () => {
    fc.assert(
      fc.property(
        arbBytes({ maxLength: 64 }),
        fc.constantFrom('', ' ', '\n', '\t', '  \n  '),
        (b, sep) => {
          expect(fromHex(toHex(b, sep))).toEqual(b);
        },
      ),
    );
  });

  test('whitespace and comments between pairs never change the bytes', () => {
    const gap = fc.constantFrom('', ' ', '\n', '\t', ' # note\n', '# x y z 0g\n', '\r\n');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), gap, fc.boolean())),
        (parts) => {
          let text = '';
          for (const [byte, sep, upper] of parts) {
            const pair = byte.toString(16).padStart(2, '0');
            text += (upper ? pair.toUpperCase() : pair) + sep;
          }
          expect(fromHex(text)).toEqual(Uint8Array.from(parts.map(([b]) => b)));
        },
      ),
    );
  });

  test('interpolated byte arrays are inserted as they are', () => {
    fc.assert(
      fc.property(arbBytes(), arbBytes(), (a, b) => {
        expect(hex`${a} # first\n ${b}`).toEqual(Uint8Array.from([...a, ...b]));
        expect(hex`${toHex(a)}${b}`).toEqual(Uint8Array.from([...a, ...b]));
      }),
    );
  });
});
