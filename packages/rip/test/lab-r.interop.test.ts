/**
 * Lab R of ../shared/design/LABS.md rebuilt: two data centres, four FRR ripd routers,
 * two routekit servers announcing the same anycast /32, two clients.
 *
 *  c3 10.128.7.2 ─┐                                   ┌─ c4 10.128.8.2
 *                 r3 ─10.128.3.0/24─ r1 ═10.128.1.0/24═ r2 ─10.128.4.0/24─ r4
 *  s1 10.128.5.2 ─┘   (r1 .1, r3 .2)     (r1 .1, r2 .2)    (r2 .1, r4 .2)   └─ s2 10.128.6.2
 *
 * Shortened timers (5/15/10) keep it CI-sized; the README has default-timer numbers.
 */
import {
  FAST_RIP_TIMERS,
  type Frr,
  frrRipConfig,
  type Lab,
  type LabNode,
  withLab,
} from '@routekit/testkit/netns';
import { beforeAll, describe, expect, test } from 'vitest';
import type { DriverClient } from './interop/client.js';
import { buildRip, msTimers, startRoutekit } from './interop/lab.js';

beforeAll(() => buildRip(), 120_000);

const ANYCAST = '10.128.224.2/32';
const PORT = 5353;

interface LabR {
  readonly nodes: Record<string, LabNode>;
  readonly frr: Record<string, Frr>;
  readonly servers: Record<'s1' | 's2', DriverClient>;
  /** routekit routers (r3, and r1 in the last variant), by name. */
  readonly routekit: Record<string, DriverClient>;
}

/** Which routers run routekit: none, the clients' edge r3, or r3 and the core r1. */
type Variant = 'frr' | 'routekit' | 'routekit-core';

async function labR(lab: Lab, variant: Variant): Promise<LabR> {
  const names = ['c3', 's1', 'r3', 'r1', 'r2', 'r4', 's2', 'c4'];
  const n: Record<string, LabNode> = {};
  for (const name of names) n[name] = await lab.node(name, { ipv6: false });
  const link = (a: string, b: string, net: number, ai: number, bi: number) =>
    lab.link(n[a]!, n[b]!, { v4: [`10.128.${net}.${ai}/24`, `10.128.${net}.${bi}/24`] });
  await link('r3', 'c3', 7, 1, 2);
  await link('r3', 's1', 5, 1, 2);
  await link('r1', 'r3', 3, 1, 2);
  await link('r1', 'r2', 1, 1, 2);
  await link('r2', 'r4', 4, 1, 2);
  await link('r4', 's2', 6, 1, 2);
  await link('r4', 'c4', 8, 1, 2);
  await n.c3!.exec(['ip', 'route', 'add', 'default', 'via', '10.128.7.1']);
  await n.c4!.exec(['ip', 'route', 'add', 'default', 'via', '10.128.8.1']);
  const frr: Record<string, Frr> = {};
  const rk = variant === 'frr' ? [] : variant === 'routekit' ? ['r3'] : ['r3', 'r1'];
  for (const r of ['r1', 'r2', 'r3', 'r4'].filter((x) => !rk.includes(x))) {
    frr[r] = await n[r]!.frr({
      ripd: frrRipConfig({ hostname: r, networks: ['10.128.0.0/16'], timers: FAST_RIP_TIMERS }),
    });
  }
  const timers = msTimers(FAST_RIP_TIMERS);
  const routekit: Record<string, DriverClient> = {};
  const rkInterfaces: Record<string, { name: string; address: string }[]> = {
    r3: [
      { name: 'r3-c3', address: '10.128.7.1/24' },
      { name: 'r3-s1', address: '10.128.5.1/24' },
      { name: 'r3-r1', address: '10.128.3.2/24' },
    ],
    r1: [
      { name: 'r1-r3', address: '10.128.3.1/24' },
      { name: 'r1-r2', address: '10.128.1.1/24' },
    ],
  };
  for (const r of rk) {
    routekit[r] = (
      await startRoutekit(n[r]!, { interfaces: rkInterfaces[r]!, timers, fib: true })
    ).client;
  }
  const servers = {} as Record<'s1' | 's2', DriverClient>;
  for (const [s, ip, dev] of [
    ['s1', '10.128.5.2/24', 's1-r3'],
    ['s2', '10.128.6.2/24', 's2-r4'],
  ] as const) {
    await n[s]!.addAddress(ANYCAST);
    await n[s]!.exec([
      'ip',
      'route',
      'add',
      'default',
      'via',
      `${ip.split('.').slice(0, 3).join('.')}.1`,
    ]);
    await n[s]!.tcpServe(PORT, '0.0.0.0');
    servers[s] = (
      await startRoutekit(n[s]!, {
        interfaces: [{ name: dev, address: ip }],
        timers,
        announce: [{ prefix: ANYCAST, metric: 1 }],
      })
    ).client;
  }
  return { nodes: n, frr, servers, routekit };
}

