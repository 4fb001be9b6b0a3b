import {
  formatAddress,
  ipv4,
  ipv4FromBytes,
  ipv6FromBytes,
  type Prefix,
  prefixByteLength,
  prefixFromBytes,
  prefixToBytes,
} from '@routekit/prefix';
import { fail, type Reader, toHex, type Writer } from '@routekit/wire';
import { MAX_ROUTES } from './nlri.js';

/*
 * RFC 8277 §2.2 (labelled unicast, SAFI 4) and RFC 4364 §4.3.4 / RFC 4659 §3.2 (VPN-IPv4
 * / VPN-IPv6, SAFI 128) NLRI. With ADD-PATH (RFC 7911) a 4-octet Path Identifier comes
 * first. The Length counts bits of labels, RD and prefix together.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |    Length     |                 Label                 |Rsrv |S|
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   ~  more label stack entries, until S = 1 (RFC 8277 §2.2)        ~
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |       Route Distinguisher (8 octets, SAFI 128 only)           |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   ~                  Prefix (variable)                            ~
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Labels are kept as the 24-bit stack entries received (`label << 4 | TC << 1 | S`), so a
 * decoded route re-encodes byte-exact. In MP_UNREACH_NLRI the label field is a
 * compatibility field (RFC 8277 §2.4, 0x800000; RFC 3107 senders also use 0x000000): it
 * ends the stack even without the S bit.
 */

/** A labelled unicast route (RFC 8277). */
export interface LabelledRoute {
  /** 24-bit label stack entries as received, bottom of stack last. */
  readonly labels: readonly number[];
  readonly prefix: Prefix;
  /** RFC 7911 path identifier, present exactly when ADD-PATH applies. */
  readonly pathId?: number;
}

/** A VPN-IPv4 / VPN-IPv6 route (RFC 4364, RFC 4659). */
export interface VpnRoute extends LabelledRoute {
  /** The 8-byte Route Distinguisher (a view of the input when decoded). */
  readonly rd: Uint8Array;
}

/** RFC 8277 §2.4: the label of a withdrawal. */
export const WITHDRAW_LABEL = 0x800000;

/** The 20-bit label of a stack entry. */
export function labelValue(entry: number): number {
  return entry >>> 4;
}

/** Whether a stack entry has the bottom-of-stack bit. */
export function isBottomOfStack(entry: number): boolean {
  return (entry & 1) === 1;
}

/** A stack entry from a label, with the bottom-of-stack bit when `bottom`. */
export function labelEntry(label: number, bottom = true, tc = 0): number {
  return ((label & 0xfffff) << 4) | ((tc & 7) << 1) | (bottom ? 1 : 0);
}

function readLabels(r: Reader, start: number, bits: number, withdraw: boolean): number[] {
  const labels: number[] = [];
  for (;;) {
    if (bits < 24 || r.remaining < 3) {
      fail('invalid-network-field', start, { detail: 'label stack without bottom of stack' });
    }
    const e = r.u24('nlri.label');
    labels.push(e);
    bits -= 24;
    if (isBottomOfStack(e)) break;
    if (withdraw && (e === WITHDRAW_LABEL || e === 0)) break;
    if (!withdraw && e === WITHDRAW_LABEL) break;
  }
  return labels;
}

