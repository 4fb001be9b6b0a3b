/**
 * The two numbers the decision process reads from an AS_PATH, for the BGP engine to
 * fill a `BgpCandidate`: its length and its neighbour AS. They take a minimal
 * structural view of the segments, so any decoded AS_PATH maps onto it.
 */

/** AS_PATH segment types: RFC 4271 §4.3 (AS_SET, AS_SEQUENCE) and RFC 5065 §3 (confederation). */
export const AsPathSegmentType = {
  AsSet: 1,
  AsSequence: 2,
  ConfedSequence: 3,
  ConfedSet: 4,
} as const;
export type AsPathSegmentType = (typeof AsPathSegmentType)[keyof typeof AsPathSegmentType];

/** One AS_PATH segment: its type code and its AS numbers in wire order. */
export interface AsPathSegmentView {
  readonly type: number;
  readonly asns: readonly number[];
}

/**
 * AS_PATH length as RFC 4271 §9.1.2.2 (a) counts it: each AS of an AS_SEQUENCE counts
 * 1, a whole AS_SET counts 1 however many ASes it holds, and confederation segments
 * count 0 (RFC 5065 §5.3). Segments of unknown type count 0.
 */
export function asPathLength(segments: readonly AsPathSegmentView[]): number {
  let n = 0;
  for (const s of segments) {
    if (s.type === AsPathSegmentType.AsSequence) n += s.asns.length;
    else if (s.type === AsPathSegmentType.AsSet && s.asns.length > 0) n += 1;
  }
  return n;
}

/**
 * The neighbour AS that MED comparison groups paths by (RFC 4271 §9.1.2.2 (c)): the
 * first AS of the first AS_SEQUENCE after any leading confederation segments (RFC 5065
 * §5.3, as FRR's `aspath_cmp_left`); empty segments are skipped. A path originated inside our AS (empty once the
 * confederation segments are skipped) or an aggregate whose path starts with an AS_SET
 * has neighbour AS `localAs`, as §9.1.2.2 (c) says.
 */
export function neighborAs(segments: readonly AsPathSegmentView[], localAs: number): number {
  for (const s of segments) {
    if (
      s.asns.length === 0 ||
      s.type === AsPathSegmentType.ConfedSequence ||
      s.type === AsPathSegmentType.ConfedSet
    ) {
      continue;
    }
    return s.type === AsPathSegmentType.AsSequence ? s.asns[0]! : localAs;
  }
  return localAs;
}
