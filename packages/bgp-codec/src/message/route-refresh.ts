import type { Reader, Writer } from '@routekit/wire';

/*
 * RFC 2918 §3, RFC 7313 §3.2: ROUTE-REFRESH message (after the header).
 *
 *    0       7      15      23      31
 *   +-------+-------+-------+-------+
 *   |      AFI      |Subtype| SAFI  |
 *   +-------+-------+-------+-------+
 *
 * RFC 5291 §4 ORF entries may follow; they are kept raw in `orf`.
 */
export interface RouteRefreshMessage {
  readonly kind: 'route-refresh';
  readonly afi: number;
  /** RFC 7313 subtype (0 normal, 1 BoRR, 2 EoRR); RFC 2918 calls it Reserved. */
  readonly subtype: number;
  readonly safi: number;
  /** RFC 5291 ORF entries (When-to-refresh + ORF type/length/entries), raw; empty if none. */
  readonly orf: Uint8Array;
}

export function readRouteRefresh(r: Reader): RouteRefreshMessage {
  const afi = r.u16('route_refresh.afi');
  const subtype = r.u8('route_refresh.subtype');
  const safi = r.u8('route_refresh.safi');
  return { kind: 'route-refresh', afi, subtype, safi, orf: r.rest('route_refresh.orf') };
}

export function writeRouteRefresh(w: Writer, m: RouteRefreshMessage): void {
  w.u16(m.afi).u8(m.subtype).u8(m.safi).bytes(m.orf);
}
