import { fail, type Reader } from '@routekit/wire';

/** IPv6 extension headers this package walks (RFC 8200 §4, RFC 4302, IANA). */
export const Ipv6Extension = {
  HopByHop: 0,
  Routing: 43,
  Fragment: 44,
  Esp: 50,
  Ah: 51,
  NoNext: 59,
  DestinationOptions: 60,
  Mobility: 135,
  Hip: 139,
  Shim6: 140,
} as const;

/** Hard cap on the extension headers of one packet. */
export const MAX_EXTENSION_HEADERS = 16;

/** One extension header met on the way to the upper-layer protocol. */
export interface Ipv6ExtensionHeader {
  readonly type: number;
  /** Offset of the header from the start of the data it was read from. */
  readonly offset: number;
  readonly length: number;
}

/**
 * An IPv6 Fragment header (RFC 8200 §4.5).
 *
 * ```text
 * +---------------+---------------+-------------------------+-+-+-+
 * |  Next Header  |   Reserved    |      Fragment Offset    |Res|M|
 * +---------------+---------------+-------------------------+-+-+-+
 * |                         Identification                        |
 * +---------------------------------------------------------------+
 * ```
 */
export interface Ipv6Fragment {
  readonly nextHeader: number;
  /** Offset in bytes of this fragment's data. */
  readonly offset: number;
  readonly more: boolean;
  readonly identification: number;
}

/**
 * An IPv6 header (RFC 8200 §3) and its extension headers.
 *
 * ```text
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |           Flow Label                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                         Source Address                        +
 * |                          (16 octets)                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                      Destination Address                      +
 * |                          (16 octets)                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 */
export interface Ipv6Header {
  readonly kind: 'ipv6';
  readonly trafficClass: number;
  readonly flowLabel: number;
  readonly payloadLength: number;
  /** The Next Header field of the fixed header. */
  readonly nextHeader: number;
  readonly hopLimit: number;
  /** 16 bytes, a view into the frame. */
  readonly source: Uint8Array;
  readonly destination: Uint8Array;
  readonly extensions: readonly Ipv6ExtensionHeader[];
  /** The upper-layer protocol after the extension headers (59 = no next header). */
  readonly protocol: number;
  /** Present when a Fragment header was met: `payload` is then the fragment's data. */
  readonly fragment?: Ipv6Fragment;
  /** The upper-layer payload (or the fragment's data), bounded by the payload length. */
  readonly payload: Uint8Array;
  /** Whether fewer bytes were captured than the payload length says. */
  readonly truncated: boolean;
}

/** The result of walking extension headers. */
export interface ExtensionWalk {
  readonly protocol: number;
  readonly extensions: Ipv6ExtensionHeader[];
  readonly fragment?: Ipv6Fragment;
}

/**
 * Walk extension headers from `nextHeader` until an upper-layer protocol, ESP or a
 * Fragment header (whose data must be reassembled before walking on). `r` is bounded
 * by the packet's payload.
 *
 * ```text
 * Generic extension header (RFC 8200 §4.2; AH, RFC 4302 §2, counts 4-byte words − 2):
 * +---------------+---------------+-------------------------------+
 * |  Next Header  |  Hdr Ext Len  |  … (8 × (Hdr Ext Len + 1))    |
 * +---------------+---------------+-------------------------------+
 * ```
 */
export function walkExtensions(r: Reader, nextHeader: number): ExtensionWalk {
  const extensions: Ipv6ExtensionHeader[] = [];
  let type = nextHeader;
  for (;;) {
    switch (type) {
      case Ipv6Extension.HopByHop:
      case Ipv6Extension.Routing:
      case Ipv6Extension.DestinationOptions:
      case Ipv6Extension.Mobility:
      case Ipv6Extension.Hip:
      case Ipv6Extension.Shim6:
      case Ipv6Extension.Ah: {
        if (extensions.length >= MAX_EXTENSION_HEADERS) {
          fail('limit-exceeded', r.offset, {
            detail: `more than ${MAX_EXTENSION_HEADERS} extension headers`,
          });
        }
        const at = r.offset;
        const next = r.u8('ipv6.nxt');
        const len = r.u8('ipv6.opt.length');
        const length = type === Ipv6Extension.Ah ? (len + 2) * 4 : (len + 1) * 8;
        r.skip(length - 2, 'ipv6.opt');
        extensions.push({ type, offset: at, length });
        type = next;
        continue;
      }
      case Ipv6Extension.Fragment: {
        const at = r.offset;
        const next = r.u8('ipv6.fragment.nxt');
        r.skip(1, 'ipv6.fragment.reserved');
        const offsetFlags = r.u16('ipv6.fragment.offset');
        const identification = r.u32('ipv6.fragment.id');
        extensions.push({ type, offset: at, length: 8 });
        return {
          protocol: next,
          extensions,
          fragment: {
            nextHeader: next,
            offset: offsetFlags & 0xfff8,
            more: (offsetFlags & 1) === 1,
            identification,
          },
        };
      }
      default:
        return { protocol: type, extensions };
    }
  }
}

/** Read an IPv6 header, its extension headers and payload; `r` holds the rest of the frame. */
export function readIpv6(r: Reader): Ipv6Header {
  const start = r.offset;
  const first = r.u32('ipv6.flow');
  if (first >>> 28 !== 6)
    fail('bad-value', start, { length: 1, detail: `IP version ${first >>> 28}` });
  const payloadLength = r.u16('ipv6.plen');
  const nextHeader = r.u8('ipv6.nxt');
  const hopLimit = r.u8('ipv6.hlim');
  const source = r.bytes(16, 'ipv6.src');
  const destination = r.bytes(16, 'ipv6.dst');
  // Payload length 0 with a Hop-by-Hop header is a jumbogram (RFC 2675): take all.
  const claimed = payloadLength === 0 ? r.remaining : payloadLength;
  const truncated = claimed > r.remaining;
  const body = r.sub(truncated ? r.remaining : claimed, 'ipv6.payload');
  const walk = walkExtensions(body, nextHeader);
  const payload = body.rest();
  return {
    kind: 'ipv6',
    trafficClass: (first >>> 20) & 0xff,
    flowLabel: first & 0xfffff,
    payloadLength,
    nextHeader,
    hopLimit,
    source,
    destination,
    extensions: walk.extensions,
    protocol: walk.protocol,
    ...(walk.fragment !== undefined ? { fragment: walk.fragment } : {}),
    payload,
    truncated,
  };
}
