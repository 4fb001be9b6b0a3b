/**
 * The BGP decision process: RFC 4271 §9.1.2 with the steps every implementation adds
 * before and after it, in FRR's order (`bgp_path_info_cmp()` in `bgpd/bgp_route.c`):
 *
 *  0. NEXT_HOP resolvable (§9.1.2.1) — unresolvable paths are not candidates
 *  1. highest weight                       2. highest LOCAL_PREF (§9.1.1)
 *  3. locally originated                   4. shortest AS_PATH (§9.1.2.2 a)
 *  5. lowest ORIGIN (b)                    6. lowest MED per neighbour AS (c)
 *  7. eBGP over iBGP (d)                   8. lowest IGP cost to the NEXT_HOP (e)
 *  9. confed-external over internal       — multipath set fixed here —
 * 10. oldest eBGP path (RFC 5004, opt-in)  11. lowest ORIGINATOR_ID / router id (f; RFC 4456)
 * 12. shortest CLUSTER_LIST (RFC 4456)     13. not stale
 * 14. has a peer address                   15. lowest peer address (g)
 *
 * In the default `deterministic` mode each step is an elimination over the whole
 * remaining set, exactly as §9.1.2.2 is written; MED (step 6) removes a path only when
 * another remaining path from the same neighbour AS has a lower MED. Since that
 * pairwise preference is not transitive, nothing here sorts with a comparator except
 * the tie-breakers after step 9, which are plain lexicographic keys.
 */
import { compareAddress } from '@routekit/prefix';
import type { BgpCandidate, Candidate, Selection } from './candidate.js';
import { SelectionError } from './errors.js';
import { type ResolvedOptions, resolveOptions, type SelectOptions } from './options.js';
import { BGP_STEPS, Reason } from './reasons.js';
import { validateCandidate } from './validate.js';

// Step numbers: indexes into BGP_STEPS.
const REACH = 0;
const WEIGHT = 1;
const LOCAL_PREF = 2;
const LOCAL_ROUTE = 3;
const AS_PATH = 4;
const ORIGIN = 5;
const MED = 6;
const PEER_TYPE = 7;
const IGP = 8;
const CONFED = 9;
const OLDER = 10;
const ROUTER_ID = 11;
const CLUSTER = 12;
const STALE = 13;
const LOCAL_CONFIG = 14;
const NEIGHBOR_IP = 15;
const NOTHING = 16;

/** FRR's BGP_MED_MAX: the MED of a path without one under `missingMedAsWorst`. */
const MED_MAX = 0xffff_ffff;

/** Up to this many survivors the per-AS MED step compares pairs; above it, it builds a map. */
const MED_PAIRWISE_LIMIT = 16;

function medOf(c: BgpCandidate, o: ResolvedOptions): number {
  const med = c.med;
  if (med !== undefined) return med;
  return o.missingMedAsWorst ? MED_MAX : 0;
}

/** The value step `step` compares; lower is better. Steps 6, 15 and 16 are handled apart. */
function key(step: number, c: BgpCandidate, o: ResolvedOptions): number {
  switch (step) {
    case REACH:
      return c.nextHopReachable === false ? 1 : 0;
    case WEIGHT:
      return -(c.weight ?? 0);
    case LOCAL_PREF:
      return -(c.localPref ?? o.defaultLocalPref);
    case LOCAL_ROUTE:
      return c.locallyOriginated === true ? 0 : 1;
    case AS_PATH:
      return c.asPathLength;
    case ORIGIN:
      return c.origin;
    case MED:
      return medOf(c, o);
    case PEER_TYPE:
      return c.peerType === 'external' ? 0 : 1;
    case IGP:
      return c.igpCost ?? 0;
    case CONFED:
      return c.peerType === 'internal' ? 1 : 0;
    case OLDER:
      return c.arrivalTime ?? 0;
    case ROUTER_ID:
      return c.originatorId ?? c.routerId;
    case CLUSTER:
      return c.clusterListLength ?? 0;
    case STALE:
      return c.stale === true ? 1 : 0;
    case LOCAL_CONFIG:
      return c.peerAddress === undefined ? 1 : 0;
    default:
      return 0; // NEIGHBOR_IP compares addresses, see eliminate()
  }
}

// Scratch space reused by every call (selection is synchronous and never re-entered).
let survivors = new Int32Array(32);
let keep = new Uint8Array(32);

/**
 * @internal A survivor buffer of at least `n` entries for {@link decideBgp}; the
 * caller writes the candidate indexes into it.
 */
export function survivorBuffer(n: number): Int32Array {
  if (survivors.length < n) {
    survivors = new Int32Array(Math.max(n, survivors.length * 2));
    keep = new Uint8Array(survivors.length);
  }
  return survivors;
}

