import { gunzipSync } from 'node:zlib';
import { analyze, readCapture } from '@routekit/capture';
import { findVectors, loadVector } from '@routekit/testkit';
import { fromHex, toHex } from '@routekit/wire';
import {
  type BgpContext,
  type BgpMessage,
  type Capability,
  DEFAULT_CONTEXT,
  decodeMessage,
  encodeMessage,
  negotiatedContext,
  openCapabilities,
} from '../src/index.js';

/** Every capture file of the shared BGP vectors. */
export function bgpCaptureFiles(): string[] {
  return findVectors(/^bgp\/.*\.(pcap|cap|pcapng)(\.gz)?$/);
}

/** One BGP message cut from a reassembled TCP stream. */
export interface CapturedMessage {
  readonly file: string;
  readonly frame: number;
  readonly bytes: Uint8Array;
  /** Negotiated context from the session's two OPENs, when the capture has them. */
  readonly context: BgpContext | undefined;
  readonly framed: boolean;
}

/** BGP messages of a capture, with the context negotiated by the OPENs seen before them. */
export function bgpMessages(file: string): CapturedMessage[] {
  const analysis = analyze(readCapture(loadVector(file), { inflate: (b) => gunzipSync(b) }));
  const opens = new Map<string, Capability[]>();
  const out: CapturedMessage[] = [];
  for (const m of analysis.messages) {
    if (m.protocol !== 'bgp') continue;
    const sender = `${m.source}`;
    const receiver = `${m.destination}`;
    const s = opens.get(sender);
    const r = opens.get(receiver);
    const context = s !== undefined && r !== undefined ? negotiatedContext(s, r) : undefined;
    out.push({ file, frame: m.frame, bytes: m.bytes, context, framed: m.framing === undefined });
    const d = decodeMessage(m.bytes, DEFAULT_CONTEXT);
    if (d.ok && d.value.kind === 'open') opens.set(sender, openCapabilities(d.value));
  }
  return out;
}

/** ExaBGP `FFFF…:LLLL:TT:BODY` raw message text → bytes. */
export function exabgpRaw(text: string): Uint8Array {
  return fromHex(text.replace(/:/g, ''));
}

const BOTH = { receive: true, send: true };
const ADD_PATH = { '1/1': BOTH, '2/1': BOTH, '1/2': BOTH, '2/2': BOTH };

/**
 * Sessions whose OPENs are not in the input: try 2-octet AS, 4-octet AS, then with
 * ADD-PATH; the first context that decodes without issues and re-encodes to the same
 * bytes is the session's (a message read with the wrong context has issues or differs).
 */
export const GUESSES: readonly BgpContext[] = [
  DEFAULT_CONTEXT,
  { ...DEFAULT_CONTEXT, fourOctetAs: true },
  { ...DEFAULT_CONTEXT, fourOctetAs: true, addPath: ADD_PATH },
  { ...DEFAULT_CONTEXT, addPath: ADD_PATH },
];

export function clean(m: BgpMessage): boolean {
  return m.kind !== 'update' || m.issues.length === 0;
}

export function decodeBest(bytes: Uint8Array, known: BgpContext | undefined) {
  const contexts = known === undefined ? GUESSES : [known];
  let first: ReturnType<typeof decodeMessage> | undefined;
  for (const context of contexts) {
    const d = decodeMessage(bytes, context);
    first ??= d;
    if (d.ok && clean(d.value) && toHex(encodeMessage(d.value, context)) === toHex(bytes)) {
      return { d, context };
    }
  }
  return { d: first!, context: contexts[0]! };
}
