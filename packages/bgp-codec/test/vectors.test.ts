import { prefixOrThrow } from '@routekit/prefix';
import { hex, toHex } from '@routekit/wire';
import { describe, expect, it } from 'vitest';
import {
  type BgpAction,
  type BgpContext,
  type BgpMessage,
  DEFAULT_CONTEXT,
  decodeMessage,
  encodeMessage,
  formatCommunity,
  notificationFor,
  openCapabilities,
  peekMessageLength,
  shutdownCommunication,
  updateAction,
} from '../src/index.js';

const MARKER = 'ffffffff ffffffff ffffffff ffffffff';
const FOUR: BgpContext = { ...DEFAULT_CONTEXT, fourOctetAs: true };

interface Row {
  readonly name: string;
  readonly wire: Uint8Array;
  readonly context?: BgpContext;
  readonly value: BgpMessage;
}

const ROWS: readonly Row[] = [
  {
    name: 'KEEPALIVE (RFC 4271 §4.4)',
    wire: hex`${MARKER} 0013 04`,
    value: { kind: 'keepalive' },
  },
  {
    name: 'OPEN with MP, route refresh, 4-octet AS, ADD-PATH, role, extended message',
    wire: hex`${MARKER} 0038 01
      04 fde8 00b4 c0000201   # version 4, AS 65000, hold 180, BGP id
      1b 02 19                # opt parm len 27; capabilities parameter, 25 bytes
      01 04 0001 00 01        # multiprotocol IPv4 unicast
      02 00                   # route refresh
      41 04 0000fde8          # 4-octet AS 65000
      45 04 0001 01 03        # ADD-PATH IPv4 unicast send+receive
      09 01 03                # BGP role: customer
      06 00                   # extended message`,
    value: {
      kind: 'open',
      version: 4,
      myAs: 65000,
      holdTime: 180,
      bgpId: 0xc0000201,
      extendedParameters: false,
      parameters: [
        {
          type: 2,
          capabilities: [
            { kind: 'multiprotocol', afi: 1, reserved: 0, safi: 1 },
            { kind: 'route-refresh' },
            { kind: 'four-octet-as', asn: 65000 },
            { kind: 'add-path', families: [{ afi: 1, safi: 1, sendReceive: 3 }] },
            { kind: 'bgp-role', role: 3 },
            { kind: 'extended-message' },
          ],
        },
      ],
    },
  },
  {
    name: 'OPEN with RFC 9072 extended optional parameters',
    wire: hex`${MARKER} 0025 01
      04 fde8 00b4 c0000201
      ff ff 0005              # Non-Ext OP Len 255, Non-Ext OP Type 255, ext length 5
      02 0002 0200            # capabilities parameter (2-byte length): route refresh`,
    value: {
      kind: 'open',
      version: 4,
      myAs: 65000,
      holdTime: 180,
      bgpId: 0xc0000201,
      extendedParameters: true,
      parameters: [{ type: 2, capabilities: [{ kind: 'route-refresh' }] }],
    },
  },
  {
    name: 'UPDATE with ORIGIN, AS_PATH, NEXT_HOP, COMMUNITIES and one route',
    wire: hex`${MARKER} 0034 02
      0000 0019
      40 01 01 00             # ORIGIN IGP
      40 02 04 02 01 fde8     # AS_PATH SEQUENCE [65000] (2-octet)
      40 03 04 c0000201       # NEXT_HOP 192.0.2.1
      c0 08 04 ffffff01       # COMMUNITIES NO_EXPORT
      18 c63364               # 198.51.100.0/24`,
    value: {
      kind: 'update',
      withdrawn: [],
      attributes: [
        { kind: 'origin', flags: 0x40, origin: 0 },
        { kind: 'as-path', flags: 0x40, segments: [{ type: 2, asns: [65000] }] },
        { kind: 'next-hop', flags: 0x40, nextHop: 0xc0000201 },
        { kind: 'communities', flags: 0xc0, communities: [0xffffff01] },
      ],
      nlri: [{ prefix: prefixOrThrow('198.51.100.0/24') }],
      unparsedAttributes: new Uint8Array(0),
      issues: [],
    },
  },
  {
    name: 'UPDATE: 4-octet AS_PATH, extended-length MP_UNREACH for IPv6 with ADD-PATH',
    context: { ...FOUR, addPath: { '2/1': { receive: true, send: true } } },
    wire: hex`${MARKER} 0034 02
      0000 001d
      40 02 06 02 01 0001 0000  # AS_PATH SEQUENCE [65536]
      90 0f 0010 0002 01        # MP_UNREACH (extended length) IPv6 unicast
      00000007 40 20010db8 0000 0000  # path id 7, 2001:db8::/64`,
    value: {
      kind: 'update',
      withdrawn: [],
      attributes: [
        { kind: 'as-path', flags: 0x40, segments: [{ type: 2, asns: [65536] }] },
        {
          kind: 'mp-unreach',
          flags: 0x90,
          afi: 2,
          safi: 1,
          withdrawn: {
            kind: 'prefixes',
            routes: [{ prefix: prefixOrThrow('2001:db8::/64'), pathId: 7 }],
          },
        },
      ],
      nlri: [],
      unparsedAttributes: new Uint8Array(0),
      issues: [],
    },
  },
  {
    name: 'NOTIFICATION Cease/Administrative Shutdown with RFC 9003 communication',
    wire: hex`${MARKER} 001b 03 06 02 05 68656c6c6f`,
    value: { kind: 'notification', code: 6, subcode: 2, data: hex`05 68656c6c6f` },
  },
  {
    name: 'ROUTE-REFRESH BoRR (RFC 7313)',
    wire: hex`${MARKER} 0017 05 0001 01 01`,
    value: { kind: 'route-refresh', afi: 1, subtype: 1, safi: 1, orf: new Uint8Array(0) },
  },
];

