import type { DecodeError, WireErrorCode } from '@routekit/wire';

/**
 * Decode error codes of `@routekit/ospf-lsa` (besides `@routekit/wire`'s).
 *
 * | code | meaning |
 * |---|---|
 * | `bad-version` | the packet's version is not 2 (OSPFv3 packets carry 3) |
 * | `bad-packet-type` | packet type outside 1..5 |
 * | `bad-packet-length` | the header's length is below 24 or beyond the bytes present |
 * | `bad-lsa-length` | an LSA's length is below 20 or beyond its packet, or its body is not whole entries |
 * | `bad-auth-type` | authentication type above 2 |
 * | `bad-auth-length` | cryptographic authentication data does not fit after the packet |
 */
export type OspfErrorCode =
  | 'bad-version'
  | 'bad-packet-type'
  | 'bad-packet-length'
  | 'bad-lsa-length'
  | 'bad-auth-type'
  | 'bad-auth-length';

/** Every {@link OspfErrorCode}. */
export const OSPF_ERROR_CODES: readonly OspfErrorCode[] = [
  'bad-version',
  'bad-packet-type',
  'bad-packet-length',
  'bad-lsa-length',
  'bad-auth-type',
  'bad-auth-length',
];

/** The error every decoder of this package returns. */
export type OspfDecodeError = DecodeError<OspfErrorCode | WireErrorCode>;

/**
 * Semantic problems `validate*` report (decode succeeded, the content is wrong).
 *
 * | code | meaning |
 * |---|---|
 * | `bad-lsa-checksum` | the Fletcher checksum of an LSA does not verify |
 * | `bad-packet-checksum` | the packet checksum does not verify (null / simple auth) |
 * | `bad-age` | LS age above MaxAge |
 * | `bad-sequence` | sequence number 0x80000000 (reserved) |
 * | `bad-auth` | password or digest does not match the key |
 */
export type OspfValidationCode =
  | 'bad-lsa-checksum'
  | 'bad-packet-checksum'
  | 'bad-age'
  | 'bad-sequence'
  | 'bad-auth';

/** One semantic problem. */
export interface OspfValidationIssue {
  readonly code: OspfValidationCode;
  readonly detail: string;
}
