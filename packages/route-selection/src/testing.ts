/**
 * fast-check arbitraries of route selection's model (`@routekit/route-selection/testing`),
 * for this package's properties and for the RIB's and engines' own. Needs the optional
 * peer dependency `fast-check` (v4).
 *
 * Values come from deliberately small domains (three neighbour ASes, four router ids,
 * a handful of peer addresses, MEDs 0..3…) so that candidates tie often and every step
 * of the decision process, down to the last tie-breaker, gets exercised.
 */
import { type Address, ipv4, ipv6 } from '@routekit/prefix';
import {
  type Arbitrary,
  array,
  boolean,
  constant,
  constantFrom,
  integer,
  oneof,
  option,
  record,
  subarray,
  tuple,
} from 'fast-check';
import type {
  BgpCandidate,
  Candidate,
  MetricCandidate,
  OspfCandidate,
  OspfPathType,
  PeerType,
} from './candidate.js';
import type { BgpOptions, SelectOptions } from './options.js';

/** The peer addresses candidates are drawn from: four IPv4 and two IPv6 documentation addresses. */
export const PEER_ADDRESSES: readonly Address[] = [
  ipv4(0xc000_0201), // 192.0.2.1
  ipv4(0xc000_0202),
  ipv4(0xc000_0203),
  ipv4(0xc000_0204),
  ipv6(0x2001_0db8, 0, 0, 1), // 2001:db8::1
  ipv6(0x2001_0db8, 0, 0, 2),
];

/** Sizes of a generated candidate list. */
export interface ListConstraints {
  readonly minLength?: number;
  readonly maxLength?: number;
}

function undef<T>(arb: Arbitrary<T>, freq = 1): Arbitrary<T | undefined> {
  return option(arb, { nil: undefined, freq });
}

/** Make every field that holds `undefined` absent, as engines that spread optional data produce. */
function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** A BGP path with `route` = `undefined`; see {@link arbBgpCandidates} for labelled lists. */
export function arbBgpCandidate(): Arbitrary<BgpCandidate<undefined>> {
  return record({
    peerType: constantFrom<PeerType>('external', 'internal', 'confed-external'),
    nextHopReachable: undef(oneof({ arbitrary: constant(true), weight: 9 }, constant(false)), 3),
    weight: undef(constantFrom(0, 100), 3),
    localPref: undef(constantFrom(100, 200), 3),
    locallyOriginated: undef(oneof({ arbitrary: constant(false), weight: 6 }, constant(true)), 3),
    asPathLength: integer({ min: 0, max: 3 }),
    origin: constantFrom(0, 1, 2),
    med: undef(integer({ min: 0, max: 3 }), 3),
    neighborAs: constantFrom(65001, 65002, 65003),
    igpCost: undef(integer({ min: 0, max: 3 }), 3),
    routerId: integer({ min: 1, max: 4 }),
    originatorId: undef(integer({ min: 1, max: 4 }), 2),
    clusterListLength: undef(integer({ min: 0, max: 2 }), 3),
    peerAddress: undef(constantFrom(...PEER_ADDRESSES), 12),
    arrivalTime: undef(integer({ min: 0, max: 5 }), 3),
    stale: undef(oneof({ arbitrary: constant(false), weight: 6 }, constant(true)), 3),
    asPathKey: undef(constantFrom('a', 'b'), 3),
    distance: undef(constantFrom(20, 200, 255), 6),
  }).map(
    (r) =>
      compact({ ...r, protocol: 'bgp', route: undefined }) as unknown as BgpCandidate<undefined>,
  );
}

/** An OSPF route (path type, cost, type 2 metric for `external-2`). */
export function arbOspfCandidate(): Arbitrary<OspfCandidate<undefined>> {
  return tuple(
    undef(constantFrom<OspfPathType>('intra-area', 'inter-area', 'external-1', 'external-2'), 3),
    integer({ min: 0, max: 3 }),
    integer({ min: 0, max: 3 }),
    undef(constantFrom(90, 110, 255), 6),
  ).map(([pathType, metric, type2, distance]) =>
    compact({
      protocol: 'ospf' as const,
      route: undefined,
      pathType,
      metric,
      type2Metric: pathType === 'external-2' ? type2 : undefined,
      distance,
    }),
  );
}

/** A connected, static, IS-IS or RIP route (RIP metric may be 16, infinity). */
export function arbMetricCandidate(): Arbitrary<MetricCandidate<undefined>> {
  return tuple(
    constantFrom<MetricCandidate['protocol']>('connected', 'static', 'isis', 'rip'),
    integer({ min: 0, max: 3 }),
    boolean(),
    undef(constantFrom(1, 110, 150, 255), 6),
  ).map(([protocol, metric, infinite, distance]) =>
    compact({
      protocol,
      route: undefined,
      metric: protocol === 'rip' && infinite ? 16 : metric,
      distance,
    }),
  );
}

