// selectBest vectors: administrative distance between protocols, each protocol's own
// comparison within it, ECMP of IGP routes, and BGP's place in the RIB.
import { BIRD_DISTANCES, type Candidate, Origin, Reason } from '../../src/index.js';
import { addr, bgp, ospf, other, rid, type SelectionVector } from './paths.js';

const ebgp = {
  peerType: 'external',
  asPathLength: 2,
  origin: Origin.Igp,
  neighborAs: 65001,
  routerId: rid('10.0.0.1'),
  peerAddress: addr('192.0.2.1'),
} as const;

const ibgp = {
  peerType: 'internal',
  asPathLength: 2,
  origin: Origin.Igp,
  neighborAs: 65002,
  routerId: rid('10.0.0.2'),
  peerAddress: addr('192.0.2.2'),
} as const;

export const distanceVectors: readonly SelectionVector<Candidate<string>>[] = [
  {
    name: 'connected (0) beats static (1), eBGP (20), OSPF (110), IS-IS (115), RIP (120)',
    candidates: [
      other('rip', 'rip', { metric: 1 }),
      other('isis', 'isis', { metric: 0 }),
      ospf('ospf', { metric: 0 }),
      bgp('ebgp', ebgp),
      other('static', 'static', { metric: 0 }),
      other('connected', 'connected', { metric: 5 }),
    ],
    best: 'connected',
    reason: Reason.Distance,
  },
  {
    name: 'static (1) beats eBGP (20) whatever its metric',
    candidates: [other('static', 'static', { metric: 1000 }), bgp('ebgp', ebgp)],
    best: 'static',
    reason: Reason.Distance,
  },
  {
    name: 'eBGP (20) beats OSPF (110) with a lower metric',
    candidates: [ospf('ospf', { metric: 1 }), bgp('ebgp', ebgp)],
    best: 'ebgp',
    reason: Reason.Distance,
  },
  {
    name: 'OSPF (110) beats IS-IS (115) beats RIP (120)',
    candidates: [
      other('rip', 'rip', { metric: 1 }),
      other('isis', 'isis', { metric: 1 }),
      ospf('ospf', { metric: 50 }),
    ],
    best: 'ospf',
    reason: Reason.Distance,
  },
  {
    name: 'RIP (120) beats iBGP (200)',
    candidates: [bgp('ibgp', ibgp), other('rip', 'rip', { metric: 15 })],
    best: 'rip',
    reason: Reason.Distance,
  },
  {
    name: 'inside BGP, LOCAL_PREF decides before distance: iBGP (LOCAL_PREF 200) beats eBGP (100)',
    candidates: [
      bgp('ebgp', { ...ebgp, localPref: 100 }),
      bgp('ibgp', { ...ibgp, localPref: 200 }),
    ],
    best: 'ibgp',
    reason: Reason.LocalPref,
  },
  {
    name: '…and that iBGP choice (distance 200) then loses to OSPF (110), as in FRR: bgpd picks, zebra compares',
    candidates: [
      bgp('ebgp', { ...ebgp, localPref: 100 }),
      bgp('ibgp', { ...ibgp, localPref: 200 }),
      ospf('ospf', { metric: 20 }),
    ],
    best: 'ospf',
    reason: Reason.Distance,
  },
  {
    name: 'locally originated BGP routes have distance 200 (FRR `distance bgp 20 200 200`)',
    candidates: [
      bgp('local', { ...ibgp, locallyOriginated: true, peerAddress: undefined }),
      other('rip', 'rip', { metric: 3 }),
    ],
    best: 'rip',
    reason: Reason.Distance,
  },
  {
    name: 'distance 255 is never installed',
    candidates: [other('static', 'static', { metric: 0, distance: 255 })],
    best: undefined,
  },
  {
    name: 'distance 255 drops out before anything is compared',
    candidates: [
      other('static', 'static', { metric: 0, distance: 255 }),
      other('rip', 'rip', { metric: 9 }),
    ],
    best: 'rip',
    reason: Reason.FirstPath,
  },
  {
    name: 'a BGP path at distance 255 does not take part in the decision process',
    candidates: [
      bgp('never', { ...ebgp, weight: 1000, distance: 255 }),
      bgp('ebgp', { ...ebgp, routerId: rid('10.0.0.9'), peerAddress: addr('192.0.2.9') }),
    ],
    best: 'ebgp',
    reason: Reason.FirstPath,
  },
  {
    name: 'RIP metric 16 is infinity: never installed',
    candidates: [other('rip', 'rip', { metric: 16 })],
    best: undefined,
  },
  {
    name: 'a floating static (250) loses to OSPF',
    candidates: [
      other('floating', 'static', { metric: 0, distance: 250 }),
      ospf('ospf', { metric: 30 }),
    ],
    best: 'ospf',
    reason: Reason.Distance,
  },
  {
    name: 'two statics: the lower distance wins, not the lower metric',
    candidates: [
      other('backup', 'static', { metric: 0, distance: 5 }),
      other('primary', 'static', { metric: 9 }),
    ],
    best: 'primary',
    reason: Reason.Distance,
  },
  {
    name: 'configured distances: OSPF at 15 beats eBGP at 20',
    candidates: [bgp('ebgp', ebgp), ospf('ospf', { metric: 10 })],
    options: { distances: { ospf: 15 } },
    best: 'ospf',
    reason: Reason.Distance,
  },
  {
    name: 'an explicit candidate distance overrides the table',
    candidates: [bgp('ebgp', { ...ebgp, distance: 150 }), ospf('ospf', { metric: 10 })],
    best: 'ospf',
    reason: Reason.Distance,
  },
  {
    name: 'equal distance, different protocols: the protocol order decides (static before OSPF)',
    candidates: [
      ospf('ospf', { metric: 1 }),
      other('static', 'static', { metric: 9, distance: 110 }),
    ],
    best: 'static',
    reason: Reason.ProtocolOrder,
  },
  {
    name: 'BIRD preferences: static (200) beats OSPF (150) beats RIP (120) beats BGP (100)',
    candidates: [bgp('ebgp', ebgp), other('rip', 'rip', { metric: 1 })],
    options: { distances: BIRD_DISTANCES },
    best: 'rip',
    reason: Reason.Distance,
  },
  {
    name: 'OSPF: intra-area beats inter-area with a lower cost',
    candidates: [
      ospf('inter', { pathType: 'inter-area', metric: 1 }),
      ospf('intra', { pathType: 'intra-area', metric: 100 }),
    ],
    best: 'intra',
    reason: Reason.OspfPathType,
  },
  {
    name: 'OSPF: inter-area beats external type 1',
    candidates: [
      ospf('e1', { pathType: 'external-1', metric: 1 }),
      ospf('inter', { pathType: 'inter-area', metric: 100 }),
    ],
    best: 'inter',
    reason: Reason.OspfPathType,
  },
  {
    name: 'OSPF: external type 1 beats type 2 with a lower metric',
    candidates: [
      ospf('e2', { pathType: 'external-2', metric: 1, type2Metric: 1 }),
      ospf('e1', { pathType: 'external-1', metric: 100 }),
    ],
    best: 'e1',
    reason: Reason.OspfPathType,
  },
  {
    name: 'OSPF: of two type 2 externals the lower type 2 metric wins before the cost to the ASBR',
    candidates: [
      ospf('near-asbr', { pathType: 'external-2', metric: 1, type2Metric: 20 }),
      ospf('low-t2', { pathType: 'external-2', metric: 50, type2Metric: 10 }),
    ],
    best: 'low-t2',
    reason: Reason.Metric,
  },
  {
    name: 'OSPF: equal type 2 metric, the cost to the ASBR decides',
    candidates: [
      ospf('far', { pathType: 'external-2', metric: 50, type2Metric: 10 }),
      ospf('near', { pathType: 'external-2', metric: 5, type2Metric: 10 }),
    ],
    best: 'near',
    reason: Reason.Metric,
  },
  {
    name: 'OSPF without a path type counts as intra-area',
    candidates: [
      ospf('untyped', { metric: 50 }),
      ospf('inter', { pathType: 'inter-area', metric: 1 }),
    ],
    best: 'untyped',
    reason: Reason.OspfPathType,
  },
  {
    name: 'RIP: the lower metric wins',
    candidates: [other('far', 'rip', { metric: 5 }), other('near', 'rip', { metric: 2 })],
    best: 'near',
    reason: Reason.Metric,
  },
  {
    name: 'BGP with no reachable NEXT_HOP leaves the route to RIP',
    candidates: [
      bgp('ebgp', { ...ebgp, nextHopReachable: false }),
      other('rip', 'rip', { metric: 2 }),
    ],
    best: 'rip',
    reason: Reason.ReachableNextHop,
  },
];

