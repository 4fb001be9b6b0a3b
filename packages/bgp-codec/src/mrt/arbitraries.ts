import { type Address, type Prefix, prefix } from '@routekit/prefix';
import fc from 'fast-check';
import type { BgpContext } from '../context.js';
import { arbMessage } from '../testing.js';
import type { RibAttribute } from './attributes.js';
import { messageContext } from './bgp4mp.js';
import { BGP4MP_MESSAGE_SUBTYPES } from './iana.js';
import type { MrtRecord } from './record.js';

/*
 * fast-check arbitraries of MRT records (exported from `@routekit/bgp-codec/testing`).
 * Every record they make encodes; decoding the encoding gives back a record with the same
 * encoding (embedded BGP messages are well-formed for the subtype's context).
 */

const u8 = (): fc.Arbitrary<number> => fc.integer({ min: 0, max: 255 });
const u16 = (): fc.Arbitrary<number> => fc.integer({ min: 0, max: 0xffff });
const u32 = (): fc.Arbitrary<number> => fc.integer({ min: 0, max: 0xffff_ffff });
const bytes = (max: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ maxLength: max });

export function arbMrtAddress(family: 4 | 6): fc.Arbitrary<Address> {
  return family === 4
    ? u32().map((value) => ({ family: 4 as const, value }))
    : fc.tuple(u32(), u32(), u32(), u32()).map((w) => ({ family: 6 as const, words: w }));
}

function arbCanonicalPrefix(family: 4 | 6): fc.Arbitrary<Prefix> {
  return fc
    .tuple(arbMrtAddress(family), fc.integer({ min: 0, max: family === 4 ? 32 : 128 }))
    .map(([a, len]) => prefix(a, len));
}

const ext = (base: number): fc.Arbitrary<number> => fc.boolean().map((e) => base | (e ? 0x10 : 0));

/** Attributes of a RIB entry (TABLE_DUMP_V2 with 4-byte AS, TABLE_DUMP with 2-byte). */
export function arbRibAttributes(fourOctetAs: boolean): fc.Arbitrary<RibAttribute[]> {
  const asn = fourOctetAs ? u32() : u16();
  const one: fc.Arbitrary<RibAttribute>[] = [
    fc.record({
      kind: fc.constant('origin' as const),
      flags: ext(0x40),
      origin: fc.integer({ min: 0, max: 2 }),
    }),
    fc.record({
      kind: fc.constant('as-path' as const),
      flags: ext(0x40),
      segments: fc.array(
        fc.record({
          type: fc.integer({ min: 1, max: 4 }),
          asns: fc.array(asn, { minLength: 1, maxLength: 6 }),
        }),
        { maxLength: 3 },
      ),
    }),
    fc.record({ kind: fc.constant('next-hop' as const), flags: ext(0x40), nextHop: u32() }),
    fc.record({ kind: fc.constant('med' as const), flags: ext(0x80), value: u32() }),
    fc.record({ kind: fc.constant('local-pref' as const), flags: ext(0x40), value: u32() }),
    fc.record({ kind: fc.constant('atomic-aggregate' as const), flags: ext(0x40) }),
    fc.record({
      kind: fc.constant('communities' as const),
      flags: ext(0xc0),
      communities: fc.array(u32(), { maxLength: 5 }),
    }),
    fc.record({
      kind: fc.constant('mp-reach-next-hop' as const),
      flags: ext(0x80),
      nextHop: fc
        .constantFrom(4, 16, 32)
        .chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
    }),
    fc.record({
      kind: fc.constant('raw' as const),
      flags: fc.constantFrom(0xc0, 0xe0, 0xd0),
      typeCode: fc.constantFrom(99, 200, 255),
      value: bytes(10),
    }),
  ];
  return fc.uniqueArray(fc.oneof(...one), {
    maxLength: 6,
    selector: (a) => (a.kind === 'raw' ? a.typeCode : a.kind),
  });
}

const EMPTY = new Uint8Array(0);
const timestamp = (): fc.Arbitrary<number> => u32();

function arbTableDump(): fc.Arbitrary<MrtRecord> {
  return fc.constantFrom(4 as const, 6 as const).chain((family) =>
    fc.record({
      timestamp: timestamp(),
      type: fc.constant(12),
      subtype: fc.constant(family === 4 ? 1 : 2),
      body: fc.record({
        kind: fc.constant('table-dump' as const),
        viewNumber: u16(),
        sequence: u16(),
        prefix: arbMrtAddress(family),
        prefixLength: u8(),
        status: u8(),
        originatedTime: u32(),
        peerAddress: arbMrtAddress(family),
        peerAs: u16(),
        attributes: arbRibAttributes(false),
        unparsedAttributes: fc.constant(EMPTY),
      }),
    }),
  );
}

function arbPeerIndexTable(): fc.Arbitrary<MrtRecord> {
  const peer = fc.integer({ min: 0, max: 3 }).chain((peerType) =>
    fc.record({
      peerType: fc.constant(peerType),
      bgpId: u32(),
      address: arbMrtAddress((peerType & 1) !== 0 ? 6 : 4),
      asn: (peerType & 2) !== 0 ? u32() : u16(),
    }),
  );
  return fc.record({
    timestamp: timestamp(),
    type: fc.constant(13),
    subtype: fc.constant(1),
    body: fc.record({
      kind: fc.constant('peer-index-table' as const),
      collectorBgpId: u32(),
      viewName: bytes(12),
      peers: fc.array(peer, { maxLength: 5 }),
    }),
  });
}

