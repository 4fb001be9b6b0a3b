import type { Reader } from '@routekit/wire';

/**
 * Cisco HDLC (LINKTYPE_C_HDLC, 104; https://www.tcpdump.org/linktypes/LINKTYPE_C_HDLC.html).
 *
 * ```text
 * +---------------+---------------+-------------------------------+
 * |    Address    |    Control    |     Protocol (EtherType)      |
 * | 0x0F unicast, |      0x00     |  0x0800 IPv4, 0x86DD IPv6,    |
 * | 0x8F bcast    |               |  0x8847 MPLS, 0x8035 SLARP …  |
 * +---------------+---------------+-------------------------------+
 * ```
 */
export function readCiscoHdlc(r: Reader): number {
  r.skip(1, 'chdlc.address');
  r.skip(1, 'chdlc.control');
  return r.u16('chdlc.protocol');
}
