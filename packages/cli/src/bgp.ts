import {
  type BgpContext,
  type BgpMessage,
  type Capability,
  DEFAULT_CONTEXT,
  decodeGuessingContext,
  decodeMessage,
  formatCommunity,
  formatExtendedCommunity,
  negotiatedContext,
  openCapabilities,
  type PathAttribute,
  shutdownCommunication,
} from '@routekit/bgp-codec';
import { addressFromBytes, formatAddress, formatPrefix, ipv4, type Prefix } from '@routekit/prefix';
import { type DecodeError, toHex } from '@routekit/wire';
import type { DecodeContext } from './registry.js';

/*
 * BGP in `routekit decode`: the negotiated session state of each TCP stream (from the two
 * OPENs seen so far), the context guesses for messages without it (hex input, captures
 * that start mid-session), and the stable JSON form of a decoded message.
 */

/**
 * The BGP sessions of a capture: the capabilities each side of each TCP stream sent in
 * its latest OPEN. `contextFor` gives the negotiated context of a direction once both
 * OPENs are seen.
 */
export class BgpSessions {
  readonly #opens = new Map<string, [Capability[] | undefined, Capability[] | undefined]>();
  /** Per stream, the negotiated context of each direction (made when an OPEN arrives). */
  readonly #contexts = new Map<string, [BgpContext | undefined, BgpContext | undefined]>();

  /** The context of messages in `direction` of `stream`, when both OPENs are known. */
  contextFor(stream: string, direction: 0 | 1): BgpContext | undefined {
    return this.#contexts.get(stream)?.[direction];
  }

  /** Note a message sent in `direction` of `stream`; an OPEN records its capabilities. */
  observe(stream: string, direction: 0 | 1, bytes: Uint8Array): void {
    if (bytes[18] !== 1) return;
    const d = decodeMessage(bytes, DEFAULT_CONTEXT);
    if (!d.ok || d.value.kind !== 'open') return;
    const o = this.#opens.get(stream) ?? [undefined, undefined];
    o[direction] = openCapabilities(d.value);
    this.#opens.set(stream, o);
    const [a, b] = o;
    this.#contexts.set(
      stream,
      a === undefined || b === undefined
        ? [undefined, undefined]
        : [negotiatedContext(a, b), negotiatedContext(b, a)],
    );
  }
}

/** Decode one message with its session's context, or the first good guess. */
export function decodeBgp(
  bytes: Uint8Array,
  known: BgpContext | undefined,
): { result: ReturnType<typeof decodeMessage>; context: BgpContext; guessed: boolean } {
  if (known !== undefined) {
    return { result: decodeMessage(bytes, known), context: known, guessed: false };
  }
  return { ...decodeGuessingContext(bytes), guessed: true };
}

/**
 * The built-in BGP decoder of `routekit decode`: the message in the session's context
 * (`context.bgp`, from the stream's OPENs) or, without one, the first good guess of
 * `CONTEXT_GUESSES` (`decodeGuessingContext`); the value is {@link bgpMessageJson} of it.
 */
export function decodeBgpForCli(
  bytes: Uint8Array,
  context: DecodeContext,
):
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: DecodeError } {
  const { result } = decodeBgp(bytes, context.bgp);
  if (!result.ok) return { ok: false, error: result.error };
  return { ok: true, value: bgpMessageJson(result.value) };
}

// ------------------------------------------------------------------ JSON
const ipv4Text = (v: number): string => formatAddress(ipv4(v));

/** A prefix of the model (`@routekit/prefix`), told apart structurally while walking. */
function isPrefix(v: object): v is Prefix {
  const p = v as Partial<Prefix>;
  return (
    (p.family === 4 || p.family === 6) &&
    typeof p.length === 'number' &&
    typeof p.address === 'object' &&
    p.address !== null
  );
}

