import {
  type Decoded,
  decode,
  fail,
  fletcherChecksum,
  OSPF_LSA_CHECKSUM_OFFSET,
  type Reader,
  verifyFletcher,
  type WireErrorCode,
  Writer,
} from '@routekit/wire';
import type { OspfErrorCode, OspfValidationIssue } from '../errors.js';
import { Architectural, LSA_HEADER_LENGTH, LsaType } from '../iana.js';
import {
  type ExternalLsaBody,
  externalBodyLength,
  readExternalBody,
  writeExternalBody,
} from './external.js';
import { type LsaHeader, readLsaHeader, writeLsaHeader } from './header.js';
import {
  type NetworkLsaBody,
  networkBodyLength,
  readNetworkBody,
  writeNetworkBody,
} from './network.js';
import { type OpaqueLsaBody, opaqueBodyBytes, readOpaqueBody } from './opaque.js';
import { type RouterLsaBody, readRouterBody, routerBodyLength, writeRouterBody } from './router.js';
import {
  readSummaryBody,
  type SummaryLsaBody,
  summaryBodyLength,
  writeSummaryBody,
} from './summary.js';

/** A body this package does not type (type 6, unassigned types): raw bytes. */
export interface UnknownLsaBody {
  readonly kind: 'unknown';
  readonly data: Uint8Array;
}

/** Every LSA body, tagged by `kind`. */
export type LsaBody =
  | RouterLsaBody
  | NetworkLsaBody
  | SummaryLsaBody
  | ExternalLsaBody
  | OpaqueLsaBody
  | UnknownLsaBody;

/**
 * A decoded LSA: header, typed body and `raw`, the LSA's exact bytes (a view that
 * aliases the decoder's input) for re-flooding and checksum verification.
 */
export interface Lsa {
  readonly header: LsaHeader;
  readonly body: LsaBody;
  readonly raw: Uint8Array;
}

/** Read one LSA (header + body) of `header.length` bytes. */
export function readLsa(r: Reader): Lsa {
  const start = r.offset;
  const head = r.peekBytes(LSA_HEADER_LENGTH);
  const length = (head[18]! << 8) | head[19]!;
  if (length < LSA_HEADER_LENGTH || length > r.remaining) {
    fail<OspfErrorCode>('bad-lsa-length', start + 18, {
      length: 2,
      detail: `LSA length ${length}, ${r.remaining} bytes left`,
    });
  }
  const raw = r.peekBytes(length);
  const header = readLsaHeader(r);
  const bodyReader = r.sub(length - LSA_HEADER_LENGTH, 'lsa.body');
  const body = readBody(bodyReader, header);
  bodyReader.expectEnd();
  return { header, body, raw };
}

function readBody(r: Reader, h: LsaHeader): LsaBody {
  switch (h.type) {
    case LsaType.Router:
      return readRouterBody(r);
    case LsaType.Network:
      return readNetworkBody(r);
    case LsaType.SummaryNetwork:
    case LsaType.SummaryAsbr:
      return readSummaryBody(r);
    case LsaType.AsExternal:
    case LsaType.Nssa:
      return readExternalBody(r);
    case LsaType.OpaqueLink:
    case LsaType.OpaqueArea:
    case LsaType.OpaqueAs:
      return readOpaqueBody(r, h.lsId);
    default:
      return { kind: 'unknown', data: r.rest('lsa.data') };
  }
}

/** Decode one LSA from the start of `bytes` (total: never throws). */
export function decodeLsa(bytes: Uint8Array): Decoded<Lsa, OspfErrorCode | WireErrorCode> {
  return decode<Lsa, OspfErrorCode>(bytes, readLsa);
}

function bodyLength(b: LsaBody): number {
  switch (b.kind) {
    case 'router':
      return routerBodyLength(b);
    case 'network':
      return networkBodyLength(b);
    case 'summary':
      return summaryBodyLength(b);
    case 'external':
      return externalBodyLength(b);
    case 'opaque':
    case 'opaque-raw':
      return opaqueBodyBytes(b).length;
    case 'unknown':
      return b.data.length;
  }
}

/** Bytes {@link encodeLsa} writes for `lsa` (header + body). */
export function lsaEncodingLength(lsa: Pick<Lsa, 'body'>): number {
  return LSA_HEADER_LENGTH + bodyLength(lsa.body);
}

