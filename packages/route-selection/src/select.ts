/**
 * The RIB's entry point: given every candidate route for one prefix, from any mix of
 * protocols and sources, the route to install, its ECMP set and why.
 *
 * 1. Candidates that can never be installed drop out: distance 255, RIP metric 16.
 * 2. BGP paths are reduced to BGP's own choice by the decision process
 *    ({@link selectBgp}), as a BGP speaker does before it offers a route to the RIB.
 *    Distance plays no part inside BGP: otherwise eBGP (20) would beat iBGP (200)
 *    before LOCAL_PREF is ever read.
 * 3. BGP's choice and every other candidate then meet: lowest distance, then (equal
 *    distance, different protocols — only with configured distances) the fixed order
 *    connected, static, BGP, OSPF, IS-IS, RIP, then within one protocol its own
 *    comparison: OSPF path type (intra-area < inter-area < E1 < E2), type 2 metric,
 *    metric; lowest metric for the others.
 *
 * The reason is the step that removed the last other candidate: a step of step 3 when
 * more than one candidate reached it, otherwise BGP's reason. Candidates equal on every
 * step form the ECMP set (BGP: its multipath set); the earliest in the input is `best`
 * (for BGP paths equal on every step: the lowest distance, then the earliest), so pass
 * candidates oldest first to get zebra's "oldest wins" tie-break.
 */
import { decideBgp, outcome, selectionOf, survivorBuffer } from './bgp-decision.js';
import {
  type Candidate,
  type MetricCandidate,
  type OspfCandidate,
  type Protocol,
  RIP_INFINITY,
  type Selection,
} from './candidate.js';
import { distanceOf, NEVER_INSTALLED } from './distance.js';
import { resolveOptions, type SelectOptions } from './options.js';
import { Reason } from './reasons.js';
import { validateCandidate } from './validate.js';

const DISTANCE = 0;
const PROTOCOL_ORDER = 1;
const PATH_TYPE = 2;
const TYPE2_METRIC = 3;
const METRIC = 4;
const STEP_REASONS: readonly Reason[] = [
  Reason.Distance,
  Reason.ProtocolOrder,
  Reason.OspfPathType,
  Reason.Metric,
  Reason.Metric,
];

/** The order that breaks distance ties between protocols (`PROTOCOLS`). */
const PROTOCOL_RANK: { readonly [P in Protocol]: number } = {
  connected: 0,
  static: 1,
  bgp: 2,
  ospf: 3,
  isis: 4,
  rip: 5,
};

const PATH_TYPE_RANK = {
  'intra-area': 0,
  'inter-area': 1,
  'external-1': 2,
  'external-2': 3,
} as const;

/** The key of a RIB step other than distance (which is cached per candidate); lower wins. */
function key(step: number, c: Candidate): number {
  switch (step) {
    case PROTOCOL_ORDER:
      return PROTOCOL_RANK[c.protocol];
    case PATH_TYPE:
      return c.protocol === 'ospf' ? PATH_TYPE_RANK[c.pathType ?? 'intra-area'] : 0;
    case TYPE2_METRIC:
      return c.protocol === 'ospf' && c.pathType === 'external-2' ? c.type2Metric! : 0;
    default:
      // Only non-BGP candidates get this far: one BGP contestant at most.
      return (c as OspfCandidate | MetricCandidate).metric;
  }
}

// Scratch space reused by every call (selection is synchronous and never re-entered):
// the contestants' indexes and every candidate's distance (255 = not installable).
let contestants = new Int32Array(32);
let distances = new Uint8Array(32);

/**
 * The route to install for one prefix among `candidates` (any protocols), with its
 * ECMP set (at most `options.maxPaths`, best first) and the reason; `undefined` when no
 * candidate can be installed. Throws {@link SelectionError} for an invalid candidate
 * or option, before comparing anything. O(n) per step; allocates only the result (and
 * a little more when a multipath set is built).
 */
export function selectBest<C extends Candidate>(
  candidates: readonly C[],
  options?: SelectOptions,
): Selection<C> | undefined {
  const o = resolveOptions(options);
  const table = o.distances;
  const n = candidates.length;
  if (distances.length < n) {
    const size = Math.max(n, distances.length * 2);
    distances = new Uint8Array(size);
    contestants = new Int32Array(size);
  }
  const dist = distances;
  const bgp = survivorBuffer(n);
  let nBgp = 0;
  let installable = 0;
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    validateCandidate(c, i);
    const d =
      c.protocol === 'rip' && c.metric === RIP_INFINITY ? NEVER_INSTALLED : distanceOf(c, table);
    dist[i] = d;
    if (d === NEVER_INSTALLED) continue;
    installable++;
    if (c.protocol === 'bgp') bgp[nBgp++] = i;
  }
  if (installable === 0) return undefined;
  const bgpBest = nBgp > 0 && decideBgp(candidates, bgp, nBgp, o, dist) ? outcome.best : -1;

  const t = contestants;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (dist[i] === NEVER_INSTALLED) continue;
    if (candidates[i]!.protocol !== 'bgp' || i === bgpBest) t[m++] = i;
  }
  if (m === 0) return undefined;

  if (m === 1) {
    if (bgpBest >= 0) return selectionOf(candidates); // BGP alone: its reason
    const best = candidates[t[0]!]!;
    return { best, ecmp: [best], reason: nBgp > 0 ? Reason.ReachableNextHop : Reason.FirstPath };
  }

  let reason: Reason = Reason.NothingLeft;
  for (let step = DISTANCE; step <= METRIC && m > 1; step++) {
    let low = step === DISTANCE ? dist[t[0]!]! : key(step, candidates[t[0]!]!);
    for (let i = 1; i < m; i++) {
      const k = step === DISTANCE ? dist[t[i]!]! : key(step, candidates[t[i]!]!);
      if (k < low) low = k;
    }
    let kept = 0;
    for (let i = 0; i < m; i++) {
      const k = step === DISTANCE ? dist[t[i]!]! : key(step, candidates[t[i]!]!);
      if (k === low) t[kept++] = t[i]!;
    }
    m = kept;
    if (m === 1) reason = STEP_REASONS[step]!;
  }

  const winner = t[0]!;
  if (winner === bgpBest) {
    // BGP won against other protocols: its multipath set, this reason.
    const sel = selectionOf(candidates);
    return { best: sel.best, ecmp: sel.ecmp, reason };
  }
  const best = candidates[winner]!;
  const width = Math.min(m, o.maxPaths);
  const ecmp: C[] = new Array<C>(width);
  for (let i = 0; i < width; i++) ecmp[i] = candidates[t[i]!]!;
  return { best, ecmp, reason };
}
