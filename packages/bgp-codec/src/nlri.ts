import { type Ipv4Prefix, type Ipv6Prefix, type Prefix, prefixByteLength } from '@routekit/prefix';
import { fail, type Reader, type Writer } from '@routekit/wire';

/*
 * RFC 4271 §4.3 (withdrawn routes, NLRI) and RFC 4760 §5 (MP NLRI) for IPv4/IPv6:
 *
 *   +---------------------------+
 *   |   Length (1 octet)        |
 *   +---------------------------+
 *   |   Prefix (variable)       |
 *   +---------------------------+
 *
 * RFC 7911 §3: with ADD-PATH negotiated for the family, a 4-octet Path Identifier
 * precedes each Length.
 */

/** One route of an NLRI or withdrawn-routes field. */
export interface Nlri {
  readonly prefix: Prefix;
  /** RFC 7911 path identifier, present exactly when ADD-PATH applies. */
  readonly pathId?: number;
}

/** Hard cap on routes in one field (a 64 KiB message holds at most 65535 /0 routes). */
export const MAX_ROUTES = 65_536;

/** `MASK32[n]`: a uint32 with the top `n` bits set, n = 0..32. */
const MASK32: readonly number[] = Array.from({ length: 33 }, (_, n) =>
  n === 0 ? 0 : (0xffff_ffff << (32 - n)) >>> 0,
);

/**
 * Read prefixes until the reader is used up. Fails with `invalid-network-field`.
 *
 * Hot path (a full table is millions of these): IPv4 prefixes are read as one peeked
 * uint32 and built straight into the `Prefix` shape of `@routekit/prefix` (host bits
 * masked, as `prefixFromBytes(…, { hostBits: 'mask' })` does) — no byte view, no
 * intermediate array. The dissection hook still sees `nlri.prefix` as one field.
 */
export function readNlriList(r: Reader, family: 4 | 6, addPath: boolean): Nlri[] {
  const out: Nlri[] = [];
  const bits = family === 4 ? 32 : 128;
  while (r.remaining > 0) {
    if (out.length >= MAX_ROUTES) fail('limit-exceeded', r.offset, { detail: 'too many routes' });
    const start = r.offset;
    if (addPath && r.remaining < 5) {
      fail('invalid-network-field', start, {
        length: r.remaining,
        detail: 'truncated path identifier',
      });
    }
    const pathId = addPath ? r.u32('nlri.path_id') : undefined;
    const lenAt = r.offset;
    const length = r.u8('nlri.length');
    if (length > bits)
      fail('invalid-network-field', lenAt, {
        length: 1,
        detail: `prefix length ${length} > ${bits}`,
      });
    const n = (length + 7) >>> 3;
    const left = r.remaining;
    if (n > left) {
      fail('invalid-network-field', lenAt, {
        length: 1 + left,
        detail: `prefix needs ${n} bytes`,
      });
    }
    const prefix = family === 4 ? readIpv4(r, n, length, left) : readIpv6(r, n, length);
    out.push(pathId === undefined ? { prefix } : { prefix, pathId });
  }
  return out;
}

/** The `n` (0..4) prefix bytes of an IPv4 prefix of `length` bits; `left` ≥ n bytes remain. */
function readIpv4(r: Reader, n: number, length: number, left: number): Ipv4Prefix {
  let value: number;
  if (left >= 4) {
    value = r.peekU32();
  } else {
    // Fewer than 4 bytes left in the field: the last prefix, read byte by byte.
    const b = r.peekBytes(n);
    value = 0;
    for (let i = 0; i < n; i++) value |= b[i]! << (24 - 8 * i);
  }
  r.skip(n, 'nlri.prefix');
  return { family: 4, address: { family: 4, value: (value & MASK32[length]!) >>> 0 }, length };
}

/** Bytes of the IPv6 prefix being read, and its words (scratch: readers are synchronous). */
let ipv6PrefixBytes = 0;
const IPV6_WORDS: number[] = [0, 0, 0, 0];

/** Whole words as uint32 reads, the tail byte by byte: no byte view. */
function readIpv6Words(r: Reader): void {
  const n = ipv6PrefixBytes;
  const w = IPV6_WORDS;
  w[0] = 0;
  w[1] = 0;
  w[2] = 0;
  w[3] = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) w[i >>> 2] = r.u32();
  for (; i < n; i++) w[i >>> 2]! |= r.u8() << (24 - 8 * (i & 3));
}

/** Word `k` (0..3) of an IPv6 address masked to a prefix of `length` bits. */
function maskedWord(length: number, k: number): number {
  const left = length - 32 * k;
  return left <= 0 ? 0 : left >= 32 ? IPV6_WORDS[k]! >>> 0 : (IPV6_WORDS[k]! & MASK32[left]!) >>> 0;
}

function readIpv6(r: Reader, n: number, length: number): Ipv6Prefix {
  ipv6PrefixBytes = n;
  r.field('nlri.prefix', readIpv6Words);
  return {
    family: 6,
    address: {
      family: 6,
      words: [
        maskedWord(length, 0),
        maskedWord(length, 1),
        maskedWord(length, 2),
        maskedWord(length, 3),
      ],
    },
    length,
  };
}

/** Bytes of a list of routes; path ids are written exactly when `addPath`. */
export function nlriListLength(routes: readonly Nlri[], addPath: boolean): number {
  let n = 0;
  for (const x of routes) n += (addPath ? 5 : 1) + prefixByteLength(x.prefix.length);
  return n;
}

export function writeNlriList(w: Writer, routes: readonly Nlri[], addPath: boolean): void {
  for (const x of routes) {
    if (addPath) w.u32(x.pathId ?? 0);
    const p = x.prefix;
    w.u8(p.length);
    // Hot path: the prefix bytes straight from the uint32 words, no intermediate array.
    const n = (p.length + 7) >>> 3;
    if (p.family === 4) {
      const v = p.address.value;
      for (let i = 0; i < n; i++) w.u8((v >>> (24 - 8 * i)) & 0xff);
    } else {
      const words = p.address.words;
      for (let i = 0; i < n; i++) w.u8((words[i >>> 2]! >>> (24 - 8 * (i & 3))) & 0xff);
    }
  }
}
