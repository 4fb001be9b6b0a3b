import { formatAddress, formatPrefix } from '@routekit/prefix';
import { describe, expect, test } from 'vitest';
import {
  type BgpAttrs,
  ForwardingView,
  type ResolvedNextHop,
  Rib,
  type RibChange,
  RibError,
  type RouteInput,
  ribSnapshot,
} from '../src/index.js';

const EBGP: BgpAttrs = {
  peerType: 'external',
  asPathLength: 1,
  origin: 0,
  neighborAs: 65001,
  routerId: 0x0a15_0203,
};
const IBGP: BgpAttrs = {
  peerType: 'internal',
  asPathLength: 1,
  origin: 0,
  neighborAs: 65002,
  routerId: 0xc000_0201,
};

const connected = (prefix: string, iface: string): RouteInput => ({
  prefix,
  nextHops: [{ interface: iface }],
  source: 'connected',
  distance: 0,
  metric: 0,
});
const ospf = (prefix: string, via: string, iface: string, metric: number): RouteInput => ({
  prefix,
  nextHops: [`${via}%${iface}`].map(() => ({
    address: { family: 4 as const, value: toU32(via) },
    interface: iface,
  })),
  source: 'ospf',
  distance: 110,
  metric,
});
const bgp = (
  prefix: string,
  nh: string,
  source: string,
  attrs: BgpAttrs,
  distance = 20,
): RouteInput<BgpAttrs> => ({
  prefix,
  nextHops: [nh],
  source,
  distance,
  metric: 0,
  attrs,
});

function toU32(text: string): number {
  return text.split('.').reduce((n, x) => n * 256 + Number(x), 0);
}

/** Next hops as `gateway@interface` text. */
function show(hops: readonly ResolvedNextHop[] | undefined): string[] | undefined {
  return hops?.map(
    (h) => `${h.address === undefined ? '' : formatAddress(h.address)}@${h.interface}`,
  );
}

function fib(rib: Rib): Record<string, string[] | undefined> {
  return Object.fromEntries(
    rib.forwarding().map((e) => [formatPrefix(e.prefix), show(e.nextHops)]),
  );
}

