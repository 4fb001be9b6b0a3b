/**
 * Text input, through `ip-address` (the edge): IPv4 dotted decimal (RFC 791; no
 * leading zeros, no short or hex forms) and every IPv6 text form of RFC 4291 §2.2 —
 * which RFC 5952 §2 says a reader must accept — including upper case, leading zeros,
 * `::` anywhere and a dotted IPv4 tail. Prefix lengths (RFC 4632 §3.1,
 * RFC 4291 §2.3) are read here, not by `ip-address`, so both families follow one rule.
 *
 * The parsers are total: any input gives `{ ok: true, value }` or
 * `{ ok: false, error }`. Only exceptions from `ip-address` that are its own
 * `AddressError` are turned into errors; anything else is a bug and propagates.
 */
import { Address4, Address6, AddressError as IpAddressError } from 'ip-address';
import {
  ADDRESS_BITS,
  type Address,
  type AddressFamily,
  type Ipv4Address,
  type Ipv6Address,
} from './address.js';
import {
  type AddressError,
  type AddressErrorCode,
  AddressParseError,
  type AddressResult,
} from './errors.js';
import { formatAddress, formatPrefix } from './format.js';
import {
  type HostBits,
  hasHostBits,
  type Ipv4Prefix,
  type Ipv6Prefix,
  type Prefix,
  prefix,
} from './prefix.js';

/** The longest address text: `ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255`. */
export const MAX_ADDRESS_TEXT_LENGTH = 45;

export interface ParseAddressOptions {
  /** Accept only this family; the other gives a `family-mismatch` error. */
  readonly family?: AddressFamily;
}

export interface ParsePrefixOptions extends ParseAddressOptions {
  /**
   * `192.0.2.1/24` — bits set after the length: `'reject'` (default) gives a
   * `host-bits-set` error, `'mask'` returns `192.0.2.0/24`.
   */
  readonly hostBits?: HostBits;
}

const LENGTH_TEXT = /^(?:0|[1-9][0-9]{0,2})$/;

function failure(
  code: AddressErrorCode,
  input: string,
  detail: string,
): { ok: false; error: AddressError } {
  return { ok: false, error: { code, input, detail } };
}

function describeNonString(x: unknown): string {
  try {
    return String(x);
  } catch {
    return `(${typeof x})`;
  }
}

function ipAddressDetail(e: IpAddressError): string {
  return e.message.replace(/\.$/, '');
}

/** `text` has no `/` and no `%`. Errors name `input`, the caller's whole text. */
function readAddress(text: string, input: string): AddressResult<Address> {
  if (text.length === 0) return failure('invalid-address', input, 'no address');
  if (text.length > MAX_ADDRESS_TEXT_LENGTH) {
    return failure(
      'invalid-address',
      input,
      `${text.length} characters, longer than any address (${MAX_ADDRESS_TEXT_LENGTH})`,
    );
  }
  try {
    if (text.includes(':')) {
      const big = new Address6(text).bigInt();
      const m = 0xffff_ffffn;
      return {
        ok: true,
        value: {
          family: 6,
          words: [
            Number(big >> 96n),
            Number((big >> 64n) & m),
            Number((big >> 32n) & m),
            Number(big & m),
          ],
        },
      };
    }
    if (text.includes('.')) {
      return { ok: true, value: { family: 4, value: Number(new Address4(text).bigInt()) } };
    }
  } catch (e) {
    if (e instanceof IpAddressError) return failure('invalid-address', input, ipAddressDetail(e));
    throw e;
  }
  return failure('invalid-address', input, 'neither IPv4 dotted decimal nor IPv6 text');
}

/** An address part that may carry a `%zone`; a zone on a valid IPv6 address is its own error. */
function readAddressPart(text: string, input: string): AddressResult<Address> {
  const percent = text.indexOf('%');
  if (percent < 0) return readAddress(text, input);
  const before = text.slice(0, percent);
  if (before.includes(':') && readAddress(before, input).ok) {
    return failure(
      'zone-id',
      input,
      `${JSON.stringify(text.slice(percent))} names an interface (RFC 4007 §11); it is not part of the address`,
    );
  }
  return failure('invalid-address', input, "'%' is only allowed before an IPv6 zone id");
}

function checkFamily<T extends Address | Prefix>(
  value: T,
  input: string,
  family: AddressFamily | undefined,
): AddressResult<T> {
  if (family !== undefined && value.family !== family) {
    return failure('family-mismatch', input, `IPv${value.family}, expected IPv${family}`);
  }
  return { ok: true, value };
}

