import { formatAddress } from './address.js';
import { bgpFramer, findBgpMarker } from './bgp-framer.js';
import { type Dissection, Dissector, type DissectorOptions } from './dissect.js';
import { type Flow, FlowTable } from './flows.js';
import type { Capture } from './frame.js';
import { identifyProtocol, type RoutingProtocol } from './protocols.js';
import { cutMessages, TcpReassembler, type TcpStream } from './reassembly.js';

/** A routing-protocol message found in a capture. */
export interface RoutingMessage {
  readonly protocol: RoutingProtocol;
  /** Frame holding the message's first byte. */
  readonly firstFrame: number;
  /**
   * Frame holding its last byte: the frame that completed it (the one tshark decodes it
   * in). Equal to `firstFrame` unless the message spans segments or fragments.
   */
  readonly frame: number;
  /** UDP/TCP flow; absent for OSPF (straight over IP). */
  readonly flow?: Flow;
  /** 0: the flow's a → b, 1: b → a. */
  readonly direction?: 0 | 1;
  /** Source and destination addresses (innermost IP header). */
  readonly source: string;
  readonly destination: string;
  /** BGP: offset of the first byte in its direction's reassembled TCP stream. */
  readonly streamOffset?: number;
  /** The message bytes (views into the frame, reassembled datagram or TCP stream). */
  readonly bytes: Uint8Array;
  /**
   * Set when these bytes are no message: a BGP stream stretch that does not frame
   * (`invalid`), a cut-off tail (`incomplete`) or bytes missing from the capture (`gap`,
   * with empty `bytes`).
   */
  readonly framing?: {
    readonly kind: 'invalid' | 'incomplete' | 'gap';
    readonly detail: string;
    readonly length: number;
  };
}

/** A capture taken apart. */
export interface Analysis {
  readonly capture: Capture;
  readonly dissections: readonly Dissection[];
  /** UDP and TCP flows in order of first appearance. */
  readonly flows: readonly Flow[];
  /** Both directions of every TCP flow that carried data, reassembled. */
  readonly streams: readonly TcpStream[];
  /** Routing-protocol messages, in order of the frame that completes them. */
  readonly messages: readonly RoutingMessage[];
}

/** Options of {@link analyze}. */
export interface AnalyzeOptions extends DissectorOptions {
  /**
   * Accept BGP messages up to 65,535 bytes (RFC 8654). Default true: a capture shows
   * what was sent; whether a length above 4,096 was negotiated is the codec's call.
   */
  readonly bgpExtendedMessages?: boolean;
}

/**
 * Dissect every frame, group flows, reassemble TCP streams and find the routing
 * messages: OSPF from IP payloads, RIP/RIPng/BFD from UDP payloads, BGP cut from the
 * reassembled TCP byte streams with the 16-byte-marker framer (resynchronising on the
 * marker after gaps and mid-stream starts). Never throws.
 */
export function analyze(capture: Capture, options: AnalyzeOptions = {}): Analysis {
  const dissector = new Dissector(options);
  const table = new FlowTable();
  const tcp = new TcpReassembler();
  const dissections: Dissection[] = [];
  const found: { order: number; offset: number; message: RoutingMessage }[] = [];
  for (const frame of capture.frames) {
    const d = dissector.dissect(frame);
    dissections.push(d);
    const ref = table.add(d);
    if (ref !== undefined && d.transport?.kind === 'tcp') {
      tcp.add(ref.flow, ref.direction, d.transport, frame.number);
    }
    const protocol = identifyProtocol(d);
    if (protocol === undefined || protocol === 'bgp' || d.payload === undefined) continue;
    const ip = d.ip[d.ip.length - 1]!;
    const first = d.reassembledFrom?.[0] ?? frame.number;
    found.push({
      order: frame.number,
      offset: 0,
      message: {
        protocol,
        firstFrame: first,
        frame: frame.number,
        ...(ref !== undefined ? { flow: ref.flow, direction: ref.direction } : {}),
        source: formatAddress(ip.source),
        destination: formatAddress(ip.destination),
        bytes: d.payload,
      },
    });
  }
  const streams = tcp.finish();
  const framer = bgpFramer({ extendedMessages: options.bgpExtendedMessages ?? true });
  for (const stream of streams) {
    const { flow, direction } = stream;
    if (flow.a.port !== 179 && flow.b.port !== 179) continue;
    const from = direction === 0 ? flow.a : flow.b;
    const to = direction === 0 ? flow.b : flow.a;
    const base = {
      protocol: 'bgp' as const,
      flow,
      direction,
      source: from.address,
      destination: to.address,
    };
    const { messages, issues } = cutMessages(stream, framer, findBgpMarker);
    for (const m of messages) {
      found.push({
        order: m.lastFrame,
        offset: m.offset,
        message: {
          ...base,
          firstFrame: m.firstFrame,
          frame: m.lastFrame,
          streamOffset: m.offset,
          bytes: m.bytes,
        },
      });
    }
    for (const issue of issues) {
      const run = stream.runs.find(
        (r) => issue.offset >= r.start && issue.offset < r.start + r.data.length,
      );
      const bytes =
        run === undefined
          ? new Uint8Array(0)
          : run.data.subarray(issue.offset - run.start, issue.offset - run.start + issue.length);
      found.push({
        order: issue.frame,
        offset: issue.offset,
        message: {
          ...base,
          firstFrame: issue.frame,
          frame: issue.frame,
          streamOffset: issue.offset,
          bytes,
          framing: { kind: issue.kind, detail: issue.detail, length: issue.length },
        },
      });
    }
  }
  found.sort((x, y) => x.order - y.order || x.offset - y.offset);
  return {
    capture,
    dissections,
    flows: table.flows,
    streams,
    messages: found.map((f) => f.message),
  };
}
