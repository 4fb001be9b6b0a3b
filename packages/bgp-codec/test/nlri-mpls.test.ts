import { formatPrefix } from '@routekit/prefix';
import { hex, toHex } from '@routekit/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BgpContext,
  DEFAULT_CONTEXT,
  decodeMessage,
  encodeMessage,
  familyName,
  formatRouteDistinguisher,
  isBottomOfStack,
  labelValue,
  type MpNlri,
  mpNextHops,
  routeDistinguisher,
  type UpdateMessage,
  updateAction,
} from '../src/index.js';
import { arbContext, arbUpdate } from '../src/testing.js';
import { bgpCaptureFiles, bgpMessages, decodeBest } from './helpers.js';

/**
 * An UPDATE whose first attribute is the given MP attribute (type 14 or 15) value; an
 * MP_REACH is followed by ORIGIN and an empty AS_PATH (RFC 7606 §3.d).
 */
function mpUpdate(type: 14 | 15, value: Uint8Array): Uint8Array {
  const tail = type === 14 ? [0x40, 1, 1, 0, 0x40, 2, 0] : [];
  const attr = new Uint8Array(4 + value.length + tail.length);
  attr.set([0x90, type, value.length >> 8, value.length & 0xff]);
  attr.set(value, 4);
  attr.set(tail, 4 + value.length);
  const len = 19 + 4 + attr.length;
  const m = new Uint8Array(len).fill(0xff, 0, 16);
  m.set([len >> 8, len & 0xff, 2, 0, 0, attr.length >> 8, attr.length & 0xff], 16);
  m.set(attr, 23);
  return m;
}

function decodeUpdate(wire: Uint8Array, context: BgpContext = DEFAULT_CONTEXT): UpdateMessage {
  const d = decodeMessage(wire, context);
  if (!d.ok || d.value.kind !== 'update') throw new Error(JSON.stringify(d));
  return d.value;
}

function nlriOf(u: UpdateMessage): MpNlri {
  const a = u.attributes[0];
  if (a?.kind === 'mp-reach') return a.nlri;
  if (a?.kind === 'mp-unreach') return a.withdrawn;
  throw new Error('no MP attribute');
}

/** Text of labelled/VPN routes: `[labels] rd prefix #pathId`. */
function routesText(n: MpNlri): string[] {
  if (n.kind !== 'labelled' && n.kind !== 'vpn') return [];
  return n.routes.map((r) => {
    const labels = r.labels.map((e) => `${labelValue(e)}${isBottomOfStack(e) ? '' : '+'}`);
    const rd = 'rd' in r ? ` ${formatRouteDistinguisher(r.rd)}` : '';
    const id = r.pathId === undefined ? '' : ` #${r.pathId}`;
    return `[${labels.join(' ')}]${rd} ${formatPrefix(r.prefix)}${id}`;
  });
}

const AP = (key: string): BgpContext => ({
  ...DEFAULT_CONTEXT,
  addPath: { [key]: { receive: true, send: true } },
});

interface Row {
  readonly name: string;
  readonly type: 14 | 15;
  readonly value: Uint8Array;
  readonly context?: BgpContext;
  readonly kind: MpNlri['kind'];
  readonly routes: readonly string[];
  readonly nextHops?: readonly string[];
}

