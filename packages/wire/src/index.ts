export { type Decoded, type DecodeOptions, decode, unwrap } from './decoded.js';
export {
  type DecodeError,
  DecodeFailure,
  decodeError,
  type FailOptions,
  fail,
  formatDecodeError,
  isDecodeFailure,
  WIRE_ERROR_CODES,
  type WireErrorCode,
} from './errors.js';
export {
  fletcherChecksum,
  OSPF_LSA_CHECKSUM_OFFSET,
  setFletcherChecksum,
  verifyFletcher,
} from './fletcher.js';
export { fromHex, type HexValue, hex, toHex } from './hex.js';
export {
  internetChecksum,
  onesComplementSum,
  pseudoHeaderSum,
  transportChecksum,
  updateChecksum,
} from './internet-checksum.js';
export { type FieldHook, Reader, type ReaderOptions } from './reader.js';
export { utf8Decode, utf8Encode } from './utf8.js';
export { Writer } from './writer.js';
