import { decode, fail, type Reader, type Writer } from '@routekit/wire';
import { type BgpContext, receivesPathId, sendsPathId } from '../context.js';
import type { BgpAction } from '../errors.js';
import { AttrFlag, AttrTypeCode } from '../iana.js';
import { type Nlri, nlriListLength, readNlriList, writeNlriList } from '../nlri.js';
import {
  type LabelledRoute,
  labelledListLength,
  readLabelledList,
  readVpnList,
  type VpnRoute,
  writeLabelledList,
} from '../nlri-mpls.js';
import { type AsPathSegment, asPathLength, readAsPath, writeAsPath } from './as-path.js';
import { semanticProblem } from './semantic.js';

/*
 * RFC 4271 §4.3: each path attribute of an UPDATE.
 *
 *    0                   1
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |  Attr. Flags  |Attr. Type Code|
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   | Attr. Length (1, or 2 if the Extended Length flag is set) |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |  Attribute value (variable)   |
 *
 * Every attribute keeps its flags as received (including Extended Length), so a decoded
 * UPDATE re-encodes byte-exact. An attribute that is unknown, or known but malformed
 * (then an issue is recorded), is kept as `{ kind: 'raw' }`.
 */

interface Base {
  /** Attribute flags as received (Optional, Transitive, Partial, Extended Length). */
  readonly flags: number;
}
/** RFC 4271 §5.1.1 ORIGIN: 0 IGP, 1 EGP, 2 INCOMPLETE. */
export interface OriginAttribute extends Base {
  readonly kind: 'origin';
  readonly origin: number;
}
/** RFC 4271 §5.1.2 AS_PATH (AS size from the context) and RFC 6793 AS4_PATH (type 17). */
export interface AsPathAttribute extends Base {
  readonly kind: 'as-path' | 'as4-path';
  readonly segments: readonly AsPathSegment[];
}
/** RFC 4271 §5.1.3 NEXT_HOP: IPv4 address as uint32. */
export interface NextHopAttribute extends Base {
  readonly kind: 'next-hop';
  readonly nextHop: number;
}
/** MULTI_EXIT_DISC (4), LOCAL_PREF (5), ORIGINATOR_ID (9), OTC (35, RFC 9234): one uint32. */
export interface U32Attribute extends Base {
  readonly kind: 'med' | 'local-pref' | 'originator-id' | 'otc';
  readonly value: number;
}
/** RFC 4271 §5.1.6 ATOMIC_AGGREGATE (empty). */
export interface AtomicAggregateAttribute extends Base {
  readonly kind: 'atomic-aggregate';
}
/**
 * RFC 4271 §5.1.7 AGGREGATOR (`AS(2 or 4) | IPv4(4)`) and RFC 6793 AS4_AGGREGATOR
 * (type 18, always 4-octet AS).
 */
export interface AggregatorAttribute extends Base {
  readonly kind: 'aggregator' | 'as4-aggregator';
  readonly asn: number;
  readonly address: number;
}
/** RFC 1997 COMMUNITIES: uint32 values (see `WellKnownCommunity`). */
export interface CommunitiesAttribute extends Base {
  readonly kind: 'communities';
  readonly communities: readonly number[];
}
/** RFC 4456 CLUSTER_LIST: uint32 cluster ids. */
export interface ClusterListAttribute extends Base {
  readonly kind: 'cluster-list';
  readonly clusterIds: readonly number[];
}
/**
 * RFC 4360 EXTENDED_COMMUNITIES: 8-byte values, each a view of the input. Use
 * `extendedCommunityInfo` for type/subtype and the route-target / route-origin forms.
 */
export interface ExtendedCommunitiesAttribute extends Base {
  readonly kind: 'extended-communities';
  readonly communities: readonly Uint8Array[];
}
/** RFC 8092 LARGE_COMMUNITIES: `Global Administrator(4) | Local Data 1(4) | Local Data 2(4)`. */
export interface LargeCommunitiesAttribute extends Base {
  readonly kind: 'large-communities';
  readonly communities: readonly {
    readonly global: number;
    readonly local1: number;
    readonly local2: number;
  }[];
}
/** RFC 7311 AIGP: TLVs `Type(1) | Length(2) | Value`; type 1 is the 8-byte metric. */
export interface AigpAttribute extends Base {
  readonly kind: 'aigp';
  readonly tlvs: readonly { readonly type: number; readonly value: Uint8Array }[];
}
/**
 * NLRI of an MP attribute: prefixes for IPv4/IPv6 unicast and multicast (SAFI 1, 2),
 * labelled routes for SAFI 4 (RFC 8277), VPN routes for SAFI 128 (RFC 4364, RFC 4659),
 * raw bytes for every other family (see `familyName`).
 */
