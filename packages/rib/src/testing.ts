/**
 * fast-check arbitraries for this package's model, for property tests here and in the
 * engines built on the RIB. `fast-check` is an optional peer dependency: only this
 * entry point (`@routekit/rib/testing`) needs it.
 *
 * Prefixes are drawn around a few anchors so that generated sets nest and overlap
 * (more-specifics, siblings, the default route), which is where tries break.
 */
import type { Address, Ipv4Prefix, Ipv6Prefix, Prefix } from '@routekit/prefix';
import fc from 'fast-check';
import type { NextHop, RouteInput } from './route.js';

const ANCHORS4: readonly number[] = [
  0x0a00_0000, 0xc0a8_0100, 0x0000_0000, 0xffff_ff00, 0x0a15_0200, 0x8000_0000,
];
const ANCHORS6: readonly (readonly [number, number])[] = [
  [0x2001_0db8, 0],
  [0x2001_0db8, 0x0001_0000],
  [0, 0],
  [0xffff_ffff, 0xffff_ffff],
  [0xfe80_0000, 0],
];

function mask(bits: number): number {
  return bits <= 0 ? 0 : bits >= 32 ? 0xffff_ffff : (0xffff_ffff << (32 - bits)) >>> 0;
}

/** An IPv4 address near one of a few anchors (random low bits) or anywhere. */
export function arbNearIpv4(): fc.Arbitrary<number> {
  return fc.oneof(
    fc
      .tuple(
        fc.constantFrom(...ANCHORS4),
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 16 }),
      )
      .map(([a, noise, shift]) => ((a ^ (noise >>> shift)) >>> 0) as number),
    fc.integer({ min: 0, max: 0xffff_ffff }),
  );
}

/** Four IPv6 words near one of a few anchors or anywhere. */
export function arbNearIpv6(): fc.Arbitrary<readonly [number, number, number, number]> {
  const u32 = fc.integer({ min: 0, max: 0xffff_ffff });
  return fc.oneof(
    fc
      .tuple(
        fc.constantFrom(...ANCHORS6),
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 16 }),
        u32,
        u32,
      )
      .map(
        ([[w0, w1], noise, shift, w2, w3]) => [w0, (w1 ^ (noise >>> shift)) >>> 0, w2, w3] as const,
      ),
    fc.tuple(u32, u32, u32, u32),
  );
}

/** An IPv4 prefix biased to nest and overlap with others drawn from it. */
export function arbTriePrefix4(): fc.Arbitrary<Ipv4Prefix> {
  return fc.tuple(arbNearIpv4(), fc.integer({ min: 0, max: 32 })).map(([a, length]) => ({
    family: 4 as const,
    address: { family: 4 as const, value: (a & mask(length)) >>> 0 },
    length,
  }));
}

/** An IPv6 prefix biased to nest and overlap with others drawn from it. */
export function arbTriePrefix6(): fc.Arbitrary<Ipv6Prefix> {
  return fc
    .tuple(
      arbNearIpv6(),
      fc.oneof(fc.integer({ min: 0, max: 128 }), fc.constantFrom(16, 32, 48, 64, 128)),
    )
    .map(([w, length]) => {
      const m = (i: number): number => (w[i]! & mask(length - 32 * i)) >>> 0;
      return {
        family: 6 as const,
        address: { family: 6 as const, words: [m(0), m(1), m(2), m(3)] as const },
        length,
      };
    });
}

/** An IPv4 or IPv6 prefix from the two arbitraries above. */
export function arbTriePrefix(): fc.Arbitrary<Prefix> {
  return fc.oneof(arbTriePrefix4(), arbTriePrefix6());
}

/** An address of either family biased to land inside prefixes from `arbTriePrefix`. */
export function arbTrieAddress(): fc.Arbitrary<Address> {
  return fc.oneof(
    arbNearIpv4().map((value): Address => ({ family: 4, value })),
    arbNearIpv6().map((words): Address => ({ family: 6, words })),
  );
}

/** Sources used by {@link arbRouteInput}: a few protocols, two BGP peers. */
export const TEST_SOURCES: readonly string[] = [
  'connected',
  'static',
  'ospf',
  'rip',
  'bgp:192.0.2.1',
  'bgp:192.0.2.2',
];

const LAB4: readonly number[] = [
  0x0a15_0202, 0x0a15_0203, 0x0a15_0300, 0xa9fe_0001, 0x0a00_0001, 0xc0a8_0101,
];

/** IPv4 prefixes from a small lab address plan, so next hops often resolve through them. */
export function arbLabPrefix4(): fc.Arbitrary<Ipv4Prefix> {
  return fc
    .tuple(fc.constantFrom(...LAB4), fc.constantFrom(0, 8, 16, 24, 30, 31, 32))
    .map(([a, length]) => ({
      family: 4 as const,
      address: { family: 4 as const, value: (a & mask(length)) >>> 0 },
      length,
    }));
}

/** A next hop: an interface (directly connected) or an address from the lab plan (recursive). */
export function arbNextHop4(): fc.Arbitrary<NextHop> {
  return fc.oneof(
    fc.constantFrom('eth0', 'eth1').map((iface): NextHop => ({ interface: iface })),
    fc.constantFrom(...LAB4).map((value): NextHop => ({ address: { family: 4, value } })),
    fc
      .tuple(fc.constantFrom(...LAB4), fc.constantFrom('eth0', 'eth1'))
      .map(([value, iface]): NextHop => ({ address: { family: 4, value }, interface: iface })),
  );
}

/**
 * An IPv4 route from the lab plan by one of {@link TEST_SOURCES}. BGP routes carry
 * the decision-process fields in `attrs` (see `bgpAttrs`).
 */
export function arbRouteInput(): fc.Arbitrary<RouteInput> {
  return fc
    .record({
      prefix: arbLabPrefix4(),
      nextHops: fc.array(arbNextHop4(), { minLength: 1, maxLength: 2 }),
      source: fc.constantFrom(...TEST_SOURCES),
      metric: fc.integer({ min: 0, max: 20 }),
      localPref: fc.constantFrom(100, 200),
    })
    .map(({ prefix, nextHops, source, metric, localPref }): RouteInput => {
      const protocol = source.split(':')[0]!;
      const distance = { connected: 0, static: 1, ospf: 110, rip: 120, bgp: 20 }[protocol] ?? 20;
      const attrs =
        protocol === 'bgp'
          ? {
              peerType: 'external',
              asPathLength: 1,
              origin: 0,
              neighborAs: 65000 + metric,
              routerId: 1,
              localPref,
            }
          : undefined;
      return {
        prefix,
        nextHops,
        source,
        distance,
        metric: protocol === 'rip' ? Math.min(metric, 16) : metric,
        attrs,
      };
    });
}
