import { hmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { internetChecksum, type Reader, type Writer } from '@routekit/wire';
import { AuthType } from '../iana.js';

/**
 * The 8-octet authentication field of the packet header (RFC 2328 D.3) and the
 * digest trailer of cryptographic authentication (D.4.3, RFC 5709).
 *
 * Cryptographic authentication:
 * ```
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              0                |    Key ID     | Auth Data Len |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Cryptographic sequence number                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 * The digest (Auth Data Len bytes) follows the packet; the packet length excludes it
 * and the checksum field is 0.
 */
export type PacketAuth =
  | { readonly kind: 'null'; readonly data: Uint8Array }
  | { readonly kind: 'simple'; readonly password: Uint8Array }
  | {
      readonly kind: 'cryptographic';
      /** The first two octets (0 on the wire). */
      readonly reserved: number;
      readonly keyId: number;
      readonly dataLength: number;
      readonly sequence: number;
      /** The trailer after the packet (aliases the input when decoded). */
      readonly digest: Uint8Array;
    };

/** Digest algorithms: keyed MD5 (RFC 2328 D.4.3) and HMAC-SHA (RFC 5709). */
export type CryptoAlgorithm = 'md5' | 'hmac-sha1' | 'hmac-sha256' | 'hmac-sha384' | 'hmac-sha512';

/** A key for cryptographic authentication. */
export interface CryptoKey {
  readonly algorithm: CryptoAlgorithm;
  readonly key: Uint8Array;
}

/** Digest length in bytes of each algorithm. */
export const DIGEST_LENGTH: Readonly<Record<CryptoAlgorithm, number>> = {
  md5: 16,
  'hmac-sha1': 20,
  'hmac-sha256': 32,
  'hmac-sha384': 48,
  'hmac-sha512': 64,
};

export function readAuthField(r: Reader, authType: number): PacketAuth | undefined {
  if (authType === AuthType.Null) return { kind: 'null', data: r.bytes(8, 'ospf.auth.none') };
  if (authType === AuthType.Simple)
    return { kind: 'simple', password: r.bytes(8, 'ospf.auth.simple') };
  if (authType === AuthType.Cryptographic) {
    const reserved = r.u16('ospf.auth.reserved');
    const keyId = r.u8('ospf.auth.crypt.key_id');
    const dataLength = r.u8('ospf.auth.crypt.data_length');
    const sequence = r.u32('ospf.auth.crypt.seq_num');
    return {
      kind: 'cryptographic',
      reserved,
      keyId,
      dataLength,
      sequence,
      digest: new Uint8Array(0),
    };
  }
  return undefined;
}

export function authTypeOf(a: PacketAuth): number {
  return a.kind === 'null'
    ? AuthType.Null
    : a.kind === 'simple'
      ? AuthType.Simple
      : AuthType.Cryptographic;
}

export function writeAuthField(w: Writer, a: PacketAuth): void {
  if (a.kind === 'null') w.bytes(pad8(a.data));
  else if (a.kind === 'simple') w.bytes(pad8(a.password));
  else w.u16(a.reserved).u8(a.keyId).u8(a.dataLength).u32(a.sequence);
}

function pad8(b: Uint8Array): Uint8Array {
  if (b.length === 8) return b;
  const out = new Uint8Array(8);
  out.set(b.subarray(0, 8));
  return out;
}

/** A simple password as the 8 octets of the header (longer ones are cut, shorter zero-padded). */
export function simplePassword(text: string): Uint8Array {
  const out = new Uint8Array(8);
  for (let i = 0; i < Math.min(8, text.length); i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/**
 * The packet checksum (RFC 2328 A.3.1, D.4): the internet checksum of the packet
 * (`length` bytes) with the checksum field and the 8 authentication octets left out.
 */
export function packetChecksum(packet: Uint8Array): number {
  const copy = packet.slice();
  copy[12] = 0;
  copy[13] = 0;
  copy.fill(0, 16, 24);
  return internetChecksum(copy);
}

const APAD = [0x87, 0x8f, 0xe1, 0xf3];

function hashOf(algorithm: Exclude<CryptoAlgorithm, 'md5'>): typeof sha1 {
  switch (algorithm) {
    case 'hmac-sha1':
      return sha1;
    case 'hmac-sha256':
      return sha256;
    case 'hmac-sha384':
      return sha384;
    case 'hmac-sha512':
      return sha512;
  }
}

/**
 * The digest of `packet` (the `length` bytes the header counts, checksum 0, crypto
 * fields filled in). MD5: `MD5(packet ‖ key padded to 16)` (RFC 2328 D.4.3).
 * HMAC-SHA: `HMAC(K, packet ‖ Apad)` with Apad = 0x878FE1F3 repeated, K zero-padded
 * to the digest length or hashed when longer (RFC 5709 §3.3).
 */
export function computeDigest(packet: Uint8Array, key: CryptoKey): Uint8Array {
  if (key.algorithm === 'md5') {
    const buf = new Uint8Array(packet.length + 16);
    buf.set(packet);
    buf.set(key.key.subarray(0, 16), packet.length);
    return md5(buf);
  }
  const hash = hashOf(key.algorithm);
  const L = DIGEST_LENGTH[key.algorithm];
  let k = key.key;
  if (k.length > L) k = hash(k);
  const ko = new Uint8Array(L);
  ko.set(k);
  const buf = new Uint8Array(packet.length + L);
  buf.set(packet);
  for (let i = 0; i < L; i++) buf[packet.length + i] = APAD[i % 4]!;
  return hmac(hash, ko, buf);
}

/** Constant-shape comparison of two digests. */
export function sameDigest(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