describe('recursive resolution (the classic anycast lab)', () => {
  test('BGP next hop 10.21.2.3 resolved via the connected 10.21.2.2/31', () => {
    const rib = new Rib();
    rib.add(connected('10.21.2.2/31', 'eth1'));
    rib.add(bgp('169.254.0.1/32', '10.21.2.3', 'bgp:10.21.2.3', EBGP));
    expect(fib(rib)).toEqual({ '10.21.2.2/31': ['@eth1'], '169.254.0.1/32': ['10.21.2.3@eth1'] });
    expect(show(rib.lookup('169.254.0.1')?.nextHops)).toEqual(['10.21.2.3@eth1']);
    expect(ribSnapshot(rib)).toEqual({
      '10.21.2.2/31': [
        {
          prefix: '10.21.2.2/31',
          prefixLen: 31,
          protocol: 'connected',
          vrfId: 0,
          vrfName: 'default',
          selected: true,
          destSelected: true,
          distance: 0,
          metric: 0,
          installed: true,
          table: 254,
          nexthops: [{ fib: true, directlyConnected: true, interfaceName: 'eth1', active: true }],
        },
      ],
      '169.254.0.1/32': [
        {
          prefix: '169.254.0.1/32',
          prefixLen: 32,
          protocol: 'bgp',
          vrfId: 0,
          vrfName: 'default',
          selected: true,
          destSelected: true,
          distance: 20,
          metric: 0,
          installed: true,
          table: 254,
          nexthops: [
            { ip: '10.21.2.3', afi: 'ipv4', active: true, recursive: true },
            {
              fib: true,
              ip: '10.21.2.3',
              afi: 'ipv4',
              interfaceName: 'eth1',
              resolver: true,
              active: true,
            },
          ],
        },
      ],
    });
  });

  test('resolved via an OSPF route: the gateway is the OSPF next hop', () => {
    const rib = new Rib();
    rib.add(ospf('10.21.2.2/31', '10.0.0.1', 'eth0', 20));
    rib.add(bgp('169.254.0.1/32', '10.21.2.3', 'bgp:10.21.2.3', EBGP));
    expect(fib(rib)['169.254.0.1/32']).toEqual(['10.0.0.1@eth0']);
  });

  test('two levels: iBGP route via the peer loopback, the loopback via OSPF', () => {
    const rib = new Rib();
    rib.add(ospf('192.0.2.1/32', '10.0.0.1', 'eth0', 10));
    rib.add(bgp('10.21.2.0/24', '192.0.2.1', 'bgp:192.0.2.1', IBGP, 200));
    rib.add(bgp('169.254.0.1/32', '10.21.2.3', 'bgp:192.0.2.1', IBGP, 200));
    expect(fib(rib)['169.254.0.1/32']).toEqual(['10.0.0.1@eth0']);
    const d = rib.explain('169.254.0.1/32')[0]!.nextHops[0]!;
    expect(d.recursive).toBe(true);
    expect(formatPrefix(d.via!)).toBe('10.21.2.0/24');
  });

  test('next-hop tracking: every dependent re-resolves when the IGP route changes', () => {
    const rib = new Rib();
    rib.add(ospf('10.21.2.0/24', '10.0.0.1', 'eth0', 20));
    for (let i = 0; i < 50; i++)
      rib.add(bgp(`198.51.100.${i}/32`, '10.21.2.3', 'bgp:10.21.2.3', EBGP));
    const seen: RibChange[][] = [];
    rib.subscribe((c) => seen.push([...c]));
    rib.add(ospf('10.21.2.0/24', '10.0.0.9', 'eth2', 20));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.filter((c) => c.kind === 'change')).toHaveLength(51);
    expect(fib(rib)['198.51.100.7/32']).toEqual(['10.0.0.9@eth2']);
    // A more-specific route to the next hop takes over.
    rib.add(connected('10.21.2.2/31', 'eth1'));
    expect(fib(rib)['198.51.100.7/32']).toEqual(['10.21.2.3@eth1']);
    // Losing every route to the next hop withdraws the dependents.
    rib.batch(() => {
      rib.remove('10.21.2.2/31', 'connected');
      rib.remove('10.21.2.0/24', 'ospf');
    });
    expect(rib.forwarding()).toEqual([]);
    expect(seen.at(-1)!.every((c) => c.kind === 'remove')).toBe(true);
    expect(rib.size).toBe(50);
  });

  test('next-hop tracking with thousands of dependents (found by scanning)', () => {
    const rib = new Rib();
    rib.add(ospf('10.21.2.0/24', '10.0.0.1', 'eth0', 20));
    const nh = ['10.21.2.3'];
    rib.batch(() => {
      for (let i = 0; i < 5000; i++) {
        rib.add({
          prefix: `100.${i >> 8}.${i & 255}.0/24`,
          nextHops: nh,
          source: 'bgp:x',
          distance: 20,
          metric: 0,
          attrs: EBGP,
        });
      }
    });
    let changed = 0;
    rib.subscribe((c) => {
      changed += c.length;
    });
    rib.add(ospf('10.21.2.0/24', '10.0.0.9', 'eth2', 20));
    expect(changed).toBe(5001);
    expect(rib.byteLength()).toBeGreaterThan(5000 * (16 + 4 * 4));
    expect(fib(rib)['100.19.135.0/24']).toEqual(['10.0.0.9@eth2']);
    rib.batch(() => {
      for (let i = 0; i < 4990; i++) rib.remove(`100.${i >> 8}.${i & 255}.0/24`, 'bgp:x');
    });
    rib.add(ospf('10.21.2.0/24', '10.0.0.7', 'eth3', 20));
    expect(fib(rib)['100.19.135.0/24']).toEqual(['10.0.0.7@eth3']);
    expect(rib.size).toBe(11);
  });

  test('igpCost from resolution breaks the tie between two iBGP paths', () => {
    const rib = new Rib();
    rib.add(ospf('192.0.2.1/32', '10.0.0.1', 'eth0', 30));
    rib.add(ospf('192.0.2.2/32', '10.0.1.1', 'eth1', 10));
    rib.add(bgp('203.0.113.0/24', '192.0.2.1', 'bgp:192.0.2.1', IBGP, 200));
    rib.add(
      bgp('203.0.113.0/24', '192.0.2.2', 'bgp:192.0.2.2', { ...IBGP, routerId: 0xc000_0202 }, 200),
    );
    expect(rib.get('203.0.113.0/24')?.best.source).toBe('bgp:192.0.2.2');
    rib.add(ospf('192.0.2.2/32', '10.0.1.1', 'eth1', 40));
    expect(rib.get('203.0.113.0/24')?.best.source).toBe('bgp:192.0.2.1');
  });

  test('loops never resolve, and never hang', () => {
    const rib = new Rib();
    rib.add({
      prefix: '10.1.0.0/16',
      nextHops: ['10.2.0.1'],
      source: 'static',
      distance: 1,
      metric: 0,
    });
    rib.add({
      prefix: '10.2.0.0/16',
      nextHops: ['10.1.0.1'],
      source: 'static',
      distance: 1,
      metric: 0,
    });
    rib.add({
      prefix: '10.3.0.0/16',
      nextHops: ['10.3.0.1'],
      source: 'static',
      distance: 1,
      metric: 0,
    });
    expect(rib.forwarding()).toEqual([]);
    // Give 10.2/16 a way out: both resolve.
    rib.add(connected('10.2.0.0/16', 'eth3'));
    expect(fib(rib)).toEqual({ '10.1.0.0/16': ['10.2.0.1@eth3'], '10.2.0.0/16': ['@eth3'] });
  });

  test('a route in a resolution loop is re-resolved when a prefix outside the memo changes', () => {
    const rib = new Rib();
    rib.add({
      prefix: '10.21.2.0/24',
      nextHops: ['10.0.0.1'],
      source: 'static',
      distance: 1,
      metric: 0,
    });
    rib.add({
      prefix: '10.21.2.0/24',
      nextHops: [{ interface: 'eth0' }],
      source: 'rip',
      distance: 120,
      metric: 1,
    });
    rib.add({
      prefix: '10.0.0.0/24',
      nextHops: ['10.21.2.5'],
      source: 'static',
      distance: 1,
      metric: 0,
    });
    rib.add(connected('10.0.0.0/8', 'eth1'));
    expect(fib(rib)['10.21.2.0/24']).toEqual(['10.0.0.1@eth1']);
    rib.add(connected('10.0.0.0/8', 'eth2'));
    expect(fib(rib)['10.21.2.0/24']).toEqual(['10.0.0.1@eth2']);
  });

  test('the default route resolves next hops only when allowed', () => {
    for (const resolveViaDefault of [false, true]) {
      const rib = new Rib({ resolveViaDefault });
      rib.add(connected('0.0.0.0/0', 'eth0'));
      rib.add(bgp('203.0.113.0/24', '192.0.2.1', 'bgp:192.0.2.1', IBGP, 200));
      expect(rib.get('203.0.113.0/24') !== undefined).toBe(resolveViaDefault);
    }
  });
});

