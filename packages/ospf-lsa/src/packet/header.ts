import type { Reader, Writer } from '@routekit/wire';

/**
 * The OSPF packet header (RFC 2328 A.3.1).
 *
 * ```
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Version #   |     Type      |         Packet length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Router ID                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Area ID                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |             AuType            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Authentication                          |
 * |                       (8 octets, see auth.ts)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 */
export interface PacketHeader {
  readonly version: number;
  readonly type: number;
  /** Packet length from the header (authentication trailer excluded). */
  readonly length: number;
  readonly routerId: number;
  readonly areaId: number;
  readonly checksum: number;
  readonly authType: number;
}

export function readPacketHeader(r: Reader): PacketHeader {
  return {
    version: r.u8('ospf.version'),
    type: r.u8('ospf.type'),
    length: r.u16('ospf.length'),
    routerId: r.u32('ospf.router_id'),
    areaId: r.u32('ospf.area_id'),
    checksum: r.u16('ospf.checksum'),
    authType: r.u16('ospf.auth_type'),
  };
}

export function writePacketHeader(w: Writer, h: PacketHeader): void {
  w.u8(h.version).u8(h.type).u16(h.length).u32(h.routerId).u32(h.areaId);
  w.u16(h.checksum).u16(h.authType);
}
