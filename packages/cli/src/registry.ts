import type { BgpContext } from '@routekit/bgp-codec';
import type { RoutingProtocol } from '@routekit/capture';
import type { DecodeError } from '@routekit/wire';
import { BUILTIN_DECODERS } from './decoders.js';

/** The protocols `routekit decode` lists. */
export type DecodeProtocol = Exclude<RoutingProtocol, 'bfd'>;

/** Every {@link DecodeProtocol}. */
export const DECODE_PROTOCOLS: readonly DecodeProtocol[] = ['bgp', 'ospf', 'rip', 'ripng'];

/** What a decoder is told besides the bytes. */
export interface DecodeContext {
  /** Frame that completed the message; undefined for hex input. */
  readonly frame?: number;
  /** IP version of the packet that carried it (4 or 6), when known. */
  readonly ipVersion?: 4 | 6;
  /**
   * BGP: the session state negotiated by the two OPENs of the message's TCP stream seen
   * before it (4-octet AS, ADD-PATH per family, extended messages); absent for hex input
   * and for streams whose OPENs are not in the capture.
   */
  readonly bgp?: BgpContext;
}

/**
 * A codec's total decoder, in the shape `@routekit/wire`'s `decode()` returns: a value
 * (any plain data; bigint and Uint8Array fields are printed as strings and hex), or a
 * `DecodeError`. It must not throw; if it does, the message is printed as an
 * `internal-error` decode error instead of crashing the command.
 */
export type MessageDecoder = (
  bytes: Uint8Array,
  context: DecodeContext,
) =>
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: DecodeError };

const decoders = new Map<DecodeProtocol, MessageDecoder>();

/**
 * Register the decoder of a protocol (a later registration replaces an earlier one, and
 * a registration replaces the built-in decoder: see `BUILTIN_DECODERS`). BGP, RIP, RIPng
 * and OSPFv2 are built in; a protocol with neither is listed as undecoded payloads.
 */
export function registerDecoder(protocol: DecodeProtocol, decoder: MessageDecoder): void {
  decoders.set(protocol, decoder);
}

/** Remove a registered decoder; the built-in one, if any, applies again. */
export function unregisterDecoder(protocol: DecodeProtocol): void {
  decoders.delete(protocol);
}

/**
 * The decoder for a protocol: the registered one, else the built-in one. Given the
 * message `bytes`, a built-in decoder that does not take them (OSPFv3) is left out.
 */
export function decoderFor(
  protocol: DecodeProtocol,
  bytes?: Uint8Array,
): MessageDecoder | undefined {
  const registered = decoders.get(protocol);
  if (registered !== undefined) return registered;
  const builtin = BUILTIN_DECODERS[protocol];
  if (builtin === undefined || (bytes !== undefined && !builtin.takes(bytes))) return undefined;
  return builtin.decode;
}
