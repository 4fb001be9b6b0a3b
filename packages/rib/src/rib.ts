/**
 * `Rib`: every protocol's candidate routes, one per prefix and source; the selected
 * route, ECMP set and resolved next hops per prefix; batched change events.
 *
 * Storage is columnar. Prefixes live in an `Ipv4Trie` / `Ipv6Trie` and per-prefix state
 * in typed arrays indexed by trie handle; routes are rows of typed arrays (next route
 * of the same prefix, source id, distance, metric, next-hop set id, attrs id) with
 * sources, next-hop sets and attribute objects interned. Route objects are built on
 * demand.
 *
 * Changes are applied at the end of each call, or of a `batch`: the prefixes touched
 * and every prefix whose next-hop resolution depended on them are re-selected once,
 * and one array of changes goes to the listeners.
 */
import type { Address, Prefix } from '@routekit/prefix';
import {
  type BgpCandidate,
  type Candidate,
  isSelectionError,
  NEVER_INSTALLED,
  type Protocol,
  RIP_INFINITY,
  type SelectOptions,
  selectBest,
  validateCandidate,
} from '@routekit/route-selection';
import { toAddress } from './address.js';
import { grow } from './bits.js';
import { RibError } from './errors.js';
import type { ForwardingEntry, ResolvedNextHop } from './forwarding.js';
import { PrefixHash4 } from './hash4.js';
import { IdentityTable, KeyedTable } from './intern.js';
import { addressKey, NextHopTracker, type Resolution, type Trace } from './nexthop.js';
import {
  type BgpAttrs,
  checkNumbers,
  type NextHop,
  normalizeNextHops,
  type OspfAttrs,
  protocolOf,
  type Route,
  type RouteInput,
  toPrefix,
} from './route.js';
import { Ipv4Trie } from './trie4.js';
import { Ipv6Trie } from './trie6.js';

export interface RibOptions {
  /** Passed to `selectBest` (distances table, `maxPaths` for ECMP, BGP options). */
  readonly selection?: SelectOptions;
  /** Let next hops resolve through a default route (FRR `ip nht resolve-via-default`). Default false. */
  readonly resolveViaDefault?: boolean;
  /** Route rows to allocate up front (and IPv4 trie nodes for as many prefixes). */
  readonly capacity?: number;
}

/** The selected state of one prefix. */
export interface Selected<A = unknown> {
  readonly prefix: Prefix;
  readonly best: Route<A>;
  /** Starts with `best`; more than one route with `maxPaths` > 1. */
  readonly ecmp: readonly Route<A>[];
  /** The ECMP set's next hops after recursive resolution (what is installed). */
  readonly nextHops: readonly ResolvedNextHop[];
}

/** One change of a prefix's selected route, ECMP set or resolved next hops. */
export interface RibChange<A = unknown> {
  readonly kind: 'add' | 'change' | 'remove';
  readonly prefix: Prefix;
  /** The new best route (absent for `remove`). */
  readonly best?: Route<A>;
  readonly ecmp: readonly Route<A>[];
  /** Resolved next hops now installed (empty for `remove`). */
  readonly nextHops: readonly ResolvedNextHop[];
  /** The best route before (absent for `add`). */
  readonly previous?: Route<A>;
}

/** How one next hop of one route resolved (for `show ip route`-style output). */
export interface NextHopDetail {
  readonly nextHop: NextHop;
  /** True when the next hop was resolved through another route. */
  readonly recursive: boolean;
  /** The prefix it resolved through, for a recursive next hop that resolved. */
  readonly via?: Prefix;
  /** Resolved next hops (empty: inactive). */
  readonly resolved: readonly ResolvedNextHop[];
}

/** One candidate route with its resolution and whether it is selected. */
export interface RouteDetail<A = unknown> {
  readonly route: Route<A>;
  readonly selected: boolean;
  readonly inEcmp: boolean;
  readonly nextHops: readonly NextHopDetail[];
}

interface Evaluation {
  readonly best: number;
  /** The ECMP set when it has more than the best route. */
  readonly ecmp: readonly number[] | undefined;
  readonly hops: readonly ResolvedNextHop[];
  readonly metric: number;
}

/** Int32 per route row. */
const R = 8;
const DIRTY = 1;
const SHAPE = 2;

const EMPTY: Evaluation = Object.freeze({
  best: -1,
  ecmp: undefined,
  hops: Object.freeze([]),
  metric: 0,
});
// Traces that collect nothing share one empty set and array (they are never written).
const NOTHING_SEEN = new Set<number>();
const NO_ADDRESSES: Address[] = [];
const NO_TRACE = (): Trace => ({
  collect: false,
  prefixes: NOTHING_SEEN,
  addrs: NO_ADDRESSES,
  fresh: false,
});

/** Per-prefix columns of one family, indexed by trie handle. */
class PrefixColumns {
  head: Int32Array = new Int32Array(64).fill(-1);
  best: Int32Array = new Int32Array(64).fill(-1);
  /** Batch marks: DIRTY, SHAPE. */
  mark: Uint8Array = new Uint8Array(64);
  hops: (readonly ResolvedNextHop[] | undefined)[] = [];

