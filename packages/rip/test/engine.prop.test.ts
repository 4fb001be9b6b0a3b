import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbRipTimers } from '../src/testing.js';
import { SimLab } from './helpers.js';

const ANYCAST = '192.0.2.53/32';

/** n servers around one edge, each announcing the anycast /32 at its own metric. */
function starLab(metrics: readonly number[], timers: object) {
  const lab = new SimLab();
  for (let i = 0; i < metrics.length; i++) {
    lab.link(`s${i}`, 'e', `10.0.${i}.2/24`, `10.0.${i}.1/24`);
  }
  lab.start({ timers });
  for (const [i, m] of metrics.entries()) lab.node(`s${i}`).engine.announce(ANYCAST, m);
  lab.clock.advance(50);
  return lab;
}

const arbMetrics = fc.uniqueArray(fc.integer({ min: 1, max: 14 }), { minLength: 2, maxLength: 5 });

describe('RipEngine properties (virtual clock)', () => {
  it('the edge routes to the server with the lowest metric, whatever the timers', () => {
    fc.assert(
      fc.property(arbRipTimers, arbMetrics, (timers, metrics) => {
        const lab = starLab(metrics, timers);
        const best = metrics.indexOf(Math.min(...metrics));
        expect(lab.route('e', ANYCAST)).toMatchObject({
          interface: `e-s${best}`,
          metric: metrics[best]! + 1,
        });
        expect(lab.route('e', ANYCAST)?.adverts).toHaveLength(metrics.length);
      }),
      { numRuns: 50 },
    );
  });

  it('withdraw() of the best server moves the edge to the next best within one delivery', () => {
    fc.assert(
      fc.property(arbRipTimers, arbMetrics, fc.nat({ max: 100_000 }), (timers, metrics, wait) => {
        const lab = starLab(metrics, timers);
        lab.clock.advance(wait);
        const order = metrics.map((m, i) => [m, i] as const).sort((a, b) => a[0] - b[0]);
        lab.node(`s${order[0]![1]}`).engine.withdraw(ANYCAST);
        lab.clock.advance(2);
        expect(lab.route('e', ANYCAST)?.interface).toBe(`e-s${order[1]![1]}`);
      }),
      { numRuns: 50 },
    );
  });

  it('a silently dead best server is replaced no later than the timeout', () => {
    fc.assert(
      fc.property(arbRipTimers, arbMetrics, fc.nat({ max: 100_000 }), (timers, metrics, wait) => {
        const lab = starLab(metrics, timers);
        lab.clock.advance(wait);
        const order = metrics.map((m, i) => [m, i] as const).sort((a, b) => a[0] - b[0]);
        lab.net.kill(`s${order[0]![1]}`);
        const took = lab.until(
          () => lab.route('e', ANYCAST)?.interface === `e-s${order[1]![1]}`,
          timers.timeout + 100,
          Math.max(1, Math.floor(timers.update / 50)),
        );
        expect(took).toBeLessThanOrEqual(timers.timeout + Math.floor(timers.update / 50));
      }),
      { numRuns: 50 },
    );
  });

  it('converged metrics equal hop distance + the originating metric on any connected topology', () => {
    const arbGraph = fc.integer({ min: 2, max: 9 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        // a random spanning tree (node i > 0 hangs off an earlier node) plus extra edges
        parents: fc.tuple(...Array.from({ length: n - 1 }, (_, i) => fc.nat({ max: i }))),
        extra: fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })), { maxLength: n }),
        origin: fc.nat({ max: n - 1 }),
        metric: fc.integer({ min: 1, max: 5 }),
      }),
    );
    fc.assert(
      fc.property(arbGraph, ({ n, parents, extra, origin, metric }) => {
        const edges = new Set<string>();
        for (const [i, p] of parents.entries()) edges.add(`${p}-${i + 1}`);
        for (const [a, b] of extra) if (a !== b) edges.add(`${Math.min(a, b)}-${Math.max(a, b)}`);
        const lab = new SimLab();
        const adj = Array.from({ length: n }, () => [] as number[]);
        let net = 0;
        for (const e of edges) {
          const [a, b] = e.split('-').map(Number) as [number, number];
          adj[a]!.push(b);
          adj[b]!.push(a);
          net++;
          const off = { advertiseConnected: false };
          lab.link(`r${a}`, `r${b}`, `10.${net}.0.1/24`, `10.${net}.0.2/24`, { a: off, b: off });
        }
        lab.start();
        lab.node(`r${origin}`).engine.announce(ANYCAST, metric);
        lab.clock.advance(200_000);
        // breadth-first hop distances from the origin
        const dist = Array.from({ length: n }, () => Number.POSITIVE_INFINITY);
        dist[origin] = 0;
        const queue = [origin];
        for (let q = queue.shift(); q !== undefined; q = queue.shift()) {
          for (const v of adj[q]!) {
            if (dist[v] !== Number.POSITIVE_INFINITY) continue;
            dist[v] = dist[q]! + 1;
            queue.push(v);
          }
        }
        for (let i = 0; i < n; i++) {
          const r = lab.route(`r${i}`, ANYCAST);
          const want = metric + dist[i]!;
          if (want >= 16) expect(r?.state ?? 'none').not.toBe('learned');
          else expect(r?.metric, `r${i}`).toBe(want);
        }
      }),
      { numRuns: 40 },
    );
  });
});
