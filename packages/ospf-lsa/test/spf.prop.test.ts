import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipv4ToString, type Lsa, type RouterLink, spf } from '../src/index.js';
import { networkLsa, routerLsa } from './topo.js';

/** A random connected area: routers, p2p links (asymmetric costs), broadcast networks. */
interface Graph {
  n: number;
  links: { a: number; b: number; costAB: number; costBA: number }[];
  nets: { members: number[]; costs: number[] }[];
  stubCost: number[];
}

const arbGraph: fc.Arbitrary<Graph> = fc
  .integer({ min: 2, max: 14 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      // A spanning tree (connected), then extra links.
      tree: fc.array(
        fc.tuple(fc.nat(), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
        {
          minLength: n - 1,
          maxLength: n - 1,
        },
      ),
      extra: fc.array(
        fc.tuple(
          fc.nat(n - 1),
          fc.nat(n - 1),
          fc.integer({ min: 1, max: 5 }),
          fc.integer({ min: 1, max: 5 }),
        ),
        { maxLength: n },
      ),
      nets: fc.array(
        fc.uniqueArray(fc.nat(n - 1), { minLength: 2, maxLength: 4 }).chain((members) =>
          fc.record({
            members: fc.constant(members),
            costs: fc.array(fc.integer({ min: 1, max: 5 }), {
              minLength: members.length,
              maxLength: members.length,
            }),
          }),
        ),
        { maxLength: 3 },
      ),
      stubCost: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    }),
  )
  .map(({ n, tree, extra, nets, stubCost }) => {
    const links: Graph['links'] = [];
    const seen = new Set<string>();
    const add = (x: number, y: number, c1: number, c2: number): void => {
      if (x === y) return;
      const k = x < y ? `${x}-${y}` : `${y}-${x}`;
      if (seen.has(k)) return;
      seen.add(k);
      links.push({ a: x, b: y, costAB: c1, costBA: c2 });
    };
    tree.forEach(([p, c1, c2], i) => {
      add(i + 1, p % (i + 1), c1, c2);
    });
    for (const [x, y, c1, c2] of extra) add(x, y, c1, c2);
    return { n, links, nets, stubCost };
  });

const rid = (i: number): number => (0x01000000 + i + 1) >>> 0;
const linkAddr = (i: number, side: number): number => (0x0a000000 + (i << 8) + side) >>> 0;
const netDr = (k: number): number => (0xac100000 + (k << 8) + 1) >>> 0; // 172.16.k.1
const netAddr = (k: number, j: number): number => (0xac100000 + (k << 8) + 1 + j) >>> 0;
const loop = (i: number): number => (0xc0a80000 + i + 1) >>> 0; // 192.168.0.x/32

function lsasOf(g: Graph): Lsa[] {
  const links: RouterLink[][] = Array.from({ length: g.n }, () => []);
  g.links.forEach((l, i) => {
    links[l.a]!.push({
      linkId: rid(l.b),
      linkData: linkAddr(i, 1),
      type: 1,
      metric: l.costAB,
      tos: [],
    });
    links[l.b]!.push({
      linkId: rid(l.a),
      linkData: linkAddr(i, 2),
      type: 1,
      metric: l.costBA,
      tos: [],
    });
  });
  const out: Lsa[] = [];
  g.nets.forEach((net, k) => {
    net.members.forEach((m, j) => {
      links[m]!.push({
        linkId: netDr(k),
        linkData: netAddr(k, j),
        type: 2,
        metric: net.costs[j]!,
        tos: [],
      });
    });
    out.push(networkLsa(netDr(k), rid(net.members[0]!), 0xffffff00, net.members.map(rid)));
  });
  for (let i = 0; i < g.n; i++) {
    links[i]!.push({
      linkId: loop(i),
      linkData: 0xffffffff,
      type: 3,
      metric: g.stubCost[i]!,
      tos: [],
    });
    out.push(routerLsa(rid(i), links[i]!));
  }
  return out;
}

type Hop = string; // "gateway/via"

/**
 * The oracle: array-based Dijkstra for distances, then next hops as the union over
 * every shortest-path predecessor, vertices taken in (distance, network-first) order.
 */
