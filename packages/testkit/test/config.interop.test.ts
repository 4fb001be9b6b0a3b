// Every config builder's output, checked by the daemon's own config checker
// (`vtysh --dryrun`, `bird -p`, `gobgpd --dry-run`, `exabgp --validate`). No namespaces.
// (`exabgp --test` is no validator: it also compares a re-encoding of each route with the
// text and fails on `next-hop self` or attribute order.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { gobgpConfig } from '../src/netns/config/gobgp.js';
import {
  birdBgp,
  birdConfig,
  birdOspf,
  birdPrefixFilter,
  birdRip,
  exabgpConfig,
  FAST_BGP_TIMERS,
  FAST_OSPF_TIMERS,
  FAST_RIP_TIMERS,
  frrBgpConfig,
  frrOspfConfig,
  frrRipConfig,
  frrStaticConfig,
  run,
} from '../src/netns/index.js';

const dir = mkdtempSync(join(tmpdir(), 'rk-config-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function accepted(argv: string[], env: Record<string, string> = {}): Promise<void> {
  const r = await run(argv, { allowFailure: true, env, timeoutMs: 30_000 });
  expect(r.code, `${argv.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
}

describe('generated configs are accepted by the daemons', () => {
  test('FRR: bgpd, ospfd, ripd, staticd (vtysh --dryrun), and a broken one is not', async () => {
    const configs = {
      bgpd: frrBgpConfig({
        hostname: 'r1',
        asn: 65001,
        routerId: '10.0.0.1',
        neighbors: [
          { address: '10.0.12.2', remoteAs: 65002, timers: FAST_BGP_TIMERS, description: 'bird' },
          { address: 'fd00:12::2', remoteAs: 65002, passive: true, families: ['ipv4', 'ipv6'] },
        ],
        networks: ['192.0.2.1/32', '2001:db8::1/128'],
        redistribute: ['connected'],
      }),
      ospfd: frrOspfConfig({
        hostname: 'r1',
        routerId: '10.0.0.1',
        interfaces: [
          { name: 'r1-r2', pointToPoint: true, timers: FAST_OSPF_TIMERS, cost: 10 },
          { name: 'r1-r3', passive: true },
        ],
        networks: [{ prefix: '10.0.12.0/24' }, { prefix: '192.0.2.1/32' }],
        redistribute: ['connected'],
        fastConvergence: true,
      }),
      ripd: frrRipConfig({
        hostname: 'r1',
        networks: ['10.0.12.0/24', 'r1-r3'],
        timers: FAST_RIP_TIMERS,
        announce: { prefixes: ['192.0.2.1/32'], metric: 3 },
        passiveInterfaces: ['r1-r3'],
      }),
      staticd: frrStaticConfig('r1', [
        { prefix: '198.51.100.0/24', via: '10.0.12.2' },
        { prefix: '2001:db8:1::/48', via: 'blackhole', distance: 250 },
      ]),
    };
    for (const [d, text] of Object.entries(configs)) {
      await accepted(['vtysh', '--dryrun', '-f', file(`${d}.conf`, text)]);
    }
    const broken = file('broken.conf', `${configs.bgpd}router bgp 65001\n neighbor x remote-as\n`);
    const r = await run(['vtysh', '--dryrun', '-f', broken], { allowFailure: true });
    expect(r.code).not.toBe(0);
  });

  test('BIRD: BGP (v4 + v6), OSPF and RIP in one bird.conf (bird -p), and a broken one is not', async () => {
    const text = birdConfig({
      routerId: '10.0.0.2',
      logFile: join(dir, 'bird.log'),
      protocols: [
        birdBgp({
          name: 'frr4',
          localAddress: '10.0.12.2',
          localAs: 65002,
          neighbor: '10.0.12.1',
          neighborAs: 65001,
          timers: FAST_BGP_TIMERS,
          passive: true,
          ipv4: { export: birdPrefixFilter(['192.0.2.53/32']) },
        }),
        birdBgp({
          name: 'frr6',
          localAddress: 'fd00:12::2',
          localAs: 65002,
          neighbor: 'fd00:12::1',
          neighborAs: 65001,
          ipv4: { import: 'none' },
          ipv6: { export: birdPrefixFilter(['2001:db8::53/128']) },
        }),
        birdOspf({
          name: 'ospf1',
          interfaces: [
            { name: 'r2-r1', timers: FAST_OSPF_TIMERS, cost: 10 },
            { name: 'r2-r3', type: 'broadcast' },
          ],
          stubs: ['192.0.2.53/32'],
        }),
        birdRip({
          name: 'rip1',
          interfaces: ['r2-r1', 'r2-r3'],
          timers: FAST_RIP_TIMERS,
          export: birdPrefixFilter(['192.0.2.53/32']),
        }),
      ],
    });
    await accepted(['bird', '-p', '-c', file('bird.conf', text)]);
    const broken = file('broken-bird.conf', text.replace('hold time 3;', 'hold time 3 seconds;'));
    expect((await run(['bird', '-p', '-c', broken], { allowFailure: true })).code).not.toBe(0);
  });

  test('GoBGP (gobgpd --dry-run) and ExaBGP (exabgp --validate), and broken ones are not', async () => {
    const toml = gobgpConfig({
      as: 65003,
      routerId: '10.0.13.3',
      localAddresses: ['10.0.13.3', 'fd00:13::3'],
      neighbors: [
        { address: '10.0.13.1', peerAs: 65001, timers: FAST_BGP_TIMERS },
        { address: 'fd00:13::1', peerAs: 65001, passive: true, localAddress: 'fd00:13::3' },
      ],
    });
    await accepted(['gobgpd', '-f', file('gobgpd.toml', toml), '-t', 'toml', '--dry-run']);
    const exa = exabgpConfig({
      neighbors: [
        {
          address: '10.0.14.1',
          routerId: '10.0.14.2',
          localAddress: '10.0.14.2',
          localAs: 65053,
          peerAs: 65001,
          holdTime: 3,
          api: false,
          routes: [
            { prefix: '192.0.2.53/32', attributes: 'community [65053:1] med 10' },
            { prefix: '2001:db8::53/128', nextHop: 'fd00:14::2' },
          ],
        },
      ],
    });
    const exaEnv = { 'exabgp.daemon.user': 'root', 'exabgp.api.cli': 'false' };
    await accepted(['exabgp', '--validate', file('exabgp.conf', exa)], exaEnv);
    const badExa = file('bad-exabgp.conf', exa.replace('med 10', 'medx 10'));
    const r = await run(['exabgp', '--validate', badExa], { allowFailure: true, env: exaEnv });
    expect(r.code).not.toBe(0);
    const badToml = file('bad.toml', toml.replace('as = 65003', 'as = "x"'));
    const g = await run(['gobgpd', '-f', badToml, '-t', 'toml', '--dry-run'], {
      allowFailure: true,
    });
    expect(g.code).not.toBe(0);
  });
});