export type MpNlri =
  | { readonly kind: 'prefixes'; readonly routes: readonly Nlri[] }
  | { readonly kind: 'labelled'; readonly routes: readonly LabelledRoute[] }
  | { readonly kind: 'vpn'; readonly routes: readonly VpnRoute[] }
  | { readonly kind: 'raw'; readonly bytes: Uint8Array };
/**
 * RFC 4760 §3 MP_REACH_NLRI.
 *
 *   +---------------------------------------------------------+
 *   | Address Family Identifier (2 octets)                    |
 *   | Subsequent Address Family Identifier (1 octet)          |
 *   | Length of Next Hop Network Address (1 octet)            |
 *   | Network Address of Next Hop (variable)                  |
 *   | Reserved (1 octet)                                      |
 *   | Network Layer Reachability Information (variable)       |
 *   +---------------------------------------------------------+
 */
export interface MpReachAttribute extends Base {
  readonly kind: 'mp-reach';
  readonly afi: number;
  readonly safi: number;
  /** Next hop bytes as sent (4/16/32 for IPv4, IPv6, IPv6 + link-local; RD-prefixed for VPN). */
  readonly nextHop: Uint8Array;
  readonly reserved: number;
  readonly nlri: MpNlri;
}
/** RFC 4760 §4 MP_UNREACH_NLRI: `AFI(2) | SAFI(1) | Withdrawn Routes`. */
export interface MpUnreachAttribute extends Base {
  readonly kind: 'mp-unreach';
  readonly afi: number;
  readonly safi: number;
  readonly withdrawn: MpNlri;
}
/** An unknown attribute, or a known one that was malformed, kept as received. */
export interface RawAttribute extends Base {
  readonly kind: 'raw';
  readonly typeCode: number;
  readonly value: Uint8Array;
}

export type PathAttribute =
  | OriginAttribute
  | AsPathAttribute
  | NextHopAttribute
  | U32Attribute
  | AtomicAggregateAttribute
  | AggregatorAttribute
  | CommunitiesAttribute
  | ClusterListAttribute
  | ExtendedCommunitiesAttribute
  | LargeCommunitiesAttribute
  | AigpAttribute
  | MpReachAttribute
  | MpUnreachAttribute
  | RawAttribute;

const O = AttrFlag.Optional;
const T = AttrFlag.Transitive;

/**
 * RFC 7606 §7 (and RFC 6793 §6, RFC 7311, RFC 8092 §6, RFC 9234 §5): for each known
 * attribute, its required Optional/Transitive flags and the action when it is malformed
 * (bad length, bad value or conflicting flags, RFC 7606 §3.c). The one table of actions.
 */
export const ATTRIBUTE_RULES: Readonly<
  Record<number, { readonly flags: number; readonly action: BgpAction }>
> = {
  [AttrTypeCode.Origin]: { flags: T, action: 'treat-as-withdraw' },
  [AttrTypeCode.AsPath]: { flags: T, action: 'treat-as-withdraw' },
  [AttrTypeCode.NextHop]: { flags: T, action: 'treat-as-withdraw' },
  [AttrTypeCode.MultiExitDisc]: { flags: O, action: 'treat-as-withdraw' },
  [AttrTypeCode.LocalPref]: { flags: T, action: 'treat-as-withdraw' },
  [AttrTypeCode.AtomicAggregate]: { flags: T, action: 'attribute-discard' },
  [AttrTypeCode.Aggregator]: { flags: O | T, action: 'attribute-discard' },
  [AttrTypeCode.Communities]: { flags: O | T, action: 'treat-as-withdraw' },
  [AttrTypeCode.OriginatorId]: { flags: O, action: 'treat-as-withdraw' },
  [AttrTypeCode.ClusterList]: { flags: O, action: 'treat-as-withdraw' },
  [AttrTypeCode.MpReachNlri]: { flags: O, action: 'afi-safi-disable' },
  [AttrTypeCode.MpUnreachNlri]: { flags: O, action: 'afi-safi-disable' },
  [AttrTypeCode.ExtendedCommunities]: { flags: O | T, action: 'treat-as-withdraw' },
  [AttrTypeCode.As4Path]: { flags: O | T, action: 'attribute-discard' },
  [AttrTypeCode.As4Aggregator]: { flags: O | T, action: 'attribute-discard' },
  [AttrTypeCode.Aigp]: { flags: O, action: 'attribute-discard' },
  [AttrTypeCode.LargeCommunities]: { flags: O | T, action: 'treat-as-withdraw' },
  [AttrTypeCode.Otc]: { flags: O | T, action: 'treat-as-withdraw' },
};