function oracle(g: Graph, root: number): { dist: number[]; hops: Set<Hop>[] } {
  // Vertices: routers 0..n-1, networks n..n+k-1.
  const V = g.n + g.nets.length;
  const edges: { from: number; to: number; cost: number; gw: number; via: number }[] = [];
  g.links.forEach((l, i) => {
    edges.push({ from: l.a, to: l.b, cost: l.costAB, gw: linkAddr(i, 2), via: linkAddr(i, 1) });
    edges.push({ from: l.b, to: l.a, cost: l.costBA, gw: linkAddr(i, 1), via: linkAddr(i, 2) });
  });
  g.nets.forEach((net, k) => {
    net.members.forEach((m, j) => {
      edges.push({ from: m, to: g.n + k, cost: net.costs[j]!, gw: 0, via: netAddr(k, j) });
      edges.push({ from: g.n + k, to: m, cost: 0, gw: netAddr(k, j), via: 0 });
    });
  });
  const dist = Array<number>(V).fill(Infinity);
  const done = Array<boolean>(V).fill(false);
  dist[root] = 0;
  for (;;) {
    let u = -1;
    for (let v = 0; v < V; v++)
      if (!done[v] && dist[v]! < Infinity && (u < 0 || dist[v]! < dist[u]!)) u = v;
    if (u < 0) break;
    done[u] = true;
    for (const e of edges)
      if (e.from === u && dist[u]! + e.cost < dist[e.to]!) dist[e.to] = dist[u]! + e.cost;
  }
  const order = [...Array(V).keys()]
    .filter((v) => dist[v]! < Infinity)
    .sort((x, y) => dist[x]! - dist[y]! || (y >= g.n ? 1 : 0) - (x >= g.n ? 1 : 0));
  const hops: Set<Hop>[] = Array.from({ length: V }, () => new Set<Hop>());
  const direct: Set<Hop>[] = Array.from({ length: V }, () => new Set<Hop>()); // gw 0 hops of networks
  for (const w of order) {
    if (w === root) continue;
    for (const e of edges) {
      if (e.to !== w || dist[e.from]! + e.cost !== dist[w]!) continue;
      if (e.from === root) {
        if (w >= g.n) direct[w]!.add(`0/${e.via}`);
        else hops[w]!.add(`${e.gw}/${e.via}`);
      } else if (e.from >= g.n) {
        // From a network: its direct hops become hops to this router's address.
        for (const h of direct[e.from]!) hops[w]!.add(`${e.gw}/${h.split('/')[1]}`);
        for (const h of hops[e.from]!) hops[w]!.add(h);
      } else {
        for (const h of hops[e.from]!) hops[w]!.add(h);
      }
    }
  }
  for (let k = g.n; k < V; k++) for (const h of direct[k]!) hops[k]!.add(h);
  return { dist, hops };
}

const hopKey = (h: { address?: string; via?: string }): Hop =>
  `${h.address === undefined ? 0 : ipv4ToString(0) === h.address ? 0 : toNum(h.address)}/${h.via === undefined ? 0 : toNum(h.via)}`;
function toNum(s: string): number {
  return s.split('.').reduce((acc, x) => acc * 256 + Number(x), 0);
}

describe('SPF against a Dijkstra oracle', () => {
  it('distances and ECMP next-hop sets equal the oracle on random connected areas', () => {
    fc.assert(
      fc.property(arbGraph, fc.nat(), (g, r) => {
        const root = r % g.n;
        const res = spf({ routerId: rid(root), areas: new Map([[0, lsasOf(g)]]), external: [] });
        const o = oracle(g, root);
        // Every router is reached, at the oracle's distance, with its next hops.
        const reached = new Map(res.routers.map((x) => [toNum(x.routerId), x]));
        expect(reached.size).toBe(g.n - 1);
        for (let i = 0; i < g.n; i++) {
          if (i === root) continue;
          const got = reached.get(rid(i));
          expect(got?.cost).toBe(o.dist[i]);
          expect(new Set(got?.nextHops.map(hopKey))).toEqual(o.hops[i]);
        }
        // Loopback stubs: distance + stub cost, the router's next hops.
        const routes = new Map(res.routes.map((x) => [x.prefix, x]));
        for (let i = 0; i < g.n; i++) {
          const rt = routes.get(`${ipv4ToString(loop(i))}/32`);
          expect(rt?.pathType).toBe('intra');
          expect(rt?.cost).toBe(o.dist[i]! + g.stubCost[i]!);
          if (i !== root) expect(new Set(rt?.nextHops.map(hopKey))).toEqual(o.hops[i]);
        }
        // Transit networks.
        g.nets.forEach((_, k) => {
          const rt = routes.get(`${ipv4ToString(netDr(k) & 0xffffff00)}/24`);
          expect(rt?.cost).toBe(o.dist[g.n + k]);
          expect(new Set(rt?.nextHops.map(hopKey))).toEqual(o.hops[g.n + k]);
        });
      }),
    );
  });

  it('removing a link never shortens a path', () => {
    fc.assert(
      fc.property(arbGraph, fc.nat(), fc.nat(), (g, r, which) => {
        fc.pre(g.links.length > 0);
        const root = r % g.n;
        const before = spf({ routerId: rid(root), areas: new Map([[0, lsasOf(g)]]), external: [] });
        const cut = { ...g, links: g.links.filter((_, i) => i !== which % g.links.length) };
        const after = spf({
          routerId: rid(root),
          areas: new Map([[0, lsasOf(cut)]]),
          external: [],
        });
        const was = new Map(before.routes.map((x) => [x.prefix, x.cost]));
        for (const rt of after.routes) {
          const old = was.get(rt.prefix);
          if (old !== undefined) expect(rt.cost).toBeGreaterThanOrEqual(old);
        }
        // Nothing unreachable before becomes reachable.
        for (const rt of after.routes)
          expect(was.has(rt.prefix) || rt.prefix.startsWith('10.')).toBe(true);
      }),
    );
  });
});