/** The next hop of `router`'s route to the anycast /32 (FRR or routekit edge). */
async function anycastVia(l: LabR, router: string): Promise<string | undefined> {
  const rk = l.routekit[router];
  if (rk !== undefined) return (await rk.route(ANYCAST))?.nextHop;
  const r = await l.frr[router]!.route(ANYCAST, 'rip');
  return r?.nexthops[0]?.ip;
}

for (const edge of ['frr', 'routekit', 'routekit-core'] as const) {
  const who = { frr: 'FRR', routekit: 'routekit r3', 'routekit-core': 'routekit r3 and r1' }[edge];
  describe(`Lab R, FRR routers but ${edge === 'frr' ? 'none' : who} replaced`, () => {
    test('each client reaches its nearest server; withdraw() on s1 moves c3 to s2', async () => {
      await withLab(`lab-r-${edge}`, async (lab) => {
        const l = await labR(lab, edge);
        await lab.waitFor(async () => (await anycastVia(l, 'r3')) === '10.128.5.2', {
          timeoutMs: 30_000,
          describe: 'r3 routes the anycast /32 to s1',
        });
        await lab.waitFor(async () => (await anycastVia(l, 'r4')) === '10.128.6.2', {
          timeoutMs: 30_000,
          describe: 'r4 routes the anycast /32 to s2',
        });
        await lab.waitFor(async () => (await anycastVia(l, 'r1')) === '10.128.3.2', {
          timeoutMs: 30_000,
          describe: 'r1 prefers the s1 side (3 hops against 4)',
        });
        // converged: r3 knows the far data centre, and r1 has heard r2
        await lab.waitFor(
          async () => {
            const rk1 = l.routekit.r1;
            if (rk1 === undefined)
              return (await l.frr.r1!.route('10.128.8.0/24', 'rip')) !== undefined;
            const adverts = (await rk1.route(ANYCAST))?.adverts ?? [];
            return adverts.some((a) => a.neighbor === '10.128.1.2');
          },
          { timeoutMs: 30_000, describe: 'r1 has heard r2' },
        );
        await lab.waitFor(
          async () => {
            const rk3 = l.routekit.r3;
            if (rk3 === undefined)
              return (await l.frr.r3!.route('10.128.8.0/24', 'rip')) !== undefined;
            return (await rk3.route('10.128.8.0/24')) !== undefined;
          },
          { timeoutMs: 30_000, describe: 'r3 knows the far data centre' },
        );
        expect(await l.nodes.c3!.tcpAsk('10.128.224.2', PORT)).toBe('s1');
        expect(await l.nodes.c4!.tcpAsk('10.128.224.2', PORT)).toBe('s2');

        const { at } = await l.servers.s1.withdraw(ANYCAST);
        await lab.waitFor(async () => (await anycastVia(l, 'r3')) !== '10.128.5.2', {
          timeoutMs: 5_000,
          intervalMs: 20,
          describe: 'r3 drops the route via s1',
        });
        const dropped = Date.now() - at;
        await lab.waitFor(async () => (await anycastVia(l, 'r3')) === '10.128.3.1', {
          timeoutMs: 3 * FAST_RIP_TIMERS.update * 1000,
          intervalMs: 20,
          describe: 'r3 routes the anycast /32 towards s2 (via r1)',
        });
        const restored = Date.now() - at;
        console.log(
          `[rip-interop] Lab R (edge ${edge}, 5/15/10): withdraw -> r3 drops s1 ${dropped} ms, r3 towards s2 ${restored} ms`,
        );
        expect(dropped).toBeLessThan(1_000);
        // with routekit on r1 too, r1 kept r2's advertisement and falls back at once
        if (edge === 'routekit-core') expect(restored).toBeLessThan(1_000);
        await lab.waitFor(async () => (await anycastVia(l, 'r1')) === '10.128.1.2', {
          timeoutMs: 3 * FAST_RIP_TIMERS.update * 1000,
          describe: 'r1 routes the anycast /32 towards s2 (via r2)',
        });
        expect(await l.nodes.c3!.tcpAsk('10.128.224.2', PORT, { timeoutMs: 3000 })).toBe('s2');
      });
    });
  });
}
