// The reason names the first step at which the winner had beaten every other candidate.
//
// For BGP this is checked without looking inside the implementation, by neutralising
// steps: give every candidate the winner's values for a set of steps, so those steps
// can no longer separate anything.
//  - Neutralise every step *after* the reason: the winner and the reason stay — the
//    winner had already beaten everyone by then.
//  - Neutralise the reason's step too: some candidate that lost exactly there now ties
//    the winner all the way, so nothing decides any more ("Nothing left to compare").
// Between protocols the steps are plain keys (distance, protocol order, OSPF path type,
// metrics), so the check there compares keys directly.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  BGP_STEPS,
  type BgpCandidate,
  type Candidate,
  compareBgpPair,
  Reason,
  type ResolvedOptions,
  resolveOptions,
  type SelectOptions,
  selectBest,
  selectBgp,
} from '../src/index.js';
import {
  arbBgpCandidates,
  arbBgpOptions,
  arbCandidates,
  arbSelectOptions,
} from '../src/testing.js';
import {
  BGP_STEP_FIELDS,
  installable,
  RIB_KEY_REASONS,
  ribKeys,
  stepIndex,
  valuesOf,
} from './support/model.js';

const options = arbBgpOptions().chain((bgp) =>
  fc.integer({ min: 1, max: 4 }).map((maxPaths): SelectOptions => ({ bgp, maxPaths })),
);

/** Fields read by the steps in `steps` and by no step outside it. */
function ownedFields(steps: readonly Reason[]): Set<keyof BgpCandidate> {
  const owned = new Set<keyof BgpCandidate>();
  for (const [s, fields] of BGP_STEP_FIELDS)
    if (steps.includes(s)) for (const f of fields) owned.add(f);
  for (const [s, fields] of BGP_STEP_FIELDS)
    if (!steps.includes(s)) for (const f of fields) owned.delete(f);
  return owned;
}

/**
 * Every candidate given `w`'s values at `steps`. Peer type and peer address each serve
 * two steps; when only the later one is neutralised they are changed only where the
 * earlier step cannot tell the difference (internal ↔ confed-external are both "not
 * eBGP"; one present address ↔ another are both "has a peer address").
 */
function neutralise(
  cs: readonly BgpCandidate<number>[],
  w: BgpCandidate<number>,
  steps: readonly Reason[],
  o: ResolvedOptions,
): BgpCandidate<number>[] {
  const owned = ownedFields(steps);
  const patch: Record<string, unknown> = {};
  for (const s of steps) {
    for (const [f, v] of Object.entries(valuesOf(w, s, o))) {
      if (owned.has(f as keyof BgpCandidate)) patch[f] = v;
    }
  }
  const confedOnly = steps.includes(Reason.ConfedPeerType) && !steps.includes(Reason.PeerType);
  const addressOnly =
    steps.includes(Reason.NeighborIp) && !steps.includes(Reason.LocallyConfigured);
  return cs.map((c) => {
    const out: Record<string, unknown> = { ...c, ...patch };
    for (const [f, v] of Object.entries(patch)) if (v === undefined) delete out[f];
    if (confedOnly && w.peerType !== 'external' && c.peerType !== 'external')
      out['peerType'] = w.peerType;
    if (addressOnly && w.peerAddress !== undefined && c.peerAddress !== undefined) {
      out['peerAddress'] = w.peerAddress;
    }
    return out as unknown as BgpCandidate<number>;
  });
}

