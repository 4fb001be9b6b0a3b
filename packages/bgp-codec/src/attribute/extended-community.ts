import { formatAddress, ipv4 } from '@routekit/prefix';
import { toHex } from '@routekit/wire';

/*
 * RFC 4360 §3 extended community (8 octets), with the typed forms of the IANA "BGP
 * Extended Communities" registry (RFC 7153) decoded by {@link extendedCommunityInfo}.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |I|T|  Type     |  Sub-Type     |  Value                        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                      Value (cont.)                            |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Two-octet AS specific (type 0x00/0x40): Global Administrator AS(2) | Local(4).
 * IPv4 address specific (0x01/0x41):      Global Administrator IPv4(4) | Local(2).
 * Four-octet AS specific (0x02/0x42, RFC 5668): Global Administrator AS(4) | Local(2).
 */

/** Type/subtype pairs (`type << 8 | subtype`) of the typed forms. */
export const ExtendedCommunityType = {
  RouteTargetAs2: 0x0002,
  RouteTargetIpv4: 0x0102,
  RouteTargetAs4: 0x0202,
  RouteOriginAs2: 0x0003,
  RouteOriginIpv4: 0x0103,
  RouteOriginAs4: 0x0203,
  OspfDomainIdAs2: 0x0005,
  OspfDomainIdIpv4: 0x0105,
  OspfDomainIdAs4: 0x0205,
  OspfRouterId: 0x0107,
  FlowspecRedirectIpv4: 0x010c,
  OspfRouteType: 0x0306,
  /** RFC 4577 §4.2.6 / IANA: the deprecated, pre-standard (Cisco) OSPF route type. */
  OspfRouteTypeLegacy: 0x8000,
  /** RFC 4577 / IANA: the deprecated, pre-standard (Cisco) OSPF router id. */
  OspfRouterIdLegacy: 0x8001,
  Color: 0x030b,
  Encapsulation: 0x030c,
  DefaultGateway: 0x030d,
  LinkBandwidth: 0x4004,
  OriginValidation: 0x4300,
  MacMobility: 0x0600,
  EsiLabel: 0x0601,
  EsImport: 0x0602,
  RouterMac: 0x0603,
  FlowspecTrafficRate: 0x8006,
  FlowspecTrafficAction: 0x8007,
  FlowspecRedirectAs2: 0x8008,
  FlowspecRedirectIpv4Target: 0x8108,
  FlowspecRedirectAs4: 0x8208,
  FlowspecTrafficMarking: 0x8009,
  Layer2Info: 0x800a,
  FlowspecTrafficRatePackets: 0x800c,
} as const;

/** The decoded forms; `other` for everything else (type and subtype still given). */
export type ExtendedCommunityKind =
  | 'route-target'
  | 'route-origin'
  | 'ospf-domain-id'
  | 'ospf-route-type'
  | 'ospf-router-id'
  | 'link-bandwidth'
  | 'encapsulation'
  | 'color'
  | 'default-gateway'
  | 'origin-validation'
  | 'traffic-rate'
  | 'traffic-rate-packets'
  | 'traffic-action'
  | 'redirect'
  | 'redirect-ip'
  | 'traffic-marking'
  | 'layer2-info'
  | 'mac-mobility'
  | 'esi-label'
  | 'es-import'
  | 'router-mac'
  | 'other';

/** A decoded extended community. Which optional fields are set depends on `kind`. */
export interface ExtendedCommunityInfo {
  readonly type: number;
  readonly subtype: number;
  /** RFC 4360 §2: the T bit is clear. */
  readonly transitive: boolean;
  readonly kind: ExtendedCommunityKind;
  /**
   * Global administrator: AS number or IPv4 address as uint32 (route target / origin,
   * OSPF domain id, redirect); AS of link bandwidth and traffic rate; OSPF area; OSPF
   * router id; redirect-ip address.
   */
  readonly global?: number;
  /** Local administrator (route target / origin, OSPF domain id, redirect). */
  readonly local?: number;
  /** Whether `global` is an IPv4 address. */
  readonly globalIsAddress?: boolean;
  /**
   * The value: bytes per second (IEEE float) of link bandwidth and traffic rate, packets
   * per second for traffic-rate-packets, color, tunnel type, DSCP, MAC mobility sequence,
   * ESI label, OSPF route type, origin validation state (0 valid, 1 not found, 2 invalid).
   */
  readonly value?: number;
  /** Flag bits: traffic action (S 0x02, T 0x01), color flags, MAC mobility (sticky 0x01),
   * ESI label (single-active 0x01), OSPF route type options, redirect-ip copy (0x01). */
  readonly flags?: number;
  /** `aa:bb:cc:dd:ee:ff` for ES-import and router's MAC. */
  readonly mac?: string;
  /** Layer 2 info (RFC 4761 §3.2.4): encapsulation, control flags, MTU. */
  readonly layer2?: { readonly encaps: number; readonly control: number; readonly mtu: number };
}