/** MP next hop bytes: IPv4, IPv6, IPv6 global + link-local (RFC 2545), else hex. */
function nextHopText(b: Uint8Array): string | string[] {
  if (b.length === 4 || b.length === 16) return formatAddress(addressFromBytes(b));
  if (b.length === 32) {
    return [
      formatAddress(addressFromBytes(b.subarray(0, 16))),
      formatAddress(addressFromBytes(b.subarray(16))),
    ];
  }
  return toHex(b);
}

/**
 * Generic part: `Uint8Array` → hex, bigint → decimal text, a prefix → its text, a route
 * that is only `{ prefix }` → the prefix text (with `pathId`, labels or RD it stays an
 * object with `prefix` as text), an address object → its text.
 */
function plain(v: unknown, depth = 0): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return toHex(v);
  if (v === null || typeof v !== 'object' || depth > 32) return v;
  if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1));
  if (isPrefix(v)) return formatPrefix(v);
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0] === 'prefix' && typeof o['prefix'] === 'object') {
    return plain(o['prefix'], depth + 1);
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const x = o[k];
    if (x !== undefined && typeof x !== 'function') out[k] = plain(x, depth + 1);
  }
  return out;
}

const ORIGIN = ['igp', 'egp', 'incomplete'];
const SEGMENT: Readonly<Record<number, string>> = {
  1: 'set',
  2: 'sequence',
  3: 'confed-sequence',
  4: 'confed-set',
};

function attributeJson(a: PathAttribute): unknown {
  switch (a.kind) {
    case 'origin':
      return { ...a, origin: ORIGIN[a.origin] ?? a.origin };
    case 'as-path':
    case 'as4-path':
      return {
        ...a,
        segments: a.segments.map((s) => ({ type: SEGMENT[s.type] ?? s.type, asns: s.asns })),
      };
    case 'next-hop':
      return { ...a, nextHop: ipv4Text(a.nextHop) };
    case 'originator-id':
      return { ...a, value: ipv4Text(a.value) };
    case 'aggregator':
    case 'as4-aggregator':
      return { ...a, address: ipv4Text(a.address) };
    case 'communities':
      return { ...a, communities: a.communities.map(formatCommunity) };
    case 'cluster-list':
      return { ...a, clusterIds: a.clusterIds.map(ipv4Text) };
    case 'extended-communities':
      return { ...a, communities: a.communities.map(formatExtendedCommunity) };
    case 'large-communities':
      return {
        ...a,
        communities: a.communities.map((c) => `${c.global}:${c.local1}:${c.local2}`),
      };
    case 'mp-reach':
      return plain({ ...a, nextHop: nextHopText(a.nextHop) });
    default:
      return plain(a);
  }
}

/**
 * Stable JSON of a BGP message: raw bytes as hex, prefixes and addresses as text
 * (`"192.0.2.0/24"`; a route with an ADD-PATH id or labels is `{ prefix, pathId, … }`),
 * ORIGIN and AS_PATH segment types by name, communities formatted (`"65000:1"`,
 * `"NO_EXPORT"`, `"target:65000:1"`, `"65000:1:2"`), BGP identifiers, NEXT_HOP,
 * ORIGINATOR_ID and CLUSTER_LIST dotted. A NOTIFICATION with an RFC 9003 shutdown
 * communication carries it as `shutdownCommunication`.
 */
export function bgpMessageJson(m: BgpMessage): Record<string, unknown> {
  switch (m.kind) {
    case 'open':
      return plain({ ...m, bgpId: ipv4Text(m.bgpId) }) as Record<string, unknown>;
    case 'update': {
      const { unparsedAttributes, ...rest } = m;
      return {
        ...(plain({ ...rest, attributes: [] }) as Record<string, unknown>),
        attributes: m.attributes.map(attributeJson),
        ...(unparsedAttributes.length > 0 ? { unparsedAttributes: toHex(unparsedAttributes) } : {}),
      };
    }
    case 'notification': {
      const shutdown = shutdownCommunication(m);
      return plain({
        ...m,
        ...(shutdown !== undefined ? { shutdownCommunication: shutdown.text } : {}),
      }) as Record<string, unknown>;
    }
    default:
      return plain(m) as Record<string, unknown>;
  }
}
