/**
 * Prefixes (RFC 4632 CIDR blocks, RFC 4291 §2.3 IPv6 prefixes) as plain readonly data,
 * always canonical: every bit after `length` is zero, so two equal prefixes have equal
 * fields and `10.1.2.3/8` cannot exist.
 */
import {
  ADDRESS_BITS,
  ADDRESS_BYTES,
  type Address,
  type AddressFamily,
  compareAddress,
  type Ipv4Address,
  type Ipv6Address,
  writeAddress,
} from './address.js';
import type { AddressResult } from './errors.js';

export interface Ipv4Prefix {
  readonly family: 4;
  /** The first address of the prefix; its host bits are zero. */
  readonly address: Ipv4Address;
  /** 0 to 32. */
  readonly length: number;
}

export interface Ipv6Prefix {
  readonly family: 6;
  /** The first address of the prefix; its host bits are zero. */
  readonly address: Ipv6Address;
  /** 0 to 128. */
  readonly length: number;
}

export type Prefix = Ipv4Prefix | Ipv6Prefix;

/** What to do with an input whose bits after the prefix length are not all zero. */
export type HostBits = 'reject' | 'mask';

/** `MASK32[n]`: a uint32 with the top `n` bits set, n = 0..32. */
const MASK32: readonly number[] = Array.from({ length: 33 }, (_, n) =>
  n === 0 ? 0 : (0xffff_ffff << (32 - n)) >>> 0,
);

/** Mask for word `i` (0..3) of an IPv6 address under a prefix of `length` bits. */
function wordMask(length: number, i: number): number {
  const bits = length - 32 * i;
  return bits <= 0 ? 0 : bits >= 32 ? 0xffff_ffff : MASK32[bits]!;
}

function checkLength(family: AddressFamily, length: number): void {
  if (!Number.isInteger(length) || length < 0 || length > ADDRESS_BITS[family]) {
    throw new RangeError(
      `IPv${family} prefix length ${length} is not in 0..${ADDRESS_BITS[family]}`,
    );
  }
}

/** True when `a` and `b` (same family) agree on their first `length` bits. */
function sameLeadingBits(a: Address, b: Address, length: number): boolean {
  if (a.family === 4) {
    return ((a.value ^ (b as Ipv4Address).value) & MASK32[length]!) === 0;
  }
  const x = a.words;
  const y = (b as Ipv6Address).words;
  for (let i = 0; i < 4; i++) {
    const m = wordMask(length, i);
    if (m === 0) return true;
    if (((x[i]! ^ y[i]!) & m) !== 0) return false;
  }
  return true;
}

/** The address with every bit after `length` cleared. Throws `RangeError` for a bad length. */
export function maskAddress<A extends Address>(a: A, length: number): A;
export function maskAddress(a: Address, length: number): Address {
  checkLength(a.family, length);
  if (a.family === 4) return { family: 4, value: (a.value & MASK32[length]!) >>> 0 };
  const w = a.words;
  return {
    family: 6,
    words: [
      (w[0] & wordMask(length, 0)) >>> 0,
      (w[1] & wordMask(length, 1)) >>> 0,
      (w[2] & wordMask(length, 2)) >>> 0,
      (w[3] & wordMask(length, 3)) >>> 0,
    ],
  };
}

/**
 * The prefix of `length` bits that contains `address` (host bits are cleared, as
 * `ip route` does with `192.0.2.1/24`). Throws `RangeError` for a length outside
 * 0..32 / 0..128. To refuse host bits instead, use `parsePrefix` or `prefixFromBytes`.
 */
export function prefix(address: Ipv4Address, length: number): Ipv4Prefix;
export function prefix(address: Ipv6Address, length: number): Ipv6Prefix;
export function prefix(address: Address, length: number): Prefix;
export function prefix(address: Address, length: number): Prefix {
  const masked = maskAddress(address, length);
  return masked.family === 4
    ? { family: 4, address: masked, length }
    : { family: 6, address: masked, length };
}

/** The single-address prefix: /32 for IPv4, /128 for IPv6. */
export function hostPrefix(address: Ipv4Address): Ipv4Prefix;
export function hostPrefix(address: Ipv6Address): Ipv6Prefix;
export function hostPrefix(address: Address): Prefix;
export function hostPrefix(address: Address): Prefix {
  return address.family === 4
    ? { family: 4, address, length: 32 }
    : { family: 6, address, length: 128 };
}

