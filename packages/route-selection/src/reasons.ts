/**
 * Why a candidate won: the step of the decision process that removed the last other
 * candidate.
 *
 * BGP reasons use the exact text FRR's `bgpd` prints as `selectionReason` (JSON) and
 * "Selection reason" (`show bgp ... <prefix>`): `bgp_path_selection_reason2str()` in
 * `bgpd/bgp_route.c`, read from the FRR 8.4 `bgpd` binary and checked against the
 * `bgp_path_selection_reason` enum (`bgpd/bgp_table.h`) and `bgp_path_info_cmp()`.
 * Steps FRR has no text for are marked "routekit".
 */
export const Reason = {
  /** Only one candidate (FRR: the first path compared against nothing). */
  FirstPath: 'First path received',
  /** routekit: every other BGP candidate has an unresolvable NEXT_HOP (RFC 4271 §9.1.2.1). FRR drops those before comparing and would say "First path received". */
  ReachableNextHop: 'Reachable Next Hop',
  /** Higher weight. */
  Weight: 'Weight',
  /** Higher LOCAL_PREF (RFC 4271 §9.1.1 degree of preference). */
  LocalPref: 'Local Pref',
  /** Locally originated over learned. */
  LocalRoute: 'Local Route',
  /** Shorter AS_PATH (RFC 4271 §9.1.2.2 (a)). */
  AsPath: 'AS Path',
  /** Lower ORIGIN (§9.1.2.2 (b)). */
  Origin: 'Origin',
  /** Lower MULTI_EXIT_DISC among paths from the same neighbour AS (§9.1.2.2 (c)). */
  Med: 'MED',
  /** eBGP over iBGP (§9.1.2.2 (d)). */
  PeerType: 'Peer Type',
  /** Lower interior cost to the NEXT_HOP (§9.1.2.2 (e)). */
  IgpMetric: 'IGP Metric',
  /** Confederation-external over confederation-internal (FRR, after the IGP cost). */
  ConfedPeerType: 'Confed Peer Type',
  /** The older of two eBGP paths (RFC 5004). */
  OlderPath: 'Older Path',
  /** Lower BGP Identifier, or ORIGINATOR_ID where present (§9.1.2.2 (f), RFC 4456 §9). */
  RouterId: 'Router ID',
  /** Shorter CLUSTER_LIST (RFC 4456 §9). */
  ClusterLength: 'Cluster length',
  /** A fresh path over one kept stale across a graceful restart. */
  PathStaleness: 'Path Staleness',
  /** A path from a peer over a locally configured one that has no peer address (FRR's order). */
  LocallyConfigured: 'Locally configured route',
  /** Lower peer address (§9.1.2.2 (g)). */
  NeighborIp: 'Neighbor IP',
  /** Candidates equal on every step: the earliest in the input wins. */
  NothingLeft: 'Nothing left to compare',
  /** routekit: lower administrative distance. */
  Distance: 'Administrative Distance',
  /** routekit: equal distance, different protocols: the fixed protocol order decides. */
  ProtocolOrder: 'Protocol Order',
  /** routekit: OSPF intra-area < inter-area < external type 1 < external type 2. */
  OspfPathType: 'OSPF Path Type',
  /** routekit: lower protocol metric (OSPF type 2 metric first, then cost). */
  Metric: 'Metric',
} as const;
export type Reason = (typeof Reason)[keyof typeof Reason];

/**
 * The BGP steps in the order the decision process applies them (after
 * {@link Reason.FirstPath}), ending with the fall-through {@link Reason.NothingLeft}.
 */
export const BGP_STEPS: readonly Reason[] = [
  Reason.ReachableNextHop,
  Reason.Weight,
  Reason.LocalPref,
  Reason.LocalRoute,
  Reason.AsPath,
  Reason.Origin,
  Reason.Med,
  Reason.PeerType,
  Reason.IgpMetric,
  Reason.ConfedPeerType,
  Reason.OlderPath,
  Reason.RouterId,
  Reason.ClusterLength,
  Reason.PathStaleness,
  Reason.LocallyConfigured,
  Reason.NeighborIp,
  Reason.NothingLeft,
];

/** The steps between protocols and within a non-BGP protocol, in order. */
export const RIB_STEPS: readonly Reason[] = [
  Reason.Distance,
  Reason.ProtocolOrder,
  Reason.OspfPathType,
  Reason.Metric,
  Reason.NothingLeft,
];

/**
 * The FRR `bgp_path_selection_reason` texts route selection never produces, with why:
 * EVPN and VPN steps are outside unicast selection, AIGP and the confederation AS_PATH
 * count are FRR options routekit does not model.
 */
export const FRR_REASONS_NOT_PRODUCED: readonly string[] = [
  'Nothing to Select',
  'EVPN Sticky Mac',
  'EVPN sequence number',
  'EVPN local ES path',
  'EVPN non proxy',
  'EVPN lower IP',
  'Confederation based AS Path',
];