/** The wire type code of an attribute. */
export function attributeTypeCode(a: PathAttribute): number {
  switch (a.kind) {
    case 'origin':
      return AttrTypeCode.Origin;
    case 'as-path':
      return AttrTypeCode.AsPath;
    case 'as4-path':
      return AttrTypeCode.As4Path;
    case 'next-hop':
      return AttrTypeCode.NextHop;
    case 'med':
      return AttrTypeCode.MultiExitDisc;
    case 'local-pref':
      return AttrTypeCode.LocalPref;
    case 'originator-id':
      return AttrTypeCode.OriginatorId;
    case 'otc':
      return AttrTypeCode.Otc;
    case 'atomic-aggregate':
      return AttrTypeCode.AtomicAggregate;
    case 'aggregator':
      return AttrTypeCode.Aggregator;
    case 'as4-aggregator':
      return AttrTypeCode.As4Aggregator;
    case 'communities':
      return AttrTypeCode.Communities;
    case 'cluster-list':
      return AttrTypeCode.ClusterList;
    case 'extended-communities':
      return AttrTypeCode.ExtendedCommunities;
    case 'large-communities':
      return AttrTypeCode.LargeCommunities;
    case 'aigp':
      return AttrTypeCode.Aigp;
    case 'mp-reach':
      return AttrTypeCode.MpReachNlri;
    case 'mp-unreach':
      return AttrTypeCode.MpUnreachNlri;
    case 'raw':
      return a.typeCode;
  }
}

/** Whether MP NLRI of this family is decoded into prefixes (IPv4/IPv6 unicast/multicast). */
export function isPrefixFamily(afi: number, safi: number): boolean {
  return (afi === 1 || afi === 2) && (safi === 1 || safi === 2);
}

/** The kind of {@link MpNlri} this family decodes to. */
export function mpNlriKind(afi: number, safi: number): MpNlri['kind'] {
  if (afi !== 1 && afi !== 2) return 'raw';
  if (safi === 1 || safi === 2) return 'prefixes';
  if (safi === 4) return 'labelled';
  if (safi === 128) return 'vpn';
  return 'raw';
}

function readMpNlri(
  r: Reader,
  afi: number,
  safi: number,
  context: BgpContext,
  withdraw: boolean,
): MpNlri {
  const kind = mpNlriKind(afi, safi);
  const family = afi === 1 ? 4 : 6;
  const addPath = receivesPathId(context, afi, safi);
  switch (kind) {
    case 'raw':
      return { kind, bytes: r.rest('mp.nlri') };
    case 'prefixes':
      return { kind, routes: readNlriList(r, family, addPath) };
    case 'labelled':
      return { kind, routes: readLabelledList(r, family, addPath, withdraw) };
    case 'vpn':
      return { kind, routes: readVpnList(r, family, addPath, withdraw) };
  }
}

/**
 * RFC 4760 §3, RFC 2545 §3, RFC 8950, RFC 4364 §4.3.2, RFC 4659 §3.2.1: next hop
 * lengths allowed for the families decoded here (RFC 7606 §7.11 checks them).
 */
export function validNextHopLength(afi: number, safi: number, length: number): boolean {
  const kind = mpNlriKind(afi, safi);
  if (kind === 'raw') return true;
  if (kind === 'vpn') return afi === 1 ? [12, 24, 48].includes(length) : [24, 48].includes(length);
  return afi === 1 ? [4, 16, 32].includes(length) : [16, 32].includes(length);
}