const u16 = (c: Uint8Array, i: number): number => (c[i]! << 8) | c[i + 1]!;
const u32 = (c: Uint8Array, i: number): number =>
  ((c[i]! << 24) | (c[i + 1]! << 16) | (c[i + 2]! << 8) | c[i + 3]!) >>> 0;
const f32 = (c: Uint8Array, i: number): number =>
  new DataView(c.buffer, c.byteOffset + i, 4).getFloat32(0);
const mac = (c: Uint8Array): string =>
  Array.from(c.subarray(2, 8), (b) => b.toString(16).padStart(2, '0')).join(':');

/** Global/local administrators of the AS2 / IPv4 / AS4 specific forms (type & 0x3f = 0, 1, 2). */
function administrators(c: Uint8Array, base: number) {
  if (base === 0) return { global: u16(c, 2), local: u32(c, 4), globalIsAddress: false };
  return { global: u32(c, 2), local: u16(c, 6), globalIsAddress: base === 1 };
}

/** Decode an extended community's type, subtype and typed fields (never throws). */
export function extendedCommunityInfo(c: Uint8Array): ExtendedCommunityInfo {
  const type = c[0] ?? 0;
  const subtype = c[1] ?? 0;
  const transitive = (type & 0x40) === 0;
  const head = { type, subtype, transitive };
  if (c.length !== 8) return { ...head, kind: 'other' };
  const base = type & 0x3f;
  const iana = (type & 0x80) === 0;
  // Route target / origin, OSPF domain id: any of the three administrator forms; the
  // T bit is ignored as some speakers send them non-transitive.
  if (iana && base <= 2 && (subtype === 2 || subtype === 3 || subtype === 5)) {
    const kind = subtype === 2 ? 'route-target' : subtype === 3 ? 'route-origin' : 'ospf-domain-id';
    return { ...head, kind, ...administrators(c, base) };
  }
  switch ((type << 8) | subtype) {
    case ExtendedCommunityType.OspfRouterId:
    case ExtendedCommunityType.OspfRouterIdLegacy:
      return { ...head, kind: 'ospf-router-id', global: u32(c, 2), globalIsAddress: true };
    case ExtendedCommunityType.OspfRouteType:
    case ExtendedCommunityType.OspfRouteTypeLegacy:
      return { ...head, kind: 'ospf-route-type', global: u32(c, 2), value: c[6]!, flags: c[7]! };
    case ExtendedCommunityType.Color:
      return { ...head, kind: 'color', flags: u16(c, 2), value: u32(c, 4) };
    case ExtendedCommunityType.Encapsulation:
      return { ...head, kind: 'encapsulation', value: u16(c, 6) };
    case ExtendedCommunityType.DefaultGateway:
      return { ...head, kind: 'default-gateway' };
    case ExtendedCommunityType.LinkBandwidth:
    case 0x0004:
      return { ...head, kind: 'link-bandwidth', global: u16(c, 2), value: f32(c, 4) };
    case ExtendedCommunityType.OriginValidation:
      return { ...head, kind: 'origin-validation', value: c[7]! };
    case ExtendedCommunityType.MacMobility:
      return { ...head, kind: 'mac-mobility', flags: c[2]!, value: u32(c, 4) };
    case ExtendedCommunityType.EsiLabel:
      return { ...head, kind: 'esi-label', flags: c[2]!, value: (u32(c, 4) & 0xffffff) >>> 4 };
    case ExtendedCommunityType.EsImport:
      return { ...head, kind: 'es-import', mac: mac(c) };
    case ExtendedCommunityType.RouterMac:
      return { ...head, kind: 'router-mac', mac: mac(c) };
    case ExtendedCommunityType.FlowspecTrafficRate:
      return { ...head, kind: 'traffic-rate', global: u16(c, 2), value: f32(c, 4) };
    case ExtendedCommunityType.FlowspecTrafficRatePackets:
      return { ...head, kind: 'traffic-rate-packets', global: u16(c, 2), value: f32(c, 4) };
    case ExtendedCommunityType.FlowspecTrafficAction:
      return { ...head, kind: 'traffic-action', flags: c[7]! };
    case ExtendedCommunityType.FlowspecRedirectAs2:
      return { ...head, kind: 'redirect', ...administrators(c, 0) };
    case ExtendedCommunityType.FlowspecRedirectIpv4Target:
      return { ...head, kind: 'redirect', ...administrators(c, 1) };
    case ExtendedCommunityType.FlowspecRedirectAs4:
      return { ...head, kind: 'redirect', ...administrators(c, 2) };
    case ExtendedCommunityType.FlowspecTrafficMarking:
      return { ...head, kind: 'traffic-marking', value: c[7]! & 0x3f };
    case ExtendedCommunityType.FlowspecRedirectIpv4:
      return {
        ...head,
        kind: 'redirect-ip',
        global: u32(c, 2),
        globalIsAddress: true,
        flags: c[7]! & 1,
      };
    case ExtendedCommunityType.Layer2Info:
      return {
        ...head,
        kind: 'layer2-info',
        layer2: { encaps: c[2]!, control: c[3]!, mtu: u16(c, 4) },
      };
    default:
      return { ...head, kind: 'other' };
  }
}