  ensure(h: number): void {
    if (h < this.head.length) return;
    const n = Math.max(h + 1, Math.ceil(this.head.length * 1.5));
    const old = this.head.length;
    this.head = grow(this.head, n);
    this.head.fill(-1, old);
    this.best = grow(this.best, n);
    this.best.fill(-1, old);
    this.mark = grow(this.mark, n);
  }

  byteLength(): number {
    return (
      this.head.byteLength + this.best.byteLength + this.mark.byteLength + this.hops.length * 8
    );
  }
}

type PooledBgp = { -readonly [K in keyof BgpCandidate<number>]: BgpCandidate<number>[K] };

/** The distinct hops of `hops`, in order (the array itself when already distinct). */
function mergeHops(hops: readonly ResolvedNextHop[]): readonly ResolvedNextHop[] {
  const acc: ResolvedNextHop[] = [];
  for (const y of hops) if (!acc.some((z) => sameHop(z, y))) acc.push(y);
  return acc.length === hops.length ? hops : acc;
}

function sameHop(x: ResolvedNextHop, y: ResolvedNextHop): boolean {
  if (x === y) return true;
  if (x.interface !== y.interface) return false;
  if (x.address === undefined || y.address === undefined) return x.address === y.address;
  return addressKey(x.address) === addressKey(y.address);
}

function sameHops(a: readonly ResolvedNextHop[], b: readonly ResolvedNextHop[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!sameHop(a[i]!, b[i]!)) return false;
  }
  return true;
}

function hopsKey(hops: readonly NextHop[]): string {
  let k = '';
  for (const h of hops)
    k += `${h.address === undefined ? '' : addressKey(h.address)}%${h.interface ?? ''}|`;
  return k;
}

export class Rib<A = unknown> {
  private readonly t4: Ipv4Trie;
  private readonly t6: Ipv6Trie;
  /** Exact IPv4 prefix → `t4` handle, so finding a present prefix skips the trie walk. */
  private readonly h4: PrefixHash4;
  private readonly c4 = new PrefixColumns();
  private readonly c6 = new PrefixColumns();
  private readonly ecmpOf = new Map<number, readonly number[]>();

  /**
   * Route rows, {@link R} int32 each, interleaved so one row is one cache line half:
   * prefix key, next route of the prefix, source id, distance, metric (uint32 bits),
   * next-hop set id, attrs id, batch stamp.
   */
  private rows: Int32Array;
  private rowsUsed = 0;
  private freeRow = -1;
  private routeTotal = 0;
  private prefixTotal = 0;

  private readonly sourceIds = new Map<string, number>();
  private readonly sourceNames: string[] = [];
  private readonly sourceProtocols: Protocol[] = [];
  private readonly nextHopSets = new KeyedTable<readonly NextHop[]>();
  private readonly attrSets = new IdentityTable<A>();

  private readonly tracker: NextHopTracker;
  private readonly selection: SelectOptions | undefined;

  // Pending work of the current batch.
  // Per batch: prefixes whose routes changed (`dirty`) and whose route list became
  // empty or non-empty (`shape`), as lists plus mark bits in the prefix columns.
  private dirty: number[] = [];
  private shape: number[] = [];
  private readonly before = new Map<number, Route<A>>();
  private readonly validBgp = new WeakMap<object, number>();
  private lastHopsIn: unknown;
  private lastHopsFamily = 0;
  private lastHops: NextHop[] = [];
  private lastHopsKey = '';
  private lastSource: string | undefined;
  private lastSrc = 0;
  private lastValidAttrs: unknown;
  private lastValidDistance = -1;
  private lastAttrs: unknown;
  private lastAttrsId = -1;
  /** Batch number (int32) stamped on each row written in it (see `isRewritten`). */
  private batchNo = 1;
  private readonly loopy = new Set<number>();
  private depth = 0;
  private emitting = false;
  private readonly bgpPool: PooledBgp[] = [];
  private readonly listeners = new Set<(changes: readonly RibChange<A>[]) => void>();

  constructor(options: RibOptions = {}) {
    const cap = Math.max(16, options.capacity ?? 1024);
    // A path-compressed trie has about 1.6 nodes per prefix on a full table.
    this.t4 = new Ipv4Trie({ compile: 'never', capacity: Math.ceil(cap * 1.7) });
    this.t6 = new Ipv6Trie({ compile: 'never', capacity: 64 });
    this.h4 = new PrefixHash4(cap);
    this.rows = new Int32Array(R * cap);
    this.selection = options.selection;
    this.tracker = new NextHopTracker(
      {
        covering: (a) => this.covering(a),
        lengthOf: (pk) =>
          (pk & 1) === 0 ? this.t4.lengthOf(pk >>> 1) : this.t6.lengthOf(pk >>> 1),
        evaluate: (pk, stack, trace) => this.evaluate(pk, stack, trace),
      },
      options.resolveViaDefault ?? false,
    );
  }

  /** Prefixes with at least one candidate route. */
  get size(): number {
    return this.prefixTotal;
  }

  /** Candidate routes held. */
  get routeCount(): number {
    return this.routeTotal;
  }