function readRoute(
  r: Reader,
  family: 4 | 6,
  addPath: boolean,
  vpn: boolean,
  withdraw: boolean,
): VpnRoute | LabelledRoute {
  const start = r.offset;
  if (addPath && r.remaining < 5) {
    fail('invalid-network-field', start, { length: r.remaining, detail: 'truncated path id' });
  }
  const pathId = addPath ? r.u32('nlri.path_id') : undefined;
  const lenAt = r.offset;
  const length = r.u8('nlri.length');
  const total = prefixByteLength(length);
  if (total > r.remaining) {
    fail('invalid-network-field', lenAt, {
      length: 1 + r.remaining,
      detail: `NLRI needs ${total} bytes`,
    });
  }
  const labels = readLabels(r, lenAt, length, withdraw);
  let bits = length - 24 * labels.length;
  let rd: Uint8Array | undefined;
  if (vpn) {
    if (bits < 64) fail('invalid-network-field', lenAt, { detail: 'no room for the RD' });
    rd = r.bytes(8, 'nlri.rd');
    bits -= 64;
  }
  const max = family === 4 ? 32 : 128;
  if (bits > max) {
    fail('invalid-network-field', lenAt, { length: 1, detail: `prefix length ${bits} > ${max}` });
  }
  const n = prefixByteLength(bits);
  const res = prefixFromBytes(family, bits, r.bytes(n, 'nlri.prefix'), { hostBits: 'mask' });
  if (!res.ok) fail('invalid-network-field', lenAt, { detail: res.error.code });
  const base = { labels, prefix: res.value };
  const route = rd === undefined ? base : { ...base, rd };
  return pathId === undefined ? route : { ...route, pathId };
}

/** Read labelled-unicast routes until the reader is used up (`invalid-network-field`). */
export function readLabelledList(
  r: Reader,
  family: 4 | 6,
  addPath: boolean,
  withdraw: boolean,
): LabelledRoute[] {
  const out: LabelledRoute[] = [];
  while (r.remaining > 0) {
    if (out.length >= MAX_ROUTES) fail('limit-exceeded', r.offset, { detail: 'too many routes' });
    out.push(readRoute(r, family, addPath, false, withdraw));
  }
  return out;
}

/** Read VPN routes until the reader is used up (`invalid-network-field`). */
export function readVpnList(
  r: Reader,
  family: 4 | 6,
  addPath: boolean,
  withdraw: boolean,
): VpnRoute[] {
  const out: VpnRoute[] = [];
  while (r.remaining > 0) {
    if (out.length >= MAX_ROUTES) fail('limit-exceeded', r.offset, { detail: 'too many routes' });
    out.push(readRoute(r, family, addPath, true, withdraw) as VpnRoute);
  }
  return out;
}

function routeBits(x: LabelledRoute, rd: boolean): number {
  return 24 * x.labels.length + (rd ? 64 : 0) + x.prefix.length;
}

/** Bytes of labelled or VPN routes (VPN when each route has an `rd`). */
export function labelledListLength(
  routes: readonly (LabelledRoute | VpnRoute)[],
  addPath: boolean,
): number {
  let n = 0;
  for (const x of routes) {
    n += (addPath ? 5 : 1) + 3 * x.labels.length + ('rd' in x ? 8 : 0);
    n += prefixByteLength(x.prefix.length);
  }
  return n;
}

/** Write labelled or VPN routes. Throws `RangeError` when a route exceeds 255 bits. */
export function writeLabelledList(
  w: Writer,
  routes: readonly (LabelledRoute | VpnRoute)[],
  addPath: boolean,
): void {
  for (const x of routes) {
    const rd = 'rd' in x ? x.rd : undefined;
    const bits = routeBits(x, rd !== undefined);
    if (bits > 255) throw new RangeError(`labelled NLRI of ${bits} bits exceeds 255`);
    if (rd !== undefined && rd.length !== 8)
      throw new RangeError('a route distinguisher has 8 bytes');
    if (addPath) w.u32(x.pathId ?? 0);
    w.u8(bits);
    for (const e of x.labels) w.u24(e);
    if (rd !== undefined) w.bytes(rd);
    w.bytes(prefixToBytes(x.prefix));
  }
}

/*
 * RFC 4364 §4.2 Route Distinguisher.
 *
 *   +-------------+-------------------------------------------+
 *   | Type (2)    | Value (6)                                 |
 *   +-------------+-------------------------------------------+
 *   type 0: Administrator 2-octet AS  | Assigned Number (4 octets)
 *   type 1: Administrator IPv4 address| Assigned Number (2 octets)
 *   type 2: Administrator 4-octet AS  | Assigned Number (2 octets)
 */
