import {
  type Decoded,
  type DecodeOptions,
  decode,
  fail,
  type Reader,
  type WireErrorCode,
  Writer,
} from '@routekit/wire';
import {
  computeRipDigest,
  equalBytes,
  type RipAuth,
  type RipAuthKey,
  readRipAuth,
  readRipTrailer,
  ripDigestLength,
  secretBytes,
  writeRipAuth,
  writeRipTrailer,
} from './auth.js';
import type { RipErrorCode, RipIssue } from './errors.js';
import {
  RIP_ENTRY_LENGTH,
  RIP_HEADER_LENGTH,
  RIP_INFINITY,
  RIP_MAX_ENTRIES,
  RIP_TRAILER_HEADER_LENGTH,
  RipAfi,
  RipAuthType,
  RipCommand,
} from './iana.js';
import { checkRipResponseEntry, type RipEntry, readRipEntry, writeRipEntry } from './rte.js';

/**
 * A RIPv1 / RIPv2 packet (RFC 1058 §3.1, RFC 2453 §4):
 *
 * ```
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------+---------------+-------------------------------+
 * |  command (1)  |  version (1)  |       must be zero (2)        |
 * +---------------+---------------+-------------------------------+
 * |                                                               |
 * ~          RIP Entry (20), up to 25 (authentication first)      ~
 * |                                                               |
 * +---------------------------------------------------------------+
 * ~      authentication trailer (cryptographic authentication)   ~
 * +---------------------------------------------------------------+
 * ```
 */
export interface RipPacket {
  /** 1 request, 2 response (see `RipCommand`); other values are kept as sent. */
  readonly command: number;
  /** 1 or 2 (higher versions decode as RIPv2, RFC 2453 §4.1). */
  readonly version: number;
  /** The two must-be-zero bytes, as sent. */
  readonly unused: number;
  /** RIPv2 authentication (the leading 0xFFFF entry and, for type 3, the trailer digest). */
  readonly auth?: RipAuth;
  readonly entries: readonly RipEntry[];
  /** Entries a router must ignore (RFC 2453 §3.9.2); filled by the decoder, ignored by encoders. */
  readonly issues: readonly RipIssue[];
}

/** A packet to encode: `issues` may be left out. */
export type RipPacketInput = Omit<RipPacket, 'issues'> & { readonly issues?: readonly RipIssue[] };

function readPacket(r: Reader): RipPacket {
  const start = r.offset;
  const command = r.u8('rip.command');
  const versionAt = r.offset;
  const version = r.u8('rip.version');
  if (version === 0) fail('bad-version', versionAt, { length: 1, detail: 'version 0' });
  const unused = r.u16('rip.routing_domain');
  let auth: RipAuth | undefined;
  let body: Reader = r;
  if (version >= 2 && r.remaining >= 2 && r.peekU16() === RipAfi.Auth) {
    auth = readRipAuth(r.sub(RIP_ENTRY_LENGTH));
    if (auth.kind === 'crypto') {
      const at = r.offset - RIP_ENTRY_LENGTH + 4;
      const entriesLength = auth.packetLength - (r.offset - start);
      if (entriesLength < 0 || entriesLength + RIP_TRAILER_HEADER_LENGTH > r.remaining) {
        fail('bad-auth', at, {
          length: 2,
          detail: `packet length ${auth.packetLength} outside the ${r.end - start}-byte packet`,
        });
      }
      body = r.sub(entriesLength);
    }
  }
  const rem = body.remaining;
  if (rem % RIP_ENTRY_LENGTH !== 0) {
    fail('bad-length', body.offset + rem - (rem % RIP_ENTRY_LENGTH), {
      length: rem % RIP_ENTRY_LENGTH,
      detail: `${rem} bytes of entries is not a multiple of 20`,
    });
  }
  const count = rem / RIP_ENTRY_LENGTH;
  const max = RIP_MAX_ENTRIES - (auth === undefined ? 0 : 1);
  if (count > max) {
    fail('oversized', body.offset + max * RIP_ENTRY_LENGTH, {
      detail: `${count + RIP_MAX_ENTRIES - max} entries, at most ${RIP_MAX_ENTRIES}`,
    });
  }
  const entries: RipEntry[] = [];
  const issues: RipIssue[] = [];
  for (let i = 0; i < count; i++) {
    const at = body.offset;
    const entry = body.field('rip.rte', (b) => readRipEntry(b));
    if (command === RipCommand.Response) checkRipResponseEntry(entry, i, at, version, issues);
    entries.push(entry);
  }
  if (auth?.kind === 'crypto') auth = { ...auth, digest: readRipTrailer(r) };
  const packet: RipPacket =
    auth === undefined
      ? { command, version, unused, entries, issues }
      : { command, version, unused, auth, entries, issues };
  return packet;
}