describe('vector table', () => {
  for (const row of ROWS) {
    it(`${row.name}: decodes, and encodes back byte-exact`, () => {
      const context = row.context ?? DEFAULT_CONTEXT;
      const d = decodeMessage(row.wire, context);
      expect(d.ok && d.value).toEqual(row.value);
      expect(d.ok && d.bytesRead).toBe(row.wire.length);
      expect(toHex(encodeMessage(row.value, context))).toBe(toHex(row.wire));
    });
  }

  it('helpers read the decoded values', () => {
    const open = decodeMessage(ROWS[1]!.wire);
    expect(open.ok && openCapabilities(open.value as never).map((c) => c.kind)).toContain(
      'four-octet-as',
    );
    const n = decodeMessage(ROWS[5]!.wire);
    expect(n.ok && n.value.kind === 'notification' && shutdownCommunication(n.value)?.text).toBe(
      'hello',
    );
    expect(formatCommunity(0xffffff01)).toBe('NO_EXPORT');
    expect(formatCommunity((65000 * 65536 + 100) >>> 0)).toBe('65000:100');
    expect(peekMessageLength(ROWS[3]!.wire)).toEqual({ ok: true, value: 0x34, bytesRead: 19 });
  });
});

/** Fatal errors: the message cannot be used; RFC 4271 §6 says NOTIFICATION and reset. */
const ERRORS: readonly {
  name: string;
  wire: Uint8Array;
  code: string;
  offset: number;
  notification: [number, number];
  action: BgpAction;
}[] = [
  {
    name: 'marker not all ones',
    wire: hex`00ffffff ffffffff ffffffff ffffffff 0013 04`,
    code: 'bad-marker',
    offset: 0,
    notification: [1, 1],
    action: 'session-reset',
  },
  {
    name: 'length 18',
    wire: hex`${MARKER} 0012 04`,
    code: 'bad-message-length',
    offset: 16,
    notification: [1, 2],
    action: 'session-reset',
  },
  {
    name: 'length 4097 without extended messages',
    wire: hex`${MARKER} 1001 04`,
    code: 'bad-message-length',
    offset: 16,
    notification: [1, 2],
    action: 'session-reset',
  },
  {
    name: 'type 6',
    wire: hex`${MARKER} 0013 06`,
    code: 'bad-message-type',
    offset: 18,
    notification: [1, 3],
    action: 'session-reset',
  },
  {
    name: 'KEEPALIVE of 20 bytes',
    wire: hex`${MARKER} 0014 04 00`,
    code: 'bad-message-length',
    offset: 16,
    notification: [1, 2],
    action: 'session-reset',
  },
  {
    name: 'OPEN version 3',
    wire: hex`${MARKER} 001d 01 03 fde8 00b4 c0000201 00`,
    code: 'unsupported-version',
    offset: 19,
    notification: [2, 1],
    action: 'session-reset',
  },
  {
    name: 'OPEN BGP identifier 0',
    wire: hex`${MARKER} 001d 01 04 fde8 00b4 00000000 00`,
    code: 'bad-bgp-identifier',
    offset: 24,
    notification: [2, 3],
    action: 'session-reset',
  },
  {
    name: 'OPEN opt parm len overruns',
    wire: hex`${MARKER} 001d 01 04 fde8 00b4 c0000201 05`,
    code: 'bad-optional-parameters',
    offset: 29,
    notification: [2, 0],
    action: 'session-reset',
  },
  {
    name: 'UPDATE attribute length overruns message',
    wire: hex`${MARKER} 0017 02 0000 00ff`,
    code: 'malformed-attribute-list',
    offset: 21,
    notification: [3, 1],
    action: 'session-reset',
  },
  {
    name: 'UPDATE withdrawn length overruns message',
    wire: hex`${MARKER} 0017 02 0009 0000`,
    code: 'malformed-attribute-list',
    offset: 19,
    notification: [3, 1],
    action: 'session-reset',
  },
  {
    name: 'NLRI prefix length 33',
    wire: hex`${MARKER} 001c 02 0000 0000 21 c0000201`,
    code: 'invalid-network-field',
    offset: 23,
    notification: [3, 10],
    action: 'session-reset',
  },
  {
    name: 'ROUTE-REFRESH of 22 bytes',
    wire: hex`${MARKER} 0016 05 000101`,
    code: 'route-refresh-length',
    offset: 16,
    notification: [7, 1],
    action: 'session-reset',
  },
  {
    name: 'capability overruns its parameter',
    wire: hex`${MARKER} 0021 01 04 fde8 00b4 c0000201 04 02 02 41 04`,
    code: 'truncated',
    offset: 33,
    notification: [2, 0],
    action: 'session-reset',
  },
];

