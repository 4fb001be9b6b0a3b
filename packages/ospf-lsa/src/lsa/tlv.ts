import { decode, fail, type Reader, Writer } from '@routekit/wire';
import { OpaqueType } from '../iana.js';

/**
 * Opaque-LSA TLVs (RFC 5250 bodies): RFC 3630 TE, RFC 7770 Router Information with
 * RFC 8665 SR TLVs, RFC 7684 Extended Prefix / Extended Link, RFC 3623 Grace.
 *
 * ```
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              Type             |             Length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Value (padded to 4 octets) ...                |
 * ```
 *
 * A TLV whose value does not have the shape its type requires, or whose type is not
 * known, is kept as `{ kind: 'unknown', type, value }` (the value aliases the input).
 */
export type OpaqueTlv =
  // TE (RFC 3630)
  | { readonly kind: 'te-router-address'; readonly address: number }
  | { readonly kind: 'te-link'; readonly subTlvs: readonly OpaqueTlv[] }
  | { readonly kind: 'te-link-type'; readonly linkType: number }
  | { readonly kind: 'te-link-id'; readonly linkId: number }
  | { readonly kind: 'te-local-address'; readonly addresses: readonly number[] }
  | { readonly kind: 'te-remote-address'; readonly addresses: readonly number[] }
  | { readonly kind: 'te-metric'; readonly metric: number }
  | { readonly kind: 'te-max-bandwidth'; readonly bytesPerSecond: number }
  | { readonly kind: 'te-max-reservable-bandwidth'; readonly bytesPerSecond: number }
  | { readonly kind: 'te-unreserved-bandwidth'; readonly bytesPerSecond: readonly number[] }
  | { readonly kind: 'te-admin-group'; readonly group: number }
  // Router Information (RFC 7770, RFC 8665)
  | { readonly kind: 'ri-informational-capabilities'; readonly flags: number }
  | { readonly kind: 'ri-sr-algorithm'; readonly algorithms: readonly number[] }
  /** RFC 5642 dynamic hostname (TLV 7), ASCII. */
  | { readonly kind: 'ri-hostname'; readonly hostname: string }
  | {
      readonly kind: 'ri-sid-label-range' | 'ri-sr-local-block';
      readonly rangeSize: number;
      readonly subTlvs: readonly OpaqueTlv[];
    }
  | { readonly kind: 'sid-label'; readonly sid: number; readonly label: boolean }
  // Extended Prefix / Link (RFC 7684, RFC 8665)
  | {
      readonly kind: 'extended-prefix';
      readonly routeType: number;
      readonly prefixLength: number;
      readonly addressFamily: number;
      readonly flags: number;
      readonly prefix: number;
      readonly subTlvs: readonly OpaqueTlv[];
    }
  /** RFC 8665 §5 Extended Prefix Range TLV (type 2). */
  | {
      readonly kind: 'extended-prefix-range';
      readonly prefixLength: number;
      readonly addressFamily: number;
      readonly rangeSize: number;
      readonly flags: number;
      readonly prefix: number;
      readonly subTlvs: readonly OpaqueTlv[];
    }
  | {
      readonly kind: 'prefix-sid';
      readonly flags: number;
      readonly mtId: number;
      readonly algorithm: number;
      readonly sid: number;
      readonly label: boolean;
    }
  | {
      readonly kind: 'extended-link';
      readonly linkType: number;
      readonly linkId: number;
      readonly linkData: number;
      readonly subTlvs: readonly OpaqueTlv[];
    }
  | {
      readonly kind: 'adj-sid';
      readonly flags: number;
      readonly mtId: number;
      readonly weight: number;
      readonly sid: number;
      readonly label: boolean;
    }
  // Grace (RFC 3623)
  | { readonly kind: 'grace-period'; readonly seconds: number }
  | { readonly kind: 'grace-reason'; readonly reason: number }
  | { readonly kind: 'grace-interface-address'; readonly address: number }
  | { readonly kind: 'unknown'; readonly type: number; readonly value: Uint8Array };

/** Which TLV registry a list of TLVs belongs to. */
export type TlvContext =
  | 'te'
  | 'te-link'
  | 'ri'
  | 'ri-range'
  | 'ext-prefix'
  | 'ext-prefix-sub'
  | 'ext-link'
  | 'ext-link-sub'
  | 'grace'
  | 'raw';