/**
 * Decode one RIP packet (a whole UDP payload). Total: never throws. Byte fields
 * (password, digest, reserved) alias `bytes`. `options.onField` reports tshark-named
 * fields (`rip.command`, `rip.ip`, …).
 */
export function decodeRipPacket(
  bytes: Uint8Array,
  options?: Omit<DecodeOptions, 'exact'>,
): Decoded<RipPacket, RipErrorCode | WireErrorCode> {
  return decode<RipPacket, RipErrorCode>(bytes, readPacket, { ...options, exact: true });
}

/** Bytes {@link encodeRipPacket} writes for `packet`. */
export function ripPacketEncodingLength(packet: RipPacketInput): number {
  let n = RIP_HEADER_LENGTH + packet.entries.length * RIP_ENTRY_LENGTH;
  if (packet.auth !== undefined) n += RIP_ENTRY_LENGTH;
  if (packet.auth?.kind === 'crypto') n += RIP_TRAILER_HEADER_LENGTH + packet.auth.digest.length;
  return n;
}

/**
 * Write `packet` into `target` at `offset`; returns the bytes written. Fields are written
 * as given (re-emit exactly: the crypto `packetLength` and digest are not recomputed —
 * use {@link signRipPacket} for that). Throws `RangeError` when a field is out of range.
 */
export function encodeRipPacketInto(
  packet: RipPacketInput,
  target: Uint8Array,
  offset = 0,
): number {
  const length = ripPacketEncodingLength(packet);
  const w = Writer.into(target, offset, length);
  w.u8(packet.command).u8(packet.version).u16(packet.unused);
  if (packet.auth !== undefined) writeRipAuth(w, packet.auth);
  for (const e of packet.entries) writeRipEntry(w, e);
  if (packet.auth?.kind === 'crypto') writeRipTrailer(w, packet.auth.digest);
  w.finish();
  return length;
}

/** Encode `packet` (see {@link encodeRipPacketInto}). */
export function encodeRipPacket(packet: RipPacketInput): Uint8Array {
  const out = new Uint8Array(ripPacketEncodingLength(packet));
  encodeRipPacketInto(packet, out, 0);
  return out;
}

/** Options of {@link signRipPacket}. */
export interface SignOptions {
  /** Cryptographic sequence number (RFC 4822 §2.3: non-decreasing). Default 0. */
  readonly sequence?: number;
  /**
   * The header's Auth Data Len. Default: the digest length (RFC 4822, FRR
   * `auth-length rfc`); FRR's `auth-length old-ripd` sends 20 with keyed MD5.
   */
  readonly authDataLength?: number;
}

/**
 * Encode a RIPv2 packet authenticated with `key` (any `auth` of `packet` is replaced):
 * a simple password entry, or the RFC 4822 header, entries and trailer with the digest
 * computed. Returns the packet bytes.
 */
