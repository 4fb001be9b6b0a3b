import { formatPrefix, type Prefix } from '@routekit/prefix';
import type { AddPathDirection, BgpContext } from './context.js';
import { DEFAULT_CONTEXT } from './context.js';
import { decodeMessage, encodeMessage } from './message/message.js';
import type { UpdateMessage } from './message/update.js';

/*
 * Decoding without the session's OPENs (a hex message, a capture that starts mid-session,
 * an ExaBGP vector): nothing in an UPDATE says whether ASNs are 2 or 4 octets or whether
 * path identifiers precede prefixes, so plausible contexts are tried in turn — the
 * Wireshark approach, made checkable: a reading must be clean and re-encode exactly.
 */

const BOTH: AddPathDirection = { receive: true, send: true };
const ADD_PATH = { '1/1': BOTH, '2/1': BOTH, '1/2': BOTH, '2/2': BOTH };
const BASE: BgpContext = { ...DEFAULT_CONTEXT, extendedMessage: true };

/**
 * Contexts tried, in order, for a message whose session OPENs are not known: 2-octet AS,
 * 4-octet AS, 4-octet AS with ADD-PATH (IPv4/IPv6 unicast and multicast), ADD-PATH with
 * 2-octet AS. All allow messages up to 65,535 bytes (what was sent is what is read).
 */
export const CONTEXT_GUESSES: readonly BgpContext[] = [
  BASE,
  { ...BASE, fourOctetAs: true },
  { ...BASE, fourOctetAs: true, addPath: ADD_PATH },
  { ...BASE, addPath: ADD_PATH },
];

/** Whether a route list names the same prefix twice without path ids to tell them apart. */
function hasRepeats(routes: readonly { readonly prefix: Prefix; readonly pathId?: number }[]) {
  const seen = new Set<string>();
  for (const r of routes) {
    if (r.pathId !== undefined) continue;
    const key = formatPrefix(r.prefix);
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/**
 * Whether an UPDATE repeats a prefix within a field: path ids read as prefixes give runs
 * of `0.0.0.0/0`, and a real speaker does not repeat a prefix without ADD-PATH.
 */
function repeats(m: UpdateMessage): boolean {
  if (hasRepeats(m.nlri) || hasRepeats(m.withdrawn)) return true;
  for (const a of m.attributes) {
    if (a.kind === 'mp-reach' && a.nlri.kind === 'prefixes' && hasRepeats(a.nlri.routes)) {
      return true;
    }
    if (a.kind === 'mp-unreach' && a.withdrawn.kind === 'prefixes') {
      if (hasRepeats(a.withdrawn.routes)) return true;
    }
  }
  return false;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Options of {@link decodeGuessingContext}. */
export interface GuessOptions {
  /** Contexts to try, in order (default {@link CONTEXT_GUESSES}). */
  readonly guesses?: readonly BgpContext[];
  /**
   * Reject a reading that repeats a prefix within a field (default true). Turn off to
   * reproduce a decoder that was told the session has no ADD-PATH (ExaBGP's test vectors
   * include such readings: four `0.0.0.0/0` routes that are path identifiers).
   */
  readonly rejectRepeats?: boolean;
}

/**
 * Decode one message without its session's context: the first guess whose reading has no
 * RFC 7606 issues, repeats no prefix (see {@link GuessOptions}) and re-encodes to the same
 * bytes, else the first guess's result. Non-UPDATE messages take the first guess that
 * decodes.
 */
export function decodeGuessingContext(
  bytes: Uint8Array,
  options: GuessOptions = {},
): { readonly result: ReturnType<typeof decodeMessage>; readonly context: BgpContext } {
  const guesses = options.guesses ?? CONTEXT_GUESSES;
  const rejectRepeats = options.rejectRepeats ?? true;
  let first: ReturnType<typeof decodeMessage> | undefined;
  for (const context of guesses) {
    const d = decodeMessage(bytes, context);
    first ??= d;
    if (!d.ok) continue;
    if (d.value.kind !== 'update') return { result: d, context };
    if (d.value.issues.length > 0 || (rejectRepeats && repeats(d.value))) continue;
    let again: Uint8Array | undefined;
    try {
      again = encodeMessage(d.value, context);
    } catch {
      again = undefined;
    }
    if (again !== undefined && sameBytes(again, bytes.subarray(0, d.bytesRead))) {
      return { result: d, context };
    }
  }
  return {
    result: first ?? decodeMessage(bytes, DEFAULT_CONTEXT),
    context: guesses[0] ?? DEFAULT_CONTEXT,
  };
}