/** The top-level TLV registry of an opaque type, or `'raw'` when not typed here. */
export function tlvContextOf(opaqueType: number): TlvContext {
  switch (opaqueType) {
    case OpaqueType.TrafficEngineering:
      return 'te';
    case OpaqueType.RouterInformation:
      return 'ri';
    case OpaqueType.ExtendedPrefix:
      return 'ext-prefix';
    case OpaqueType.ExtendedLink:
      return 'ext-link';
    case OpaqueType.Grace:
      return 'grace';
    default:
      return 'raw';
  }
}

/** Hard cap on TLV nesting. */
export const MAX_TLV_DEPTH = 4;

/** Read TLVs until the reader's end. Fails on a TLV running past its container. */
export function readTlvs(r: Reader, context: TlvContext, depth = 0): OpaqueTlv[] {
  const out: OpaqueTlv[] = [];
  while (r.remaining > 0) {
    const type = r.u16('tlv.type');
    const length = r.u16('tlv.length');
    const value = r.bytes(length, 'tlv.value');
    const pad = (4 - (length % 4)) % 4;
    if (r.remaining >= pad) r.skip(pad);
    else r.skip(r.remaining);
    out.push(typedTlv(context, type, value, depth));
  }
  return out;
}

function typedTlv(context: TlvContext, type: number, value: Uint8Array, depth: number): OpaqueTlv {
  const unknown: OpaqueTlv = { kind: 'unknown', type, value };
  if (depth >= MAX_TLV_DEPTH) return unknown;
  const read = readerFor(context, type, value.length, depth);
  if (read === undefined) return unknown;
  const res = decode(value, read, { exact: true });
  return res.ok ? res.value : unknown;
}

/**
 * The value does not have the shape its type requires (reserved bits set, another
 * address family): fail the typed read, so the TLV is kept as `unknown` and its bytes
 * re-encode unchanged.
 */
function untyped(r: Reader, detail: string): never {
  return fail('bad-value', r.offset, { detail });
}

function u32s(r: Reader): number[] {
  const out: number[] = [];
  while (r.remaining >= 4) out.push(r.u32());
  return out;
}

function f32(r: Reader): number {
  const b = r.bytes(4);
  return new DataView(b.buffer, b.byteOffset, 4).getFloat32(0);
}

function sidOf(r: Reader): { sid: number; label: boolean } {
  return r.remaining === 3 ? { sid: r.u24(), label: true } : { sid: r.u32(), label: false };
}

type TlvReader = (r: Reader) => OpaqueTlv;

