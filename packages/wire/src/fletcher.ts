/**
 * The Fletcher checksum of ISO 8473 / RFC 905 annex B, as OSPF uses it for LSAs
 * (RFC 2328 §12.1.7 and appendix B) and IS-IS for LSPs.
 *
 * Two running sums over the octets, mod 255: `C0 += octet`, `C1 += C0`. Data carrying a
 * correct checksum has `C0 ≡ C1 ≡ 0`. To generate, the two check octets X, Y at
 * (1-based) position n of L octets are chosen so that holds:
 *
 *     X = ((L − n)·C0 − C1) mod 255        Y = (C1 − (L − n + 1)·C0) mod 255
 *
 * with C0, C1 summed over the data with X = Y = 0. A result of 0 is sent as 255
 * (0 ≡ 255 mod 255, and ISO 8473 reserves an all-zero field for "no checksum"), so
 * generated check octets are always in 1..255.
 *
 * OSPFv2 and OSPFv3: the checksum covers the LSA from its Options/LS-type octet (offset
 * 2) to its end, i.e. everything but the 2-byte LS age; the checksum field sits at
 * offset 16 of the LSA, so pass `lsa.subarray(2, lsaLength)` with `checksumOffset` 14
 * (see {@link OSPF_LSA_CHECKSUM_OFFSET}).
 */

/** Where the LS checksum sits in `lsa.subarray(2, length)` (it is at offset 16 of the LSA). */
export const OSPF_LSA_CHECKSUM_OFFSET = 14;

/** Bytes per inner loop before reducing mod 255; keeps C1 below 2^31. */
const CHUNK = 2048;

/** C0 and C1 over `bytes`, each reduced mod 255. */
function sums(bytes: Uint8Array): [c0: number, c1: number] {
  let c0 = 0;
  let c1 = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const stop = Math.min(n, i + CHUNK);
    for (; i < stop; i++) {
      c0 += bytes[i]!;
      c1 += c0;
    }
    c0 %= 255;
    c1 %= 255;
  }
  return [c0, c1];
}

function checkOffset(bytes: Uint8Array, checksumOffset: number): void {
  if (!Number.isSafeInteger(checksumOffset) || checksumOffset < 0) {
    throw new RangeError(`checksumOffset must be a non-negative integer, got ${checksumOffset}`);
  }
  if (checksumOffset + 2 > bytes.length) {
    throw new RangeError(
      `checksum field at ${checksumOffset} does not fit in ${bytes.length} bytes`,
    );
  }
}

/**
 * The two check octets for `bytes` with the checksum field at `checksumOffset`, as a
 * 16-bit value (X in the high byte). The field's current contents are ignored and the
 * input is not modified.
 */
export function fletcherChecksum(bytes: Uint8Array, checksumOffset: number): number {
  checkOffset(bytes, checksumOffset);
  let [c0, c1] = sums(bytes);
  // L − n with n the 1-based position of X: the number of octets after X.
  const after = bytes.length - checksumOffset - 1;
  // Take the field's current octets out, as if it were zero: the octet at 0-based
  // index i adds itself to C0 and (L − i) times itself to C1.
  const hi = bytes[checksumOffset]!;
  const lo = bytes[checksumOffset + 1]!;
  c0 = (((c0 - hi - lo) % 255) + 510) % 255;
  c1 = (((c1 - ((hi * (after + 1) + lo * after) % 255)) % 255) + 255) % 255;
  // after·c0 can exceed 2^31 for huge inputs: reduce it first, keep everything positive.
  let x = ((((after % 255) * c0 - c1) % 255) + 255) % 255;
  if (x === 0) x = 255;
  // Y = −C0 − X (mod 255), from C0 ≡ 0 after inserting X and Y.
  let y = (((-c0 - x) % 255) + 510) % 255;
  if (y === 0) y = 255;
  return (x << 8) | y;
}

/** Compute the check octets and write them into `bytes` at `checksumOffset`; returns them. */
export function setFletcherChecksum(bytes: Uint8Array, checksumOffset: number): number {
  const value = fletcherChecksum(bytes, checksumOffset);
  bytes[checksumOffset] = value >>> 8;
  bytes[checksumOffset + 1] = value & 0xff;
  return value;
}

/**
 * Whether `bytes` (check octets included) pass the Fletcher check: C0 ≡ C1 ≡ 0 mod 255.
 *
 * It is arithmetic only: 0x00 and 0xFF are the same mod 255, so a check octet stored as
 * 0 where a generator writes 255 (or any data octet flipped between 0x00 and 0xFF) still
 * passes; and all-zero data passes. To insist on the generator's exact octets, compare
 * the stored field with {@link fletcherChecksum}.
 */
export function verifyFletcher(bytes: Uint8Array): boolean {
  const [c0, c1] = sums(bytes);
  return c0 === 0 && c1 === 0;
}
