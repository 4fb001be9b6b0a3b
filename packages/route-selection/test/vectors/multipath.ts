// BGP multipath and RFC 5004 vectors. Multipath members tie the best path on every
// step up to and including the IGP cost (and the confederation peer type), and must
// come from the best path's neighbour AS (eBGP) or carry the same AS_PATH (iBGP) unless
// as-path relax is on. The set is ordered by the remaining tie-breakers.
import { type BgpCandidate, Origin, Reason } from '../../src/index.js';
import { addr, bgp, rid, type SelectionVector } from './paths.js';

const ebgp = {
  peerType: 'external',
  asPathLength: 2,
  origin: Origin.Igp,
  neighborAs: 65001,
  igpCost: 0,
} as const;

const ibgp = {
  peerType: 'internal',
  asPathLength: 2,
  origin: Origin.Igp,
  neighborAs: 65001,
  igpCost: 10,
} as const;

export const multipathVectors: readonly SelectionVector<BgpCandidate<string>>[] = [
  {
    name: 'three eBGP paths from one neighbour AS: all multipath, ordered by router id',
    candidates: [
      bgp('r3', { ...ebgp, routerId: rid('10.0.0.3'), peerAddress: addr('192.0.2.1') }),
      bgp('r1', { ...ebgp, routerId: rid('10.0.0.1'), peerAddress: addr('192.0.2.3') }),
      bgp('r2', { ...ebgp, routerId: rid('10.0.0.2'), peerAddress: addr('192.0.2.2') }),
    ],
    options: { maxPaths: 4 },
    best: 'r1',
    ecmp: ['r1', 'r2', 'r3'],
    reason: Reason.RouterId,
  },
  {
    name: 'maxPaths 2 keeps the best two',
    candidates: [
      bgp('r3', { ...ebgp, routerId: rid('10.0.0.3'), peerAddress: addr('192.0.2.1') }),
      bgp('r1', { ...ebgp, routerId: rid('10.0.0.1'), peerAddress: addr('192.0.2.3') }),
      bgp('r2', { ...ebgp, routerId: rid('10.0.0.2'), peerAddress: addr('192.0.2.2') }),
    ],
    options: { maxPaths: 2 },
    best: 'r1',
    ecmp: ['r1', 'r2'],
    reason: Reason.RouterId,
  },
  {
    name: 'maxPaths 1 (the default): no multipath',
    candidates: [
      bgp('r2', { ...ebgp, routerId: rid('10.0.0.2'), peerAddress: addr('192.0.2.2') }),
      bgp('r1', { ...ebgp, routerId: rid('10.0.0.1'), peerAddress: addr('192.0.2.3') }),
    ],
    best: 'r1',
    reason: Reason.RouterId,
  },
  {
    name: 'a higher IGP cost is not multipath',
    candidates: [
      bgp('near', {
        ...ebgp,
        igpCost: 1,
        routerId: rid('10.0.0.2'),
        peerAddress: addr('192.0.2.2'),
      }),
      bgp('far', {
        ...ebgp,
        igpCost: 2,
        routerId: rid('10.0.0.1'),
        peerAddress: addr('192.0.2.1'),
      }),
    ],
    options: { maxPaths: 4 },
    best: 'near',
    reason: Reason.IgpMetric,
  },
  {
    name: 'a path that lost on MED is not multipath even though the IGP cost ties',
    candidates: [
      bgp('med0', { ...ebgp, med: 0, routerId: rid('10.0.0.2'), peerAddress: addr('192.0.2.2') }),
      bgp('med5', { ...ebgp, med: 5, routerId: rid('10.0.0.1'), peerAddress: addr('192.0.2.1') }),
      bgp('med0b', { ...ebgp, med: 0, routerId: rid('10.0.0.3'), peerAddress: addr('192.0.2.3') }),
    ],
    options: { maxPaths: 4 },
    best: 'med0',
    ecmp: ['med0', 'med0b'],
    reason: Reason.RouterId,
  },
  {
    name: 'eBGP paths from different neighbour ASes: no multipath',
    candidates: [
      bgp('as1', {
        ...ebgp,
        neighborAs: 65001,
        routerId: rid('10.0.0.1'),
        peerAddress: addr('192.0.2.1'),
      }),
      bgp('as2', {
        ...ebgp,
        neighborAs: 65002,
        routerId: rid('10.0.0.2'),
        peerAddress: addr('192.0.2.2'),
      }),
    ],
    options: { maxPaths: 4 },
    best: 'as1',
    reason: Reason.RouterId,
  },
  {
    name: 'asPathRelax: the same two paths are multipath',
    candidates: [
      bgp('as1', {
        ...ebgp,
        neighborAs: 65001,
        routerId: rid('10.0.0.1'),
        peerAddress: addr('192.0.2.1'),
      }),
      bgp('as2', {
        ...ebgp,
        neighborAs: 65002,
        routerId: rid('10.0.0.2'),
        peerAddress: addr('192.0.2.2'),
      }),
    ],
    options: { maxPaths: 4, bgp: { asPathRelax: true } },
    best: 'as1',
    ecmp: ['as1', 'as2'],
    reason: Reason.RouterId,
  },
  {
    name: 'eBGP and iBGP never mix: the iBGP path lost at "Peer Type"',
    candidates: [
      bgp('ext', {
        ...ebgp,
        igpCost: 10,
        routerId: rid('10.0.0.2'),
        peerAddress: addr('192.0.2.2'),
      }),
      bgp('int', { ...ibgp, routerId: rid('10.0.0.1'), peerAddress: addr('192.0.2.1') }),
    ],
    options: { maxPaths: 4, bgp: { asPathRelax: true } },
    best: 'ext',
    reason: Reason.PeerType,
  },
  {
    name: 'iBGP multipath needs identical AS_PATHs (asPathKey)',
    candidates: [
      bgp('x1', {
        ...ibgp,
        asPathKey: '65001 65100',
        routerId: rid('10.0.0.1'),
        peerAddress: addr('192.0.2.1'),
      }),
      bgp('x2', {
        ...ibgp,
        asPathKey: '65001 65100',
        routerId: rid('10.0.0.2'),
        peerAddress: addr('192.0.2.2'),
      }),
      bgp('y', {
        ...ibgp,
        asPathKey: '65001 65200',
        routerId: rid('10.0.0.3'),
        peerAddress: addr('192.0.2.3'),
      }),
    ],
    options: { maxPaths: 4 },
    best: 'x1',
    ecmp: ['x1', 'x2'],
    reason: Reason.RouterId,
  },
  {
    name: 'iBGP without asPathKey: multipath by neighbour AS',
    candidates: [
      bgp('x1', { ...ibgp, routerId: rid('10.0.0.1'), peerAddress: addr('192.0.2.1') }),
      bgp('x2', { ...ibgp, routerId: rid('10.0.0.2'), peerAddress: addr('192.0.2.2') }),
      bgp('z', {
        ...ibgp,
        neighborAs: 65002,
        routerId: rid('10.0.0.3'),
        peerAddress: addr('192.0.2.3'),
      }),
    ],
    options: { maxPaths: 4 },
    best: 'x1',
    ecmp: ['x1', 'x2'],
    reason: Reason.RouterId,
  },
  {
    name: 'route reflection: ORIGINATOR_ID and CLUSTER_LIST order the set',
    candidates: [
      bgp('rr-a', {
        ...ibgp,
        routerId: rid('10.0.0.5'),
        originatorId: rid('10.0.0.7'),
        clusterListLength: 1,
        peerAddress: addr('192.0.2.5'),
      }),
      bgp('rr-b', {
        ...ibgp,
        routerId: rid('10.0.0.6'),
        originatorId: rid('10.0.0.7'),
        clusterListLength: 2,
        peerAddress: addr('192.0.2.6'),
      }),
      bgp('direct', { ...ibgp, routerId: rid('10.0.0.8'), peerAddress: addr('192.0.2.8') }),
    ],
    options: { maxPaths: 4 },
    best: 'rr-a',
    ecmp: ['rr-a', 'rr-b', 'direct'],
    reason: Reason.ClusterLength,
  },
];

