import { gunzipSync } from 'node:zlib';

/**
 * A minimal capture-file frame iterator for tests of packages that cannot depend on
 * `@routekit/capture` (which has its own, complete and total, reader). It trusts its
 * input: a malformed file throws.
 */
export interface TestFrame {
  /** 1-based frame number, as tshark counts. */
  readonly number: number;
  /** pcap LINKTYPE_* of the frame's interface. */
  readonly linkType: number;
  readonly data: Uint8Array;
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** Frames of a classic pcap, pcapng or gzip-compressed capture, in file order. */
export function captureFrames(input: Uint8Array): TestFrame[] {
  let bytes = input;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = new Uint8Array(gunzipSync(bytes));
  const dv = view(bytes);
  const magic = dv.getUint32(0, false);
  const frames: TestFrame[] = [];
  if (magic === 0x0a0d0d0a) {
    let off = 0;
    let le = true;
    let links: number[] = [];
    while (off + 12 <= bytes.length) {
      let type = dv.getUint32(off, le);
      if (type === 0x0a0d0d0a) {
        le = dv.getUint32(off + 8, true) === 0x1a2b3c4d;
        type = dv.getUint32(off, le);
        links = [];
      }
      const len = dv.getUint32(off + 4, le);
      if (len < 12) throw new Error(`pcapng block at ${off} has length ${len}`);
      if (type === 1) links.push(dv.getUint16(off + 8, le));
      else if (type === 6 || type === 2) {
        // EPB / obsolete Packet Block: interface id (u32 / u16), caplen at +20
        const iface = type === 6 ? dv.getUint32(off + 8, le) : dv.getUint16(off + 8, le);
        const cap = dv.getUint32(off + 20, le);
        frames.push({
          number: frames.length + 1,
          linkType: links[iface] ?? -1,
          data: bytes.subarray(off + 28, off + 28 + cap),
        });
      } else if (type === 3) {
        const orig = dv.getUint32(off + 8, le);
        const cap = Math.min(orig, len - 16);
        frames.push({
          number: frames.length + 1,
          linkType: links[0] ?? -1,
          data: bytes.subarray(off + 12, off + 12 + cap),
        });
      }
      off += len;
    }
    return frames;
  }
  let le: boolean;
  if (magic === 0xa1b2c3d4 || magic === 0xa1b23c4d) le = false;
  else if (magic === 0xd4c3b2a1 || magic === 0x4d3cb2a1) le = true;
  else throw new Error(`not a pcap/pcapng file (magic 0x${magic.toString(16)})`);
  const linkType = dv.getUint32(20, le) & 0x0fffffff;
  let off = 24;
  while (off + 16 <= bytes.length) {
    const cap = dv.getUint32(off + 8, le);
    frames.push({
      number: frames.length + 1,
      linkType,
      data: bytes.subarray(off + 16, off + 16 + cap),
    });
    off += 16 + cap;
  }
  return frames;
}

/** An IPv4 packet found in a test frame: header fields the tests need, and the payload. */
export interface TestIpv4 {
  readonly protocol: number;
  readonly src: string;
  readonly dst: string;
  /** The whole IPv4 header (options included). */
  readonly header: Uint8Array;
  /** The payload, cut to the IPv4 total length. */
  readonly payload: Uint8Array;
}

function dotted(b: Uint8Array, at: number): string {
  return `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;
}

/**
 * The IPv4 packet in a frame of link type Ethernet (with 802.1Q tags), Linux SLL,
 * raw IP, BSD NULL/loopback, Cisco HDLC or Frame Relay (Cisco encapsulation); undefined for anything else (IPv6, ARP,
 * other link types, fragments after the first).
 */
export function ipv4Of(frame: TestFrame): TestIpv4 | undefined {
  try {
    return ipv4OfUnchecked(frame);
  } catch (e) {
    if (e instanceof RangeError) return undefined; // truncated frame
    throw e;
  }
}

function ipv4OfUnchecked(frame: TestFrame): TestIpv4 | undefined {
  const d = frame.data;
  const dv = view(d);
  let off: number;
  let etherType: number | undefined;
  switch (frame.linkType) {
    case 1: {
      off = 12;
      etherType = dv.getUint16(off);
      off += 2;
      while (etherType === 0x8100 || etherType === 0x88a8) {
        etherType = dv.getUint16(off + 2);
        off += 4;
      }
      break;
    }
    case 113:
      etherType = dv.getUint16(14);
      off = 16;
      break;
    case 104: // Cisco HDLC
    case 107: // Frame Relay, Cisco encapsulation: 2-byte DLCI header, then an EtherType
      etherType = dv.getUint16(2);
      off = 4;
      break;
    case 0:
    case 108: {
      const family = dv.getUint32(0, true) === 2 || dv.getUint32(0, false) === 2;
      if (!family) return undefined;
      off = 4;
      etherType = 0x0800;
      break;
    }
    case 12:
    case 101:
    case 228:
      off = 0;
      etherType = 0x0800;
      break;
    default:
      return undefined;
  }
  if (etherType !== 0x0800 || off + 20 > d.length || d[off]! >> 4 !== 4) return undefined;
  const ihl = (d[off]! & 0x0f) * 4;
  const total = dv.getUint16(off + 2);
  const fragOffset = dv.getUint16(off + 6) & 0x1fff;
  if (fragOffset !== 0) return undefined;
  return {
    protocol: d[off + 9]!,
    src: dotted(d, off + 12),
    dst: dotted(d, off + 16),
    header: d.subarray(off, off + ihl),
    payload: d.subarray(off + ihl, Math.min(off + total, d.length)),
  };
}