/** Options of {@link encodeLsa}. */
export interface EncodeLsaOptions {
  /**
   * `'compute'` (default): write the Fletcher checksum of the encoded bytes.
   * `'keep'`: write `header.checksum` as it is (re-emit exactly, even a bad one).
   */
  readonly checksum?: 'compute' | 'keep';
}

/**
 * Write `lsa` into `target` at `offset`; the length field is always computed, the
 * checksum too unless `checksum: 'keep'`. Returns the bytes written.
 */
export function encodeLsaInto(
  lsa: Pick<Lsa, 'header' | 'body'>,
  target: Uint8Array,
  offset = 0,
  options?: EncodeLsaOptions,
): number {
  const length = lsaEncodingLength(lsa);
  const w = Writer.into(target, offset, length);
  writeLsaHeader(w, { ...lsa.header, length, checksum: 0 });
  const b = lsa.body;
  switch (b.kind) {
    case 'router':
      writeRouterBody(w, b);
      break;
    case 'network':
      writeNetworkBody(w, b);
      break;
    case 'summary':
      writeSummaryBody(w, b);
      break;
    case 'external':
      writeExternalBody(w, b);
      break;
    case 'opaque':
    case 'opaque-raw':
      w.bytes(opaqueBodyBytes(b));
      break;
    case 'unknown':
      w.bytes(b.data);
      break;
  }
  const out = w.finish();
  const sum =
    options?.checksum === 'keep'
      ? lsa.header.checksum
      : fletcherChecksum(out.subarray(2), OSPF_LSA_CHECKSUM_OFFSET);
  out[16] = sum >>> 8;
  out[17] = sum & 0xff;
  return length;
}

/** Encode one LSA (see {@link encodeLsaInto}). */
export function encodeLsa(
  lsa: Pick<Lsa, 'header' | 'body'>,
  options?: EncodeLsaOptions,
): Uint8Array {
  const out = new Uint8Array(lsaEncodingLength(lsa));
  encodeLsaInto(lsa, out, 0, options);
  return out;
}

/** What {@link buildLsa} needs: a header without length and checksum, and a body. */
export interface LsaInput {
  readonly header: Omit<LsaHeader, 'length' | 'checksum'>;
  readonly body: LsaBody;
}

/** Build an LSA value from fields: encode it (checksum computed) and decode it back. */
export function buildLsa(input: LsaInput): Lsa {
  const bytes = encodeLsa({
    header: { ...input.header, length: 0, checksum: 0 },
    body: input.body,
  });
  const res = decodeLsa(bytes);
  if (!res.ok) throw new Error(`buildLsa: encoded LSA does not decode: ${res.error.code}`);
  return res.value;
}

/** A copy of `lsa` with a new LS age (the age is outside the checksum). */
export function withAge(lsa: Lsa, age: number): Lsa {
  const raw = lsa.raw.slice();
  raw[0] = age >>> 8;
  raw[1] = age & 0xff;
  return { header: { ...lsa.header, age }, body: lsa.body, raw };
}

/** Whether the LSA's Fletcher checksum verifies over its raw bytes (RFC 2328 §12.1.7). */
export function lsaChecksumOk(lsa: Pick<Lsa, 'raw'>): boolean {
  return lsa.raw.length >= LSA_HEADER_LENGTH && verifyFletcher(lsa.raw.subarray(2));
}

/**
 * Semantic checks of a decoded LSA: checksum (RFC 2328 §13 step 1), age ≤ MaxAge,
 * sequence number not the reserved 0x80000000. Empty when all is well.
 */
export function validateLsa(lsa: Lsa): OspfValidationIssue[] {
  const issues: OspfValidationIssue[] = [];
  if (!lsaChecksumOk(lsa))
    issues.push({
      code: 'bad-lsa-checksum',
      detail: `checksum 0x${lsa.header.checksum.toString(16)}`,
    });
  if (lsa.header.age > Architectural.MaxAge)
    issues.push({ code: 'bad-age', detail: `age ${lsa.header.age}` });
  if (lsa.header.seq === -0x80000000)
    issues.push({ code: 'bad-sequence', detail: 'sequence 0x80000000 is reserved' });
  return issues;
}
