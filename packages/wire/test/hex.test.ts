import { describe, expect, test } from 'vitest';
import { fromHex, hex, toHex } from '../src/index.js';

describe('hex template', () => {
  test('whitespace, newlines, comments and either case', () => {
    expect(
      hex`
        FF ff   # marker start
        00\t13  # length
        # a whole-line comment
        04`,
    ).toEqual(new Uint8Array([0xff, 0xff, 0x00, 0x13, 0x04]));
    expect(hex``).toEqual(new Uint8Array(0));
    expect(hex`# only a comment`).toEqual(new Uint8Array(0));
    expect(hex`0a\r\n0b`).toEqual(new Uint8Array([10, 11]));
  });

  test('interpolations: bytes and hex text', () => {
    const addr = new Uint8Array([192, 0, 2, 1]);
    expect(hex`01 ${addr} 02`).toEqual(new Uint8Array([1, 192, 0, 2, 1, 2]));
    expect(hex`01 ${'0203 # comment inside the text\n04'} 05`).toEqual(
      new Uint8Array([1, 2, 3, 4, 5]),
    );
    expect(hex`0${'1'}`).toEqual(new Uint8Array([1]));
  });

  const errors: [string, () => unknown, RegExp][] = [
    [
      'odd number of digits',
      () => hex`01 0`,
      /odd number of digits \(lone digit at line 1, column 4\)/,
    ],
    ['0x prefix', () => hex`0x01`, /unexpected "x" at line 1, column 2/],
    ['colon separator', () => hex`01:02`, /unexpected ":" at line 1, column 3/],
    ['non-hex letter on line 3', () => hex`01\n02\n  0g`, /unexpected "g" at line 3, column 4/],
    ['space inside a byte', () => hex`0 1`, /space inside a byte at line 1, column 2/],
    ['line break inside a byte', () => hex`0\n1`, /line break inside a byte at line 1, column 2/],
    ['comment inside a byte', () => hex`0# x`, /comment inside a byte/],
    ['non-ASCII', () => hex`01 é`, /unexpected "é"/],
    // an invalid escape leaves no cooked string: the raw text is scanned (and refused)
    ['invalid escape', () => hex`01 \xzz`, /unexpected "\\\\" at line 1, column 4/],
    ['number interpolation', () => hex`${1 as unknown as string}`, /interpolation #1 is a number/],
    ['other interpolation', () => hex`${null as unknown as string}`, /interpolation #1 is object/],
    [
      'bytes splitting a pair',
      () => hex`0${new Uint8Array(1)}0`,
      /interpolation #1 splits a byte at line 1, column 2/,
    ],
    [
      'interpolation in a comment',
      () => hex`00 # ${'01'}`,
      /interpolation #1 is inside a # comment/,
    ],
    [
      'string ending in a comment',
      () => hex`${'00 # x'}01`,
      /interpolation #1 ends inside a # comment/,
    ],
    [
      'bad text in a string',
      () => hex`00 ${'0z'}`,
      /unexpected "z" at interpolation #1, line 1, column 2/,
    ],
  ];
  test.each(errors)('throws on %s', (_, run, message) => {
    expect(run).toThrow(message);
  });
});

describe('fromHex and toHex', () => {
  test('fromHex has the same grammar', () => {
    expect(fromHex('de ad # x\nbeef')).toEqual(new Uint8Array([0xde, 0xad, 0xbe, 0xef]));
    expect(() => fromHex('abc')).toThrow(/odd number of digits/);
  });

  test('toHex is lowercase with an optional separator', () => {
    const b = new Uint8Array([0, 0x0f, 0xab, 0xff]);
    expect(toHex(b)).toBe('000fabff');
    expect(toHex(b, ' ')).toBe('00 0f ab ff');
    expect(toHex(new Uint8Array(0), ' ')).toBe('');
  });
});