/** True when `address` has a bit set after `length`, i.e. `address/length` is not canonical. */
export function hasHostBits(address: Address, length: number): boolean {
  checkLength(address.family, length);
  if (address.family === 4) return (address.value & ~MASK32[length]!) !== 0;
  for (let i = 0; i < 4; i++) {
    if ((address.words[i]! & ~wordMask(length, i)) !== 0) return true;
  }
  return false;
}

/** The netmask of the prefix as an address (`255.255.255.0` for a /24). */
export function prefixMask(p: Ipv4Prefix): Ipv4Address;
export function prefixMask(p: Ipv6Prefix): Ipv6Address;
export function prefixMask(p: Prefix): Address;
export function prefixMask(p: Prefix): Address {
  if (p.family === 4) return { family: 4, value: MASK32[p.length]! };
  const l = p.length;
  return { family: 6, words: [wordMask(l, 0), wordMask(l, 1), wordMask(l, 2), wordMask(l, 3)] };
}

/**
 * The prefix length a netmask stands for (`255.255.255.0` → 24), or `undefined` when
 * the mask's ones are not contiguous from the top (RIPv2 and OSPF carry masks, and
 * RFC 4632 §5.1 requires contiguous ones).
 */
export function maskLength(mask: Address): number | undefined {
  if (mask.family === 4) {
    const ones = Math.clz32(~mask.value);
    return MASK32[ones] === mask.value ? ones : undefined;
  }
  let length = 0;
  for (let i = 0; i < 4; i++) {
    const w = mask.words[i]!;
    const ones = Math.clz32(~w);
    if (MASK32[ones] !== w) return undefined;
    length += ones;
    if (ones < 32) {
      for (let j = i + 1; j < 4; j++) if (mask.words[j] !== 0) return undefined;
      return length;
    }
  }
  return length;
}

/** The first address of the prefix (its `address` field). */
export function firstAddress(p: Ipv4Prefix): Ipv4Address;
export function firstAddress(p: Ipv6Prefix): Ipv6Address;
export function firstAddress(p: Prefix): Address;
export function firstAddress(p: Prefix): Address {
  return p.address;
}

/** The last address of the prefix: every host bit set. */
export function lastAddress(p: Ipv4Prefix): Ipv4Address;
export function lastAddress(p: Ipv6Prefix): Ipv6Address;
export function lastAddress(p: Prefix): Address;
export function lastAddress(p: Prefix): Address {
  if (p.family === 4) return { family: 4, value: (p.address.value | ~MASK32[p.length]!) >>> 0 };
  const w = p.address.words;
  const l = p.length;
  return {
    family: 6,
    words: [
      (w[0] | ~wordMask(l, 0)) >>> 0,
      (w[1] | ~wordMask(l, 1)) >>> 0,
      (w[2] | ~wordMask(l, 2)) >>> 0,
      (w[3] | ~wordMask(l, 3)) >>> 0,
    ],
  };
}

/** How many addresses the prefix covers: 2^(32 − length) or 2^(128 − length). */
export function addressCount(p: Prefix): bigint {
  return 1n << BigInt(ADDRESS_BITS[p.family] - p.length);
}

/**
 * Total order: IPv4 before IPv6, then by address, then shorter first. Sorting with it
 * puts every prefix right before the more-specifics it contains (trie pre-order).
 */
export function comparePrefix(p: Prefix, q: Prefix): -1 | 0 | 1 {
  const c = compareAddress(p.address, q.address);
  if (c !== 0) return c;
  return p.length < q.length ? -1 : p.length > q.length ? 1 : 0;
}

/** Same family, address and length. */
export function prefixEquals(p: Prefix, q: Prefix): boolean {
  if (p.length !== q.length) return false;
  if (p.family === 4) return q.family === 4 && p.address.value === q.address.value;
  if (q.family !== 6) return false;
  const x = p.address.words;
  const y = q.address.words;
  return x[0] === y[0] && x[1] === y[1] && x[2] === y[2] && x[3] === y[3];
}

/**
 * A string that is equal for equal prefixes and different otherwise, cheaper to make
 * than the text form: use it as a `Map` key. Not meant for display or storage; the
 * format may change between major versions.
 */