function arbRib(): fc.Arbitrary<MrtRecord> {
  return fc.constantFrom(2, 3, 4, 5, 8, 9, 10, 11).chain((subtype) => {
    const afi = subtype === 2 || subtype === 3 || subtype === 8 || subtype === 9 ? 1 : 2;
    const safi = subtype === 3 || subtype === 5 || subtype === 9 || subtype === 11 ? 2 : 1;
    const addPath = subtype >= 8;
    const entry = fc.record({
      peerIndex: u16(),
      originatedTime: u32(),
      ...(addPath ? { pathId: u32() } : {}),
      attributes: arbRibAttributes(true),
      unparsedAttributes: fc.constant(EMPTY),
    });
    return fc.record({
      timestamp: timestamp(),
      type: fc.constant(13),
      subtype: fc.constant(subtype),
      body: fc.record({
        kind: fc.constant('rib' as const),
        afi: fc.constant(afi as 1 | 2),
        safi: fc.constant(safi as 1 | 2),
        addPath: fc.constant(addPath),
        sequence: u32(),
        prefix: arbCanonicalPrefix(afi === 1 ? 4 : 6),
        entries: fc.array(entry, { maxLength: 4 }),
      }),
    });
  });
}

function arbBgp4mp(): fc.Arbitrary<MrtRecord> {
  const et = fc.boolean();
  return fc
    .tuple(
      et,
      fc.constantFrom(0, 1, 4, 5, 6, 7, 8, 9, 10, 11),
      fc.constantFrom(1 as const, 2 as const),
    )
    .chain(([isEt, subtype, afi]): fc.Arbitrary<MrtRecord> => {
      const as4 = subtype === 5 || (BGP4MP_MESSAGE_SUBTYPES[subtype]?.as4 ?? false);
      const family = afi === 1 ? 4 : 6;
      const peer = {
        peerAs: as4 ? u32() : u16(),
        localAs: as4 ? u32() : u16(),
        interfaceIndex: u16(),
        afi: fc.constant(afi),
        peerAddress: arbMrtAddress(family),
        localAddress: arbMrtAddress(family),
      };
      const head = {
        timestamp: timestamp(),
        type: fc.constant(isEt ? 17 : 16),
        subtype: fc.constant(subtype),
        ...(isEt ? { microseconds: fc.integer({ min: 0, max: 999_999 }) } : {}),
      };
      if (subtype === 0 || subtype === 5) {
        return fc.record<MrtRecord>({
          ...head,
          body: fc.record({
            kind: fc.constant('bgp4mp-state-change' as const),
            ...peer,
            oldState: fc.integer({ min: 1, max: 6 }),
            newState: fc.integer({ min: 1, max: 6 }),
          }),
        });
      }
      const m = BGP4MP_MESSAGE_SUBTYPES[subtype]!;
      const context: BgpContext = messageContext(m.as4, m.addPath);
      return fc.record<MrtRecord>({
        ...head,
        body: fc.record({
          kind: fc.constant('bgp4mp-message' as const),
          ...peer,
          message: fc.oneof(
            arbMessage(context).map((message) => ({ kind: 'decoded' as const, message })),
            bytes(30).map((b) => ({ kind: 'raw' as const, bytes: b })),
          ),
        }),
      });
    });
}

function arbLegacy(): fc.Arbitrary<MrtRecord> {
  const ip = arbMrtAddress(4);
  return fc.oneof(
    fc.record({
      timestamp: timestamp(),
      type: fc.constant(5),
      subtype: fc.constant(3),
      body: fc.record({
        kind: fc.constant('bgp-state-change' as const),
        peerAs: u16(),
        peerAddress: ip,
        oldState: u16(),
        newState: u16(),
      }),
    }),
    fc.record({
      timestamp: timestamp(),
      type: fc.constant(5),
      subtype: fc.constantFrom(5, 6, 7),
      body: fc.record({
        kind: fc.constant('bgp-message' as const),
        peerAs: u16(),
        peerAddress: ip,
        localAs: u16(),
        localAddress: ip,
        message: bytes(20).map((b) => ({ kind: 'raw' as const, bytes: b })),
      }),
    }),
  );
}

function arbRaw(): fc.Arbitrary<MrtRecord> {
  return fc.record({
    timestamp: timestamp(),
    type: fc.constantFrom(11, 32, 48, 99),
    subtype: u16(),
    body: fc.record({ kind: fc.constant('raw' as const), data: bytes(40) }),
  });
}

/** Any MRT record the writer can encode (all record families of `@routekit/bgp-codec/mrt`). */
export function arbMrtRecord(): fc.Arbitrary<MrtRecord> {
  return fc.oneof(
    arbTableDump(),
    arbPeerIndexTable(),
    arbRib(),
    arbBgp4mp(),
    arbLegacy(),
    arbRaw(),
  );
}
