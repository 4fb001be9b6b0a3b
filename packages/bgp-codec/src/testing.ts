/**
 * fast-check arbitraries of the `@routekit/bgp-codec` model, for round-trip and
 * robustness properties. Every generated message is well-formed for its context:
 * decoding its encoding in that context gives it back with no issues.
 */
import type { Prefix } from '@routekit/prefix';
import { arbPrefix } from '@routekit/prefix/testing';
import fc from 'fast-check';
import { ATTRIBUTE_RULES, type MpNlri, type PathAttribute } from './attribute/attribute.js';
import type { Capability } from './capability/capability.js';
import { type BgpContext, receivesPathId } from './context.js';
import { CapabilityCode } from './iana.js';
import {
  type BgpMessage,
  MAX_EXTENDED_MESSAGE_LENGTH,
  MAX_MESSAGE_LENGTH,
  messageEncodingLength,
} from './message/message.js';
import type { OptionalParameter } from './message/open.js';
import type { Nlri } from './nlri.js';
import { type LabelledRoute, labelEntry, type VpnRoute } from './nlri-mpls.js';

const u8 = (): fc.Arbitrary<number> => fc.integer({ min: 0, max: 255 });
const u16 = (): fc.Arbitrary<number> => fc.integer({ min: 0, max: 0xffff });
const u32 = (): fc.Arbitrary<number> => fc.integer({ min: 0, max: 0xffff_ffff });
/** AS numbers other than 0 (RFC 7607). */
const asn16 = (): fc.Arbitrary<number> => fc.integer({ min: 1, max: 0xffff });
const asn32 = (): fc.Arbitrary<number> => fc.integer({ min: 1, max: 0xffff_ffff });
/** IPv4 host addresses a NEXT_HOP may hold (RFC 4271 §6.3: no 0/8, 127/8, 224/4, 240/4). */
const unicastIpv4 = (): fc.Arbitrary<number> =>
  fc.integer({ min: 0x0100_0000, max: 0xdfff_ffff }).filter((a) => a >>> 24 !== 127);
const bytes = (max: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ maxLength: max });

const FAMILIES = ['1/1', '2/1', '1/2', '2/2', '1/4', '2/4', '1/128', '2/128'] as const;

/** A negotiated context; ADD-PATH is symmetric (send = receive) so encodings round-trip. */
export function arbContext(): fc.Arbitrary<BgpContext> {
  return fc
    .record({
      fourOctetAs: fc.boolean(),
      extendedMessage: fc.boolean(),
      addPath: fc.subarray([...FAMILIES]),
    })
    .map(({ fourOctetAs, extendedMessage, addPath }) => ({
      fourOctetAs,
      extendedMessage,
      addPath: Object.fromEntries(addPath.map((k) => [k, { receive: true, send: true }])),
    }));
}

const KNOWN_CAPABILITY_CODES: ReadonlySet<number> = new Set(Object.values(CapabilityCode));

export function arbCapability(): fc.Arbitrary<Capability> {
  return fc
    .oneof(
      fc.record({
        kind: fc.constant('multiprotocol' as const),
        afi: u16(),
        safi: u8(),
        reserved: u8(),
      }),
      fc.constantFrom(
        { kind: 'route-refresh' as const },
        { kind: 'enhanced-route-refresh' as const },
        { kind: 'extended-message' as const },
      ),
      fc.record({
        kind: fc.constant('extended-next-hop' as const),
        entries: fc.array(fc.record({ afi: u16(), safi: u16(), nextHopAfi: u16() }), {
          maxLength: 4,
        }),
      }),
      fc.record({ kind: fc.constant('bgp-role' as const), role: u8() }),
      fc.record({
        kind: fc.constant('graceful-restart' as const),
        flags: fc.integer({ min: 0, max: 15 }),
        time: fc.integer({ min: 0, max: 4095 }),
        families: fc.array(fc.record({ afi: u16(), safi: u8(), flags: u8() }), { maxLength: 4 }),
      }),
      fc.record({ kind: fc.constant('four-octet-as' as const), asn: u32() }),
      fc.record({
        kind: fc.constant('add-path' as const),
        families: fc.array(fc.record({ afi: u16(), safi: u8(), sendReceive: u8() }), {
          maxLength: 4,
        }),
      }),
      fc.record({
        kind: fc.constant('long-lived-graceful-restart' as const),
        families: fc.array(
          fc.record({
            afi: u16(),
            safi: u8(),
            flags: u8(),
            staleTime: fc.integer({ min: 0, max: 0xffffff }),
          }),
          { maxLength: 4 },
        ),
      }),
      fc.record({ kind: fc.constant('fqdn' as const), hostname: bytes(20), domain: bytes(20) }),
      fc.record({ kind: fc.constant('software-version' as const), version: bytes(30) }),
      fc.record({
        kind: fc.constant('unknown' as const),
        code: u8().filter((c) => !KNOWN_CAPABILITY_CODES.has(c)),
        value: bytes(16),
      }),
    )
    .map((c) => c as Capability);
}