  /** Bytes of the typed arrays and per-prefix arrays (interned values and JS maps not included). */
  byteLength(): number {
    const t4 = this.t4.byteLength();
    const t6 = this.t6.byteLength();
    return (
      t4.trie +
      t6.trie +
      this.h4.byteLength +
      this.c4.byteLength() +
      this.c6.byteLength() +
      this.rows.byteLength
    );
  }

  // ---------------------------------------------------------------- prefixes

  private cols(pk: number): PrefixColumns {
    return (pk & 1) === 0 ? this.c4 : this.c6;
  }

  private findKey(p: Prefix): number {
    if (p.family === 4) {
      const h = this.h4.get(p.address.value, p.length);
      return h < 0 ? -1 : h * 2;
    }
    const w = p.address.words;
    const h = this.t6.find(w[0], w[1], w[2], w[3], p.length);
    return h < 0 ? -1 : h * 2 + 1;
  }

  private insertKey(p: Prefix): number {
    let h: number;
    let c: PrefixColumns;
    if (p.family === 4) {
      h = this.h4.get(p.address.value, p.length);
      if (h >= 0) return h * 2;
      h = this.t4.insert(p.address.value, p.length);
      c = this.c4;
      this.h4.set(p.address.value, p.length, h);
    } else {
      const w = p.address.words;
      const before = this.t6.size;
      h = this.t6.insert(w[0], w[1], w[2], w[3], p.length);
      c = this.c6;
      if (this.t6.size === before) return h * 2 + 1;
    }
    c.ensure(h);
    c.head[h] = -1;
    c.best[h] = -1;
    c.mark[h] = 0;
    c.hops[h] = undefined;
    return h * 2 + (p.family === 4 ? 0 : 1);
  }

  private prefixOf(pk: number): Prefix {
    const h = pk >>> 1;
    if ((pk & 1) === 0) {
      return {
        family: 4,
        address: { family: 4, value: this.t4.keyOf(h) },
        length: this.t4.lengthOf(h),
      };
    }
    const t = this.t6;
    return {
      family: 6,
      address: {
        family: 6,
        words: [t.wordOf(h, 0), t.wordOf(h, 1), t.wordOf(h, 2), t.wordOf(h, 3)],
      },
      length: t.lengthOf(h),
    };
  }

  private headOf(pk: number): number {
    return this.cols(pk).head[pk >>> 1]!;
  }

  /** Keys of every prefix in the tries containing `a` (with routes or not). */
  private chainOf(a: Address): number[] {
    if (a.family === 4) return this.t4.matches(a.value).map((h) => h * 2);
    return this.t6.matches(a.words[0], a.words[1], a.words[2], a.words[3]).map((h) => h * 2 + 1);
  }

  /** Keys of prefixes with routes containing `a`, longest first. */
  private covering(a: Address): number[] {
    const hs =
      a.family === 4
        ? this.t4.matches(a.value)
        : this.t6.matches(a.words[0], a.words[1], a.words[2], a.words[3]);
    const fam = a.family === 4 ? 0 : 1;
    const c = fam === 0 ? this.c4 : this.c6;
    const out: number[] = [];
    for (let i = hs.length - 1; i >= 0; i--) {
      const h = hs[i]!;
      if (c.head[h]! >= 0) out.push(h * 2 + fam);
    }
    return out;
  }

  // ---------------------------------------------------------------- routes

  private route(r: number): Route<A> {
    const attrs = this.rows[R * r + 6]!;
    return {
      prefix: this.prefixOf(this.rows[R * r + 0]!),
      nextHops: this.nextHopSets.get(this.rows[R * r + 5]!),
      source: this.sourceNames[this.rows[R * r + 2]!]!,
      distance: this.rows[R * r + 3]!,
      metric: this.rows[R * r + 4]! >>> 0,
      attrs: (attrs < 0 ? undefined : this.attrSets.get(attrs)) as A,
    };
  }

  private allocRow(): number {
    let r = this.freeRow;
    if (r >= 0) {
      this.freeRow = this.rows[R * r + 1]!;
      return r;
    }
    r = this.rowsUsed++;
    if (R * r >= this.rows.length) this.rows = grow(this.rows, R * Math.ceil(r * 1.5));
    return r;
  }

  private sourceId(source: string): number {
    let id = this.sourceIds.get(source);
    if (id === undefined) {
      const protocol = protocolOf(source);
      id = this.sourceNames.length;
      if (id > 0xffff) throw new RibError('invalid-source', 'more than 65536 distinct sources');
      this.sourceIds.set(source, id);
      this.sourceNames.push(source);
      this.sourceProtocols.push(protocol);
    }
    return id;
  }

