import type { DecodeError, WireErrorCode } from '@routekit/wire';

/**
 * Why a capture file, or a layer inside one of its frames, could not be read.
 *
 * File-level codes end the reading of a file: {@link readCapture} returns the frames
 * before the damaged block and one error whose `offset` is the damaged block's (or
 * record's) offset in the (decompressed) file.
 *
 * | code | meaning | `offset` |
 * |---|---|---|
 * | `unknown-format` | the first bytes are no pcap, pcapng or gzip magic number | 0 |
 * | `unsupported-version` | a pcap/pcapng major version this reader does not know | the header |
 * | `truncated` | a header, record or block is cut short (the file ends inside it) | its start |
 * | `bad-block-length` | a pcapng block length below 12, not a multiple of 4, or different at its two ends | the block |
 * | `bad-byte-order` | a pcapng section header without the byte-order magic | the block |
 * | `unknown-interface` | a packet block names an interface no IDB of its section described | the block |
 * | `limit-exceeded` | a record or block is larger than the reader's hard limit | the record or block |
 * | `length-out-of-range` | a length inside a block is impossible (packet longer than its block, option longer than the options) | the field |
 * | `gzip-unsupported` | a gzip file, and no way to inflate it (pass `inflate`, or use `openCapture`) | 0 |
 * | `gzip-failed` | the inflater refused the file (corrupt gzip stream) | 0 |
 *
 * Frame-level codes come back in {@link Dissection.error}; the frame is still listed:
 * `truncated`, `length-out-of-range`, `bad-value` (wrong IP version nibble, TCP data
 * offset below 5, …), `limit-exceeded` (too many VLAN/MPLS/extension headers), and
 * `unsupported-link-type` (a link type this package has no dissector for; the detail
 * names it).
 */
export type CaptureErrorCode =
  | WireErrorCode
  | 'unknown-format'
  | 'unsupported-version'
  | 'bad-block-length'
  | 'bad-byte-order'
  | 'unknown-interface'
  | 'gzip-unsupported'
  | 'gzip-failed'
  | 'unsupported-link-type';

/** Every {@link CaptureErrorCode}, in the order of the README's errors table. */
export const CAPTURE_ERROR_CODES: readonly CaptureErrorCode[] = [
  'unknown-format',
  'unsupported-version',
  'truncated',
  'bad-block-length',
  'bad-byte-order',
  'unknown-interface',
  'limit-exceeded',
  'length-out-of-range',
  'gzip-unsupported',
  'gzip-failed',
  'trailing-bytes',
  'bad-value',
  'unsupported-link-type',
];

/** A capture error: the shared wire {@link DecodeError} shape with a capture code. */
export type CaptureError = DecodeError<CaptureErrorCode>;
