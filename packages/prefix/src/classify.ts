/**
 * Address classification: quick predicates on the integer form, and a most-specific
 * lookup into the IANA special-purpose registries.
 *
 * The predicates look through IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1` is
 * loopback, `::ffff:10.0.0.1` is private): a dual-stack socket reports IPv4 peers that
 * way, and a filter that only checks the IPv6 ranges could be bypassed with them.
 * `isUnspecified` and `specialPurpose` do not: `::ffff:0.0.0.0` is not `::`, and the
 * registry has a row of its own for `::ffff:0:0/96`.
 */
import { type Address, isIpv4Mapped } from './address.js';
import { IPV4_SPECIAL_PURPOSE, IPV6_SPECIAL_PURPOSE, type SpecialPurposeEntry } from './iana.js';
import { containsPrefix, hostPrefix, type Prefix } from './prefix.js';

function private4(v: number): boolean {
  return v >>> 24 === 10 || v >>> 20 === 0xac1 || v >>> 16 === 0xc0a8;
}

function documentation4(v: number): boolean {
  const n = v >>> 8;
  return n === 0xc00002 || n === 0xc63364 || n === 0xcb0071;
}

/** Private-use: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (RFC 1918) or fc00::/7 (ULA, RFC 4193). Not 100.64.0.0/10. */
export function isPrivate(a: Address): boolean {
  if (a.family === 4) return private4(a.value);
  if (isIpv4Mapped(a)) return private4(a.words[3]);
  return a.words[0] >>> 25 === 0x7e;
}

/** Loopback: 127.0.0.0/8 (RFC 1122 §3.2.1.3) or ::1 (RFC 4291 §2.5.3). */
export function isLoopback(a: Address): boolean {
  if (a.family === 4) return a.value >>> 24 === 127;
  if (isIpv4Mapped(a)) return a.words[3] >>> 24 === 127;
  const w = a.words;
  return w[0] === 0 && w[1] === 0 && w[2] === 0 && w[3] === 1;
}

/** Link-local unicast: 169.254.0.0/16 (RFC 3927) or fe80::/10 (RFC 4291 §2.5.6). Multicast scopes are not included. */
export function isLinkLocal(a: Address): boolean {
  if (a.family === 4) return a.value >>> 16 === 0xa9fe;
  if (isIpv4Mapped(a)) return a.words[3] >>> 16 === 0xa9fe;
  return a.words[0] >>> 22 === 0x3fa;
}

/** Multicast: 224.0.0.0/4 (RFC 5771) or ff00::/8 (RFC 4291 §2.7). */
export function isMulticast(a: Address): boolean {
  if (a.family === 4) return a.value >>> 28 === 0xe;
  if (isIpv4Mapped(a)) return a.words[3] >>> 28 === 0xe;
  return a.words[0] >>> 24 === 0xff;
}

/**
 * Documentation: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737),
 * 2001:db8::/32 (RFC 3849) or 3fff::/20 (RFC 9637).
 */
export function isDocumentation(a: Address): boolean {
  if (a.family === 4) return documentation4(a.value);
  if (isIpv4Mapped(a)) return documentation4(a.words[3]);
  const w0 = a.words[0];
  return w0 === 0x2001_0db8 || w0 >>> 12 === 0x3fff0;
}

/** The unspecified address: 0.0.0.0 or :: (RFC 4291 §2.5.2). */
export function isUnspecified(a: Address): boolean {
  if (a.family === 4) return a.value === 0;
  const w = a.words;
  return w[0] === 0 && w[1] === 0 && w[2] === 0 && w[3] === 0;
}

function byLengthDescending(table: readonly SpecialPurposeEntry[]): readonly SpecialPurposeEntry[] {
  return [...table].sort((x, y) => y.prefix.length - x.prefix.length);
}

const IPV4_MOST_SPECIFIC_FIRST = byLengthDescending(IPV4_SPECIAL_PURPOSE);
const IPV6_MOST_SPECIFIC_FIRST = byLengthDescending(IPV6_SPECIAL_PURPOSE);

/**
 * The most specific row of the IANA special-purpose registry that contains the
 * address or the whole prefix, or `undefined` for ordinary address space.
 * `specialPurpose(addressOrThrow('192.0.0.9'))` is "Port Control Protocol Anycast",
 * not its enclosing 192.0.0.0/24 "IETF Protocol Assignments".
 */
export function specialPurpose(x: Address | Prefix): SpecialPurposeEntry | undefined {
  const p: Prefix = 'address' in x ? x : hostPrefix(x);
  const table = p.family === 4 ? IPV4_MOST_SPECIFIC_FIRST : IPV6_MOST_SPECIFIC_FIRST;
  for (const e of table) if (containsPrefix(e.prefix, p)) return e;
  return undefined;
}
