import { formatAddress, ipv4 } from '@routekit/prefix';
import { toHex } from '@routekit/wire';
import { WellKnownCommunity } from '../iana.js';

const WELL_KNOWN_NAMES: ReadonlyMap<number, string> = new Map([
  [WellKnownCommunity.GracefulShutdown, 'GRACEFUL_SHUTDOWN'],
  [WellKnownCommunity.AcceptOwn, 'ACCEPT_OWN'],
  [WellKnownCommunity.LlgrStale, 'LLGR_STALE'],
  [WellKnownCommunity.NoLlgr, 'NO_LLGR'],
  [WellKnownCommunity.Blackhole, 'BLACKHOLE'],
  [WellKnownCommunity.NoExport, 'NO_EXPORT'],
  [WellKnownCommunity.NoAdvertise, 'NO_ADVERTISE'],
  [WellKnownCommunity.NoExportSubconfed, 'NO_EXPORT_SUBCONFED'],
  [WellKnownCommunity.NoPeer, 'NOPEER'],
]);

/** `NO_EXPORT` for a well-known community, otherwise `asn:value` (RFC 1997). */
export function formatCommunity(c: number): string {
  return WELL_KNOWN_NAMES.get(c) ?? `${c >>> 16}:${c & 0xffff}`;
}

/**
 * RFC 4360 §3 / RFC 5668: an extended community's type, subtype and, for the
 * route-target (subtype 2) and route-origin (subtype 3) forms of the two-octet AS (0x00),
 * IPv4 (0x01) and four-octet AS (0x02) types, its global and local administrators.
 *
 *   +-------+-------+-------------------------------+
 *   | Type  |Subtype|      Value (6 octets)         |
 *   +-------+-------+-------------------------------+
 */
export interface ExtendedCommunityInfo {
  readonly type: number;
  readonly subtype: number;
  readonly transitive: boolean;
  readonly kind: 'route-target' | 'route-origin' | 'other';
  /** AS number or IPv4 address (uint32), for route-target/route-origin. */
  readonly global?: number;
  readonly local?: number;
}

export function extendedCommunityInfo(c: Uint8Array): ExtendedCommunityInfo {
  const type = c[0] ?? 0;
  const subtype = c[1] ?? 0;
  const transitive = (type & 0x40) === 0;
  const base = type & 0x3f;
  const rtro =
    (subtype === 2 || subtype === 3) && base <= 2 && (type & 0x80) === 0 && c.length === 8;
  if (!rtro) return { type, subtype, transitive, kind: 'other' };
  const kind = subtype === 2 ? 'route-target' : 'route-origin';
  const b = (i: number): number => c[i]!;
  if (base === 0) {
    return {
      type,
      subtype,
      transitive,
      kind,
      global: (b(2) << 8) | b(3),
      local: ((b(4) << 24) | (b(5) << 16) | (b(6) << 8) | b(7)) >>> 0,
    };
  }
  return {
    type,
    subtype,
    transitive,
    kind,
    global: ((b(2) << 24) | (b(3) << 16) | (b(4) << 8) | b(5)) >>> 0,
    local: (b(6) << 8) | b(7),
  };
}

/** `target:65000:100`, `origin:192.0.2.1:7`, or hex for other types. */
export function formatExtendedCommunity(c: Uint8Array): string {
  const i = extendedCommunityInfo(c);
  if (i.kind === 'other' || i.global === undefined || i.local === undefined) {
    return toHex(c);
  }
  const g = i.global;
  const global = (i.type & 0x3f) === 1 ? formatAddress(ipv4(g)) : `${g}`;
  return `${i.kind === 'route-target' ? 'target' : 'origin'}:${global}:${i.local}`;
}
