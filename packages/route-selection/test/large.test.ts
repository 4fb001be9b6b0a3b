// Candidate sets larger than the scratch buffers and than the pairwise MED limit: the
// answer must not change with the size-dependent code path.
import { describe, expect, test } from 'vitest';
import { type BgpCandidate, Origin, Reason, selectBest, selectBgp } from '../src/index.js';
import { bgp, other } from './vectors/paths.js';

const base = { peerType: 'internal', asPathLength: 2, origin: Origin.Igp } as const;

/**
 * 60 iBGP paths from three neighbour ASes. In each AS the lowest-MED path is far away
 * (IGP cost 40..50) and every other path is close (IGP cost 1..20). RFC elimination keeps
 * the three lowest-MED paths, then the IGP cost picks AS 65002's; a selector that
 * ignores MED grouping would take one of the close paths.
 */
function sixty(): BgpCandidate<string>[] {
  const paths: BgpCandidate<string>[] = [];
  const far = { 65001: 50, 65002: 40, 65003: 45 } as const;
  for (const as of [65001, 65002, 65003] as const) {
    for (let i = 0; i < 20; i++) {
      paths.push(
        bgp(`${as}-${i}`, {
          ...base,
          neighborAs: as,
          med: 10 + i,
          igpCost: i === 0 ? far[as] : i,
          routerId: as * 100 + i,
        }),
      );
    }
  }
  return paths;
}

function rotations<T>(xs: readonly T[]): T[][] {
  return [0, 7, 23, 41].map((k) => [...xs.slice(k), ...xs.slice(0, k)]).concat([[...xs].reverse()]);
}

describe('large candidate sets', () => {
  test('60 paths: per-AS MED elimination, whatever the order', () => {
    for (const order of rotations(sixty())) {
      const sel = selectBgp(order)!;
      expect(sel.best.route).toBe('65002-0');
      expect(sel.reason).toBe(Reason.IgpMetric);
      expect(selectBest(order)!.best.route).toBe('65002-0');
    }
  });

  test('always-compare-med: the three MED-10 paths share the global minimum, the IGP cost decides', () => {
    const sel = selectBgp(sixty(), { bgp: { alwaysCompareMed: true } })!;
    expect(sel.best.route).toBe('65002-0');
    expect(sel.reason).toBe(Reason.IgpMetric);
  });

  test('small and large sets agree: the 3 winners of each AS alone give the same answer', () => {
    const small = sixty().filter((c) => c.route.endsWith('-0'));
    expect(selectBgp(small)!.best.route).toBe('65002-0');
  });

  test('100 equal-cost static routes: ECMP up to maxPaths, in input order', () => {
    const routes = Array.from({ length: 100 }, (_, i) => other(`s${i}`, 'static', { metric: 5 }));
    const sel = selectBest(routes, { maxPaths: 8 })!;
    expect(sel.ecmp.map((c) => c.route)).toEqual(['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7']);
    expect(sel.reason).toBe(Reason.NothingLeft);
  });

  test('paths BGP cannot tell apart reach the RIB by their lowest distance', () => {
    const twin = { ...base, peerType: 'external', neighborAs: 65001, routerId: 1 } as const;
    const list = [
      bgp('far', { ...twin, distance: 200 }),
      bgp('near', { ...twin, distance: 30 }),
      bgp('near2', { ...twin, distance: 30 }),
    ];
    const sel = selectBest(list, { maxPaths: 4 })!;
    expect(sel.best.route).toBe('near');
    expect(sel.ecmp.map((c) => c.route)).toEqual(['near', 'near2']);
    expect(sel.reason).toBe(Reason.NothingLeft);
    // selectBgp knows nothing of distances: the earliest.
    expect(selectBgp(list)!.best.route).toBe('far');
  });
});
