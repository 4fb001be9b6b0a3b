import { describe, expect, test } from 'vitest';
import {
  BGP_STEPS,
  type BgpCandidate,
  compareBgpPair,
  Reason,
  selectBest,
  selectBgp,
} from '../src/index.js';
import { checkVector } from './support/check.js';
import { nothingLeftVectors, STEP_FIELDS, stepVectors } from './vectors/bgp-steps.js';

describe('one block per decision step', () => {
  test('the blocks cover every step of the decision process', () => {
    const covered = new Set(stepVectors.map((v) => v.step));
    expect([...covered]).toEqual(BGP_STEPS.filter((s) => s !== Reason.NothingLeft));
    expect(STEP_FIELDS.map(([s]) => s)).toEqual(BGP_STEPS.slice(0, -1));
  });

  for (const v of stepVectors) {
    describe(`${v.step}: ${v.name}`, () => {
      const [w, l] = v.candidates;

      test('W wins with this reason, in both input orders', () => {
        checkVector(selectBgp, v);
        checkVector(selectBest, v);
      });

      test('pairwise, W beats L at this step', () => {
        expect(compareBgpPair(w, l, v.options)).toEqual({ preferred: 'a', reason: v.step });
        expect(compareBgpPair(l, w, v.options)).toEqual({ preferred: 'b', reason: v.step });
      });

      test('without this step the later steps pick L: a toy that skips it fails', () => {
        // Give L the winner's value at this step: now only later steps can separate them.
        const fields = STEP_FIELDS.find(([s]) => s === v.step)![1];
        const patch = Object.fromEntries(fields.map((f) => [f, w[f]]));
        const tied: BgpCandidate<string> = { ...l, ...patch };
        const sel = selectBgp([w, tied], v.options)!;
        if (v.step === Reason.LocallyConfigured || v.step === Reason.NeighborIp) {
          // The last steps: nothing comes after them, so the two now tie completely.
          expect(sel.reason).toBe(Reason.NothingLeft);
        } else {
          expect(sel.best).toBe(tied);
          expect(BGP_STEPS.indexOf(sel.reason)).toBeGreaterThan(BGP_STEPS.indexOf(v.step));
        }
      });

      test('L is at least as good as W on every later step', () => {
        const at = STEP_FIELDS.findIndex(([s]) => s === v.step);
        const own = STEP_FIELDS[at]![1];
        for (const [step, fields] of STEP_FIELDS.slice(at + 1)) {
          // Peer type and peer address serve two steps each; the deciding one holds them.
          if (fields.some((f) => own.includes(f))) continue;
          // L with W's value at this one step: L itself must be preferred or equal.
          const lWithW: BgpCandidate<string> = {
            ...l,
            ...Object.fromEntries(fields.map((f) => [f, w[f]])),
          };
          const r = compareBgpPair(l, lWithW, v.options);
          expect(r.preferred === 'a' || r.preferred === 'equal', step).toBe(true);
        }
      });
    });
  }
});

describe('no winner, a single path, full ties', () => {
  for (const v of nothingLeftVectors) {
    test(v.name, () => {
      checkVector(selectBgp, v);
      checkVector(selectBest, v);
    });
  }
});