describe('the BGP reason', () => {
  test('neutralising every later step keeps the winner and the reason', () => {
    fc.assert(
      fc.property(arbBgpCandidates({ minLength: 2 }), options, (cs, opts) => {
        const sel = selectBgp(cs, opts);
        fc.pre(sel !== undefined && stepIndex(sel.reason) >= 0);
        const o = resolveOptions(opts);
        const later = BGP_STEPS.slice(stepIndex(sel!.reason) + 1, -1);
        const again = selectBgp(neutralise(cs, sel!.best, later, o), opts)!;
        expect(again.best.route).toBe(sel!.best.route);
        expect(again.reason).toBe(sel!.reason);
      }),
    );
  });

  test('neutralising the deciding step as well leaves nothing to decide', () => {
    fc.assert(
      fc.property(arbBgpCandidates({ minLength: 2 }), options, (cs, opts) => {
        const sel = selectBgp(cs, opts);
        fc.pre(sel !== undefined && stepIndex(sel.reason) >= 0);
        const o = resolveOptions(opts);
        const r = sel!.reason;
        const from = BGP_STEPS.slice(stepIndex(r), -1);
        const list = neutralise(cs, sel!.best, from, o);
        expect(selectBgp(list, opts)!.reason).toBe(Reason.NothingLeft);
      }),
    );
  });

  test('"Nothing left to compare": another path ties the winner on every step, and the winner comes first', () => {
    fc.assert(
      fc.property(arbBgpCandidates({ minLength: 2 }), options, (cs, opts) => {
        const sel = selectBgp(cs, opts);
        fc.pre(sel !== undefined && sel.reason === Reason.NothingLeft);
        const w = sel!.best;
        const twins = cs.filter((c) => c !== w && compareBgpPair(c, w, opts).preferred === 'equal');
        expect(twins.length).toBeGreaterThan(0);
        // A pairwise twin from another neighbour AS may have lost MED to a third path;
        // twins whose MED really ties the winner's were all still there at the end.
        const always = opts.bgp?.alwaysCompareMed === true;
        for (const t of twins.filter((c) => always || c.neighborAs === w.neighborAs)) {
          expect(cs.indexOf(t)).toBeGreaterThan(cs.indexOf(w));
        }
      }),
    );
  });

  test('"First path received" means one candidate; "Reachable Next Hop" means the others do not resolve', () => {
    fc.assert(
      fc.property(arbBgpCandidates({ minLength: 1 }), options, (cs, opts) => {
        const sel = selectBgp(cs, opts);
        if (sel?.reason === Reason.FirstPath) expect(cs.length).toBe(1);
        if (sel?.reason === Reason.ReachableNextHop) {
          expect(cs.filter((c) => c.nextHopReachable !== false)).toEqual([sel.best]);
          expect(cs.length).toBeGreaterThan(1);
        }
      }),
    );
  });
});

/**
 * The path BGP offers the RIB: its best, or — when several paths tie on every BGP step —
 * the one of them with the lowest distance (then the earliest). The survivors of a full
 * tie are found through the multipath set with as-path relax (every survivor of step 9).
 */
function bgpContestant(
  bgp: readonly BgpCandidate<number>[],
  best: BgpCandidate<number>,
  opts: SelectOptions,
  o: ResolvedOptions,
): BgpCandidate<number> {
  const wide = selectBgp(bgp, { ...opts, maxPaths: 64, bgp: { ...opts.bgp, asPathRelax: true } })!;
  const twins = [
    best,
    ...wide.ecmp.filter((c) => c !== best && compareBgpPair(c, best, opts).preferred === 'equal'),
  ];
  const d = (c: BgpCandidate<number>) => ribKeys(c, o)[0]!;
  return twins.reduce((a, c) =>
    d(c) < d(a) || (d(c) === d(a) && bgp.indexOf(c) < bgp.indexOf(a)) ? c : a,
  );
}

describe('the RIB-level reason', () => {
  test('the winner beats every other contestant by the reason’s step at the latest, and some contestant only there', () => {
    fc.assert(
      fc.property(arbCandidates({ minLength: 1 }), arbSelectOptions(), (cs, opts) => {
        const sel = selectBest(cs, opts);
        const o = resolveOptions(opts);
        const live = cs.filter((c) => installable(c, o));
        if (sel === undefined) {
          expect(live.filter((c) => c.protocol !== 'bgp')).toEqual([]);
          return;
        }
        const bgp = live.filter((c): c is BgpCandidate<number> => c.protocol === 'bgp');
        const bgpBest = selectBgp(bgp, opts);
        const contestants: Candidate<number>[] = live.filter((c) => c.protocol !== 'bgp');
        if (bgpBest !== undefined) contestants.push(bgpContestant(bgp, bgpBest.best, opts, o));
        expect(contestants).toContain(sel.best);
        if (contestants.length === 1) {
          // Only BGP's choice, or one route and BGP paths that do not resolve.
          if (sel.best.protocol === 'bgp') expect(sel.reason).toBe(bgpBest!.reason);
          else expect(sel.reason).toBe(bgp.length > 0 ? Reason.ReachableNextHop : Reason.FirstPath);
          return;
        }
        const w = ribKeys(sel.best, o);
        const firstDifference = contestants
          .filter((c) => c !== sel.best)
          .map((c) => {
            const k = ribKeys(c, o);
            const i = k.findIndex((v, j) => v !== w[j]);
            if (i >= 0) expect(w[i]!, 'the winner has the lower key').toBeLessThan(k[i]!);
            return i;
          });
        if (sel.reason === Reason.NothingLeft) {
          expect(firstDifference).toContain(-1);
          return;
        }
        expect(firstDifference).not.toContain(-1);
        const last = Math.max(...firstDifference);
        expect(RIB_KEY_REASONS[last]).toBe(sel.reason);
      }),
    );
  });
});
