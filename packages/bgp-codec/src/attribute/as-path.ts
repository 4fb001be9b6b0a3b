import { fail, type Reader, type Writer } from '@routekit/wire';

/*
 * RFC 4271 §4.3 AS_PATH, RFC 6793 §3 AS4_PATH, RFC 5065 §3 confederation segments.
 *
 *   +------------------+------------------+-----------------------------+
 *   | Segment type (1) | Segment len (1)  | Segment value (len × 2 or 4)|
 *   +------------------+------------------+-----------------------------+
 *
 * Types: 1 AS_SET, 2 AS_SEQUENCE, 3 AS_CONFED_SEQUENCE, 4 AS_CONFED_SET. AS numbers are 2
 * octets in AS_PATH unless 4-octet AS is negotiated; always 4 octets in AS4_PATH.
 */
export interface AsPathSegment {
  readonly type: number;
  readonly asns: readonly number[];
}

/** Hard cap on segments in one AS_PATH. */
export const MAX_AS_PATH_SEGMENTS = 4096;

/** Read segments until the value is used up (RFC 7606 §7.2: malformed → caller's issue). */
export function readAsPath(r: Reader, fourOctet: boolean): AsPathSegment[] {
  const segments: AsPathSegment[] = [];
  const size = fourOctet ? 4 : 2;
  while (r.remaining > 0) {
    if (segments.length >= MAX_AS_PATH_SEGMENTS) fail('limit-exceeded', r.offset);
    const at = r.offset;
    const type = r.u8('as_path.segment_type');
    if (type < 1 || type > 4) fail('bad-value', at, { length: 1, detail: `segment type ${type}` });
    const count = r.u8('as_path.segment_length');
    if (count === 0) fail('bad-value', at + 1, { length: 1, detail: 'empty segment' });
    if (count * size > r.remaining) fail('truncated', r.offset, { length: count * size });
    const asns: number[] = [];
    for (let i = 0; i < count; i++) asns.push(fourOctet ? r.u32() : r.u16());
    segments.push({ type, asns });
  }
  return segments;
}

export function asPathLength(segments: readonly AsPathSegment[], fourOctet: boolean): number {
  let n = 0;
  for (const s of segments) n += 2 + s.asns.length * (fourOctet ? 4 : 2);
  return n;
}

export function writeAsPath(
  w: Writer,
  segments: readonly AsPathSegment[],
  fourOctet: boolean,
): void {
  for (const s of segments) {
    if (s.asns.length > 255) throw new RangeError('an AS_PATH segment holds at most 255 ASes');
    w.u8(s.type).u8(s.asns.length);
    for (const a of s.asns) {
      if (fourOctet) w.u32(a);
      else w.u16(a);
    }
  }
}

/** RFC 4271 §9.1.2.2 path length: a SEQUENCE counts its ASes, a SET 1, confederation segments 0. */
export function asPathCount(segments: readonly AsPathSegment[]): number {
  let n = 0;
  for (const s of segments) {
    if (s.type === 2) n += s.asns.length;
    else if (s.type === 1) n += 1;
  }
  return n;
}

/**
 * RFC 6793 §4.2.3: the real AS path of a route received from a 2-octet-AS speaker, from
 * its AS_PATH (with AS_TRANS) and AS4_PATH. When AS_PATH is shorter than AS4_PATH, the
 * AS4_PATH is ignored; otherwise the leading ASes that AS4_PATH lacks are taken from
 * AS_PATH and AS4_PATH follows. Confederation segments in AS4_PATH are discarded (§6).
 */
export function reconstructAsPath(
  asPath: readonly AsPathSegment[],
  as4Path: readonly AsPathSegment[],
): AsPathSegment[] {
  const as4 = as4Path.filter((s) => s.type === 1 || s.type === 2);
  const have = asPathCount(asPath);
  const want = asPathCount(as4);
  if (have < want) return asPath.map((s) => ({ type: s.type, asns: [...s.asns] }));
  let need = have - want;
  const out: AsPathSegment[] = [];
  for (const s of asPath) {
    if (need <= 0) break;
    if (s.type === 2) {
      const take = Math.min(need, s.asns.length);
      out.push({ type: 2, asns: s.asns.slice(0, take) });
      need -= take;
    } else {
      out.push({ type: s.type, asns: [...s.asns] });
      if (s.type === 1) need -= 1;
    }
  }
  for (const s of as4) {
    const last = out[out.length - 1];
    if (s.type === 2 && last?.type === 2 && last.asns.length + s.asns.length <= 255) {
      out[out.length - 1] = { type: 2, asns: [...last.asns, ...s.asns] };
    } else out.push({ type: s.type, asns: [...s.asns] });
  }
  return out;
}
