/**
 * Recursive next-hop resolution with next-hop tracking (zebra's NHT, BIRD's hostcache).
 *
 * A next hop given as an address alone is resolved through the RIB itself: the longest
 * prefix containing the address whose candidates resolve (if it resolves through its
 * own next hops, recursively) gives the gateway and interface; prefixes that do not
 * resolve are skipped for shorter ones. Loop protection: while prefix P is being
 * resolved, reaching P again (or any prefix on the current resolution path) makes that
 * next hop unresolvable, as zebra does for a route that "resolves via itself". The
 * default route resolves nothing unless `resolveViaDefault` is set (FRR
 * `ip nht resolve-via-default`).
 *
 * The answer for an address depends only on the routes of the prefixes consulted, so
 * each tracked address keeps a memo with the set of prefixes and addresses it
 * consulted. A change to one of those prefixes, or a prefix appearing or disappearing
 * over one of those addresses, drops the memo and re-resolves every route that uses
 * the address. A route whose own prefix was consulted (it takes part in a loop)
 * cannot use the memo; it is resolved afresh on every change (`fresh`).
 */
import type { Address, Prefix } from '@routekit/prefix';
import type { ResolvedNextHop } from './forwarding.js';
import { PrefixTrie } from './prefix-trie.js';

/** The outcome of resolving one address: resolved next hops (empty: unresolvable). */
export interface Resolution {
  readonly hops: readonly ResolvedNextHop[];
  /** Metric of the route it resolved through (the IGP cost BGP compares). */
  readonly cost: number;
  /** Prefix key of the route it resolved through, -1 when unresolved. */
  readonly via: number;
}

export const UNRESOLVED: Resolution = Object.freeze({ hops: Object.freeze([]), cost: 0, via: -1 });

/** What a resolution consulted (collected only while computing a memo). */
export interface Trace {
  readonly collect: boolean;
  readonly prefixes: Set<number>;
  readonly addrs: Address[];
  /** Set when a memo could not be used because of the resolution path. */
  fresh: boolean;
}

/** The RIB, as the resolver sees it. */
export interface ResolutionHost {
  /** Keys of the prefixes with routes containing `a`, longest first. */
  covering(a: Address): number[];
  lengthOf(key: number): number;
  /** Selection result of prefix `key` with `stack` as the resolution path (it ends with `key`). */
  evaluate(
    key: number,
    stack: number[],
    trace: Trace,
  ): { readonly hops: readonly ResolvedNextHop[]; readonly metric: number };
}

interface Entry {
  readonly address: Address;
  readonly key: string;
  /**
   * Route ids whose next hops include this address; `undefined` once there are more
   * than {@link MANY} (a BGP peer's whole table): then only `many` counts them, and an
   * invalidation asks the RIB to scan its rows instead.
   */
  routes: Set<number> | undefined;
  many: number;
  memo: Resolution | undefined;
  prefixes: readonly number[];
  addrs: readonly Address[];
  computing: boolean;
}

/** Above this many routes per next-hop address, dependents are found by scanning. */
const MANY = 4096;

export function addressKey(a: Address): string {
  return a.family === 4 ? `${a.value}` : `${a.words[0]},${a.words[1]},${a.words[2]},${a.words[3]}`;
}

function hostPrefix(a: Address): Prefix {
  return a.family === 4
    ? { family: 4, address: a, length: 32 }
    : { family: 6, address: a, length: 128 };
}

function meets(xs: readonly number[], stack: readonly number[]): boolean {
  for (let i = 0; i < xs.length; i++) if (stack.includes(xs[i]!)) return true;
  return false;
}

export class NextHopTracker {
  private readonly entries = new Map<string, Entry>();
  private readonly visitors = new Map<number, Set<Entry>>();
  private readonly byAddress = new PrefixTrie<Set<Entry>>({ compile: 'never' });
  private readonly byObject = new WeakMap<Address, Entry>();
  private scans = new Set<string>();

  constructor(
    private readonly host: ResolutionHost,
    private readonly viaDefault: boolean,
  ) {}

  /** Number of tracked addresses. */
  get size(): number {
    return this.entries.size;
  }

  private entry(a: Address): Entry {
    const key = addressKey(a);
    let e = this.entries.get(key);
    if (e === undefined) {
      e = {
        address: a,
        key,
        routes: new Set(),
        many: 0,
        memo: undefined,
        prefixes: [],
        addrs: [],
        computing: false,
      };
      this.entries.set(key, e);
    }
    return e;
  }

  /** Route `route` uses address `a` as a recursive next hop. */
  watch(a: Address, route: number): void {
    const e = this.entryOf(a);
    if (e.routes === undefined) {
      e.many++;
      return;
    }
    e.routes.add(route);
    if (e.routes.size > MANY) {
      e.many = e.routes.size;
      e.routes = undefined;
    }
  }