  private candidate(r: number, cost: number): Candidate<number> {
    const protocol = this.sourceProtocols[this.rows[R * r + 2]!]!;
    const distance = this.rows[R * r + 3]!;
    const ai = this.rows[R * r + 6]!;
    if (protocol === 'bgp') {
      const a = (ai < 0 ? {} : this.attrSets.get(ai)) as BgpAttrs;
      return {
        protocol,
        route: r,
        distance,
        nextHopReachable: true,
        igpCost: cost,
        peerType: a.peerType,
        weight: a.weight,
        localPref: a.localPref,
        locallyOriginated: a.locallyOriginated,
        asPathLength: a.asPathLength,
        origin: a.origin,
        med: a.med,
        neighborAs: a.neighborAs,
        routerId: a.routerId,
        originatorId: a.originatorId,
        clusterListLength: a.clusterListLength,
        peerAddress: a.peerAddress,
        arrivalTime: a.arrivalTime,
        stale: a.stale,
        asPathKey: a.asPathKey,
      };
    }
    if (protocol === 'ospf') {
      const a = (ai < 0 ? {} : (this.attrSets.get(ai) ?? {})) as OspfAttrs;
      return {
        protocol,
        route: r,
        distance,
        metric: this.rows[R * r + 4]! >>> 0,
        pathType: a.pathType,
        type2Metric: a.type2Metric,
      };
    }
    return { protocol, route: r, distance, metric: this.rows[R * r + 4]! >>> 0 };
  }

  /**
   * `candidate(r, cost)` for the `i`-th candidate of one selection, reusing the BGP
   * candidate objects of earlier selections (selection keeps no reference to them once it
   * returns, and `evaluate` builds them only after every nested resolution is done).
   */
  private pooledCandidate(i: number, r: number, cost: number): Candidate<number> {
    if (this.sourceProtocols[this.rows[R * r + 2]!] !== 'bgp') return this.candidate(r, cost);
    const c = this.bgpPool[i];
    if (c === undefined) {
      const fresh = this.candidate(r, cost) as PooledBgp;
      this.bgpPool[i] = fresh;
      return fresh;
    }
    const ai = this.rows[R * r + 6]!;
    const a = (ai < 0 ? {} : this.attrSets.get(ai)) as BgpAttrs;
    c.route = r;
    c.distance = this.rows[R * r + 3]!;
    c.igpCost = cost;
    c.peerType = a.peerType;
    c.weight = a.weight;
    c.localPref = a.localPref;
    c.locallyOriginated = a.locallyOriginated;
    c.asPathLength = a.asPathLength;
    c.origin = a.origin;
    c.med = a.med;
    c.neighborAs = a.neighborAs;
    c.routerId = a.routerId;
    c.originatorId = a.originatorId;
    c.clusterListLength = a.clusterListLength;
    c.peerAddress = a.peerAddress;
    c.arrivalTime = a.arrivalTime;
    c.stale = a.stale;
    c.asPathKey = a.asPathKey;
    return c;
  }

  private checkWritable(): void {
    if (this.emitting)
      throw new RibError('reentrant-update', 'the RIB cannot be changed from a change listener');
  }

  /**
   * Adds a candidate route, replacing the route of the same prefix and source. Throws
   * (before changing anything) `invalid-prefix`, `no-next-hops`, `invalid-next-hop`,
   * `invalid-address`, `distance-out-of-range`, `metric-out-of-range`,
   * `invalid-source`, `invalid-attrs`, `reentrant-update`.
   */
  add(input: RouteInput<A>): void {
    this.checkWritable();
    if (input === null || typeof input !== 'object')
      throw new RibError('invalid-prefix', 'route is not an object');
    const prefix = toPrefix(input.prefix);
    let hops = this.lastHops;
    let nhKey = this.lastHopsKey;
    if (input.nextHops !== this.lastHopsIn || prefix.family !== this.lastHopsFamily) {
      // Routes are immutable: the same next-hop array again is the same next hops.
      hops = normalizeNextHops(prefix, input.nextHops);
      nhKey = hopsKey(hops);
      this.lastHopsIn = input.nextHops;
      this.lastHopsFamily = prefix.family;
      this.lastHops = hops;
      this.lastHopsKey = nhKey;
    }
    checkNumbers(input.distance, input.metric);
    // One-entry caches: a peer's table load repeats the same source and attribute set.
    let src = this.lastSrc;
    if (input.source !== this.lastSource) {
      src = this.sourceId(input.source);
      this.lastSource = input.source;
      this.lastSrc = src;
    }
    const attrs = input.attrs;
    const protocol = this.sourceProtocols[src]!;
    if (
      protocol !== 'bgp' ||
      attrs === null ||
      typeof attrs !== 'object' ||
      (attrs !== this.lastValidAttrs && this.validBgp.get(attrs) !== input.distance) ||
      (attrs === this.lastValidAttrs && this.lastValidDistance !== input.distance)
    ) {
      this.checkCandidate(protocol, input.distance, input.metric, attrs);
      if (protocol === 'bgp') {
        this.validBgp.set(attrs as object, input.distance);
        this.lastValidAttrs = attrs;
        this.lastValidDistance = input.distance;
      }
    }

    const pk = this.insertKey(prefix);
    const c = this.cols(pk);
    const h = pk >>> 1;
    let last = -1;
    let r = c.head[h]!;
    while (r >= 0 && this.rows[R * r + 2] !== src) {
      last = r;
      r = this.rows[R * r + 1]!;
    }
    const nhId = this.nextHopSets.acquire(nhKey, () =>
      Object.freeze(hops.map((x) => Object.freeze(x))),
    );
    const attrsId =
      attrs === undefined
        ? -1
        : attrs === this.lastAttrs && this.attrSets.retainIf(this.lastAttrsId, attrs)
          ? this.lastAttrsId
          : this.attrSets.acquire(attrs);
    if (attrs !== undefined) {
      this.lastAttrs = attrs;
      this.lastAttrsId = attrsId;
    }
    if (r >= 0) {
      if (
        this.rows[R * r + 5] === nhId &&
        this.rows[R * r + 6] === attrsId &&
        this.rows[R * r + 3] === input.distance &&
        this.rows[R * r + 4]! >>> 0 === input.metric
      ) {
        this.nextHopSets.release(nhId);
        if (attrsId >= 0) this.attrSets.release(attrsId);
        return; // the same route again
      }
      this.touch(pk);
      this.unwatchRow(r);
      this.nextHopSets.release(this.rows[R * r + 5]!);
      if (this.rows[R * r + 6]! >= 0) this.attrSets.release(this.rows[R * r + 6]!);
    } else {
      this.touch(pk);
      r = this.allocRow();
      this.rows[R * r + 0] = pk;
      this.rows[R * r + 1] = -1;
      this.rows[R * r + 2] = src;
      if (last < 0) {
        c.head[h] = r;
        this.shapeChanged(pk);
        this.prefixTotal++;
      } else this.rows[R * last + 1] = r;
      this.routeTotal++;
    }
    this.rows[R * r + 7] = this.batchNo;
    this.rows[R * r + 3] = input.distance;
    this.rows[R * r + 4] = input.metric;
    this.rows[R * r + 5] = nhId;
    this.rows[R * r + 6] = attrsId;
    for (const x of this.nextHopSets.get(nhId))
      if (x.interface === undefined) this.tracker.watch(x.address!, r);
    if (this.depth === 0) this.flush();
  }

