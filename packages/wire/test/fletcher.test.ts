import { describe, expect, test } from 'vitest';
import {
  fletcherChecksum,
  hex,
  OSPF_LSA_CHECKSUM_OFFSET,
  setFletcherChecksum,
  verifyFletcher,
} from '../src/index.js';
import { fletcherVectors } from './vectors/checksum.js';

/** Every (X, Y) in 1..255 × 1..255 that makes `bytes` pass the check. */
function bruteForce(bytes: Uint8Array, at: number): number[] {
  const copy = bytes.slice();
  const found: number[] = [];
  for (let x = 1; x <= 255; x++) {
    for (let y = 1; y <= 255; y++) {
      copy[at] = x;
      copy[at + 1] = y;
      if (verifyFletcher(copy)) found.push((x << 8) | y);
    }
  }
  return found;
}

describe('Fletcher vectors', () => {
  test.each(fletcherVectors)('$name', ({ bytes, checksumOffset, checksum }) => {
    const before = bytes.slice();
    expect(fletcherChecksum(bytes, checksumOffset)).toBe(checksum);
    expect(bytes).toEqual(before); // computing does not write
    expect(bruteForce(bytes, checksumOffset)).toEqual([checksum]);
    const copy = bytes.slice();
    expect(setFletcherChecksum(copy, checksumOffset)).toBe(checksum);
    expect([copy[checksumOffset], copy[checksumOffset + 1]]).toEqual([
      checksum >> 8,
      checksum & 0xff,
    ]);
    expect(verifyFletcher(copy)).toBe(true);
  });
});

describe('Fletcher', () => {
  test('OSPF LSAs: the checksum sits at 14 of the slice without LS age', () => {
    expect(OSPF_LSA_CHECKSUM_OFFSET).toBe(14);
  });

  test('what it cannot see: 0x00 and 0xff are equal mod 255', () => {
    const lsa = fletcherVectors.at(-1)!.bytes.slice();
    setFletcherChecksum(lsa, 14);
    expect(verifyFletcher(lsa)).toBe(true);
    // flipping a 0x00 data octet to 0xff (the flags byte at 16) goes unnoticed...
    lsa[16] = 0xff;
    expect(verifyFletcher(lsa)).toBe(true);
    // ...and so does a check octet stored as 0 where the generator writes 255
    const zeros = hex`0000 0000`;
    expect(verifyFletcher(zeros)).toBe(true);
    expect(fletcherChecksum(zeros, 2)).toBe(0xffff);
    // while any other single-octet change is caught
    lsa[16] = 0xfe;
    expect(verifyFletcher(lsa)).toBe(false);
  });

  test('the checksum field must fit', () => {
    expect(() => fletcherChecksum(hex`00 00`, 1)).toThrow(RangeError);
    expect(() => fletcherChecksum(hex``, 0)).toThrow(RangeError);
    expect(() => fletcherChecksum(hex`00 00`, -1)).toThrow(RangeError);
    expect(() => fletcherChecksum(hex`00 00`, 0.5)).toThrow(RangeError);
    expect(() => setFletcherChecksum(hex`00`, 0)).toThrow(RangeError);
    expect(fletcherChecksum(hex`00 00`, 0)).toBe(0xffff);
  });

  test('inputs longer than the reduction interval', () => {
    const bytes = new Uint8Array(10_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    setFletcherChecksum(bytes, 5000);
    expect(verifyFletcher(bytes)).toBe(true);
    bytes[9999] = bytes[9999]! ^ 1;
    expect(verifyFletcher(bytes)).toBe(false);
  });
});
