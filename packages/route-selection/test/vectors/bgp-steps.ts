// One block per step of the BGP decision process. In the block for step S the winner W
// and the loser L tie on every step before S, W wins at S, and L is better than W on
// every step after S — so a selector that skips S, stops before it, or decides by any
// later step (lowest peer address, lowest router id, shortest AS_PATH…) picks L and
// fails. `bgp-steps.test.ts` checks that claim for every block, then runs each block in
// both input orders.
//
// GOOD and BAD are complete paths: GOOD is better than BAD on every step. W takes
// GOOD's values up to and including S (`goodThrough(S)`) and BAD's after it; L is GOOD
// except at S. GOOD is an odd route on purpose (locally originated *and* from an eBGP
// peer): it has to win every step at once.
import { type BgpCandidate, Origin, Reason, type SelectOptions } from '../../src/index.js';
import { BGP_STEP_FIELDS } from '../support/model.js';
import { addr, type BgpFields, bgp, rid, type SelectionVector } from './paths.js';

export const GOOD: BgpFields = {
  nextHopReachable: true,
  weight: 100,
  localPref: 200,
  locallyOriginated: true,
  asPathLength: 1,
  origin: Origin.Igp,
  med: 0,
  neighborAs: 65001,
  peerType: 'external',
  igpCost: 1,
  arrivalTime: 1,
  routerId: rid('10.0.0.1'),
  clusterListLength: 0,
  stale: false,
  peerAddress: addr('192.0.2.1'),
};

export const BAD: BgpFields = {
  nextHopReachable: true, // a BAD next hop would end the decision at step 0
  weight: 0,
  localPref: 100,
  locallyOriginated: false,
  asPathLength: 4,
  origin: Origin.Incomplete,
  med: 50,
  neighborAs: 65001, // MED is compared: same neighbour AS
  peerType: 'internal',
  igpCost: 30,
  arrivalTime: 9,
  routerId: rid('10.0.0.9'),
  clusterListLength: 3,
  stale: true,
  peerAddress: undefined, // locally configured: loses step 14
};

/** The fields each step reads, in decision order (the model's table; none is `protocol` or `route`). */
export const STEP_FIELDS: readonly (readonly [Reason, readonly (keyof BgpFields)[]])[] =
  BGP_STEP_FIELDS as readonly (readonly [Reason, readonly (keyof BgpFields)[]])[];

/** GOOD's values for `step` and every step before it. */
function goodThrough(step: Reason): Partial<BgpFields> {
  const out: Record<string, unknown> = {};
  for (const [s, fields] of STEP_FIELDS) {
    for (const f of fields) out[f] = GOOD[f];
    if (s === step) break;
  }
  return out as Partial<BgpFields>;
}

/** The options every block runs with: RFC 5004 on, so "Older Path" is a step of its own. */
export const STEP_OPTIONS: SelectOptions = { bgp: { preferOlderExternal: true } };

export interface StepVector extends SelectionVector<BgpCandidate<string>> {
  readonly step: Reason;
  /** The winner and the loser, W first. */
  readonly candidates: readonly [BgpCandidate<string>, BgpCandidate<string>];
}

function block(step: Reason, name: string, w: BgpFields, l: BgpFields): StepVector {
  return {
    name,
    step,
    candidates: [bgp('W', w), bgp('L', l)],
    options: STEP_OPTIONS,
    best: 'W',
    reason: step,
  };
}

