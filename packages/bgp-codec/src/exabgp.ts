import { formatAddress, formatPrefix, ipv4, ipv4FromBytes, ipv6FromBytes } from '@routekit/prefix';
import { toHex } from '@routekit/wire';
import { type AsPathSegment, reconstructAsPath } from './attribute/as-path.js';
import { attributeTypeCode, type MpNlri, type PathAttribute } from './attribute/attribute.js';
import { TUNNEL_TYPE_NAMES } from './attribute/extended-community.js';
import { type BgpContext, DEFAULT_CONTEXT } from './context.js';
import { AsPathSegmentType, familyName } from './iana.js';
import type { UpdateMessage } from './message/update.js';
import type { Nlri } from './nlri.js';
import { formatRouteDistinguisher, type LabelledRoute, type VpnRoute } from './nlri-mpls.js';

/*
 * ExaBGP's JSON of a received UPDATE (the `neighbor.message.update` object of
 * `exabgp.reactor.api.response.json`): `attribute` keyed by ExaBGP's attribute names,
 * `announce` keyed by family (`"ipv4 unicast"`) then next hop, `withdraw` keyed by family.
 * Families whose NLRI is kept raw here (EVPN, flowspec, BGP-LS, ...) are left out.
 */

/** One route in ExaBGP's JSON. */
export interface ExabgpNlriJson {
  readonly nlri: string;
  readonly 'path-information'?: string;
  /** `[label, raw 24-bit entry]` per stack entry (announcements only). */
  readonly label?: readonly (readonly [number, number])[];
  readonly rd?: string;
}

/** ExaBGP's `message.update` object. */
export interface ExabgpUpdateJson {
  readonly attribute?: Readonly<Record<string, unknown>>;
  readonly announce?: Readonly<Record<string, Readonly<Record<string, readonly ExabgpNlriJson[]>>>>;
  readonly withdraw?: Readonly<Record<string, readonly ExabgpNlriJson[]>>;
}

const ORIGIN_NAMES = ['igp', 'egp', 'incomplete'];
/** ExaBGP names confederation segments `as-sequence` too (its segment classes share NAME). */
const SEGMENT_NAMES: Readonly<Record<number, string>> = {
  1: 'as-set',
  2: 'as-sequence',
  3: 'as-sequence',
  4: 'as-sequence',
};

const dotted = (n: number): string => formatAddress(ipv4(n));
const u32 = (c: Uint8Array, i: number): number =>
  ((c[i]! << 24) | (c[i + 1]! << 16) | (c[i + 2]! << 8) | c[i + 3]!) >>> 0;

/** A big-endian unsigned integer as a JS number (loses precision above 2^53, as JSON.parse does). */
function bigValue(c: Uint8Array): number {
  let v = 0n;
  for (const b of c) v = (v << 8n) | BigInt(b);
  return Number(v);
}

/**
 * ExaBGP's `string` of an extended community: its classes are registered by
 * `(type & 0x0f, subtype)`, so the I and T bits are ignored; unregistered ones are `""`.
 */