  unwatch(a: Address, route: number): void {
    const e = this.entries.get(addressKey(a));
    if (e === undefined) return;
    if (e.routes !== undefined) e.routes.delete(route);
    else e.many--;
    if ((e.routes?.size ?? e.many) === 0 && e.memo === undefined) this.entries.delete(e.key);
  }

  private entryOf(a: Address): Entry {
    // Next-hop sets are interned, so the same Address object comes back for every route.
    let e = this.byObject.get(a);
    if (e === undefined || this.entries.get(e.key) !== e) {
      e = this.entry(a);
      this.byObject.set(a, e);
    }
    return e;
  }

  /** Addresses whose dependents must be found by scanning (see `routes`); cleared. */
  takeScans(): Set<string> {
    const s = this.scans;
    this.scans = new Set();
    return s;
  }

  /** Resolves `a` for a route of the last prefix on `stack`. */
  resolve(a: Address, stack: number[], trace: Trace): Resolution {
    const e = this.entryOf(a);
    if (e.memo === undefined && !e.computing) {
      e.computing = true;
      const t: Trace = { collect: true, prefixes: new Set(), addrs: [], fresh: false };
      try {
        e.memo = this.walk(a, [], t);
      } finally {
        e.computing = false;
      }
      e.prefixes = [...t.prefixes];
      e.addrs = t.addrs;
      this.register(e);
    }
    if (e.memo !== undefined && !meets(e.prefixes, stack)) {
      if (trace.collect) {
        for (const p of e.prefixes) trace.prefixes.add(p);
        for (const x of e.addrs) trace.addrs.push(x);
      }
      return e.memo;
    }
    trace.fresh = true;
    return this.walk(a, stack, trace);
  }

  private walk(a: Address, stack: number[], trace: Trace): Resolution {
    if (trace.collect) trace.addrs.push(a);
    for (const key of this.host.covering(a)) {
      if (trace.collect) trace.prefixes.add(key);
      if (stack.includes(key)) return UNRESOLVED;
      if (this.host.lengthOf(key) === 0 && !this.viaDefault) return UNRESOLVED;
      stack.push(key);
      const ev = this.host.evaluate(key, stack, trace);
      stack.pop();
      if (ev.hops.length > 0) {
        let hops = ev.hops;
        if (hops.some((h) => h.address === undefined)) {
          hops = hops.map((h) =>
            h.address === undefined ? { address: a, interface: h.interface } : h,
          );
        }
        return { hops, cost: ev.metric, via: key };
      }
    }
    return UNRESOLVED;
  }

  private register(e: Entry): void {
    for (const p of e.prefixes) {
      let s = this.visitors.get(p);
      if (s === undefined) {
        s = new Set();
        this.visitors.set(p, s);
      }
      s.add(e);
    }
    for (const a of e.addrs) {
      const hp = hostPrefix(a);
      let s = this.byAddress.get(hp);
      if (s === undefined) {
        s = new Set();
        this.byAddress.set(hp, s);
      }
      s.add(e);
    }
  }

  private invalidate(e: Entry, out: Set<number>): void {
    if (e.memo === undefined) return;
    e.memo = undefined;
    for (const p of e.prefixes) {
      const s = this.visitors.get(p);
      if (s !== undefined) {
        s.delete(e);
        if (s.size === 0) this.visitors.delete(p);
      }
    }
    for (const a of e.addrs) {
      const hp = hostPrefix(a);
      const s = this.byAddress.get(hp);
      if (s !== undefined) {
        s.delete(e);
        if (s.size === 0) this.byAddress.delete(hp);
      }
    }
    e.prefixes = [];
    e.addrs = [];
    if (e.routes === undefined) this.scans.add(e.key);
    else for (const r of e.routes) out.add(r);
    if ((e.routes?.size ?? e.many) === 0) this.entries.delete(e.key);
  }

  /** Number of distinct addresses some memo consulted. */
  get consultedCount(): number {
    return this.byAddress.size;
  }

  /** Calls `fn` with every address some memo consulted. */
  forEachConsulted(fn: (a: Address) => void): void {
    for (const { prefix } of this.byAddress.entries()) fn(prefix.address);
  }

  /** A prefix containing `a` came or went: drop the memos that consulted `a`. */
  addressChanged(a: Address, out: Set<number>): void {
    const s = this.byAddress.get(hostPrefix(a));
    if (s !== undefined) for (const e of [...s]) this.invalidate(e, out);
  }

  /** The routes of prefix `key` changed: drop every memo that consulted it; affected routes go to `out`. */
  prefixChanged(key: number, out: Set<number>): void {
    const s = this.visitors.get(key);
    if (s === undefined) return;
    for (const e of [...s]) this.invalidate(e, out);
  }

  /** Prefix `p` appeared or disappeared: drop every memo that consulted an address inside it. */
  prefixAppeared(p: Prefix, out: Set<number>): void {
    for (const { value } of this.byAddress.within(p)) {
      for (const e of [...value]) this.invalidate(e, out);
    }
  }
}
