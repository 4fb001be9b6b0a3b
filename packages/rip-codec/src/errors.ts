import type { DecodeError, WireErrorCode } from '@routekit/wire';

/**
 * Fatal decode errors of `@routekit/rip-codec` (besides `@routekit/wire`'s `truncated`,
 * `trailing-bytes`, …). The packet is discarded.
 *
 * | code | meaning | `offset` |
 * |---|---|---|
 * | `bad-version` | version 0 (RFC 2453 §3.9: discard); RIPng version other than 1 | the version byte |
 * | `bad-length` | the entries are not a whole number of 20-byte entries | first byte of the partial entry |
 * | `oversized` | more than 25 entries (RFC 2453 §4: 512-byte datagrams) | the 26th entry |
 * | `bad-auth` | cryptographic authentication header inconsistent: packet length outside the packet, trailer missing, not 0xFFFF/0x0001, or a digest length not 16/20/32/48/64 | the offending field |
 */
export type RipErrorCode = 'bad-version' | 'bad-length' | 'oversized' | 'bad-auth';

/** Every {@link RipErrorCode}. */
export const RIP_ERROR_CODES: readonly RipErrorCode[] = [
  'bad-version',
  'bad-length',
  'oversized',
  'bad-auth',
];

/** The error a RIP or RIPng decoder returns. */
export type RipDecodeError = DecodeError<RipErrorCode | WireErrorCode>;

/**
 * Per-entry problems. The entry stays in `entries` (so the packet re-encodes byte-exact)
 * but a router must skip it (RFC 2453 §3.9.2, RFC 2080 §2.4.2: "ignore the entry").
 *
 * | code | meaning |
 * |---|---|
 * | `unknown-afi` | address family other than IPv4 (2) in a response, or a misplaced 0xFFFF entry |
 * | `bad-metric` | metric outside 1–16 (RIPng: and not the 0xFF next-hop marker) |
 * | `bad-mask` | RIPv2 subnet mask whose ones are not contiguous |
 * | `host-bits` | address has bits set beyond the mask / prefix length |
 * | `bad-address` | loopback (127/8), multicast or class E destination (RFC 2453 §3.9.2); RIPng multicast or link-local prefix |
 * | `bad-prefix-length` | RIPng prefix length above 128 |
 * | `nonzero-v1-field` | RIPv1 entry with a must-be-zero field set (RFC 1058 §3.4: ignore) |
 */
export type RipIssueCode =
  | 'unknown-afi'
  | 'bad-metric'
  | 'bad-mask'
  | 'host-bits'
  | 'bad-address'
  | 'bad-prefix-length'
  | 'nonzero-v1-field';

/** A recoverable per-entry problem; the RFC action is always to ignore that entry. */
export interface RipIssue {
  readonly code: RipIssueCode;
  /** Index into `entries`. */
  readonly entry: number;
  /** Absolute offset of the offending field. */
  readonly offset: number;
  readonly action: 'ignore-entry';
  readonly detail?: string;
}
