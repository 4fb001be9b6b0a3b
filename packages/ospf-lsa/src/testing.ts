/**
 * fast-check arbitraries of this package's model (`@routekit/ospf-lsa/testing`), for
 * property tests here and in the OSPF engine. `fast-check` is an optional peer
 * dependency: only this entry point needs it.
 */
import fc from 'fast-check';
import type { LsaHeader } from './lsa/header.js';
import { buildLsa, type LsaBody, type LsaInput } from './lsa/lsa.js';
import type { OpaqueTlv } from './lsa/tlv.js';
import type { CryptoAlgorithm, CryptoKey, PacketAuth } from './packet/auth.js';
import type { PacketBody, PacketInput } from './packet/packet.js';

const u8 = (): fc.Arbitrary<number> => fc.integer({ min: 0, max: 0xff });
const u16 = (): fc.Arbitrary<number> => fc.integer({ min: 0, max: 0xffff });
const u24 = (): fc.Arbitrary<number> => fc.integer({ min: 0, max: 0xffffff });
const u32 = (): fc.Arbitrary<number> => fc.integer({ min: 0, max: 0xffffffff });
const f32 = (): fc.Arbitrary<number> =>
  fc.float({ noNaN: true, noDefaultInfinity: true }).map((x) => Math.fround(x));

/** A contiguous IPv4 mask. */
export function arbMask(): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: 32 }).map((n) => (n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0));
}

const arbTos = (): fc.Arbitrary<{ tos: number; metric: number }[]> =>
  fc.array(fc.record({ tos: u8(), metric: u16() }), { maxLength: 2 });

/** Router-LSA body. */
export function arbRouterBody(): fc.Arbitrary<LsaBody> {
  return fc.record({
    kind: fc.constant('router' as const),
    flags: u8(),
    reserved: fc.constant(0),
    links: fc.array(
      fc.record({
        linkId: u32(),
        linkData: u32(),
        type: fc.integer({ min: 1, max: 4 }),
        metric: u16(),
        tos: arbTos(),
      }),
      { maxLength: 6 },
    ),
  });
}

function sid(): fc.Arbitrary<{ sid: number; label: boolean }> {
  return fc.oneof(
    fc.record({ sid: u24(), label: fc.constant(true) }),
    fc.record({ sid: u32(), label: fc.constant(false) }),
  );
}

function unknownTlv(): fc.Arbitrary<OpaqueTlv> {
  return fc.record({
    kind: fc.constant('unknown' as const),
    type: fc.integer({ min: 1000, max: 0xffff }),
    value: fc.uint8Array({ maxLength: 12 }),
  });
}

