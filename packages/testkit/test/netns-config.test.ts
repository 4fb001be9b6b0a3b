import { describe, expect, test } from 'vitest';
import {
  birdBgp,
  birdConfig,
  birdOspf,
  birdPrefixFilter,
  birdRip,
  EXABGP_API_PROCESS,
  exabgpConfig,
  FAST_BGP_TIMERS,
  FAST_OSPF_TIMERS,
  FAST_RIP_TIMERS,
  familyOf,
  frrBgpConfig,
  frrOspfConfig,
  frrRipConfig,
  frrStaticConfig,
  gobgpConfig,
} from '../src/netns/index.js';

const lines = (text: string): string[] => text.split('\n');

describe('FRR config builders', () => {
  test('bgpd: no policy required, explicit families, fast timers with MRAI 0', () => {
    expect(
      frrBgpConfig({
        hostname: 'r1',
        asn: 65001,
        routerId: '10.0.0.1',
        neighbors: [
          { address: '10.0.12.2', remoteAs: 65002, timers: FAST_BGP_TIMERS },
          { address: 'fd00:12::2', remoteAs: 65002, passive: true },
        ],
        networks: ['192.0.2.1/32', '2001:db8::1/128'],
      }),
    ).toBe(
      [
        'frr defaults traditional',
        'hostname r1',
        'log timestamp precision 3',
        '!',
        'router bgp 65001',
        ' bgp router-id 10.0.0.1',
        ' no bgp ebgp-requires-policy',
        ' no bgp default ipv4-unicast',
        ' neighbor 10.0.12.2 remote-as 65002',
        ' neighbor 10.0.12.2 timers 1 3',
        ' neighbor 10.0.12.2 timers connect 2',
        ' neighbor 10.0.12.2 advertisement-interval 0',
        ' neighbor fd00:12::2 remote-as 65002',
        ' neighbor fd00:12::2 passive',
        ' !',
        ' address-family ipv4 unicast',
        '  network 192.0.2.1/32',
        '  neighbor 10.0.12.2 activate',
        ' exit-address-family',
        ' !',
        ' address-family ipv6 unicast',
        '  network 2001:db8::1/128',
        '  neighbor fd00:12::2 activate',
        ' exit-address-family',
        '!',
        '',
      ].join('\n'),
    );
  });

  test('bgpd: families per neighbour, redistribution, no empty address family', () => {
    const text = frrBgpConfig({
      hostname: 'r1',
      asn: 65001,
      routerId: '10.0.0.1',
      neighbors: [{ address: 'fd00::2', remoteAs: 65002, families: ['ipv4', 'ipv6'] }],
      redistribute: ['connected'],
      extra: ['bgp bestpath as-path multipath-relax'],
    });
    expect(text).toContain(' bgp bestpath as-path multipath-relax\n');
    const v4 = text.slice(text.indexOf('address-family ipv4'), text.indexOf('address-family ipv6'));
    expect(lines(v4)).toEqual(
      expect.arrayContaining(['  redistribute connected', '  neighbor fd00::2 activate']),
    );
    expect(text).not.toContain('timers');
    expect(
      frrBgpConfig({ hostname: 'r', asn: 1, routerId: '1.1.1.1', neighbors: [] }),
    ).not.toContain('address-family');
  });

  test('ospfd: point-to-point, fast timers, cost, stub networks, fast convergence', () => {
    const text = frrOspfConfig({
      hostname: 'r1',
      routerId: '10.0.0.1',
      interfaces: [
        { name: 'r1-r2', pointToPoint: true, timers: FAST_OSPF_TIMERS, cost: 10 },
        { name: 'r1-r3', passive: true },
      ],
      networks: [{ prefix: '10.0.12.0/24' }, { prefix: '192.0.2.1/32', area: '0.0.0.1' }],
      fastConvergence: true,
    });
    expect(text).toContain(
      [
        'interface r1-r2',
        ' ip ospf network point-to-point',
        ' ip ospf hello-interval 1',
        ' ip ospf dead-interval 4',
        ' ip ospf retransmit-interval 2',
        ' ip ospf cost 10',
        '!',
        'interface r1-r3',
        '!',
        'router ospf',
        ' ospf router-id 10.0.0.1',
        ' network 10.0.12.0/24 area 0',
        ' network 192.0.2.1/32 area 0.0.0.1',
        ' passive-interface r1-r3',
        ' timers throttle lsa all 0',
        ' timers lsa min-arrival 0',
        ' timers throttle spf 0 50 500',
        '!',
      ].join('\n'),
    );
  });

  test('ripd: version 2, timers, filtered connected redistribution at a metric', () => {
    const text = frrRipConfig({
      hostname: 'r1',
      networks: ['10.0.12.0/24', 'r1-r3'],
      timers: FAST_RIP_TIMERS,
      announce: { prefixes: ['192.0.2.1/32', '192.0.2.2/32'], metric: 3 },
      passiveInterfaces: ['r1-r3'],
    });
    expect(text).toContain(
      [
        'ip prefix-list RK-RIP seq 5 permit 192.0.2.1/32',
        'ip prefix-list RK-RIP seq 10 permit 192.0.2.2/32',
        '!',
        'route-map RK-RIP permit 10',
        ' match ip address prefix-list RK-RIP',
        ' set metric 3',
        '!',
        'router rip',
        ' version 2',
        ' timers basic 5 15 10',
        ' network 10.0.12.0/24',
        ' network r1-r3',
        ' passive-interface r1-r3',
        ' redistribute connected route-map RK-RIP',
        '!',
      ].join('\n'),
    );
    expect(frrRipConfig({ hostname: 'r', networks: ['x'] })).not.toMatch(/route-map|timers/);
  });

  test('staticd: IPv4 and IPv6 routes with an optional distance', () => {
    expect(
      frrStaticConfig('r1', [
        { prefix: '198.51.100.0/24', via: '10.0.12.2' },
        { prefix: '2001:db8:1::/48', via: 'blackhole', distance: 250 },
      ]),
    ).toContain('ip route 198.51.100.0/24 10.0.12.2\nipv6 route 2001:db8:1::/48 blackhole 250\n');
  });
});

