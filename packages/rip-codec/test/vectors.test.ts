import { ipv4, ipv6 } from '@routekit/prefix';
import { hex, toHex } from '@routekit/wire';
import { describe, expect, it } from 'vitest';
import {
  decodeRipngPacket,
  decodeRipPacket,
  encodeRipPacket,
  isWholeTableRequest,
  ripngRoutes,
  ripRoutes,
} from '../src/index.js';

describe('RIP vectors', () => {
  it('whole-table request (RFC 2453 §3.9.1)', () => {
    const bytes = hex`
      01 02 0000                      # request, v2
      0000 0000 00000000 00000000 00000000 00000010  # AFI 0, metric 16
    `;
    const r = decodeRipPacket(bytes);
    if (!r.ok) throw new Error('decode');
    expect(isWholeTableRequest(r.value)).toBe(true);
    expect(r.value.issues).toEqual([]);
    expect(toHex(encodeRipPacket(r.value))).toBe(toHex(bytes));
  });

  it('RIPv2 response with tag, mask and next hop', () => {
    const bytes = hex`
      02 02 0000
      0002 0102 c0000200 ffffff00 0a000001 00000003   # 192.0.2.0/24 tag 258 via 10.0.0.1 metric 3
    `;
    const r = decodeRipPacket(bytes);
    expect(r).toMatchObject({ ok: true, bytesRead: 24 });
    if (!r.ok) return;
    expect(r.value.entries[0]).toEqual({
      afi: 2,
      tag: 0x0102,
      address: ipv4(0xc0000200),
      mask: ipv4(0xffffff00),
      nextHop: ipv4(0x0a000001),
      metric: 3,
    });
    expect(ripRoutes(r.value)).toEqual([
      {
        prefix: { family: 4, address: ipv4(0xc0000200), length: 24 },
        tag: 258,
        metric: 3,
        nextHop: ipv4(0x0a000001),
        entry: 0,
      },
    ]);
  });

  it('bad entries are issues; the other entries still decode (RFC 2453 §3.9.2)', () => {
    const bytes = hex`
      02 02 0000
      000a 0000 c0000200 ffffff00 00000000 00000001   # 0: unknown AFI 10
      0002 0000 c0000200 ffffff00 00000000 00000000   # 1: metric 0
      0002 0000 c0000200 ff00ff00 00000000 00000001   # 2: mask not contiguous
      0002 0000 c0000201 ffffff00 00000000 00000001   # 3: host bits
      0002 0000 7f000000 ff000000 00000000 00000001   # 4: 127/8
      0002 0000 c0000200 ffffff00 00000000 00000011   # 5: metric 17
      0002 0000 c6336400 ffffff00 00000000 00000002   # 6: good 198.51.100.0/24
    `;
    const r = decodeRipPacket(bytes);
    if (!r.ok) throw new Error('decode');
    expect(r.value.entries).toHaveLength(7);
    expect(r.value.issues.map((i) => [i.entry, i.code, i.offset, i.action])).toEqual([
      [0, 'unknown-afi', 4, 'ignore-entry'],
      [1, 'bad-metric', 40, 'ignore-entry'],
      [2, 'bad-mask', 52, 'ignore-entry'],
      [3, 'host-bits', 68, 'ignore-entry'],
      [4, 'bad-address', 88, 'ignore-entry'],
      [5, 'bad-metric', 120, 'ignore-entry'],
    ]);
    expect(ripRoutes(r.value).map((x) => x.entry)).toEqual([6]);
    expect(toHex(encodeRipPacket(r.value))).toBe(toHex(bytes));
  });

  it('RIPv1 must-be-zero fields set: the entry is ignored', () => {
    const bytes = hex`01 01 0000  02 00 0000 0a000000 00000000 00000000 00000001`;
    expect(
      decodeRipPacket(hex`02 01 0000  0002 0001 0a000000 00000000 00000000 00000001`),
    ).toMatchObject({
      ok: true,
      value: { issues: [{ code: 'nonzero-v1-field', entry: 0 }] },
    });
    // requests are not checked
    const req = decodeRipPacket(bytes);
    expect(req.ok && req.value.issues).toEqual([]);
  });

  it('RIPv1 prefixes are classful, or the receiving subnet, or hosts', () => {
    const r = decodeRipPacket(hex`
      02 01 0000
      0002 0000 0a000000 00000000 00000000 00000001   # 10.0.0.0 -> /8
      0002 0000 0a010200 00000000 00000000 00000001   # 10.1.2.0 on 10.1.0.0/16 -> host /32 without, /24 with a /24 interface
    `);
    if (!r.ok) throw new Error('decode');
    expect(ripRoutes(r.value).map((x) => x.prefix.length)).toEqual([8, 32]);
    const iface = { family: 4 as const, address: ipv4(0x0a010100), length: 24 };
    expect(ripRoutes(r.value, iface).map((x) => x.prefix.length)).toEqual([8, 24]);
  });

  const errors: [string, Uint8Array, object][] = [
    ['empty', new Uint8Array(0), { code: 'truncated', offset: 0 }],
    ['header cut', hex`02 02 00`, { code: 'truncated', offset: 2 }],
    ['version 0', hex`02 00 0000`, { code: 'bad-version', offset: 1, length: 1 }],
    [
      'partial entry',
      hex`02 02 0000 0002 0000 c0000200`,
      { code: 'bad-length', offset: 4, length: 8 },
    ],
    [
      '26 entries',
      new Uint8Array([2, 2, 0, 0, ...new Array(26 * 20).fill(0)]),
      { code: 'oversized', offset: 4 + 25 * 20 },
    ],
    ['auth entry cut', hex`02 02 0000 ffff 0003 002c`, { code: 'truncated', offset: 4 }],
    [
      'packet length past the end',
      hex`02 02 0000 ffff 0003 00ff 01 10 00000001 0000000000000000`,
      { code: 'bad-auth', offset: 8, length: 2 },
    ],
    [
      'trailer missing',
      hex`02 02 0000 ffff 0003 0018 01 10 00000001 0000000000000000 ffff`,
      { code: 'bad-auth', offset: 8, length: 2 },
    ],
    [
      'trailer not 0xFFFF/1',
      hex`02 02 0000 ffff 0003 0018 01 10 00000001 0000000000000000 ffff 0002 00000000000000000000000000000000`,
      { code: 'bad-auth', offset: 24, length: 4 },
    ],
    [
      'digest of 15 bytes',
      hex`02 02 0000 ffff 0003 0018 01 10 00000001 0000000000000000 ffff 0001 000000000000000000000000000000`,
      { code: 'bad-auth', offset: 28, length: 15 },
    ],
  ];
  for (const [name, bytes, error] of errors) {
    it(`error: ${name}`, () => {
      const r = decodeRipPacket(bytes);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject(error);
    });
  }

  it('error offsets honour baseOffset', () => {
    const r = decodeRipPacket(hex`02 00 0000`, { baseOffset: 42 });
    expect(!r.ok && r.error.offset).toBe(43);
  });

  it('onField reports tshark-named fields', () => {
    const seen: string[] = [];
    decodeRipPacket(hex`02 02 0000 0002 0000 c0000200 ffffff00 00000000 00000001`, {
      onField: (name, offset, length) => seen.push(`${name}@${offset}+${length}`),
    });
    expect(seen).toEqual([
      'rip.command@0+1',
      'rip.version@1+1',
      'rip.routing_domain@2+2',
      'rip.family@4+2',
      'rip.route_tag@6+2',
      'rip.ip@8+4',
      'rip.netmask@12+4',
      'rip.next_hop@16+4',
      'rip.metric@20+4',
      'rip.rte@4+20',
    ]);
  });
});

