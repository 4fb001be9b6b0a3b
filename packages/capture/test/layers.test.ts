import { describe, expect, test } from 'vitest';
import {
  type Dissection,
  Dissector,
  dissect,
  type Frame,
  formatAddress,
  isSupportedLinkType,
  LinkType,
  linkTypeName,
} from '../src/index.js';
import { cat, ethernet, ipv4, ipv6, tcp, u16, udp, V6_DST } from './build.js';

let counter = 0;
function frame(linkType: number, data: Uint8Array, number = ++counter): Frame {
  return {
    number,
    timestamp: 0n,
    interfaceId: 0,
    linkType,
    capturedLength: data.length,
    originalLength: data.length,
    data,
    fileOffset: 0,
  };
}

const RIP = Uint8Array.from([2, 2, 0, 0]);
const ipUdp = ipv4(17, udp(520, 520, RIP));

function expectRip(d: Dissection): void {
  expect(d.error).toBeUndefined();
  expect(d.transport?.kind).toBe('udp');
  expect(d.transport?.destinationPort).toBe(520);
  expect(d.payload).toEqual(RIP);
}

describe('link types', () => {
  const cases: [string, number, Uint8Array][] = [
    ['Ethernet', LinkType.Ethernet, ethernet(0x0800, ipUdp)],
    ['Ethernet + 802.1Q + 802.1ad', LinkType.Ethernet, ethernet(0x0800, ipUdp, [10, 20])],
    [
      'Ethernet 802.3 + LLC/SNAP',
      LinkType.Ethernet,
      cat(new Array(12).fill(0), u16(ipUdp.length + 8), [0xaa, 0xaa, 3, 0, 0, 0, 8, 0], ipUdp),
    ],
    ['Ethernet + MPLS', LinkType.Ethernet, ethernet(0x8847, cat([0, 1, 0x01, 0x40], ipUdp))],
    ['Linux SLL', LinkType.LinuxSll, cat([0, 0, 0, 1, 0, 6], new Array(8).fill(0), [8, 0], ipUdp)],
    [
      'Linux SLL2',
      LinkType.LinuxSll2,
      cat([8, 0, 0, 0, 0, 0, 0, 2, 0, 1, 0, 6], new Array(8).fill(0), ipUdp),
    ],
    ['raw IP', LinkType.Raw, ipUdp],
    ['raw IP (DLT 12)', 12, ipUdp],
    ['LINKTYPE_IPV4', LinkType.Ipv4, ipUdp],
    ['BSD NULL little-endian', LinkType.Null, cat([2, 0, 0, 0], ipUdp)],
    ['BSD NULL big-endian', LinkType.Null, cat([0, 0, 0, 2], ipUdp)],
    ['OpenBSD LOOP', LinkType.Loop, cat([0, 0, 0, 2], ipUdp)],
    ['Cisco HDLC', LinkType.CiscoHdlc, cat([0x0f, 0, 8, 0], ipUdp)],
    ['Cisco HDLC + MPLS', LinkType.CiscoHdlc, cat([0x0f, 0, 0x88, 0x47, 0, 1, 0x2d, 0xfe], ipUdp)],
    ['PPP with address/control', LinkType.Ppp, cat([0xff, 3, 0, 0x21], ipUdp)],
    ['PPP compressed protocol', LinkType.PppHdlc, cat([0x21], ipUdp)],
    ['Frame Relay, Cisco encapsulation', LinkType.FrameRelay, cat([0x18, 0x61, 8, 0], ipUdp)],
    ['Frame Relay, RFC 2427 NLPID', LinkType.FrameRelay, cat([0x18, 0x61, 3, 0xcc], ipUdp)],
    [
      'Frame Relay, RFC 2427 SNAP',
      LinkType.FrameRelay,
      cat([0x18, 0x61, 3, 0, 0x80, 0, 0, 0, 8, 0], ipUdp),
    ],
    [
      'Juniper Ethernet with extensions',
      LinkType.JuniperEther,
      cat([0x4d, 0x47, 0x43, 0x81, 0, 4, 1, 2, 3, 4], ethernet(0x0800, ipUdp)),
    ],
    ['Juniper, no L2', LinkType.JuniperEther, cat([0x4d, 0x47, 0x43, 0x02, 0, 0, 0, 2], ipUdp)],
  ];
  test.each(cases)('%s', (_name, linkType, data) => {
    const d = dissect(frame(linkType, data));
    expectRip(d);
    expect(d.link?.name).toBe(linkTypeName(linkType));
    expect(isSupportedLinkType(linkType)).toBe(true);
  });

  test('VLAN ids and MPLS labels are kept', () => {
    expect(dissect(frame(1, ethernet(0x0800, ipUdp, [10, 20]))).link?.vlans).toEqual([10, 20]);
    const mpls = dissect(
      frame(1, ethernet(0x8847, cat([0, 1, 0x00, 0x40, 0, 2, 0x01, 0x40], ipUdp))),
    );
    expect(mpls.link?.mplsLabels).toEqual([16, 32]);
  });

  test('an unsupported link type is named, never a crash', () => {
    const d = dissect(frame(127, Uint8Array.of(0, 0, 8, 0)));
    expect(d.error?.code).toBe('unsupported-link-type');
    expect(d.error?.detail).toContain('LINKTYPE_IEEE802_11_RADIOTAP');
    expect(linkTypeName(9999)).toBe('LINKTYPE_UNKNOWN_9999');
    expect(linkTypeName(150)).toBe('LINKTYPE_USER3');
    expect(isSupportedLinkType(127)).toBe(false);
  });

  test('non-IP payloads stop at the link layer', () => {
    const arp = dissect(frame(1, ethernet(0x0806, new Uint8Array(28))));
    expect(arp.error).toBeUndefined();
    expect(arp.link?.etherType).toBe(0x0806);
    expect(arp.ip).toEqual([]);
    const stp = dissect(
      frame(1, cat(new Array(12).fill(0), [0, 38, 0x42, 0x42, 3], new Array(35).fill(0))),
    );
    expect(stp.link?.etherType).toBe(0);
    expect(dissect(frame(LinkType.Ppp, cat([0xff, 3, 0xc0, 0x21], [1, 2]))).link?.etherType).toBe(
      0,
    );
    expect(dissect(frame(LinkType.Null, cat([7, 0, 0, 0], ipUdp))).link?.etherType).toBe(0);
    expect(
      dissect(frame(LinkType.FrameRelay, cat([0x18, 0x61, 3, 0x81], ipUdp))).link?.etherType,
    ).toBe(0);
  });

  test('damaged link headers are typed errors', () => {
    expect(dissect(frame(1, new Uint8Array(10))).error?.code).toBe('truncated');
    expect(dissect(frame(LinkType.JuniperEther, Uint8Array.of(1, 2, 3, 4))).error?.code).toBe(
      'bad-value',
    );
    expect(
      dissect(frame(LinkType.FrameRelay, Uint8Array.of(0x18, 0x60, 0x60, 0x60, 0x60))).error?.code,
    ).toBe('bad-value');
    expect(dissect(frame(LinkType.FrameRelay, Uint8Array.of(0x19, 0x60))).error?.code).toBe(
      'bad-value',
    );
    expect(dissect(frame(LinkType.Null, Uint8Array.of(1, 2, 3, 4))).error?.code).toBe('bad-value');
    const tags = new Array(9).fill(5);
    const tooMany = dissect(frame(1, ethernet(0x0800, ipUdp, tags)));
    expect(tooMany.error?.code).toBe('limit-exceeded');
    const labels = cat(...new Array(17).fill([0, 1, 0, 0x40]));
    expect(dissect(frame(1, ethernet(0x8847, cat(labels, ipUdp)))).error?.code).toBe(
      'limit-exceeded',
    );
  });
});

