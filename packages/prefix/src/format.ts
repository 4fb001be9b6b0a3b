/**
 * Text output: IPv4 dotted decimal, IPv6 in the canonical form of RFC 5952 §4 —
 * lowercase hex, no leading zeros, `::` for the longest run of two or more zero groups
 * (the first such run on a tie), never for a single group. IPv4-mapped addresses use
 * the mixed notation RFC 5952 §5 recommends: `::ffff:192.0.2.1`.
 *
 * Written directly on the integer form rather than through `ip-address`: formatting
 * is a hot path when dumping a table, and the property tests compare every output
 * with `ip-address` and with the WHATWG URL serializer.
 */
import type { Address, Ipv6Words } from './address.js';
import type { Prefix } from './prefix.js';

function dotted(v: number): string {
  return `${v >>> 24}.${(v >>> 16) & 0xff}.${(v >>> 8) & 0xff}.${v & 0xff}`;
}

function group(w: Ipv6Words, i: number): number {
  const x = w[i >>> 1]!;
  return i & 1 ? x & 0xffff : x >>> 16;
}

function formatIpv6(w: Ipv6Words): string {
  if (w[0] === 0 && w[1] === 0 && w[2] === 0xffff) return `::ffff:${dotted(w[3])}`;
  let bestStart = -1;
  let bestLength = 1; // a run must be longer than one group to be compressed
  let runStart = 0;
  let runLength = 0;
  for (let i = 0; i < 8; i++) {
    if (group(w, i) === 0) {
      if (runLength === 0) runStart = i;
      runLength++;
      if (runLength > bestLength) {
        bestStart = runStart;
        bestLength = runLength;
      }
    } else {
      runLength = 0;
    }
  }
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      s += '::';
      i += bestLength - 1;
      continue;
    }
    if (s !== '' && !s.endsWith(':')) s += ':';
    s += group(w, i).toString(16);
  }
  return s;
}

/** The address as text: `192.0.2.1`, `2001:db8::1`, `::ffff:192.0.2.1`. */
export function formatAddress(a: Address): string {
  return a.family === 4 ? dotted(a.value) : formatIpv6(a.words);
}

/** The prefix as text: `192.0.2.0/24`, `2001:db8::/32`. */
export function formatPrefix(p: Prefix): string {
  return `${formatAddress(p.address)}/${p.length}`;
}
