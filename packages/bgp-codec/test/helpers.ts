import { gunzipSync } from 'node:zlib';
import { analyze, readCapture } from '@routekit/capture';
import { findVectors, loadVector } from '@routekit/testkit';
import { fromHex, toHex } from '@routekit/wire';
import {
  type BgpContext,
  type BgpMessage,
  type Capability,
  CONTEXT_GUESSES,
  DEFAULT_CONTEXT,
  decodeGuessingContext,
  decodeMessage,
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

/** Contexts tried for sessions whose OPENs are not in the input (the library's guesses). */
export const GUESSES: readonly BgpContext[] = CONTEXT_GUESSES;

export function clean(m: BgpMessage): boolean {
  return m.kind !== 'update' || m.issues.length === 0;
}

/**
 * The session's context when known, else the library's first clean, byte-exact guess —
 * repeated prefixes allowed, as the vectors' own decoders (ExaBGP) read them.
 */
export function decodeBest(bytes: Uint8Array, known: BgpContext | undefined) {
  if (known !== undefined) return { d: decodeMessage(bytes, known), context: known };
  const { result, context } = decodeGuessingContext(bytes, { rejectRepeats: false });
  return { d: result, context };
}
