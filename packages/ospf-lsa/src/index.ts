export { ipv4FromString, ipv4ToString, maskLength, prefixString } from './addr.js';
export {
  decodeOspfForCli,
  lsdbFromPackets,
  type PacketReplayStats,
  packetToJson,
  spfFromPackets,
} from './cli.js';
export {
  compareLsaInstances,
  isNewerInstance,
  isSameInstance,
  type LsaInstance,
  type LsaOrder,
} from './compare.js';
export {
  OSPF_ERROR_CODES,
  type OspfDecodeError,
  type OspfErrorCode,
  type OspfValidationCode,
  type OspfValidationIssue,
} from './errors.js';
export {
  Architectural,
  AuthType,
  DbdFlag,
  LSA_HEADER_LENGTH,
  LsaType,
  OpaqueType,
  OptionBit,
  OSPF_HEADER_LENGTH,
  OSPF_VERSION,
  PacketType,
  RouterFlag,
  RouterLinkType,
} from './iana.js';
export type { ExternalLsaBody, ExternalTos } from './lsa/external.js';
export { type LsaHeader, lsaKey } from './lsa/header.js';
export {
  buildLsa,
  decodeLsa,
  type EncodeLsaOptions,
  encodeLsa,
  encodeLsaInto,
  type Lsa,
  type LsaBody,
  type LsaInput,
  lsaChecksumOk,
  lsaEncodingLength,
  type UnknownLsaBody,
  validateLsa,
  withAge,
} from './lsa/lsa.js';
export type { NetworkLsaBody } from './lsa/network.js';
export type { OpaqueLsaBody } from './lsa/opaque.js';
export type { RouterLink, RouterLsaBody, TosMetric } from './lsa/router.js';
export type { SummaryLsaBody } from './lsa/summary.js';
export { encodeTlvs, MAX_TLV_DEPTH, type OpaqueTlv } from './lsa/tlv.js';
export {
  type FloodingScope,
  floodingScope,
  type InstallResult,
  Lsdb,
  type LsdbEntry,
  type LsdbPlace,
} from './lsdb.js';
export {
  type CryptoAlgorithm,
  type CryptoKey,
  computeDigest,
  DIGEST_LENGTH,
  type PacketAuth,
  packetChecksum,
  simplePassword,
} from './packet/auth.js';
export type { DbdBody } from './packet/dbd.js';
export type { PacketHeader } from './packet/header.js';
export type { HelloBody } from './packet/hello.js';
export type { LsAckBody } from './packet/lsack.js';
export type { LsRequest, LsrBody } from './packet/lsr.js';
export type { LsuBody } from './packet/lsu.js';
export {
  decodePacket,
  type EncodePacketOptions,
  encodePacket,
  encodePacketInto,
  type OspfPacket,
  type PacketBody,
  type PacketInput,
  packetEncodingLength,
  peekPacketLength,
  type ValidatePacketOptions,
  validatePacket,
  verifyPacketDigest,
} from './packet/packet.js';
export { type SpfInput, spf, spfFromLsdb } from './spf/spf.js';
export type { NextHop, PathType, SpfResult, SpfRoute, SpfRouter } from './spf/types.js';