/** RFC 4271 §9.1.2.2 (c): drop paths with a higher MED than another path from the same neighbour AS. */
function eliminateMedByNeighbor(
  cands: readonly Candidate[],
  s: Int32Array,
  n: number,
  o: ResolvedOptions,
): number {
  if (n <= MED_PAIRWISE_LIMIT) {
    for (let i = 0; i < n; i++) {
      const ci = cands[s[i]!] as BgpCandidate;
      const as = ci.neighborAs;
      const med = medOf(ci, o);
      let k = 1;
      for (let j = 0; j < n; j++) {
        const cj = cands[s[j]!] as BgpCandidate;
        if (cj.neighborAs === as && medOf(cj, o) < med) {
          k = 0;
          break;
        }
      }
      keep[i] = k;
    }
  } else {
    const lowest = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const c = cands[s[i]!] as BgpCandidate;
      const med = medOf(c, o);
      const seen = lowest.get(c.neighborAs);
      if (seen === undefined || med < seen) lowest.set(c.neighborAs, med);
    }
    for (let i = 0; i < n; i++) {
      const c = cands[s[i]!] as BgpCandidate;
      keep[i] = medOf(c, o) === lowest.get(c.neighborAs) ? 1 : 0;
    }
  }
  let m = 0;
  for (let i = 0; i < n; i++) if (keep[i] === 1) s[m++] = s[i]!;
  return m;
}

/** Apply one step to the survivors `s[0..n)` in place (order kept); returns how many remain. */
function eliminate(
  step: number,
  cands: readonly Candidate[],
  s: Int32Array,
  n: number,
  o: ResolvedOptions,
): number {
  if (step === MED && !o.alwaysCompareMed) return eliminateMedByNeighbor(cands, s, n, o);
  if (step === OLDER) {
    if (!o.preferOlderExternal) return n;
    for (let i = 0; i < n; i++) {
      if ((cands[s[i]!] as BgpCandidate).peerType !== 'external') return n;
    }
  }
  if (step === NEIGHBOR_IP) {
    // After step 14 either every survivor has a peer address or none has.
    let low = (cands[s[0]!] as BgpCandidate).peerAddress;
    if (low === undefined) return n;
    for (let i = 1; i < n; i++) {
      const a = (cands[s[i]!] as BgpCandidate).peerAddress!;
      if (compareAddress(a, low) < 0) low = a;
    }
    let m = 0;
    for (let i = 0; i < n; i++) {
      const a = (cands[s[i]!] as BgpCandidate).peerAddress!;
      if (compareAddress(a, low) === 0) s[m++] = s[i]!;
    }
    return m;
  }
  let low = key(step, cands[s[0]!] as BgpCandidate, o);
  for (let i = 1; i < n; i++) {
    const k = key(step, cands[s[i]!] as BgpCandidate, o);
    if (k < low) low = k;
  }
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (key(step, cands[s[i]!] as BgpCandidate, o) === low) s[m++] = s[i]!;
  }
  return m;
}

/**
 * Compare two paths step by step from `from` to `to` (inclusive). Returns `step + 1`
 * if `a` is preferred at `step`, `-(step + 1)` if `b` is, 0 if they tie on all of
 * those steps. Pairwise, so MED counts only between paths of the same neighbour AS and
 * the RFC 5004 step only between two external paths.
 */
function pairStep(
  a: BgpCandidate,
  b: BgpCandidate,
  o: ResolvedOptions,
  from: number,
  to: number,
): number {
  for (let step = from; step <= to; step++) {
    if (step === MED && !o.alwaysCompareMed && a.neighborAs !== b.neighborAs) continue;
    if (
      step === OLDER &&
      !(o.preferOlderExternal && a.peerType === 'external' && b.peerType === 'external')
    ) {
      continue;
    }
    if (step === NEIGHBOR_IP) {
      const x = a.peerAddress;
      const y = b.peerAddress;
      if (x === undefined || y === undefined) continue;
      const c = compareAddress(x, y);
      if (c !== 0) return c < 0 ? step + 1 : -(step + 1);
      continue;
    }
    const ka = key(step, a, o);
    const kb = key(step, b, o);
    if (ka !== kb) return ka < kb ? step + 1 : -(step + 1);
  }
  return 0;
}

/** Multipath compatibility with the best path (FRR `bgp_path_info_cmp()` step 11). */
function multipathCompatible(p: BgpCandidate, best: BgpCandidate, o: ResolvedOptions): boolean {
  if (o.asPathRelax) return true;
  if (best.peerType === 'internal' && p.asPathKey !== undefined && best.asPathKey !== undefined) {
    return p.asPathKey === best.asPathKey;
  }
  return p.neighborAs === best.neighborAs;
}

/**
 * @internal What the last {@link decideBgp} found, as indexes into the candidate array.
 * One reused object rather than a fresh one per selection.
 */
