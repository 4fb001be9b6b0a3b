import type { Reader, Writer } from '@routekit/wire';
import { CapabilityCode } from '../iana.js';

/*
 * RFC 5492 §4: each capability inside a Capabilities optional parameter.
 *
 *   +------------------------------+
 *   | Capability Code (1 octet)    |
 *   +------------------------------+
 *   | Capability Length (1 octet)  |
 *   +------------------------------+
 *   | Capability Value (variable)  |
 *   +------------------------------+
 *
 * A known capability whose value does not have the shape its RFC gives is kept as
 * `{ kind: 'unknown' }` with its raw value (RFC 5492 §3: a speaker ignores what it does
 * not understand), so re-encoding stays byte-exact.
 */

/** RFC 4760 §8: Multiprotocol Extensions. `AFI(2) | Reserved(1) | SAFI(1)`. */
export interface MultiprotocolCapability {
  readonly kind: 'multiprotocol';
  readonly afi: number;
  readonly safi: number;
  /** Reserved octet as received (should be 0). */
  readonly reserved: number;
}
/** RFC 2918: Route Refresh (empty). */
export interface RouteRefreshCapability {
  readonly kind: 'route-refresh';
}
/** RFC 7313: Enhanced Route Refresh (empty). */
export interface EnhancedRouteRefreshCapability {
  readonly kind: 'enhanced-route-refresh';
}
/** RFC 8654: Extended Message (empty). */
export interface ExtendedMessageCapability {
  readonly kind: 'extended-message';
}
/** RFC 8950 §3: Extended Next Hop. Repeated `NLRI AFI(2) | NLRI SAFI(2) | NH AFI(2)`. */
export interface ExtendedNextHopCapability {
  readonly kind: 'extended-next-hop';
  readonly entries: readonly {
    readonly afi: number;
    readonly safi: number;
    readonly nextHopAfi: number;
  }[];
}
/** RFC 9234 §4.1: BGP Role. `Role(1)`. */
export interface BgpRoleCapability {
  readonly kind: 'bgp-role';
  readonly role: number;
}
/**
 * RFC 4724 §3: Graceful Restart.
 *
 *   +--------------------------------------------------+
 *   | Restart Flags (4 bits) | Restart Time (12 bits)  |
 *   +--------------------------------------------------+
 *   | AFI (2) | SAFI (1) | Flags for Address Family (1) |  repeated
 *   +--------------------------------------------------+
 */
export interface GracefulRestartCapability {
  readonly kind: 'graceful-restart';
  /** The 4 restart flag bits (R = 8, N = 4 per RFC 8538). */
  readonly flags: number;
  /** Restart time, seconds (0..4095). */
  readonly time: number;
  readonly families: readonly {
    readonly afi: number;
    readonly safi: number;
    readonly flags: number;
  }[];
}
/** RFC 6793 §3: 4-octet AS number. `AS(4)`. */
export interface FourOctetAsCapability {
  readonly kind: 'four-octet-as';
  readonly asn: number;
}
/** RFC 7911 §4: ADD-PATH. Repeated `AFI(2) | SAFI(1) | Send/Receive(1)` (1 receive, 2 send, 3 both). */
export interface AddPathCapability {
  readonly kind: 'add-path';
  readonly families: readonly {
    readonly afi: number;
    readonly safi: number;
    readonly sendReceive: number;
  }[];
}
/** RFC 9494 §2: Long-Lived Graceful Restart. Repeated `AFI(2) | SAFI(1) | Flags(1) | Stale Time(3)`. */
export interface LongLivedGracefulRestartCapability {
  readonly kind: 'long-lived-graceful-restart';
  readonly families: readonly {
    readonly afi: number;
    readonly safi: number;
    readonly flags: number;
    readonly staleTime: number;
  }[];
}
/**
 * draft-walton-bgp-hostname-capability: FQDN. `Len(1) | Hostname | Len(1) | Domain`.
 * Names are raw bytes (UTF-8 per the draft; see `utf8Text`), kept as views of the input.
 */
