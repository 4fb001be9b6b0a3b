/**
 * A JSON snapshot of the RIB shaped like FRR's `show ip route json` /
 * `show ipv6 route json`: an object keyed by prefix text, each value the list of
 * candidate routes for that prefix, with FRR's field names (`prefix`, `prefixLen`,
 * `protocol`, `selected`, `destSelected`, `distance`, `metric`, `installed`, `table`,
 * `nexthops[]` with `ip`, `afi`, `interfaceName`, `directlyConnected`, `recursive`,
 * `resolver`, `active`, `fib`). FRR's internal counters (`internalStatus`, `uptime`,
 * interface indexes) have no counterpart and are left out.
 */
import { formatAddress, formatPrefix } from '@routekit/prefix';
import type { ResolvedNextHop } from './forwarding.js';
import type { Rib } from './rib.js';

/** One next hop line (FRR: `nexthops[]`). */
export interface FrrNextHopJson {
  readonly fib?: true;
  readonly ip?: string;
  readonly afi?: 'ipv4' | 'ipv6';
  readonly interfaceName?: string;
  readonly directlyConnected?: true;
  readonly recursive?: true;
  readonly resolver?: true;
  readonly active: boolean;
}

/** One candidate route (FRR: an element of the per-prefix array). */
export interface FrrRouteJson {
  readonly prefix: string;
  readonly prefixLen: number;
  readonly protocol: string;
  readonly vrfId: 0;
  readonly vrfName: 'default';
  readonly selected?: true;
  readonly destSelected?: true;
  readonly distance: number;
  readonly metric: number;
  readonly installed?: true;
  readonly table: 254;
  readonly nexthops: readonly FrrNextHopJson[];
}

function hopJson(h: ResolvedNextHop, fib: boolean, resolver: boolean): FrrNextHopJson {
  // FRR's key order: fib, ip, afi, directlyConnected, interfaceName, resolver, active.
  return {
    ...(fib ? { fib: true as const } : {}),
    ...(h.address !== undefined
      ? {
          ip: formatAddress(h.address),
          afi: h.address.family === 4 ? ('ipv4' as const) : ('ipv6' as const),
        }
      : { directlyConnected: true as const }),
    interfaceName: h.interface,
    ...(resolver ? { resolver: true as const } : {}),
    active: true,
  };
}

/**
 * The routes of one family (default IPv4) as FRR's `show ip route json` prints them.
 * Protocol names are the source's protocol (`bgp`, `ospf`, `static`, `connected`, …).
 */
export function ribSnapshot(rib: Rib, family: 4 | 6 = 4): Record<string, FrrRouteJson[]> {
  const out: Record<string, FrrRouteJson[]> = {};
  for (const prefix of rib.prefixes(family)) {
    const text = formatPrefix(prefix);
    const list: FrrRouteJson[] = [];
    for (const d of rib.explain(prefix)) {
      const r = d.route;
      const installed = d.inEcmp;
      const nexthops: FrrNextHopJson[] = [];
      for (const n of d.nextHops) {
        if (!n.recursive) {
          nexthops.push(hopJson(n.resolved[0]!, installed, false));
          continue;
        }
        const a = n.nextHop.address!;
        nexthops.push({
          ip: formatAddress(a),
          afi: a.family === 4 ? 'ipv4' : 'ipv6',
          active: n.resolved.length > 0,
          recursive: true,
        });
        for (const h of n.resolved) nexthops.push(hopJson(h, installed, true));
      }
      const colon = r.source.indexOf(':');
      const entry: FrrRouteJson = {
        prefix: text,
        prefixLen: prefix.length,
        protocol: colon < 0 ? r.source : r.source.slice(0, colon),
        vrfId: 0,
        vrfName: 'default',
        ...(d.selected ? { selected: true as const, destSelected: true as const } : {}),
        distance: r.distance,
        metric: r.metric,
        ...(installed ? { installed: true as const } : {}),
        table: 254,
        nexthops,
      };
      list.push(entry);
    }
    out[text] = list;
  }
  return out;
}