function arbParameters(): fc.Arbitrary<OptionalParameter[]> {
  return fc.array(
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({
          type: fc.constant(2 as const),
          capabilities: fc.array(arbCapability(), { maxLength: 4 }),
        }),
      },
      // Type 255 is avoided: as the first parameter after a 255 length it means RFC 9072.
      {
        weight: 1,
        arbitrary: fc.record({ type: u8().filter((t) => t !== 2 && t !== 255), value: bytes(8) }),
      },
    ),
    { maxLength: 4 },
  );
}

function arbNlri(family: 4 | 6, addPath: boolean): fc.Arbitrary<Nlri[]> {
  const p = arbPrefix({ family }) as fc.Arbitrary<Prefix>;
  return fc.array(addPath ? fc.record({ prefix: p, pathId: u32() }) : fc.record({ prefix: p }), {
    maxLength: 6,
  });
}

const flagsFor = (type: number): fc.Arbitrary<number> =>
  fc
    .record({ partial: fc.boolean(), ext: fc.boolean() })
    .map(
      ({ partial, ext }) =>
        (ATTRIBUTE_RULES[type]?.flags ?? 0xc0) | (partial ? 0x20 : 0) | (ext ? 0x10 : 0),
    );

/**
 * RFC 8277 / RFC 4364 routes: a label stack whose last entry alone has the S bit (a
 * withdrawal may carry the 0x800000 compatibility label instead), fitting 255 bits.
 */
function arbLabelled(
  family: 4 | 6,
  addPath: boolean,
  vpn: boolean,
  withdraw: boolean,
): fc.Arbitrary<(LabelledRoute | VpnRoute)[]> {
  const label = fc.integer({ min: 16, max: 0xfffff });
  const route = (arbPrefix({ family }) as fc.Arbitrary<Prefix>).chain((prefix) => {
    const room = Math.floor((255 - prefix.length - (vpn ? 64 : 0)) / 24);
    const stack = fc
      .array(label, { minLength: 1, maxLength: Math.min(3, room) })
      .map((ls) => ls.map((l, i) => labelEntry(l, i === ls.length - 1)));
    const labels = withdraw ? fc.oneof(stack, fc.constant([0x800000])) : stack;
    return fc.record({
      labels,
      prefix: fc.constant(prefix),
      ...(vpn ? { rd: fc.uint8Array({ minLength: 8, maxLength: 8 }) } : {}),
      ...(addPath ? { pathId: u32() } : {}),
    });
  });
  return fc.array(route, { maxLength: 4 }) as fc.Arbitrary<(LabelledRoute | VpnRoute)[]>;
}

/** Next hop lengths valid for each family (RFC 4760, RFC 2545, RFC 8950, RFC 4364, RFC 4659). */
const NEXT_HOP_LENGTHS: Readonly<Record<string, readonly number[]>> = {
  '1/1': [4, 16, 32],
  '1/2': [4, 16, 32],
  '1/4': [4, 16, 32],
  '2/1': [16, 32],
  '2/2': [16, 32],
  '2/4': [16, 32],
  '1/128': [12, 24, 48],
  '2/128': [24, 48],
};

