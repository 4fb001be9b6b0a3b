import { fail, type Reader } from '@routekit/wire';

/**
 * A UDP header (RFC 768).
 *
 * ```text
 *  0      7 8     15 16    23 24    31
 * +--------+--------+--------+--------+
 * |     Source      |   Destination   |
 * |      Port       |      Port       |
 * +--------+--------+--------+--------+
 * |                 |                 |
 * |     Length      |    Checksum     |
 * +--------+--------+--------+--------+
 * |          data octets ...
 * +---------------- ...
 * ```
 */
export interface UdpDatagram {
  readonly kind: 'udp';
  readonly sourcePort: number;
  readonly destinationPort: number;
  /** The length field (header + data). */
  readonly length: number;
  readonly checksum: number;
  /** Data bounded by the length field (or by what was captured: `truncated`). */
  readonly payload: Uint8Array;
  readonly truncated: boolean;
}

export const UDP_HEADER_LENGTH = 8;

/** Read a UDP header and payload; `r` holds the IP payload. */
export function readUdp(r: Reader): UdpDatagram {
  const start = r.offset;
  const sourcePort = r.u16('udp.srcport');
  const destinationPort = r.u16('udp.dstport');
  const length = r.u16('udp.length');
  const checksum = r.u16('udp.checksum');
  // Length 0 is legal for IPv6 jumbograms (RFC 2675 §4); take the IP payload then.
  if (length !== 0 && length < UDP_HEADER_LENGTH) {
    fail('length-out-of-range', start + 4, { length: 2, detail: `UDP length ${length}` });
  }
  const claimed = length === 0 ? r.remaining : length - UDP_HEADER_LENGTH;
  const truncated = claimed > r.remaining;
  const payload = r.bytes(truncated ? r.remaining : claimed, 'udp.payload');
  return { kind: 'udp', sourcePort, destinationPort, length, checksum, payload, truncated };
}
