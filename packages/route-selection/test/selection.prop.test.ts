// Properties of selection. fast-check's seed and run count come from the testkit setup
// file (FC_SEED / FC_NUM_RUNS); nothing here passes a seed.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type BgpCandidate,
  type Candidate,
  compareBgpPair,
  distanceOf,
  resolveOptions,
  type Selection,
  type SelectOptions,
  selectBest,
  selectBgp,
} from '../src/index.js';
import {
  arbBgpCandidates,
  arbBgpOptions,
  arbCandidates,
  arbSelectOptions,
  PEER_ADDRESSES,
} from '../src/testing.js';
import { BGP_STEP_FIELDS, installable, ribKeys, stepIndex, worseAt } from './support/model.js';

type Labelled = Candidate<number>;

/** A permutation of `xs` drawn by fast-check. */
function arbShuffled<T>(xs: readonly T[]): fc.Arbitrary<T[]> {
  return fc.array(fc.nat(), { minLength: xs.length, maxLength: xs.length }).map((keys) =>
    xs
      .map((x, i) => [keys[i]!, i, x] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map((t) => t[2]),
  );
}

/** BGP lists with all-distinct peer addresses: no two paths can tie on every step. */
const arbDistinctPeers = arbBgpCandidates({ maxLength: PEER_ADDRESSES.length }).map((cs) =>
  cs.map((c, i) => ({ ...c, peerAddress: PEER_ADDRESSES[i]! })),
);

function routes<C extends Labelled>(sel: Selection<C> | undefined) {
  return sel === undefined
    ? undefined
    : { best: sel.best.route, ecmp: sel.ecmp.map((c) => c.route), reason: sel.reason };
}

const deterministic = arbBgpOptions().chain((bgp) =>
  fc.integer({ min: 1, max: 4 }).map((maxPaths): SelectOptions => ({ bgp, maxPaths })),
);

describe('order independence (deterministic mode)', () => {
  test('selectBgp: the same winner, ECMP set and reason for every input order', () => {
    fc.assert(
      fc.property(
        arbDistinctPeers.chain((cs) => fc.tuple(fc.constant(cs), arbShuffled(cs))),
        deterministic,
        ([cs, shuffled], options) => {
          expect(routes(selectBgp(shuffled, options))).toEqual(routes(selectBgp(cs, options)));
        },
      ),
    );
  });

  test('selectBgp with full ties allowed: winners differ only between paths equal on every step', () => {
    fc.assert(
      fc.property(
        arbBgpCandidates().chain((cs) => fc.tuple(fc.constant(cs), arbShuffled(cs))),
        deterministic,
        ([cs, shuffled], options) => {
          const a = selectBgp(cs, options);
          const b = selectBgp(shuffled, options);
          if (a === undefined || b === undefined) {
            expect(b).toBe(a);
            return;
          }
          expect(b.reason).toBe(a.reason);
          // Under a full tie the ECMP set follows whichever twin came first (its neighbour AS).
          if (a.reason !== 'Nothing left to compare') expect(b.ecmp.length).toBe(a.ecmp.length);
          if (a.best !== b.best)
            expect(compareBgpPair(a.best, b.best, options).preferred).toBe('equal');
        },
      ),
    );
  });

  test('selectBest: the same reason and an equivalent winner for every input order', () => {
    fc.assert(
      fc.property(
        arbCandidates().chain((cs) => fc.tuple(fc.constant(cs), arbShuffled(cs))),
        arbSelectOptions(),
        ([cs, shuffled], options) => {
          const a = selectBest(cs, options);
          const b = selectBest(shuffled, options);
          if (a === undefined || b === undefined) {
            expect(b).toBe(a);
            return;
          }
          expect(b.reason).toBe(a.reason);
          // Under a full tie (here or inside BGP) the ECMP set follows whichever twin came first.
          const o = resolveOptions(options);
          const live = cs.filter(
            (c): c is BgpCandidate<number> => c.protocol === 'bgp' && installable(c, o),
          );
          const bgpTie = selectBgp(live, options)?.reason === 'Nothing left to compare';
          if (a.reason !== 'Nothing left to compare' && !bgpTie)
            expect(b.ecmp.length).toBe(a.ecmp.length);
          if (a.best === b.best) return;
          expect(ribKeys(b.best, o)).toEqual(ribKeys(a.best, o));
          if (a.best.protocol === 'bgp' && b.best.protocol === 'bgp') {
            expect(compareBgpPair(a.best, b.best, options).preferred).toBe('equal');
          }
        },
      ),
    );
  });
});

describe('adding a candidate that loses to the winner never changes the winner', () => {
  const steps = BGP_STEP_FIELDS.map(([s]) => s);

  test('BGP: a copy of the winner made worse at one step, inserted anywhere', () => {
    fc.assert(
      fc.property(
        arbBgpCandidates({ minLength: 1 }),
        deterministic,
        fc.constantFrom(...steps),
        fc.nat(),
        (cs, options, step, at) => {
          const before = selectBgp(cs, options);
          fc.pre(before !== undefined);
          const w = before!.best;
          const patch = worseAt(w, step, resolveOptions(options));
          fc.pre(patch !== undefined);
          const x: BgpCandidate<number> = { ...w, ...patch, route: cs.length };
          const i = at % (cs.length + 1);
          const after = selectBgp([...cs.slice(0, i), x, ...cs.slice(i)], options)!;
          expect(after.best).toBe(w);
          // Lost at or before the deciding step: it changes nothing, not even the reason.
          if (
            stepIndex(step) <= stepIndex(before!.reason) &&
            before!.reason !== 'First path received'
          ) {
            expect(after.reason).toBe(before!.reason);
          }
        },
      ),
    );
  });

  test('any protocol: a candidate of another protocol at a higher distance, or the winner’s twin with a worse metric', () => {
    fc.assert(
      fc.property(
        arbCandidates({ minLength: 1 }),
        arbSelectOptions(),
        fc.nat(),
        fc.integer({ min: 1, max: 100 }),
        (cs, options, at, more) => {
          const before = selectBest(cs, options);
          fc.pre(before !== undefined);
          const w = before!.best;
          const o = resolveOptions(options);
          const d = distanceOf(w, o.distances);
          let x: Labelled;
          if (w.protocol === 'bgp') {
            fc.pre(d + more < 255);
            x = { protocol: 'static', route: cs.length, metric: 0, distance: d + more };
          } else if (w.protocol === 'rip') {
            fc.pre(w.metric + 1 < 16);
            x = { ...w, route: cs.length, metric: w.metric + 1 };
          } else {
            x = { ...w, route: cs.length, metric: w.metric + more };
          }
          const i = at % (cs.length + 1);
          expect(selectBest([...cs.slice(0, i), x, ...cs.slice(i)], options)!.best).toBe(w);
        },
      ),
    );
  });
});

describe('distance dominates protocol metrics', () => {
  test('no installable candidate of another protocol, and no BGP choice, has a lower distance than the winner', () => {
    fc.assert(
      fc.property(arbCandidates(), arbSelectOptions(), (cs, options) => {
        const sel = selectBest(cs, options);
        const o = resolveOptions(options);
        const live = cs.filter((c) => installable(c, o));
        const bgpBest = selectBgp(
          live.filter((c): c is BgpCandidate<number> => c.protocol === 'bgp'),
          options,
        );
        const rivals = [
          ...live.filter((c) => c.protocol !== 'bgp'),
          ...(bgpBest ? [bgpBest.best] : []),
        ];
        if (sel === undefined) {
          expect(rivals).toEqual([]);
          return;
        }
        const d = distanceOf(sel.best, o.distances);
        for (const c of rivals) expect(distanceOf(c, o.distances)).toBeGreaterThanOrEqual(d);
      }),
    );
  });

  test('changing every non-BGP metric and OSPF path type never changes the winning distance', () => {
    fc.assert(
      fc.property(
        arbCandidates(),
        arbSelectOptions(),
        fc.infiniteStream(fc.integer({ min: 0, max: 1000 })),
        (cs, options, metrics) => {
          const o = resolveOptions(options);
          const remetric = cs.map((c): Labelled => {
            const m = metrics.next().value;
            if (c.protocol === 'bgp') return c;
            if (c.protocol === 'rip') return c.metric === 16 ? c : { ...c, metric: m % 16 };
            if (c.protocol === 'ospf') {
              const types = ['intra-area', 'inter-area', 'external-1', 'external-2'] as const;
              const pathType = types[m % 4]!;
              return { ...c, metric: m, pathType, type2Metric: m % 7 };
            }
            return { ...c, metric: m };
          });
          const a = selectBest(cs, options);
          const b = selectBest(remetric, options);
          if (a === undefined || b === undefined) {
            expect(b === undefined).toBe(a === undefined);
            return;
          }
          expect(distanceOf(b.best, o.distances)).toBe(distanceOf(a.best, o.distances));
        },
      ),
    );
  });
});

describe('modes and entry points agree where they must', () => {
  test('when MED comparisons are transitive (one neighbour AS, or always-compare-med) arrival-order finds an equivalent winner', () => {
    fc.assert(
      fc.property(arbBgpCandidates(), arbBgpOptions(), fc.boolean(), (cs, bgp, sameAs) => {
        const list = sameAs ? cs.map((c) => ({ ...c, neighborAs: 65001 })) : cs;
        const options = {
          bgp: { ...bgp, alwaysCompareMed: bgp.alwaysCompareMed === true || !sameAs },
        };
        const rfc = selectBgp(list, options);
        const walk = selectBgp(list, { bgp: { ...options.bgp, mode: 'arrival-order' } });
        if (rfc === undefined || walk === undefined) {
          expect(walk).toBe(rfc);
          return;
        }
        if (rfc.best !== walk.best)
          expect(compareBgpPair(rfc.best, walk.best, options).preferred).toBe('equal');
      }),
    );
  });

  test('extra paths with unresolvable next hops change nothing while two or more paths resolve', () => {
    // Two paths take a shortcut (one pairwise comparison); with dead paths added the full
    // elimination runs. Both must give the same answer.
    fc.assert(
      fc.property(
        arbBgpCandidates({ minLength: 2, maxLength: 5 }),
        arbBgpCandidates({ minLength: 1, maxLength: 3 }),
        deterministic,
        (live, dead, options) => {
          const alive = live.map((c) => ({ ...c, nextHopReachable: true }));
          const gone = dead.map((c, i) => ({ ...c, route: 100 + i, nextHopReachable: false }));
          const base = routes(selectBgp(alive, options))!;
          expect(routes(selectBgp([...gone, ...alive], options))).toEqual(base);
          expect(routes(selectBgp([...alive, ...gone], options))).toEqual(base);
        },
      ),
    );
  });

  test('on BGP-only input selectBest is selectBgp', () => {
    fc.assert(
      fc.property(arbBgpCandidates(), deterministic, (cs, options) => {
        const plain = cs.map(({ distance: _, ...c }) => c as BgpCandidate<number>);
        expect(routes(selectBest(plain, options))).toEqual(routes(selectBgp(plain, options)));
      }),
    );
  });
});

describe('the ECMP set', () => {
  test('starts with the winner, holds at most maxPaths distinct paths, each tied with the winner through the IGP cost', () => {
    fc.assert(
      fc.property(
        arbBgpCandidates(),
        arbBgpOptions(),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (cs, bgp, maxPaths, arrival) => {
          const options: SelectOptions = {
            maxPaths,
            bgp: { ...bgp, ...(arrival ? { mode: 'arrival-order' } : {}) },
          };
          const sel = selectBgp(cs, options);
          if (sel === undefined) return;
          expect(sel.ecmp[0]).toBe(sel.best);
          expect(sel.ecmp.length).toBeLessThanOrEqual(maxPaths);
          expect(new Set(sel.ecmp).size).toBe(sel.ecmp.length);
          const o = resolveOptions(options);
          const confed = stepIndex('Confed Peer Type');
          for (const m of sel.ecmp.slice(1)) {
            const r = compareBgpPair(m, sel.best, options);
            if (r.preferred !== 'equal') expect(stepIndex(r.reason)).toBeGreaterThan(confed);
            if (
              !o.asPathRelax &&
              !(
                m.peerType === 'internal' &&
                m.asPathKey !== undefined &&
                sel.best.asPathKey !== undefined
              )
            ) {
              expect(m.neighborAs).toBe(sel.best.neighborAs);
            }
          }
          // Nothing multipath-compatible is left out while there is room.
          if (sel.ecmp.length < maxPaths && !arrival) {
            for (const c of cs) {
              if (sel.ecmp.includes(c) || c.nextHopReachable === false) continue;
              if (c.neighborAs !== sel.best.neighborAs) continue;
              if (
                c.peerType === 'internal' &&
                c.asPathKey !== undefined &&
                sel.best.asPathKey !== undefined &&
                c.asPathKey !== sel.best.asPathKey &&
                !o.asPathRelax
              )
                continue;
              const r = compareBgpPair(c, sel.best, options);
              expect(r.preferred !== 'equal' && stepIndex(r.reason) <= confed, `${r.reason}`).toBe(
                true,
              );
            }
          }
        },
      ),
    );
  });

  test('selectBest: the ECMP set is the winner plus ties of the same protocol and distance', () => {
    fc.assert(
      fc.property(arbCandidates(), arbSelectOptions(), (cs, options) => {
        const sel = selectBest(cs, options);
        if (sel === undefined) return;
        const o = resolveOptions(options);
        expect(sel.ecmp[0]).toBe(sel.best);
        expect(sel.ecmp.length).toBeLessThanOrEqual(o.maxPaths);
        for (const m of sel.ecmp) {
          expect(m.protocol).toBe(sel.best.protocol);
          expect(distanceOf(m, o.distances)).toBe(distanceOf(sel.best, o.distances));
          if (m.protocol !== 'bgp') expect(ribKeys(m, o)).toEqual(ribKeys(sel.best, o));
        }
      }),
    );
  });
});
