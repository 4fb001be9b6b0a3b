import { describe, expect, it } from 'vitest';
import { OptionBit, RouterFlag, type SpfRoute, spf } from '../src/index.js';
import { a, externalLsa, networkLsa, p2p, routerLsa, stub, summaryLsa, transit } from './topo.js';

const M24 = a('255.255.255.0');
const M32 = a('255.255.255.255');

function byPrefix(routes: readonly SpfRoute[]): Map<string, SpfRoute> {
  return new Map(routes.map((r) => [r.prefix, r]));
}

/**
 *   R1 ──10── R2 (ABR)          R2 stub 10.0.23.0/30 (5), anycast 192.0.2.53/32 (1)
 *    │ 10      │ 5
 *   R3 (ASBR) ─┘                ASBR 9.9.9.9 behind R2 (type-4, metric 3)
 */
const area0 = [
  routerLsa(a('1.1.1.1'), [p2p('2.2.2.2', '10.0.12.1', 10), p2p('3.3.3.3', '10.0.13.1', 10)]),
  routerLsa(
    a('2.2.2.2'),
    [
      p2p('1.1.1.1', '10.0.12.2', 10),
      p2p('3.3.3.3', '10.0.23.1', 5),
      stub('10.0.23.0', '255.255.255.252', 5),
      stub('192.0.2.53', '255.255.255.255', 1),
    ],
    RouterFlag.B,
  ),
  routerLsa(
    a('3.3.3.3'),
    [p2p('1.1.1.1', '10.0.13.2', 10), p2p('2.2.2.2', '10.0.23.2', 5)],
    RouterFlag.E,
  ),
  summaryLsa(3, a('10.20.0.0'), a('2.2.2.2'), a('255.255.0.0'), 7),
  summaryLsa(3, a('10.30.0.0'), a('2.2.2.2'), a('255.255.0.0'), 0xffffff), // LSInfinity: ignored
  summaryLsa(3, a('10.40.0.0'), a('3.3.3.3'), a('255.255.0.0'), 1), // not from an ABR: ignored
  summaryLsa(4, a('9.9.9.9'), a('2.2.2.2'), M32, 3),
];
const external = [
  externalLsa(5, a('203.0.113.0'), a('3.3.3.3'), M24, 100, true),
  externalLsa(5, a('203.0.113.0'), a('9.9.9.9'), M24, 50, true),
  externalLsa(5, a('198.51.100.0'), a('3.3.3.3'), M24, 5, false),
  externalLsa(5, a('198.51.100.0'), a('9.9.9.9'), M24, 1, true),
  externalLsa(5, a('192.0.2.53'), a('3.3.3.3'), M32, 20, false),
  externalLsa(5, a('100.64.0.0'), a('3.3.3.3'), M24, 8, false),
  externalLsa(5, a('100.64.0.0'), a('9.9.9.9'), M24, 5, false),
  externalLsa(5, a('100.65.0.0'), a('3.3.3.3'), M24, 1, false, a('10.0.23.2')),
  externalLsa(5, a('100.66.0.0'), a('3.3.3.3'), M24, 1, false, a('10.99.0.1')), // FA unreachable
  externalLsa(5, a('100.67.0.0'), a('1.1.1.1'), M24, 1, false), // self-originated
];

describe('SPF: inter-area and AS-external routes', () => {
  const res = spf({ routerId: a('1.1.1.1'), areas: new Map([[0, area0]]), external });
  const r = byPrefix(res.routes);
  const viaR2 = [{ address: '10.0.12.2', via: '10.0.12.1' }];
  const viaR3 = [{ address: '10.0.13.2', via: '10.0.13.1' }];

  it('intra-area stubs, through the neighbours', () => {
    expect(r.get('10.0.23.0/30')).toEqual({
      prefix: '10.0.23.0/30',
      cost: 15,
      pathType: 'intra',
      area: '0.0.0.0',
      nextHops: viaR2,
    });
  });
  it('inter-area from the ABR summary (§16.2); LSInfinity and non-ABR summaries ignored', () => {
    expect(r.get('10.20.0.0/16')).toMatchObject({ cost: 17, pathType: 'inter', nextHops: viaR2 });
    expect(r.has('10.30.0.0/16')).toBe(false);
    expect(r.has('10.40.0.0/16')).toBe(false);
  });
  it('E2 compares type-2 metrics first; the ASBR behind a type-4 summary wins', () => {
    expect(r.get('203.0.113.0/24')).toMatchObject({
      cost: 13,
      type2Cost: 50,
      pathType: 'E2',
      nextHops: viaR2,
    });
  });
  it('E1 beats E2 whatever the metrics', () => {
    expect(r.get('198.51.100.0/24')).toMatchObject({ cost: 15, pathType: 'E1', nextHops: viaR3 });
  });
  it('an intra-area route beats an external one for the same anycast /32', () => {
    expect(r.get('192.0.2.53/32')).toMatchObject({ cost: 11, pathType: 'intra', nextHops: viaR2 });
  });
  it('equal-cost externals through two ASBRs merge their next hops', () => {
    expect(r.get('100.64.0.0/24')).toMatchObject({
      cost: 18,
      pathType: 'E1',
      nextHops: [...viaR2, ...viaR3],
    });
  });
  it('a forwarding address routes through the route to that address; unreachable ones are skipped', () => {
    expect(r.get('100.65.0.0/24')).toMatchObject({ cost: 16, pathType: 'E1', nextHops: viaR2 });
    expect(r.has('100.66.0.0/24')).toBe(false);
    expect(r.has('100.67.0.0/24')).toBe(false);
  });
  it('reports the routers it reached with their ABR / ASBR flags', () => {
    expect(res.routers.find((x) => x.routerId === '2.2.2.2')).toMatchObject({
      abr: true,
      cost: 10,
    });
    expect(res.routers.find((x) => x.routerId === '3.3.3.3')).toMatchObject({
      asbr: true,
      cost: 10,
    });
  });
});

