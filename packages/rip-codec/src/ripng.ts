import {
  hasHostBits,
  type Ipv6Address,
  type Ipv6Prefix,
  ipv6FromBytes,
  prefix,
  writeAddress,
} from '@routekit/prefix';
import {
  type Decoded,
  type DecodeOptions,
  decode,
  fail,
  type Reader,
  type WireErrorCode,
  Writer,
} from '@routekit/wire';
import type { RipErrorCode, RipIssue } from './errors.js';
import {
  RIP_HEADER_LENGTH,
  RIP_INFINITY,
  RIPNG_ENTRY_LENGTH,
  RIPNG_NEXT_HOP_METRIC,
  RipCommand,
} from './iana.js';

/**
 * A RIPng route table entry (RFC 2080 §2.1):
 *
 * ```
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * ~                        IPv6 prefix (16)                       ~
 * +---------------------------------------------------------------+
 * |         route tag (2)         | prefix len (1)|  metric (1)   |
 * +---------------------------------------------------------------+
 * ```
 *
 * A next-hop RTE (RFC 2080 §2.1.1) has metric 0xFF, the next hop in the prefix field and
 * tag and prefix length zero; it applies to the entries after it.
 */
export interface RipngEntry {
  readonly address: Ipv6Address;
  readonly tag: number;
  readonly prefixLength: number;
  readonly metric: number;
}

/**
 * A RIPng packet (RFC 2080 §2.1):
 *
 * ```
 * +---------------+---------------+-------------------------------+
 * |  command (1)  |  version (1)  |       must be zero (2)        |
 * +---------------+---------------+-------------------------------+
 * ~                Route Table Entry 1 (20) … N                   ~
 * +---------------------------------------------------------------+
 * ```
 */
export interface RipngPacket {
  readonly command: number;
  readonly version: number;
  readonly unused: number;
  readonly entries: readonly RipngEntry[];
  readonly issues: readonly RipIssue[];
}

/** A RIPng packet to encode: `issues` may be left out. */
export type RipngPacketInput = Omit<RipngPacket, 'issues'> & {
  readonly issues?: readonly RipIssue[];
};

/** Largest RIPng payload accepted: a UDP datagram over IPv6 without jumbograms. */
export const RIPNG_MAX_LENGTH: number = 65_527;

/** Whether an entry is a next-hop RTE. */
export function isRipngNextHop(e: RipngEntry): boolean {
  return e.metric === RIPNG_NEXT_HOP_METRIC;
}

function isMulticast(a: Ipv6Address): boolean {
  return a.words[0] >>> 24 === 0xff;
}

function isLinkLocal(a: Ipv6Address): boolean {
  return (a.words[0] & 0xffc0_0000) >>> 0 === 0xfe80_0000;
}

function readRipngEntry(r: Reader): RipngEntry {
  const address = ipv6FromBytes(r.bytes(16, 'ripng.rte.ipv6_prefix'));
  const tag = r.u16('ripng.rte.route_tag');
  const prefixLength = r.u8('ripng.rte.prefix_length');
  const metric = r.u8('ripng.rte.metric');
  return { address, tag, prefixLength, metric };
}

function check(e: RipngEntry, i: number, at: number, issues: RipIssue[]): void {
  const issue = (code: RipIssue['code'], off: number, detail: string): void => {
    issues.push({ code, entry: i, offset: at + off, action: 'ignore-entry', detail });
  };
  if (isRipngNextHop(e)) return;
  if (e.metric < 1 || e.metric > RIP_INFINITY) issue('bad-metric', 19, `metric ${e.metric}`);
  if (e.prefixLength > 128) {
    issue('bad-prefix-length', 18, `prefix length ${e.prefixLength}`);
    return;
  }
  if (hasHostBits(e.address, e.prefixLength)) {
    issue('host-bits', 0, `prefix has bits beyond /${e.prefixLength}`);
  }
  if (isMulticast(e.address) || (isLinkLocal(e.address) && e.prefixLength >= 10)) {
    issue('bad-address', 0, 'multicast or link-local prefix');
  }
}

