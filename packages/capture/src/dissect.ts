import { type DecodeError, fail, isDecodeFailure, Reader } from '@routekit/wire';
import type { CaptureError } from './errors.js';
import { type FragmentOptions, FragmentReassembler } from './fragments.js';
import type { Frame } from './frame.js';
import { type GreHeader, readGre } from './gre.js';
import { type Ipv4Header, readIpv4 } from './ipv4.js';
import { type Ipv6Header, readIpv6, walkExtensions } from './ipv6.js';
import { readEthernet } from './link/ethernet.js';
import { EtherType, type EtherTypeWalk, walkEtherTypes } from './link/ethertype.js';
import { type LinkLayer, readLinkLayer } from './link/index.js';
import { readTcp, type TcpSegment } from './tcp.js';
import { readUdp, type UdpDatagram } from './udp.js';

/** IP protocol numbers this package follows (IANA "Assigned Internet Protocol Numbers"). */
export const IpProtocol = {
  Icmp: 1,
  IpInIp: 4,
  Tcp: 6,
  Udp: 17,
  Ipv6: 41,
  Gre: 47,
  Esp: 50,
  Ah: 51,
  Icmpv6: 58,
  Ospf: 89,
} as const;

/** An IPv4 or IPv6 header. */
export type IpHeader = Ipv4Header | Ipv6Header;

/** A frame taken apart, as far as it could be. */
export interface Dissection {
  readonly frame: Frame;
  /** Absent only when the link type has no dissector or its header is damaged. */
  readonly link?: LinkLayer;
  /** IP headers, outermost first (several for IP-in-IP and GRE tunnels). */
  readonly ip: readonly IpHeader[];
  /** GRE headers met on the way, outermost first. */
  readonly gre: readonly GreHeader[];
  /**
   * Set when this frame completed a fragmented datagram: the fragments' frame numbers
   * (this one last). The transport and payload below are the reassembled datagram's.
   */
  readonly reassembledFrom?: readonly number[];
  /** Whether this frame is a fragment still waiting for others (no transport then). */
  readonly fragment: boolean;
  /** The innermost IP protocol (6 TCP, 17 UDP, 89 OSPF, …). */
  readonly protocol?: number;
  readonly transport?: UdpDatagram | TcpSegment;
  /**
   * Upper-layer data: the UDP or TCP payload, or the IP payload for other protocols
   * (OSPF). A view into the frame, or into the reassembled datagram.
   */
  readonly payload?: Uint8Array;
  /**
   * Why dissection stopped early. Offsets count from the start of the frame, except
   * inside a reassembled datagram, where they count from its payload's start.
   */
  readonly error?: CaptureError;
}

/** Options of {@link Dissector}. */
export interface DissectorOptions extends FragmentOptions {
  /** Reassemble IP fragments (default true, like tshark). */
  readonly reassemble?: boolean;
}

/** Most nested tunnels (IP-in-IP, GRE) followed before giving up with `limit-exceeded`. */
export const MAX_TUNNEL_DEPTH = 8;

interface Mutable {
  link?: LinkLayer;
  ip: IpHeader[];
  gre: GreHeader[];
  reassembledFrom?: readonly number[];
  fragment: boolean;
  protocol?: number;
  transport?: UdpDatagram | TcpSegment;
  payload?: Uint8Array;
}

/**
 * Takes frames apart: link layer → IPv4/IPv6 (extension headers, tunnels) →
 * UDP/TCP. Holds the IP fragment table, so frames must be given in file order; use one
 * Dissector per capture. Never throws for any frame.
 */
export class Dissector {
  readonly #fragments: FragmentReassembler | undefined;

  constructor(options: DissectorOptions = {}) {
    this.#fragments = options.reassemble === false ? undefined : new FragmentReassembler(options);
  }

  dissect(frame: Frame): Dissection {
    const out: Mutable = { ip: [], gre: [], fragment: false };
    let error: CaptureError | undefined;
    try {
      const r = new Reader(frame.data);
      out.link = readLinkLayer(frame.linkType, r);
      this.#network(out, frame, out.link.etherType, r.rest(), 0);
    } catch (e) {
      if (!isDecodeFailure(e)) throw e;
      error = e.error as DecodeError as CaptureError;
    }
    const d: Dissection = { frame, ...out };
    return error === undefined ? d : { ...d, error };
  }