export interface FqdnCapability {
  readonly kind: 'fqdn';
  readonly hostname: Uint8Array;
  readonly domain: Uint8Array;
}
/** draft-ietf-idr-software-version: `Len(1) | Version`. */
export interface SoftwareVersionCapability {
  readonly kind: 'software-version';
  readonly version: Uint8Array;
}
/** Any other capability (or a known one with a malformed value), kept raw. */
export interface UnknownCapability {
  readonly kind: 'unknown';
  readonly code: number;
  readonly value: Uint8Array;
}

export type Capability =
  | MultiprotocolCapability
  | RouteRefreshCapability
  | EnhancedRouteRefreshCapability
  | ExtendedMessageCapability
  | ExtendedNextHopCapability
  | BgpRoleCapability
  | GracefulRestartCapability
  | FourOctetAsCapability
  | AddPathCapability
  | LongLivedGracefulRestartCapability
  | FqdnCapability
  | SoftwareVersionCapability
  | UnknownCapability;

/** Decode the value of a capability; `undefined` when it does not have the expected shape. */
function decodeKnown(code: number, v: Uint8Array): Capability | undefined {
  const n = v.length;
  const u16 = (i: number): number => (v[i]! << 8) | v[i + 1]!;
  switch (code) {
    case CapabilityCode.Multiprotocol:
      return n === 4
        ? { kind: 'multiprotocol', afi: u16(0), reserved: v[2]!, safi: v[3]! }
        : undefined;
    case CapabilityCode.RouteRefresh:
      return n === 0 ? { kind: 'route-refresh' } : undefined;
    case CapabilityCode.EnhancedRouteRefresh:
      return n === 0 ? { kind: 'enhanced-route-refresh' } : undefined;
    case CapabilityCode.ExtendedMessage:
      return n === 0 ? { kind: 'extended-message' } : undefined;
    case CapabilityCode.ExtendedNextHop: {
      if (n % 6 !== 0) return undefined;
      const entries = [];
      for (let i = 0; i < n; i += 6)
        entries.push({ afi: u16(i), safi: u16(i + 2), nextHopAfi: u16(i + 4) });
      return { kind: 'extended-next-hop', entries };
    }
    case CapabilityCode.BgpRole:
      return n === 1 ? { kind: 'bgp-role', role: v[0]! } : undefined;
    case CapabilityCode.GracefulRestart: {
      if (n < 2 || (n - 2) % 4 !== 0) return undefined;
      const families = [];
      for (let i = 2; i < n; i += 4)
        families.push({ afi: u16(i), safi: v[i + 2]!, flags: v[i + 3]! });
      return { kind: 'graceful-restart', flags: v[0]! >> 4, time: u16(0) & 0x0fff, families };
    }
    case CapabilityCode.FourOctetAs:
      return n === 4 ? { kind: 'four-octet-as', asn: ((u16(0) << 16) | u16(2)) >>> 0 } : undefined;
    case CapabilityCode.AddPath: {
      if (n % 4 !== 0) return undefined;
      const families = [];
      for (let i = 0; i < n; i += 4)
        families.push({ afi: u16(i), safi: v[i + 2]!, sendReceive: v[i + 3]! });
      return { kind: 'add-path', families };
    }
    case CapabilityCode.LongLivedGracefulRestart: {
      if (n % 7 !== 0) return undefined;
      const families = [];
      for (let i = 0; i < n; i += 7) {
        families.push({
          afi: u16(i),
          safi: v[i + 2]!,
          flags: v[i + 3]!,
          staleTime: (v[i + 4]! << 16) | u16(i + 5),
        });
      }
      return { kind: 'long-lived-graceful-restart', families };
    }
    case CapabilityCode.Fqdn: {
      if (n < 1) return undefined;
      const h = v[0]!;
      if (1 + h + 1 > n) return undefined;
      const d = v[1 + h]!;
      if (2 + h + d !== n) return undefined;
      return { kind: 'fqdn', hostname: v.subarray(1, 1 + h), domain: v.subarray(2 + h, 2 + h + d) };
    }
    case CapabilityCode.SoftwareVersion: {
      if (n < 1 || v[0]! + 1 !== n) return undefined;
      return { kind: 'software-version', version: v.subarray(1) };
    }
    default:
      return undefined;
  }
}

