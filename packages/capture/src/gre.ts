import { fail, type Reader } from '@routekit/wire';

/**
 * A GRE header (RFC 2784 §2.1 with the RFC 2890 key and sequence number; the routing
 * present bit of RFC 1701 is refused).
 *
 * ```text
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |C|R|K|S| Reserved0       | Ver |         Protocol Type         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Checksum (optional)      |       Reserved1 (Optional)    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Key (optional)                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Sequence Number (Optional)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 */
export interface GreHeader {
  readonly kind: 'gre';
  readonly version: number;
  /** EtherType of the payload (0x0800, 0x86DD, 0x6558 Ethernet, 0x8847 MPLS, …). */
  readonly protocol: number;
  readonly key?: number;
  readonly sequence?: number;
  readonly headerLength: number;
}

/** Read a GRE header; `r` then points at the payload. */
export function readGre(r: Reader): GreHeader {
  const start = r.offset;
  const flags = r.u16('gre.flags_and_version');
  const protocol = r.u16('gre.proto');
  const version = flags & 7;
  if ((flags & 0x4000) !== 0) {
    fail('bad-value', start, {
      length: 2,
      detail: 'GRE routing (RFC 1701 source route) is not supported',
    });
  }
  if ((flags & 0x8000) !== 0) r.skip(4, 'gre.checksum');
  const key = (flags & 0x2000) !== 0 ? r.u32('gre.key') : undefined;
  const sequence = (flags & 0x1000) !== 0 ? r.u32('gre.sequence_number') : undefined;
  // Enhanced GRE (version 1, PPTP) has an acknowledgment number when the A bit is set.
  if (version === 1 && (flags & 0x0080) !== 0) r.skip(4, 'gre.ack_number');
  return {
    kind: 'gre',
    version,
    protocol,
    ...(key !== undefined ? { key } : {}),
    ...(sequence !== undefined ? { sequence } : {}),
    headerLength: r.offset - start,
  };
}
