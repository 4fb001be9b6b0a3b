export type {
  MpReachNextHopAttribute,
  RibAttribute,
  RibAttributes,
} from './attributes.js';
export type { BgpMessageBody, BgpStateChangeBody } from './bgp.js';
export { type Bgp4mpMessageBody, type Bgp4mpStateChangeBody, BgpState } from './bgp4mp.js';
export { BgpdumpFormatter } from './bgpdump.js';
export type { EmbeddedMessage } from './embedded.js';
export { MAX_RECORD_LENGTH, type MrtDecodeError, type MrtErrorCode } from './errors.js';
export {
  MrtFramer,
  type MrtFramingOptions,
  type MrtItem,
  mrtRecords,
  plausibleHeader,
} from './framer.js';
export {
  BGP4MP_MESSAGE_SUBTYPES,
  Bgp4mpSubtype,
  BgpSubtype,
  isExtendedTimestampType,
  MrtType,
  PeerType,
  RIB_SUBTYPES,
  TableDumpSubtype,
  TableDumpV2Subtype,
} from './iana.js';
export { type MrtJson, mrtRecordToJson } from './json.js';
export { type MrtReadableStream, type MrtSource, type ReadMrtOptions, readMrt } from './reader.js';
export {
  decodeMrtRecord,
  encodeMrtRecord,
  encodeMrtRecordInto,
  MRT_HEADER_LENGTH,
  type MrtBody,
  type MrtDecodeOptions,
  type MrtRecord,
  mrtRecordEncodingLength,
  type RawBody,
} from './record.js';
export type { TableDumpBody } from './table-dump.js';
export type {
  PeerEntry,
  PeerIndexTableBody,
  RibBody,
  RibEntry,
  RibGenericBody,
} from './table-dump-v2.js';
