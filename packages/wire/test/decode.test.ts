import { describe, expect, test } from 'vitest';
import {
  type Decoded,
  DecodeFailure,
  decode,
  decodeError,
  fail,
  formatDecodeError,
  hex,
  isDecodeFailure,
  unwrap,
  WIRE_ERROR_CODES,
  type WireErrorCode,
} from '../src/index.js';

describe('decode()', () => {
  test('returns the value and the bytes read, leaving the rest by default', () => {
    expect(decode(hex`01 02 03`, (r) => r.u8())).toEqual({ ok: true, value: 1, bytesRead: 1 });
  });

  test('exact: leftovers are trailing-bytes at the first unread byte', () => {
    expect(decode(hex`01 02 03`, (r) => r.u8(), { exact: true })).toEqual({
      ok: false,
      error: { code: 'trailing-bytes', offset: 1, length: 2, detail: '2 unread bytes' },
    });
    expect(decode(hex`01 02`, (r) => r.u8(), { exact: true, baseOffset: 8 })).toEqual({
      ok: false,
      error: { code: 'trailing-bytes', offset: 9, length: 1, detail: '1 unread byte' },
    });
    expect(decode(hex`01`, (r) => r.u8(), { exact: true }).ok).toBe(true);
  });

  test('bytesRead is relative to the input even with a baseOffset', () => {
    expect(decode(hex`01 02`, (r) => r.u16(), { baseOffset: 100 })).toEqual({
      ok: true,
      value: 0x0102,
      bytesRead: 2,
    });
  });

  test("codecs' own codes come back as data", () => {
    type MyCode = 'bad-version';
    const result: Decoded<number, MyCode | WireErrorCode> = decode<number, MyCode>(hex`05`, (r) => {
      const v = r.u8();
      if (v !== 4) fail<MyCode>('bad-version', r.offset - 1, { length: 1, detail: `${v}` });
      return v;
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad-version', offset: 0, length: 1, detail: '5' },
    });
  });

  test('any other exception is a bug and propagates unchanged', () => {
    const bug = new RangeError('index out of range');
    expect(() =>
      decode(hex`00`, () => {
        throw bug;
      }),
    ).toThrow(bug);
    expect(() =>
      decode(hex`00`, () => {
        throw { code: 'truncated', offset: 0 }; // looks like a DecodeError, is not branded
      }),
    ).toThrow();
    expect(() =>
      decode(hex`00`, (r) => {
        // a DataView misuse inside a codec must not become "truncated"
        return new DataView(r.bytes(1).buffer).getUint32(10);
      }),
    ).toThrow(RangeError);
  });

  test('a failure thrown by another copy of the package is still recognised', () => {
    const foreign = Object.assign(new Error('truncated at 0'), {
      error: { code: 'truncated', offset: 0, length: 4 },
      [Symbol.for('@routekit/wire/DecodeFailure')]: true,
    });
    expect(
      decode(hex``, () => {
        throw foreign;
      }),
    ).toEqual({ ok: false, error: { code: 'truncated', offset: 0, length: 4 } });
  });
});

describe('errors', () => {
  test('decodeError leaves absent options out instead of setting undefined', () => {
    expect(Object.keys(decodeError('bad-value', 3))).toEqual(['code', 'offset']);
    expect(decodeError('bad-value', 3, {})).toEqual({ code: 'bad-value', offset: 3 });
    expect(Object.keys(decodeError('bad-value', 3, { detail: 'x' }))).toEqual([
      'code',
      'offset',
      'detail',
    ]);
    expect(decodeError('bad-value', 3, { length: 1 })).toEqual({
      code: 'bad-value',
      offset: 3,
      length: 1,
    });
    expect(decodeError('bad-value', 3, { length: 1, detail: 'x' })).toEqual({
      code: 'bad-value',
      offset: 3,
      length: 1,
      detail: 'x',
    });
  });

  test('fail() throws a DecodeFailure carrying the error', () => {
    try {
      fail('limit-exceeded', 7, { detail: 'more than 64 nested TLVs' });
    } catch (e) {
      expect(e).toBeInstanceOf(DecodeFailure);
      expect(isDecodeFailure(e)).toBe(true);
      expect((e as DecodeFailure).error).toEqual({
        code: 'limit-exceeded',
        offset: 7,
        detail: 'more than 64 nested TLVs',
      });
      expect((e as Error).name).toBe('DecodeFailure');
    }
    expect.assertions(4);
  });

  test('isDecodeFailure is false for everything else', () => {
    for (const v of [null, undefined, 0, 'x', {}, new Error('x'), { error: {} }]) {
      expect(isDecodeFailure(v)).toBe(false);
    }
  });

  test('formatDecodeError', () => {
    expect(formatDecodeError({ code: 'bad-value', offset: 2 })).toBe('bad-value at 2');
    expect(formatDecodeError({ code: 'truncated', offset: 2, length: 4, detail: 'd' })).toBe(
      'truncated at 2 (4 bytes): d',
    );
  });

  test('the documented code list', () => {
    expect(WIRE_ERROR_CODES).toEqual([
      'truncated',
      'trailing-bytes',
      'length-out-of-range',
      'bad-value',
      'limit-exceeded',
    ]);
  });

  test('unwrap returns the value or throws the failure', () => {
    expect(unwrap(decode(hex`2a`, (r) => r.u8()))).toBe(42);
    expect(() => unwrap(decode(hex``, (r) => r.u8()))).toThrow(DecodeFailure);
    expect(() => unwrap(decode(hex``, (r) => r.u8()))).toThrow('truncated at 0 (1 bytes)');
  });
});