export const stepVectors: readonly StepVector[] = [
  block(
    Reason.ReachableNextHop,
    '§9.1.2.1: a path whose NEXT_HOP does not resolve is no candidate, however good',
    { ...BAD },
    { ...GOOD, nextHopReachable: false },
  ),
  block(
    Reason.Weight,
    'weight 100 beats weight 0',
    { ...BAD, ...goodThrough(Reason.Weight) },
    { ...GOOD, weight: 0 },
  ),
  block(
    Reason.LocalPref,
    'LOCAL_PREF 200 beats 100',
    { ...BAD, ...goodThrough(Reason.LocalPref) },
    { ...GOOD, localPref: 100 },
  ),
  block(
    Reason.LocalRoute,
    'a locally originated path beats a learned one',
    { ...BAD, ...goodThrough(Reason.LocalRoute) },
    { ...GOOD, locallyOriginated: false },
  ),
  block(
    Reason.AsPath,
    '§9.1.2.2 (a): AS_PATH length 1 beats 4',
    { ...BAD, ...goodThrough(Reason.AsPath) },
    { ...GOOD, asPathLength: 4 },
  ),
  block(
    Reason.Origin,
    '§9.1.2.2 (b): ORIGIN IGP beats INCOMPLETE',
    { ...BAD, ...goodThrough(Reason.Origin) },
    { ...GOOD, origin: Origin.Incomplete },
  ),
  block(
    Reason.Med,
    '§9.1.2.2 (c): MED 0 beats 50 from the same neighbour AS',
    { ...BAD, ...goodThrough(Reason.Med) },
    { ...GOOD, med: 50 },
  ),
  block(
    Reason.PeerType,
    '§9.1.2.2 (d): eBGP beats iBGP',
    { ...BAD, ...goodThrough(Reason.PeerType) },
    { ...GOOD, peerType: 'internal' },
  ),
  block(
    Reason.IgpMetric,
    '§9.1.2.2 (e): IGP cost 1 to the NEXT_HOP beats 30',
    { ...BAD, ...goodThrough(Reason.IgpMetric) },
    { ...GOOD, igpCost: 30 },
  ),
  block(
    Reason.ConfedPeerType,
    'RFC 5065: neither is eBGP, and confed-external beats internal after the IGP cost',
    { ...BAD, ...goodThrough(Reason.IgpMetric), peerType: 'confed-external' },
    { ...GOOD, peerType: 'internal' },
  ),
  block(
    Reason.OlderPath,
    'RFC 5004: of two eBGP paths the older one stays',
    { ...BAD, ...goodThrough(Reason.OlderPath) },
    { ...GOOD, arrivalTime: 9 },
  ),
  block(
    Reason.RouterId,
    '§9.1.2.2 (f): router id 10.0.0.1 beats 10.0.0.9',
    { ...BAD, ...goodThrough(Reason.RouterId) },
    { ...GOOD, routerId: rid('10.0.0.9') },
  ),
  block(
    Reason.RouterId,
    'RFC 4456 §9: ORIGINATOR_ID 10.0.0.1 stands in for W’s router id 10.0.0.9 and beats L’s 10.0.0.2',
    {
      ...BAD,
      ...goodThrough(Reason.OlderPath),
      routerId: rid('10.0.0.9'),
      originatorId: rid('10.0.0.1'),
    },
    { ...GOOD, routerId: rid('10.0.0.2') },
  ),
  block(
    Reason.ClusterLength,
    'RFC 4456 §9: CLUSTER_LIST length 0 beats 3',
    { ...BAD, ...goodThrough(Reason.ClusterLength) },
    { ...GOOD, clusterListLength: 3 },
  ),
  block(
    Reason.PathStaleness,
    'a fresh path beats one kept stale across a graceful restart',
    { ...BAD, ...goodThrough(Reason.PathStaleness) },
    { ...GOOD, stale: true },
  ),
  block(
    Reason.LocallyConfigured,
    'a path from a peer beats a locally configured one without peer address (FRR’s order)',
    { ...BAD, ...goodThrough(Reason.LocallyConfigured) },
    { ...GOOD, peerAddress: undefined },
  ),
  block(
    Reason.NeighborIp,
    '§9.1.2.2 (g): peer address 192.0.2.1 beats 192.0.2.9',
    { ...BAD, ...goodThrough(Reason.NeighborIp) },
    { ...GOOD, peerAddress: addr('192.0.2.9') },
  ),
  block(
    Reason.NeighborIp,
    'every IPv4 peer address sorts before every IPv6 one (as FRR’s sockunion_cmp)',
    { ...BAD, ...goodThrough(Reason.NeighborIp), peerAddress: addr('203.0.113.255') },
    { ...GOOD, peerAddress: addr('2001:db8::1') },
  ),
];

/** Two paths equal on every step: the first in the input wins. Order-dependent by design. */
export const nothingLeftVectors: readonly SelectionVector<BgpCandidate<string>>[] = [
  {
    name: 'identical paths (e.g. ADD-PATH from one peer): the earliest in the input wins',
    candidates: [bgp('first', GOOD), bgp('second', GOOD)],
    best: 'first',
    reason: Reason.NothingLeft,
    orderIndependent: false,
  },
  {
    name: 'a single path',
    candidates: [bgp('only', BAD)],
    best: 'only',
    reason: Reason.FirstPath,
  },
  {
    name: 'no path with a reachable NEXT_HOP: nothing is selected',
    candidates: [
      bgp('a', { ...GOOD, nextHopReachable: false }),
      bgp('b', { ...BAD, nextHopReachable: false }),
    ],
    best: undefined,
  },
  {
    name: 'no candidates at all',
    candidates: [],
    best: undefined,
  },
];
