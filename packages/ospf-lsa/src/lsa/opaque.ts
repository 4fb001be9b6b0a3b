import { decode, type Reader, type Writer } from '@routekit/wire';
import { encodeTlvs, type OpaqueTlv, readTlvs, tlvContextOf } from './tlv.js';

/**
 * Opaque-LSA body (RFC 5250 §3): types 9 (link), 10 (area), 11 (AS). The Link State ID
 * is split into an 8-bit opaque type and a 24-bit opaque ID.
 *
 * ```
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            LS age             |     Options   |   9, 10 or 11 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Opaque Type  |               Opaque ID                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      ... header ...                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Opaque Information (TLVs)                |
 * ```
 *
 * Known opaque types (TE 1, Grace 3, RI 4, Extended Prefix 7, Extended Link 8) are
 * read as TLVs when their bytes parse as such and re-encode byte for byte; anything
 * else is kept as `data` (aliasing the input).
 */
export type OpaqueLsaBody =
  | {
      readonly kind: 'opaque';
      readonly opaqueType: number;
      readonly opaqueId: number;
      readonly tlvs: readonly OpaqueTlv[];
    }
  | {
      readonly kind: 'opaque-raw';
      readonly opaqueType: number;
      readonly opaqueId: number;
      readonly data: Uint8Array;
    };

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function readOpaqueBody(r: Reader, lsId: number): OpaqueLsaBody {
  const opaqueType = lsId >>> 24;
  const opaqueId = lsId & 0xffffff;
  const data = r.rest('opaque.data');
  const context = tlvContextOf(opaqueType);
  if (context !== 'raw') {
    const res = decode(data, (tr) => readTlvs(tr, context));
    // Typed only when the typed form re-encodes to the same bytes (zero padding etc.).
    if (res.ok && sameBytes(encodeTlvs(res.value), data)) {
      return { kind: 'opaque', opaqueType, opaqueId, tlvs: res.value };
    }
  }
  return { kind: 'opaque-raw', opaqueType, opaqueId, data };
}

export function opaqueBodyBytes(b: OpaqueLsaBody): Uint8Array {
  return b.kind === 'opaque' ? encodeTlvs(b.tlvs) : b.data;
}

export function writeOpaqueBody(w: Writer, b: OpaqueLsaBody): void {
  w.bytes(opaqueBodyBytes(b));
}