function u32List(r: Reader, size: number): number[] {
  if (r.remaining % size !== 0)
    fail('length-out-of-range', r.offset, { detail: `not a multiple of ${size}` });
  const out: number[] = [];
  while (r.remaining > 0) out.push(r.u32());
  return out;
}

function exactLength(r: Reader, n: number): void {
  if (r.remaining !== n)
    fail('length-out-of-range', r.offset, { length: r.remaining, detail: `need ${n} bytes` });
}

/** Decode a known attribute's value; fails (caught by the caller) when malformed. */
function readValue(r: Reader, type: number, flags: number, context: BgpContext): PathAttribute {
  switch (type) {
    case AttrTypeCode.Origin: {
      exactLength(r, 1);
      const origin = r.u8('origin');
      if (origin > 2) fail('bad-value', r.offset - 1, { length: 1, detail: `origin ${origin}` });
      return { kind: 'origin', flags, origin };
    }
    case AttrTypeCode.AsPath:
      return { kind: 'as-path', flags, segments: readAsPath(r, context.fourOctetAs) };
    case AttrTypeCode.As4Path:
      return { kind: 'as4-path', flags, segments: readAsPath(r, true) };
    case AttrTypeCode.NextHop:
      exactLength(r, 4);
      return { kind: 'next-hop', flags, nextHop: r.u32('next_hop') };
    case AttrTypeCode.MultiExitDisc:
      exactLength(r, 4);
      return { kind: 'med', flags, value: r.u32('med') };
    case AttrTypeCode.LocalPref:
      exactLength(r, 4);
      return { kind: 'local-pref', flags, value: r.u32('local_pref') };
    case AttrTypeCode.OriginatorId:
      exactLength(r, 4);
      return { kind: 'originator-id', flags, value: r.u32('originator_id') };
    case AttrTypeCode.Otc:
      exactLength(r, 4);
      return { kind: 'otc', flags, value: r.u32('otc') };
    case AttrTypeCode.AtomicAggregate:
      exactLength(r, 0);
      return { kind: 'atomic-aggregate', flags };
    case AttrTypeCode.Aggregator: {
      exactLength(r, context.fourOctetAs ? 8 : 6);
      const asn = context.fourOctetAs ? r.u32('aggregator.as') : r.u16('aggregator.as');
      return { kind: 'aggregator', flags, asn, address: r.u32('aggregator.address') };
    }
    case AttrTypeCode.As4Aggregator:
      exactLength(r, 8);
      return { kind: 'as4-aggregator', flags, asn: r.u32(), address: r.u32() };
    case AttrTypeCode.Communities:
      return { kind: 'communities', flags, communities: u32List(r, 4) };
    case AttrTypeCode.ClusterList:
      return { kind: 'cluster-list', flags, clusterIds: u32List(r, 4) };
    case AttrTypeCode.ExtendedCommunities: {
      if (r.remaining % 8 !== 0)
        fail('length-out-of-range', r.offset, { detail: 'not a multiple of 8' });
      const communities: Uint8Array[] = [];
      while (r.remaining > 0) communities.push(r.bytes(8));
      return { kind: 'extended-communities', flags, communities };
    }
    case AttrTypeCode.LargeCommunities: {
      const v = u32List(r, 12);
      const communities = [];
      for (let i = 0; i < v.length; i += 3)
        communities.push({ global: v[i]!, local1: v[i + 1]!, local2: v[i + 2]! });
      return { kind: 'large-communities', flags, communities };
    }
    case AttrTypeCode.Aigp: {
      const tlvs = [];
      while (r.remaining > 0) {
        const at = r.offset;
        const t = r.u8();
        const len = r.u16();
        if (len < 3)
          fail('length-out-of-range', at + 1, { length: 2, detail: `AIGP TLV length ${len}` });
        tlvs.push({ type: t, value: r.bytes(len - 3) });
      }
      return { kind: 'aigp', flags, tlvs };
    }
    case AttrTypeCode.MpReachNlri: {
      const afi = r.u16('mp_reach.afi');
      const safi = r.u8('mp_reach.safi');
      const nhLen = r.u8('mp_reach.next_hop_length');
      const nextHop = r.bytes(nhLen, 'mp_reach.next_hop');
      if (!validNextHopLength(afi, safi, nhLen)) {
        // RFC 7606 §7.11: a next hop length inconsistent with the AFI/SAFI.
        fail('bad-next-hop-length', r.offset - nhLen - 1, {
          length: 1,
          detail: `next hop length ${nhLen} for AFI ${afi} SAFI ${safi}`,
        });
      }
      const reserved = r.u8('mp_reach.reserved');
      return {
        kind: 'mp-reach',
        flags,
        afi,
        safi,
        nextHop,
        reserved,
        nlri: readMpNlri(r, afi, safi, context, false),
      };
    }
    case AttrTypeCode.MpUnreachNlri: {
      const afi = r.u16('mp_unreach.afi');
      const safi = r.u8('mp_unreach.safi');
      return {
        kind: 'mp-unreach',
        flags,
        afi,
        safi,
        withdrawn: readMpNlri(r, afi, safi, context, true),
      };
    }
    default:
      return { kind: 'raw', flags, typeCode: type, value: r.rest() };
  }
}

