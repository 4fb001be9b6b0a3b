import type { Reader } from '@routekit/wire';
import { EtherType } from './ethertype.js';

/** PPP protocol numbers (RFC 1661 §2, IANA PPP DLL protocol numbers) this package follows. */
export const PppProtocol = {
  Ipv4: 0x0021,
  Ipv6: 0x0057,
  MplsUnicast: 0x0281,
  MplsMulticast: 0x0283,
} as const;

/**
 * PPP in HDLC-like framing (LINKTYPE_PPP, 9; LINKTYPE_PPP_HDLC, 50; RFC 1662 §3.1).
 * The address/control bytes FF 03 are optional (address-and-control-field
 * compression), and an odd first protocol byte is a compressed one-byte protocol
 * (RFC 1661 §6.5).
 *
 * ```text
 * +----------+----------+----------------+
 * | Address  | Control  |   Protocol     |
 * |   0xFF   |   0x03   | 8 or 16 bits   |
 * +----------+----------+----------------+
 * ```
 *
 * Returns the matching EtherType, or 0 for other PPP protocols (LCP, IPCP, …).
 */
export function readPpp(r: Reader): number {
  if (r.remaining >= 2 && r.peekU16() === 0xff03) r.skip(2, 'ppp.address_control');
  const first = r.peekU8();
  const protocol = (first & 1) === 1 ? r.u8('ppp.protocol') : r.u16('ppp.protocol');
  return pppToEtherType(protocol);
}

/** The EtherType of a PPP protocol number, 0 when it has none here. */
export function pppToEtherType(protocol: number): number {
  switch (protocol) {
    case PppProtocol.Ipv4:
      return EtherType.Ipv4;
    case PppProtocol.Ipv6:
      return EtherType.Ipv6;
    case PppProtocol.MplsUnicast:
      return EtherType.Mpls;
    case PppProtocol.MplsMulticast:
      return EtherType.MplsMulticast;
    default:
      return 0;
  }
}