/** TLVs of an opaque type this package types (1 TE, 3 Grace, 4 RI, 7 Ext Prefix, 8 Ext Link). */
export function arbTlvs(opaqueType: 1 | 3 | 4 | 7 | 8): fc.Arbitrary<OpaqueTlv[]> {
  let one: fc.Arbitrary<OpaqueTlv>;
  switch (opaqueType) {
    case 1: {
      const sub: fc.Arbitrary<OpaqueTlv> = fc.oneof(
        fc.record({ kind: fc.constant('te-link-type' as const), linkType: u8() }),
        fc.record({ kind: fc.constant('te-link-id' as const), linkId: u32() }),
        fc.record({
          kind: fc.constant('te-local-address' as const),
          addresses: fc.array(u32(), { minLength: 1, maxLength: 3 }),
        }),
        fc.record({ kind: fc.constant('te-metric' as const), metric: u32() }),
        fc.record({ kind: fc.constant('te-max-bandwidth' as const), bytesPerSecond: f32() }),
        fc.record({
          kind: fc.constant('te-unreserved-bandwidth' as const),
          bytesPerSecond: fc.array(f32(), { minLength: 8, maxLength: 8 }),
        }),
        fc.record({ kind: fc.constant('te-admin-group' as const), group: u32() }),
        unknownTlv(),
      );
      one = fc.oneof(
        fc.record({ kind: fc.constant('te-router-address' as const), address: u32() }),
        fc.record({
          kind: fc.constant('te-link' as const),
          subTlvs: fc.array(sub, { maxLength: 4 }),
        }),
      );
      break;
    }
    case 3:
      one = fc.oneof(
        fc.record({ kind: fc.constant('grace-period' as const), seconds: u32() }),
        fc.record({ kind: fc.constant('grace-reason' as const), reason: u8() }),
        fc.record({ kind: fc.constant('grace-interface-address' as const), address: u32() }),
        unknownTlv(),
      );
      break;
    case 4:
      one = fc.oneof(
        fc.record({ kind: fc.constant('ri-informational-capabilities' as const), flags: u32() }),
        fc.record({
          kind: fc.constant('ri-sr-algorithm' as const),
          algorithms: fc.array(u8(), { minLength: 1, maxLength: 5 }),
        }),
        fc.record({
          kind: fc.constantFrom('ri-sid-label-range' as const, 'ri-sr-local-block' as const),
          rangeSize: u24(),
          subTlvs: fc.array(
            sid().map((s): OpaqueTlv => ({ kind: 'sid-label', ...s })),
            { maxLength: 2 },
          ),
        }),
        fc.record({
          kind: fc.constant('ri-hostname' as const),
          hostname: fc.stringMatching(/^[a-z0-9.-]{1,12}$/),
        }),
        unknownTlv(),
      );
      break;
    case 7: {
      const sub: fc.Arbitrary<OpaqueTlv> = fc.oneof(
        fc
          .record({ flags: u8(), mtId: u8(), algorithm: u8(), s: sid() })
          .map(({ s, ...r }): OpaqueTlv => ({ kind: 'prefix-sid', ...r, ...s })),
        unknownTlv(),
      );
      one = fc.oneof(
        fc
          .record({
            routeType: u8(),
            prefixLength: fc.integer({ min: 0, max: 32 }),
            flags: u8(),
            prefix: u32(),
            subTlvs: fc.array(sub, { maxLength: 2 }),
          })
          .map(
            (r): OpaqueTlv => ({
              kind: 'extended-prefix',
              addressFamily: 0,
              ...r,
              prefix: r.prefixLength === 0 ? 0 : r.prefix,
            }),
          ),
        unknownTlv(),
      );
      break;
    }
    case 8: {
      const sub: fc.Arbitrary<OpaqueTlv> = fc.oneof(
        fc
          .record({ flags: u8(), mtId: u8(), weight: u8(), s: sid() })
          .map(({ s, ...r }): OpaqueTlv => ({ kind: 'adj-sid', ...r, ...s })),
        unknownTlv(),
      );
      one = fc.oneof(
        fc.record({
          kind: fc.constant('extended-link' as const),
          linkType: u8(),
          linkId: u32(),
          linkData: u32(),
          subTlvs: fc.array(sub, { maxLength: 2 }),
        }),
        unknownTlv(),
      );
      break;
    }
  }
  return fc.array(one, { maxLength: 4 });
}

/** Any LSA body with the LS type it belongs to and the Link State ID it implies (opaque). */
export function arbLsaBody(): fc.Arbitrary<{ type: number; body: LsaBody; lsId?: number }> {
  const opaqueTyped = fc
    .record({
      type: fc.constantFrom(9, 10, 11),
      opaqueType: fc.constantFrom(1 as const, 3 as const, 4 as const, 7 as const, 8 as const),
      opaqueId: u24(),
    })
    .chain(({ type, opaqueType, opaqueId }) =>
      arbTlvs(opaqueType).map((tlvs) => ({
        type,
        lsId: ((opaqueType << 24) | opaqueId) >>> 0,
        body: { kind: 'opaque' as const, opaqueType, opaqueId, tlvs },
      })),
    );
  const opaqueRaw = fc
    .record({
      type: fc.constantFrom(9, 10, 11),
      opaqueType: fc.integer({ min: 200, max: 255 }),
      opaqueId: u24(),
      data: fc.uint8Array({ maxLength: 24 }),
    })
    .map(({ type, opaqueType, opaqueId, data }) => ({
      type,
      lsId: ((opaqueType << 24) | opaqueId) >>> 0,
      body: { kind: 'opaque-raw' as const, opaqueType, opaqueId, data },
    }));
  return fc.oneof(
    arbRouterBody().map((body) => ({ type: 1, body })),
    fc
      .record({ mask: u32(), attachedRouters: fc.array(u32(), { maxLength: 6 }) })
      .map((b) => ({ type: 2, body: { kind: 'network' as const, ...b } })),
    fc
      .record({
        type: fc.constantFrom(3, 4),
        mask: u32(),
        metric: u24(),
        tos: fc.array(fc.record({ tos: u8(), metric: u24() }), { maxLength: 2 }),
      })
      .map(({ type, ...b }) => ({ type, body: { kind: 'summary' as const, tos0: 0, ...b } })),
    fc
      .record({
        type: fc.constantFrom(5, 7),
        mask: u32(),
        eBit: fc.boolean(),
        tos0: fc.integer({ min: 0, max: 127 }),
        metric: u24(),
        forwardingAddress: u32(),
        routeTag: u32(),
        tos: fc.array(
          fc.record({
            eBit: fc.boolean(),
            tos: fc.integer({ min: 0, max: 127 }),
            metric: u24(),
            forwardingAddress: u32(),
            routeTag: u32(),
          }),
          { maxLength: 2 },
        ),
      })
      .map(({ type, ...b }) => ({ type, body: { kind: 'external' as const, ...b } })),
    opaqueTyped,
    opaqueRaw,
    fc
      .record({ type: fc.constantFrom(6, 8, 12, 200), data: fc.uint8Array({ maxLength: 16 }) })
      .map(({ type, data }) => ({ type, body: { kind: 'unknown' as const, data } })),
  );
}