export function exabgpExtendedCommunityString(c: Uint8Array): string {
  if (c.length !== 8) return '';
  const key = ((c[0]! & 0x0f) << 8) | c[1]!;
  const as2 = (c[2]! << 8) | c[3]!;
  const ip = (at: number): string => dotted(u32(c, at));
  const lo16 = (c[6]! << 8) | c[7]!;
  const f32 = (): number => new DataView(c.buffer, c.byteOffset + 4, 4).getFloat32(0);
  switch (key) {
    case 0x0002:
      return `target:${as2}:${u32(c, 4)}`;
    case 0x0102:
      return `target:${ip(2)}:${lo16}`;
    case 0x0202:
      return `target:${u32(c, 2)}L:${lo16}`;
    case 0x0003:
      // ExaBGP reads the local administrator of a two-octet-AS route origin as an address.
      return `origin:${as2}:${ip(4)}`;
    case 0x0103:
      return `origin:${ip(2)}:${lo16}`;
    case 0x0203:
      return `origin:${u32(c, 2)}L:${lo16}`;
    case 0x0004:
      return `bandwith:${as2}:${Math.round(f32())}`;
    case 0x030c:
      return `encap:${TUNNEL_TYPE_NAMES[lo16] ?? `encap:UNKNOWN-${lo16}`}`;
    case 0x0600:
      return `mac-mobility:${u32(c, 4)}${c[2] === 1 ? ':sticky' : ''}`;
    case 0x000a:
      return `l2info:${c[2]}:${c[3]}:${(c[4]! << 8) | c[5]!}:${lo16}`;
    case 0x0006:
      return `rate-limit:${Math.trunc(f32())}`;
    case 0x000c:
      return `rate-limit:${Math.trunc(f32())}:packets`;
    case 0x0007: {
      const s = [(c[7]! & 2) !== 0 ? 'sample' : '', (c[7]! & 1) !== 0 ? 'terminal' : ''];
      return `action ${s.filter(Boolean).join('-')}`;
    }
    case 0x0008:
      return `redirect:${as2}:${u32(c, 4)}`;
    case 0x0208:
      return `redirect:${u32(c, 2)}:${lo16}`;
    case 0x0108:
      return `redirect ${ip(2)}:${lo16}`;
    case 0x0009:
      return `mark ${c[7]! & 0xff}`;
    case 0x010c:
      return (c[7]! & 1) === 1
        ? `copy-to-nexthop-ietf ${ip(2)} (with copy)`
        : `redirect-to-nexthop-ietf ${ip(2)}`;
    case 0x0800:
      return (c[7]! & 1) === 1 ? 'copy-to-nexthop' : 'redirect-to-nexthop';
    case 0x0c00:
      return `mup:${as2}:${u32(c, 4)}`;
    default:
      return '';
  }
}

/**
 * ExaBGP 4.x's AS path keys: every AS_SEQUENCE's ASNs in one `as-path` list, every
 * AS_SET's in `as-set`, confederation segments in `confederation-path` /
 * `confederation-set`; `as-path` and `confederation-path` are always shown (`[]`), the
 * set keys only when non-empty.
 */
function exabgp4AsPath(segments: readonly AsPathSegment[]): Record<string, number[]> {
  const pick = (type: number): number[] =>
    segments.filter((s) => s.type === type).flatMap((s) => [...s.asns]);
  const out: Record<string, number[]> = {
    'as-path': pick(AsPathSegmentType.Sequence),
    'confederation-path': pick(AsPathSegmentType.ConfedSequence),
  };
  const set = pick(AsPathSegmentType.Set);
  const cset = pick(AsPathSegmentType.ConfedSet);
  if (set.length > 0) out['as-set'] = set;
  if (cset.length > 0) out['confederation-set'] = cset;
  return out;
}

/**
 * RFC 5701 IPv6 address specific extended community (20 octets: type, subtype, IPv6
 * global administrator, 2-octet local): ExaBGP names the flowspec redirect-to-IPv6
 * (0x000c) only.
 */
function ipv6ExtendedCommunityString(c: Uint8Array): string {
  if ((((c[0]! & 0x0f) << 8) | c[1]!) !== 0x000c) return '';
  const ip = formatAddress(ipv6FromBytes(c.subarray(2, 18)));
  return (c[19]! & 1) === 1
    ? `copy-to-nexthop-ietf ${ip} (with copy)`
    : `redirect-to-nexthop-ietf ${ip}`;
}