describe('selection, ECMP and events', () => {
  test('distance decides; events report add, change and remove', () => {
    const rib = new Rib();
    const seen: RibChange[] = [];
    rib.subscribe((c) => seen.push(...c));
    rib.add(ospf('192.0.2.0/24', '10.0.0.1', 'eth0', 10));
    rib.add({
      prefix: '192.0.2.0/24',
      nextHops: [{ interface: 'eth9' }],
      source: 'static',
      distance: 1,
      metric: 0,
    });
    rib.add(ospf('192.0.2.0/24', '10.0.0.1', 'eth0', 10)); // the same route again: nothing
    rib.remove('192.0.2.0/24', 'static');
    rib.remove('192.0.2.0/24', 'ospf');
    expect(seen.map((c) => [c.kind, c.best?.source, c.previous?.source])).toEqual([
      ['add', 'ospf', undefined],
      ['change', 'static', 'ospf'],
      ['change', 'ospf', 'static'],
      ['remove', undefined, 'ospf'],
    ]);
    expect(rib.remove('192.0.2.0/24', 'ospf')).toBe(false);
    expect(rib.remove('192.0.2.0/24', 'nobody')).toBe(false);
  });

  test('ECMP: equal OSPF paths with maxPaths 2', () => {
    const rib = new Rib({ selection: { maxPaths: 2 } });
    rib.add({
      prefix: '192.0.2.0/24',
      nextHops: [
        { address: { family: 4, value: toU32('10.0.0.1') }, interface: 'eth0' },
        { address: { family: 4, value: toU32('10.0.1.1') }, interface: 'eth1' },
      ],
      source: 'ospf',
      distance: 110,
      metric: 10,
    });
    rib.add({
      prefix: '192.0.2.0/24',
      nextHops: [{ interface: 'eth2' }],
      source: 'rip',
      distance: 110,
      metric: 10,
    });
    const s = rib.get('192.0.2.0/24')!;
    expect(s.ecmp).toHaveLength(1);
    expect(show(s.nextHops)).toEqual(['10.0.0.1@eth0', '10.0.1.1@eth1']);
    rib.add(bgp('203.0.113.0/24', '192.0.2.7', 'bgp:a', EBGP));
    rib.add(bgp('203.0.113.0/24', '192.0.2.8', 'bgp:b', { ...EBGP, routerId: 9 }));
    // Lower router id wins; both stay in the multipath set.
    expect(rib.get('203.0.113.0/24')!.ecmp.map((r) => r.source)).toEqual(['bgp:b', 'bgp:a']);
    expect(show(rib.get('203.0.113.0/24')!.nextHops)).toEqual(['10.0.0.1@eth0', '10.0.1.1@eth1']);
  });

  test('a batch coalesces: add then remove in one batch emits nothing', () => {
    const rib = new Rib();
    const seen: RibChange[][] = [];
    rib.subscribe((c) => seen.push([...c]));
    rib.batch(() => {
      rib.add(connected('10.9.0.0/16', 'eth0'));
      rib.remove('10.9.0.0/16', 'connected');
      rib.batch(() => rib.add(connected('10.8.0.0/16', 'eth0')));
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.map((c) => formatPrefix(c.prefix))).toEqual(['10.8.0.0/16']);
  });

  test('removeSource withdraws one peer', () => {
    const rib = new Rib();
    rib.add(connected('10.21.2.2/31', 'eth1'));
    for (let i = 0; i < 10; i++) {
      rib.add(bgp(`198.51.100.${i}/32`, '10.21.2.3', 'bgp:a', EBGP));
      rib.add(bgp(`2001:db8:${i}::/48`, '2001:db8::1', 'bgp:a', EBGP));
    }
    rib.add(bgp('198.51.100.0/32', '10.21.2.3', 'bgp:b', EBGP));
    expect(rib.routeCount).toBe(22);
    expect(rib.removeSource('bgp:a')).toBe(20);
    expect(rib.removeSource('bgp:zzz')).toBe(0);
    expect(rib.routeCount).toBe(2);
    expect(rib.routes('198.51.100.0/32').map((r) => r.source)).toEqual(['bgp:b']);
    expect(rib.routes('198.51.100.1/32')).toEqual([]);
  });

  test('IPv6 routes, link-local next hops with an interface', () => {
    const rib = new Rib();
    rib.add({
      prefix: '2001:db8:1::/48',
      nextHops: [{ address: { family: 6, words: [0xfe80_0000, 0, 0, 1] }, interface: 'eth0' }],
      source: 'static',
      distance: 1,
      metric: 0,
    });
    rib.add(bgp('2001:db8:2::/48', '2001:db8:1::1', 'bgp:x', EBGP));
    expect(show(rib.lookup('2001:db8:2::5')?.nextHops)).toEqual(['fe80::1@eth0']);
    expect(Object.keys(ribSnapshot(rib, 6))).toEqual(['2001:db8:1::/48', '2001:db8:2::/48']);
    expect(rib.prefixes(4)).toEqual([]);
    expect(rib.lookup('2001:db9::1')).toBeUndefined();
  });

  test('a ForwardingView follows the RIB', () => {
    const rib = new Rib();
    rib.add(connected('10.21.2.2/31', 'eth1'));
    const view = new ForwardingView(rib);
    rib.add(bgp('169.254.0.1/32', '10.21.2.3', 'bgp:10.21.2.3', EBGP));
    expect(view.size).toBe(2);
    expect(show(view.lookup4(toU32('169.254.0.1')))).toEqual(['10.21.2.3@eth1']);
    expect(show(view.lookup('10.21.2.2'))).toEqual(['@eth1']);
    view.close();
    rib.remove('169.254.0.1/32', 'bgp:10.21.2.3');
    expect(view.entries()).toHaveLength(2);
  });
});

describe('errors', () => {
  const code = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(RibError);
      return (e as RibError).code;
    }
    return 'no error';
  };
  const base: RouteInput = {
    prefix: '10.0.0.0/8',
    nextHops: [{ interface: 'eth0' }],
    source: 'static',
    distance: 1,
    metric: 0,
  };
  test.each([
    ['no next hops', { ...base, nextHops: [] }, 'no-next-hops'],
    ['next hop with neither field', { ...base, nextHops: [{}] }, 'invalid-next-hop'],
    [
      'IPv6 next hop for an IPv4 prefix',
      { ...base, nextHops: ['2001:db8::1'] },
      'invalid-next-hop',
    ],
    [
      'IPv6 next-hop object for an IPv4 prefix',
      { ...base, nextHops: [{ address: { family: 6, words: [0, 0, 0, 1] } }] },
      'invalid-next-hop',
    ],
    ['empty interface name', { ...base, nextHops: [{ interface: '' }] }, 'invalid-next-hop'],
    ['next hop that is not an object', { ...base, nextHops: [7] }, 'invalid-next-hop'],
    ['next hop text', { ...base, nextHops: ['10.0.0'] }, 'invalid-address'],
    ['distance 256', { ...base, distance: 256 }, 'distance-out-of-range'],
    ['distance 1.5', { ...base, distance: 1.5 }, 'distance-out-of-range'],
    ['metric -1', { ...base, metric: -1 }, 'metric-out-of-range'],
    ['RIP metric 17', { ...base, source: 'rip', metric: 17 }, 'metric-out-of-range'],
    ['unknown protocol', { ...base, source: 'eigrp' }, 'invalid-source'],
    ['BGP without attributes', { ...base, source: 'bgp:1' }, 'invalid-attrs'],
    [
      'OSPF external-2 without type2Metric',
      { ...base, source: 'ospf', attrs: { pathType: 'external-2' } },
      'invalid-attrs',
    ],
    ['prefix text', { ...base, prefix: '10.0.0.1/8' }, 'invalid-prefix'],
    ['not a route', null, 'invalid-prefix'],
  ])('%s', (_name, input, want) => {
    const rib = new Rib();
    expect(code(() => rib.add(input as RouteInput))).toBe(want);
    expect(rib.routeCount).toBe(0);
    expect(rib.size).toBe(0);
  });

  test('a route selection rejection is the cause, with its own code', () => {
    const rib = new Rib();
    let err: unknown;
    try {
      rib.add({ ...base, source: 'ospf', attrs: { pathType: 'external-2' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RibError);
    expect(err).toMatchObject({
      code: 'invalid-attrs',
      cause: { name: 'SelectionError', code: 'missing-type2-metric', field: 'type2Metric' },
    });
    expect(code(() => rib.add({ ...base, source: 'rip', metric: 17 }))).toBe('metric-out-of-range');
  });

  test('changing the RIB from a listener', () => {
    const rib = new Rib();
    let err = '';
    rib.subscribe(() => {
      err = code(() => rib.add(base));
    });
    rib.add({ ...base, prefix: '11.0.0.0/8' });
    expect(err).toBe('reentrant-update');
  });
});
