/**
 * RFC 6396 §4 and RFC 8050 §3 (IANA "Multi-Threaded Routing Toolkit (MRT)" registry):
 * record types and subtypes.
 */
export const MrtType = {
  /** RFC 6396 appendix B.2: deprecated "BGP" records of the MRTd era. */
  Bgp: 5,
  OspfV2: 11,
  TableDump: 12,
  TableDumpV2: 13,
  Bgp4mp: 16,
  /** BGP4MP with the extended (microsecond) timestamp header. */
  Bgp4mpEt: 17,
  Isis: 32,
  IsisEt: 33,
  OspfV3: 48,
  OspfV3Et: 49,
} as const;

/** Types whose header carries the 4-byte microsecond field (RFC 6396 §3). */
export function isExtendedTimestampType(type: number): boolean {
  return type === MrtType.Bgp4mpEt || type === MrtType.IsisEt || type === MrtType.OspfV3Et;
}

/** RFC 6396 §4.2: TABLE_DUMP subtypes are the AFI of the entry. */
export const TableDumpSubtype = {
  AfiIpv4: 1,
  AfiIpv6: 2,
} as const;

/** RFC 6396 §4.3 and RFC 8050 §4.3: TABLE_DUMP_V2 subtypes. */
export const TableDumpV2Subtype = {
  PeerIndexTable: 1,
  RibIpv4Unicast: 2,
  RibIpv4Multicast: 3,
  RibIpv6Unicast: 4,
  RibIpv6Multicast: 5,
  RibGeneric: 6,
  GeoPeerTable: 7,
  RibIpv4UnicastAddPath: 8,
  RibIpv4MulticastAddPath: 9,
  RibIpv6UnicastAddPath: 10,
  RibIpv6MulticastAddPath: 11,
  RibGenericAddPath: 12,
} as const;

/** RFC 6396 §4.4 and RFC 8050 §4.2: BGP4MP / BGP4MP_ET subtypes. */
export const Bgp4mpSubtype = {
  StateChange: 0,
  Message: 1,
  MessageAs4: 4,
  StateChangeAs4: 5,
  MessageLocal: 6,
  MessageAs4Local: 7,
  MessageAddPath: 8,
  MessageAs4AddPath: 9,
  MessageLocalAddPath: 10,
  MessageAs4LocalAddPath: 11,
} as const;

/** RFC 6396 appendix B.2.1: subtypes of the deprecated type 5 "BGP" records. */
export const BgpSubtype = {
  Null: 0,
  Update: 1,
  PrefUpdate: 2,
  StateChange: 3,
  Sync: 4,
  Open: 5,
  Notify: 6,
  Keepalive: 7,
} as const;

/** RFC 6396 §4.3.1: bits of a PEER_INDEX_TABLE entry's Peer Type. */
export const PeerType = {
  /** Peer IP address is IPv6 (16 bytes) rather than IPv4. */
  Ipv6: 0x01,
  /** Peer AS is 4 bytes rather than 2. */
  As4: 0x02,
} as const;

/** The RIB subtypes of TABLE_DUMP_V2 with their AFI, SAFI and ADD-PATH flag. */
export const RIB_SUBTYPES: Readonly<
  Record<number, { readonly afi: 1 | 2; readonly safi: 1 | 2; readonly addPath: boolean }>
> = {
  2: { afi: 1, safi: 1, addPath: false },
  3: { afi: 1, safi: 2, addPath: false },
  4: { afi: 2, safi: 1, addPath: false },
  5: { afi: 2, safi: 2, addPath: false },
  8: { afi: 1, safi: 1, addPath: true },
  9: { afi: 1, safi: 2, addPath: true },
  10: { afi: 2, safi: 1, addPath: true },
  11: { afi: 2, safi: 2, addPath: true },
};

/** BGP4MP message subtypes: 4-byte AS, LOCAL (sent by the collector) and ADD-PATH flags. */
export const BGP4MP_MESSAGE_SUBTYPES: Readonly<
  Record<number, { readonly as4: boolean; readonly local: boolean; readonly addPath: boolean }>
> = {
  1: { as4: false, local: false, addPath: false },
  4: { as4: true, local: false, addPath: false },
  6: { as4: false, local: true, addPath: false },
  7: { as4: true, local: true, addPath: false },
  8: { as4: false, local: false, addPath: true },
  9: { as4: true, local: false, addPath: true },
  10: { as4: false, local: true, addPath: true },
  11: { as4: true, local: true, addPath: true },
};