function readRipng(r: Reader): RipngPacket {
  const command = r.u8('ripng.cmd');
  const versionAt = r.offset;
  const version = r.u8('ripng.version');
  if (version === 0) fail('bad-version', versionAt, { length: 1, detail: 'version 0' });
  const unused = r.u16('ripng.reserved');
  const rem = r.remaining;
  if (rem % RIPNG_ENTRY_LENGTH !== 0) {
    fail('bad-length', r.offset + rem - (rem % RIPNG_ENTRY_LENGTH), {
      length: rem % RIPNG_ENTRY_LENGTH,
      detail: `${rem} bytes of entries is not a multiple of 20`,
    });
  }
  const entries: RipngEntry[] = [];
  const issues: RipIssue[] = [];
  for (let i = 0; i < rem / RIPNG_ENTRY_LENGTH; i++) {
    const at = r.offset;
    const e = r.field('ripng.rte', (x) => readRipngEntry(x));
    if (command === RipCommand.Response) check(e, i, at, issues);
    entries.push(e);
  }
  return { command, version, unused, entries, issues };
}

/** Decode one RIPng packet (a whole UDP payload). Total: never throws. */
export function decodeRipngPacket(
  bytes: Uint8Array,
  options?: Omit<DecodeOptions, 'exact'>,
): Decoded<RipngPacket, RipErrorCode | WireErrorCode> {
  if (bytes.length > RIPNG_MAX_LENGTH) {
    return {
      ok: false,
      error: {
        code: 'oversized',
        offset: (options?.baseOffset ?? 0) + RIPNG_MAX_LENGTH,
        detail: `${bytes.length} bytes, at most ${RIPNG_MAX_LENGTH}`,
      },
    };
  }
  return decode<RipngPacket, RipErrorCode>(bytes, readRipng, { ...options, exact: true });
}

/** Bytes {@link encodeRipngPacket} writes. */
export function ripngPacketEncodingLength(packet: RipngPacketInput): number {
  return RIP_HEADER_LENGTH + packet.entries.length * RIPNG_ENTRY_LENGTH;
}

/** Write `packet` into `target` at `offset`; returns the bytes written. */
export function encodeRipngPacketInto(
  packet: RipngPacketInput,
  target: Uint8Array,
  offset = 0,
): number {
  const length = ripngPacketEncodingLength(packet);
  const w = Writer.into(target, offset, length);
  w.u8(packet.command).u8(packet.version).u16(packet.unused);
  const addr = new Uint8Array(16);
  for (const e of packet.entries) {
    writeAddress(e.address, addr, 0);
    w.bytes(addr).u16(e.tag).u8(e.prefixLength).u8(e.metric);
  }
  w.finish();
  return length;
}

/** Encode a RIPng packet. */
export function encodeRipngPacket(packet: RipngPacketInput): Uint8Array {
  const out = new Uint8Array(ripngPacketEncodingLength(packet));
  encodeRipngPacketInto(packet, out, 0);
  return out;
}

/** A RIPng route with its next hop resolved (RFC 2080 §2.1.1). */
export interface RipngRoute {
  readonly prefix: Ipv6Prefix;
  readonly tag: number;
  readonly metric: number;
  /** The next hop from a preceding next-hop RTE; absent means "the sender". */
  readonly nextHop?: Ipv6Address;
  /** Index into `entries`. */
  readonly entry: number;
}

/**
 * The usable routes of a response: entries with issues and next-hop RTEs are skipped;
 * a next-hop RTE applies to the entries after it until the next one, and `::` or a
 * non-link-local next hop means "via the sender" (RFC 2080 §2.1.1).
 */
export function ripngRoutes(packet: RipngPacket): RipngRoute[] {
  const bad = new Set(packet.issues.map((i) => i.entry));
  const out: RipngRoute[] = [];
  let nextHop: Ipv6Address | undefined;
  packet.entries.forEach((e, i) => {
    if (isRipngNextHop(e)) {
      nextHop = isLinkLocal(e.address) ? e.address : undefined;
      return;
    }
    if (bad.has(i)) return;
    const p = prefix(e.address, e.prefixLength) as Ipv6Prefix;
    out.push(
      nextHop === undefined
        ? { prefix: p, tag: e.tag, metric: e.metric, entry: i }
        : { prefix: p, tag: e.tag, metric: e.metric, nextHop, entry: i },
    );
  });
  return out;
}
