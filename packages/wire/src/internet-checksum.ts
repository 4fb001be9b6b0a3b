/**
 * The internet checksum (RFC 1071): the 16-bit one's complement of the one's complement
 * sum of the data taken as big-endian 16-bit words. Used by IPv4 headers, UDP, TCP,
 * ICMP, OSPFv2 packets and (with the IPv6 pseudo-header) OSPFv3 and RIPng over UDP.
 *
 * Sums are plain numbers in 0..0xffff ("partial sums"): compute one per piece and chain
 * them through `initial`. Every piece except the last must have an even length (an odd
 * piece is padded with a zero byte at its end, RFC 1071 §4.1).
 */

/** Add end-around carries until the value fits 16 bits. */
function fold(sum: number): number {
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return sum;
}

function check16(name: string, value: number): void {
  if ((value & 0xffff) !== value)
    throw new RangeError(`${name} must be a 16-bit value, got ${value}`);
}

function checkInitial(initial: number): void {
  if (!Number.isSafeInteger(initial) || initial < 0) {
    throw new RangeError(`initial sum must be a non-negative integer, got ${initial}`);
  }
}

/**
 * The one's complement sum of `bytes` (not complemented), folded to 16 bits, added to
 * `initial` (a previous partial sum). A trailing odd byte counts as the high byte of a
 * word whose low byte is zero.
 */
export function onesComplementSum(bytes: Uint8Array, initial = 0): number {
  checkInitial(initial);
  let sum = fold(initial);
  const n = bytes.length;
  const even = n & ~1;
  let i = 0;
  while (i < even) {
    // Fold every 32 Ki words so the sum stays a small integer (< 2^31).
    const stop = Math.min(even, i + 0x10000);
    for (; i < stop; i += 2) sum += (bytes[i]! << 8) | bytes[i + 1]!;
    sum = fold(sum);
  }
  if (even !== n) sum = fold(sum + (bytes[even]! << 8));
  return sum;
}

/**
 * The value for a checksum field: `~sum & 0xffff` over `bytes` (with the field itself
 * zeroed) plus `initial`. Over data that already holds its correct checksum the result
 * is 0 — that is how to verify.
 */
export function internetChecksum(bytes: Uint8Array, initial = 0): number {
  return ~onesComplementSum(bytes, initial) & 0xffff;
}

/**
 * The partial sum of the TCP/UDP pseudo-header: IPv4 (RFC 768, RFC 9293 §3.1) when the
 * addresses are 4 bytes, IPv6 (RFC 8200 §8.1) when they are 16 bytes. `length` is the
 * upper-layer length (the UDP length, or the TCP/OSPFv3 segment length).
 */
export function pseudoHeaderSum(
  source: Uint8Array,
  destination: Uint8Array,
  protocol: number,
  length: number,
): number {
  const size = source.length;
  if ((size !== 4 && size !== 16) || destination.length !== size) {
    throw new RangeError(
      `addresses must both be 4 (IPv4) or 16 (IPv6) bytes, got ${size} and ${destination.length}`,
    );
  }
  if ((protocol & 0xff) !== protocol) throw new RangeError(`protocol out of range: ${protocol}`);
  const maxLength = size === 4 ? 0xffff : 0xffff_ffff;
  if (!Number.isSafeInteger(length) || length < 0 || length > maxLength) {
    throw new RangeError(`upper-layer length out of range: ${length}`);
  }
  // IPv4: src, dst, zero, protocol, length (16 bits).
  // IPv6: src, dst, length (32 bits), 3 zero bytes, next header.
  const sum = onesComplementSum(destination, onesComplementSum(source));
  return fold(sum + protocol + (length & 0xffff) + Math.floor(length / 0x10000));
}

/**
 * The checksum of a TCP, UDP, ICMPv6 or OSPFv3 `segment` (its checksum field zeroed, or
 * holding the received value to verify: 0 means correct) under the pseudo-header of
 * `source` → `destination`. UDP transmits a computed 0 as 0xffff (RFC 768); a received
 * UDP checksum of 0 over IPv4 means "none".
 */
export function transportChecksum(
  source: Uint8Array,
  destination: Uint8Array,
  protocol: number,
  segment: Uint8Array,
): number {
  return internetChecksum(segment, pseudoHeaderSum(source, destination, protocol, segment.length));
}

/**
 * Incremental update (RFC 1624 eqn. 3, `HC' = ~(~HC + ~m + m')`): the new checksum
 * after one 16-bit word of the covered data changes from `oldWord` to `newWord`. For
 * several words, apply it once per word. Unlike RFC 1141 it never yields 0xffff where a
 * full recomputation gives 0x0000 (RFC 1624 §3-§4).
 */
export function updateChecksum(checksum: number, oldWord: number, newWord: number): number {
  check16('checksum', checksum);
  check16('oldWord', oldWord);
  check16('newWord', newWord);
  return ~fold((~checksum & 0xffff) + (~oldWord & 0xffff) + newWord) & 0xffff;
}
