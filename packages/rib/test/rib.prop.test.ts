import type { Prefix } from '@routekit/prefix';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  ForwardingView,
  Rib,
  type RibChange,
  type RibOptions,
  type RouteInput,
} from '../src/index.js';
import { arbRouteInput, TEST_SOURCES } from '../src/testing.js';
import { RibOracle } from './rib-oracle.js';

type Op =
  | { readonly kind: 'add'; readonly route: RouteInput & { prefix: Prefix } }
  | { readonly kind: 'remove'; readonly index: number }
  | { readonly kind: 'removeSource'; readonly source: string }
  | { readonly kind: 'batch'; readonly ops: readonly Op[] };

const arbAdd: fc.Arbitrary<Op> = arbRouteInput().map((route) => ({
  kind: 'add',
  route: route as RouteInput & { prefix: Prefix },
}));
const arbSimple: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: arbAdd, weight: 6 },
  { arbitrary: fc.nat().map((index): Op => ({ kind: 'remove', index })), weight: 3 },
  {
    arbitrary: fc
      .constantFrom(...TEST_SOURCES)
      .map((source): Op => ({ kind: 'removeSource', source })),
    weight: 1,
  },
);
const arbOp: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: arbSimple, weight: 4 },
  {
    arbitrary: fc.array(arbSimple, { maxLength: 8 }).map((ops): Op => ({ kind: 'batch', ops })),
    weight: 1,
  },
);

function apply(op: Op, rib: Rib, oracle: RibOracle): void {
  switch (op.kind) {
    case 'add':
      rib.add(op.route);
      oracle.add(op.route);
      return;
    case 'remove': {
      const all = [...oracle.table.values()].flatMap((e) => [...e.routes.values()]);
      if (all.length === 0) return;
      const r = all[op.index % all.length]!;
      expect(rib.remove(r.prefix, r.source)).toBe(true);
      oracle.remove(r.prefix, r.source);
      return;
    }
    case 'removeSource':
      expect(rib.removeSource(op.source)).toBe(oracle.removeSource(op.source));
      return;
    case 'batch':
      rib.batch(() => {
        for (const o of op.ops) apply(o, rib, oracle);
      });
  }
}

/** Applies change events to a plain map, as a FIB sink would. */
function follow(rib: Rib): Map<string, unknown> {
  const view = new Map<string, unknown>();
  rib.subscribe((changes: readonly RibChange[]) => {
    for (const c of changes) {
      const k = JSON.stringify(c.prefix);
      if (c.kind === 'remove') {
        expect(view.has(k)).toBe(true);
        view.delete(k);
      } else {
        expect(view.has(k)).toBe(c.kind === 'change');
        view.set(k, c.nextHops);
      }
    }
  });
  return view;
}

function check(options: RibOptions) {
  fc.assert(
    fc.property(fc.array(arbOp, { minLength: 1, maxLength: 40 }), (ops) => {
      const rib = new Rib(options);
      const oracle = new RibOracle(options.selection ?? {}, options.resolveViaDefault ?? false);
      const events = follow(rib);
      const view = new ForwardingView(rib);
      for (const op of ops) {
        apply(op, rib, oracle);
        const fwd = rib.forwarding();
        expect(fwd).toEqual(oracle.forwarding());
        expect(view.entries()).toEqual(fwd);
        expect(events.size).toBe(fwd.length);
        for (const e of fwd) expect(events.get(JSON.stringify(e.prefix))).toEqual(e.nextHops);
        // Recursive resolution never goes through the route's own prefix.
        for (const e of fwd) {
          for (const d of rib.explain(e.prefix)) {
            for (const h of d.nextHops)
              if (h.via !== undefined) expect(h.via).not.toEqual(e.prefix);
          }
        }
        expect(rib.routeCount).toBe(
          [...oracle.table.values()].reduce((n, e) => n + e.routes.size, 0),
        );
        expect(rib.size).toBe(oracle.table.size);
      }
    }),
  );
}

describe('the forwarding view equals a from-scratch recomputation', () => {
  test('default options', () => {
    check({});
  });
  test('ECMP (maxPaths 4) and resolution via the default route', () => {
    check({ selection: { maxPaths: 4 }, resolveViaDefault: true });
  });
});