describe('IP layers', () => {
  test('IPv4 header fields, Ethernet padding removed', () => {
    const d = dissect(frame(1, cat(ethernet(0x0800, ipUdp), new Array(10).fill(0))));
    const ip = d.ip[0]!;
    expect(ip.kind).toBe('ipv4');
    if (ip.kind !== 'ipv4') return;
    expect(formatAddress(ip.source)).toBe('192.0.2.1');
    expect(ip.ttl).toBe(64);
    expect(ip.payload).toHaveLength(8 + RIP.length);
    expectRip(d);
  });

  test('IPv4 errors: version, header length, total length', () => {
    const bad = ipUdp.slice();
    bad[0] = 0x55;
    expect(dissect(frame(LinkType.Ipv4, bad)).error).toMatchObject({
      code: 'bad-value',
      offset: 0,
    });
    // raw IP guesses the version from the nibble: version 5 is no IP at all
    expect(dissect(frame(LinkType.Raw, bad)).ip).toEqual([]);
    const ihl = ipUdp.slice();
    ihl[0] = 0x44;
    expect(dissect(frame(LinkType.Raw, ihl)).error?.code).toBe('length-out-of-range');
    const len = ipUdp.slice();
    len[2] = 0;
    len[3] = 10;
    expect(dissect(frame(101, len)).error).toMatchObject({
      code: 'length-out-of-range',
      offset: 2,
    });
  });

  test('IPv4 total length 0 (segmentation offload) takes what was captured', () => {
    expectRip(dissect(frame(101, ipv4(17, udp(520, 520, RIP), { totalLength: 0 }))));
  });

  test('IPv6 with hop-by-hop, destination options and AH', () => {
    const inner = udp(521, 521, RIP);
    const ah = cat([17, 4, 0, 0], new Array(20).fill(0)); // (4 + 2) * 4 = 24 bytes
    const dest = cat([51, 0], new Array(6).fill(0));
    const hbh = cat([60, 0], new Array(6).fill(0));
    const d = dissect(frame(LinkType.Ipv6, ipv6(0, cat(hbh, dest, ah, inner))));
    expect(d.error).toBeUndefined();
    const ip = d.ip[0]!;
    if (ip.kind !== 'ipv6') throw new Error('not IPv6');
    expect(ip.extensions.map((e) => e.type)).toEqual([0, 60, 51]);
    expect(ip.protocol).toBe(17);
    expect(formatAddress(ip.destination)).toBe('2001:db8::2');
    expect(d.payload).toEqual(RIP);
  });

  test('IPv6 errors', () => {
    const v = ipv6(17, udp(521, 521, RIP));
    v[0] = 0x40;
    expect(dissect(frame(LinkType.Ipv6, v)).error?.code).toBe('bad-value');
    const many = cat(...new Array(17).fill(cat([0, 0], new Array(6).fill(0))));
    expect(dissect(frame(LinkType.Ipv6, ipv6(0, many))).error?.code).toBe('limit-exceeded');
  });

  test('IPv4 fragments are reassembled out of order, first-seen bytes win', () => {
    const payload = udp(
      520,
      520,
      new Uint8Array(40).map((_, i) => i),
    );
    const a = ipv4(17, payload.subarray(0, 16), { id: 7, mf: true });
    const b = ipv4(17, payload.subarray(16, 32), { id: 7, mf: true, offset: 16 });
    const c = ipv4(17, payload.subarray(32), { id: 7, offset: 32 });
    const dup = ipv4(17, new Uint8Array(16).fill(0xee), { id: 7, mf: true, offset: 16 });
    const dissector = new Dissector();
    const d1 = dissector.dissect(frame(101, c, 1));
    const d2 = dissector.dissect(frame(101, b, 2));
    const d3 = dissector.dissect(frame(101, dup, 3));
    const d4 = dissector.dissect(frame(101, a, 4));
    for (const d of [d1, d2, d3]) {
      expect(d.fragment).toBe(true);
      expect(d.transport).toBeUndefined();
    }
    expect(d4.fragment).toBe(false);
    expect(d4.reassembledFrom).toEqual([1, 2, 3, 4]);
    expect(d4.transport?.kind).toBe('udp');
    expect(d4.payload).toEqual(payload.subarray(8));
  });

  test('IPv6 fragments are reassembled and walked on', () => {
    const data = udp(521, 521, new Uint8Array(30).fill(9));
    const frag = (offset: number, more: boolean, part: Uint8Array): Uint8Array =>
      ipv6(44, cat([17, 0, ...u16(offset | (more ? 1 : 0)), 0, 0, 0, 42], part));
    const dissector = new Dissector();
    const first = dissector.dissect(frame(LinkType.Ipv6, frag(0, true, data.subarray(0, 24))));
    expect(first.fragment).toBe(true);
    const last = dissector.dissect(frame(LinkType.Ipv6, frag(24, false, data.subarray(24))));
    expect(last.transport?.kind).toBe('udp');
    expect(last.payload).toEqual(new Uint8Array(30).fill(9));
    expect(formatAddress(Uint8Array.from(V6_DST))).toBe('2001:db8::2');
  });

  test('a truncated first fragment is dissected as it is; later ones are data', () => {
    const whole = ipv4(17, udp(520, 520, RIP), { mf: true, totalLength: 400 });
    const d = new Dissector().dissect(frame(101, whole));
    expect(d.fragment).toBe(true);
    expect(d.transport?.kind).toBe('udp');
    const later = dissect(frame(101, ipv4(17, new Uint8Array(8), { offset: 8 })));
    expect(later.transport).toBeUndefined();
    expect(later.fragment).toBe(true);
  });

  test('fragments beyond 65,535 bytes are refused', () => {
    const d = new Dissector().dissect(
      frame(101, ipv4(17, new Uint8Array(16), { offset: 65528, mf: true })),
    );
    expect(d.error?.code).toBe('limit-exceeded');
  });

  test('IP-in-IP, IPv6-in-IPv4 and GRE tunnels are followed', () => {
    const inIp = dissect(frame(101, ipv4(4, ipUdp)));
    expect(inIp.ip).toHaveLength(2);
    expectRip(inIp);
    const sixInFour = dissect(frame(101, ipv4(41, ipv6(17, udp(521, 521, RIP)))));
    expect(sixInFour.ip.map((i) => i.kind)).toEqual(['ipv4', 'ipv6']);
    const gre = dissect(frame(101, ipv4(47, cat([0x20, 0, 8, 0, 0, 0, 0, 5], ipUdp))));
    expect(gre.gre[0]).toMatchObject({ protocol: 0x0800, key: 5 });
    expectRip(gre);
    const greSeqCsum = dissect(
      frame(101, ipv4(47, cat([0x90, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 9], ipUdp))),
    );
    expect(greSeqCsum.gre[0]).toMatchObject({ sequence: 9 });
    const teb = dissect(frame(101, ipv4(47, cat([0, 0, 0x65, 0x58], ethernet(0x0800, ipUdp)))));
    expectRip(teb);
    const routing = dissect(frame(101, ipv4(47, cat([0x40, 0, 8, 0], ipUdp))));
    expect(routing.error?.code).toBe('bad-value');
    let nested = ipUdp;
    for (let i = 0; i < 10; i++) nested = ipv4(4, nested);
    expect(dissect(frame(101, nested)).error?.code).toBe('limit-exceeded');
  });
});

