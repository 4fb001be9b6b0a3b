/**
 * Why a text or byte input is not an address or prefix. Every code names one
 * mistake a caller can fix; see the README's errors table.
 *
 * - `invalid-address`: not IPv4 dotted-quad or IPv6 text (RFC 4291 §2.2), or the
 *   address part of a prefix is not.
 * - `zone-id`: an IPv6 address with a `%zone` suffix (RFC 4007 §11). A zone names an
 *   interface on one host; it is not part of the address and never part of a route.
 * - `invalid-length`: a prefix length that is missing, not plain decimal, or larger
 *   than 32 (IPv4) / 128 (IPv6).
 * - `host-bits-set`: bits after the prefix length are not zero and `hostBits` is
 *   `'reject'` (the default).
 * - `family-mismatch`: the input is valid but of the other family than the caller
 *   asked for with `family`.
 * - `invalid-byte-length`: a byte encoding has fewer bytes than the prefix length
 *   needs or more than the family has.
 */
export type AddressErrorCode =
  | 'invalid-address'
  | 'zone-id'
  | 'invalid-length'
  | 'host-bits-set'
  | 'family-mismatch'
  | 'invalid-byte-length';

/** All error codes, in the order of the README table. */
export const ADDRESS_ERROR_CODES: readonly AddressErrorCode[] = [
  'invalid-address',
  'zone-id',
  'invalid-length',
  'host-bits-set',
  'family-mismatch',
  'invalid-byte-length',
];

/** A parse or decode failure as plain data. */
export interface AddressError {
  readonly code: AddressErrorCode;
  /**
   * The input as given: the text for parsers; for `prefixFromBytes`, the bytes as
   * lowercase hex (the first 32, then `…`).
   */
  readonly input: string;
  /** What exactly is wrong, for people. Not stable: match on `code`, not on this. */
  readonly detail?: string;
}

/** The result of a total parser or decoder: it never throws on bad input. */
export type AddressResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: AddressError };

const MAX_QUOTED_INPUT = 80;

const SUMMARY: Readonly<Record<AddressErrorCode, string>> = {
  'invalid-address': 'invalid IP address',
  'zone-id': 'zone id not allowed in',
  'invalid-length': 'invalid prefix length in',
  'host-bits-set': 'host bits set in',
  'family-mismatch': 'wrong address family in',
  'invalid-byte-length': 'wrong number of bytes in',
};

/**
 * A one-line message naming the input, e.g.
 * `host bits set in "192.0.2.1/24": bits after /24 are not zero; …`. Inputs longer
 * than 80 characters are shortened in the message (the error keeps them whole).
 */
export function describeAddressError(error: AddressError): string {
  const shown =
    error.input.length > MAX_QUOTED_INPUT
      ? `${error.input.slice(0, MAX_QUOTED_INPUT)}…(${error.input.length} characters)`
      : error.input;
  const detail = error.detail === undefined ? '' : `: ${error.detail}`;
  return `${SUMMARY[error.code]} ${JSON.stringify(shown)}${detail}`;
}

/** Thrown by `addressOrThrow` / `prefixOrThrow`; carries the same data as `AddressError`. */
export class AddressParseError extends Error implements AddressError {
  override readonly name = 'AddressParseError';
  readonly code: AddressErrorCode;
  readonly input: string;
  declare readonly detail?: string;

  constructor(error: AddressError) {
    super(describeAddressError(error));
    this.code = error.code;
    this.input = error.input;
    if (error.detail !== undefined) this.detail = error.detail;
  }
}