export interface RouteDistinguisherInfo {
  readonly type: number;
  /** AS number, or IPv4 address as uint32 for type 1; undefined for unknown types. */
  readonly administrator?: number;
  readonly assigned?: number;
}

export function routeDistinguisherInfo(rd: Uint8Array): RouteDistinguisherInfo {
  if (rd.length !== 8) return { type: -1 };
  const v = new DataView(rd.buffer, rd.byteOffset, 8);
  const type = v.getUint16(0);
  if (type === 0) return { type, administrator: v.getUint16(2), assigned: v.getUint32(4) };
  if (type === 1 || type === 2)
    return { type, administrator: v.getUint32(2), assigned: v.getUint16(6) };
  return { type };
}

/** `65000:100`, `192.0.2.1:7`, `4200000000:7`; hex for unknown types. */
export function formatRouteDistinguisher(rd: Uint8Array): string {
  const i = routeDistinguisherInfo(rd);
  if (i.administrator === undefined || i.assigned === undefined) return toHex(rd);
  const admin = i.type === 1 ? formatAddress(ipv4(i.administrator)) : `${i.administrator}`;
  return `${admin}:${i.assigned}`;
}

/** The 8 bytes of an RD given as `asn:number` (type 0, or type 2 for a 4-octet AS) or `a.b.c.d:n`. */
export function routeDistinguisher(text: string): Uint8Array {
  const m = /^(.+):(\d+)$/.exec(text);
  if (m === null) throw new RangeError(`not a route distinguisher: ${text}`);
  const out = new Uint8Array(8);
  const v = new DataView(out.buffer);
  const admin = m[1]!;
  const assigned = Number(m[2]);
  const dotted = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(admin);
  if (dotted !== null) {
    const o = dotted.slice(1).map(Number);
    if (o.some((x) => x > 255) || assigned > 0xffff) throw new RangeError(`bad RD ${text}`);
    v.setUint16(0, 1);
    out.set(o, 2);
    v.setUint16(6, assigned);
    return out;
  }
  const asn = Number(admin);
  if (!/^\d+$/.test(admin) || asn > 0xffffffff) throw new RangeError(`bad RD ${text}`);
  if (asn <= 0xffff && assigned <= 0xffffffff) {
    v.setUint16(2, asn);
    v.setUint32(4, assigned);
    return out;
  }
  if (assigned > 0xffff) throw new RangeError(`bad RD ${text}`);
  v.setUint16(0, 2);
  v.setUint32(2, asn);
  v.setUint16(6, assigned);
  return out;
}

/** One address of an MP_REACH next hop, with its RD for VPN families. */
export interface MpNextHop {
  readonly address: string;
  readonly rd?: Uint8Array;
}

/**
 * The addresses of an MP_REACH next hop (RFC 4760 §3, RFC 2545 §3 global + link-local,
 * RFC 4364 §4.3.2 / RFC 4659 §3.2.1 RD-prefixed VPN next hops, RFC 8950 IPv6 next hop for
 * IPv4 NLRI). `undefined` when the length fits no known form.
 */
export function mpNextHops(safi: number, nextHop: Uint8Array): MpNextHop[] | undefined {
  const vpn = safi === 128 || safi === 129;
  const unit = vpn ? 8 : 0;
  const one = (at: number, n: number): MpNextHop => {
    const bytes = nextHop.subarray(at + unit, at + unit + n);
    const address = formatAddress(n === 4 ? ipv4FromBytes(bytes) : ipv6FromBytes(bytes));
    return vpn ? { address, rd: nextHop.subarray(at, at + 8) } : { address };
  };
  switch (nextHop.length - unit) {
    case 4:
      return [one(0, 4)];
    case 16:
      return [one(0, 16)];
    case 32:
      return vpn ? undefined : [one(0, 16), one(16, 16)];
    case 40:
      return vpn ? [one(0, 16), one(24, 16)] : undefined;
    default:
      return undefined;
  }
}
