// MED vectors: missing MED, always-compare-med, and the classic non-transitive triple.
import { type BgpCandidate, Origin, Reason } from '../../src/index.js';
import { addr, bgp, rid, type SelectionVector } from './paths.js';

const base = {
  peerType: 'internal',
  asPathLength: 2,
  origin: Origin.Igp,
} as const;

export const medVectors: readonly SelectionVector<BgpCandidate<string>>[] = [
  {
    name: 'missing MED counts as 0 (RFC 4271 §9.1.2.2 (c)): it beats MED 5',
    candidates: [
      bgp('no-med', {
        ...base,
        neighborAs: 65010,
        igpCost: 20,
        routerId: rid('10.0.0.2'),
        peerAddress: addr('192.0.2.2'),
      }),
      bgp('med-5', {
        ...base,
        neighborAs: 65010,
        med: 5,
        igpCost: 10,
        routerId: rid('10.0.0.1'),
        peerAddress: addr('192.0.2.1'),
      }),
    ],
    best: 'no-med',
    reason: Reason.Med,
  },
  {
    name: 'missingMedAsWorst: a missing MED is 4294967295 and loses to MED 5',
    candidates: [
      bgp('no-med', {
        ...base,
        neighborAs: 65010,
        igpCost: 10,
        routerId: rid('10.0.0.1'),
        peerAddress: addr('192.0.2.1'),
      }),
      bgp('med-5', {
        ...base,
        neighborAs: 65010,
        med: 5,
        igpCost: 20,
        routerId: rid('10.0.0.2'),
        peerAddress: addr('192.0.2.2'),
      }),
    ],
    options: { bgp: { missingMedAsWorst: true } },
    best: 'med-5',
    reason: Reason.Med,
  },
  {
    name: 'missingMedAsWorst: MED 4294967295 ties a missing MED, the IGP cost decides',
    candidates: [
      bgp('no-med', {
        ...base,
        neighborAs: 65010,
        igpCost: 20,
        routerId: rid('10.0.0.1'),
        peerAddress: addr('192.0.2.1'),
      }),
      bgp('max-med', {
        ...base,
        neighborAs: 65010,
        med: 0xffff_ffff,
        igpCost: 10,
        routerId: rid('10.0.0.2'),
        peerAddress: addr('192.0.2.2'),
      }),
    ],
    options: { bgp: { missingMedAsWorst: true } },
    best: 'max-med',
    reason: Reason.IgpMetric,
  },
  {
    name: 'MED from different neighbour ASes is not compared: the IGP cost decides',
    candidates: [
      bgp('as1-med0', {
        ...base,
        neighborAs: 65001,
        med: 0,
        igpCost: 20,
        routerId: rid('10.0.0.1'),
        peerAddress: addr('192.0.2.1'),
      }),
      bgp('as2-med9', {
        ...base,
        neighborAs: 65002,
        med: 9,
        igpCost: 10,
        routerId: rid('10.0.0.2'),
        peerAddress: addr('192.0.2.2'),
      }),
    ],
    best: 'as2-med9',
    reason: Reason.IgpMetric,
  },
  {
    name: 'alwaysCompareMed: the same two paths, MED decides across neighbour ASes',
    candidates: [
      bgp('as1-med0', {
        ...base,
        neighborAs: 65001,
        med: 0,
        igpCost: 20,
        routerId: rid('10.0.0.1'),
        peerAddress: addr('192.0.2.1'),
      }),
      bgp('as2-med9', {
        ...base,
        neighborAs: 65002,
        med: 9,
        igpCost: 10,
        routerId: rid('10.0.0.2'),
        peerAddress: addr('192.0.2.2'),
      }),
    ],
    options: { bgp: { alwaysCompareMed: true } },
    best: 'as1-med0',
    reason: Reason.Med,
  },
  {
    name: 'per-AS elimination: each neighbour AS keeps its lowest MED, then the IGP cost picks among the groups',
    candidates: [
      bgp('a1', {
        ...base,
        neighborAs: 65001,
        med: 10,
        igpCost: 30,
        routerId: rid('10.0.0.1'),
        peerAddress: addr('192.0.2.1'),
      }),
      bgp('a2', {
        ...base,
        neighborAs: 65001,
        med: 20,
        igpCost: 5,
        routerId: rid('10.0.0.2'),
        peerAddress: addr('192.0.2.2'),
      }),
      bgp('b1', {
        ...base,
        neighborAs: 65002,
        med: 50,
        igpCost: 20,
        routerId: rid('10.0.0.3'),
        peerAddress: addr('192.0.2.3'),
      }),
      bgp('b2', {
        ...base,
        neighborAs: 65002,
        med: 60,
        igpCost: 1,
        routerId: rid('10.0.0.4'),
        peerAddress: addr('192.0.2.4'),
      }),
      bgp('c1', {
        ...base,
        neighborAs: 65003,
        igpCost: 25,
        routerId: rid('10.0.0.5'),
        peerAddress: addr('192.0.2.5'),
      }),
    ],
    best: 'b1',
    reason: Reason.IgpMetric,
  },
];

