import { decodeOspfForCli } from '@routekit/ospf-lsa';
import { ripCliDecoder, ripngCliDecoder } from '@routekit/rip-codec';
import { decodeBgpForCli } from './bgp.js';
import type { DecodeProtocol, MessageDecoder } from './registry.js';

/** A decoder the CLI ships with, and which messages of its protocol it takes. */
export interface BuiltinDecoder {
  readonly decode: MessageDecoder;
  /**
   * Whether it takes these bytes; a message it does not take is listed as an undecoded
   * payload (OSPFv3 shares protocol 89 with OSPFv2 but has no codec yet).
   */
  readonly takes: (bytes: Uint8Array) => boolean;
}

const always = (): boolean => true;

/**
 * The built-in decoders: BGP (TCP 179) from `@routekit/bgp-codec` (`decodeBgpForCli`:
 * the session's negotiated context, else guessed), RIP (UDP 520) and RIPng (UDP 521)
 * from `@routekit/rip-codec`, OSPFv2 (IP protocol 89, version byte 2) from
 * `@routekit/ospf-lsa`. A decoder given to
 * `registerDecoder` takes precedence over these; `unregisterDecoder` brings them back.
 */
export const BUILTIN_DECODERS: Readonly<Partial<Record<DecodeProtocol, BuiltinDecoder>>> = {
  bgp: { decode: decodeBgpForCli, takes: always },
  rip: { decode: ripCliDecoder, takes: always },
  ripng: { decode: ripngCliDecoder, takes: always },
  // Version 3 is OSPFv3 (no codec yet): payload. Any other version byte is decoded, so
  // that a damaged OSPFv2 header is reported as the codec's bad-version error.
  ospf: { decode: decodeOspfForCli, takes: (b) => b[0] !== 3 },
};