export const ecmpVectors: readonly SelectionVector<Candidate<string>>[] = [
  {
    name: 'three equal-cost OSPF routes, maxPaths 4: all three, input order',
    candidates: [
      ospf('via-a', { metric: 20 }),
      ospf('via-b', { metric: 20 }),
      ospf('worse', { metric: 21 }),
      ospf('via-c', { metric: 20 }),
    ],
    options: { maxPaths: 4 },
    best: 'via-a',
    ecmp: ['via-a', 'via-b', 'via-c'],
    reason: Reason.NothingLeft,
    orderIndependent: false,
  },
  {
    name: 'the same with maxPaths 2',
    candidates: [
      ospf('via-a', { metric: 20 }),
      ospf('via-b', { metric: 20 }),
      ospf('worse', { metric: 21 }),
      ospf('via-c', { metric: 20 }),
    ],
    options: { maxPaths: 2 },
    best: 'via-a',
    ecmp: ['via-a', 'via-b'],
    reason: Reason.NothingLeft,
    orderIndependent: false,
  },
  {
    name: 'equal metric but a different path type is not ECMP',
    candidates: [
      ospf('intra', { metric: 20 }),
      ospf('inter', { pathType: 'inter-area', metric: 20 }),
    ],
    options: { maxPaths: 4 },
    best: 'intra',
    reason: Reason.OspfPathType,
  },
  {
    name: 'equal distance and metric across protocols is not ECMP',
    candidates: [
      ospf('ospf', { metric: 0 }),
      other('static', 'static', { metric: 0, distance: 110 }),
    ],
    options: { maxPaths: 4 },
    best: 'static',
    reason: Reason.ProtocolOrder,
  },
  {
    name: 'BGP multipath survives the RIB: two eBGP paths beat OSPF on distance, both installed',
    candidates: [
      ospf('ospf', { metric: 1 }),
      bgp('p1', ebgp),
      bgp('p2', { ...ebgp, routerId: rid('10.0.0.2'), peerAddress: addr('192.0.2.2') }),
    ],
    options: { maxPaths: 4 },
    best: 'p1',
    ecmp: ['p1', 'p2'],
    reason: Reason.Distance,
  },
  {
    name: 'BGP-only: the multipath set and the BGP reason',
    candidates: [
      bgp('p2', { ...ebgp, routerId: rid('10.0.0.2'), peerAddress: addr('192.0.2.2') }),
      bgp('p1', ebgp),
    ],
    options: { maxPaths: 4 },
    best: 'p1',
    ecmp: ['p1', 'p2'],
    reason: Reason.RouterId,
  },
  {
    name: 'a multipath member with another configured distance is left out of the RIB set',
    candidates: [
      bgp('p1', ebgp),
      bgp('p2', {
        ...ebgp,
        routerId: rid('10.0.0.2'),
        peerAddress: addr('192.0.2.2'),
        distance: 30,
      }),
    ],
    options: { maxPaths: 4 },
    best: 'p1',
    ecmp: ['p1'],
    reason: Reason.RouterId,
  },
  {
    name: '…also when BGP won against another protocol',
    candidates: [
      bgp('p1', ebgp),
      bgp('p2', {
        ...ebgp,
        routerId: rid('10.0.0.2'),
        peerAddress: addr('192.0.2.2'),
        distance: 30,
      }),
      other('rip', 'rip', { metric: 1 }),
    ],
    options: { maxPaths: 4 },
    best: 'p1',
    ecmp: ['p1'],
    reason: Reason.Distance,
  },
];