/** A problem with one attribute, and the RFC 7606 action it calls for. */
export interface AttributeProblem {
  readonly code: string;
  readonly offset: number;
  readonly detail?: string;
  readonly action: BgpAction;
}

/**
 * Decode one attribute value (a view starting at absolute offset `valueOffset`). Returns
 * the attribute (raw when malformed) and the problem, if any. Never throws.
 */
export function decodeAttributeValue(
  value: Uint8Array,
  valueOffset: number,
  type: number,
  flags: number,
  context: BgpContext,
): { readonly attribute: PathAttribute; readonly problem?: AttributeProblem } {
  const raw: RawAttribute = { kind: 'raw', flags, typeCode: type, value };
  const rule = ATTRIBUTE_RULES[type];
  if (rule === undefined) {
    if ((flags & AttrFlag.Optional) === 0) {
      // RFC 4271 §6.3: an unrecognized well-known attribute → 3/2, session reset.
      return {
        attribute: raw,
        problem: { code: 'unrecognized-well-known', offset: valueOffset, action: 'session-reset' },
      };
    }
    return { attribute: raw };
  }
  if ((flags & (O | T)) !== rule.flags) {
    return {
      attribute: raw,
      problem: {
        code: 'attribute-flags',
        offset: valueOffset,
        detail: `flags 0x${flags.toString(16)}`,
        action: rule.action,
      },
    };
  }
  const res = decode(value, (r) => readValue(r, type, flags, context), {
    baseOffset: valueOffset,
    exact: true,
  });
  if (res.ok) {
    const p = semanticProblem(res.value, context);
    if (p === undefined) return { attribute: res.value };
    return {
      attribute: res.value,
      problem: { code: p.code, offset: valueOffset, detail: p.detail, action: p.action },
    };
  }
  let action = rule.action;
  // RFC 7606 §5.3 / §7.11: MP attributes whose AFI/SAFI cannot be read reset the session.
  if (
    (type === AttrTypeCode.MpReachNlri || type === AttrTypeCode.MpUnreachNlri) &&
    value.length < 3
  ) {
    action = 'session-reset';
  }
  const problem: AttributeProblem =
    res.error.detail === undefined
      ? { code: res.error.code, offset: res.error.offset, action }
      : { code: res.error.code, offset: res.error.offset, detail: res.error.detail, action };
  return { attribute: raw, problem };
}

function mpNlriLength(n: MpNlri, addPath: boolean): number {
  if (n.kind === 'raw') return n.bytes.length;
  if (n.kind === 'prefixes') return nlriListLength(n.routes, addPath);
  return labelledListLength(n.routes, addPath);
}
function writeMpNlri(w: Writer, n: MpNlri, addPath: boolean): void {
  if (n.kind === 'raw') w.bytes(n.bytes);
  else if (n.kind === 'prefixes') writeNlriList(w, n.routes, addPath);
  else writeLabelledList(w, n.routes, addPath);
}

