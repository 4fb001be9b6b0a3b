import { fail, type Reader } from '@routekit/wire';

/** EtherType values this package follows (IEEE 802 numbers registry). */
export const EtherType = {
  Ipv4: 0x0800,
  Arp: 0x0806,
  Vlan: 0x8100,
  Ipv6: 0x86dd,
  Mpls: 0x8847,
  MplsMulticast: 0x8848,
  QinQ: 0x88a8,
  QinQOld: 0x9100,
  TransparentEthernet: 0x6558,
} as const;

/** Hard caps on stacked headers. */
export const MAX_VLAN_TAGS = 8;
export const MAX_MPLS_LABELS = 16;

/** What sits under the link headers: the EtherType and the tags on the way. */
export interface EtherTypeWalk {
  /** The EtherType of the network-layer header the reader now points at. */
  etherType: number;
  readonly vlans: number[];
  readonly mplsLabels: number[];
}

/**
 * Follow VLAN tags (IEEE 802.1Q / 802.1ad) and an MPLS label stack (RFC 3032) from
 * `etherType` until a network-layer protocol.
 *
 * ```text
 * 802.1Q tag (after the TPID 0x8100):      MPLS label stack entry (RFC 3032 §2.1):
 *  0                   1                    0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5          0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-----+-+-----------------------+        +---------------------------------------+-----+-+---------------+
 * | PCP |D|        VLAN ID        |        |                 Label                 | TC  |S|      TTL      |
 * +-----+-+-----------------------+        +---------------------------------------+-----+-+---------------+
 * |      next EtherType           |
 * +-------------------------------+
 * ```
 *
 * After the bottom of an MPLS stack the payload's first nibble says IPv4 (4) or IPv6
 * (6); anything else (a pseudowire control word, Ethernet over MPLS) stops the walk
 * with EtherType 0.
 */
export function walkEtherTypes(r: Reader, etherType: number, walk: EtherTypeWalk): void {
  let type = etherType;
  for (;;) {
    if (type === EtherType.Vlan || type === EtherType.QinQ || type === EtherType.QinQOld) {
      if (walk.vlans.length >= MAX_VLAN_TAGS) {
        fail('limit-exceeded', r.offset, { detail: `more than ${MAX_VLAN_TAGS} VLAN tags` });
      }
      walk.vlans.push(r.u16('vlan.tci') & 0x0fff);
      type = r.u16('vlan.etype');
      continue;
    }
    if (type === EtherType.Mpls || type === EtherType.MplsMulticast) {
      for (;;) {
        if (walk.mplsLabels.length >= MAX_MPLS_LABELS) {
          fail('limit-exceeded', r.offset, { detail: `more than ${MAX_MPLS_LABELS} MPLS labels` });
        }
        const entry = r.u32('mpls.label');
        walk.mplsLabels.push(entry >>> 12);
        if ((entry & 0x100) !== 0) break;
      }
      const nibble = r.remaining > 0 ? r.peekU8() >> 4 : 0;
      type = nibble === 4 ? EtherType.Ipv4 : nibble === 6 ? EtherType.Ipv6 : 0;
    }
    walk.etherType = type;
    return;
  }
}
