/**
 * Addresses as plain readonly data: IPv4 as one uint32, IPv6 as four uint32 words
 * (most significant first). Everything here is integer arithmetic; text lives in
 * `parse.ts` and `format.ts`.
 */

/** An IPv4 address: `value` is the 32-bit address as an unsigned integer. */
export interface Ipv4Address {
  readonly family: 4;
  readonly value: number;
}

/** The four 32-bit words of an IPv6 address, most significant first, each a uint32. */
export type Ipv6Words = readonly [number, number, number, number];

/** An IPv6 address: `words[0]` holds bits 0–31 (the first two groups of the text). */
export interface Ipv6Address {
  readonly family: 6;
  readonly words: Ipv6Words;
}

export type Address = Ipv4Address | Ipv6Address;

export type AddressFamily = Address['family'];

/** Bits in an address of each family. */
export const ADDRESS_BITS: { readonly 4: 32; readonly 6: 128 } = { 4: 32, 6: 128 };

/** Bytes in an address of each family. */
export const ADDRESS_BYTES: { readonly 4: 4; readonly 6: 16 } = { 4: 4, 6: 16 };

function isUint32(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 0xffff_ffff;
}

/** An IPv4 address from its uint32 value. Throws `RangeError` for anything else. */
export function ipv4(value: number): Ipv4Address {
  if (!isUint32(value)) throw new RangeError(`IPv4 address value ${value} is not a uint32`);
  return { family: 4, value };
}

/** An IPv6 address from four uint32 words, most significant first. Throws `RangeError` otherwise. */
export function ipv6(w0: number, w1: number, w2: number, w3: number): Ipv6Address {
  if (!(isUint32(w0) && isUint32(w1) && isUint32(w2) && isUint32(w3))) {
    throw new RangeError(`IPv6 address words ${w0}, ${w1}, ${w2}, ${w3} are not all uint32`);
  }
  return { family: 6, words: [w0, w1, w2, w3] };
}

function word(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

function need(bytes: Uint8Array, offset: number, n: number, what: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset + n > bytes.length) {
    throw new RangeError(
      `${what} needs ${n} bytes at offset ${offset}, the array has ${bytes.length}`,
    );
  }
}

/** The IPv4 address in the 4 bytes at `offset` (network byte order). */
export function ipv4FromBytes(bytes: Uint8Array, offset = 0): Ipv4Address {
  need(bytes, offset, 4, 'IPv4 address');
  return { family: 4, value: word(bytes, offset) };
}

/** The IPv6 address in the 16 bytes at `offset` (network byte order). */
export function ipv6FromBytes(bytes: Uint8Array, offset = 0): Ipv6Address {
  need(bytes, offset, 16, 'IPv6 address');
  return {
    family: 6,
    words: [
      word(bytes, offset),
      word(bytes, offset + 4),
      word(bytes, offset + 8),
      word(bytes, offset + 12),
    ],
  };
}

/**
 * The address in `bytes`, whose length (4 or 16) gives the family. Throws
 * `RangeError` for any other length: a decoder knows its field sizes before it asks.
 */
export function addressFromBytes(bytes: Uint8Array): Address {
  if (bytes.length === 4) return ipv4FromBytes(bytes);
  if (bytes.length === 16) return ipv6FromBytes(bytes);
  throw new RangeError(`an address has 4 or 16 bytes, got ${bytes.length}`);
}

function putWord(target: Uint8Array, at: number, w: number): void {
  target[at] = w >>> 24;
  target[at + 1] = (w >>> 16) & 0xff;
  target[at + 2] = (w >>> 8) & 0xff;
  target[at + 3] = w & 0xff;
}

/**
 * Write the address in network byte order at `offset`; returns the number of bytes
 * written (4 or 16). Throws `RangeError` if `target` is too short.
 */
export function writeAddress(a: Address, target: Uint8Array, offset = 0): number {
  const n = ADDRESS_BYTES[a.family];
  need(target, offset, n, `IPv${a.family} address`);
  if (a.family === 4) {
    putWord(target, offset, a.value);
  } else {
    for (let i = 0; i < 4; i++) putWord(target, offset + 4 * i, a.words[i]!);
  }
  return n;
}

/** The address in network byte order: a new array of 4 or 16 bytes. */
export function addressToBytes(a: Address): Uint8Array {
  const out = new Uint8Array(ADDRESS_BYTES[a.family]);
  writeAddress(a, out, 0);
  return out;
}

/**
 * Bit `i` of the address, counting from the most significant bit (bit 0 is the
 * first bit of the first byte on the wire) — the branch a binary trie takes at depth
 * `i`. Throws `RangeError` for `i` outside the address.
 */
export function addressBit(a: Address, i: number): 0 | 1 {
  if (a.family === 4) {
    if (i >>> 0 !== i || i >= 32) throw new RangeError(`bit ${i} is outside an IPv4 address`);
    return ((a.value >>> (31 - i)) & 1) as 0 | 1;
  }
  if (i >>> 0 !== i || i >= 128) throw new RangeError(`bit ${i} is outside an IPv6 address`);
  return ((a.words[i >>> 5]! >>> (31 - (i & 31))) & 1) as 0 | 1;
}

/**
 * How many leading bits two addresses share: 0 to 32 (IPv4) or 128 (IPv6). Addresses
 * of different families share none. This is the split point of a path-compressed trie.
 */
export function commonPrefixLength(a: Address, b: Address): number {
  if (a.family === 4) {
    if (b.family !== 4) return 0;
    return Math.clz32(a.value ^ b.value);
  }
  if (b.family !== 6) return 0;
  for (let i = 0; i < 4; i++) {
    const x = a.words[i]! ^ b.words[i]!;
    if (x !== 0) return 32 * i + Math.clz32(x);
  }
  return 128;
}

/**
 * Total order on addresses: every IPv4 address before every IPv6 address, then by
 * numeric value. Returns -1, 0 or 1; usable with `Array.prototype.sort`.
 */
export function compareAddress(a: Address, b: Address): -1 | 0 | 1 {
  if (a.family === 4) {
    if (b.family !== 4) return -1;
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  }
  if (b.family !== 6) return 1;
  for (let i = 0; i < 4; i++) {
    const x = a.words[i]!;
    const y = b.words[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Same family and same bits. */
export function addressEquals(a: Address, b: Address): boolean {
  if (a.family === 4) return b.family === 4 && a.value === b.value;
  if (b.family !== 6) return false;
  const x = a.words;
  const y = b.words;
  return x[0] === y[0] && x[1] === y[1] && x[2] === y[2] && x[3] === y[3];
}

/** True for an IPv4-mapped IPv6 address, `::ffff:0:0/96` (RFC 4291 §2.5.5.2). */
export function isIpv4Mapped(a: Address): boolean {
  return a.family === 6 && a.words[0] === 0 && a.words[1] === 0 && a.words[2] === 0xffff;
}

/** The IPv4-mapped IPv6 address `::ffff:a.b.c.d` of an IPv4 address. */
export function mapAddress(a: Ipv4Address): Ipv6Address {
  return { family: 6, words: [0, 0, 0xffff, a.value] };
}

/**
 * The IPv4 address inside an IPv4-mapped IPv6 address; any other address unchanged.
 * Sockets bound to `::` report IPv4 peers this way.
 */
export function unmapAddress(a: Address): Address {
  return a.family === 6 && isIpv4Mapped(a) ? { family: 4, value: a.words[3] } : a;
}