/**
 * Read an IPv4 or IPv6 address. Total: never throws. A `/length` is an
 * `invalid-address` error (use `parsePrefix`), a `%zone` a `zone-id` error.
 * IPv4-mapped text (`::ffff:192.0.2.1`) gives an IPv6 address; `unmapAddress`
 * turns it into IPv4.
 */
export function parseAddress(
  text: string,
  options: ParseAddressOptions & { readonly family: 4 },
): AddressResult<Ipv4Address>;
export function parseAddress(
  text: string,
  options: ParseAddressOptions & { readonly family: 6 },
): AddressResult<Ipv6Address>;
export function parseAddress(text: string, options?: ParseAddressOptions): AddressResult<Address>;
export function parseAddress(
  text: string,
  options: ParseAddressOptions = {},
): AddressResult<Address> {
  if (typeof text !== 'string') {
    return failure(
      'invalid-address',
      describeNonString(text),
      `expected a string, got ${typeof text}`,
    );
  }
  if (text.includes('/')) {
    return failure(
      'invalid-address',
      text,
      'an address has no /length; use parsePrefix for prefixes',
    );
  }
  const a = readAddressPart(text, text);
  return a.ok ? checkFamily(a.value, text, options.family) : a;
}

/**
 * Read a prefix `address/length`. Total: never throws. The length is required — a
 * bare address is an `invalid-length` error rather than a silent /32 or /128, so a
 * forgotten length in a configuration cannot turn a network into a host route; use
 * `hostPrefix(addressOrThrow(text))` when a host is meant. The length is plain
 * decimal without leading zeros.
 */
export function parsePrefix(
  text: string,
  options: ParsePrefixOptions & { readonly family: 4 },
): AddressResult<Ipv4Prefix>;
export function parsePrefix(
  text: string,
  options: ParsePrefixOptions & { readonly family: 6 },
): AddressResult<Ipv6Prefix>;
export function parsePrefix(text: string, options?: ParsePrefixOptions): AddressResult<Prefix>;
export function parsePrefix(text: string, options: ParsePrefixOptions = {}): AddressResult<Prefix> {
  if (typeof text !== 'string') {
    return failure(
      'invalid-address',
      describeNonString(text),
      `expected a string, got ${typeof text}`,
    );
  }
  const slash = text.indexOf('/');
  const a = readAddressPart(slash < 0 ? text : text.slice(0, slash), text);
  if (!a.ok) return a;
  const address = a.value;
  const family = checkFamily(address, text, options.family);
  if (!family.ok) return family;
  const bits = ADDRESS_BITS[address.family];
  if (slash < 0) {
    return failure(
      'invalid-length',
      text,
      `no /length; a single address is written ${formatAddress(address)}/${bits}`,
    );
  }
  const lengthText = text.slice(slash + 1);
  if (!LENGTH_TEXT.test(lengthText)) {
    return failure(
      'invalid-length',
      text,
      `${JSON.stringify(lengthText)} is not a decimal number without leading zeros`,
    );
  }
  const length = Number(lengthText);
  if (length > bits) {
    return failure(
      'invalid-length',
      text,
      `${length} is more than the ${bits} bits of an IPv${address.family} address`,
    );
  }
  const p = prefix(address, length);
  if (options.hostBits !== 'mask' && hasHostBits(address, length)) {
    return failure(
      'host-bits-set',
      text,
      `bits after /${length} are not zero; the prefix containing it is ${formatPrefix(p)}`,
    );
  }
  return { ok: true, value: p };
}

/** `parseAddress` for scripts and constants: throws `AddressParseError` on bad text. */
export function addressOrThrow(
  text: string,
  options: ParseAddressOptions & { readonly family: 4 },
): Ipv4Address;
export function addressOrThrow(
  text: string,
  options: ParseAddressOptions & { readonly family: 6 },
): Ipv6Address;
export function addressOrThrow(text: string, options?: ParseAddressOptions): Address;
export function addressOrThrow(text: string, options?: ParseAddressOptions): Address {
  const r = parseAddress(text, options);
  if (!r.ok) throw new AddressParseError(r.error);
  return r.value;
}

/** `parsePrefix` for scripts and constants: throws `AddressParseError` on bad text. */
export function prefixOrThrow(
  text: string,
  options: ParsePrefixOptions & { readonly family: 4 },
): Ipv4Prefix;
export function prefixOrThrow(
  text: string,
  options: ParsePrefixOptions & { readonly family: 6 },
): Ipv6Prefix;
export function prefixOrThrow(text: string, options?: ParsePrefixOptions): Prefix;
export function prefixOrThrow(text: string, options?: ParsePrefixOptions): Prefix {
  const r = parsePrefix(text, options);
  if (!r.ok) throw new AddressParseError(r.error);
  return r.value;
}