/** RFC 9012 / IANA "BGP Tunnel Encapsulation Attribute Tunnel Types" names, as ExaBGP prints them. */
export const TUNNEL_TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'Default',
  1: 'L2TPv3',
  2: 'GRE',
  7: 'IP-in-IP',
  8: 'VXLAN',
  9: 'NVGRE',
  10: 'MPLS',
  12: 'VXLAN-GPE',
  13: 'MPLS-in-UDP',
} as const;

const ORIGIN_VALIDATION = ['valid', 'not-found', 'invalid'] as const;

const admin = (i: ExtendedCommunityInfo): string =>
  i.globalIsAddress === true ? formatAddress(ipv4(i.global ?? 0)) : `${i.global}`;

/**
 * Text of an extended community, in ExaBGP's spelling where ExaBGP has one:
 * `target:65000:100`, `origin:192.0.2.1:7`, `rate-limit:9600`, `redirect:65000:100`,
 * `mark 10`, `action sample-terminal`, `encap:VXLAN`, `mac-mobility:5:sticky`; others
 * (`link-bandwidth:65000:125000`, `color:100`, `es-import:00:11:22:33:44:55`, ...) follow
 * FRR's names; unknown types are hex.
 */
export function formatExtendedCommunity(c: Uint8Array): string {
  const i = extendedCommunityInfo(c);
  switch (i.kind) {
    case 'route-target':
      return `target:${admin(i)}:${i.local}`;
    case 'route-origin':
      return `origin:${admin(i)}:${i.local}`;
    case 'ospf-domain-id':
      return `ospf-domain-id:${admin(i)}:${i.local}`;
    case 'ospf-router-id':
      return `ospf-router-id:${admin(i)}`;
    case 'ospf-route-type':
      return `ospf-route-type:${formatAddress(ipv4(i.global ?? 0))}:${i.value}:${i.flags}`;
    case 'link-bandwidth':
      return `link-bandwidth:${i.global}:${Math.round(i.value ?? 0)}`;
    case 'encapsulation':
      return `encap:${TUNNEL_TYPE_NAMES[i.value ?? 0] ?? `UNKNOWN-${i.value}`}`;
    case 'color':
      return i.flags === 0 ? `color:${i.value}` : `color:${i.value}:flags:${i.flags}`;
    case 'default-gateway':
      return 'default-gateway';
    case 'origin-validation':
      return `origin-validation:${ORIGIN_VALIDATION[i.value ?? 0] ?? i.value}`;
    case 'traffic-rate':
      return `rate-limit:${Math.trunc(i.value ?? 0)}`;
    case 'traffic-rate-packets':
      return `rate-limit:${Math.trunc(i.value ?? 0)}:packets`;
    case 'traffic-action': {
      const f = i.flags ?? 0;
      const s = [(f & 2) !== 0 ? 'sample' : '', (f & 1) !== 0 ? 'terminal' : ''].filter(Boolean);
      return `action ${s.join('-')}`;
    }
    case 'redirect':
      return `redirect:${admin(i)}:${i.local}`;
    case 'redirect-ip':
      return i.flags === 1
        ? `copy-to-nexthop-ietf ${admin(i)} (with copy)`
        : `redirect-to-nexthop-ietf ${admin(i)}`;
    case 'traffic-marking':
      return `mark ${i.value}`;
    case 'layer2-info': {
      const l = i.layer2!;
      return `l2info:${l.encaps}:${l.control}:${l.mtu}:${u16(c, 6)}`;
    }
    case 'mac-mobility':
      return `mac-mobility:${i.value}${(i.flags ?? 0) & 1 ? ':sticky' : ''}`;
    case 'esi-label':
      return `esi-label:${i.value}${(i.flags ?? 0) & 1 ? ':single-active' : ''}`;
    case 'es-import':
      return `es-import:${i.mac}`;
    case 'router-mac':
      return `router-mac:${i.mac}`;
    case 'other':
      return toHex(c);
  }
}
