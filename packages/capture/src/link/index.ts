import { fail, type Reader } from '@routekit/wire';
import { LinkType, linkTypeName } from '../linktypes.js';
import { readCiscoHdlc } from './chdlc.js';
import { readEthernet } from './ethernet.js';
import { EtherType, type EtherTypeWalk, walkEtherTypes } from './ethertype.js';
import { readFrameRelay } from './frame-relay.js';
import { readJuniperEther } from './juniper.js';
import { readNull } from './null.js';
import { readPpp } from './ppp.js';
import { readSll, readSll2 } from './sll.js';

/** The link-layer part of a frame. */
export interface LinkLayer {
  readonly linkType: number;
  /** `LINKTYPE_ETHERNET`, … */
  readonly name: string;
  /**
   * EtherType of the network-layer header (0x0800 IPv4, 0x86DD IPv6, …); 0 when the
   * link layer carries something without one (LCP, STP, an unknown address family).
   */
  readonly etherType: number;
  /** VLAN ids of the 802.1Q/802.1ad tags, outermost first. */
  readonly vlans: readonly number[];
  /** MPLS labels, top of stack first. */
  readonly mplsLabels: readonly number[];
  /** Offset in the frame of the network-layer header. */
  readonly headerLength: number;
}

/**
 * Read the link-layer headers of a frame of `linkType`. Fails with
 * `unsupported-link-type` (naming it) for link types this package has no dissector
 * for.
 */
export function readLinkLayer(linkType: number, r: Reader): LinkLayer {
  let etherType: number;
  const start = r.offset;
  switch (linkType) {
    case LinkType.Ethernet:
      etherType = readEthernet(r);
      break;
    case LinkType.Null:
      etherType = readNull(r, false);
      break;
    case LinkType.Loop:
      etherType = readNull(r, true);
      break;
    case LinkType.Raw:
    case 12:
    case 14: {
      const nibble = r.peekU8() >> 4;
      etherType = nibble === 4 ? EtherType.Ipv4 : nibble === 6 ? EtherType.Ipv6 : 0;
      break;
    }
    case LinkType.Ipv4:
      etherType = EtherType.Ipv4;
      break;
    case LinkType.Ipv6:
      etherType = EtherType.Ipv6;
      break;
    case LinkType.LinuxSll:
      etherType = readSll(r);
      break;
    case LinkType.LinuxSll2:
      etherType = readSll2(r);
      break;
    case LinkType.CiscoHdlc:
      etherType = readCiscoHdlc(r);
      break;
    case LinkType.Ppp:
    case LinkType.PppHdlc:
      etherType = readPpp(r);
      break;
    case LinkType.FrameRelay:
      etherType = readFrameRelay(r);
      break;
    case LinkType.JuniperEther:
      etherType = readJuniperEther(r);
      break;
    default:
      return fail('unsupported-link-type', start, {
        detail: `${linkTypeName(linkType)} (${linkType}) has no dissector`,
      });
  }
  const walk: EtherTypeWalk = { etherType, vlans: [], mplsLabels: [] };
  walkEtherTypes(r, etherType, walk);
  return {
    linkType,
    name: linkTypeName(linkType),
    etherType: walk.etherType,
    vlans: walk.vlans,
    mplsLabels: walk.mplsLabels,
    headerLength: r.offset - start,
  };
}
