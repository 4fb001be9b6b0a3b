// Selection throughput. Each benchmark task selects over a batch of 1024 different
// prefixes' candidate lists (built once, outside the timing), so selections/s =
// hz × 1024. Run: `npx vitest bench --project route-selection --run`.
//
// The RIB calls selectBest once per changed prefix; a full table of 1M prefixes with
// two candidates each takes 1M / (selections/s) seconds to (re)select.
import { ipv4 } from '@routekit/prefix';
import { bench, describe } from 'vitest';
import {
  type BgpCandidate,
  type Candidate,
  compareBgpPair,
  type SelectOptions,
  selectBest,
  selectBgp,
} from '../src/index.js';

const BATCH = 1024;

/** A deterministic pseudo-random sequence (xorshift32), so runs are comparable. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

function bgpPath(r: () => number, i: number): BgpCandidate<number> {
  return {
    protocol: 'bgp',
    route: i,
    peerType: r() < 0.7 ? 'external' : 'internal',
    localPref: r() < 0.9 ? 100 : 200,
    asPathLength: 1 + Math.floor(r() * 4),
    origin: r() < 0.8 ? 0 : 2,
    med: Math.floor(r() * 3),
    neighborAs: 65001 + Math.floor(r() * 3),
    igpCost: Math.floor(r() * 20),
    routerId: 0x0a00_0000 + i,
    peerAddress: ipv4(0xc000_0200 + i),
  };
}

function batch(make: (r: () => number) => Candidate<number>[]): Candidate<number>[][] {
  const r = rng(20261122);
  return Array.from({ length: BATCH }, () => make(r));
}

const bgp2 = batch((r) => [bgpPath(r, 1), bgpPath(r, 2)]);
const bgp10 = batch((r) => Array.from({ length: 10 }, (_, i) => bgpPath(r, i + 1)));
const mixed4 = batch((r) => [
  bgpPath(r, 1),
  bgpPath(r, 2),
  { protocol: 'ospf', route: 3, pathType: 'inter-area', metric: Math.floor(r() * 100) },
  { protocol: 'static', route: 4, metric: 0, distance: 250 },
]);
const ospfEcmp4 = batch(() =>
  [1, 2, 3, 4].map((i) => ({ protocol: 'ospf', route: i, metric: 20 }) as Candidate<number>),
);
const single = batch((r) => [bgpPath(r, 1)]);

const ecmp: SelectOptions = { maxPaths: 4 };
const arrival: SelectOptions = { bgp: { mode: 'arrival-order' } };

function run(lists: readonly Candidate<number>[][], options?: SelectOptions): void {
  for (const cs of lists) selectBest(cs, options);
}

function runBgp(lists: readonly Candidate<number>[][], options?: SelectOptions): void {
  for (const cs of lists) selectBgp(cs as BgpCandidate<number>[], options);
}

describe('selectBest, 1024 prefixes per op', () => {
  bench('1 BGP path', () => run(single));
  bench('2 BGP paths', () => run(bgp2));
  bench('10 BGP paths', () => run(bgp10));
  bench('2 BGP paths + OSPF + floating static', () => run(mixed4));
  bench('4 equal-cost OSPF routes, maxPaths 4', () => run(ospfEcmp4, ecmp));
  bench('10 BGP paths, maxPaths 4 (multipath)', () => run(bgp10, ecmp));
});

describe('BGP decision modes, 10 paths, 1024 prefixes per op', () => {
  bench('selectBgp deterministic (RFC elimination)', () => runBgp(bgp10));
  bench('selectBgp arrival-order (pairwise walk)', () => runBgp(bgp10, arrival));
  bench('naive: sort with the pairwise comparator (wrong answers, for scale)', () => {
    for (const cs of bgp10) {
      [...(cs as BgpCandidate<number>[])].sort((a, b) => {
        const p = compareBgpPair(a, b).preferred;
        return p === 'a' ? -1 : p === 'b' ? 1 : 0;
      });
    }
  });
});