export function prefixKey(p: Prefix): string {
  if (p.family === 4) return `${p.address.value}/${p.length}`;
  const w = p.address.words;
  return `${w[0]},${w[1]},${w[2]},${w[3]}/${p.length}`;
}

/** True when `a` is inside `p` (always false across families). No allocation. */
export function containsAddress(p: Prefix, a: Address): boolean {
  return p.family === a.family && sameLeadingBits(p.address, a, p.length);
}

/** True when every address of `q` is inside `p` (`p` equal to `q` included). */
export function containsPrefix(p: Prefix, q: Prefix): boolean {
  return (
    p.family === q.family && p.length <= q.length && sameLeadingBits(p.address, q.address, p.length)
  );
}

/** True when `p` and `q` share an address, i.e. one of them contains the other. */
export function overlaps(p: Prefix, q: Prefix): boolean {
  return (
    p.family === q.family && sameLeadingBits(p.address, q.address, Math.min(p.length, q.length))
  );
}

/**
 * The enclosing prefix of `newLength` bits (default: one bit shorter). Throws
 * `RangeError` unless `0 <= newLength <= p.length`.
 */
export function supernet(p: Ipv4Prefix, newLength?: number): Ipv4Prefix;
export function supernet(p: Ipv6Prefix, newLength?: number): Ipv6Prefix;
export function supernet(p: Prefix, newLength?: number): Prefix;
export function supernet(p: Prefix, newLength: number = p.length - 1): Prefix {
  if (!Number.isInteger(newLength) || newLength < 0 || newLength > p.length) {
    throw new RangeError(`no supernet of length ${newLength} for a /${p.length}`);
  }
  return prefix(p.address, newLength);
}

/** Default cap on how many prefixes `subnets` will produce. */
export const MAX_SUBNETS: number = 1 << 20;

export interface SubnetsOptions {
  /** Refuse (with `RangeError`) to split into more than this many prefixes. Default `MAX_SUBNETS` (2^20). */
  readonly maxCount?: number;
}

/**
 * The 2^(newLength − p.length) prefixes of `newLength` bits that make up `p`, in
 * address order, produced lazily. Throws `RangeError` at the call (not on first use)
 * if `newLength` is outside `p.length..32/128` or the count exceeds `maxCount`.
 */
export function subnets(
  p: Ipv4Prefix,
  newLength: number,
  options?: SubnetsOptions,
): IterableIterator<Ipv4Prefix>;
export function subnets(
  p: Ipv6Prefix,
  newLength: number,
  options?: SubnetsOptions,
): IterableIterator<Ipv6Prefix>;
export function subnets(
  p: Prefix,
  newLength: number,
  options?: SubnetsOptions,
): IterableIterator<Prefix>;
export function subnets(
  p: Prefix,
  newLength: number,
  options: SubnetsOptions = {},
): IterableIterator<Prefix> {
  const bits = ADDRESS_BITS[p.family];
  if (!Number.isInteger(newLength) || newLength < p.length || newLength > bits) {
    throw new RangeError(`cannot split a /${p.length} into /${newLength}s`);
  }
  const maxCount = options.maxCount ?? MAX_SUBNETS;
  const extra = newLength - p.length;
  if (extra > 52 || 2 ** extra > maxCount) {
    throw new RangeError(
      `splitting a /${p.length} into /${newLength}s gives 2^${extra} prefixes, more than maxCount ${maxCount}`,
    );
  }
  return p.family === 4 ? subnets4(p, newLength, 2 ** extra) : subnets6(p, newLength, 2 ** extra);
}

function* subnets4(p: Ipv4Prefix, length: number, count: number): Generator<Ipv4Prefix, void> {
  const step = 2 ** (32 - length);
  const base = p.address.value;
  for (let i = 0; i < count; i++) {
    yield { family: 4, address: { family: 4, value: base + i * step }, length };
  }
}

function* subnets6(p: Ipv6Prefix, length: number, count: number): Generator<Ipv6Prefix, void> {
  const w = [...p.address.words];
  // Each next subnet adds 1 at bit `length - 1`, carrying into the more significant words.
  const top = length === 0 ? 0 : (length - 1) >>> 5;
  const inc = length === 0 ? 0 : 2 ** (31 - ((length - 1) & 31));
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      let k = top;
      w[k] = w[k]! + inc;
      while (w[k]! > 0xffff_ffff && k > 0) {
        w[k] = w[k]! - 2 ** 32;
        k--;
        w[k] = w[k]! + 1;
      }
    }
    yield { family: 6, address: { family: 6, words: [w[0]!, w[1]!, w[2]!, w[3]!] }, length };
  }
}