export function signRipPacket(
  packet: RipPacketInput,
  key: RipAuthKey,
  options: SignOptions = {},
): Uint8Array {
  if (key.algorithm === 'simple') {
    const secret = secretBytes(key.secret);
    const password = new Uint8Array(16);
    password.set(secret.subarray(0, 16));
    return encodeRipPacket({ ...packet, auth: { kind: 'simple', password } });
  }
  const digestLength = ripDigestLength(key.algorithm);
  const packetLength = RIP_HEADER_LENGTH + RIP_ENTRY_LENGTH * (1 + packet.entries.length);
  const bytes = encodeRipPacket({
    ...packet,
    auth: {
      kind: 'crypto',
      packetLength,
      keyId: key.id,
      authDataLength: options.authDataLength ?? digestLength,
      sequence: options.sequence ?? 0,
      reserved: new Uint8Array(8),
      digest: new Uint8Array(digestLength),
    },
  });
  const signed = bytes.subarray(0, packetLength + RIP_TRAILER_HEADER_LENGTH);
  bytes.set(computeRipDigest(key.algorithm, key.secret, signed), signed.length);
  return bytes;
}

/** Why {@link verifyRipPacket} refused a packet. */
export type RipAuthFailure =
  | 'missing'
  | 'wrong-type'
  | 'bad-password'
  | 'unknown-key'
  | 'bad-digest-length'
  | 'bad-digest';

/** The result of {@link verifyRipPacket}. */
export type RipAuthResult =
  | { readonly ok: true; readonly keyId?: number; readonly sequence?: number }
  | { readonly ok: false; readonly reason: RipAuthFailure };

/**
 * Check the authentication of a decoded packet against the keys of an interface.
 * `bytes` are the exact bytes `packet` was decoded from (the digest covers them).
 * Sequence-number tracking is the caller's (per neighbour, RFC 4822 §2.3).
 */
export function verifyRipPacket(
  bytes: Uint8Array,
  packet: RipPacket,
  keys: readonly RipAuthKey[],
): RipAuthResult {
  const auth = packet.auth;
  if (auth === undefined) return { ok: false, reason: 'missing' };
  if (auth.kind === 'unknown') return { ok: false, reason: 'wrong-type' };
  if (auth.kind === 'simple') {
    const simple = keys.filter((k) => k.algorithm === 'simple');
    if (simple.length === 0) return { ok: false, reason: 'wrong-type' };
    for (const k of simple) {
      const want = new Uint8Array(16);
      want.set(secretBytes(k.secret).subarray(0, 16));
      if (equalBytes(want, auth.password)) return { ok: true };
    }
    return { ok: false, reason: 'bad-password' };
  }
  const crypto = keys.filter((k) => k.algorithm !== 'simple');
  if (crypto.length === 0) return { ok: false, reason: 'wrong-type' };
  const key = crypto.find((k) => k.id === auth.keyId);
  if (key === undefined || key.algorithm === 'simple') return { ok: false, reason: 'unknown-key' };
  if (ripDigestLength(key.algorithm) !== auth.digest.length) {
    return { ok: false, reason: 'bad-digest-length' };
  }
  const signed = bytes.subarray(0, auth.packetLength + RIP_TRAILER_HEADER_LENGTH);
  const digest = computeRipDigest(key.algorithm, key.secret, signed);
  if (!equalBytes(digest, auth.digest)) return { ok: false, reason: 'bad-digest' };
  return { ok: true, keyId: auth.keyId, sequence: auth.sequence };
}

/** A request for the whole table (RFC 2453 §3.9.1): one entry, AFI 0, metric 16. */
export function isWholeTableRequest(packet: RipPacket): boolean {
  const e = packet.entries[0];
  return (
    packet.command === RipCommand.Request &&
    packet.entries.length === 1 &&
    e !== undefined &&
    e.afi === RipAfi.Unspecified &&
    e.metric === RIP_INFINITY
  );
}

/** Whether an authentication type number is one this codec decodes. */
export function isKnownRipAuthType(type: number): boolean {
  return type === RipAuthType.SimplePassword || type === RipAuthType.Cryptographic;
}