export const outcome: {
  best: number;
  reason: Reason;
  /** The ECMP set, best first, at most `maxPaths`; `undefined` means just `[best]`. */
  ecmp: readonly number[] | undefined;
} = { best: -1, reason: Reason.FirstPath, ecmp: undefined };

/**
 * The ECMP set: `best`, then the members multipath-compatible with it (and, given the
 * RIB's distances, at its distance) ordered by the tie-breakers after step 9, then
 * input position, cut to `maxPaths`.
 */
function ecmpOf(
  cands: readonly Candidate[],
  best: number,
  members: readonly number[],
  o: ResolvedOptions,
  dist: Uint8Array | undefined,
): readonly number[] | undefined {
  const b = cands[best] as BgpCandidate;
  const others: number[] = [];
  for (const i of members) {
    if (i === best || !multipathCompatible(cands[i] as BgpCandidate, b, o)) continue;
    // The RIB installs one distance: a member with another configured distance is out.
    if (dist !== undefined && dist[i] !== dist[best]) continue;
    others.push(i);
  }
  if (others.length === 0) return undefined;
  others.sort(
    (i, j) =>
      -pairStep(cands[i] as BgpCandidate, cands[j] as BgpCandidate, o, OLDER, NEIGHBOR_IP) || i - j,
  );
  if (others.length > o.maxPaths - 1) others.length = o.maxPaths - 1;
  return [best, ...others];
}

/**
 * Two paths: the elimination of every step is then exactly one pairwise comparison
 * (MED is compared iff they share a neighbour AS, RFC 5004 iff both are external), so
 * compare once instead of compacting survivor lists.
 */
function decidePair(
  cands: readonly Candidate[],
  i: number,
  j: number,
  o: ResolvedOptions,
  dist: Uint8Array | undefined,
): boolean {
  const a = cands[i] as BgpCandidate;
  const b = cands[j] as BgpCandidate;
  if (a.nextHopReachable === false && b.nextHopReachable === false) return false;
  const r = pairStep(a, b, o, REACH, NEIGHBOR_IP);
  let best = r < 0 ? j : i;
  if (r === 0) {
    outcome.reason = Reason.NothingLeft;
    if (dist !== undefined && dist[j]! < dist[i]!) best = j;
  } else {
    outcome.reason = BGP_STEPS[Math.abs(r) - 1]!;
  }
  outcome.best = best;
  outcome.ecmp = undefined;
  if (o.maxPaths > 1 && (r === 0 || Math.abs(r) - 1 > CONFED)) {
    const other = best === i ? j : i;
    const compatible =
      multipathCompatible(cands[other] as BgpCandidate, cands[best] as BgpCandidate, o) &&
      (dist === undefined || dist[other] === dist[best]);
    if (compatible) outcome.ecmp = [best, other];
  }
  return true;
}

function decideDeterministic(
  cands: readonly Candidate[],
  s: Int32Array,
  n: number,
  o: ResolvedOptions,
  dist: Uint8Array | undefined,
): boolean {
  if (n === 2) return decidePair(cands, s[0]!, s[1]!, o, dist);
  n = eliminate(REACH, cands, s, n, o);
  // Step 0 keeps the unreachable paths only when there is nothing else.
  if ((cands[s[0]!] as BgpCandidate).nextHopReachable === false) return false;
  let reason: Reason = Reason.ReachableNextHop;
  let members: number[] | undefined;
  for (let step = WEIGHT; step < NOTHING && n > 1; step++) {
    n = eliminate(step, cands, s, n, o);
    if (n === 1) reason = BGP_STEPS[step]!;
    if (step === CONFED && n > 1 && o.maxPaths > 1) members = Array.from(s.subarray(0, n));
  }
  let best = s[0]!;
  if (n > 1) {
    reason = Reason.NothingLeft;
    // For the RIB, of paths BGP cannot tell apart the one with the lowest distance.
    if (dist !== undefined) {
      for (let i = 1; i < n; i++) if (dist[s[i]!]! < dist[best]!) best = s[i]!;
    }
  }
  outcome.best = best;
  outcome.reason = reason;
  outcome.ecmp = members === undefined ? undefined : ecmpOf(cands, best, members, o, dist);
  return true;
}

