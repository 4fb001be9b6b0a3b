import { describe, expect, test } from 'vitest';
import { compareBgpPair, selectBest, selectBgp } from '../src/index.js';
import { checkVector, names, permutations } from './support/check.js';
import {
  medVectors,
  TRIPLE,
  tripleArrivalOrder,
  triplePairs,
  tripleRfcAnswer,
} from './vectors/med.js';

describe('MED', () => {
  for (const v of medVectors) {
    test(v.name, () => {
      checkVector(selectBgp, v);
      checkVector(selectBest, v);
    });
  }
});

describe('the MED non-transitivity triple', () => {
  test('pairwise preference is a cycle: A > B > C > A', () => {
    for (const row of triplePairs) {
      expect(compareBgpPair(TRIPLE[row.a], TRIPLE[row.b])).toEqual({
        preferred: row.preferred,
        reason: row.reason,
      });
    }
  });

  test('so a comparator sort gives an answer that depends on the input order', () => {
    const cmp = (a: (typeof TRIPLE)['A'], b: (typeof TRIPLE)['A']) => {
      const r = compareBgpPair(a, b).preferred;
      return r === 'a' ? -1 : r === 'b' ? 1 : 0;
    };
    const firsts = new Set(
      permutations(Object.values(TRIPLE)).map((order) => [...order].sort(cmp)[0]!.route),
    );
    expect(firsts.size).toBeGreaterThan(1);
  });

  test('RFC elimination (default mode): C in every one of the six input orders', () => {
    for (const order of permutations(Object.values(TRIPLE))) {
      expect(names(selectBgp(order))).toEqual({
        best: tripleRfcAnswer.best,
        ecmp: [tripleRfcAnswer.best],
        reason: tripleRfcAnswer.reason,
      });
    }
  });

  test('arrival-order mode depends on which path arrived when', () => {
    const winners = new Set<string>();
    for (const row of tripleArrivalOrder) {
      // arrivalTime grows with time: the newest path has the largest.
      const timed = row.newestFirst.map((name, i) => ({ ...TRIPLE[name], arrivalTime: 100 - i }));
      // The array order does not matter in this mode, only the arrival times.
      for (const order of permutations(timed)) {
        const sel = selectBgp(order, { bgp: { mode: 'arrival-order' } });
        expect(names(sel), row.newestFirst.join(' ')).toEqual({
          best: row.best,
          ecmp: [row.best],
          reason: row.reason,
        });
      }
      winners.add(row.best);
      // …while the default mode ignores the timing altogether.
      expect(selectBgp(timed)!.best.route).toBe(tripleRfcAnswer.best);
    }
    expect([...winners].sort()).toEqual(['A', 'B', 'C']);
  });

  test('arrival-order mode: equal arrival times keep the array order (first = newest)', () => {
    const sel = selectBgp([TRIPLE.C, TRIPLE.A, TRIPLE.B], { bgp: { mode: 'arrival-order' } });
    expect(sel!.best.route).toBe('B');
  });

  test('always-compare-med makes the triple transitive: both modes agree', () => {
    const options = { bgp: { alwaysCompareMed: true } } as const;
    for (const order of permutations(Object.values(TRIPLE))) {
      expect(selectBgp(order, options)!.best.route).toBe('C');
      const timed = order.map((c, i) => ({ ...c, arrivalTime: i }));
      expect(selectBgp(timed, { bgp: { ...options.bgp, mode: 'arrival-order' } })!.best.route).toBe(
        'C',
      );
    }
  });
});