describe('BIRD config builders', () => {
  test('birdConfig: log, router id, device scan, direct on lo, kernel export of learned routes only', () => {
    const text = birdConfig({
      routerId: '10.0.0.2',
      logFile: '/run/x/bird.log',
      protocols: ['# p'],
    });
    expect(lines(text).slice(0, 7)).toEqual([
      'log "/run/x/bird.log" all;',
      'router id 10.0.0.2;',
      '',
      'protocol device { scan time 1; }',
      'protocol direct { ipv4; ipv6; interface "lo"; }',
      expect.stringMatching(
        /^protocol kernel kernel4 \{ ipv4 \{ export where source = RTS_BGP \|\| .* source = RTS_RIP; \}; \}$/,
      ),
      expect.stringMatching(/^protocol kernel kernel6 \{ ipv6 \{ export where source = RTS_BGP/),
    ]);
    expect(text.endsWith('# p\n')).toBe(true);
    const bare = birdConfig({
      routerId: '1.1.1.1',
      direct: false,
      kernel: { ipv4: 'all', ipv6: false },
      protocols: [],
    });
    expect(bare).not.toContain('protocol direct');
    expect(bare).toContain('protocol kernel kernel4 { ipv4 { export all; }; }');
    expect(bare).not.toContain('kernel6');
  });

  test('birdBgp: timers, passive, channel of the neighbour family by default', () => {
    expect(
      birdBgp({
        name: 'frr',
        localAddress: '10.0.12.2',
        localAs: 65002,
        neighbor: '10.0.12.1',
        neighborAs: 65001,
        timers: FAST_BGP_TIMERS,
        passive: true,
        ipv4: { export: birdPrefixFilter(['192.0.2.53/32']) },
      }),
    ).toBe(
      [
        'protocol bgp frr {',
        '  local 10.0.12.2 as 65002;',
        '  neighbor 10.0.12.1 as 65001;',
        '  hold time 3;',
        '  keepalive time 1;',
        '  connect retry time 2;',
        '  connect delay time 1;',
        '  passive on;',
        '  ipv4 { import all; export where net ~ [ 192.0.2.53/32 ]; };',
        '}',
      ].join('\n'),
    );
    const v6 = birdBgp({
      name: 'p6',
      localAddress: 'fd00::2',
      localAs: 2,
      neighbor: 'fd00::1',
      neighborAs: 1,
    });
    expect(v6).toContain('  ipv6 { import all; export none; };');
    expect(v6).not.toContain('ipv4');
    expect(birdPrefixFilter([])).toBe('none');
    expect(birdPrefixFilter(['192.0.2.0/24', '2001:db8::/32'])).toBe(
      'where net ~ [ 192.0.2.0/24, 2001:db8::/32 ]',
    );
  });

  test('birdOspf and birdRip: interfaces with timers, address-qualified lo stubs', () => {
    expect(
      birdOspf({
        name: 'ospf1',
        interfaces: [
          { name: 'b-a', timers: FAST_OSPF_TIMERS, cost: 10 },
          { name: 'b-c', type: 'broadcast' },
        ],
        stubs: ['192.0.2.53/32'],
      }),
    ).toBe(
      [
        'protocol ospf v2 ospf1 {',
        '  ipv4 { import all; export none; };',
        '  area 0 {',
        '    interface "b-a" { type ptp; hello 1; dead 4; retransmit 2; cost 10; };',
        '    interface "b-c" { type broadcast; };',
        '    interface "lo" 192.0.2.53/32 { stub yes; };',
        '  };',
        '}',
      ].join('\n'),
    );
    expect(birdRip({ name: 'rip1', interfaces: ['b-a'], timers: FAST_RIP_TIMERS })).toBe(
      [
        'protocol rip rip1 {',
        '  ipv4 { import all; export none; };',
        '  interface "b-a" { version 2; update time 5; timeout time 15; garbage time 10; };',
        '}',
      ].join('\n'),
    );
  });
});

describe('GoBGP and ExaBGP config builders', () => {
  test('gobgpd.toml: local-address-list, timers, passive transport, families', () => {
    const text = gobgpConfig({
      as: 65003,
      routerId: '10.0.13.3',
      localAddresses: ['10.0.13.3'],
      neighbors: [
        { address: '10.0.13.1', peerAs: 65001, timers: FAST_BGP_TIMERS },
        { address: 'fd00:13::1', peerAs: 65001, passive: true, localAddress: 'fd00:13::3' },
      ],
    });
    expect(text).toContain('  local-address-list = ["10.0.13.3"]\n');
    expect(text).not.toContain('listen-addresses');
    expect(text).toContain(
      '  [neighbors.timers.config]\n    hold-time = 3\n    keepalive-interval = 1\n    connect-retry = 2\n',
    );
    expect(text).toContain(
      '  [neighbors.transport.config]\n    passive-mode = true\n    local-address = "fd00:13::3"\n',
    );
    expect(text.match(/afi-safi-name = "(\S+)"/g)).toEqual([
      'afi-safi-name = "ipv4-unicast"',
      'afi-safi-name = "ipv6-unicast"',
    ]);
  });

  test('exabgp.conf: families from the session and routes, the API process, static routes', () => {
    const text = exabgpConfig({
      processes: [{ name: 'health', run: '/usr/local/bin/check' }],
      neighbors: [
        {
          address: '10.0.14.1',
          routerId: '10.0.14.2',
          localAddress: '10.0.14.2',
          localAs: 65053,
          peerAs: 65001,
          holdTime: 3,
          processes: ['health'],
          routes: [
            { prefix: '192.0.2.53/32' },
            {
              prefix: '2001:db8::53/128',
              nextHop: 'fd00:14::2',
              attributes: 'community [65053:1]',
            },
          ],
        },
      ],
    });
    expect(text).toContain('process health {\n  run /usr/local/bin/check;\n  encoder text;\n}\n');
    expect(text).toContain('  family {\n    ipv4 unicast;\n    ipv6 unicast;\n  }\n');
    expect(text).toContain(`  api { processes [ ${EXABGP_API_PROCESS}, health ]; }\n`);
    expect(text).toContain(
      '  static {\n    route 192.0.2.53/32 next-hop self;\n    route 2001:db8::53/128 next-hop fd00:14::2 community [65053:1];\n  }\n',
    );
    const noApi = exabgpConfig({
      neighbors: [
        {
          address: '10.0.14.1',
          routerId: 'x',
          localAddress: 'y',
          localAs: 1,
          peerAs: 2,
          api: false,
        },
      ],
    });
    expect(noApi).not.toContain('api {');
    expect(noApi).not.toContain('static');
  });

  test('familyOf', () => {
    expect(familyOf('10.0.0.1')).toBe('ipv4');
    expect(familyOf('2001:db8::/32')).toBe('ipv6');
  });
});
