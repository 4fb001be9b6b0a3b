/**
 * The candidate view: the few facts route selection needs about one route to one
 * prefix, and nothing else. Engines map their own routes onto it (the BGP engine from
 * decoded path attributes, the OSPF engine from SPF results); the RIB carries its own
 * route object through untouched in `route`.
 *
 * Every candidate is plain readonly data discriminated by `protocol`. Optional fields
 * have the defaults written next to them; `undefined` means the same as absent.
 */
import type { Address } from '@routekit/prefix';
import type { Reason } from './reasons.js';

/** The protocols route selection knows how to compare. */
export const Protocol = {
  Connected: 'connected',
  Static: 'static',
  Bgp: 'bgp',
  Ospf: 'ospf',
  Isis: 'isis',
  Rip: 'rip',
} as const;
export type Protocol = (typeof Protocol)[keyof typeof Protocol];

/** Every {@link Protocol}, in the order that breaks ties of equal distance between protocols. */
export const PROTOCOLS: readonly Protocol[] = ['connected', 'static', 'bgp', 'ospf', 'isis', 'rip'];

/**
 * How a BGP path was learned (FRR's "peer sort").
 *
 * - `external`: from an eBGP peer in another AS.
 * - `internal`: from an iBGP peer, or from a confederation peer in the same member AS.
 * - `confed-external`: from a peer in another member AS of our confederation (RFC 5065);
 *   internal for the eBGP-over-iBGP step, preferred over `internal` after the IGP cost.
 */
export const PeerType = {
  External: 'external',
  Internal: 'internal',
  ConfedExternal: 'confed-external',
} as const;
export type PeerType = (typeof PeerType)[keyof typeof PeerType];

/** ORIGIN attribute values (RFC 4271 §4.3, type code 1); lower is preferred. */
export const Origin = { Igp: 0, Egp: 1, Incomplete: 2 } as const;
export type Origin = (typeof Origin)[keyof typeof Origin];

/**
 * OSPF path types in order of preference (RFC 2328 §11: intra-area, inter-area,
 * type 1 external, type 2 external).
 */
export const OspfPathType = {
  IntraArea: 'intra-area',
  InterArea: 'inter-area',
  External1: 'external-1',
  External2: 'external-2',
} as const;
export type OspfPathType = (typeof OspfPathType)[keyof typeof OspfPathType];

interface CandidateBase<T> {
  /** The caller's own route object, returned as is (never copied or read). */
  readonly route: T;
  /**
   * Administrative distance, 0..255 (lower wins, 255 = never installed). Absent: the
   * protocol's entry in the distance table (see `distance.ts`).
   */
  readonly distance?: number | undefined;
}

/**
 * A BGP path: the attributes the decision process of RFC 4271 §9.1 (and the usual
 * vendor steps before and after it) reads. The BGP engine fills it from the decoded
 * UPDATE, its import policy and its peer; `asPathLength` and `neighborAs` have helpers
 * in `as-path.ts`.
 */
export interface BgpCandidate<T = unknown> extends CandidateBase<T> {
  readonly protocol: 'bgp';
  /** How the path was learned. */
  readonly peerType: PeerType;
  /** RFC 4271 §9.1.2.1: paths whose NEXT_HOP does not resolve are not candidates. Default `true`. */
  readonly nextHopReachable?: boolean | undefined;
  /** Local weight (Cisco/FRR), higher wins. uint32, default 0. */
  readonly weight?: number | undefined;
  /** LOCAL_PREF (or the degree of preference policy computed for an eBGP path), higher wins. uint32, default `defaultLocalPref` (100). */
  readonly localPref?: number | undefined;
  /** Originated by this router (network statement, aggregate, redistribution). Default `false`. */
  readonly locallyOriginated?: boolean | undefined;
  /** AS_PATH length as RFC 4271 §9.1.2.2 (a) counts it: AS_SET = 1, confederation segments = 0. */
  readonly asPathLength: number;
  /** ORIGIN: 0 IGP, 1 EGP, 2 INCOMPLETE. */
  readonly origin: Origin;
  /** MULTI_EXIT_DISC, uint32; absent when the path carries none. */
  readonly med?: number | undefined;
  /**
   * The neighbour AS that MED comparison groups by (RFC 4271 §9.1.2.2 (c)): the first
   * AS of the AS_PATH, or the local AS for paths originated inside the AS. uint32.
   */
  readonly neighborAs: number;
  /** Interior cost to the NEXT_HOP (RFC 4271 §9.1.2.2 (e)); default 0, as when no cost can be determined. */
  readonly igpCost?: number | undefined;
  /** BGP Identifier of the peer the path came from (RFC 6286: a uint32). */
  readonly routerId: number;
  /** ORIGINATOR_ID (RFC 4456 §9), uint32; when present it replaces `routerId` in the Router ID step. */
  readonly originatorId?: number | undefined;
  /** Number of entries in CLUSTER_LIST (RFC 4456), default 0. */
  readonly clusterListLength?: number | undefined;
  /** Address of the peer the path came from; absent for locally configured paths. */
  readonly peerAddress?: Address | undefined;
  /**
   * When the path arrived, in any unit that grows with time (e.g. milliseconds of a
   * monotonic clock). Read by the RFC 5004 step and by the `arrival-order` mode. Default 0.
   */
  readonly arrivalTime?: number | undefined;
  /** Kept across a graceful restart (RFC 4724) and not yet refreshed. Default `false`. */
  readonly stale?: boolean | undefined;
  /**
   * Any value that is equal (`===`) exactly when two AS_PATHs are identical, e.g. the
   * engine's interned AS_PATH text. Used only by iBGP multipath, which needs identical
   * AS_PATHs; without it iBGP paths are multipath-compatible when their `neighborAs` match.
   */
  readonly asPathKey?: string | number | undefined;
}

/** An OSPF route: path type first, then cost (RFC 2328 §16.4, §11). */
export interface OspfCandidate<T = unknown> extends CandidateBase<T> {
  readonly protocol: 'ospf';
  /** Default `intra-area`. */
  readonly pathType?: OspfPathType | undefined;
  /** Path cost; for a type 2 external route, the cost to the ASBR / forwarding address. */
  readonly metric: number;
  /** Type 2 external metric, compared before `metric`; required for `external-2` routes. */
  readonly type2Metric?: number | undefined;
}

/** A route whose protocol compares candidates by one metric, lowest first. */
export interface MetricCandidate<T = unknown> extends CandidateBase<T> {
  readonly protocol: 'connected' | 'static' | 'isis' | 'rip';
  /** Lower wins. A RIP metric of 16 is infinity: such a route is never installed. */
  readonly metric: number;
}

/** Any candidate route for one prefix. */
export type Candidate<T = unknown> = BgpCandidate<T> | OspfCandidate<T> | MetricCandidate<T>;

/** RIP's infinity (RFC 2453 §3.6): a route with this metric is unreachable. */
export const RIP_INFINITY = 16;

/**
 * What selection returns: the winner, the ECMP set and why.
 *
 * `best` and every member of `ecmp` are the caller's candidate objects themselves.
 * `ecmp` starts with `best` and holds at most `maxPaths` candidates.
 */
export interface Selection<C> {
  readonly best: C;
  readonly ecmp: readonly C[];
  readonly reason: Reason;
}
