import { describe, expect, test } from 'vitest';
import { decode, hex, isDecodeFailure, Reader } from '../src/index.js';
import { readerErrorVectors, readerVectors } from './vectors/reader.js';

describe('reader vectors', () => {
  test.each(readerVectors)('$name', ({ bytes, read, value, bytesRead }) => {
    expect(decode(bytes, read)).toEqual({ ok: true, value, bytesRead });
  });
});

describe('reader error vectors', () => {
  test.each(readerErrorVectors)('$name', ({ bytes, read, error, baseOffset }) => {
    const result = decode(bytes, read, baseOffset === undefined ? {} : { baseOffset });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { code, offset, length } = result.error;
    expect(length === undefined ? { code, offset } : { code, offset, length }).toEqual(error);
    expect(typeof result.error.detail).toBe('string');
  });
});

describe('Reader', () => {
  test('a failed read does not move the position', () => {
    const r = new Reader(hex`01 02 03`);
    r.u8();
    expect(() => r.u32()).toThrow();
    expect(r.offset).toBe(1);
    expect(r.u16()).toBe(0x0203);
  });

  test('a failed read throws the branded failure, with a readable message', () => {
    try {
      new Reader(hex`01`, { baseOffset: 20 }).u32();
      expect.unreachable();
    } catch (e) {
      expect(isDecodeFailure(e)).toBe(true);
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).message).toBe('truncated at 20 (4 bytes): need 4 bytes, 1 left');
    }
  });

  test('bytes() and rest() alias the input; peekBytes too', () => {
    const input = hex`00 11 22 33`;
    const r = new Reader(input);
    const a = r.bytes(2);
    const p = r.peekBytes(1);
    const b = r.rest();
    expect(a.buffer).toBe(input.buffer);
    input[1] = 0x99;
    input[2] = 0x88;
    expect(a[1]).toBe(0x99);
    expect(p[0]).toBe(0x88);
    expect(b[0]).toBe(0x88);
  });

  test('works on a view into a larger buffer (DataView over the exact window)', () => {
    const backing = hex`de ad 01 02 03 04 be ef`;
    const r = new Reader(backing.subarray(2, 6));
    expect(r.u32()).toBe(0x01020304);
    expect(() => r.u8()).toThrow();
  });

  test('works on a subclass of Uint8Array such as a Node Buffer, without Buffer API', () => {
    class Bytes extends Uint8Array {}
    const r = new Reader(new Bytes([1, 2]));
    expect(r.u16()).toBe(0x0102);
  });

  test('counts that are not integers are bugs: RangeError, not a decode error', () => {
    for (const n of [Number.NaN, 1.5, Number.POSITIVE_INFINITY]) {
      expect(() => decode(hex`00 00`, (r) => r.bytes(n))).toThrow(RangeError);
      expect(() => decode(hex`00 00`, (r) => r.sub(n))).toThrow(RangeError);
      expect(() => decode(hex`00 00`, (r) => r.skip(n))).toThrow(RangeError);
      expect(() => decode(hex`00 00`, (r) => r.peekBytes(n))).toThrow(RangeError);
    }
  });

  test('constructor arguments are checked', () => {
    expect(() => new Reader([1, 2] as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => new Reader(hex`00`, { baseOffset: -1 })).toThrow(RangeError);
    expect(() => new Reader(hex`00`, { baseOffset: 0.5 })).toThrow(RangeError);
  });

  test('offset, end, remaining and atEnd of parent and children', () => {
    const r = new Reader(hex`00 01 02 03 04 05`, { baseOffset: 100 });
    expect([r.offset, r.end, r.remaining, r.atEnd]).toEqual([100, 106, 6, false]);
    r.skip(1);
    const c = r.sub(3);
    expect([c.offset, c.end, c.remaining]).toEqual([101, 104, 3]);
    expect([r.offset, r.remaining]).toEqual([104, 2]);
    expect(c.rest()).toEqual(hex`01 02 03`);
    expect(c.atEnd).toBe(true);
    r.skip(2);
    expect(r.atEnd).toBe(true);
  });
});

describe('dissection hook', () => {
  test('named reads and field() report absolute offset and length', () => {
    const seen: [string, number, number][] = [];
    const onField = (name: string, offset: number, length: number): void => {
      seen.push([name, offset, length]);
    };
    const bytes = hex`01 0002 030405 06070809 ffffffff 0000000000000001 aa bb cc dd ee`;
    const result = decode(
      bytes,
      (r) => {
        r.u8('a');
        r.u16('b');
        r.u24('c');
        r.u32('d');
        r.i32('e');
        r.u64('f');
        r.field('group', (g) => {
          g.bytes(1, 'g');
          g.skip(1, 'h');
        });
        r.sub(1, 'i');
        r.rest('j');
      },
      { onField, baseOffset: 10 },
    );
    expect(result.ok).toBe(true);
    expect(seen).toEqual([
      ['a', 10, 1],
      ['b', 11, 2],
      ['c', 13, 3],
      ['d', 16, 4],
      ['e', 20, 4],
      ['f', 24, 8],
      ['g', 32, 1],
      ['h', 33, 1],
      ['group', 32, 2],
      ['i', 34, 1],
      ['j', 35, 2],
    ]);
  });

  test('children share the hook; unnamed reads and peeks are silent', () => {
    const seen: string[] = [];
    decode(
      hex`02 aa bb`,
      (r) => {
        const c = r.sub(r.u8());
        c.peekU8();
        c.u8();
        c.u8('inner');
      },
      { onField: (name, at, n) => seen.push(`${name}@${at}+${n}`) },
    );
    expect(seen).toEqual(['inner@2+1']);
  });

  test('without a hook, field() just runs its callback', () => {
    expect(decode(hex`07`, (r) => r.field('x', (f) => f.u8('y')))).toEqual({
      ok: true,
      value: 7,
      bytesRead: 1,
    });
  });
});
