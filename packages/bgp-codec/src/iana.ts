/**
 * IANA registry constants for BGP-4 (RFC 4271 and the "Border Gateway Protocol (BGP)
 * Parameters" registries), as `as const` objects.
 */

/** BGP message types (RFC 4271 §4.1, RFC 2918). */
export const MessageType = {
  Open: 1,
  Update: 2,
  Notification: 3,
  Keepalive: 4,
  RouteRefresh: 5,
} as const;
export type MessageTypeCode = (typeof MessageType)[keyof typeof MessageType];

/** Path attribute type codes. */
export const AttrTypeCode = {
  Origin: 1,
  AsPath: 2,
  NextHop: 3,
  MultiExitDisc: 4,
  LocalPref: 5,
  AtomicAggregate: 6,
  Aggregator: 7,
  Communities: 8,
  OriginatorId: 9,
  ClusterList: 10,
  MpReachNlri: 14,
  MpUnreachNlri: 15,
  ExtendedCommunities: 16,
  As4Path: 17,
  As4Aggregator: 18,
  PmsiTunnel: 22,
  TunnelEncapsulation: 23,
  Ipv6ExtendedCommunities: 25,
  Aigp: 26,
  LargeCommunities: 32,
  BgpsecPath: 33,
  Otc: 35,
  AttrSet: 128,
} as const;

/** Path attribute flag bits (RFC 4271 §4.3). */
export const AttrFlag = {
  Optional: 0x80,
  Transitive: 0x40,
  Partial: 0x20,
  ExtendedLength: 0x10,
} as const;

/** Capability codes (RFC 5492 registry). */
export const CapabilityCode = {
  Multiprotocol: 1,
  RouteRefresh: 2,
  OutboundRouteFiltering: 3,
  ExtendedNextHop: 5,
  ExtendedMessage: 6,
  BgpRole: 9,
  GracefulRestart: 64,
  FourOctetAs: 65,
  AddPath: 69,
  EnhancedRouteRefresh: 70,
  LongLivedGracefulRestart: 71,
  Fqdn: 73,
  SoftwareVersion: 75,
  RouteRefreshCisco: 128,
} as const;

/** OPEN optional parameter types (RFC 5492, RFC 9072). */
export const OptionalParameterType = {
  Capabilities: 2,
  ExtendedLength: 255,
} as const;

/** Address Family Identifiers used by BGP. */
export const Afi = {
  Ipv4: 1,
  Ipv6: 2,
  L2vpn: 25,
  BgpLs: 16388,
} as const;

/** Subsequent Address Family Identifiers. */
export const Safi = {
  Unicast: 1,
  Multicast: 2,
  MplsLabel: 4,
  Evpn: 70,
  BgpLs: 71,
  SrTePolicy: 73,
  MplsVpn: 128,
  FlowSpec: 133,
  FlowSpecVpn: 134,
} as const;

/** BGP role values (RFC 9234 §4.1). */
export const BgpRole = {
  Provider: 0,
  RouteServer: 1,
  RouteServerClient: 2,
  Customer: 3,
  Peer: 4,
} as const;

/** ROUTE-REFRESH message subtypes (RFC 7313 §3.2). */
export const RouteRefreshSubtype = {
  Normal: 0,
  BeginOfRouteRefresh: 1,
  EndOfRouteRefresh: 2,
} as const;

/** AS_PATH segment types (RFC 4271 §4.3, RFC 5065 §3). */
export const AsPathSegmentType = {
  Set: 1,
  Sequence: 2,
  ConfedSequence: 3,
  ConfedSet: 4,
} as const;

/** Well-known communities (RFC 1997, RFC 3765, RFC 7999, RFC 8326, RFC 8642). */
export const WellKnownCommunity = {
  GracefulShutdown: 0xffff0000,
  AcceptOwn: 0xffff0001,
  LlgrStale: 0xffff0006,
  NoLlgr: 0xffff0007,
  Blackhole: 0xffff029a,
  NoExport: 0xffffff01,
  NoAdvertise: 0xffffff02,
  NoExportSubconfed: 0xffffff03,
  NoPeer: 0xffffff04,
} as const;

/** ORIGIN values (RFC 4271 §5.1.1). */
export const Origin = { Igp: 0, Egp: 1, Incomplete: 2 } as const;

/** AS_TRANS (RFC 6793 §9). */
export const AS_TRANS = 23456;

/** AFI names as ExaBGP prints them (`ipv4 unicast`, `l2vpn evpn`). */
export const AFI_NAMES: Readonly<Record<number, string>> = {
  1: 'ipv4',
  2: 'ipv6',
  25: 'l2vpn',
  16388: 'bgp-ls',
} as const;

/** SAFI names as ExaBGP prints them (RFC 4760 registry; ExaBGP 4.2 spelling). */
export const SAFI_NAMES: Readonly<Record<number, string>> = {
  1: 'unicast',
  2: 'multicast',
  4: 'nlri-mpls',
  5: 'mcast-vpn',
  65: 'vpls',
  70: 'evpn',
  71: 'bgp-ls',
  72: 'bgp-ls-vpn',
  73: 'sr-policy',
  85: 'mup',
  128: 'mpls-vpn',
  129: 'multicast-vpn',
  132: 'rtc',
  133: 'flow',
  134: 'flow-vpn',
} as const;

/** `"ipv4 unicast"`, `"l2vpn evpn"`, `"ipv4 flow"`; `afi-N` / `safi-N` for unknown codes. */
export function familyName(afi: number, safi: number): string {
  return `${AFI_NAMES[afi] ?? `afi-${afi}`} ${SAFI_NAMES[safi] ?? `safi-${safi}`}`;
}
