// Just enough packet parsing to find checksummed fields in the third-party captures.
// IPv4 comes from testkit's ipv4Of; IPv6 (for OSPFv3 and RIPng) is read here with
// wire's own Reader, which doubles as a test of it on real, sometimes truncated, bytes.
import type { TestFrame } from '@routekit/testkit';
import { decode, type Reader } from '../../src/index.js';

/** Frame Relay with Cisco encapsulation: 2-byte DLCI header, then an EtherType. */
const LINKTYPE_FRELAY = 107;
const LINKTYPE_C_HDLC = 104;
const LINKTYPE_ETHERNET = 1;

export interface Ipv6Packet {
  readonly src: Uint8Array;
  readonly dst: Uint8Array;
  /** Upper-layer protocol after any Hop-by-Hop, Routing, Destination or AH headers. */
  readonly protocol: number;
  /** The upper-layer payload, cut to the IPv6 payload length. */
  readonly payload: Uint8Array;
}

const EXTENSION_HEADERS = new Set([0, 43, 60]);
const AH = 51;

function readIpv6(r: Reader): Ipv6Packet | undefined {
  if (r.peekU8() >> 4 !== 6) return undefined;
  r.skip(4); // version, traffic class, flow label
  const payloadLength = r.u16();
  let protocol = r.u8();
  r.skip(1); // hop limit
  const src = r.bytes(16);
  const dst = r.bytes(16);
  const body = r.sub(Math.min(payloadLength, r.remaining));
  while (EXTENSION_HEADERS.has(protocol) || protocol === AH) {
    const next = body.u8();
    const len = body.u8();
    body.skip((protocol === AH ? (len + 2) * 4 : (len + 1) * 8) - 2);
    protocol = next;
  }
  return { src, dst, protocol, payload: body.rest() };
}

/** The IPv6 packet in an Ethernet (802.1Q too), Cisco HDLC or Frame Relay frame. */
export function ipv6In(frame: TestFrame): Ipv6Packet | undefined {
  const result = decode(frame.data, (r) => {
    if (frame.linkType === LINKTYPE_ETHERNET) {
      r.skip(12);
      let type = r.u16();
      while (type === 0x8100 || type === 0x88a8) {
        r.skip(2);
        type = r.u16();
      }
      return type === 0x86dd ? readIpv6(r) : undefined;
    }
    if (frame.linkType === LINKTYPE_FRELAY || frame.linkType === LINKTYPE_C_HDLC) {
      r.skip(2);
      return r.u16() === 0x86dd ? readIpv6(r) : undefined;
    }
    return undefined;
  });
  return result.ok ? result.value : undefined;
}

/** One LSA inside an LS Update: its bytes (LS age included) and stored checksum. */
export interface CapturedLsa {
  readonly bytes: Uint8Array;
  readonly checksum: number;
}

/**
 * The LSAs of an OSPFv2 or OSPFv3 LS Update packet (the whole OSPF packet, cut to its
 * length field), or a decode error for a malformed one. The LSA header has the same
 * layout in both versions: LS age (2) … LS checksum at 16, length at 18.
 */
export function lsasOfUpdate(ospf: Uint8Array, version: 2 | 3) {
  return decode(ospf, (r) => {
    r.skip(version === 2 ? 24 : 16); // packet header
    const count = r.u32();
    const lsas: CapturedLsa[] = [];
    for (let i = 0; i < count; i++) {
      const header = r.peekBytes(20);
      const length = (header[18]! << 8) | header[19]!;
      const lsa = r.sub(length);
      const bytes = lsa.peekBytes(length);
      lsa.skip(16);
      lsas.push({ bytes, checksum: lsa.u16() });
    }
    return lsas;
  });
}