/** ExaBGP's key and value of one attribute; `undefined` when ExaBGP shows none (empty AS path, NEXT_HOP, MP attributes, AS4_PATH merged into AS_PATH). */
function attributeJson(
  a: PathAttribute,
  all: readonly PathAttribute[],
  context: BgpContext,
  version: 4 | 5,
): [string, unknown] | undefined {
  switch (a.kind) {
    case 'origin':
      return ['origin', ORIGIN_NAMES[a.origin] ?? `${a.origin}`];
    case 'as-path': {
      // RFC 6793 §4.2.3: ExaBGP merges AS4_PATH into AS_PATH for 2-octet sessions.
      const as4 = all.find((x) => x.kind === 'as4-path');
      const segments =
        !context.fourOctetAs && as4?.kind === 'as4-path'
          ? reconstructAsPath(a.segments, as4.segments)
          : a.segments;
      if (version === 4) return ['as-path', exabgp4AsPath(segments)];
      if (segments.length === 0) return undefined;
      const out: Record<string, unknown> = {};
      segments.forEach((s, i) => {
        out[`${i}`] = { element: SEGMENT_NAMES[s.type] ?? 'as-sequence', value: [...s.asns] };
      });
      return ['as-path', out];
    }
    case 'as4-path':
      return undefined;
    case 'next-hop':
      return undefined;
    case 'med':
      return ['med', a.value];
    case 'local-pref':
      return ['local-preference', a.value];
    case 'originator-id':
      return ['originator-id', dotted(a.value)];
    case 'otc':
      return ['otc', a.value];
    case 'atomic-aggregate':
      return ['atomic-aggregate', true];
    case 'aggregator':
    case 'as4-aggregator':
      return ['aggregator', `${a.asn}:${dotted(a.address)}`];
    case 'communities':
      return ['community', a.communities.map((c) => [c >>> 16, c & 0xffff])];
    case 'cluster-list':
      return ['cluster-list', a.clusterIds.map(dotted)];
    case 'extended-communities':
      return [
        'extended-community',
        a.communities.map((c) => ({
          value: bigValue(c),
          string: exabgpExtendedCommunityString(c),
        })),
      ];
    case 'large-communities':
      return ['large-community', a.communities.map((c) => [c.global, c.local1, c.local2])];
    case 'aigp': {
      const metric = a.tlvs.find((t) => t.type === 1);
      return metric === undefined ? undefined : ['aigp', `0x${toHex(metric.value.slice(-8))}`];
    }
    case 'mp-reach':
    case 'mp-unreach':
      return undefined;
    case 'raw': {
      // A malformed MP attribute: ExaBGP would not have produced an UPDATE at all.
      if (a.typeCode === 14 || a.typeCode === 15) return undefined;
      // ExaBGP 4.x has no IPv6 extended community class: it shows the generic form.
      if (version === 5 && a.typeCode === 25 && a.value.length % 20 === 0) {
        const out = [];
        for (let i = 0; i < a.value.length; i += 20) {
          const c = a.value.subarray(i, i + 20);
          out.push({ value: bigValue(c), string: ipv6ExtendedCommunityString(c) });
        }
        return ['extended-community-ipv6', out];
      }
      if (a.typeCode === 40) {
        const sid = prefixSidJson(a.value);
        if (sid !== undefined) return ['bgp-prefix-sid', sid];
      }
      const key = `attribute-0x${hex2(a.typeCode)}-0x${hex2(a.flags & ~0x10)}`;
      return [key, `0x${toHex(a.value).toUpperCase()}`];
    }
  }
}

/**
 * RFC 8669 BGP Prefix-SID TLVs 1 (label index) and 3 (originator SRGB) as ExaBGP prints
 * them; `undefined` for other TLVs (SRv6 services, RFC 9252) or malformed values.
 */
function prefixSidJson(v: Uint8Array): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let at = 0;
  while (at < v.length) {
    if (at + 3 > v.length) return undefined;
    const type = v[at]!;
    const len = (v[at + 1]! << 8) | v[at + 2]!;
    const body = v.subarray(at + 3, at + 3 + len);
    if (body.length !== len) return undefined;
    if (type === 1 && len === 7) out['sr-label-index'] = u32(body, 3);
    else if (type === 3 && len >= 2 && (len - 2) % 6 === 0) {
      const srgbs: [number, number][] = [];
      for (let i = 2; i < len; i += 6) {
        const u24 = (j: number): number => (body[j]! << 16) | (body[j + 1]! << 8) | body[j + 2]!;
        srgbs.push([u24(i), u24(i + 3)]);
      }
      out['sr-srgbs'] = srgbs;
    } else return undefined;
    at += 3 + len;
  }
  return out;
}

const hex2 = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');

function routeJson(r: Nlri | LabelledRoute | VpnRoute, announced: boolean): ExabgpNlriJson {
  const out: Record<string, unknown> = { nlri: formatPrefix(r.prefix) };
  if (r.pathId !== undefined) out['path-information'] = dotted(r.pathId);
  if (announced && 'labels' in r && r.labels.length > 0) {
    out.label = r.labels.map((e) => [e >>> 4, e]);
  }
  if (announced && 'rd' in r) out.rd = formatRouteDistinguisher(r.rd);
  return out as unknown as ExabgpNlriJson;
}

