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

export {
  type ExtendedCommunityInfo,
  type ExtendedCommunityKind,
  ExtendedCommunityType,
  extendedCommunityInfo,
  formatExtendedCommunity,
  TUNNEL_TYPE_NAMES,
} from './extended-community.js';