/** Bytes of a prefix of `length` bits in the BGP/RIPng NLRI encoding: ceil(length / 8). */
export function prefixByteLength(length: number): number {
  return (length + 7) >>> 3;
}

/**
 * The first ceil(length / 8) bytes of the prefix's address: the prefix field of BGP
 * NLRI (RFC 4271 §4.3, RFC 4760 §5), without its length octet.
 */
export function prefixToBytes(p: Prefix): Uint8Array {
  const full = new Uint8Array(ADDRESS_BYTES[p.family]);
  writeAddress(p.address, full, 0);
  return full.slice(0, prefixByteLength(p.length));
}

export interface PrefixFromBytesOptions {
  /**
   * Bits after `length` that are not zero: `'reject'` (default) returns a
   * `host-bits-set` error, `'mask'` clears them. BGP NLRI decoders should pass
   * `'mask'`: RFC 4271 §4.3 says the trailing bits are irrelevant.
   */
  readonly hostBits?: HostBits;
}

function hex(bytes: Uint8Array): string {
  let s = '';
  const n = Math.min(bytes.length, 32);
  for (let i = 0; i < n; i++) s += bytes[i]!.toString(16).padStart(2, '0');
  return bytes.length > n ? `${s}…` : s;
}

/**
 * A prefix from its wire form: `bytes` holds at least ceil(length / 8) and at most 4 /
 * 16 bytes of the address (BGP NLRI carries the short form, RIP and OSPF the whole
 * address next to a mask). Missing trailing bytes are zero. Total: bad input gives an
 * `invalid-length`, `invalid-byte-length` or `host-bits-set` error, never a throw.
 * Only a `family` other than 4 or 6 — a programming error — throws `RangeError`.
 */
export function prefixFromBytes(
  family: 4,
  length: number,
  bytes: Uint8Array,
  options?: PrefixFromBytesOptions,
): AddressResult<Ipv4Prefix>;
export function prefixFromBytes(
  family: 6,
  length: number,
  bytes: Uint8Array,
  options?: PrefixFromBytesOptions,
): AddressResult<Ipv6Prefix>;
export function prefixFromBytes(
  family: AddressFamily,
  length: number,
  bytes: Uint8Array,
  options?: PrefixFromBytesOptions,
): AddressResult<Prefix>;
export function prefixFromBytes(
  family: AddressFamily,
  length: number,
  bytes: Uint8Array,
  options: PrefixFromBytesOptions = {},
): AddressResult<Prefix> {
  if (family !== 4 && family !== 6) throw new RangeError(`address family ${family} is not 4 or 6`);
  const bits = ADDRESS_BITS[family];
  if (!Number.isInteger(length) || length < 0 || length > bits) {
    return fail(
      'invalid-length',
      bytes,
      `IPv${family} prefix length ${length} is not in 0..${bits}`,
    );
  }
  const min = prefixByteLength(length);
  const max = ADDRESS_BYTES[family];
  if (bytes.length < min || bytes.length > max) {
    return fail(
      'invalid-byte-length',
      bytes,
      `an IPv${family} /${length} needs ${min === max ? min : `${min} to ${max}`} bytes, got ${bytes.length}`,
    );
  }
  const words = [0, 0, 0, 0];
  for (let i = 0; i < bytes.length; i++) {
    const k = i >>> 2;
    words[k] = words[k]! + bytes[i]! * 2 ** (24 - 8 * (i & 3));
  }
  const address: Address =
    family === 4
      ? { family: 4, value: words[0]! }
      : { family: 6, words: [words[0]!, words[1]!, words[2]!, words[3]!] };
  if (options.hostBits !== 'mask' && hasHostBits(address, length)) {
    return fail('host-bits-set', bytes, `bits after /${length} are not zero`);
  }
  return { ok: true, value: prefix(address, length) };
}

function fail(
  code: 'invalid-length' | 'invalid-byte-length' | 'host-bits-set',
  bytes: Uint8Array,
  detail: string,
): AddressResult<never> {
  return { ok: false, error: { code, input: hex(bytes), detail } };
}