function arbMp(context: BgpContext): fc.Arbitrary<PathAttribute[]> {
  const fam = fc.constantFrom(...FAMILIES);
  const prefixes = (afi: number, safi: number, withdraw = false) => {
    const family = afi === 1 ? 4 : 6;
    const addPath = receivesPathId(context, afi, safi);
    if (safi === 4 || safi === 128) {
      const kind = safi === 4 ? ('labelled' as const) : ('vpn' as const);
      return arbLabelled(family, addPath, safi === 128, withdraw).map(
        (routes) => ({ kind, routes }) as MpNlri,
      );
    }
    return arbNlri(family, addPath).map(
      (routes) => ({ kind: 'prefixes' as const, routes }) as MpNlri,
    );
  };
  return fc.array(
    fc.oneof(
      fam.chain((k) => {
        const [afi, safi] = k.split('/').map(Number) as [number, number];
        return fc.record({
          kind: fc.constant('mp-reach' as const),
          flags: flagsFor(14),
          afi: fc.constant(afi),
          safi: fc.constant(safi),
          nextHop: fc
            .constantFrom(...(NEXT_HOP_LENGTHS[k] ?? [4]))
            .chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
          reserved: fc.constant(0),
          nlri: prefixes(afi, safi),
        });
      }),
      fam.chain((k) => {
        const [afi, safi] = k.split('/').map(Number) as [number, number];
        return fc.record({
          kind: fc.constant('mp-unreach' as const),
          flags: flagsFor(15),
          afi: fc.constant(afi),
          safi: fc.constant(safi),
          withdrawn: prefixes(afi, safi, true),
        });
      }),
    ),
    { maxLength: 1 },
  );
}

/** Optional attributes other than the mandatory and MP ones, at most one of each type. */
function arbOtherAttributes(context: BgpContext): fc.Arbitrary<PathAttribute[]> {
  const asn = context.fourOctetAs ? asn32() : asn16();
  const segments = fc.array(
    fc.record({
      type: fc.integer({ min: 1, max: 4 }),
      asns: fc.array(asn32(), { minLength: 1, maxLength: 8 }),
    }),
    { maxLength: 4 },
  );
  const one: fc.Arbitrary<PathAttribute>[] = [
    fc.record({ kind: fc.constant('med' as const), flags: flagsFor(4), value: u32() }),
    fc.record({ kind: fc.constant('local-pref' as const), flags: flagsFor(5), value: u32() }),
    fc.record({ kind: fc.constant('atomic-aggregate' as const), flags: flagsFor(6) }),
    fc.record({
      kind: fc.constant('aggregator' as const),
      flags: flagsFor(7),
      asn,
      address: u32(),
    }),
    fc.record({
      kind: fc.constant('communities' as const),
      flags: flagsFor(8),
      communities: fc.array(u32(), { maxLength: 6 }),
    }),
    fc.record({ kind: fc.constant('originator-id' as const), flags: flagsFor(9), value: u32() }),
    fc.record({
      kind: fc.constant('cluster-list' as const),
      flags: flagsFor(10),
      clusterIds: fc.array(u32(), { maxLength: 4 }),
    }),
    fc.record({
      kind: fc.constant('extended-communities' as const),
      flags: flagsFor(16),
      communities: fc.array(fc.uint8Array({ minLength: 8, maxLength: 8 }), { maxLength: 4 }),
    }),
    fc.record({ kind: fc.constant('as4-path' as const), flags: flagsFor(17), segments }),
    fc.record({
      kind: fc.constant('as4-aggregator' as const),
      flags: flagsFor(18),
      asn: asn32(),
      address: u32(),
    }),
    fc.record({
      kind: fc.constant('aigp' as const),
      flags: flagsFor(26),
      tlvs: fc.array(fc.record({ type: u8(), value: bytes(12) }), { maxLength: 2 }),
    }),
    fc.record({
      kind: fc.constant('large-communities' as const),
      flags: flagsFor(32),
      communities: fc.array(fc.record({ global: u32(), local1: u32(), local2: u32() }), {
        maxLength: 4,
      }),
    }),
    fc.record({ kind: fc.constant('otc' as const), flags: flagsFor(35), value: u32() }),
    fc.record({
      kind: fc.constant('raw' as const),
      flags: fc.constantFrom(0x80, 0xc0, 0xe0, 0xd0),
      typeCode: u8().filter((t) => ATTRIBUTE_RULES[t] === undefined),
      value: bytes(12),
    }),
  ];
  return fc.uniqueArray(fc.oneof(...one), {
    maxLength: 5,
    selector: (a) => (a.kind === 'raw' ? a.typeCode : a.kind),
  });
}

