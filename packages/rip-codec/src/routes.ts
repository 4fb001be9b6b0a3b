import type { Ipv4Address, Ipv4Prefix } from '@routekit/prefix';
import type { RipPacket } from './packet.js';
import { ripEntryPrefix } from './rte.js';

/** A usable RIPv1/v2 route of a response. */
export interface RipRoute {
  readonly prefix: Ipv4Prefix;
  readonly tag: number;
  readonly metric: number;
  /** RIPv2 next hop; absent for 0.0.0.0 ("via the sender", RFC 2453 §4.4). */
  readonly nextHop?: Ipv4Address;
  /** Index into `entries`. */
  readonly entry: number;
}

/**
 * The routes of a response a router may use: entries listed in `issues` are skipped
 * (RFC 2453 §3.9.2). `interfacePrefix` lets RIPv1 entries be read as subnets of the
 * receiving interface's network (RFC 1058 §3.2).
 */
export function ripRoutes(packet: RipPacket, interfacePrefix?: Ipv4Prefix): RipRoute[] {
  const bad = new Set(packet.issues.map((i) => i.entry));
  const out: RipRoute[] = [];
  packet.entries.forEach((e, i) => {
    if (bad.has(i)) return;
    const p = ripEntryPrefix(e, packet.version, interfacePrefix);
    if (p === undefined) return;
    const hasNextHop = packet.version >= 2 && e.nextHop.value !== 0;
    out.push(
      hasNextHop
        ? { prefix: p, tag: e.tag, metric: e.metric, nextHop: e.nextHop, entry: i }
        : { prefix: p, tag: e.tag, metric: e.metric, entry: i },
    );
  });
  return out;
}
