import { describe, expect, test } from 'vitest';
import {
  ADDRESS_BITS,
  ADDRESS_BYTES,
  addressBit,
  addressEquals,
  addressFromBytes,
  addressOrThrow,
  addressToBytes,
  commonPrefixLength,
  compareAddress,
  ipv4,
  ipv4FromBytes,
  ipv6,
  ipv6FromBytes,
  isIpv4Mapped,
  mapAddress,
  unmapAddress,
  writeAddress,
} from '../src/index.js';

const a = (text: string) => addressOrThrow(text);

describe('constructors', () => {
  test('ipv4 takes a uint32', () => {
    expect(ipv4(0)).toEqual({ family: 4, value: 0 });
    expect(ipv4(0xffff_ffff)).toEqual({ family: 4, value: 0xffff_ffff });
    for (const bad of [-1, 2 ** 32, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => ipv4(bad), String(bad)).toThrow(RangeError);
    }
  });

  test('ipv6 takes four uint32 words', () => {
    expect(ipv6(0x2001_0db8, 0, 0, 1)).toEqual(a('2001:db8::1'));
    expect(() => ipv6(0, 0, 0, -1)).toThrow(RangeError);
    expect(() => ipv6(2 ** 32, 0, 0, 0)).toThrow(RangeError);
    expect(() => ipv6(0, 0.5, 0, 0)).toThrow(RangeError);
    expect(() => ipv6(0, 0, Number.NaN, 0)).toThrow(RangeError);
  });

  test('family sizes', () => {
    expect(ADDRESS_BITS).toEqual({ 4: 32, 6: 128 });
    expect(ADDRESS_BYTES).toEqual({ 4: 4, 6: 16 });
  });
});

describe('bytes', () => {
  test('network byte order', () => {
    expect([...addressToBytes(a('192.0.2.1'))]).toEqual([192, 0, 2, 1]);
    expect([...addressToBytes(a('2001:db8::ff00:42:8329'))]).toEqual([
      0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0xff, 0x00, 0x00, 0x42, 0x83, 0x29,
    ]);
    expect(addressFromBytes(new Uint8Array([192, 0, 2, 1]))).toEqual(a('192.0.2.1'));
    expect(addressFromBytes(new Uint8Array(16).fill(0xff))).toEqual(
      a('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'),
    );
  });

  test('addressFromBytes wants 4 or 16 bytes', () => {
    for (const n of [0, 3, 5, 15, 17]) {
      expect(() => addressFromBytes(new Uint8Array(n)), String(n)).toThrow(RangeError);
    }
  });

  test('reading at an offset inside a larger packet', () => {
    const packet = new Uint8Array([9, 9, 10, 0, 0, 1, 9]);
    expect(ipv4FromBytes(packet, 2)).toEqual(a('10.0.0.1'));
    expect(() => ipv4FromBytes(packet, 4)).toThrow(RangeError);
    expect(() => ipv4FromBytes(packet, -1)).toThrow(RangeError);
    expect(() => ipv4FromBytes(packet, 0.5)).toThrow(RangeError);
    const six = new Uint8Array(20);
    six[3] = 0xfe;
    six[4] = 0x80;
    six[18] = 1;
    expect(ipv6FromBytes(six, 3)).toEqual(a('fe80::1'));
    expect(() => ipv6FromBytes(six, 5)).toThrow(RangeError);
  });

  test('a Uint8Array view with a byteOffset reads its own window', () => {
    const buf = new Uint8Array([1, 2, 3, 198, 51, 100, 7]);
    expect(addressFromBytes(buf.subarray(3, 7))).toEqual(a('198.51.100.7'));
  });

  test('writeAddress writes at an offset and returns the byte count', () => {
    const out = new Uint8Array(22).fill(0xaa);
    expect(writeAddress(a('192.0.2.1'), out, 1)).toBe(4);
    expect(writeAddress(a('::1'), out, 5)).toBe(16);
    expect([...out.subarray(0, 6)]).toEqual([0xaa, 192, 0, 2, 1, 0]);
    expect(out[20]).toBe(1);
    expect(out[21]).toBe(0xaa);
    expect(() => writeAddress(a('::1'), out, 7)).toThrow(RangeError);
    expect(() => writeAddress(a('1.2.3.4'), new Uint8Array(3))).toThrow(RangeError);
  });
});

