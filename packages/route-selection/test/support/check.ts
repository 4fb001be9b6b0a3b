// Runs a selection vector: the expected winner, ECMP set and reason, in the given
// order and — unless the vector says otherwise — in every other order too.
import { expect } from 'vitest';
import type { Candidate, Selection, SelectOptions } from '../../src/index.js';
import type { SelectionVector } from '../vectors/paths.js';

type Select<C> = (cs: readonly C[], options?: SelectOptions) => Selection<C> | undefined;

/** Every permutation of `xs` (n! of them; vectors keep n ≤ 6). */
export function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [xs.slice()];
  const out: T[][] = [];
  xs.forEach((x, i) => {
    for (const rest of permutations([...xs.slice(0, i), ...xs.slice(i + 1)]))
      out.push([x, ...rest]);
  });
  return out;
}

/** The route names of a selection: `[best, ecmp, reason]`, or `undefined`. */
export function names<C extends Candidate<string>>(
  sel: Selection<C> | undefined,
): { best: string; ecmp: string[]; reason: string } | undefined {
  if (sel === undefined) return undefined;
  return { best: sel.best.route, ecmp: sel.ecmp.map((c) => c.route), reason: sel.reason };
}

export function checkVector<C extends Candidate<string>>(
  select: Select<C>,
  v: SelectionVector<C>,
): void {
  const expected =
    v.best === undefined
      ? undefined
      : { best: v.best, ecmp: [...(v.ecmp ?? [v.best])], reason: v.reason };
  const orders = v.orderIndependent === false ? [v.candidates.slice()] : permutations(v.candidates);
  for (const order of orders) {
    const got = names(select(order, v.options));
    expect(got, `input order ${order.map((c) => c.route).join(', ')}`).toEqual(expected);
  }
}
