import { describe, expect, test } from 'vitest';
import { hex, Writer } from '../src/index.js';
import { writerVectors } from './vectors/writer.js';

describe('writer vectors', () => {
  test.each(writerVectors)('$name', ({ write, bytes }) => {
    expect(write()).toEqual(bytes);
  });
});

describe('Writer', () => {
  test('allocates exactly the given length and reports position', () => {
    const w = new Writer(4);
    expect([w.length, w.offset, w.remaining]).toEqual([4, 0, 4]);
    w.u16(1);
    expect([w.offset, w.remaining, w.mark()]).toEqual([2, 2, 2]);
    expect(w.written()).toEqual(hex`0001`);
    expect(w.written(1)).toEqual(hex`01`);
  });

  test('into() writes only inside its window and finish() returns a view of the target', () => {
    const target = new Uint8Array(8).fill(0xaa);
    const w = Writer.into(target, 2, 3);
    const out = w.u8(1).u16(0x0203).finish();
    expect(target).toEqual(hex`aa aa 01 02 03 aa aa aa`);
    expect(out.buffer).toBe(target.buffer);
    expect(out).toEqual(hex`01 02 03`);
    expect(Writer.into(new Uint8Array(3)).length).toBe(3);
    expect(Writer.into(new Uint8Array(3), 1).length).toBe(2);
  });

  test('writing past the end is a RangeError and writes nothing', () => {
    const target = new Uint8Array(4);
    const w = Writer.into(target, 0, 3);
    w.u16(0xffff);
    expect(() => w.u16(0xffff)).toThrow(RangeError);
    expect(() => w.u32(0)).toThrow(/overflows the 3-byte buffer/);
    expect(() => w.bytes(hex`01 02`)).toThrow(RangeError);
    expect(() => w.reserve(2)).toThrow(RangeError);
    expect(target).toEqual(hex`ff ff 00 00`);
    expect(w.offset).toBe(2);
  });

  test('values out of range are RangeErrors', () => {
    const w = new Writer(64);
    const bad: [keyof Writer, unknown][] = [
      ['u8', 256],
      ['u8', -1],
      ['u8', 1.5],
      ['u8', Number.NaN],
      ['u8', '1'],
      ['u16', 0x10000],
      ['u24', 0x1000000],
      ['u32', 2 ** 32],
      ['u32', -1],
      ['i32', 2 ** 31],
      ['i32', -(2 ** 31) - 1],
      ['u64', 2n ** 64n],
      ['u64', -1n],
      ['u64', 1],
    ];
    for (const [method, value] of bad) {
      expect(
        () => (w[method] as (v: unknown) => unknown).call(w, value),
        `${method}(${value})`,
      ).toThrow(RangeError);
    }
    expect(w.offset).toBe(0);
  });

  test('patches must stay within the bytes written, with in-range values', () => {
    const w = new Writer(8);
    const at = w.reserve(2);
    expect(() => w.patchU16(at + 1, 0)).toThrow(RangeError);
    expect(() => w.patchU32(at, 0)).toThrow(RangeError);
    expect(() => w.patchU8(-1, 0)).toThrow(RangeError);
    expect(() => w.patchU8(0.5, 0)).toThrow(RangeError);
    expect(() => w.patchU16(at, 0x10000)).toThrow(RangeError);
    expect(() => w.patchU8(at, 256)).toThrow(RangeError);
    expect(() => w.patchU24(at, 0x1000000)).toThrow(RangeError);
    expect(() => w.patchU32(at, -1)).toThrow(RangeError);
    w.patchU16(at, 0xbeef);
    expect(w.written()).toEqual(hex`beef`);
  });

  test('finish() insists on an exactly filled buffer', () => {
    const w = new Writer(3);
    w.u16(1);
    expect(() => w.finish()).toThrow('wrote 2 of 3 bytes');
    w.u8(1);
    expect(w.finish()).toEqual(hex`00 01 01`);
  });

  test('argument checks', () => {
    expect(() => new Writer(-1)).toThrow(RangeError);
    expect(() => new Writer(1.5)).toThrow(RangeError);
    expect(() => Writer.into(new Uint8Array(4), 5)).toThrow(RangeError);
    expect(() => Writer.into(new Uint8Array(4), -1)).toThrow(RangeError);
    expect(() => Writer.into(new Uint8Array(4), 1, 4)).toThrow(RangeError);
    expect(() => Writer.into(new Uint8Array(4), 0, -1)).toThrow(RangeError);
    expect(() => new Writer(2).reserve(-1)).toThrow(RangeError);
    expect(() => new Writer(2).zeros(Number.NaN)).toThrow(RangeError);
    expect(() => new Writer(2).written(1)).toThrow(RangeError);
    expect(() => new Writer(2).written(-1)).toThrow(RangeError);
  });
});
