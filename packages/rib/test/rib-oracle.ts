/**
 * The RIB's forwarding view recomputed from scratch, by the definition in
 * `src/nexthop.ts` and nothing else: no memos, no incremental state.
 */
import {
  type Address,
  comparePrefix,
  containsAddress,
  type Prefix,
  prefixKey,
} from '@routekit/prefix';
import { type Candidate, type SelectOptions, selectBest } from '@routekit/route-selection';
import type { ForwardingEntry, NextHop, ResolvedNextHop, RouteInput } from '../src/index.js';

interface Stored {
  readonly prefix: Prefix;
  readonly nextHops: readonly NextHop[];
  readonly source: string;
  readonly distance: number;
  readonly metric: number;
  readonly attrs: unknown;
}

function sameHop(x: ResolvedNextHop, y: ResolvedNextHop): boolean {
  return x.interface === y.interface && JSON.stringify(x.address) === JSON.stringify(y.address);
}

export class RibOracle {
  /** prefix key → source → route, in arrival order. */
  readonly table: Map<string, { prefix: Prefix; routes: Map<string, Stored> }> = new Map();

  constructor(
    readonly selection: SelectOptions = {},
    readonly viaDefault = false,
  ) {}

  add(r: RouteInput & { prefix: Prefix }): void {
    const k = prefixKey(r.prefix);
    let e = this.table.get(k);
    if (e === undefined) {
      e = { prefix: r.prefix, routes: new Map() };
      this.table.set(k, e);
    }
    e.routes.set(r.source, { ...r, nextHops: r.nextHops as NextHop[], attrs: r.attrs });
  }

  remove(prefix: Prefix, source: string): boolean {
    const k = prefixKey(prefix);
    const e = this.table.get(k);
    if (e === undefined || !e.routes.delete(source)) return false;
    if (e.routes.size === 0) this.table.delete(k);
    return true;
  }

  removeSource(source: string): number {
    let n = 0;
    for (const e of [...this.table.values()]) if (this.remove(e.prefix, source)) n++;
    return n;
  }

  private resolve(a: Address, stack: string[]): { hops: ResolvedNextHop[]; cost: number } {
    const chain = [...this.table.values()]
      .filter((e) => containsAddress(e.prefix, a))
      .sort((x, y) => y.prefix.length - x.prefix.length);
    for (const e of chain) {
      const k = prefixKey(e.prefix);
      if (stack.includes(k)) break;
      if (e.prefix.length === 0 && !this.viaDefault) break;
      const ev = this.evaluate(k, [...stack, k]);
      if (ev.hops.length > 0) {
        return {
          hops: ev.hops.map((h) =>
            h.address === undefined ? { address: a, interface: h.interface } : h,
          ),
          cost: ev.metric,
        };
      }
    }
    return { hops: [], cost: 0 };
  }

  evaluate(key: string, stack: string[]): { hops: ResolvedNextHop[]; metric: number } {
    const e = this.table.get(key)!;
    const cands: Candidate<Stored>[] = [];
    const resolved: ResolvedNextHop[][] = [];
    for (const r of e.routes.values()) {
      const acc: ResolvedNextHop[] = [];
      let cost = Number.POSITIVE_INFINITY;
      for (const h of r.nextHops) {
        if (h.interface !== undefined) {
          acc.push(h as ResolvedNextHop);
          cost = 0;
        } else {
          const res = this.resolve(h.address!, stack);
          acc.push(...res.hops);
          if (res.hops.length > 0) cost = Math.min(cost, res.cost);
        }
      }
      if (acc.length === 0) continue;
      const protocol = r.source.split(':')[0] as Candidate['protocol'];
      const c =
        protocol === 'bgp'
          ? ({
              ...(r.attrs as object),
              protocol,
              route: r,
              distance: r.distance,
              nextHopReachable: true,
              igpCost: cost,
            } as Candidate<Stored>)
          : ({ protocol, route: r, distance: r.distance, metric: r.metric } as Candidate<Stored>);
      cands.push(c);
      resolved.push(acc);
    }
    const sel = selectBest(cands, this.selection);
    if (sel === undefined) return { hops: [], metric: 0 };
    const hops: ResolvedNextHop[] = [];
    for (const c of sel.ecmp) {
      for (const h of resolved[cands.indexOf(c)]!)
        if (!hops.some((x) => sameHop(x, h))) hops.push(h);
    }
    return { hops, metric: sel.best.route.metric };
  }

  forwarding(): ForwardingEntry[] {
    const out: ForwardingEntry[] = [];
    for (const e of [...this.table.values()].sort((x, y) => comparePrefix(x.prefix, y.prefix))) {
      const k = prefixKey(e.prefix);
      const ev = this.evaluate(k, [k]);
      if (ev.hops.length > 0) out.push({ prefix: e.prefix, nextHops: ev.hops });
    }
    return out;
  }
}