const ROWS: readonly Row[] = [
  {
    name: 'IPv4 labelled unicast, one label (RFC 8277 §2.2)',
    type: 14,
    value: hex`0001 04 04 c0000201 00
      28 000641 0a01            # 40 bits: label 100 (S), 10.1.0.0/16`,
    kind: 'labelled',
    routes: ['[100] 10.1.0.0/16'],
    nextHops: ['192.0.2.1'],
  },
  {
    name: 'IPv4 labelled unicast, three labels (RFC 8277 §2.3 multiple labels)',
    type: 14,
    value: hex`0001 04 04 c0000201 00
      60 000640 000c80 0012c1 0a0102   # 96 bits: 100, 200, 300(S), 10.1.2.0/24`,
    kind: 'labelled',
    routes: ['[100+ 200+ 300] 10.1.2.0/24'],
  },
  {
    name: 'IPv4 labelled withdraw with the 0x800000 compatibility label (RFC 8277 §2.4)',
    type: 15,
    value: hex`0001 04  28 800000 0a01   # 40 bits: compat label, 10.1.0.0/16`,
    kind: 'labelled',
    routes: ['[524288+] 10.1.0.0/16'],
  },
  {
    name: 'IPv4 labelled withdraw with a 0x000000 label (RFC 3107 senders)',
    type: 15,
    value: hex`0001 04  28 000000 0a01`,
    kind: 'labelled',
    routes: ['[0+] 10.1.0.0/16'],
  },
  {
    name: 'IPv6 labelled unicast with ADD-PATH (RFC 7911)',
    type: 14,
    value: hex`0002 04 10 20010db8000000000000000000000001 00
      00000007 48 003e81 20010db80001    # path id 7, 72 bits: label 1000, 2001:db8:1::/48`,
    context: AP('2/4'),
    kind: 'labelled',
    routes: ['[1000] 2001:db8:1::/48 #7'],
    nextHops: ['2001:db8::1'],
  },
  {
    name: 'VPNv4, RD type 0 (RFC 4364 §4.3.4)',
    type: 14,
    value: hex`0001 80 0c 0000000000000000 c0000201 00
      68 000641 0000fde800000064 0a01   # 104 bits: label 100, RD 65000:100, 10.1.0.0/16`,
    kind: 'vpn',
    routes: ['[100] 65000:100 10.1.0.0/16'],
    nextHops: ['192.0.2.1'],
  },
  {
    name: 'VPNv4, RD type 1 (IPv4 administrator)',
    type: 14,
    value: hex`0001 80 0c 0000000000000000 c0000201 00
      70 000641 0001c00002010007 0a0102`,
    kind: 'vpn',
    routes: ['[100] 192.0.2.1:7 10.1.2.0/24'],
  },
  {
    name: 'VPNv4, RD type 2 (4-octet AS administrator), two routes',
    type: 14,
    value: hex`0001 80 0c 0000000000000000 c0000201 00
      70 000641 0002fa56ea000007 0a0102
      58 000651 0002fa56ea000007`,
    kind: 'vpn',
    routes: ['[100] 4200000000:7 10.1.2.0/24', '[101] 4200000000:7 0.0.0.0/0'],
  },
  {
    name: 'VPNv6 with global + link-local VPN next hop (RFC 4659 §3.2.1)',
    type: 14,
    value: hex`0002 80 30
      0000000000000000 20010db8000000000000000000000001
      0000000000000000 fe800000000000000000000000000001 00
      88 000641 0000fde800000064 20010db80001   # 136 bits`,
    kind: 'vpn',
    routes: ['[100] 65000:100 2001:db8:1::/48'],
    nextHops: ['2001:db8::1', 'fe80::1'],
  },
  {
    name: 'VPNv4 withdraw with ADD-PATH',
    type: 15,
    value: hex`0001 80  00000002 68 800000 0000fde800000064 0a01`,
    context: AP('1/128'),
    kind: 'vpn',
    routes: ['[524288+] 65000:100 10.1.0.0/16 #2'],
  },
  {
    name: 'EVPN stays raw',
    type: 14,
    value: hex`0019 46 04 c0000201 00  02 0b 0000000000000000000000`,
    kind: 'raw',
    routes: [],
  },
];

describe('labelled and VPN NLRI (RFC 8277, RFC 4364, RFC 4659)', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const wire = mpUpdate(row.type, row.value);
      const u = decodeUpdate(wire, row.context);
      expect(u.issues).toEqual([]);
      const n = nlriOf(u);
      expect(n.kind).toBe(row.kind);
      expect(routesText(n)).toEqual(row.routes);
      const a = u.attributes[0];
      if (row.nextHops !== undefined && a?.kind === 'mp-reach') {
        expect(mpNextHops(a.safi, a.nextHop)?.map((h) => h.address)).toEqual(row.nextHops);
      }
      expect(toHex(encodeMessage(u, row.context))).toBe(toHex(wire));
    });
  }
});

interface BadRow {
  readonly name: string;
  readonly type: 14 | 15;
  readonly value: Uint8Array;
  readonly code: string;
  /** Offset in the message (the MP attribute value starts at 27). */
  readonly offset: number;
  readonly action: string;
}

const BAD: readonly BadRow[] = [
  {
    name: 'label stack without bottom of stack',
    type: 14,
    value: hex`0001 04 04 c0000201 00  28 000640 0a01`,
    code: 'invalid-network-field',
    offset: 36,
    action: 'afi-safi-disable',
  },
  {
    name: 'labelled prefix longer than 32 bits',
    type: 14,
    value: hex`0001 04 04 c0000201 00  40 000641 0a010203 04`,
    code: 'invalid-network-field',
    offset: 36,
    action: 'afi-safi-disable',
  },
  {
    name: 'VPN route too short for its RD',
    type: 14,
    value: hex`0001 80 0c 0000000000000000 c0000201 00  38 000641 0000fde8`,
    code: 'invalid-network-field',
    offset: 44,
    action: 'afi-safi-disable',
  },
  {
    name: 'VPN route overrunning the attribute',
    type: 15,
    value: hex`0001 80  70 000641 0000fde800000064 0a`,
    code: 'invalid-network-field',
    offset: 30,
    action: 'afi-safi-disable',
  },
  {
    name: 'VPNv4 next hop without RD (RFC 7606 §7.11)',
    type: 14,
    value: hex`0001 80 04 c0000201 00  70 000641 0000fde800000064 0a01`,
    code: 'bad-next-hop-length',
    offset: 30,
    action: 'afi-safi-disable',
  },
  {
    name: 'IPv6 unicast next hop of 4 bytes (RFC 7606 §7.11)',
    type: 14,
    value: hex`0002 01 04 c0000201 00  20 20010db8`,
    code: 'bad-next-hop-length',
    offset: 30,
    action: 'afi-safi-disable',
  },
  {
    name: 'MP_UNREACH too short for AFI/SAFI (RFC 7606 §7.11 → session reset)',
    type: 15,
    value: hex`0001`,
    code: 'truncated',
    offset: 29,
    action: 'session-reset',
  },
];

