import { type Address, type Prefix, prefixKey } from '@routekit/prefix';
import type { TimerHandle } from './clock.js';

/** One neighbour's latest advertisement of a prefix (kept for every neighbour, as BIRD does). */
export interface Advert {
  /** `<ifname>|<neighbour address>`. */
  readonly key: string;
  readonly ifname: string;
  readonly neighbor: Address;
  /** Metric after adding the interface cost, 1..15 (a 16 removes the advert). */
  readonly metric: number;
  /** Where to forward: the RIPv2 next hop when usable, else the neighbour. */
  readonly nextHop: Address;
  readonly tag: number;
  /** When it expires unless refreshed (clock ms). */
  readonly expiresAt: number;
  readonly timer: TimerHandle;
}

/** A route announced locally (`announce`, redistribution, connected subnets). */
export interface LocalRoute {
  readonly metric: number;
  readonly tag: number;
  /** `announce`, `connected`, or the redistributed source (`static`, `bgp:…`). */
  readonly origin: string;
}

/** The selected route of a prefix. */
export type Best =
  | {
      readonly kind: 'local';
      readonly metric: number;
      readonly tag: number;
      readonly origin: string;
    }
  | { readonly kind: 'learned'; readonly advert: Advert };

/** One prefix of the RIP table. */
export interface TableEntry {
  readonly prefix: Prefix;
  readonly adverts: Map<string, Advert>;
  /** Local routes by origin; the lowest metric is used. */
  readonly local: Map<string, LocalRoute>;
  best: Best | undefined;
  /** Set while the route is unreachable and advertised with metric 16 (garbage collection). */
  garbage: { readonly until: number; readonly timer: TimerHandle } | undefined;
  /** Set when the route changed since the last triggered or periodic update. */
  changed: boolean;
}

/** The RIP routing table: prefix → entry. */
export class RipTable {
  readonly #entries = new Map<string, TableEntry>();

  get(prefix: Prefix): TableEntry | undefined {
    return this.#entries.get(prefixKey(prefix));
  }

  ensure(prefix: Prefix): TableEntry {
    const k = prefixKey(prefix);
    let e = this.#entries.get(k);
    if (e === undefined) {
      e = {
        prefix,
        adverts: new Map(),
        local: new Map(),
        best: undefined,
        garbage: undefined,
        changed: false,
      };
      this.#entries.set(k, e);
    }
    return e;
  }

  delete(prefix: Prefix): void {
    this.#entries.delete(prefixKey(prefix));
  }

  entries(): IterableIterator<TableEntry> {
    return this.#entries.values();
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** The metric a best route is advertised with (before split horizon). */
export function bestMetric(best: Best | undefined): number {
  if (best === undefined) return 16;
  return best.kind === 'local' ? best.metric : best.advert.metric;
}

/**
 * Choose the best route: a local route wins (lowest metric among them); else the
 * advert with the lowest metric, keeping the current one on a tie (RFC 2453 §3.9.2
 * switches only to a strictly better route), then the lowest key for determinism.
 */
export function selectBest(entry: TableEntry): Best | undefined {
  let local: LocalRoute | undefined;
  for (const l of entry.local.values()) {
    if (local === undefined || l.metric < local.metric) local = l;
  }
  if (local !== undefined) {
    return { kind: 'local', metric: local.metric, tag: local.tag, origin: local.origin };
  }
  const current = entry.best?.kind === 'learned' ? entry.best.advert.key : undefined;
  let best: Advert | undefined;
  for (const a of entry.adverts.values()) {
    if (a.metric >= 16) continue;
    if (
      best === undefined ||
      a.metric < best.metric ||
      (a.metric === best.metric &&
        (a.key === current || (best.key !== current && a.key < best.key)))
    ) {
      best = a;
    }
  }
  return best === undefined ? undefined : { kind: 'learned', advert: best };
}
