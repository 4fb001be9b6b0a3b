/**
 * Failover timings at an edge router directly connected to two anycast servers (the
 * ../shared/lab "d" shape: server A announces the /32 at metric 1, backup B at metric 3),
 * with FRR ripd or a routekit node as the edge, for a graceful `withdraw()` and for a
 * killed server process (SIGKILL, nothing sent):
 *   (a) time until the edge drops the route via A,
 *   (b) time until the edge's route points to B (traffic restored).
 * CI runs the shortened timers (5/15/10); `RIP_TIMERS=default` runs RFC 2453's 30/180/120
 * (about 10 minutes) for the README table.
 */
import {
  FAST_RIP_TIMERS,
  type Frr,
  frrRipConfig,
  type Lab,
  type LabProcess,
  withLab,
} from '@routekit/testkit/netns';
import { beforeAll, describe, expect, test } from 'vitest';
import type { DriverClient } from './interop/client.js';
import { buildRip, msTimers, startRoutekit } from './interop/lab.js';

beforeAll(() => buildRip(), 120_000);

const DEFAULTS = { update: 30, timeout: 180, garbage: 120 };
const T = process.env.RIP_TIMERS === 'default' ? DEFAULTS : FAST_RIP_TIMERS;
const LABEL = `${T.update}/${T.timeout}/${T.garbage}`;
const ANYCAST = '192.0.2.53/32';
const A = '10.0.1.2';
const B = '10.0.2.2';

interface Star {
  readonly via: () => Promise<string | undefined>;
  readonly a: DriverClient;
  readonly aProcess: LabProcess;
}

async function star(lab: Lab, edge: 'frr' | 'routekit'): Promise<Star> {
  const e = await lab.node('edge', { ipv6: false });
  const sa = await lab.node('sa', { ipv6: false });
  const sb = await lab.node('sb', { ipv6: false });
  await lab.link(e, sa, { v4: ['10.0.1.1/24', `${A}/24`] });
  await lab.link(e, sb, { v4: ['10.0.2.1/24', `${B}/24`] });
  let via: () => Promise<string | undefined>;
  if (edge === 'frr') {
    const frr: Frr = await e.frr({
      ripd: frrRipConfig({ hostname: 'edge', networks: ['10.0.0.0/16'], timers: T }),
    });
    via = async () => (await frr.route(ANYCAST, 'rip'))?.nexthops[0]?.ip;
  } else {
    const { client } = await startRoutekit(e, {
      interfaces: [
        { name: 'edge-sa', address: '10.0.1.1/24' },
        { name: 'edge-sb', address: '10.0.2.1/24' },
      ],
      timers: msTimers(T),
      fib: true,
    });
    via = async () => (await client.route(ANYCAST))?.nextHop;
  }
  const servers: DriverClient[] = [];
  let aProcess: LabProcess | undefined;
  for (const [node, dev, ip, metric] of [
    [sa, 'sa-edge', `${A}/24`, 1],
    [sb, 'sb-edge', `${B}/24`, 3],
  ] as const) {
    await node.addAddress(ANYCAST);
    const { client, process: p } = await startRoutekit(node, {
      interfaces: [{ name: dev, address: ip }],
      timers: msTimers(T),
      announce: [{ prefix: ANYCAST, metric }],
    });
    servers.push(client);
    aProcess ??= p;
  }
  await lab.waitFor(async () => (await via()) === A, {
    timeoutMs: (T.update + 10) * 1000,
    describe: 'edge routes the /32 to A',
  });
  // B's start-up (triggered) update has reached the edge by now: routekit keeps it,
  // FRR discards it (not better than A's)
  return { via, a: servers[0]!, aProcess: aProcess! };
}

async function measure(lab: Lab, s: Star, t0: number) {
  const slack = (T.timeout + T.update + 15) * 1000;
  await lab.waitFor(async () => (await s.via()) !== A, { timeoutMs: slack, intervalMs: 20 });
  const a = Date.now() - t0;
  await lab.waitFor(async () => (await s.via()) === B, { timeoutMs: slack, intervalMs: 20 });
  const b = Date.now() - t0;
  return { a, b };
}

const results: string[] = [];
/** Per-test budgets: a silent death takes the whole timeout (180 s by default). */
const WITHDRAW_MS = (4 * T.update + 30) * 1000;
const KILL_MS = (T.timeout + 4 * T.update + 30) * 1000;

describe(`failover timings, timers ${LABEL}`, () => {
  for (const edge of ['frr', 'routekit'] as const) {
    test(
      `edge ${edge}: graceful withdraw()`,
      async () => {
        await withLab(`rip-t-w-${edge}`, async (lab) => {
          const s = await star(lab, edge);
          const { at } = await s.a.withdraw(ANYCAST);
          const { a, b } = await measure(lab, s, at);
          results.push(
            `${LABEL} edge=${edge} withdraw: (a) ${(a / 1000).toFixed(2)} s (b) ${(b / 1000).toFixed(2)} s`,
          );
          expect(a).toBeLessThan(1_000);
          if (edge === 'routekit') expect(b).toBeLessThan(1_000);
          else expect(b).toBeLessThanOrEqual((T.update + 6) * 1000);
        });
      },
      WITHDRAW_MS,
    );
    test(
      `edge ${edge}: killed server process (silent)`,
      async () => {
        await withLab(`rip-t-k-${edge}`, async (lab) => {
          const s = await star(lab, edge);
          s.aProcess.expectExit();
          const t0 = Date.now();
          s.aProcess.kill('SIGKILL');
          const { a, b } = await measure(lab, s, t0);
          results.push(
            `${LABEL} edge=${edge} kill: (a) ${(a / 1000).toFixed(2)} s (b) ${(b / 1000).toFixed(2)} s`,
          );
          expect(a).toBeLessThanOrEqual((T.timeout + 2) * 1000);
          if (edge === 'routekit') expect(b - a).toBeLessThan(1_000);
        });
      },
      KILL_MS,
    );
  }

  test('report', () => {
    console.log(`[rip-interop] timings\n${results.join('\n')}`);
    expect(results).toHaveLength(4);
  });
});
