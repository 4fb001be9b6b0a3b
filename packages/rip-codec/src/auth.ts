import { hmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { fail, type Reader, type Writer } from '@routekit/wire';
import { RIP_DIGEST_LENGTHS, RIP_TRAILER_HEADER_LENGTH, RipAfi, RipAuthType } from './iana.js';

/**
 * Simple password authentication entry (RFC 2453 §5.2), always the first entry:
 *
 * ```
 * +-------------------------------+-------------------------------+
 * |         0xFFFF                |    Authentication Type (2)    |
 * +-------------------------------+-------------------------------+
 * ~                       Authentication (16)                     ~
 * +---------------------------------------------------------------+
 * ```
 */
export interface RipSimpleAuth {
  readonly kind: 'simple';
  /** The 16 password bytes as sent (zero-padded). Aliases the input after decoding. */
  readonly password: Uint8Array;
}

/**
 * Cryptographic authentication header (RFC 4822 §2.2, keyed MD5 and HMAC-SHA; RFC 2082):
 *
 * ```
 * +-------------------------------+-------------------------------+
 * |             0xFFFF            | Authentication Type (0x0003)  |
 * +-------------------------------+---------------+---------------+
 * |     RIPv2 Packet Length       |   Key ID      | Auth Data Len |
 * +-------------------------------+---------------+---------------+
 * |               Sequence Number (non-decreasing)                |
 * +---------------------------------------------------------------+
 * |               reserved must be zero                           |
 * +---------------------------------------------------------------+
 * |               reserved must be zero                           |
 * +---------------------------------------------------------------+
 * ```
 *
 * and trailer, at offset `packetLength`:
 *
 * ```
 * +-------------------------------+-------------------------------+
 * |             0xFFFF            |       0x01                    |
 * +-------------------------------+-------------------------------+
 * /  Authentication Data (var. length; 16 bytes with Keyed MD5)   /
 * +---------------------------------------------------------------+
 * ```
 *
 * `authDataLength` is kept as sent: RFC 4822 and FRR's `auth-length rfc` put the digest
 * length (16 for MD5), FRR's `auth-length old-ripd` (and old Cisco) put 20 (digest plus
 * the trailer's 4 header bytes). The digest always fills the rest of the packet.
 */
export interface RipCryptoAuth {
  readonly kind: 'crypto';
  /** Offset of the trailer: header, auth entry and route entries. */
  readonly packetLength: number;
  readonly keyId: number;
  readonly authDataLength: number;
  readonly sequence: number;
  /** The 8 reserved bytes as sent (must be zero). */
  readonly reserved: Uint8Array;
  /** The trailer's digest (16, 20, 32, 48 or 64 bytes). */
  readonly digest: Uint8Array;
}

/** An authentication entry of a type this codec does not know: its 16 bytes as sent. */
export interface RipUnknownAuth {
  readonly kind: 'unknown';
  readonly type: number;
  readonly data: Uint8Array;
}

export type RipAuth = RipSimpleAuth | RipCryptoAuth | RipUnknownAuth;

/** Read the 20-byte authentication entry (AFI 0xFFFF already peeked, not consumed). */
export function readRipAuth(r: Reader): RipAuth {
  r.u16('rip.family');
  const type = r.u16('rip.auth.type');
  if (type === RipAuthType.SimplePassword) {
    return { kind: 'simple', password: r.bytes(16, 'rip.auth.passwd') };
  }
  if (type === RipAuthType.Cryptographic) {
    const packetLength = r.u16('rip.digest_offset');
    const keyId = r.u8('rip.key_id');
    const authDataLength = r.u8('rip.auth_data_len');
    const sequence = r.u32('rip.seq_num');
    const reserved = r.bytes(8, 'rip.zero_padding');
    return {
      kind: 'crypto',
      packetLength,
      keyId,
      authDataLength,
      sequence,
      reserved,
      digest: new Uint8Array(0),
    };
  }
  return { kind: 'unknown', type, data: r.bytes(16, 'rip.auth.data') };
}

/** Read the trailer (everything from `packetLength` to the end). */
export function readRipTrailer(r: Reader): Uint8Array {
  const at = r.offset;
  if (r.remaining < RIP_TRAILER_HEADER_LENGTH) {
    fail('bad-auth', at, { detail: 'authentication trailer missing' });
  }
  const ffff = r.u16();
  const one = r.u16();
  if (ffff !== RipAfi.Auth || one !== RipAuthType.Trailer) {
    fail('bad-auth', at, { length: 4, detail: `trailer header ${ffff}/${one}, want 0xFFFF/1` });
  }
  if (!RIP_DIGEST_LENGTHS.includes(r.remaining)) {
    fail('bad-auth', r.offset, {
      length: r.remaining,
      detail: `digest of ${r.remaining} bytes (16, 20, 32, 48 or 64)`,
    });
  }
  return r.rest('rip.authentication_data');
}

/** Write the 20-byte authentication entry. */
export function writeRipAuth(w: Writer, a: RipAuth): void {
  w.u16(RipAfi.Auth);
  switch (a.kind) {
    case 'simple':
      w.u16(RipAuthType.SimplePassword);
      writeFixed(w, a.password, 16);
      return;
    case 'crypto':
      w.u16(RipAuthType.Cryptographic).u16(a.packetLength).u8(a.keyId).u8(a.authDataLength);
      w.u32(a.sequence);
      writeFixed(w, a.reserved, 8);
      return;
    case 'unknown':
      w.u16(a.type);
      writeFixed(w, a.data, 16);
      return;
  }
}

/** Write the trailer of a cryptographic packet. */
export function writeRipTrailer(w: Writer, digest: Uint8Array): void {
  w.u16(RipAfi.Auth).u16(RipAuthType.Trailer).bytes(digest);
}

function writeFixed(w: Writer, bytes: Uint8Array, n: number): void {
  if (bytes.length > n) throw new RangeError(`field of ${n} bytes given ${bytes.length}`);
  w.bytes(bytes).zeros(n - bytes.length);
}

/** RFC 4822 algorithms (RFC 2082 keyed MD5 included), and RFC 2453 simple passwords. */
export type RipAuthAlgorithm =
  | 'simple'
  | 'md5'
  | 'hmac-sha1'
  | 'hmac-sha256'
  | 'hmac-sha384'
  | 'hmac-sha512';

/** Every {@link RipAuthAlgorithm}. */
export const RIP_AUTH_ALGORITHMS: readonly RipAuthAlgorithm[] = [
  'simple',
  'md5',
  'hmac-sha1',
  'hmac-sha256',
  'hmac-sha384',
  'hmac-sha512',
];

/** A key: `id` is the key id on the wire (ignored for `simple`). Text secrets are UTF-8. */
export interface RipAuthKey {
  readonly id: number;
  readonly algorithm: RipAuthAlgorithm;
  readonly secret: Uint8Array | string;
}

/** Digest length of an algorithm in bytes (16 for simple: the password field). */
export function ripDigestLength(algorithm: RipAuthAlgorithm): number {
  switch (algorithm) {
    case 'simple':
    case 'md5':
      return 16;
    case 'hmac-sha1':
      return 20;
    case 'hmac-sha256':
      return 32;
    case 'hmac-sha384':
      return 48;
    case 'hmac-sha512':
      return 64;
  }
}

/** The key as bytes: text is UTF-8 encoded (no `TextEncoder`: codecs have `types: []`). */
export function secretBytes(secret: Uint8Array | string): Uint8Array {
  if (typeof secret !== 'string') return secret;
  const out: number[] = [];
  for (const ch of secret) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** RFC 4822 §2.5: Apad, the hexadecimal value 0x878FE1F3 repeated. */
const APAD = [0x87, 0x8f, 0xe1, 0xf3] as const;

type Hash = typeof sha256;

function hashOf(algorithm: RipAuthAlgorithm): Hash | undefined {
  switch (algorithm) {
    case 'hmac-sha1':
      return sha1 as unknown as Hash;
    case 'hmac-sha256':
      return sha256;
    case 'hmac-sha384':
      return sha384 as unknown as Hash;
    case 'hmac-sha512':
      return sha512 as unknown as Hash;
    default:
      return undefined;
  }
}

/**
 * The digest of a cryptographic packet. `signed` is the packet up to and including the
 * trailer's 4-byte header (`packetLength + 4` bytes); it is not modified.
 *
 * - Keyed MD5 (RFC 2082, RFC 4822 §2.5 for MD5): MD5 over the packet followed by the key
 *   zero-padded (or cut) to 16 bytes.
 * - HMAC-SHA (RFC 4822 §2.5): the digest field is filled with Apad, then HMAC (RFC 2104)
 *   over the packet, with the key used as HMAC uses it (as BIRD does; see below).
 */
export function computeRipDigest(
  algorithm: Exclude<RipAuthAlgorithm, 'simple'>,
  secret: Uint8Array | string,
  signed: Uint8Array,
): Uint8Array {
  const key = secretBytes(secret);
  const length = ripDigestLength(algorithm);
  const input = new Uint8Array(signed.length + length);
  input.set(signed, 0);
  if (algorithm === 'md5') {
    input.set(key.subarray(0, 16), signed.length);
    return md5(input);
  }
  for (let i = 0; i < length; i++) input[signed.length + i] = APAD[i % 4]!;
  // Standard HMAC key handling (RFC 2104: hashed only when longer than the hash's block).
  // RFC 4822 §2.5 would hash keys longer than the digest first; BIRD, the one RFC 4822
  // implementation, does not — tcpdump's ripv2_auth.pcap (a 26-byte key with HMAC-SHA-1)
  // verifies only this way, so interoperability wins.
  return hmac(hashOf(algorithm)!, key, input);
}

/** Constant-time comparison of two byte strings (length is not secret). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
