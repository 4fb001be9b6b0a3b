import type { Reader } from '@routekit/wire';

/**
 * Ethernet II / IEEE 802.3 header (LINKTYPE_ETHERNET, IEEE 802.3 §3.1.1). A type
 * field up to 1500 is an 802.3 length: an LLC header follows, and only SNAP
 * (AA AA 03, OUI, EtherType) carries a network protocol this package follows.
 *
 * ```text
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------------------------------------------------------------+
 * |                 Destination MAC (6 octets)                  |
 * +                               +-----------------------------+
 * |                               |                             |
 * +-------------------------------+                             +
 * |                   Source MAC (6 octets)                     |
 * +-------------------------------+-----------------------------+
 * |     EtherType or length       |
 * +-------------------------------+
 * ```
 *
 * Returns the EtherType, or 0 for 802.3 frames without SNAP (STP, CDP, …).
 */
export function readEthernet(r: Reader): number {
  r.skip(6, 'eth.dst');
  r.skip(6, 'eth.src');
  const type = r.u16('eth.type');
  if (type > 1500) return type;
  // 802.3 length + LLC: DSAP, SSAP, control; SNAP adds OUI (3) and EtherType (2).
  if (r.remaining >= 8 && r.peekU16() === 0xaaaa) {
    r.skip(3, 'llc');
    r.skip(3, 'llc.oui');
    return r.u16('llc.pid');
  }
  return 0;
}