/** A well-formed UPDATE for `context`. */
export function arbUpdate(context: BgpContext): fc.Arbitrary<BgpMessage> {
  const asn = context.fourOctetAs ? asn32() : asn16();
  const segments = fc.array(
    fc.record({
      type: fc.integer({ min: 1, max: 4 }),
      asns: fc.array(asn, { minLength: 1, maxLength: 8 }),
    }),
    { maxLength: 4 },
  );
  const ap = receivesPathId(context, 1, 1);
  return fc
    .record({
      withdrawn: arbNlri(4, ap),
      nlri: arbNlri(4, ap),
      mp: arbMp(context),
      others: arbOtherAttributes(context),
      origin: fc.record({
        kind: fc.constant('origin' as const),
        flags: flagsFor(1),
        origin: fc.integer({ min: 0, max: 2 }),
      }),
      asPath: fc.record({ kind: fc.constant('as-path' as const), flags: flagsFor(2), segments }),
      nextHop: fc.record({
        kind: fc.constant('next-hop' as const),
        flags: flagsFor(3),
        nextHop: unicastIpv4(),
      }),
    })
    .map(({ withdrawn, nlri, mp, others, origin, asPath, nextHop }) => {
      const reach = mp.some((a) => a.kind === 'mp-reach');
      const mandatory: PathAttribute[] =
        nlri.length > 0 ? [origin, asPath, nextHop] : reach ? [origin, asPath] : [];
      return {
        kind: 'update' as const,
        withdrawn,
        attributes: [...mandatory, ...mp, ...others],
        nlri,
        unparsedAttributes: new Uint8Array(0),
        issues: [],
      };
    });
}

/** Any message that is well-formed and fits `context`'s maximum length. */
export function arbMessage(context: BgpContext): fc.Arbitrary<BgpMessage> {
  const max = context.extendedMessage ? MAX_EXTENDED_MESSAGE_LENGTH : MAX_MESSAGE_LENGTH;
  return fc
    .oneof(
      fc
        .record({
          kind: fc.constant('open' as const),
          version: fc.constant(4),
          myAs: u16(),
          holdTime: u16(),
          bgpId: fc.integer({ min: 1, max: 0xffff_ffff }),
          parameters: arbParameters(),
          extendedParameters: fc.boolean(),
        })
        .filter((m) => m.extendedParameters || messageEncodingLength(m, context) - 29 <= 255),
      arbUpdate(context),
      fc.record({
        kind: fc.constant('notification' as const),
        code: u8(),
        subcode: u8(),
        data: bytes(40),
      }),
      fc.constant({ kind: 'keepalive' as const }),
      fc.record({
        kind: fc.constant('route-refresh' as const),
        afi: u16(),
        subtype: u8(),
        safi: u8(),
        orf: bytes(20),
      }),
    )
    .filter((m) => {
      if (m.kind === 'open' && !m.extendedParameters) {
        // every parameter must fit a 1-byte length
        for (const p of m.parameters)
          if (messageEncodingLength({ ...m, parameters: [p] }, context) - 31 > 255) return false;
      }
      return messageEncodingLength(m, context) <= max;
    });
}

/** A context and a message well-formed in it. */
export function arbContextAndMessage(): fc.Arbitrary<{ context: BgpContext; message: BgpMessage }> {
  return arbContext().chain((context) =>
    arbMessage(context).map((message) => ({ context, message })),
  );
}

/** MRT records (RFC 6396, RFC 8050) for `@routekit/bgp-codec/mrt`. */
export { arbMrtAddress, arbMrtRecord, arbRibAttributes } from './mrt/arbitraries.js';