export const rfc5004Vectors: readonly SelectionVector<BgpCandidate<string>>[] = [
  {
    name: 'default (RFC 4271): of two eBGP paths the lower router id wins, however new',
    candidates: [
      bgp('old', {
        ...ebgp,
        neighborAs: 65001,
        arrivalTime: 100,
        routerId: rid('10.0.0.9'),
        peerAddress: addr('192.0.2.1'),
      }),
      bgp('new', {
        ...ebgp,
        neighborAs: 65002,
        arrivalTime: 200,
        routerId: rid('10.0.0.1'),
        peerAddress: addr('192.0.2.2'),
      }),
    ],
    best: 'new',
    reason: Reason.RouterId,
  },
  {
    name: 'preferOlderExternal (RFC 5004): the path that arrived first stays',
    candidates: [
      bgp('old', {
        ...ebgp,
        neighborAs: 65001,
        arrivalTime: 100,
        routerId: rid('10.0.0.9'),
        peerAddress: addr('192.0.2.1'),
      }),
      bgp('new', {
        ...ebgp,
        neighborAs: 65002,
        arrivalTime: 200,
        routerId: rid('10.0.0.1'),
        peerAddress: addr('192.0.2.2'),
      }),
    ],
    options: { bgp: { preferOlderExternal: true } },
    best: 'old',
    reason: Reason.OlderPath,
  },
  {
    name: 'preferOlderExternal does not apply to iBGP paths',
    candidates: [
      bgp('old', {
        ...ibgp,
        arrivalTime: 100,
        routerId: rid('10.0.0.9'),
        peerAddress: addr('192.0.2.1'),
      }),
      bgp('new', {
        ...ibgp,
        arrivalTime: 200,
        routerId: rid('10.0.0.1'),
        peerAddress: addr('192.0.2.2'),
      }),
    ],
    options: { bgp: { preferOlderExternal: true } },
    best: 'new',
    reason: Reason.RouterId,
  },
  {
    name: 'preferOlderExternal with multipath: the older path leads the set',
    candidates: [
      bgp('new', {
        ...ebgp,
        arrivalTime: 200,
        routerId: rid('10.0.0.1'),
        peerAddress: addr('192.0.2.2'),
      }),
      bgp('old', {
        ...ebgp,
        arrivalTime: 100,
        routerId: rid('10.0.0.9'),
        peerAddress: addr('192.0.2.1'),
      }),
    ],
    options: { maxPaths: 2, bgp: { preferOlderExternal: true } },
    best: 'old',
    ecmp: ['old', 'new'],
    reason: Reason.OlderPath,
  },
];