/**
 * The classic MED triple (RFC 4271 §9.1.2.2 (c); Cisco's "deterministic-med" note;
 * RFC 3345 §2 for the oscillations it causes). All three are iBGP paths:
 *
 * | path | neighbour AS | MED | IGP cost |
 * |---|---|---|---|
 * | A | 65100 | 10 | 30 |
 * | B | 65100 | 20 | 10 |
 * | C | 65200 | 5  | 20 |
 *
 * Pairwise: A beats B on MED (same AS); B beats C on IGP cost (different AS, MED not
 * compared); C beats A on IGP cost. A cycle, so no comparator sort can be right.
 *
 * RFC elimination: MED removes B (A has a lower MED in AS 65100); of A and C the IGP
 * cost keeps C. C wins, whatever the input order.
 */
export const TRIPLE: {
  readonly A: BgpCandidate<string>;
  readonly B: BgpCandidate<string>;
  readonly C: BgpCandidate<string>;
} = {
  A: bgp('A', {
    ...base,
    neighborAs: 65100,
    med: 10,
    igpCost: 30,
    routerId: rid('10.0.0.1'),
    peerAddress: addr('192.0.2.1'),
  }),
  B: bgp('B', {
    ...base,
    neighborAs: 65100,
    med: 20,
    igpCost: 10,
    routerId: rid('10.0.0.2'),
    peerAddress: addr('192.0.2.2'),
  }),
  C: bgp('C', {
    ...base,
    neighborAs: 65200,
    med: 5,
    igpCost: 20,
    routerId: rid('10.0.0.3'),
    peerAddress: addr('192.0.2.3'),
  }),
};

/** The pairwise cycle: each row is one comparison and who wins it. */
export const triplePairs: readonly {
  readonly a: keyof typeof TRIPLE;
  readonly b: keyof typeof TRIPLE;
  readonly preferred: 'a' | 'b';
  readonly reason: Reason;
}[] = [
  { a: 'A', b: 'B', preferred: 'a', reason: Reason.Med },
  { a: 'B', b: 'C', preferred: 'a', reason: Reason.IgpMetric },
  { a: 'C', b: 'A', preferred: 'a', reason: Reason.IgpMetric },
];

/** The RFC answer, the same for every input order. */
export const tripleRfcAnswer: { readonly best: 'C'; readonly reason: Reason } = {
  best: 'C',
  reason: Reason.IgpMetric,
};

/**
 * The `arrival-order` walk (FRR / Cisco without deterministic-med): paths are compared
 * newest first, each against the best so far; the reason is that of the last
 * comparison. `newestFirst` lists the paths by arrival, newest first.
 */
export const tripleArrivalOrder: readonly {
  readonly newestFirst: readonly (keyof typeof TRIPLE)[];
  readonly best: keyof typeof TRIPLE;
  readonly reason: Reason;
}[] = [
  // A; B loses to A on MED; C beats A on IGP cost.
  { newestFirst: ['A', 'B', 'C'], best: 'C', reason: Reason.IgpMetric },
  // C; A loses to C on IGP cost; B beats C on IGP cost.
  { newestFirst: ['C', 'A', 'B'], best: 'B', reason: Reason.IgpMetric },
  // B; C loses to B on IGP cost; A beats B on MED.
  { newestFirst: ['B', 'C', 'A'], best: 'A', reason: Reason.Med },
  // A; C beats A on IGP cost; B beats C on IGP cost.
  { newestFirst: ['A', 'C', 'B'], best: 'B', reason: Reason.IgpMetric },
  // B; A beats B on MED; C beats A on IGP cost.
  { newestFirst: ['B', 'A', 'C'], best: 'C', reason: Reason.IgpMetric },
  // C; B beats C on IGP cost; A beats B on MED.
  { newestFirst: ['C', 'B', 'A'], best: 'A', reason: Reason.Med },
];
