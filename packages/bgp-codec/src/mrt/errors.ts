import type { DecodeError, WireErrorCode } from '@routekit/wire';

/**
 * Error codes of the MRT reader, besides the wire codes (`truncated`, `trailing-bytes`,
 * `length-out-of-range`, …).
 *
 * | code | meaning |
 * |---|---|
 * | `record-too-long` | a header declares more than {@link MAX_RECORD_LENGTH} bytes |
 * | `bad-header` | (resync) a header that is not plausible: unknown type, length below the minimum |
 * | `truncated-record` | the input ends inside a record (header or body) |
 * | `bad-value` | a field with a value the format does not allow (AFI, peer type) |
 * | `decompress-error` | the gzip or bzip2 stream is damaged |
 * | `io-error` | the source threw or rejected |
 */
export type MrtErrorCode =
  | 'record-too-long'
  | 'bad-header'
  | 'truncated-record'
  | 'bad-value'
  | 'decompress-error'
  | 'io-error';

/** `{ code, offset, length?, detail? }`; `offset` counts from the start of the decompressed file. */
export type MrtDecodeError = DecodeError<MrtErrorCode | WireErrorCode>;

/**
 * Largest record body accepted: 16 MiB. Real records are far smaller (a full-table RIB
 * entry with every peer is a few hundred KiB); a larger length is damage.
 */
export const MAX_RECORD_LENGTH: number = 16 * 1024 * 1024;