/** Any LSA (header fields and body; length and checksum are computed by `buildLsa`). */
export function arbLsaInput(): fc.Arbitrary<LsaInput> {
  return fc
    .record({
      age: fc.integer({ min: 0, max: 3600 }),
      options: u8(),
      lsId: u32(),
      advRouter: u32(),
      seq: fc.integer({ min: -0x7fffffff, max: 0x7fffffff }),
      b: arbLsaBody(),
    })
    .map(({ b, lsId, ...h }) => ({
      header: { ...h, type: b.type, lsId: b.lsId ?? lsId },
      body: b.body,
    }));
}

/** LSA header (for DBD / LSAck), any field values. */
export function arbLsaHeader(): fc.Arbitrary<LsaHeader> {
  return fc.record({
    age: u16(),
    options: u8(),
    type: u8(),
    lsId: u32(),
    advRouter: u32(),
    seq: fc.integer({ min: -0x80000000, max: 0x7fffffff }),
    checksum: u16(),
    length: u16(),
  });
}

/** Authentication: null, simple, or cryptographic with a key for the digest. */
export function arbAuth(): fc.Arbitrary<{ auth: PacketAuth; key?: CryptoKey }> {
  const algorithms: CryptoAlgorithm[] = [
    'md5',
    'hmac-sha1',
    'hmac-sha256',
    'hmac-sha384',
    'hmac-sha512',
  ];
  return fc.oneof(
    fc.constant({ auth: { kind: 'null' as const, data: new Uint8Array(8) } }),
    fc
      .uint8Array({ minLength: 8, maxLength: 8 })
      .map((password) => ({ auth: { kind: 'simple' as const, password } })),
    fc
      .record({
        keyId: u8(),
        sequence: u32(),
        algorithm: fc.constantFrom(...algorithms),
        key: fc.uint8Array({ minLength: 1, maxLength: 80 }),
      })
      .map(({ keyId, sequence, algorithm, key }) => ({
        auth: {
          kind: 'cryptographic' as const,
          reserved: 0,
          keyId,
          dataLength: 0,
          sequence,
          digest: new Uint8Array(0),
        },
        key: { algorithm, key },
      })),
  );
}

/** A packet body of any of the five types (LSU LSAs built with `buildLsa`). */
export function arbPacketBody(): fc.Arbitrary<PacketBody> {
  return fc.oneof(
    fc.record({
      kind: fc.constant('hello' as const),
      networkMask: arbMask(),
      helloInterval: u16(),
      options: u8(),
      priority: u8(),
      deadInterval: u32(),
      designatedRouter: u32(),
      backupDesignatedRouter: u32(),
      neighbors: fc.array(u32(), { maxLength: 5 }),
    }),
    fc.record({
      kind: fc.constant('dbd' as const),
      interfaceMtu: u16(),
      options: u8(),
      flags: u8(),
      sequence: u32(),
      lsaHeaders: fc.array(arbLsaHeader(), { maxLength: 4 }),
    }),
    fc.record({
      kind: fc.constant('lsr' as const),
      requests: fc.array(fc.record({ type: u32(), lsId: u32(), advRouter: u32() }), {
        maxLength: 4,
      }),
    }),
    fc
      .array(arbLsaInput(), { maxLength: 4 })
      .map((inputs) => ({ kind: 'lsu' as const, lsas: inputs.map(buildLsa) })),
    fc.record({
      kind: fc.constant('lsack' as const),
      lsaHeaders: fc.array(arbLsaHeader(), { maxLength: 4 }),
    }),
  );
}

/** A packet to encode, with the key its authentication needs. */
export function arbPacketInput(): fc.Arbitrary<{ packet: PacketInput; key?: CryptoKey }> {
  return fc
    .record({ routerId: u32(), areaId: u32(), a: arbAuth(), body: arbPacketBody() })
    .map(({ routerId, areaId, a, body }) => {
      const packet: PacketInput = { header: { routerId, areaId }, auth: a.auth, body };
      return a.key === undefined ? { packet } : { packet, key: a.key };
    });
}