describe('bits', () => {
  test('addressBit counts from the most significant bit', () => {
    expect(addressBit(a('128.0.0.1'), 0)).toBe(1);
    expect(addressBit(a('128.0.0.1'), 1)).toBe(0);
    expect(addressBit(a('128.0.0.1'), 31)).toBe(1);
    expect(addressBit(a('8000::1'), 0)).toBe(1);
    expect(addressBit(a('8000::1'), 127)).toBe(1);
    expect(addressBit(a('::1:0:0'), 95)).toBe(1);
    expect(addressBit(a('::1:0:0'), 96)).toBe(0);
    for (const i of [-1, 32, 0.5, Number.NaN]) {
      expect(() => addressBit(a('1.2.3.4'), i), String(i)).toThrow(RangeError);
    }
    for (const i of [-1, 128]) expect(() => addressBit(a('::'), i)).toThrow(RangeError);
  });

  test('commonPrefixLength', () => {
    expect(commonPrefixLength(a('10.0.0.0'), a('10.0.0.0'))).toBe(32);
    expect(commonPrefixLength(a('10.0.0.0'), a('10.0.0.1'))).toBe(31);
    expect(commonPrefixLength(a('0.0.0.0'), a('128.0.0.0'))).toBe(0);
    expect(commonPrefixLength(a('2001:db8::'), a('2001:db8::'))).toBe(128);
    expect(commonPrefixLength(a('2001:db8::'), a('2001:db8:8000::'))).toBe(32);
    expect(commonPrefixLength(a('::'), a('::1'))).toBe(127);
    expect(commonPrefixLength(a('10.0.0.0'), a('::'))).toBe(0);
    expect(commonPrefixLength(a('::'), a('0.0.0.0'))).toBe(0);
  });
});

describe('order and equality', () => {
  test('IPv4 before IPv6, then numeric', () => {
    const sorted = [
      '::',
      '255.255.255.255',
      '0.0.0.0',
      '::ffff:0.0.0.0',
      '10.0.0.1',
      '2001:db8::',
      '10.0.0.0',
    ]
      .map(a)
      .sort(compareAddress);
    expect(sorted).toEqual(
      [
        '0.0.0.0',
        '10.0.0.0',
        '10.0.0.1',
        '255.255.255.255',
        '::',
        '::ffff:0.0.0.0',
        '2001:db8::',
      ].map(a),
    );
    expect(compareAddress(a('::1'), a('1.2.3.4'))).toBe(1);
    expect(compareAddress(a('::1'), a('::1'))).toBe(0);
    expect(compareAddress(a('1::'), a('::1'))).toBe(1);
  });

  test('addressEquals is bitwise and family-aware', () => {
    expect(addressEquals(a('1.2.3.4'), ipv4(0x0102_0304))).toBe(true);
    expect(addressEquals(a('1.2.3.4'), a('1.2.3.5'))).toBe(false);
    expect(addressEquals(a('0.0.0.0'), a('::'))).toBe(false);
    expect(addressEquals(a('::'), a('0.0.0.0'))).toBe(false);
    expect(addressEquals(a('::ffff:1.2.3.4'), a('1.2.3.4'))).toBe(false);
    expect(addressEquals(a('1::'), a('1::'))).toBe(true);
    expect(addressEquals(a('1::'), a('1::1'))).toBe(false);
  });
});

describe('IPv4-mapped', () => {
  test('map, unmap, detect', () => {
    const v4 = ipv4(0xc000_0201);
    expect(mapAddress(v4)).toEqual(a('::ffff:192.0.2.1'));
    expect(unmapAddress(a('::ffff:192.0.2.1'))).toEqual(v4);
    expect(unmapAddress(v4)).toBe(v4);
    const six = a('2001:db8::1');
    expect(unmapAddress(six)).toBe(six);
    expect(isIpv4Mapped(a('::ffff:0.0.0.0'))).toBe(true);
    expect(isIpv4Mapped(a('::1.2.3.4'))).toBe(false);
    expect(isIpv4Mapped(a('1::ffff:1.2.3.4'))).toBe(false);
    expect(isIpv4Mapped(v4)).toBe(false);
  });
});
