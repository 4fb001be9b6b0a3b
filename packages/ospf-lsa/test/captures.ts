import { captureFrames, findVectors, ipv4Of, loadVector } from '@routekit/testkit';

/** An OSPF packet found in a capture. */
export interface OspfFrame {
  readonly file: string;
  /** 1-based frame number (tshark's). */
  readonly frame: number;
  readonly src: string;
  readonly version: number;
  readonly payload: Uint8Array;
}

/**
 * The IP packet of a Frame Relay frame (LINKTYPE_FRELAY 107): a 2-byte Q.922 address,
 * then either RFC 2427 UI control 0x03 + NLPID 0xcc, or a Cisco-style EtherType.
 */
function frameRelayIp(data: Uint8Array): Uint8Array | undefined {
  if (data.length < 24) return undefined;
  if (data[2] === 0x03 && data[3] === 0xcc) return data.subarray(4);
  const et = (data[2]! << 8) | data[3]!;
  return et === 0x0800 || et === 0x86dd ? data.subarray(4) : undefined;
}

/** Ethernet (with VLAN tags) or Frame Relay frame → its IPv6 packet, if any. */
function ipv6Packet(linkType: number, d: Uint8Array): Uint8Array | undefined {
  let ip: Uint8Array | undefined;
  if (linkType === 107) ip = frameRelayIp(d);
  else if (linkType === 1 && d.length > 14) {
    let off = 12;
    while (((d[off]! << 8) | d[off + 1]!) === 0x8100) off += 4;
    if (((d[off]! << 8) | d[off + 1]!) === 0x86dd) ip = d.subarray(off + 2);
  }
  return ip !== undefined && ip.length >= 40 && ip[0]! >> 4 === 6 ? ip : undefined;
}

/** OSPF payload of an IPv6 packet (next header 89, possibly behind an AH header). */
function ospfOfIpv6(ip: Uint8Array): Uint8Array | undefined {
  let next = ip[6]!;
  let off = 40;
  if (next === 51 && ip.length >= off + 2) {
    next = ip[off]!;
    off += (ip[off + 1]! + 2) * 4;
  }
  return next === 89 && off < ip.length ? ip.subarray(off) : undefined;
}

function fromIp(
  ip: Uint8Array,
): { protocol: number; src: string; payload: Uint8Array } | undefined {
  if (ip.length < 20 || ip[0]! >> 4 !== 4) return undefined;
  const ihl = (ip[0]! & 0x0f) * 4;
  const total = (ip[2]! << 8) | ip[3]!;
  return {
    protocol: ip[9]!,
    src: `${ip[12]}.${ip[13]}.${ip[14]}.${ip[15]}`,
    payload: ip.subarray(ihl, Math.min(total, ip.length)),
  };
}

/** Every OSPF-carrying IPv4 packet (protocol 89) of a capture in `../shared/vectors`. */
export function ospfFrames(file: string): OspfFrame[] {
  return ospfFramesOf(loadVector(file), file);
}

/** Every OSPF packet of capture bytes (pcap / pcapng). */
export function ospfFramesOf(bytes: Uint8Array, file: string): OspfFrame[] {
  const out: OspfFrame[] = [];
  for (const f of captureFrames(bytes)) {
    let ip: { protocol: number; src: string; payload: Uint8Array } | undefined;
    if (f.linkType === 107) {
      const raw = frameRelayIp(f.data);
      ip = raw === undefined ? undefined : fromIp(raw);
    } else {
      const v4 = ipv4Of(f);
      ip = v4 === undefined ? undefined : v4;
    }
    if (ip === undefined) {
      const v6 = ipv6Packet(f.linkType, f.data);
      const payload = v6 === undefined ? undefined : ospfOfIpv6(v6);
      if (payload !== undefined && payload.length > 0)
        out.push({ file, frame: f.number, src: 'ipv6', version: payload[0]!, payload });
      continue;
    }
    if (ip === undefined || ip.protocol !== 89 || ip.payload.length < 1) continue;
    out.push({ file, frame: f.number, src: ip.src, version: ip.payload[0]!, payload: ip.payload });
  }
  return out;
}

/** The OSPF captures of the vector corpus (OSPFv2 and OSPFv3 alike). */
export function ospfCaptures(): string[] {
  return findVectors(/^ospf\/.*\.(pcap|pcapng|cap)$/);
}
