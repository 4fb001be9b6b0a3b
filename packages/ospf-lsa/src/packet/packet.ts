import {
  type Decoded,
  decode,
  type FieldHook,
  fail,
  type Reader,
  type WireErrorCode,
  Writer,
} from '@routekit/wire';
import type { OspfErrorCode, OspfValidationIssue } from '../errors.js';
import { AuthType, OSPF_HEADER_LENGTH, OSPF_VERSION, PacketType } from '../iana.js';
import { validateLsa } from '../lsa/lsa.js';
import {
  authTypeOf,
  type CryptoKey,
  computeDigest,
  DIGEST_LENGTH,
  type PacketAuth,
  packetChecksum,
  readAuthField,
  sameDigest,
  writeAuthField,
} from './auth.js';
import { type DbdBody, dbdLength, readDbd, writeDbd } from './dbd.js';
import { type PacketHeader, readPacketHeader, writePacketHeader } from './header.js';
import { type HelloBody, helloLength, readHello, writeHello } from './hello.js';
import { type LsAckBody, lsAckLength, readLsAck, writeLsAck } from './lsack.js';
import { type LsrBody, lsrLength, readLsr, writeLsr } from './lsr.js';
import { type LsuBody, lsuLength, readLsu, writeLsu } from './lsu.js';

/** Every packet body, tagged by `kind`. */
export type PacketBody = HelloBody | DbdBody | LsrBody | LsuBody | LsAckBody;

/**
 * A decoded OSPFv2 packet. `header.length` and `header.checksum` are as received;
 * `raw` is the packet and its authentication trailer (a view of the input).
 */
export interface OspfPacket {
  readonly header: PacketHeader;
  readonly auth: PacketAuth;
  readonly body: PacketBody;
  /**
   * Bytes after the packet and its digest: an RFC 5613 LLS data block when the
   * options' L bit is set (not decoded here), or anything else the IP payload carried.
   * A view of the input; re-emitted by {@link encodePacket}.
   */
  readonly trailer: Uint8Array;
  /** The packet and its digest trailer (not `trailer`). */
  readonly raw: Uint8Array;
}

/** What {@link encodePacket} needs. */
export interface PacketInput {
  readonly header: Pick<PacketHeader, 'routerId' | 'areaId'> & Partial<PacketHeader>;
  readonly auth: PacketAuth;
  readonly body: PacketBody;
  readonly trailer?: Uint8Array;
}

function readPacket(r: Reader, bytes: Uint8Array): OspfPacket {
  const start = r.offset;
  const header = readPacketHeader(r);
  if (header.version !== OSPF_VERSION)
    fail<OspfErrorCode>('bad-version', start, { length: 1, detail: `version ${header.version}` });
  if (header.type < PacketType.Hello || header.type > PacketType.LinkStateAck)
    fail<OspfErrorCode>('bad-packet-type', start + 1, { length: 1, detail: `type ${header.type}` });
  if (header.length < OSPF_HEADER_LENGTH || header.length > bytes.length)
    fail<OspfErrorCode>('bad-packet-length', start + 2, {
      length: 2,
      detail: `length ${header.length}, ${bytes.length} bytes present`,
    });
  const authAt = r.offset;
  const partial = readAuthField(r, header.authType);
  if (partial === undefined)
    fail<OspfErrorCode>('bad-auth-type', start + 14, {
      length: 2,
      detail: `authentication type ${header.authType}`,
    });
  const body = r.sub(header.length - OSPF_HEADER_LENGTH, 'ospf.body');
  const value = readBody(body, header.type);
  body.expectEnd();
  let auth = partial;
  let end = header.length;
  if (partial.kind === 'cryptographic') {
    if (r.remaining < partial.dataLength)
      fail<OspfErrorCode>('bad-auth-length', authAt + 3, {
        length: 1,
        detail: `${partial.dataLength}-byte digest, ${r.remaining} bytes after the packet`,
      });
    auth = { ...partial, digest: r.bytes(partial.dataLength, 'ospf.auth.crypt.data') };
    end += partial.dataLength;
  }
  const trailer = r.rest('ospf.trailer');
  return { header, auth, body: value, trailer, raw: bytes.subarray(0, end) };
}

