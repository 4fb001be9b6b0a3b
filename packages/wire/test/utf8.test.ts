import { describe, expect, test } from 'vitest';
import { utf8Decode, utf8Encode } from '../src/index.js';

const b = (...x: number[]) => Uint8Array.from(x);

describe('utf8Decode', () => {
  test('ASCII, 2-, 3- and 4-byte sequences', () => {
    expect(utf8Decode(b())).toBe('');
    expect(utf8Decode(b(0x72, 0x31))).toBe('r1');
    expect(utf8Decode(b(0xc3, 0xa9))).toBe('é');
    expect(utf8Decode(b(0xe2, 0x82, 0xac))).toBe('€');
    expect(utf8Decode(b(0xf0, 0x9f, 0x98, 0x80))).toBe('😀');
    expect(utf8Decode(b(0xf4, 0x8f, 0xbf, 0xbf))).toBe('\u{10ffff}');
  });

  test('NULs are kept (trailing-NUL handling is the caller’s)', () => {
    expect(utf8Decode(b(0x61, 0x00, 0x00))).toBe('a\0\0');
  });

  test('each byte that does not start a valid sequence becomes one U+FFFD', () => {
    expect(utf8Decode(b(0x80))).toBe('\ufffd'); // lone continuation
    expect(utf8Decode(b(0xc0, 0xaf))).toBe('\ufffd\ufffd'); // C0/C1 never valid
    expect(utf8Decode(b(0xff, 0x41))).toBe('\ufffdA');
    expect(utf8Decode(b(0xe0, 0x80, 0xaf))).toBe('\ufffd\ufffd\ufffd'); // overlong
    expect(utf8Decode(b(0xf0, 0x80, 0x80, 0xaf))).toBe('\ufffd'.repeat(4)); // overlong
    expect(utf8Decode(b(0xed, 0xa0, 0x80))).toBe('\ufffd'.repeat(3)); // surrogate
    expect(utf8Decode(b(0xf4, 0x90, 0x80, 0x80))).toBe('\ufffd'.repeat(4)); // > U+10FFFF
    expect(utf8Decode(b(0xf5, 0x80))).toBe('\ufffd\ufffd');
    expect(utf8Decode(b(0xe2, 0x82))).toBe('\ufffd\ufffd'); // truncated at the end
    expect(utf8Decode(b(0xe2, 0x41, 0x42))).toBe('\ufffdAB'); // bad continuation
    expect(utf8Decode(b(0x61, 0xc3))).toBe('a\ufffd');
  });
});

describe('utf8Encode', () => {
  test('one to four bytes per code point', () => {
    expect(utf8Encode('')).toEqual(b());
    expect(utf8Encode('r1')).toEqual(b(0x72, 0x31));
    expect(utf8Encode('é')).toEqual(b(0xc3, 0xa9));
    expect(utf8Encode('€')).toEqual(b(0xe2, 0x82, 0xac));
    expect(utf8Encode('😀')).toEqual(b(0xf0, 0x9f, 0x98, 0x80));
  });

  test('lone surrogates become U+FFFD', () => {
    expect(utf8Encode('\ud800')).toEqual(b(0xef, 0xbf, 0xbd));
    expect(utf8Encode('a\udc00')).toEqual(b(0x61, 0xef, 0xbf, 0xbd));
  });
});