/** Length of an attribute's value. */
export function attributeValueLength(a: PathAttribute, context: BgpContext): number {
  switch (a.kind) {
    case 'origin':
      return 1;
    case 'as-path':
      return asPathLength(a.segments, context.fourOctetAs);
    case 'as4-path':
      return asPathLength(a.segments, true);
    case 'next-hop':
    case 'med':
    case 'local-pref':
    case 'originator-id':
    case 'otc':
      return 4;
    case 'atomic-aggregate':
      return 0;
    case 'aggregator':
      return context.fourOctetAs ? 8 : 6;
    case 'as4-aggregator':
      return 8;
    case 'communities':
      return 4 * a.communities.length;
    case 'cluster-list':
      return 4 * a.clusterIds.length;
    case 'extended-communities':
      return 8 * a.communities.length;
    case 'large-communities':
      return 12 * a.communities.length;
    case 'aigp': {
      let n = 0;
      for (const t of a.tlvs) n += 3 + t.value.length;
      return n;
    }
    case 'mp-reach':
      return 5 + a.nextHop.length + mpNlriLength(a.nlri, sendsPathId(context, a.afi, a.safi));
    case 'mp-unreach':
      return 3 + mpNlriLength(a.withdrawn, sendsPathId(context, a.afi, a.safi));
    case 'raw':
      return a.value.length;
  }
}

/** Whether the attribute is written with a 2-byte length (flag as received, or needed). */
export function usesExtendedLength(a: PathAttribute, context: BgpContext): boolean {
  return (a.flags & AttrFlag.ExtendedLength) !== 0 || attributeValueLength(a, context) > 255;
}

/** Length of the whole attribute (flags, type, length and value). */
export function attributeLength(a: PathAttribute, context: BgpContext): number {
  return (usesExtendedLength(a, context) ? 4 : 3) + attributeValueLength(a, context);
}

/** Write one attribute. Throws `RangeError` for values that do not fit their fields. */
export function writeAttribute(w: Writer, a: PathAttribute, context: BgpContext): void {
  const len = attributeValueLength(a, context);
  const ext = usesExtendedLength(a, context);
  if (len > 0xffff) throw new RangeError(`attribute value of ${len} bytes exceeds 65535`);
  w.u8(ext ? a.flags | AttrFlag.ExtendedLength : a.flags).u8(attributeTypeCode(a));
  if (ext) w.u16(len);
  else w.u8(len);
  switch (a.kind) {
    case 'origin':
      w.u8(a.origin);
      return;
    case 'as-path':
      writeAsPath(w, a.segments, context.fourOctetAs);
      return;
    case 'as4-path':
      writeAsPath(w, a.segments, true);
      return;
    case 'next-hop':
      w.u32(a.nextHop);
      return;
    case 'med':
    case 'local-pref':
    case 'originator-id':
    case 'otc':
      w.u32(a.value);
      return;
    case 'atomic-aggregate':
      return;
    case 'aggregator':
      if (context.fourOctetAs) w.u32(a.asn);
      else w.u16(a.asn);
      w.u32(a.address);
      return;
    case 'as4-aggregator':
      w.u32(a.asn).u32(a.address);
      return;
    case 'communities':
      for (const c of a.communities) w.u32(c);
      return;
    case 'cluster-list':
      for (const c of a.clusterIds) w.u32(c);
      return;
    case 'extended-communities':
      for (const c of a.communities) {
        if (c.length !== 8) throw new RangeError('an extended community has 8 bytes');
        w.bytes(c);
      }
      return;
    case 'large-communities':
      for (const c of a.communities) w.u32(c.global).u32(c.local1).u32(c.local2);
      return;
    case 'aigp':
      for (const t of a.tlvs)
        w.u8(t.type)
          .u16(t.value.length + 3)
          .bytes(t.value);
      return;
    case 'mp-reach':
      if (a.nextHop.length > 255) throw new RangeError('next hop longer than 255 bytes');
      w.u16(a.afi).u8(a.safi).u8(a.nextHop.length).bytes(a.nextHop).u8(a.reserved);
      writeMpNlri(w, a.nlri, sendsPathId(context, a.afi, a.safi));
      return;
    case 'mp-unreach':
      w.u16(a.afi).u8(a.safi);
      writeMpNlri(w, a.withdrawn, sendsPathId(context, a.afi, a.safi));
      return;
    case 'raw':
      w.bytes(a.value);
      return;
  }
}