function readBody(r: Reader, type: number): PacketBody {
  switch (type) {
    case PacketType.Hello:
      return readHello(r);
    case PacketType.DatabaseDescription:
      return readDbd(r);
    case PacketType.LinkStateRequest:
      return readLsr(r);
    case PacketType.LinkStateUpdate:
      return readLsu(r);
    default:
      return readLsAck(r);
  }
}

/**
 * Decode one OSPFv2 packet: the payload of an IP packet with protocol 89, whole (bytes
 * after the packet and its digest are kept as `trailer`). Total: returns an error
 * value, never throws.
 */
export function decodePacket(
  bytes: Uint8Array,
  options?: { readonly onField?: FieldHook },
): Decoded<OspfPacket, OspfErrorCode | WireErrorCode> {
  return decode<OspfPacket, OspfErrorCode>(
    bytes,
    (r) => readPacket(r, bytes),
    options?.onField === undefined ? undefined : { onField: options.onField },
  );
}

/** The length field of a packet's header, or undefined with fewer than 4 bytes. */
export function peekPacketLength(bytes: Uint8Array): number | undefined {
  return bytes.length < 4 ? undefined : (bytes[2]! << 8) | bytes[3]!;
}

function bodyLength(b: PacketBody): number {
  switch (b.kind) {
    case 'hello':
      return helloLength(b);
    case 'dbd':
      return dbdLength(b);
    case 'lsr':
      return lsrLength(b);
    case 'lsu':
      return lsuLength(b);
    case 'lsack':
      return lsAckLength(b);
  }
}

const TYPE_OF: Readonly<Record<PacketBody['kind'], number>> = {
  hello: PacketType.Hello,
  dbd: PacketType.DatabaseDescription,
  lsr: PacketType.LinkStateRequest,
  lsu: PacketType.LinkStateUpdate,
  lsack: PacketType.LinkStateAck,
};

/** Options of {@link encodePacket}. */
export interface EncodePacketOptions {
  /**
   * With cryptographic authentication: compute the digest with this key (its length
   * replaces `auth.dataLength`). Without it the packet's `auth.digest` is appended as is.
   */
  readonly key?: CryptoKey;
  /** `'compute'` (default) or `'keep'` `header.checksum` as given. */
  readonly checksum?: 'compute' | 'keep';
}

function digestLength(p: PacketInput, options?: EncodePacketOptions): number {
  if (p.auth.kind !== 'cryptographic') return 0;
  return options?.key === undefined ? p.auth.digest.length : digestOf(options.key);
}

function digestOf(key: CryptoKey): number {
  return DIGEST_LENGTH[key.algorithm];
}

/** Bytes {@link encodePacket} writes (packet + digest trailer). */
export function packetEncodingLength(p: PacketInput, options?: EncodePacketOptions): number {
  return (
    OSPF_HEADER_LENGTH + bodyLength(p.body) + digestLength(p, options) + (p.trailer?.length ?? 0)
  );
}

/**
 * Encode a packet into `target` at `offset`: version 2, type from the body, length
 * computed; checksum computed (0 under cryptographic authentication, RFC 2328 D.4.3);
 * digest computed when `options.key` is given. Returns the bytes written.
 */
