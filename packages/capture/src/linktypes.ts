/**
 * Link-layer header types: the `LINKTYPE_*` registry shared by pcap and pcapng
 * (draft-ietf-opsawg-pcaplinktype; https://www.tcpdump.org/linktypes.html).
 *
 * `LinkType` holds the ones this package dissects; {@link linkTypeName} names many
 * more, so a capture of any other kind is reported by name.
 */
export const LinkType = {
  Null: 0,
  Ethernet: 1,
  Ppp: 9,
  PppHdlc: 50,
  Raw: 101,
  CiscoHdlc: 104,
  FrameRelay: 107,
  Loop: 108,
  LinuxSll: 113,
  JuniperEther: 178,
  Ipv4: 228,
  Ipv6: 229,
  LinuxSll2: 276,
} as const;

/** One of the link types in {@link LinkType}. */
export type KnownLinkType = (typeof LinkType)[keyof typeof LinkType];

/**
 * Registry names (without the `LINKTYPE_` prefix). Values 12 and 14 are the
 * OpenBSD/BSD/OS `DLT_RAW` numbers some old files carry; they mean raw IP.
 */
const NAMES: ReadonlyMap<number, string> = new Map([
  [0, 'NULL'],
  [1, 'ETHERNET'],
  [3, 'AX25'],
  [6, 'IEEE802_5'],
  [7, 'ARCNET_BSD'],
  [8, 'SLIP'],
  [9, 'PPP'],
  [10, 'FDDI'],
  [12, 'RAW'],
  [14, 'RAW'],
  [50, 'PPP_HDLC'],
  [51, 'PPP_ETHER'],
  [100, 'ATM_RFC1483'],
  [101, 'RAW'],
  [104, 'C_HDLC'],
  [105, 'IEEE802_11'],
  [107, 'FRELAY'],
  [108, 'LOOP'],
  [113, 'LINUX_SLL'],
  [114, 'LTALK'],
  [117, 'PFLOG'],
  [119, 'IEEE802_11_PRISM'],
  [122, 'IP_OVER_FC'],
  [123, 'SUNATM'],
  [127, 'IEEE802_11_RADIOTAP'],
  [129, 'ARCNET_LINUX'],
  [138, 'APPLE_IP_OVER_IEEE1394'],
  [139, 'MTP2_WITH_PHDR'],
  [140, 'MTP2'],
  [141, 'MTP3'],
  [142, 'SCCP'],
  [143, 'DOCSIS'],
  [144, 'LINUX_IRDA'],
  [163, 'IEEE802_11_AVS'],
  [165, 'BACNET_MS_TP'],
  [166, 'PPP_PPPD'],
  [169, 'GPRS_LLC'],
  [170, 'GPF_T'],
  [171, 'GPF_F'],
  [177, 'LINUX_LAPD'],
  [178, 'JUNIPER_ETHER'],
  [187, 'BLUETOOTH_HCI_H4'],
  [189, 'USB_LINUX'],
  [192, 'PPI'],
  [195, 'IEEE802_15_4_WITHFCS'],
  [196, 'SITA'],
  [197, 'ERF'],
  [201, 'BLUETOOTH_HCI_H4_WITH_PHDR'],
  [202, 'AX25_KISS'],
  [203, 'LAPD'],
  [204, 'PPP_WITH_DIR'],
  [205, 'C_HDLC_WITH_DIR'],
  [206, 'FRELAY_WITH_DIR'],
  [209, 'IPMB_LINUX'],
  [215, 'IEEE802_15_4_NONASK_PHY'],
  [220, 'USB_LINUX_MMAPPED'],
  [224, 'FC_2'],
  [225, 'FC_2_WITH_FRAME_DELIMS'],
  [226, 'IPNET'],
  [227, 'CAN_SOCKETCAN'],
  [228, 'IPV4'],
  [229, 'IPV6'],
  [230, 'IEEE802_15_4_NOFCS'],
  [231, 'DBUS'],
  [235, 'DVB_CI'],
  [236, 'MUX27010'],
  [237, 'STANAG_5066_D_PDU'],
  [239, 'NFLOG'],
  [240, 'NETANALYZER'],
  [241, 'NETANALYZER_TRANSPARENT'],
  [242, 'IPOIB'],
  [243, 'MPEG_2_TS'],
  [244, 'NG40'],
  [245, 'NFC_LLCP'],
  [247, 'INFINIBAND'],
  [248, 'SCTP'],
  [249, 'USBPCAP'],
  [250, 'RTAC_SERIAL'],
  [251, 'BLUETOOTH_LE_LL'],
  [253, 'NETLINK'],
  [254, 'BLUETOOTH_LINUX_MONITOR'],
  [255, 'BLUETOOTH_BREDR_BB'],
  [256, 'BLUETOOTH_LE_LL_WITH_PHDR'],
  [257, 'PROFIBUS_DL'],
  [258, 'PKTAP'],
  [259, 'EPON'],
  [260, 'IPMI_HPM_2'],
  [261, 'ZWAVE_R1_R2'],
  [262, 'ZWAVE_R3'],
  [263, 'WATTSTOPPER_DLM'],
  [264, 'ISO_14443'],
  [265, 'RDS'],
  [266, 'USB_DARWIN'],
  [268, 'SDLC'],
  [270, 'LORATAP'],
  [271, 'VSOCK'],
  [272, 'NORDIC_BLE'],
  [273, 'DOCSIS31_XRA31'],
  [274, 'ETHERNET_MPACKET'],
  [275, 'DISPLAYPORT_AUX'],
  [276, 'LINUX_SLL2'],
  [278, 'OPENVIZSLA'],
  [279, 'EBHSCR'],
  [280, 'VPP_DISPATCH'],
  [281, 'DSA_TAG_BRCM'],
  [282, 'DSA_TAG_BRCM_PREPEND'],
  [283, 'IEEE802_15_4_TAP'],
  [284, 'DSA_TAG_DSA'],
  [285, 'DSA_TAG_EDSA'],
  [286, 'ELEE'],
  [287, 'Z_WAVE_SERIAL'],
  [288, 'USB_2_0'],
  [289, 'ATSC_ALP'],
  [290, 'ETW'],
  [292, 'ZBOSS_NCP'],
  [293, 'USB_2_0_LOW_SPEED'],
  [294, 'USB_2_0_FULL_SPEED'],
  [295, 'USB_2_0_HIGH_SPEED'],
  [296, 'AUERSWALD_LOG'],
  [297, 'ZWAVE_TAP'],
  [298, 'SILABS_DEBUG_CHANNEL'],
  [299, 'FIRA_UCI'],
  [300, 'MDB'],
  [301, 'DECT_NR'],
]);

/**
 * The registry name of a link type, `LINKTYPE_ETHERNET`; `LINKTYPE_USER0`…`15` for
 * 147–162; `LINKTYPE_UNKNOWN_<n>` for numbers the table does not know.
 */
export function linkTypeName(linkType: number): string {
  const name = NAMES.get(linkType);
  if (name !== undefined) return `LINKTYPE_${name}`;
  if (linkType >= 147 && linkType <= 162) return `LINKTYPE_USER${linkType - 147}`;
  return `LINKTYPE_UNKNOWN_${linkType}`;
}

/** Whether {@link dissect} can take frames of this link type apart. */
export function isSupportedLinkType(linkType: number): boolean {
  return SUPPORTED.has(linkType);
}

const SUPPORTED: ReadonlySet<number> = new Set<number>([
  ...Object.values(LinkType),
  12,
  14,
  LinkType.Loop,
]);