/** Read one capability TLV. */
export function readCapability(r: Reader): Capability {
  const code = r.u8('capability.code');
  const length = r.u8('capability.length');
  const value = r.bytes(length, 'capability.value');
  return decodeKnown(code, value) ?? { kind: 'unknown', code, value };
}

/** The wire code of a capability. */
export function capabilityCode(c: Capability): number {
  switch (c.kind) {
    case 'multiprotocol':
      return CapabilityCode.Multiprotocol;
    case 'route-refresh':
      return CapabilityCode.RouteRefresh;
    case 'enhanced-route-refresh':
      return CapabilityCode.EnhancedRouteRefresh;
    case 'extended-message':
      return CapabilityCode.ExtendedMessage;
    case 'extended-next-hop':
      return CapabilityCode.ExtendedNextHop;
    case 'bgp-role':
      return CapabilityCode.BgpRole;
    case 'graceful-restart':
      return CapabilityCode.GracefulRestart;
    case 'four-octet-as':
      return CapabilityCode.FourOctetAs;
    case 'add-path':
      return CapabilityCode.AddPath;
    case 'long-lived-graceful-restart':
      return CapabilityCode.LongLivedGracefulRestart;
    case 'fqdn':
      return CapabilityCode.Fqdn;
    case 'software-version':
      return CapabilityCode.SoftwareVersion;
    case 'unknown':
      return c.code;
  }
}

/** Length of a capability's value (without the 2-byte code/length header). */
export function capabilityValueLength(c: Capability): number {
  switch (c.kind) {
    case 'multiprotocol':
    case 'four-octet-as':
      return 4;
    case 'route-refresh':
    case 'enhanced-route-refresh':
    case 'extended-message':
      return 0;
    case 'extended-next-hop':
      return 6 * c.entries.length;
    case 'bgp-role':
      return 1;
    case 'graceful-restart':
      return 2 + 4 * c.families.length;
    case 'add-path':
      return 4 * c.families.length;
    case 'long-lived-graceful-restart':
      return 7 * c.families.length;
    case 'fqdn':
      return 2 + c.hostname.length + c.domain.length;
    case 'software-version':
      return 1 + c.version.length;
    case 'unknown':
      return c.value.length;
  }
}

/** Write a capability TLV. Throws `RangeError` when its value exceeds 255 bytes. */
export function writeCapability(w: Writer, c: Capability): void {
  const len = capabilityValueLength(c);
  if (len > 255) throw new RangeError(`capability value of ${len} bytes exceeds 255`);
  w.u8(capabilityCode(c)).u8(len);
  switch (c.kind) {
    case 'multiprotocol':
      w.u16(c.afi).u8(c.reserved).u8(c.safi);
      return;
    case 'route-refresh':
    case 'enhanced-route-refresh':
    case 'extended-message':
      return;
    case 'extended-next-hop':
      for (const e of c.entries) w.u16(e.afi).u16(e.safi).u16(e.nextHopAfi);
      return;
    case 'bgp-role':
      w.u8(c.role);
      return;
    case 'graceful-restart':
      w.u16(((c.flags & 0xf) << 12) | (c.time & 0x0fff));
      for (const f of c.families) w.u16(f.afi).u8(f.safi).u8(f.flags);
      return;
    case 'four-octet-as':
      w.u32(c.asn);
      return;
    case 'add-path':
      for (const f of c.families) w.u16(f.afi).u8(f.safi).u8(f.sendReceive);
      return;
    case 'long-lived-graceful-restart':
      for (const f of c.families) w.u16(f.afi).u8(f.safi).u8(f.flags).u24(f.staleTime);
      return;
    case 'fqdn':
      w.u8(c.hostname.length).bytes(c.hostname).u8(c.domain.length).bytes(c.domain);
      return;
    case 'software-version':
      w.u8(c.version.length).bytes(c.version);
      return;
    case 'unknown':
      w.bytes(c.value);
      return;
  }
}
