import { addressOrThrow } from '@routekit/prefix';
import {
  AsPathSegmentType,
  asPathLength,
  type BgpCandidate,
  type Candidate,
  neighborAs,
  selectBest,
  selectBgp,
} from '@routekit/route-selection';

// One router's candidates for the anycast service prefix 10.128.224.2/32: two eBGP
// paths from the servers' upstream AS 65001, one iBGP path through a route reflector,
// an OSPF external route and a floating static. `route` carries your own route object;
// here just a label.
const LOCAL_AS = 64512;
const id = (text: string) => addressOrThrow(text, { family: 4 }).value;
const upstream = [{ type: AsPathSegmentType.AsSequence, asns: [65001] }];

const ebgp = (peer: string, routerId: string): BgpCandidate<string> => ({
  protocol: 'bgp',
  route: `eBGP via ${peer}`,
  peerType: 'external',
  asPathLength: asPathLength(upstream),
  neighborAs: neighborAs(upstream, LOCAL_AS),
  origin: 0,
  med: 10,
  routerId: id(routerId),
  peerAddress: addressOrThrow(peer),
});

const candidates: Candidate<string>[] = [
  ebgp('192.0.2.5', '198.51.100.5'),
  ebgp('192.0.2.1', '198.51.100.1'),
  {
    protocol: 'bgp',
    route: 'iBGP via 10.0.0.9',
    peerType: 'internal',
    localPref: 100,
    asPathLength: 1,
    neighborAs: 65002,
    origin: 0,
    igpCost: 20,
    routerId: id('10.0.0.9'),
    originatorId: id('10.0.0.3'),
    clusterListLength: 1,
    peerAddress: addressOrThrow('10.0.0.9'),
  },
  { protocol: 'ospf', route: 'OSPF E2', pathType: 'external-2', metric: 20, type2Metric: 20 },
  { protocol: 'static', route: 'floating static', metric: 0, distance: 250 },
];

const show = (sel: { best: { route: string }; reason: string } | undefined) =>
  sel === undefined ? 'nothing' : `${sel.best.route} (${sel.reason})`;

// The RIB's question: which route to install, with which ECMP set, and why.
const rib = selectBest(candidates, { maxPaths: 4 });
console.log('installed:', show(rib));
console.log('ECMP:', rib?.ecmp.map((c) => c.route).join(', '));
// BGP's own choice (what it advertises), found by the RFC 4271 decision process.
console.log('BGP best:', show(selectBgp(candidates.filter((c) => c.protocol === 'bgp'))));

// The upstream's next hops stop resolving: BGP falls back to the iBGP path, which at
// distance 200 loses to OSPF (110).
const failed = candidates.map((c) =>
  c.protocol === 'bgp' && c.peerType === 'external' ? { ...c, nextHopReachable: false } : c,
);
console.log('after the failure:', show(selectBest(failed)));
console.log('BGP best:', show(selectBgp(failed.filter((c) => c.protocol === 'bgp'))));
