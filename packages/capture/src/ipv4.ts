import { fail, type Reader } from '@routekit/wire';

/**
 * An IPv4 header (RFC 791 §3.1).
 *
 * ```text
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |Type of Service|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options                    |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 */
export interface Ipv4Header {
  readonly kind: 'ipv4';
  readonly headerLength: number;
  readonly tos: number;
  readonly totalLength: number;
  readonly identification: number;
  readonly dontFragment: boolean;
  readonly moreFragments: boolean;
  /** Fragment offset in bytes (the field × 8). */
  readonly fragmentOffset: number;
  readonly ttl: number;
  readonly protocol: number;
  readonly checksum: number;
  /** 4 bytes, a view into the frame. */
  readonly source: Uint8Array;
  readonly destination: Uint8Array;
  /** Options (view), empty when IHL is 5. */
  readonly options: Uint8Array;
  /**
   * The payload as the total length bounds it (Ethernet padding removed); shorter when
   * the capture was cut by a snap length (`truncated`).
   */
  readonly payload: Uint8Array;
  /** Whether fewer bytes were captured than the total length says. */
  readonly truncated: boolean;
}

/** Read an IPv4 header and payload; `r` holds the rest of the frame. */
export function readIpv4(r: Reader): Ipv4Header {
  const start = r.offset;
  const vihl = r.u8('ip.version');
  if (vihl >> 4 !== 4) fail('bad-value', start, { length: 1, detail: `IP version ${vihl >> 4}` });
  const headerLength = (vihl & 0xf) * 4;
  if (headerLength < 20) {
    fail('length-out-of-range', start, { length: 1, detail: `IPv4 header length ${headerLength}` });
  }
  const tos = r.u8('ip.dsfield');
  const totalLength = r.u16('ip.len');
  const identification = r.u16('ip.id');
  const flagsOffset = r.u16('ip.flags');
  const ttl = r.u8('ip.ttl');
  const protocol = r.u8('ip.proto');
  const checksum = r.u16('ip.checksum');
  const source = r.bytes(4, 'ip.src');
  const destination = r.bytes(4, 'ip.dst');
  const options = r.bytes(headerLength - 20, 'ip.options');
  // Total length 0 happens with TCP segmentation offload: take what was captured.
  if (totalLength !== 0 && totalLength < headerLength) {
    fail('length-out-of-range', start + 2, {
      length: 2,
      detail: `total length ${totalLength} is below the header length ${headerLength}`,
    });
  }
  const claimed = totalLength === 0 ? r.remaining : totalLength - headerLength;
  const truncated = claimed > r.remaining;
  const payload = r.bytes(truncated ? r.remaining : claimed, 'ip.payload');
  return {
    kind: 'ipv4',
    headerLength,
    tos,
    totalLength,
    identification,
    dontFragment: (flagsOffset & 0x4000) !== 0,
    moreFragments: (flagsOffset & 0x2000) !== 0,
    fragmentOffset: (flagsOffset & 0x1fff) * 8,
    ttl,
    protocol,
    checksum,
    source,
    destination,
    options,
    payload,
    truncated,
  };
}