describe('RIPng vectors', () => {
  it('next-hop RTE applies to the entries after it (RFC 2080 §2.1.1)', () => {
    const bytes = hex`
      02 01 0000
      20010db8000100000000000000000000 0000 40 01   # 2001:db8:1::/64 metric 1, via sender
      fe800000000000000000000000000001 0000 00 ff   # next hop fe80::1
      20010db8000200000000000000000000 0007 30 02   # 2001:db8:2::/48 tag 7 metric 2 via fe80::1
      00000000000000000000000000000000 0000 00 ff   # next hop :: = sender
      20010db8000300000000000000000000 0000 30 10   # 2001:db8:3::/48 metric 16 via sender
    `;
    const r = decodeRipngPacket(bytes);
    if (!r.ok) throw new Error('decode');
    expect(r.value.issues).toEqual([]);
    const routes = ripngRoutes(r.value);
    expect(routes.map((x) => [x.prefix.length, x.metric, x.nextHop])).toEqual([
      [64, 1, undefined],
      [48, 2, ipv6(0xfe800000, 0, 0, 1)],
      [48, 16, undefined],
    ]);
  });

  it('bad RIPng entries are issues', () => {
    const r = decodeRipngPacket(hex`
      02 01 0000
      20010db8000100000000000000000000 0000 81 01   # prefix length 129
      20010db8000100000000000000000000 0000 40 00   # metric 0
      ff020000000000000000000000000009 0000 80 01   # multicast
      20010db8000100000000000000000001 0000 40 01   # host bits
    `);
    if (!r.ok) throw new Error('decode');
    expect(r.value.issues.map((i) => [i.entry, i.code, i.offset])).toEqual([
      [0, 'bad-prefix-length', 22],
      [1, 'bad-metric', 43],
      [2, 'bad-address', 44],
      [3, 'host-bits', 64],
    ]);
    expect(ripngRoutes(r.value)).toEqual([]);
  });

  it('RIPng errors', () => {
    expect(decodeRipngPacket(hex`02 01 0000 00`)).toMatchObject({
      ok: false,
      error: { code: 'bad-length', offset: 4 },
    });
    expect(decodeRipngPacket(hex`02 00 0000`)).toMatchObject({
      ok: false,
      error: { code: 'bad-version' },
    });
    expect(decodeRipngPacket(new Uint8Array(70_000))).toMatchObject({
      ok: false,
      error: { code: 'oversized' },
    });
  });
});
