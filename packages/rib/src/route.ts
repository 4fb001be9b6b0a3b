/**
 * The common RIB model: a route is `{ prefix, nextHops, source, distance, metric, attrs }`
 * (see the architecture notes). Routes are immutable values at the API; the RIB stores
 * them column by column and hands out fresh objects.
 */
import type { Address, Prefix } from '@routekit/prefix';
import {
  type BgpCandidate,
  type OspfPathType,
  PROTOCOLS,
  type Protocol,
} from '@routekit/route-selection';
import { toAddress, toPrefix } from './address.js';
import { isUint32 } from './bits.js';
import { RibError } from './errors.js';

/**
 * Where to send packets for a route. `interface` alone: an interface route (directly
 * connected). `address` alone: a gateway that is resolved recursively through the RIB
 * (a BGP NEXT_HOP, a static route "via" an address). Both: a gateway on that
 * interface, used as is.
 */
export interface NextHop {
  readonly address?: Address;
  readonly interface?: string;
}

/** A candidate route for one prefix from one source. */
export interface Route<A = unknown> {
  readonly prefix: Prefix;
  readonly nextHops: readonly NextHop[];
  /** Protocol and peer, e.g. `bgp:192.0.2.1`, `rip:eth0`, `ospf`, `static`, `connected`. */
  readonly source: string;
  /** Administrative distance 0..255 (255: never installed). */
  readonly distance: number;
  /** The protocol's metric, uint32 (lower wins within a protocol). */
  readonly metric: number;
  /** The protocol's own data; for BGP and OSPF routes see {@link BgpAttrs} / {@link OspfAttrs}. */
  readonly attrs: A;
}

/** What `Rib.add` takes: a route whose prefix may be text and whose `attrs` may be absent. */
export interface RouteInput<A = unknown> {
  readonly prefix: Prefix | string;
  readonly nextHops: readonly (NextHop | string)[];
  readonly source: string;
  readonly distance: number;
  readonly metric: number;
  readonly attrs?: A;
}

/**
 * The fields of a BGP route's `attrs` that the decision process reads (the
 * `BgpCandidate` of `@routekit/route-selection`). The RIB fills in `nextHopReachable`
 * and `igpCost` from next-hop resolution itself.
 */
export type BgpAttrs = Omit<
  BgpCandidate,
  'protocol' | 'route' | 'distance' | 'nextHopReachable' | 'igpCost'
>;

/** The fields of an OSPF route's `attrs` that selection reads. */
export interface OspfAttrs {
  readonly pathType?: OspfPathType;
  readonly type2Metric?: number;
}

/** The protocol named by a source (`bgp:192.0.2.1` → `bgp`); throws `invalid-source`. */
export function protocolOf(source: string): Protocol {
  if (typeof source !== 'string')
    throw new RibError('invalid-source', `source ${String(source)} is not a string`);
  const i = source.indexOf(':');
  const p = (i < 0 ? source : source.slice(0, i)) as Protocol;
  if (!PROTOCOLS.includes(p)) {
    throw new RibError(
      'invalid-source',
      `source ${JSON.stringify(source)} names no known protocol (${PROTOCOLS.join(', ')})`,
    );
  }
  return p;
}

/** Checks distance and metric; throws `distance-out-of-range` / `metric-out-of-range`. */
export function checkNumbers(distance: number, metric: number): void {
  if (!Number.isInteger(distance) || distance < 0 || distance > 255) {
    throw new RibError('distance-out-of-range', `distance ${distance} is not an integer in 0..255`);
  }
  if (!isUint32(metric))
    throw new RibError('metric-out-of-range', `metric ${metric} is not a uint32`);
}

/**
 * The next hops in canonical form (text addresses parsed, fields checked); throws
 * `no-next-hops`, `invalid-next-hop`, `invalid-address`.
 */
export function normalizeNextHops(prefix: Prefix, hops: readonly (NextHop | string)[]): NextHop[] {
  if (!Array.isArray(hops) || hops.length === 0) {
    throw new RibError('no-next-hops', 'a route needs at least one next hop');
  }
  const out: NextHop[] = [];
  for (const h of hops as readonly (NextHop | string)[]) {
    if (typeof h === 'string') {
      const a = toAddress(h);
      if (a.family !== prefix.family) {
        throw new RibError('invalid-next-hop', `next hop ${h} is not IPv${prefix.family}`);
      }
      out.push({ address: a });
      continue;
    }
    if (h === null || typeof h !== 'object')
      throw new RibError('invalid-next-hop', `next hop ${String(h)} is not an object`);
    const iface = h.interface;
    if (iface !== undefined && (typeof iface !== 'string' || iface.length === 0)) {
      throw new RibError('invalid-next-hop', 'next hop interface must be a non-empty string');
    }
    if (h.address === undefined) {
      if (iface === undefined)
        throw new RibError('invalid-next-hop', 'next hop has neither address nor interface');
      out.push({ interface: iface });
      continue;
    }
    const a = toAddress(h.address);
    if (a.family !== prefix.family) {
      throw new RibError(
        'invalid-next-hop',
        `next hop address is IPv${a.family}, the prefix is IPv${prefix.family}`,
      );
    }
    out.push(iface === undefined ? { address: a } : { address: a, interface: iface });
  }
  if (out.length === 1) return out;
  // The same next hop twice is one next hop.
  const key = (h: NextHop): string => `${JSON.stringify(h.address ?? null)}%${h.interface ?? ''}`;
  return out.filter((h, i) => out.findIndex((x) => key(x) === key(h)) === i);
}

/** `toPrefix` re-exported for the RIB. */
export { toPrefix };
