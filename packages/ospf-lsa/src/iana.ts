/**
 * OSPFv2 registry constants (RFC 2328 appendix A, RFC 3101, RFC 5250, IANA "OSPFv2
 * Parameters" and "OSPF Opaque LSA Option Types"), as `as const` objects.
 */

/** OSPF packet types (RFC 2328 A.3.1). */
export const PacketType = {
  Hello: 1,
  DatabaseDescription: 2,
  LinkStateRequest: 3,
  LinkStateUpdate: 4,
  LinkStateAck: 5,
} as const;
export type PacketType = (typeof PacketType)[keyof typeof PacketType];

/** Authentication types (RFC 2328 D.3; RFC 5709 uses type 2 with other digests). */
export const AuthType = { Null: 0, Simple: 1, Cryptographic: 2 } as const;
export type AuthType = (typeof AuthType)[keyof typeof AuthType];

/** LS types (RFC 2328 A.4.1, RFC 3101, RFC 5250). */
export const LsaType = {
  Router: 1,
  Network: 2,
  SummaryNetwork: 3,
  SummaryAsbr: 4,
  AsExternal: 5,
  GroupMembership: 6,
  Nssa: 7,
  OpaqueLink: 9,
  OpaqueArea: 10,
  OpaqueAs: 11,
} as const;
export type LsaType = (typeof LsaType)[keyof typeof LsaType];

/** Router-LSA link types (RFC 2328 A.4.2). */
export const RouterLinkType = { PointToPoint: 1, Transit: 2, Stub: 3, Virtual: 4 } as const;
export type RouterLinkType = (typeof RouterLinkType)[keyof typeof RouterLinkType];

/** Options field bits (RFC 2328 A.2, RFC 3101, RFC 5250, RFC 4576). */
export const OptionBit = {
  /** MT / TOS capability (formerly T). */
  MT: 0x01,
  E: 0x02,
  MC: 0x04,
  /** N in Hellos, P in NSSA-LSAs (RFC 3101). */
  NP: 0x08,
  /** L (link-local signalling, RFC 5613). */
  L: 0x10,
  DC: 0x20,
  O: 0x40,
  DN: 0x80,
} as const;

/** Router-LSA flags (RFC 2328 A.4.2; Nt from RFC 3101). */
export const RouterFlag = { B: 0x01, E: 0x02, V: 0x04, W: 0x08, Nt: 0x10 } as const;

/** Database Description flags (RFC 2328 A.3.3). */
export const DbdFlag = { MS: 0x01, M: 0x02, I: 0x04, R: 0x08 } as const;

/** Opaque LSA option types (IANA). */
export const OpaqueType = {
  TrafficEngineering: 1,
  Grace: 3,
  RouterInformation: 4,
  ExtendedPrefix: 7,
  ExtendedLink: 8,
} as const;
export type OpaqueType = (typeof OpaqueType)[keyof typeof OpaqueType];

/** RFC 2328 appendix B architectural constants (seconds where a time). */
export const Architectural = {
  LSRefreshTime: 1800,
  MinLSInterval: 5,
  MinLSArrival: 1,
  MaxAge: 3600,
  CheckAge: 300,
  MaxAgeDiff: 900,
  LSInfinity: 0xffffff,
  InitialSequenceNumber: -0x7fffffff,
  MaxSequenceNumber: 0x7fffffff,
} as const;

/** Sizes in bytes. */
export const OSPF_HEADER_LENGTH = 24;
export const LSA_HEADER_LENGTH = 20;
export const OSPF_VERSION = 2;
