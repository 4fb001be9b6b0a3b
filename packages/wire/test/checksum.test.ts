import { describe, expect, test } from 'vitest';
import {
  hex,
  internetChecksum,
  onesComplementSum,
  pseudoHeaderSum,
  transportChecksum,
  updateChecksum,
} from '../src/index.js';
import { internetChecksumVectors, updateVectors } from './vectors/checksum.js';

describe('internet checksum vectors', () => {
  test.each(internetChecksumVectors)('$name', ({ bytes, sum, checksum }) => {
    expect(onesComplementSum(bytes)).toBe(sum);
    expect(internetChecksum(bytes)).toBe(checksum);
  });
});

describe('RFC 1624 incremental update vectors', () => {
  test.each(updateVectors)('$name', ({ checksum, oldWord, newWord, updated }) => {
    expect(updateChecksum(checksum, oldWord, newWord)).toBe(updated);
  });

  test('TTL decrement agrees with recomputing the IPv4 header', () => {
    const header = hex`4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7`;
    header[8] = 0x3f;
    header.fill(0, 10, 12);
    expect(internetChecksum(header)).toBe(updateChecksum(0xb861, 0x4011, 0x3f11));
  });
});

describe('partial sums', () => {
  test('a partial sum chains through initial', () => {
    const a = hex`00 01 f2 03`;
    const b = hex`f4 f5 f6 f7`;
    expect(internetChecksum(b, onesComplementSum(a))).toBe(0x220d);
  });

  test('initial is folded: any non-negative integer works', () => {
    expect(onesComplementSum(hex``, 0x1_0001)).toBe(0x0002);
    expect(onesComplementSum(hex``, 2 ** 40)).toBe(onesComplementSum(hex`0100 0000 0000`));
  });

  test('bad initial values are RangeErrors', () => {
    for (const v of [-1, 1.5, Number.NaN]) {
      expect(() => onesComplementSum(hex``, v)).toThrow(RangeError);
    }
  });
});

describe('pseudo-header', () => {
  const src4 = hex`c0a8 0001`;
  const dst4 = hex`c0a8 00c7`;

  test('IPv4: src, dst, zero, protocol, length', () => {
    const explicit = hex`c0a8 0001 c0a8 00c7 00 11 0010`;
    expect(pseudoHeaderSum(src4, dst4, 17, 16)).toBe(onesComplementSum(explicit));
  });

  test('IPv6: src, dst, 32-bit length, three zero bytes, next header', () => {
    const src = hex`fe80 0000 0000 0000 0000 0000 0000 0001`;
    const dst = hex`ff02 0000 0000 0000 0000 0000 0000 0009`;
    const explicit = new Uint8Array(40);
    explicit.set(src, 0);
    explicit.set(dst, 16);
    explicit.set(hex`0001 0004 000000 11`, 32);
    expect(pseudoHeaderSum(src, dst, 17, 0x1_0004)).toBe(onesComplementSum(explicit));
  });

  test('transportChecksum of a UDP datagram verifies once the checksum is in place', () => {
    const udp = hex`0208 0208 000c 0000 0102 0304`; // RIP ports, length 12, checksum 0
    const c = transportChecksum(src4, dst4, 17, udp);
    udp[6] = c >> 8;
    udp[7] = c & 0xff;
    expect(transportChecksum(src4, dst4, 17, udp)).toBe(0);
  });

  test('argument checks', () => {
    expect(() => pseudoHeaderSum(hex`00`, dst4, 17, 0)).toThrow(RangeError);
    expect(() => pseudoHeaderSum(src4, new Uint8Array(16), 17, 0)).toThrow(RangeError);
    expect(() => pseudoHeaderSum(src4, dst4, 256, 0)).toThrow(RangeError);
    expect(() => pseudoHeaderSum(src4, dst4, 17, 0x1_0000)).toThrow(RangeError);
    expect(() => pseudoHeaderSum(src4, dst4, 17, -1)).toThrow(RangeError);
    const v6 = new Uint8Array(16);
    expect(pseudoHeaderSum(v6, v6, 17, 0xffff_ffff)).toBe(onesComplementSum(hex`ffff ffff 0011`));
    expect(() => pseudoHeaderSum(v6, v6, 17, 2 ** 32)).toThrow(RangeError);
  });

  test('updateChecksum rejects values that are not 16-bit', () => {
    expect(() => updateChecksum(0x10000, 0, 0)).toThrow(RangeError);
    expect(() => updateChecksum(0, -1, 0)).toThrow(RangeError);
    expect(() => updateChecksum(0, 0, 0.5)).toThrow(RangeError);
  });
});

describe('large inputs', () => {
  test('sums past the internal fold interval match a BigInt sum', () => {
    const bytes = new Uint8Array(0x30001).fill(0xff);
    bytes[7] = 0x12;
    let big = 0n;
    for (let i = 0; i < bytes.length; i += 2) {
      big += BigInt((bytes[i]! << 8) | (bytes[i + 1] ?? 0));
    }
    while (big > 0xffffn) big = (big & 0xffffn) + (big >> 16n);
    expect(onesComplementSum(bytes)).toBe(Number(big));
  });
});