function readerFor(
  context: TlvContext,
  type: number,
  length: number,
  depth: number,
): TlvReader | undefined {
  switch (context) {
    case 'te':
      if (type === 1 && length === 4)
        return (r) => ({ kind: 'te-router-address', address: r.u32() });
      if (type === 2)
        return (r) => ({ kind: 'te-link', subTlvs: readTlvs(r, 'te-link', depth + 1) });
      return undefined;
    case 'te-link':
      switch (type) {
        case 1:
          return length === 1 ? (r) => ({ kind: 'te-link-type', linkType: r.u8() }) : undefined;
        case 2:
          return length === 4 ? (r) => ({ kind: 'te-link-id', linkId: r.u32() }) : undefined;
        case 3:
          return length % 4 === 0 && length > 0
            ? (r) => ({ kind: 'te-local-address', addresses: u32s(r) })
            : undefined;
        case 4:
          return length % 4 === 0 && length > 0
            ? (r) => ({ kind: 'te-remote-address', addresses: u32s(r) })
            : undefined;
        case 5:
          return length === 4 ? (r) => ({ kind: 'te-metric', metric: r.u32() }) : undefined;
        case 6:
          return length === 4
            ? (r) => ({ kind: 'te-max-bandwidth', bytesPerSecond: f32(r) })
            : undefined;
        case 7:
          return length === 4
            ? (r) => ({ kind: 'te-max-reservable-bandwidth', bytesPerSecond: f32(r) })
            : undefined;
        case 8:
          return length === 32
            ? (r) => {
                const bw: number[] = [];
                for (let i = 0; i < 8; i++) bw.push(f32(r));
                return { kind: 'te-unreserved-bandwidth', bytesPerSecond: bw };
              }
            : undefined;
        case 9:
          return length === 4 ? (r) => ({ kind: 'te-admin-group', group: r.u32() }) : undefined;
        default:
          return undefined;
      }
    case 'ri':
      if (type === 1 && length === 4)
        return (r) => ({ kind: 'ri-informational-capabilities', flags: r.u32() });
      if (type === 8 && length > 0)
        return (r) => {
          const algorithms: number[] = [];
          while (r.remaining > 0) algorithms.push(r.u8());
          return { kind: 'ri-sr-algorithm', algorithms };
        };
      if (type === 7 && length > 0)
        return (r) => {
          const b = r.rest();
          for (const c of b)
            if (c < 0x20 || c > 0x7e) untyped(r, 'hostname is not printable ASCII');
          return { kind: 'ri-hostname', hostname: String.fromCharCode(...b) };
        };
      if ((type === 9 || type === 14) && length >= 4)
        return (r) => {
          const rangeSize = r.u24();
          if (r.u8() !== 0) untyped(r, 'reserved octet not 0');
          return {
            kind: type === 9 ? 'ri-sid-label-range' : 'ri-sr-local-block',
            rangeSize,
            subTlvs: readTlvs(r, 'ri-range', depth + 1),
          };
        };
      return undefined;
    case 'ri-range':
      if (type === 1 && (length === 3 || length === 4))
        return (r) => ({ kind: 'sid-label', ...sidOf(r) });
      return undefined;
    case 'ext-prefix':
      if (type === 1 && length >= 4)
        return (r) => {
          const routeType = r.u8();
          const prefixLength = r.u8();
          const addressFamily = r.u8();
          const flags = r.u8();
          if (addressFamily !== 0 || prefixLength > 32) untyped(r, 'not an IPv4 prefix');
          const words = Math.ceil(prefixLength / 32);
          const prefix = words === 0 ? 0 : r.u32();
          return {
            kind: 'extended-prefix',
            routeType,
            prefixLength,
            addressFamily,
            flags,
            prefix,
            subTlvs: readTlvs(r, 'ext-prefix-sub', depth + 1),
          };
        };
      if (type === 2 && length >= 8)
        return (r) => {
          const prefixLength = r.u8();
          const addressFamily = r.u8();
          const rangeSize = r.u16();
          const flags = r.u8();
          if (r.u24() !== 0 || addressFamily !== 0 || prefixLength > 32)
            untyped(r, 'not an IPv4 prefix range');
          const prefix = prefixLength === 0 ? 0 : r.u32();
          return {
            kind: 'extended-prefix-range',
            prefixLength,
            addressFamily,
            rangeSize,
            flags,
            prefix,
            subTlvs: readTlvs(r, 'ext-prefix-sub', depth + 1),
          };
        };
      return undefined;
    case 'ext-prefix-sub':
      if (type === 2 && (length === 7 || length === 8))
        return (r) => {
          const flags = r.u8();
          if (r.u8() !== 0) untyped(r, 'reserved octet not 0');
          const mtId = r.u8();
          const algorithm = r.u8();
          return { kind: 'prefix-sid', flags, mtId, algorithm, ...sidOf(r) };
        };
      return undefined;
    case 'ext-link':
      if (type === 1 && length >= 12)
        return (r) => {
          const linkType = r.u8();
          if (r.u24() !== 0) untyped(r, 'reserved octets not 0');
          return {
            kind: 'extended-link',
            linkType,
            linkId: r.u32(),
            linkData: r.u32(),
            subTlvs: readTlvs(r, 'ext-link-sub', depth + 1),
          };
        };
      return undefined;
    case 'ext-link-sub':
      if (type === 2 && (length === 7 || length === 8))
        return (r) => {
          const flags = r.u8();
          if (r.u8() !== 0) untyped(r, 'reserved octet not 0');
          const mtId = r.u8();
          const weight = r.u8();
          return { kind: 'adj-sid', flags, mtId, weight, ...sidOf(r) };
        };
      return undefined;
    case 'grace':
      if (type === 1 && length === 4) return (r) => ({ kind: 'grace-period', seconds: r.u32() });
      if (type === 2 && length === 1) return (r) => ({ kind: 'grace-reason', reason: r.u8() });
      if (type === 3 && length === 4)
        return (r) => ({ kind: 'grace-interface-address', address: r.u32() });
      return undefined;
    default:
      return undefined;
  }
}

