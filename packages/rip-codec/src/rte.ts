import {
  hasHostBits,
  type Ipv4Address,
  type Ipv4Prefix,
  ipv4,
  maskLength,
  prefix,
} from '@routekit/prefix';
import type { Reader, Writer } from '@routekit/wire';
import type { RipIssue } from './errors.js';
import { RIP_INFINITY, RipAfi } from './iana.js';

/**
 * A RIP route entry (RTE). RIPv2, RFC 2453 §4:
 *
 * ```
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Address Family Identifier (2) |        Route Tag (2)          |
 * +-------------------------------+-------------------------------+
 * |                         IP Address (4)                        |
 * +---------------------------------------------------------------+
 * |                         Subnet Mask (4)                       |
 * +---------------------------------------------------------------+
 * |                         Next Hop (4)                          |
 * +---------------------------------------------------------------+
 * |                         Metric (4)                            |
 * +---------------------------------------------------------------+
 * ```
 *
 * RIPv1 (RFC 1058 §3.1) has the same 20 bytes with Route Tag, Subnet Mask and Next Hop
 * "must be zero". Every 20-byte entry that is not the leading authentication entry is
 * decoded into this shape, whatever its address family, so a packet always re-encodes
 * byte for byte; entries a router must ignore are listed in the packet's `issues`.
 */
export interface RipEntry {
  /** Address family identifier: 2 (IPv4), 0 (whole-table request), anything else as seen. */
  readonly afi: number;
  /** Route tag (RIPv2); must be zero in RIPv1. */
  readonly tag: number;
  readonly address: Ipv4Address;
  /** Subnet mask (RIPv2); zero in RIPv1. */
  readonly mask: Ipv4Address;
  /** Next hop (RIPv2); 0.0.0.0 means "via the sender". Zero in RIPv1. */
  readonly nextHop: Ipv4Address;
  /** 1–16 in a valid response; the wire field is 32 bits wide. */
  readonly metric: number;
}

/** Read one 20-byte entry (the AFI included). */
export function readRipEntry(r: Reader): RipEntry {
  const afi = r.u16('rip.family');
  const tag = r.u16('rip.route_tag');
  const address = ipv4(r.u32('rip.ip'));
  const mask = ipv4(r.u32('rip.netmask'));
  const nextHop = ipv4(r.u32('rip.next_hop'));
  const metric = r.u32('rip.metric');
  return { afi, tag, address, mask, nextHop, metric };
}

/** Write one 20-byte entry. */
export function writeRipEntry(w: Writer, e: RipEntry): void {
  w.u16(e.afi).u16(e.tag).u32(e.address.value).u32(e.mask.value).u32(e.nextHop.value).u32(e.metric);
}

/** The natural (classful) prefix length of an IPv4 address (RFC 791 classes A–C), for RIPv1. */
export function classfulLength(address: Ipv4Address): number {
  const top = address.value >>> 24;
  if (top < 128) return 8;
  if (top < 192) return 16;
  return 24;
}

/**
 * The destination prefix of an entry. RIPv2: address and mask (`undefined` for a
 * non-contiguous mask or host bits). RIPv1 (no mask, RFC 1058 §3.2): the subnet of
 * `interfacePrefix` when the address is in the same network and has no bits beyond it,
 * else the classful network when no host bits are set beyond it, else a host route.
 */
export function ripEntryPrefix(
  entry: RipEntry,
  version: number,
  interfacePrefix?: Ipv4Prefix,
): Ipv4Prefix | undefined {
  if (version >= 2) {
    const len = maskLength(entry.mask);
    if (len === undefined || len > 32) return undefined;
    if (hasHostBits(entry.address, len)) return undefined;
    return prefix(entry.address, len) as Ipv4Prefix;
  }
  if (entry.address.value === 0) return prefix(entry.address, 0) as Ipv4Prefix;
  const natural = classfulLength(entry.address);
  if (!hasHostBits(entry.address, natural)) return prefix(entry.address, natural) as Ipv4Prefix;
  if (
    interfacePrefix !== undefined &&
    interfacePrefix.length >= natural &&
    prefix(entry.address, natural).address.value ===
      prefix(interfacePrefix.address, natural).address.value &&
    !hasHostBits(entry.address, interfacePrefix.length)
  ) {
    return prefix(entry.address, interfacePrefix.length) as Ipv4Prefix;
  }
  return prefix(entry.address, 32) as Ipv4Prefix;
}

/** Whether `address` may be a RIP destination (RFC 2453 §3.9.2: not 127/8, not class D/E). */
function usableDestination(address: Ipv4Address): boolean {
  const top = address.value >>> 24;
  return top !== 127 && top < 224;
}

/**
 * RFC 2453 §3.9.2 / RFC 1058 §3.4.2 checks of one response entry; problems are pushed
 * to `issues`. `offset` is the entry's absolute offset.
 */
export function checkRipResponseEntry(
  e: RipEntry,
  index: number,
  offset: number,
  version: number,
  issues: RipIssue[],
): void {
  const issue = (code: RipIssue['code'], at: number, detail: string): void => {
    issues.push({ code, entry: index, offset: offset + at, action: 'ignore-entry', detail });
  };
  if (e.afi !== RipAfi.Ipv4) {
    issue('unknown-afi', 0, `address family ${e.afi}`);
    return;
  }
  if (e.metric < 1 || e.metric > RIP_INFINITY) issue('bad-metric', 16, `metric ${e.metric}`);
  if (!usableDestination(e.address)) issue('bad-address', 4, 'loopback, multicast or class E');
  if (version < 2) {
    if (e.tag !== 0 || e.mask.value !== 0 || e.nextHop.value !== 0) {
      issue('nonzero-v1-field', 2, 'route tag, mask or next hop set in RIPv1');
    }
    return;
  }
  const len = maskLength(e.mask);
  if (len === undefined) issue('bad-mask', 8, 'mask ones not contiguous');
  else if (hasHostBits(e.address, len)) issue('host-bits', 4, `address has bits beyond /${len}`);
}