describe('malformed labelled / VPN NLRI: RFC 7606 actions', () => {
  for (const row of BAD) {
    it(row.name, () => {
      const wire = mpUpdate(row.type, row.value);
      const u = decodeUpdate(wire);
      const issue = u.issues[0];
      expect({ code: issue?.code, offset: issue?.offset, action: issue?.action }).toEqual({
        code: row.code,
        offset: row.offset,
        action: row.action,
      });
      expect(updateAction(u)).toBe(row.action);
      expect(u.attributes[0]?.kind).toBe('raw');
      expect(toHex(encodeMessage(u))).toBe(toHex(wire));
    });
  }
});

describe('route distinguishers and family names', () => {
  it('formats and parses RD types 0, 1, 2', () => {
    for (const text of ['65000:100', '192.0.2.1:7', '4200000000:7']) {
      expect(formatRouteDistinguisher(routeDistinguisher(text))).toBe(text);
    }
    expect(toHex(routeDistinguisher('65000:100'))).toBe('0000fde800000064');
    expect(formatRouteDistinguisher(hex`0003 000000000000`)).toBe('0003000000000000');
  });
  it('names families like ExaBGP', () => {
    expect(familyName(1, 1)).toBe('ipv4 unicast');
    expect(familyName(2, 128)).toBe('ipv6 mpls-vpn');
    expect(familyName(1, 4)).toBe('ipv4 nlri-mpls');
    expect(familyName(25, 70)).toBe('l2vpn evpn');
    expect(familyName(1, 133)).toBe('ipv4 flow');
    expect(familyName(16388, 71)).toBe('bgp-ls bgp-ls');
    expect(familyName(1, 132)).toBe('ipv4 rtc');
    expect(familyName(3, 9)).toBe('afi-3 safi-9');
  });
});

describe('labelled / VPN routes in the captures', () => {
  it('decode and re-encode byte-exact', () => {
    const counts = { labelled: 0, vpn: 0, messages: 0 };
    for (const file of bgpCaptureFiles()) {
      for (const m of bgpMessages(file)) {
        const { d } = decodeBest(m.bytes, m.context);
        if (!d.ok || d.value.kind !== 'update') continue;
        let seen = false;
        for (const a of d.value.attributes) {
          const n = a.kind === 'mp-reach' ? a.nlri : a.kind === 'mp-unreach' ? a.withdrawn : null;
          if (n?.kind === 'labelled' || n?.kind === 'vpn') {
            counts[n.kind] += n.routes.length;
            seen = true;
          }
        }
        if (seen) counts.messages++;
      }
    }
    console.log(`captured labelled/vpn routes: ${JSON.stringify(counts)}`);
    expect(counts.labelled).toBeGreaterThan(0);
    expect(counts.vpn).toBeGreaterThan(0);
  });
});

describe('labelled / VPN properties (fast-check)', () => {
  /** UPDATEs whose MP attribute is labelled or VPN, in any context. */
  const arb = arbContext()
    .chain((context) => arbUpdate(context).map((message) => ({ context, message })))
    .filter(
      ({ message }) =>
        message.kind === 'update' &&
        message.attributes.some(
          (a) =>
            (a.kind === 'mp-reach' && (a.nlri.kind === 'labelled' || a.nlri.kind === 'vpn')) ||
            (a.kind === 'mp-unreach' &&
              (a.withdrawn.kind === 'labelled' || a.withdrawn.kind === 'vpn')),
        ),
    );

  it('decode(encode(m)) = m and re-encodes byte-exact', () => {
    fc.assert(
      fc.property(arb, ({ context, message }) => {
        const bytes = encodeMessage(message, context);
        const d = decodeMessage(bytes, context);
        expect(d.ok).toBe(true);
        if (!d.ok) return;
        expect(d.value).toEqual(message);
        expect(toHex(encodeMessage(d.value, context))).toBe(toHex(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('the arbitraries generate every MP NLRI kind', () => {
    const kinds = new Set<string>();
    for (const { message } of fc.sample(
      arbContext().chain((context) => arbUpdate(context).map((message) => ({ message }))),
      { numRuns: 2000, seed: 7 },
    )) {
      if (message.kind !== 'update') continue;
      for (const a of message.attributes) {
        if (a.kind === 'mp-reach') kinds.add(a.nlri.kind);
        if (a.kind === 'mp-unreach') kinds.add(a.withdrawn.kind);
      }
    }
    expect([...kinds].sort()).toEqual(['labelled', 'prefixes', 'vpn']);
  });
});