/** A candidate of any protocol, BGP most often. */
export function arbCandidate(): Arbitrary<Candidate<undefined>> {
  const bgp: Arbitrary<Candidate<undefined>> = arbBgpCandidate();
  const ospf: Arbitrary<Candidate<undefined>> = arbOspfCandidate();
  const other: Arbitrary<Candidate<undefined>> = arbMetricCandidate();
  return oneof(
    { arbitrary: bgp, weight: 3 },
    { arbitrary: ospf, weight: 1 },
    { arbitrary: other, weight: 1 },
  );
}

function labelled<C extends { readonly route: undefined }>(
  arb: Arbitrary<C[]>,
): Arbitrary<(Omit<C, 'route'> & { readonly route: number })[]> {
  return arb.map((cs) => cs.map((c, i) => ({ ...c, route: i })));
}

const BGP_FIELDS = [
  'peerType',
  'nextHopReachable',
  'weight',
  'localPref',
  'locallyOriginated',
  'asPathLength',
  'origin',
  'med',
  'neighborAs',
  'igpCost',
  'routerId',
  'originatorId',
  'clusterListLength',
  'peerAddress',
  'arrivalTime',
  'stale',
  'asPathKey',
  'distance',
] as const;

/**
 * Paths that share most attributes: copies of one template path, each with a few
 * fields (0..3) taken from another random path. Such lists tie through many steps, so
 * the late tie-breakers (router id, CLUSTER_LIST, peer address…) and multipath decide
 * often — independent random paths almost never get that far.
 */
function arbSimilarBgp(minLength: number, maxLength: number): Arbitrary<BgpCandidate<undefined>[]> {
  const variant = tuple(arbBgpCandidate(), subarray([...BGP_FIELDS], { maxLength: 3 }));
  return tuple(arbBgpCandidate(), array(variant, { minLength, maxLength })).map(
    ([template, variants]) =>
      variants.map(([other, changed]) => {
        const c: Record<string, unknown> = { ...template };
        for (const f of changed) {
          if (other[f] === undefined) delete c[f];
          else c[f] = other[f];
        }
        return c as unknown as BgpCandidate<undefined>;
      }),
  );
}

/**
 * A list of BGP paths whose `route` is its position in the list (a unique label): half
 * the time independent paths, half the time similar ones (see `arbSimilarBgp`).
 */
export function arbBgpCandidates(
  constraints: ListConstraints = {},
): Arbitrary<BgpCandidate<number>[]> {
  const { minLength = 0, maxLength = 8 } = constraints;
  return labelled(
    oneof(array(arbBgpCandidate(), { minLength, maxLength }), arbSimilarBgp(minLength, maxLength)),
  ) as Arbitrary<BgpCandidate<number>[]>;
}

/**
 * A list of candidates of any protocol whose `route` is its position in the list:
 * independent candidates, or similar BGP paths mixed with up to three other routes.
 */
export function arbCandidates(constraints: ListConstraints = {}): Arbitrary<Candidate<number>[]> {
  const { minLength = 0, maxLength = 8 } = constraints;
  const independent = array(arbCandidate(), { minLength, maxLength });
  const others: Arbitrary<Candidate<undefined>> = oneof(arbOspfCandidate(), arbMetricCandidate());
  const mixed = tuple(arbSimilarBgp(0, maxLength), array(others, { maxLength: 3 }))
    .map(([bgp, rest]): Candidate<undefined>[] => [...bgp, ...rest].slice(0, maxLength))
    .filter((cs) => cs.length >= minLength);
  return labelled(oneof(independent, mixed)) as Arbitrary<Candidate<number>[]>;
}

/** BGP options for the default (`deterministic`) mode, every flag drawn. */
export function arbBgpOptions(): Arbitrary<BgpOptions> {
  return record(
    {
      alwaysCompareMed: boolean(),
      missingMedAsWorst: boolean(),
      preferOlderExternal: boolean(),
      defaultLocalPref: constantFrom(100, 150),
      asPathRelax: boolean(),
    },
    { requiredKeys: [] },
  );
}

/** Options for {@link selectBest}: BGP options, `maxPaths` 1..4, sometimes a distance override. */
export function arbSelectOptions(): Arbitrary<SelectOptions> {
  return record(
    {
      bgp: arbBgpOptions(),
      maxPaths: integer({ min: 1, max: 4 }),
      distances: record(
        { ospf: constantFrom(20, 110, 200), static: constantFrom(1, 200) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  );
}