export function encodePacketInto(
  p: PacketInput,
  target: Uint8Array,
  offset = 0,
  options?: EncodePacketOptions,
): number {
  const length = OSPF_HEADER_LENGTH + bodyLength(p.body);
  const dlen = digestLength(p, options);
  const tlen = p.trailer?.length ?? 0;
  const w = Writer.into(target, offset, length + dlen + tlen);
  let auth = p.auth;
  if (auth.kind === 'cryptographic' && options?.key !== undefined)
    auth = { ...auth, dataLength: dlen };
  writePacketHeader(w, {
    version: p.header.version ?? OSPF_VERSION,
    type: TYPE_OF[p.body.kind],
    length,
    routerId: p.header.routerId,
    areaId: p.header.areaId,
    checksum: 0,
    authType: authTypeOf(auth),
  });
  writeAuthField(w, auth);
  const b = p.body;
  switch (b.kind) {
    case 'hello':
      writeHello(w, b);
      break;
    case 'dbd':
      writeDbd(w, b);
      break;
    case 'lsr':
      writeLsr(w, b);
      break;
    case 'lsu':
      writeLsu(w, b);
      break;
    case 'lsack':
      writeLsAck(w, b);
      break;
  }
  const digestAt = w.reserve(dlen);
  if (p.trailer !== undefined) w.bytes(p.trailer);
  const out = w.finish();
  const packet = out.subarray(0, length);
  let sum = 0;
  if (options?.checksum === 'keep') sum = p.header.checksum ?? 0;
  else if (auth.kind !== 'cryptographic') sum = packetChecksum(packet);
  out[12] = sum >>> 8;
  out[13] = sum & 0xff;
  if (auth.kind === 'cryptographic') {
    const digest = options?.key === undefined ? auth.digest : computeDigest(packet, options.key);
    out.set(digest.subarray(0, dlen), digestAt);
  }
  return length + dlen + tlen;
}

/** Encode a packet (see {@link encodePacketInto}). */
export function encodePacket(p: PacketInput, options?: EncodePacketOptions): Uint8Array {
  const out = new Uint8Array(packetEncodingLength(p, options));
  encodePacketInto(p, out, 0, options);
  return out;
}

/** Whether a decoded packet's digest verifies with `key` (false for other auth types). */
export function verifyPacketDigest(p: OspfPacket, key: CryptoKey): boolean {
  if (p.auth.kind !== 'cryptographic') return false;
  const expected = computeDigest(p.raw.subarray(0, p.header.length), key);
  return sameDigest(expected, p.auth.digest);
}

/** Options of {@link validatePacket}. */
export interface ValidatePacketOptions {
  /** Check the simple password against this one (8 octets). */
  readonly password?: Uint8Array;
  /** Check the digest with this key. */
  readonly key?: CryptoKey;
}

/**
 * Semantic checks of a decoded packet: the checksum (null and simple authentication;
 * cryptographic packets carry 0), password or digest when given, and `validateLsa` on
 * every LSA of an update.
 */
export function validatePacket(
  p: OspfPacket,
  options?: ValidatePacketOptions,
): OspfValidationIssue[] {
  const issues: OspfValidationIssue[] = [];
  const packet = p.raw.subarray(0, p.header.length);
  if (p.header.authType !== AuthType.Cryptographic) {
    const want = packetChecksum(packet);
    if (want !== p.header.checksum)
      issues.push({
        code: 'bad-packet-checksum',
        detail: `checksum 0x${p.header.checksum.toString(16)}, computed 0x${want.toString(16)}`,
      });
  } else if (p.header.checksum !== 0) {
    issues.push({
      code: 'bad-packet-checksum',
      detail: 'non-zero checksum under cryptographic auth',
    });
  }
  if (options?.password !== undefined && p.auth.kind === 'simple') {
    const want = new Uint8Array(8);
    want.set(options.password.subarray(0, 8));
    if (!sameDigest(want, p.auth.password)) issues.push({ code: 'bad-auth', detail: 'password' });
  }
  if (options?.key !== undefined && !verifyPacketDigest(p, options.key))
    issues.push({ code: 'bad-auth', detail: 'digest' });
  if (p.body.kind === 'lsu') for (const l of p.body.lsas) issues.push(...validateLsa(l));
  return issues;
}
