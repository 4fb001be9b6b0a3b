// Test-side knowledge of the model: which fields each BGP step reads, how to make a
// path strictly worse at one step, and the keys of the RIB-level steps. Written from
// the RFC and the README, not from the implementation's internals.
import {
  type BgpCandidate,
  type Candidate,
  distanceOf,
  PROTOCOLS,
  Reason,
  type ResolvedOptions,
} from '../../src/index.js';

export const MED_MAX = 0xffff_ffff;

/** The BGP steps and the fields each reads, in decision order. */
export const BGP_STEP_FIELDS: readonly (readonly [Reason, readonly (keyof BgpCandidate)[]])[] = [
  [Reason.ReachableNextHop, ['nextHopReachable']],
  [Reason.Weight, ['weight']],
  [Reason.LocalPref, ['localPref']],
  [Reason.LocalRoute, ['locallyOriginated']],
  [Reason.AsPath, ['asPathLength']],
  [Reason.Origin, ['origin']],
  [Reason.Med, ['med']],
  [Reason.PeerType, ['peerType']],
  [Reason.IgpMetric, ['igpCost']],
  [Reason.ConfedPeerType, ['peerType']],
  [Reason.OlderPath, ['arrivalTime']],
  [Reason.RouterId, ['routerId', 'originatorId']],
  [Reason.ClusterLength, ['clusterListLength']],
  [Reason.PathStaleness, ['stale']],
  [Reason.LocallyConfigured, ['peerAddress']],
  [Reason.NeighborIp, ['peerAddress']],
];

export function stepIndex(r: Reason): number {
  return BGP_STEP_FIELDS.findIndex(([s]) => s === r);
}

export function medOf(c: BgpCandidate, o: ResolvedOptions): number {
  return c.med ?? (o.missingMedAsWorst ? MED_MAX : 0);
}

/**
 * `w`'s effective values for the fields of `step` (defaults written out), so that a
 * candidate given them ties `w` at that step.
 */
export function valuesOf(w: BgpCandidate, step: Reason, o: ResolvedOptions): Partial<BgpCandidate> {
  switch (step) {
    case Reason.ReachableNextHop:
      return { nextHopReachable: w.nextHopReachable ?? true };
    case Reason.Weight:
      return { weight: w.weight ?? 0 };
    case Reason.LocalPref:
      return { localPref: w.localPref ?? o.defaultLocalPref };
    case Reason.LocalRoute:
      return { locallyOriginated: w.locallyOriginated ?? false };
    case Reason.AsPath:
      return { asPathLength: w.asPathLength };
    case Reason.Origin:
      return { origin: w.origin };
    case Reason.Med:
      return { med: medOf(w, o) };
    case Reason.PeerType:
    case Reason.ConfedPeerType:
      return { peerType: w.peerType };
    case Reason.IgpMetric:
      return { igpCost: w.igpCost ?? 0 };
    case Reason.OlderPath:
      return { arrivalTime: w.arrivalTime ?? 0 };
    case Reason.RouterId:
      return { originatorId: w.originatorId ?? w.routerId };
    case Reason.ClusterLength:
      return { clusterListLength: w.clusterListLength ?? 0 };
    case Reason.PathStaleness:
      return { stale: w.stale ?? false };
    default:
      return { peerAddress: w.peerAddress };
  }
}

/**
 * Fields that make a copy of `w` strictly worse than `w` at `step` (and equal before
 * it), or `undefined` when `w` is already as bad as it gets there.
 */
export function worseAt(
  w: BgpCandidate,
  step: Reason,
  o: ResolvedOptions,
): Partial<BgpCandidate> | undefined {
  switch (step) {
    case Reason.ReachableNextHop:
      return { nextHopReachable: false };
    case Reason.Weight:
      return (w.weight ?? 0) > 0 ? { weight: (w.weight ?? 0) - 1 } : undefined;
    case Reason.LocalPref: {
      const lp = w.localPref ?? o.defaultLocalPref;
      return lp > 0 ? { localPref: lp - 1 } : undefined;
    }
    case Reason.LocalRoute:
      return w.locallyOriginated === true ? { locallyOriginated: false } : undefined;
    case Reason.AsPath:
      return { asPathLength: w.asPathLength + 1 };
    case Reason.Origin:
      return w.origin < 2 ? { origin: (w.origin + 1) as 1 | 2 } : undefined;
    case Reason.Med: {
      const med = medOf(w, o);
      return med < MED_MAX ? { med: med + 1 } : undefined;
    }
    case Reason.PeerType:
      return w.peerType === 'external' ? { peerType: 'internal' } : undefined;
    case Reason.IgpMetric:
      return { igpCost: (w.igpCost ?? 0) + 1 };
    case Reason.ConfedPeerType:
      return w.peerType === 'confed-external' ? { peerType: 'internal' } : undefined;
    case Reason.OlderPath:
      return o.preferOlderExternal && w.peerType === 'external'
        ? { arrivalTime: (w.arrivalTime ?? 0) + 1 }
        : undefined;
    case Reason.RouterId: {
      const id = w.originatorId ?? w.routerId;
      return id < MED_MAX ? { originatorId: id + 1 } : undefined;
    }
    case Reason.ClusterLength:
      return { clusterListLength: (w.clusterListLength ?? 0) + 1 };
    case Reason.PathStaleness:
      return w.stale === true ? undefined : { stale: true };
    case Reason.LocallyConfigured:
      return w.peerAddress === undefined ? undefined : { peerAddress: undefined };
    default: {
      const a = w.peerAddress;
      if (a === undefined) return undefined;
      // Every IPv6 address sorts after every IPv4 one.
      if (a.family === 4) return { peerAddress: { family: 6, words: [0, 0, 0, 1] } };
      const [w0, w1, w2, w3] = a.words;
      return w3 < MED_MAX ? { peerAddress: { family: 6, words: [w0, w1, w2, w3 + 1] } } : undefined;
    }
  }
}

const PATH_TYPE_RANK = {
  'intra-area': 0,
  'inter-area': 1,
  'external-1': 2,
  'external-2': 3,
} as const;

/** Keys of the RIB-level steps: distance, protocol order, OSPF path type, type 2 metric, metric. */
export function ribKeys(c: Candidate, o: ResolvedOptions): number[] {
  return [
    distanceOf(c, o.distances),
    PROTOCOLS.indexOf(c.protocol),
    c.protocol === 'ospf' ? PATH_TYPE_RANK[c.pathType ?? 'intra-area'] : 0,
    c.protocol === 'ospf' && c.pathType === 'external-2' ? c.type2Metric! : 0,
    c.protocol === 'bgp' ? 0 : c.metric,
  ];
}

export const RIB_KEY_REASONS: readonly Reason[] = [
  Reason.Distance,
  Reason.ProtocolOrder,
  Reason.OspfPathType,
  Reason.Metric,
  Reason.Metric,
];

/** Can this candidate ever be installed? */
export function installable(c: Candidate, o: ResolvedOptions): boolean {
  return distanceOf(c, o.distances) !== 255 && !(c.protocol === 'rip' && c.metric === 16);
}