/** Wire type code and value bytes of a typed TLV. */
function typeAndValue(t: OpaqueTlv): [number, Uint8Array] {
  const b: number[] = [];
  const u8 = (v: number): void => {
    b.push(v & 0xff);
  };
  const u16 = (v: number): void => {
    b.push((v >>> 8) & 0xff, v & 0xff);
  };
  const u24 = (v: number): void => {
    b.push((v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  };
  const u32 = (v: number): void => {
    b.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  };
  const f32 = (v: number): void => {
    const d = new DataView(new ArrayBuffer(4));
    d.setFloat32(0, v);
    for (let i = 0; i < 4; i++) b.push(d.getUint8(i));
  };
  const sid = (v: number, label: boolean): void => (label ? u24(v) : u32(v));
  const subs = (list: readonly OpaqueTlv[]): void => {
    for (const x of encodeTlvs(list)) b.push(x);
  };
  let type: number;
  switch (t.kind) {
    case 'unknown':
      return [t.type, t.value];
    case 'te-router-address':
      type = 1;
      u32(t.address);
      break;
    case 'te-link':
      type = 2;
      subs(t.subTlvs);
      break;
    case 'te-link-type':
      type = 1;
      u8(t.linkType);
      break;
    case 'te-link-id':
      type = 2;
      u32(t.linkId);
      break;
    case 'te-local-address':
      type = 3;
      for (const a of t.addresses) u32(a);
      break;
    case 'te-remote-address':
      type = 4;
      for (const a of t.addresses) u32(a);
      break;
    case 'te-metric':
      type = 5;
      u32(t.metric);
      break;
    case 'te-max-bandwidth':
      type = 6;
      f32(t.bytesPerSecond);
      break;
    case 'te-max-reservable-bandwidth':
      type = 7;
      f32(t.bytesPerSecond);
      break;
    case 'te-unreserved-bandwidth':
      type = 8;
      for (const v of t.bytesPerSecond) f32(v);
      break;
    case 'te-admin-group':
      type = 9;
      u32(t.group);
      break;
    case 'ri-informational-capabilities':
      type = 1;
      u32(t.flags);
      break;
    case 'ri-sr-algorithm':
      type = 8;
      for (const a of t.algorithms) u8(a);
      break;
    case 'ri-hostname':
      type = 7;
      for (let i = 0; i < t.hostname.length; i++) u8(t.hostname.charCodeAt(i));
      break;
    case 'extended-prefix-range':
      type = 2;
      u8(t.prefixLength);
      u8(t.addressFamily);
      u16(t.rangeSize);
      u8(t.flags);
      u24(0);
      if (t.prefixLength > 0) u32(t.prefix);
      subs(t.subTlvs);
      break;
    case 'ri-sid-label-range':
    case 'ri-sr-local-block':
      type = t.kind === 'ri-sid-label-range' ? 9 : 14;
      u24(t.rangeSize);
      u8(0);
      subs(t.subTlvs);
      break;
    case 'sid-label':
      type = 1;
      sid(t.sid, t.label);
      break;
    case 'extended-prefix':
      type = 1;
      u8(t.routeType);
      u8(t.prefixLength);
      u8(t.addressFamily);
      u8(t.flags);
      if (t.prefixLength > 0) u32(t.prefix);
      subs(t.subTlvs);
      break;
    case 'prefix-sid':
      type = 2;
      u8(t.flags);
      u8(0);
      u8(t.mtId);
      u8(t.algorithm);
      sid(t.sid, t.label);
      break;
    case 'extended-link':
      type = 1;
      u8(t.linkType);
      u24(0);
      u32(t.linkId);
      u32(t.linkData);
      subs(t.subTlvs);
      break;
    case 'adj-sid':
      type = 2;
      u8(t.flags);
      u8(0);
      u8(t.mtId);
      u8(t.weight);
      sid(t.sid, t.label);
      break;
    case 'grace-period':
      type = 1;
      u32(t.seconds);
      break;
    case 'grace-reason':
      type = 2;
      u8(t.reason);
      break;
    case 'grace-interface-address':
      type = 3;
      u32(t.address);
      break;
  }
  return [type, Uint8Array.from(b)];
}

/** Bytes of a TLV list (each value zero-padded to 4 octets). */
export function encodeTlvs(list: readonly OpaqueTlv[]): Uint8Array {
  const parts = list.map(typeAndValue);
  let n = 0;
  for (const [, v] of parts) n += 4 + v.length + ((4 - (v.length % 4)) % 4);
  const w = new Writer(n);
  for (const [type, v] of parts) {
    w.u16(type).u16(v.length).bytes(v);
    w.zeros((4 - (v.length % 4)) % 4);
  }
  return w.finish();
}
