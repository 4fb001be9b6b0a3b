import type { Address, Prefix } from '@routekit/prefix';
import type { AsPathSegment } from '../attribute/as-path.js';

/*
 * Text forms of bgpdump 1.6.2, for `BgpdumpFormatter`: addresses (its own IPv6 writer),
 * AS paths (with its AS_PATH + AS4_PATH merge) and communities.
 */

export function dotted(v: number): string {
  return `${v >>> 24}.${(v >>> 16) & 0xff}.${(v >>> 8) & 0xff}.${v & 0xff}`;
}

/**
 * bgpdump's own IPv6 text (`fmt_ipv6`): `::ffff:a.b.c.d` for IPv4-mapped and `::a.b.c.d` for
 * IPv4-compatible addresses (first 96 bits zero, last 32 above 1); otherwise lowercase
 * groups without leading zeros and `::` for the first longest run of zero groups — even a
 * run of one group (unlike RFC 5952).
 */
export function ipv6Text(w: readonly number[]): string {
  const w0 = w[0]!;
  const w1 = w[1]!;
  const w2 = w[2]!;
  const w3 = w[3]!;
  if (w0 === 0 && w1 === 0 && (w2 === 0xffff || (w2 === 0 && w3 > 1))) {
    return `::${w2 === 0xffff ? 'ffff:' : ''}${dotted(w3)}`;
  }
  const g = [
    w0 >>> 16,
    w0 & 0xffff,
    w1 >>> 16,
    w1 & 0xffff,
    w2 >>> 16,
    w2 & 0xffff,
    w3 >>> 16,
    w3 & 0xffff,
  ];
  let best = -1;
  let bestLen = 0;
  let run = 0;
  for (let i = 7; i >= 0; i--) {
    run = g[i] === 0 ? run + 1 : 0;
    if (run >= bestLen && run > 0) {
      best = i;
      bestLen = run;
    }
  }
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (i === best) {
      s += i === 0 ? '::' : ':';
      i += bestLen - 1;
      continue;
    }
    s += g[i]!.toString(16);
    if (i !== 7) s += ':';
  }
  return s;
}

export function addressText(a: Address): string {
  return a.family === 4 ? dotted(a.value) : ipv6Text(a.words);
}

export function prefixText(p: Prefix): string {
  return `${addressText(p.address)}/${p.length}`;
}

export function bytesIpv6(b: Uint8Array): string {
  const w = [0, 0, 0, 0];
  for (let i = 0; i < 16; i++) w[i >> 2] = (w[i >> 2]! * 256 + (b[i] ?? 0)) >>> 0;
  return ipv6Text(w);
}

export function v4Bytes(v: number): Uint8Array {
  return new Uint8Array([v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);
}

export function bytesIpv4(b: Uint8Array): string {
  return `${b[0] ?? 0}.${b[1] ?? 0}.${b[2] ?? 0}.${b[3] ?? 0}`;
}

const DELIM: Readonly<Record<number, readonly [string, string]>> = {
  1: ['{', '}'],
  3: ['(', ')'],
  4: ['[', ']'],
};

/** bgpdump's AS path text: sequences space-separated, `{a,b}` sets, `(…)`/`[…]` confederations. */
export function asPathText(segments: readonly AsPathSegment[]): string {
  let s = '';
  let prev = 2;
  let space = false;
  for (const seg of segments) {
    if (prev !== 2) s += DELIM[prev]?.[1] ?? ' ';
    if (space) s += ' ';
    if (seg.type !== 2) s += DELIM[seg.type]?.[0] ?? ' ';
    space = false;
    const sep = seg.type === 1 || seg.type === 4 ? ',' : ' ';
    for (const asn of seg.asns) {
      if (space) s += sep;
      else space = true;
      s += asn;
    }
    prev = seg.type;
  }
  if (segments.length > 0 && prev !== 2) s += DELIM[prev]?.[1] ?? ' ';
  return s;
}

export function pathCount(segments: readonly AsPathSegment[]): number {
  let n = 0;
  for (const s of segments) n += s.type === 2 || s.type === 3 ? s.asns.length : 1;
  return n;
}

/**
 * bgpdump's AS_PATH + AS4_PATH merge: confederation segments count, segments are not
 * joined, and — its loop never advances — the AS_PATH's first segment is the one copied
 * (again and again, the last copy cut) until the count is reached.
 */
export function mergeAs4(
  path: readonly AsPathSegment[],
  as4: readonly AsPathSegment[],
): AsPathSegment[] {
  const want = pathCount(path) - pathCount(as4);
  const out: AsPathSegment[] = [];
  let count = 0;
  const seg = path[0];
  while (seg !== undefined && seg.asns.length > 0 && count < want) {
    if (seg.type === 1 || seg.type === 4) {
      out.push(seg);
      count += 1;
    } else {
      count += seg.asns.length;
      const over = count - want;
      out.push(
        over > 0 ? { type: seg.type, asns: seg.asns.slice(0, seg.asns.length - over) } : seg,
      );
    }
  }
  for (const s of as4) out.push(s);
  return out;
}

export function communityText(cs: readonly number[]): string {
  let s = '';
  for (const c of cs) {
    if (s.length > 0) s += ' ';
    if (c === 0xffffff01) s += 'no-export';
    else if (c === 0xffffff02) s += 'no-advertise';
    else if (c === 0xffffff03) s += 'local-AS';
    else s += `${c >>> 16}:${c & 0xffff}`;
  }
  return s;
}