describe('transport', () => {
  test('UDP length is checked', () => {
    const bad = ipv4(17, cat([0, 1, 0, 2, 0, 4, 0, 0]));
    expect(dissect(frame(101, bad)).error).toMatchObject({
      code: 'length-out-of-range',
      offset: 24,
    });
    const jumbo = dissect(frame(101, ipv4(17, cat([0, 1, 0, 2, 0, 0, 0, 0], RIP))));
    expect(jumbo.payload).toEqual(RIP);
    const long = dissect(frame(101, ipv4(17, cat([2, 8, 2, 8, 0, 99, 0, 0], RIP))));
    expect(long.transport?.kind === 'udp' && long.transport.truncated).toBe(true);
  });

  test('TCP header, options (MSS, MD5 signature), data', () => {
    const md5 = [19, 18, ...new Array(16).fill(0xab)];
    const opts = [2, 4, 5, 0xb4, 1, 1, ...md5, 0, 0, 0, 0];
    const d = dissect(frame(101, ipv4(6, tcp(179, 40000, 1000, 0x18, RIP, opts))));
    expect(d.error).toBeUndefined();
    const t = d.transport;
    if (t?.kind !== 'tcp') throw new Error('not TCP');
    expect(t.options.map((o) => o.kind)).toEqual([2, 19]);
    expect(t.options[1]!.data).toHaveLength(16);
    expect(t.sequence).toBe(1000);
    expect(d.payload).toEqual(RIP);
  });

  test('bad TCP options are reported, the data kept', () => {
    const d = dissect(frame(101, ipv4(6, tcp(179, 1, 1, 0x18, RIP, [2, 9, 0, 0]))));
    const t = d.transport;
    if (t?.kind !== 'tcp') throw new Error('not TCP');
    expect(t.optionsError).toContain('bad length');
    expect(d.payload).toEqual(RIP);
  });

  test('TCP data offset below 5 is an error', () => {
    const seg = tcp(179, 1, 1, 0x18, RIP);
    seg[12] = 0x40;
    expect(dissect(frame(101, ipv4(6, seg))).error?.code).toBe('length-out-of-range');
  });
});