function decideArrivalOrder(
  cands: readonly Candidate[],
  s: Int32Array,
  n: number,
  o: ResolvedOptions,
  dist: Uint8Array | undefined,
): boolean {
  n = eliminate(REACH, cands, s, n, o);
  if ((cands[s[0]!] as BgpCandidate).nextHopReachable === false) return false;
  // FRR keeps paths newest first and walks them in that order.
  const order = Array.from(s.subarray(0, n)).sort(
    (i, j) =>
      ((cands[j] as BgpCandidate).arrivalTime ?? 0) -
        ((cands[i] as BgpCandidate).arrivalTime ?? 0) || i - j,
  );
  let best = order[0]!;
  let reason: Reason = Reason.ReachableNextHop; // unless a comparison follows
  for (let k = 1; k < order.length; k++) {
    const next = order[k]!;
    const r = pairStep(
      cands[next] as BgpCandidate,
      cands[best] as BgpCandidate,
      o,
      WEIGHT,
      NEIGHBOR_IP,
    );
    // Like FRR, the reason is that of the last comparison, and a full tie goes to the later path.
    reason = r === 0 ? Reason.NothingLeft : BGP_STEPS[Math.abs(r) - 1]!;
    if (r >= 0) best = next;
  }
  let ecmp: readonly number[] | undefined;
  if (o.maxPaths > 1 && order.length > 1) {
    const b = cands[best] as BgpCandidate;
    const members: number[] = [];
    for (const i of order) {
      if (i !== best && pairStep(cands[i] as BgpCandidate, b, o, WEIGHT, CONFED) === 0) {
        members.push(i);
      }
    }
    ecmp = ecmpOf(cands, best, members, o, dist);
  }
  outcome.best = best;
  outcome.reason = reason;
  outcome.ecmp = ecmp;
  return true;
}

/**
 * @internal Run the decision process over the candidates whose indexes are in
 * `s[0..n)` (ascending; all BGP, all validated); the answer is left in {@link outcome}.
 * Returns `false` when no path has a reachable NEXT_HOP. `s` is clobbered. With `dist`
 * (the RIB's distance of each candidate, by index), paths equal on every step are told
 * apart by their distance (deterministic mode) and multipath members must share the
 * best path's distance.
 */
export function decideBgp(
  cands: readonly Candidate[],
  s: Int32Array,
  n: number,
  o: ResolvedOptions,
  dist?: Uint8Array,
): boolean {
  if (n === 0) return false;
  if (n === 1) {
    // The common case of a prefix with one path: nothing to compare.
    if ((cands[s[0]!] as BgpCandidate).nextHopReachable === false) return false;
    outcome.best = s[0]!;
    outcome.reason = Reason.FirstPath;
    outcome.ecmp = undefined;
    return true;
  }
  return o.mode === 'arrival-order'
    ? decideArrivalOrder(cands, s, n, o, dist)
    : decideDeterministic(cands, s, n, o, dist);
}

/** @internal The candidates {@link outcome} names. */
export function selectionOf<C>(cands: readonly C[]): Selection<C> {
  const best = cands[outcome.best]!;
  const e = outcome.ecmp;
  const ecmp = e === undefined ? [best] : e.map((i) => cands[i]!);
  return { best, ecmp, reason: outcome.reason };
}

/**
 * BGP's own best path among `candidates` (the Loc-RIB choice of RFC 4271 §9.1.2),
 * with the multipath set and the reason. Distances are not looked at: this is what a
 * BGP speaker selects and advertises; {@link selectBest} then weighs it against other
 * protocols. Returns `undefined` when no candidate has a reachable NEXT_HOP. Throws
 * {@link SelectionError} for an invalid candidate or option.
 */
export function selectBgp<C extends BgpCandidate>(
  candidates: readonly C[],
  options?: SelectOptions,
): Selection<C> | undefined {
  const o = resolveOptions(options);
  const n = candidates.length;
  const s = survivorBuffer(n);
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    validateCandidate(c, i);
    if (c.protocol !== 'bgp') {
      throw new SelectionError({
        code: 'unknown-protocol',
        index: i,
        field: 'protocol',
        value: c.protocol,
      });
    }
    s[i] = i;
  }
  return decideBgp(candidates, s, n, o) ? selectionOf(candidates) : undefined;
}

/** The result of {@link compareBgpPair}. */
export interface PairComparison {
  /** Which path this one comparison prefers; `equal` when every step ties. */
  readonly preferred: 'a' | 'b' | 'equal';
  /** The step that decided (`Nothing left to compare` when equal). */
  readonly reason: Reason;
}

/**
 * Compare two paths as the pairwise walk does (MED only within one neighbour AS,
 * RFC 5004 only between external paths). For explaining a decision and for tests:
 * this relation is **not transitive** (see the README), so never sort with it and
 * never use it to pick a winner among more than two paths — use {@link selectBgp}.
 */
export function compareBgpPair(
  a: BgpCandidate,
  b: BgpCandidate,
  options?: SelectOptions,
): PairComparison {
  const o = resolveOptions(options);
  validateCandidate(a, 0);
  validateCandidate(b, 1);
  const r = pairStep(a, b, o, REACH, NEIGHBOR_IP);
  if (r === 0) return { preferred: 'equal', reason: Reason.NothingLeft };
  return { preferred: r > 0 ? 'a' : 'b', reason: BGP_STEPS[Math.abs(r) - 1]! };
}
