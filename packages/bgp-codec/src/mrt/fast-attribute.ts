import type { AsPathSegment } from '../attribute/as-path.js';
import type { PathAttribute } from '../attribute/attribute.js';

/*
 * A fast path for the attributes that fill RIB dumps and update files (ORIGIN, AS_PATH,
 * NEXT_HOP, MED, LOCAL_PREF, ATOMIC_AGGREGATE, AGGREGATOR, COMMUNITIES, AS4_PATH,
 * AS4_AGGREGATOR): decoded straight from the bytes, without a Reader. It returns exactly
 * what `decodeAttributeValue` returns for a well-formed value, and `undefined` for anything
 * else (other types, bad length, bad flags, bad segments), which the caller then decodes
 * the general way.
 */

function u32(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
}

function segments(
  b: Uint8Array,
  start: number,
  end: number,
  size: 2 | 4,
): AsPathSegment[] | undefined {
  const out: AsPathSegment[] = [];
  let p = start;
  while (p < end) {
    if (end - p < 2) return undefined;
    const type = b[p]!;
    const count = b[p + 1]!;
    if (type < 1 || type > 4 || count === 0) return undefined;
    p += 2;
    if (count * size > end - p) return undefined;
    const asns = new Array<number>(count);
    if (size === 4) {
      for (let i = 0; i < count; i++, p += 4) asns[i] = u32(b, p);
    } else {
      for (let i = 0; i < count; i++, p += 2) asns[i] = (b[p]! << 8) | b[p + 1]!;
    }
    out.push({ type, asns });
    if (out.length > 4096) return undefined;
  }
  return out;
}

const T = 0x40;
const O = 0x80;

/**
 * Decode the attribute whose value is `b[start, start + len)`, or `undefined` when the fast
 * path does not apply. With `checkFlags` false the Optional/Transitive flags are not
 * checked (bgpdump's reading).
 */
export function fastAttribute(
  b: Uint8Array,
  start: number,
  len: number,
  type: number,
  flags: number,
  fourOctetAs: boolean,
  checkFlags: boolean,
): PathAttribute | undefined {
  const ot = flags & (O | T);
  const ok = (want: number): boolean => !checkFlags || ot === want;
  switch (type) {
    case 1:
      if (len !== 1 || !ok(T) || b[start]! > 2) return undefined;
      return { kind: 'origin', flags, origin: b[start]! };
    case 2: {
      if (!ok(T)) return undefined;
      const s = segments(b, start, start + len, fourOctetAs ? 4 : 2);
      return s === undefined ? undefined : { kind: 'as-path', flags, segments: s };
    }
    case 17: {
      if (!ok(O | T)) return undefined;
      const s = segments(b, start, start + len, 4);
      return s === undefined ? undefined : { kind: 'as4-path', flags, segments: s };
    }
    case 3:
      if (len !== 4 || !ok(T)) return undefined;
      return { kind: 'next-hop', flags, nextHop: u32(b, start) };
    case 4:
      if (len !== 4 || !ok(O)) return undefined;
      return { kind: 'med', flags, value: u32(b, start) };
    case 5:
      if (len !== 4 || !ok(T)) return undefined;
      return { kind: 'local-pref', flags, value: u32(b, start) };
    case 6:
      if (len !== 0 || !ok(T)) return undefined;
      return { kind: 'atomic-aggregate', flags };
    case 7:
      if (len !== (fourOctetAs ? 8 : 6) || !ok(O | T)) return undefined;
      return fourOctetAs
        ? { kind: 'aggregator', flags, asn: u32(b, start), address: u32(b, start + 4) }
        : {
            kind: 'aggregator',
            flags,
            asn: (b[start]! << 8) | b[start + 1]!,
            address: u32(b, start + 2),
          };
    case 18:
      if (len !== 8 || !ok(O | T)) return undefined;
      return { kind: 'as4-aggregator', flags, asn: u32(b, start), address: u32(b, start + 4) };
    case 8: {
      if (len % 4 !== 0 || !ok(O | T)) return undefined;
      const communities = new Array<number>(len >> 2);
      for (let i = 0; i < communities.length; i++) communities[i] = u32(b, start + 4 * i);
      return { kind: 'communities', flags, communities };
    }
    default:
      return undefined;
  }
}