describe('error vectors', () => {
  for (const e of ERRORS) {
    it(`${e.name}: ${e.code} at ${e.offset}`, () => {
      const d = decodeMessage(e.wire);
      expect(d.ok).toBe(false);
      if (d.ok) return;
      expect({ code: d.error.code, offset: d.error.offset }).toEqual({
        code: e.code,
        offset: e.offset,
      });
      const n = notificationFor(d.error, e.wire[18]);
      expect([n.code, n.subcode]).toEqual(e.notification);
    });
  }
});

/** RFC 7606 recoverable errors: the UPDATE decodes, `issues` lists them, worst action wins. */
const ISSUES: readonly {
  name: string;
  wire: Uint8Array;
  issues: { code: string; offset: number; typeCode: number; action: BgpAction }[];
  worst: BgpAction;
}[] = [
  {
    name: 'ORIGIN value 3 → treat-as-withdraw',
    wire: hex`${MARKER} 001b 02 0000 0004 40 01 01 03`,
    issues: [{ code: 'bad-value', offset: 26, typeCode: 1, action: 'treat-as-withdraw' }],
    worst: 'treat-as-withdraw',
  },
  {
    name: 'AGGREGATOR of 5 bytes → attribute-discard',
    wire: hex`${MARKER} 001f 02 0000 0008 c0 07 05 fde8 c00002`,
    issues: [{ code: 'length-out-of-range', offset: 26, typeCode: 7, action: 'attribute-discard' }],
    worst: 'attribute-discard',
  },
  {
    name: 'AGGREGATOR bad + ORIGIN bad: the worst (treat-as-withdraw) wins',
    wire: hex`${MARKER} 0023 02 0000 000c c0 07 05 fde8 c00002 40 01 01 07`,
    issues: [
      { code: 'length-out-of-range', offset: 26, typeCode: 7, action: 'attribute-discard' },
      { code: 'bad-value', offset: 34, typeCode: 1, action: 'treat-as-withdraw' },
    ],
    worst: 'treat-as-withdraw',
  },
  {
    name: 'LOCAL_PREF marked optional → attribute flags, treat-as-withdraw',
    wire: hex`${MARKER} 001e 02 0000 0007 80 05 04 00000064`,
    issues: [{ code: 'attribute-flags', offset: 26, typeCode: 5, action: 'treat-as-withdraw' }],
    worst: 'treat-as-withdraw',
  },
  {
    name: 'two MP_UNREACH → session-reset',
    wire: hex`${MARKER} 0023 02 0000 000c 80 0f 03 0001 01 80 0f 03 0001 01`,
    issues: [{ code: 'duplicate-attribute', offset: 29, typeCode: 15, action: 'session-reset' }],
    worst: 'session-reset',
  },
  {
    name: 'route without NEXT_HOP → missing well-known, treat-as-withdraw',
    wire: hex`${MARKER} 0020 02 0000 0007 40 01 01 00 40 02 00 08 0a`,
    issues: [{ code: 'missing-well-known', offset: 21, typeCode: 3, action: 'treat-as-withdraw' }],
    worst: 'treat-as-withdraw',
  },
  {
    name: 'attribute overrunning the attributes field → treat-as-withdraw, bytes kept',
    wire: hex`${MARKER} 001b 02 0000 0004 40 01 09 00`,
    issues: [{ code: 'attribute-length', offset: 23, typeCode: 1, action: 'treat-as-withdraw' }],
    worst: 'treat-as-withdraw',
  },
  {
    name: 'unknown well-known attribute → session-reset',
    wire: hex`${MARKER} 001a 02 0000 0003 40 63 00`,
    issues: [
      { code: 'unrecognized-well-known', offset: 26, typeCode: 99, action: 'session-reset' },
    ],
    worst: 'session-reset',
  },
];

describe('RFC 7606 issue vectors', () => {
  for (const v of ISSUES) {
    it(v.name, () => {
      const d = decodeMessage(v.wire);
      expect(d.ok).toBe(true);
      if (!d.ok || d.value.kind !== 'update') return;
      expect(
        d.value.issues.map(({ code, offset, typeCode, action }) => ({
          code,
          offset,
          typeCode,
          action,
        })),
      ).toEqual(v.issues);
      expect(updateAction(d.value)).toBe(v.worst);
      // the message re-encodes as received, malformed parts included
      expect(toHex(encodeMessage(d.value))).toBe(toHex(v.wire));
    });
  }
});