describe('SPF: broadcast networks and NSSA', () => {
  // R1, R2, R3 on 10.0.0.0/24 (DR R2 at 10.0.0.2); R3 is an NSSA ASBR in area 1.
  const lan = [
    routerLsa(a('1.1.1.1'), [transit('10.0.0.2', '10.0.0.1', 1)]),
    routerLsa(a('2.2.2.2'), [
      transit('10.0.0.2', '10.0.0.2', 1),
      stub('192.0.2.53', '255.255.255.255', 0),
    ]),
    routerLsa(
      a('3.3.3.3'),
      [transit('10.0.0.2', '10.0.0.3', 1), stub('192.0.2.53', '255.255.255.255', 0)],
      RouterFlag.E,
    ),
    networkLsa(a('10.0.0.2'), a('2.2.2.2'), M24, [a('1.1.1.1'), a('2.2.2.2'), a('3.3.3.3')]),
    externalLsa(7, a('10.99.0.0'), a('3.3.3.3'), a('255.255.0.0'), 20, true, 0, OptionBit.NP),
    externalLsa(7, a('10.98.0.0'), a('3.3.3.3'), a('255.255.0.0'), 20, false, a('10.0.0.3')),
    externalLsa(7, a('10.97.0.0'), a('3.3.3.3'), a('255.255.0.0'), 20, false, a('172.31.0.1')),
  ];
  const res = spf({ routerId: a('1.1.1.1'), areas: new Map([[1, lan]]), external: [] });
  const r = byPrefix(res.routes);

  it('the transit network is directly attached; routers behind it get their LAN address as next hop', () => {
    expect(r.get('10.0.0.0/24')).toMatchObject({
      cost: 1,
      pathType: 'intra',
      nextHops: [{ via: '10.0.0.1' }],
    });
  });
  it('two stubs of the same anycast /32 at equal cost give two next hops', () => {
    expect(r.get('192.0.2.53/32')).toMatchObject({
      cost: 1,
      nextHops: [
        { address: '10.0.0.2', via: '10.0.0.1' },
        { address: '10.0.0.3', via: '10.0.0.1' },
      ],
    });
  });
  it('type-7 LSAs become N1 / N2 routes; a directly attached forwarding address is the next hop', () => {
    expect(r.get('10.99.0.0/16')).toMatchObject({
      cost: 1,
      type2Cost: 20,
      pathType: 'N2',
      area: '0.0.0.1',
    });
    expect(r.get('10.98.0.0/16')).toMatchObject({
      cost: 21,
      pathType: 'N1',
      nextHops: [{ address: '10.0.0.3', via: '10.0.0.1' }],
    });
    expect(r.has('10.97.0.0/16')).toBe(false);
  });
});

describe('SPF: an area border router', () => {
  // R1 is an ABR: area 0 with R2 (ABR of area 2), area 1 with R3 (ABR too).
  const area0 = [
    routerLsa(a('1.1.1.1'), [p2p('2.2.2.2', '10.0.12.1', 10)], RouterFlag.B),
    routerLsa(a('2.2.2.2'), [p2p('1.1.1.1', '10.0.12.2', 10)], RouterFlag.B),
    summaryLsa(3, a('10.2.0.0'), a('2.2.2.2'), a('255.255.0.0'), 5),
  ];
  const area1 = [
    routerLsa(a('1.1.1.1'), [p2p('3.3.3.3', '10.0.13.1', 10)], RouterFlag.B),
    routerLsa(
      a('3.3.3.3'),
      [p2p('1.1.1.1', '10.0.13.3', 10), stub('10.1.1.0', '255.255.255.0', 1)],
      RouterFlag.B,
    ),
    // A summary into area 1 is not used by an ABR (§16.2: backbone summaries only).
    summaryLsa(3, a('10.3.0.0'), a('3.3.3.3'), a('255.255.0.0'), 5),
  ];
  const res = spf({
    routerId: a('1.1.1.1'),
    areas: new Map([
      [0, area0],
      [1, area1],
    ]),
    external: [],
  });
  const r = byPrefix(res.routes);
  it('has intra-area routes of both areas', () => {
    expect(r.get('10.1.1.0/24')).toMatchObject({ cost: 11, pathType: 'intra', area: '0.0.0.1' });
  });
  it('takes inter-area routes from backbone summaries only', () => {
    expect(r.get('10.2.0.0/16')).toMatchObject({ cost: 15, pathType: 'inter', area: '0.0.0.0' });
    expect(r.has('10.3.0.0/16')).toBe(false);
  });
});
