import { describe, expect, test } from 'vitest';
import {
  type Candidate,
  compareBgpPair,
  isSelectionError,
  resolveOptions,
  SELECTION_ERROR_CODES,
  SelectionError,
  selectBest,
  selectBgp,
  validateCandidate,
} from '../src/index.js';
import { candidateErrorVectors, optionErrorVectors, VALID_BGP } from './vectors/errors.js';

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('invalid candidates throw a SelectionError naming the candidate and field', () => {
  for (const v of candidateErrorVectors) {
    test(v.name, () => {
      const list = [VALID_BGP, v.candidate] as unknown as Candidate<string>[];
      const e = thrown(() => selectBest(list));
      expect(e).toBeInstanceOf(SelectionError);
      expect(e).toMatchObject({ code: v.code, index: 1, field: v.field, name: 'SelectionError' });
      expect(SELECTION_ERROR_CODES).toContain(v.code);
      expect(thrown(() => validateCandidate(v.candidate as Candidate, 1))).toMatchObject({
        code: v.code,
      });
    });
  }

  test('the message says where and what', () => {
    const e = thrown(() =>
      selectBest([{ protocol: 'static', route: 0, metric: Number.NaN }]),
    ) as Error;
    expect(e.message).toBe('candidate 0: metric = NaN (invalid-metric)');
    const t = thrown(() => selectBest([{ ...VALID_BGP, peerType: 'ebgp' as never }])) as Error;
    expect(t.message).toBe('candidate 0: peerType = "ebgp" (invalid-attribute)');
    const o = thrown(() => selectBest([{ ...VALID_BGP, peerAddress: {} as never }])) as Error;
    expect(o.message).toBe('candidate 0: peerAddress = object (invalid-attribute)');
  });

  test('every candidate is checked, also after a winner is clear and when it could never be installed', () => {
    const neverInstalled = { protocol: 'rip', route: 'x', metric: 99, distance: 255 };
    expect(() => selectBest([VALID_BGP, neverInstalled] as unknown as Candidate[])).toThrow(
      SelectionError,
    );
  });

  test('selectBgp rejects candidates of other protocols', () => {
    const e = thrown(() =>
      selectBgp([VALID_BGP, { protocol: 'static', route: 'x', metric: 0 } as never]),
    );
    expect(e).toMatchObject({
      code: 'unknown-protocol',
      index: 1,
      field: 'protocol',
      value: 'static',
    });
  });

  test('compareBgpPair validates both sides', () => {
    expect(thrown(() => compareBgpPair(VALID_BGP, { ...VALID_BGP, med: -1 }))).toMatchObject({
      code: 'invalid-attribute',
      index: 1,
      field: 'med',
    });
  });
});

describe('invalid options throw before anything is compared', () => {
  for (const v of optionErrorVectors) {
    test(v.name, () => {
      const e = thrown(() => selectBest([VALID_BGP], v.options));
      expect(e).toBeInstanceOf(SelectionError);
      expect(e).toMatchObject({ code: v.code, field: v.field });
      expect((e as SelectionError).index).toBeUndefined();
      expect(() => resolveOptions(v.options)).toThrow(SelectionError);
    });
  }
});

describe('isSelectionError', () => {
  test('true for a SelectionError, also one from another copy of the module', () => {
    const e = thrown(() => selectBest([{ protocol: 'static', route: 0, metric: -1 }]));
    expect(isSelectionError(e)).toBe(true);
    // What a second copy's instance looks like here: not instanceof, same brand.
    const copy = Object.assign(new Error('candidate 0: metric = -1 (invalid-metric)'), {
      name: 'SelectionError',
      code: 'invalid-metric',
      field: 'metric',
      value: -1,
    });
    expect(copy).not.toBeInstanceOf(SelectionError);
    expect(isSelectionError(copy)).toBe(true);
    const branded = Object.create(null) as object;
    Object.defineProperty(branded, Symbol.for('@routekit/route-selection:SelectionError'), {
      value: true,
    });
    expect(isSelectionError(branded)).toBe(true);
  });

  test('false for other errors and values', () => {
    expect(isSelectionError(new Error('x'))).toBe(false);
    expect(isSelectionError(new RangeError('x'))).toBe(false);
    expect(
      isSelectionError(
        Object.assign(new Error('x'), { name: 'SelectionError', code: 'nope', field: 'f' }),
      ),
    ).toBe(false);
    expect(isSelectionError(Object.assign(new Error('x'), { name: 'SelectionError' }))).toBe(false);
    expect(isSelectionError(undefined)).toBe(false);
    expect(isSelectionError(null)).toBe(false);
    expect(isSelectionError('SelectionError')).toBe(false);
  });

  test('a missing type 2 metric has its own code; a bad one stays invalid-metric', () => {
    const missing = thrown(() =>
      selectBest([{ protocol: 'ospf', route: 0, metric: 1, pathType: 'external-2' }]),
    );
    expect(missing).toMatchObject({
      code: 'missing-type2-metric',
      index: 0,
      field: 'type2Metric',
      value: undefined,
    });
    expect((missing as Error).message).toBe(
      'candidate 0: type2Metric = undefined (missing-type2-metric)',
    );
    const bad = thrown(() =>
      selectBest([
        { protocol: 'ospf', route: 0, metric: 1, pathType: 'external-2', type2Metric: Number.NaN },
      ]),
    );
    expect(bad).toMatchObject({ code: 'invalid-metric', field: 'type2Metric' });
  });
});
