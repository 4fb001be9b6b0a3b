// Bad input is reported, never compared: one corrupted field anywhere in a candidate
// list makes every entry point throw a SelectionError naming that candidate and field.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Candidate, SelectionError, selectBest, selectBgp } from '../src/index.js';
import { arbBgpCandidates, arbCandidates } from '../src/testing.js';

const notUint32 = [Number.NaN, -1, 0.5, 2 ** 32, Number.POSITIVE_INFINITY, '1', null, {}];
const notCount = [Number.NaN, -1, 0.5, Number.POSITIVE_INFINITY, '1', null];
const notCost = [Number.NaN, -1, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, '1', null];
const notBoolean = [0, 1, 'true', null, {}];

/** For each field, values it must never accept. */
const BAD_BGP: Record<string, readonly unknown[]> = {
  peerType: ['ebgp', '', null, 1],
  nextHopReachable: notBoolean,
  weight: notUint32,
  localPref: notUint32,
  locallyOriginated: notBoolean,
  asPathLength: notCount,
  origin: [3, -1, 0.5, '0', null],
  med: notUint32,
  neighborAs: notUint32,
  igpCost: notCost,
  routerId: notUint32,
  originatorId: notUint32,
  clusterListLength: notCount,
  peerAddress: [
    '192.0.2.1',
    null,
    {},
    { family: 4, value: -1 },
    { family: 6, words: [0, 0, 0] },
    { family: 5, value: 1 },
  ],
  arrivalTime: [Number.NaN, Number.POSITIVE_INFINITY, '1', null],
  stale: notBoolean,
  distance: [-1, 256, 1.5, Number.NaN, '1', null],
};

const BAD_METRIC: Record<string, readonly unknown[]> = {
  metric: notCost,
  distance: [-1, 256, 1.5, Number.NaN, '1', null],
};

function corrupt(c: Candidate, field: string, value: unknown): Candidate {
  return { ...c, [field]: value } as Candidate;
}

describe('validation', () => {
  test('a corrupted BGP field anywhere throws a SelectionError naming it', () => {
    const arbCase = arbBgpCandidates({ minLength: 1 }).chain((cs) =>
      fc.tuple(
        fc.constant(cs),
        fc.nat({ max: cs.length - 1 }),
        fc
          .constantFrom(...Object.keys(BAD_BGP))
          .chain((f) => fc.tuple(fc.constant(f), fc.constantFrom(...BAD_BGP[f]!))),
      ),
    );
    fc.assert(
      fc.property(arbCase, ([cs, i, [field, value]]) => {
        const list = cs.map((c, j) => (j === i ? corrupt(c, field, value) : c));
        for (const select of [selectBest, selectBgp] as ((cs: never) => unknown)[]) {
          let error: unknown;
          try {
            select(list as never);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(SelectionError);
          expect(error).toMatchObject({ index: i, field });
        }
      }),
    );
  });

  test('a corrupted metric or distance of any protocol throws', () => {
    const arbCase = arbCandidates({ minLength: 1 }).chain((cs) =>
      fc.tuple(
        fc.constant(cs),
        fc.nat({ max: cs.length - 1 }),
        fc
          .constantFrom(...Object.keys(BAD_METRIC))
          .chain((f) => fc.tuple(fc.constant(f), fc.constantFrom(...BAD_METRIC[f]!))),
      ),
    );
    fc.assert(
      fc.property(arbCase, ([cs, i, [field, value]]) => {
        const target = cs[i]!;
        fc.pre(target.protocol !== 'bgp' || field === 'distance');
        const list = cs.map((c, j) => (j === i ? corrupt(c, field, value) : c));
        expect(() => selectBest(list)).toThrow(SelectionError);
      }),
    );
  });

  test('valid input never throws', () => {
    fc.assert(
      fc.property(arbCandidates(), (cs) => {
        selectBest(cs);
        selectBgp(cs.filter((c) => c.protocol === 'bgp'));
      }),
    );
  });
});
