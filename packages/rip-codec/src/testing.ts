/**
 * fast-check arbitraries of the rip-codec model, for property tests here and downstream.
 * Needs the optional peer dependency `fast-check`.
 */

import { type Ipv4Address, ipv4, ipv6, maskAddress, prefix, prefixMask } from '@routekit/prefix';
import fc from 'fast-check';
import type { RipAuth } from './auth.js';
import type { RipPacket } from './packet.js';
import type { RipngEntry, RipngPacket } from './ripng.js';
import type { RipEntry } from './rte.js';

const u32 = fc.nat({ max: 0xffff_ffff });
const u16 = fc.nat({ max: 0xffff });
const u8 = fc.nat({ max: 0xff });
const addr4: fc.Arbitrary<Ipv4Address> = u32.map(ipv4);

/** A valid IPv4 RIPv2 route entry (contiguous mask, no host bits, metric 1–16). */
export const arbRipRouteEntry: fc.Arbitrary<RipEntry> = fc
  .record({
    address: u32,
    length: fc.integer({ min: 0, max: 32 }),
    tag: u16,
    nextHop: fc.oneof(fc.constant(0), u32),
    metric: fc.integer({ min: 1, max: 16 }),
  })
  .map(({ address, length, tag, nextHop, metric }) => {
    const mask = prefixMask(prefix(ipv4(0), length)).value;
    // keep the destination usable: not 127/8, not class D/E
    let a = (address & mask) >>> 0;
    const top = a >>> 24;
    if (top === 127 || top >= 224) a = (a & 0x00ff_ffff & mask) >>> 0;
    return { afi: 2, tag, address: ipv4(a), mask: ipv4(mask), nextHop: ipv4(nextHop), metric };
  });

/** Any 20-byte non-authentication entry: any AFI (not 0xFFFF), any field values. */
export const arbRipAnyEntry: fc.Arbitrary<RipEntry> = fc.record({
  afi: fc.nat({ max: 0xfffe }),
  tag: u16,
  address: addr4,
  mask: addr4,
  nextHop: addr4,
  metric: u32,
});

/** An authentication entry model (crypto `packetLength` fixed up by {@link arbRipPacket}). */
export const arbRipAuth: fc.Arbitrary<RipAuth> = fc.oneof(
  fc.uint8Array({ minLength: 16, maxLength: 16 }).map((password) => ({
    kind: 'simple' as const,
    password,
  })),
  fc
    .record({
      keyId: u8,
      authDataLength: u8,
      sequence: u32,
      digest: fc
        .constantFrom(16, 20, 32, 48, 64)
        .chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
    })
    .map((r) => ({
      kind: 'crypto' as const,
      packetLength: 0,
      reserved: new Uint8Array(8),
      ...r,
    })),
  fc
    .record({
      type: u16.filter((t) => t !== 2 && t !== 3),
      data: fc.uint8Array({ minLength: 16, maxLength: 16 }),
    })
    .map((r) => ({ kind: 'unknown' as const, ...r })),
);

/**
 * A RIP packet that encodes and decodes back to itself: version 1 or 2, valid response
 * entries (so `issues` is empty), optional authentication on RIPv2.
 */
export const arbRipPacket: fc.Arbitrary<RipPacket> = fc
  .record({
    command: fc.constantFrom(1, 2),
    version: fc.constantFrom(1, 2),
    unused: fc.oneof(fc.constant(0), u16),
    auth: fc.option(arbRipAuth, { nil: undefined }),
    entries: fc.array(arbRipRouteEntry, { maxLength: 24 }),
  })
  .map(({ command, version, unused, auth, entries }) => {
    const es =
      version === 1
        ? entries.map((e) => ({ ...e, tag: 0, mask: ipv4(0), nextHop: ipv4(0) }))
        : entries;
    const a =
      version === 2 && auth !== undefined
        ? auth.kind === 'crypto'
          ? { ...auth, packetLength: 24 + 20 * es.length }
          : auth
        : undefined;
    // RIPv1 entries: classful destinations may carry host bits; keep them issue-free
    return a === undefined
      ? { command, version, unused, entries: es, issues: [] }
      : { command, version, unused, auth: a, entries: es, issues: [] };
  });

/** A valid RIPng route entry or next-hop entry. */
export const arbRipngEntry: fc.Arbitrary<RipngEntry> = fc.oneof(
  fc
    .record({
      words: fc.tuple(u32, u32, u32, u32),
      prefixLength: fc.integer({ min: 0, max: 128 }),
      tag: u16,
      metric: fc.integer({ min: 1, max: 16 }),
    })
    .map(({ words, prefixLength, tag, metric }) => {
      const [w0, w1, w2, w3] = words;
      // 2000::/3-ish: never multicast or link-local
      const address = maskAddress(
        ipv6(((w0 & 0x1fff_ffff) | 0x2000_0000) >>> 0, w1, w2, w3),
        prefixLength,
      );
      return {
        address,
        tag,
        prefixLength,
        metric,
      };
    }),
  fc.tuple(u32, u32).map(([a, b]) => ({
    address: ipv6(0xfe80_0000, 0, a, b),
    tag: 0,
    prefixLength: 0,
    metric: 0xff,
  })),
);

/** A RIPng packet that round-trips with no issues. */
export const arbRipngPacket: fc.Arbitrary<RipngPacket> = fc.record({
  command: fc.constantFrom(1, 2),
  version: fc.constant(1),
  unused: fc.oneof(fc.constant(0), u16),
  entries: fc.array(arbRipngEntry, { maxLength: 40 }),
  issues: fc.constant([]),
});