  #network(out: Mutable, frame: Frame, etherType: number, bytes: Uint8Array, depth: number): void {
    const base = offsetIn(frame, bytes);
    if (depth > MAX_TUNNEL_DEPTH) {
      fail('limit-exceeded', base, { detail: `more than ${MAX_TUNNEL_DEPTH} nested tunnels` });
    }
    const r = new Reader(bytes, { baseOffset: base });
    if (etherType === EtherType.Ipv4) {
      const ip = readIpv4(r);
      out.ip.push(ip);
      let payload = ip.payload;
      if (ip.moreFragments || ip.fragmentOffset !== 0) {
        const done = this.#reassemble(
          out,
          frame,
          ip.truncated || ip.payload.length === 0,
          `4|${ip.source.join('.')}|${ip.destination.join('.')}|${ip.identification}|${ip.protocol}`,
          ip.fragmentOffset,
          ip.payload,
          ip.moreFragments,
          ip.protocol,
        );
        if (done === undefined) return;
        payload = done;
      }
      this.#upper(out, frame, ip.protocol, payload, depth);
    } else if (etherType === EtherType.Ipv6) {
      const ip = readIpv6(r);
      out.ip.push(ip);
      let protocol = ip.protocol;
      let payload = ip.payload;
      if (ip.fragment !== undefined) {
        const f = ip.fragment;
        const done = this.#reassemble(
          out,
          frame,
          ip.truncated || ip.payload.length === 0,
          `6|${ip.source.join('.')}|${ip.destination.join('.')}|${f.identification}`,
          f.offset,
          ip.payload,
          f.more,
          f.nextHeader,
        );
        if (done === undefined) return;
        if (done === ip.payload) {
          this.#upper(out, frame, f.nextHeader, done, depth);
          return;
        }
        // The fragmentable part may hold more extension headers (RFC 8200 §4.5).
        const inner = new Reader(done, { baseOffset: offsetIn(frame, done) });
        const walk = walkExtensions(inner, f.nextHeader);
        protocol = walk.protocol;
        payload = inner.rest();
      }
      this.#upper(out, frame, protocol, payload, depth);
    }
  }

  /**
   * Returns the reassembled payload, or undefined while fragments are missing. Like
   * Wireshark, a fragment that cannot be reassembled because its data was not all
   * captured is not added: a first fragment (offset 0) is then dissected as it is
   * (returned unchanged, `fragment` set), a later one is left as data.
   */
  #reassemble(
    out: Mutable,
    frame: Frame,
    incomplete: boolean,
    key: string,
    offset: number,
    data: Uint8Array,
    more: boolean,
    protocol: number,
  ): Uint8Array | undefined {
    if (this.#fragments === undefined || incomplete) {
      out.fragment = true;
      out.protocol = protocol;
      return offset === 0 ? data : undefined;
    }
    const done = this.#fragments.add(key, offset, data, more, frame.number, protocol);
    if (done === 'invalid') {
      out.fragment = true;
      out.protocol = protocol;
      return fail('limit-exceeded', offsetIn(frame, data), {
        length: data.length,
        detail: `fragment at ${offset} reaches past 65535 bytes or exceeds the fragment limit`,
      });
    }
    if (done === undefined) {
      out.fragment = true;
      out.protocol = protocol;
      return undefined;
    }
    out.reassembledFrom = done.frames;
    return done.payload;
  }

  #upper(out: Mutable, frame: Frame, protocol: number, payload: Uint8Array, depth: number): void {
    out.protocol = protocol;
    const base = offsetIn(frame, payload);
    switch (protocol) {
      case IpProtocol.IpInIp:
        this.#network(out, frame, EtherType.Ipv4, payload, depth + 1);
        return;
      case IpProtocol.Ipv6:
        this.#network(out, frame, EtherType.Ipv6, payload, depth + 1);
        return;
      case IpProtocol.Gre: {
        const r = new Reader(payload, { baseOffset: base });
        const gre = readGre(r);
        out.gre.push(gre);
        let type = gre.protocol;
        if (type === EtherType.TransparentEthernet) type = readEthernet(r);
        const walk: EtherTypeWalk = { etherType: type, vlans: [], mplsLabels: [] };
        walkEtherTypes(r, type, walk);
        out.payload = r.rest();
        if (walk.etherType === EtherType.Ipv4 || walk.etherType === EtherType.Ipv6) {
          this.#network(out, frame, walk.etherType, out.payload, depth + 1);
        }
        return;
      }
      case IpProtocol.Udp: {
        const udp = readUdp(new Reader(payload, { baseOffset: base }));
        out.transport = udp;
        out.payload = udp.payload;
        return;
      }
      case IpProtocol.Tcp: {
        const tcp = readTcp(new Reader(payload, { baseOffset: base }));
        out.transport = tcp;
        out.payload = tcp.payload;
        return;
      }
      default:
        out.payload = payload;
    }
  }
}

/** Offset of `bytes` within the frame, or 0 when it lives in another buffer. */
function offsetIn(frame: Frame, bytes: Uint8Array): number {
  const d = frame.data;
  if (bytes.buffer !== d.buffer) return 0;
  const at = bytes.byteOffset - d.byteOffset;
  return at >= 0 && at <= d.length ? at : 0;
}

/**
 * Dissect one frame on its own: no fragment reassembly (fragments come back with
 * `fragment: true`). For whole captures use a {@link Dissector}.
 */
export function dissect(frame: Frame): Dissection {
  return new Dissector({ reassemble: false }).dissect(frame);
}
