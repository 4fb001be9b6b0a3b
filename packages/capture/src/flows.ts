import { formatAddress } from './address.js';
import type { Dissection } from './dissect.js';
import { TcpFlag } from './tcp.js';

/** One end of a flow. */
export interface Endpoint {
  /** Dotted quad or RFC 5952 text. */
  readonly address: string;
  readonly port: number;
}

/**
 * A UDP or TCP conversation (what tshark calls a stream: `udp.stream`, `tcp.stream`),
 * with packet and byte counts per direction like `tshark -q -z conv,tcp`.
 */
export interface Flow {
  /** `tcp` or `udp`. */
  readonly transport: 'tcp' | 'udp';
  /** 0-based, numbered per transport in order of first appearance (like `tcp.stream`). */
  readonly id: number;
  /** The source of the flow's first packet. */
  readonly a: Endpoint;
  readonly b: Endpoint;
  framesAToB: number;
  framesBToA: number;
  /** Sums of the frames' original (on-the-wire) lengths, like tshark's conversation bytes. */
  bytesAToB: number;
  bytesBToA: number;
  readonly firstFrame: number;
  lastFrame: number;
  readonly start: bigint;
  end: bigint;
  /** TCP: whether a SYN was seen / a FIN or RST was seen (used to split reused ports). */
  synSeen: boolean;
  closed: boolean;
}

/** Which flow a packet belongs to and which way it goes (0: a → b, 1: b → a). */
export interface FlowRef {
  readonly flow: Flow;
  readonly direction: 0 | 1;
}

/** `tcp:0`, `udp:3`: a short, stable name for a flow in output. */
export function flowName(flow: Flow): string {
  return `${flow.transport}:${flow.id}`;
}

/** `192.0.2.1:179 → 192.0.2.2:50000` in the flow's a → b order (or reversed). */
export function flowLabel(flow: Flow, direction: 0 | 1 = 0): string {
  const ep = (e: Endpoint): string =>
    e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`;
  return direction === 0 ? `${ep(flow.a)} → ${ep(flow.b)}` : `${ep(flow.b)} → ${ep(flow.a)}`;
}

/**
 * Groups dissected packets into conversations by (transport, addresses, ports), in
 * either direction, using the innermost IP header. A TCP SYN without ACK on a
 * conversation that was closed (FIN or RST seen) starts a new conversation, as
 * Wireshark does when a port pair is reused.
 */
export class FlowTable {
  readonly #byKey = new Map<string, Flow>();
  readonly #flows: Flow[] = [];
  #tcp = 0;
  #udp = 0;

  /** Every flow, in order of first appearance. */
  get flows(): readonly Flow[] {
    return this.#flows;
  }

  /** Count a dissected packet; undefined when it has no complete UDP/TCP header. */
  add(d: Dissection): FlowRef | undefined {
    const t = d.transport;
    const ip = d.ip[d.ip.length - 1];
    if (t === undefined || ip === undefined) return undefined;
    const src: Endpoint = { address: formatAddress(ip.source), port: t.sourcePort };
    const dst: Endpoint = { address: formatAddress(ip.destination), port: t.destinationPort };
    const forward = `${src.address}|${src.port}|${dst.address}|${dst.port}`;
    const backward = `${dst.address}|${dst.port}|${src.address}|${src.port}`;
    const key = `${t.kind}|${forward < backward ? forward : backward}`;
    let flow = this.#byKey.get(key);
    const pureSyn = t.kind === 'tcp' && (t.flags & (TcpFlag.Syn | TcpFlag.Ack)) === TcpFlag.Syn;
    if (flow !== undefined && pureSyn && flow.closed) flow = undefined;
    const frame = d.frame;
    if (flow === undefined) {
      flow = {
        transport: t.kind,
        id: t.kind === 'tcp' ? this.#tcp++ : this.#udp++,
        a: src,
        b: dst,
        framesAToB: 0,
        framesBToA: 0,
        bytesAToB: 0,
        bytesBToA: 0,
        firstFrame: frame.number,
        lastFrame: frame.number,
        start: frame.timestamp,
        end: frame.timestamp,
        synSeen: false,
        closed: false,
      };
      this.#byKey.set(key, flow);
      this.#flows.push(flow);
    }
    const direction: 0 | 1 = flow.a.address === src.address && flow.a.port === src.port ? 0 : 1;
    if (direction === 0) {
      flow.framesAToB++;
      flow.bytesAToB += frame.originalLength;
    } else {
      flow.framesBToA++;
      flow.bytesBToA += frame.originalLength;
    }
    flow.lastFrame = frame.number;
    flow.end = frame.timestamp;
    if (t.kind === 'tcp') {
      if ((t.flags & TcpFlag.Syn) !== 0) flow.synSeen = true;
      if ((t.flags & (TcpFlag.Fin | TcpFlag.Rst)) !== 0) flow.closed = true;
    }
    return { flow, direction };
  }
}