function routesOf(n: MpNlri): readonly (Nlri | LabelledRoute | VpnRoute)[] | undefined {
  return n.kind === 'raw' ? undefined : n.routes;
}

/** ExaBGP's next hop key(s) of an MP_REACH: the address(es) without any RD. */
function mpNextHopKeys(safi: number, nh: Uint8Array): string[] {
  const rd = safi === 128 || safi === 129 ? 8 : 0;
  const body = nh.subarray(rd);
  const out: string[] = [];
  for (let at = 0; at < body.length; at += 16 + rd) {
    const part = body.subarray(at, at + 16);
    if (part.length === 4) out.push(formatAddress(ipv4FromBytes(part)));
    else if (part.length === 16) out.push(formatAddress(ipv6FromBytes(part)));
  }
  return out.length === 0 ? ['null'] : out;
}

/** Options of {@link toExabgpUpdateJson}. */
export interface ExabgpJsonOptions {
  /**
   * The ExaBGP major version whose JSON to produce (default 5, upstream's current form).
   * 4 gives ExaBGP 4.x's form (Debian 12 ships 4.2): the AS path as flat `as-path`,
   * `as-set`, `confederation-path` and `confederation-set` lists instead of numbered
   * segments.
   */
  readonly version?: 4 | 5;
}

/**
 * ExaBGP's JSON of an UPDATE (`neighbor.message.update`). `context` decides AS path
 * reconstruction (ExaBGP merges AS4_PATH on 2-octet sessions). Extended community values
 * above 2^53 lose precision as JS numbers (the same numbers `JSON.parse` gives).
 */
export function toExabgpUpdateJson(
  update: UpdateMessage,
  context: BgpContext = DEFAULT_CONTEXT,
  options: ExabgpJsonOptions = {},
): ExabgpUpdateJson {
  const version = options.version ?? 5;
  const attribute: Record<string, unknown> = {};
  const seen = new Set<number>();
  for (const a of update.attributes) {
    const code = attributeTypeCode(a);
    // ExaBGP keeps the first of repeated attributes (RFC 7606 §3.g).
    if (seen.has(code)) continue;
    seen.add(code);
    const kv = attributeJson(a, update.attributes, context, version);
    if (kv === undefined) continue;
    if (version === 4 && kv[0] === 'as-path') Object.assign(attribute, kv[1]);
    else attribute[kv[0]] = kv[1];
  }
  const announce: Record<string, Record<string, ExabgpNlriJson[]>> = {};
  const withdraw: Record<string, ExabgpNlriJson[]> = {};
  const add = (family: string, nh: string, routes: readonly (Nlri | LabelledRoute)[]): void => {
    if (routes.length === 0) return;
    const byHop = announce[family] ?? {};
    announce[family] = byHop;
    byHop[nh] = [...(byHop[nh] ?? []), ...routes.map((r) => routeJson(r, true))];
  };
  const remove = (family: string, routes: readonly (Nlri | LabelledRoute)[]): void => {
    if (routes.length === 0) return;
    withdraw[family] = [...(withdraw[family] ?? []), ...routes.map((r) => routeJson(r, false))];
  };
  remove('ipv4 unicast', update.withdrawn);
  for (const a of update.attributes) {
    if (a.kind === 'mp-unreach') {
      const routes = routesOf(a.withdrawn);
      if (routes !== undefined) remove(familyName(a.afi, a.safi), routes);
    }
  }
  const nextHop = update.attributes.find((a) => a.kind === 'next-hop');
  add('ipv4 unicast', nextHop?.kind === 'next-hop' ? dotted(nextHop.nextHop) : 'null', update.nlri);
  for (const a of update.attributes) {
    if (a.kind !== 'mp-reach') continue;
    const routes = routesOf(a.nlri);
    if (routes === undefined) continue;
    for (const nh of mpNextHopKeys(a.safi, a.nextHop)) {
      add(familyName(a.afi, a.safi), nh, routes);
    }
  }
  const out: {
    attribute?: Record<string, unknown>;
    announce?: typeof announce;
    withdraw?: typeof withdraw;
  } = {};
  if (Object.keys(attribute).length > 0) out.attribute = attribute;
  if (Object.keys(announce).length > 0) out.announce = announce;
  if (Object.keys(withdraw).length > 0) out.withdraw = withdraw;
  return out;
}