  private checkCandidate(
    protocol: Protocol,
    distance: number,
    metric: number,
    attrs: unknown,
  ): void {
    const trial =
      protocol === 'bgp'
        ? { ...(attrs as object), protocol, route: 0, distance }
        : protocol === 'ospf'
          ? { ...(attrs as object), protocol, route: 0, distance, metric }
          : { protocol, route: 0, distance, metric };
    try {
      validateCandidate(trial as Candidate, 0);
    } catch (e) {
      // A type guard, not instanceof: a second copy of route-selection (src and dist) has another class.
      if (isSelectionError(e)) {
        const field = e.field;
        throw new RibError(
          field === 'metric' ? 'metric-out-of-range' : 'invalid-attrs',
          `${protocol} route rejected by route selection: ${e.message}`,
          { cause: e },
        );
      }
      throw e;
    }
  }

  private unwatchRow(r: number): void {
    for (const x of this.nextHopSets.get(this.rows[R * r + 5]!))
      if (x.interface === undefined) this.tracker.unwatch(x.address!, r);
  }

  /** Records the selected state of `pk` before its first change in this batch. */
  private touch(pk: number): void {
    const c = this.cols(pk);
    const h = pk >>> 1;
    const m = c.mark[h]!;
    if ((m & DIRTY) !== 0) return;
    c.mark[h] = m | DIRTY;
    this.dirty.push(pk);
    // The old best route is kept only for listeners (its row may change in the batch).
    const b = c.best[h]!;
    if (b >= 0 && this.listeners.size > 0) this.before.set(pk, this.route(b));
  }

  private shapeChanged(pk: number): void {
    const c = this.cols(pk);
    const h = pk >>> 1;
    const m = c.mark[h]!;
    if ((m & SHAPE) !== 0) return;
    c.mark[h] = m | SHAPE;
    this.shape.push(pk);
  }

  /** Removes the route of `source` for `prefix`; false when there is none. */
  remove(prefix: Prefix | string, source: string): boolean {
    this.checkWritable();
    const p = toPrefix(prefix);
    const pk = this.findKey(p);
    if (pk < 0) return false;
    const src = this.sourceIds.get(source);
    if (src === undefined) return false;
    const c = this.cols(pk);
    const h = pk >>> 1;
    let last = -1;
    let r = c.head[h]!;
    while (r >= 0 && this.rows[R * r + 2] !== src) {
      last = r;
      r = this.rows[R * r + 1]!;
    }
    if (r < 0) return false;
    this.removeRow(pk, r, last);
    if (this.depth === 0) this.flush();
    return true;
  }

  private removeRow(pk: number, r: number, last: number): void {
    this.touch(pk);
    const c = this.cols(pk);
    const h = pk >>> 1;
    if (last < 0) c.head[h] = this.rows[R * r + 1]!;
    else this.rows[R * last + 1] = this.rows[R * r + 1]!;
    if (c.head[h]! < 0) {
      this.shapeChanged(pk);
      this.prefixTotal--;
    }
    this.unwatchRow(r);
    this.nextHopSets.release(this.rows[R * r + 5]!);
    if (this.rows[R * r + 6]! >= 0) this.attrSets.release(this.rows[R * r + 6]!);
    this.rows[R * r + 1] = this.freeRow;
    this.rows[R * r + 0] = -1;
    this.freeRow = r;
    this.rows[R * r + 7] = this.batchNo;
    this.routeTotal--;
  }

  /** Removes every route of `source` (a session went down); returns how many. */
  removeSource(source: string): number {
    this.checkWritable();
    const src = this.sourceIds.get(source);
    if (src === undefined) return 0;
    let n = 0;
    this.batch(() => {
      const visit = (fam: number, c: PrefixColumns) => (h: number) => {
        let last = -1;
        let r = c.head[h]!;
        while (r >= 0 && this.rows[R * r + 2] !== src) {
          last = r;
          r = this.rows[R * r + 1]!;
        }
        if (r >= 0) {
          this.removeRow(h * 2 + fam, r, last);
          n++;
        }
      };
      this.t4.forEach(visit(0, this.c4));
      this.t6.forEach(visit(1, this.c6));
    });
    return n;
  }

  /**
   * Runs `fn` and applies all its changes at once: each affected prefix is re-selected
   * once and listeners get one array of changes. Batches nest.
   */
  batch<R>(fn: () => R): R {
    this.checkWritable();
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
      if (this.depth === 0) this.flush();
    }
  }

  /** Calls `listener` with each batch of changes; returns the unsubscribe function. */
  subscribe(listener: (changes: readonly RibChange<A>[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---------------------------------------------------------------- selection

  private evaluate(
    pk: number,
    stack: number[],
    trace: Trace,
    detail?: RouteDetail<A>[],
  ): Evaluation {
    const c = this.cols(pk);
    const h = pk >>> 1;
    // The first resolvable route is kept in locals: most prefixes have only one.
    let count = 0;
    let r0 = -1;
    let out0: readonly ResolvedNextHop[] = [];
    let cost0 = 0;
    let rows: number[] | undefined;
    let resolved: (readonly ResolvedNextHop[])[] | undefined;
    let costs: number[] | undefined;
    for (let r = c.head[h]!; r >= 0; r = this.rows[R * r + 1]!) {
      const hops = this.nextHopSets.get(this.rows[R * r + 5]!);
      let out: readonly ResolvedNextHop[] | ResolvedNextHop[] = hops as readonly ResolvedNextHop[];
      let cost = 0;
      let allTerminal = true;
      for (const x of hops) if (x.interface === undefined) allTerminal = false;
      const details: NextHopDetail[] | undefined = detail === undefined ? undefined : [];
      if (details === undefined && hops.length === 1 && !allTerminal) {
        // One recursive next hop (a BGP route): its resolution as is, without merging.
        const res = this.tracker.resolve(hops[0]!.address!, stack, trace);
        if (res.hops.length !== 1) {
          if (res.hops.length === 0) continue;
          out = mergeHops(res.hops);
          cost = res.cost;
        } else {
          out = res.hops;
          cost = res.cost;
        }
      } else if (!allTerminal || details !== undefined) {
        const acc: ResolvedNextHop[] = [];
        cost = Number.POSITIVE_INFINITY;
        let single: Resolution | undefined;
        let parts = 0;
        for (const x of hops) {
          if (x.interface !== undefined) {
            if (!acc.some((z) => sameHop(z, x as ResolvedNextHop))) acc.push(x as ResolvedNextHop);
            cost = 0;
            parts++;
            details?.push({ nextHop: x, recursive: false, resolved: [x as ResolvedNextHop] });
            continue;
          }
          const res = this.tracker.resolve(x.address!, stack, trace);
          if (res.hops.length > 0) {
            for (const y of res.hops) if (!acc.some((z) => sameHop(z, y))) acc.push(y);
            if (res.cost < cost) cost = res.cost;
            single = res;
            parts++;
          }
          if (details !== undefined) {
            const d: NextHopDetail =
              res.via >= 0
                ? { nextHop: x, recursive: true, via: this.prefixOf(res.via), resolved: res.hops }
                : { nextHop: x, recursive: true, resolved: res.hops };
            details.push(d);
          }
        }
        // Share the memo's array when one recursive next hop gave everything.
        out =
          parts === 1 && single !== undefined && acc.length === single.hops.length
            ? single.hops
            : acc;
        if (out.length === 0) cost = 0;
      }
      if (detail !== undefined) {
        detail.push({ route: this.route(r), selected: false, inEcmp: false, nextHops: details! });
      }
      if (out.length === 0) continue;
      if (count === 0) {
        r0 = r;
        out0 = out;
        cost0 = cost;
      } else {
        if (rows === undefined || resolved === undefined || costs === undefined) {
          rows = [r0];
          resolved = [out0];
          costs = [cost0];
        }
        rows.push(r);
        resolved.push(out);
        costs.push(cost);
      }
      count++;
    }
    if (count === 0) return EMPTY;
    if (rows === undefined || resolved === undefined || costs === undefined) {
      // One candidate: selection keeps it unless it can never be installed.
      const never =
        this.rows[R * r0 + 3] === NEVER_INSTALLED ||
        (this.sourceProtocols[this.rows[R * r0 + 2]!] === 'rip' &&
          this.rows[R * r0 + 4]! >>> 0 === RIP_INFINITY);
      return never
        ? EMPTY
        : { best: r0, ecmp: undefined, hops: out0, metric: this.rows[R * r0 + 4]! >>> 0 };
    }
    const cands: Candidate<number>[] = rows.map((r, i) => this.pooledCandidate(i, r, costs[i]!));
    const sel = selectBest(cands, this.selection);
    if (sel === undefined) return EMPTY;
    const best = sel.best.route;
    const ecmp = sel.ecmp.length === 1 ? undefined : sel.ecmp.map((x) => x.route);
    let hops: readonly ResolvedNextHop[];
    if (ecmp === undefined) {
      hops = resolved![cands.indexOf(sel.best)]!;
    } else {
      const acc: ResolvedNextHop[] = [];
      for (const x of sel.ecmp) {
        for (const y of resolved![cands.indexOf(x)]!)
          if (!acc.some((z) => sameHop(z, y))) acc.push(y);
      }
      hops = acc;
    }
    return { best, ecmp, hops, metric: this.rows[R * best + 4]! >>> 0 };
  }

  /** The best route before this batch: kept at first touch, or still in the columns. */
  private previous(stored: Route<A> | undefined, oldBest: number): Route<A> | undefined {
    if (stored !== undefined) return stored;
    return oldBest < 0 || this.rewrittenOrFreed(oldBest) ? undefined : this.route(oldBest);
  }

  /** True when row `r` was written (added, replaced or removed) in the current batch. */
  private isRewritten(r: number): boolean {
    return this.rows[R * r + 7]! === this.batchNo;
  }

  private rewrittenOrFreed(r: number): boolean {
    return this.isRewritten(r) || this.rows[R * r + 0]! < 0;
  }

  /** Applies pending changes and notifies listeners. */
  private flush(): void {
    if (this.dirty.length === 0) return;
    const affected = new Set<number>();
    for (const pk of this.dirty) this.tracker.prefixChanged(pk, affected);
    if (this.shape.length > 4 * this.tracker.consultedCount) {
      // Many prefixes came or went (a table load): check the few tracked addresses instead.
      this.tracker.forEachConsulted((a) => {
        for (const pk of this.chainOf(a)) {
          if ((this.cols(pk).mark[pk >>> 1]! & SHAPE) !== 0) {
            this.tracker.addressChanged(a, affected);
            return;
          }
        }
      });
    } else {
      for (const pk of this.shape) this.tracker.prefixAppeared(this.prefixOf(pk), affected);
    }
    const todo = this.dirty;
    const more = (pk: number): void => {
      const c = this.cols(pk);
      const h = pk >>> 1;
      if ((c.mark[h]! & DIRTY) === 0) {
        c.mark[h] = c.mark[h]! | DIRTY;
        todo.push(pk);
      }
    };
    for (const r of affected) more(this.rows[R * r + 0]!);
    const scans = this.tracker.takeScans();
    if (scans.size > 0) {
      // Next hops with very many dependents: find the routes by their next-hop set.
      const sets = new Set<number>();
      this.nextHopSets.values.forEach((hops, id) => {
        if (hops?.some((x) => x.interface === undefined && scans.has(addressKey(x.address!))))
          sets.add(id);
      });
      for (let r = 0; r < this.rowsUsed; r++) {
        if (this.rows[R * r + 0]! >= 0 && sets.has(this.rows[R * r + 5]!))
          more(this.rows[R * r + 0]!);
      }
    }
    for (const pk of this.loopy) more(pk);

    const changes: RibChange<A>[] = [];
    const emit = this.listeners.size > 0;
    for (const pk of todo) {
      const c = this.cols(pk);
      const h = pk >>> 1;
      const oldBest = c.best[h]!;
      const oldHops = c.hops[h];
      const oldEcmp = this.ecmpOf.get(pk);
      const c0 = this.cols(pk);
      c0.mark[pk >>> 1] = c0.mark[pk >>> 1]! & ~DIRTY;
      const stored = this.before.get(pk);
      // The columns are not written before this point, so the old best is still there.
      const had = oldBest >= 0;
      let ev = EMPTY;
      this.loopy.delete(pk);
      if (c.head[h]! >= 0) {
        const trace = NO_TRACE();
        ev = this.evaluate(pk, [pk], trace);
        if (trace.fresh) this.loopy.add(pk);
      }
      c.best[h] = ev.best;
      c.hops[h] = ev.best < 0 ? undefined : ev.hops;
      if (ev.ecmp !== undefined) this.ecmpOf.set(pk, ev.ecmp);
      else if (oldEcmp !== undefined) this.ecmpOf.delete(pk);
      if (ev.best < 0) {
        if (had && emit) {
          const previous = this.previous(stored, oldBest);
          const prefix = this.prefixOf(pk);
          changes.push(
            previous === undefined
              ? { kind: 'remove', prefix, ecmp: [], nextHops: [] }
              : { kind: 'remove', prefix, ecmp: [], nextHops: [], previous },
          );
        }
        continue;
      }
      if (!emit) continue;
      const newEcmp = ev.ecmp;
      const ecmpSame =
        oldEcmp === undefined || newEcmp === undefined
          ? oldEcmp === newEcmp
          : oldEcmp.length === newEcmp.length &&
            oldEcmp.every((x, i) => x === newEcmp[i] && !this.isRewritten(x));
      if (
        had &&
        oldBest === ev.best &&
        !this.isRewritten(ev.best) &&
        ecmpSame &&
        oldHops !== undefined &&
        sameHops(oldHops, ev.hops)
      ) {
        continue;
      }
      const best = this.route(ev.best);
      const previous = had ? this.previous(stored, oldBest) : undefined;
      const change: RibChange<A> = !had
        ? {
            kind: 'add',
            prefix: best.prefix,
            best,
            ecmp: (ev.ecmp ?? [ev.best]).map((x) => (x === ev.best ? best : this.route(x))),
            nextHops: ev.hops,
          }
        : {
            kind: 'change',
            prefix: best.prefix,
            best,
            ecmp: (ev.ecmp ?? [ev.best]).map((x) => (x === ev.best ? best : this.route(x))),
            nextHops: ev.hops,
            ...(previous === undefined ? {} : { previous }),
          };
      changes.push(change);
    }
    // Prefixes left without routes leave the trie.
    for (const pk of this.shape) {
      const c = this.cols(pk);
      const h = pk >>> 1;
      c.mark[h] = c.mark[h]! & ~SHAPE;
      if (c.head[h]! >= 0) continue;
      const p = this.prefixOf(pk);
      c.hops[h] = undefined;
      c.best[h] = -1;
      this.loopy.delete(pk);
      if (p.family === 4) {
        this.t4.remove(p.address.value, p.length);
        this.h4.delete(p.address.value, p.length);
      } else
        this.t6.remove(
          p.address.words[0],
          p.address.words[1],
          p.address.words[2],
          p.address.words[3],
          p.length,
        );
    }
    this.dirty = [];
    this.shape = [];
    this.before.clear();
    this.batchNo = (this.batchNo + 1) | 0 || 1;
    if (changes.length === 0 || this.listeners.size === 0) return;
    this.emitting = true;
    try {
      for (const l of this.listeners) l(changes);
    } finally {
      this.emitting = false;
    }
  }

  // ---------------------------------------------------------------- queries

  private selectedAt(pk: number): Selected<A> | undefined {
    const c = this.cols(pk);
    const h = pk >>> 1;
    const b = c.best[h]!;
    if (b < 0) return undefined;
    const best = this.route(b);
    const more = this.ecmpOf.get(pk);
    return {
      prefix: best.prefix,
      best,
      ecmp: more === undefined ? [best] : more.map((x) => (x === b ? best : this.route(x))),
      nextHops: c.hops[h]!,
    };
  }

  /** The selected route, ECMP set and resolved next hops of exactly `prefix`. */
  get(prefix: Prefix | string): Selected<A> | undefined {
    const pk = this.findKey(toPrefix(prefix));
    return pk < 0 ? undefined : this.selectedAt(pk);
  }

  /** Every candidate route of exactly `prefix`, in arrival order. */
  routes(prefix: Prefix | string): Route<A>[] {
    const pk = this.findKey(toPrefix(prefix));
    const out: Route<A>[] = [];
    if (pk < 0) return out;
    for (let r = this.headOf(pk); r >= 0; r = this.rows[R * r + 1]!) out.push(this.route(r));
    return out;
  }

  /** Each candidate of `prefix` with how its next hops resolved (what `show ip route` prints). */
  explain(prefix: Prefix | string): RouteDetail<A>[] {
    const pk = this.findKey(toPrefix(prefix));
    if (pk < 0 || this.headOf(pk) < 0) return [];
    const detail: RouteDetail<A>[] = [];
    const rows: number[] = [];
    for (let r = this.headOf(pk); r >= 0; r = this.rows[R * r + 1]!) rows.push(r);
    const ev = this.evaluate(pk, [pk], NO_TRACE(), detail);
    return detail.map((d, i) => ({
      ...d,
      selected: rows[i] === ev.best,
      inEcmp: (ev.ecmp ?? [ev.best]).includes(rows[i]!),
    }));
  }

  /** The installed route for a destination: longest matching prefix that has resolved next hops. */
  lookup(address: Address | string): Selected<A> | undefined {
    const a = toAddress(address);
    for (const pk of this.covering(a)) {
      const s = this.selectedAt(pk);
      if (s !== undefined) return s;
    }
    return undefined;
  }

  /** The forwarding view: every installed prefix with its resolved next hops, in prefix order. */
  forwarding(family?: 4 | 6): ForwardingEntry[] {
    const out: ForwardingEntry[] = [];
    const take = (fam: number) => (h: number) => {
      const c = fam === 0 ? this.c4 : this.c6;
      const hops = c.hops[h];
      if (hops !== undefined) out.push({ prefix: this.prefixOf(h * 2 + fam), nextHops: hops });
    };
    if (family !== 6) this.t4.forEach(take(0));
    if (family !== 4) this.t6.forEach(take(1));
    return out;
  }

  /** Every prefix with candidates, in prefix order. */
  prefixes(family?: 4 | 6): Prefix[] {
    const out: Prefix[] = [];
    const take = (fam: number) => (h: number) => {
      const c = fam === 0 ? this.c4 : this.c6;
      if (c.head[h]! >= 0) out.push(this.prefixOf(h * 2 + fam));
    };
    if (family !== 6) this.t4.forEach(take(0));
    if (family !== 4) this.t6.forEach(take(1));
    return out;
  }
}
