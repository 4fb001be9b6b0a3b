import { maskLength } from '../addr.js';
import { Architectural, LsaType, RouterLinkType } from '../iana.js';
import type { Lsa } from '../lsa/lsa.js';
import type { NetworkLsaBody } from '../lsa/network.js';
import type { RouterLsaBody } from '../lsa/router.js';
import { MinHeap } from './heap.js';
import type { Hop, PathType } from './types.js';

/** A route being built (numbers inside; formatted at the end). */
export interface RouteAcc {
  readonly net: number;
  readonly len: number;
  cost: number;
  type2: number;
  pathType: PathType;
  area: number | undefined;
  hops: Hop[];
  /** RFC 3101 tie-break rank among externals: 0 type-7 P, 1 type-5, 2 type-7 no P. */
  rank: number;
}

/** Router reached in an area. */
export interface RouterReach {
  readonly id: number;
  readonly area: number;
  readonly cost: number;
  readonly hops: Hop[];
  readonly flags: number;
}

/** The result of SPF in one area. */
export interface IntraArea {
  readonly area: number;
  readonly routers: Map<number, RouterReach>;
  readonly routes: Map<number, RouteAcc>;
}

/** Key of a prefix in route maps. */
export function prefixKey(net: number, len: number): number {
  return net * 64 + len;
}

/**
 * Union of next-hop sets (no duplicates) as a new array when anything is added, else
 * `into` itself. Hop arrays are shared between routes and never modified in place.
 */
export function mergeHops(into: readonly Hop[], add: readonly Hop[]): Hop[] {
  let out: Hop[] | undefined;
  for (const h of add) {
    const list = out ?? into;
    if (!list.some((x) => x.gateway === h.gateway && x.via === h.via)) {
      out ??= into.slice();
      out.push(h);
    }
  }
  return out ?? (into as Hop[]);
}

const ROOT_HOPS: Hop[] = [{ gateway: 0, via: 0 }];

function usable(l: Lsa): boolean {
  return l.header.age < Architectural.MaxAge;
}

interface Graph {
  readonly routers: Map<number, RouterLsaBody>;
  readonly networks: Map<number, { body: NetworkLsaBody; adv: number }>;
}

function buildGraph(lsas: readonly Lsa[]): Graph {
  const routers = new Map<number, RouterLsaBody>();
  const rseq = new Map<number, number>();
  const networks = new Map<number, { body: NetworkLsaBody; adv: number }>();
  const nseq = new Map<number, number>();
  for (const l of lsas) {
    if (!usable(l)) continue;
    const h = l.header;
    if (h.type === LsaType.Router && l.body.kind === 'router') {
      // The router-LSA's Link State ID is the router id; keep the newest.
      if ((rseq.get(h.lsId) ?? -Infinity) < h.seq) {
        routers.set(h.lsId, l.body);
        rseq.set(h.lsId, h.seq);
      }
    } else if (h.type === LsaType.Network && l.body.kind === 'network') {
      if ((nseq.get(h.lsId) ?? -Infinity) < h.seq) {
        networks.set(h.lsId, { body: l.body, adv: h.advRouter });
        nseq.set(h.lsId, h.seq);
      }
    }
  }
  return { routers, networks };
}

/**
 * Intra-area SPF (RFC 2328 §16.1) for `root` over one area's LSAs: Dijkstra over
 * router and network vertices with the two-way check, next hops per §16.1.1 (the
 * neighbour's interface address for p2p links and directly attached networks,
 * inherited beyond), equal-cost next hops merged; then transit networks and stub
 * links become intra-area routes. Virtual links are not followed.
 */
export function intraArea(area: number, root: number, lsas: readonly Lsa[]): IntraArea | undefined {
  const g = buildGraph(lsas);
  const rootLsa = g.routers.get(root);
  const routers = new Map<number, RouterReach>();
  const routes = new Map<number, RouteAcc>();
  if (rootLsa === undefined) return undefined;

  // Vertex state. Router keys are ids; network keys are lsIds (separate maps).
  const rDist = new Map<number, number>();
  const rHops = new Map<number, Hop[]>();
  const rDone = new Set<number>();
  const nDist = new Map<number, number>();
  const nHops = new Map<number, Hop[]>();
  const nDone = new Set<number>();
  // Heap values: router id as non-negative, network lsId encoded as -(lsId + 1).
  const heap = new MinHeap<number>();
  rDist.set(root, 0);
  rHops.set(root, []);
  // Keys are 2·distance (+1 for routers): at equal distance network vertices come
  // first (§16.1 step 3), so every equal-cost path through a network is merged.
  heap.push(1, root);

  const relaxRouter = (w: number, d: number, hops: Hop[]): void => {
    if (rDone.has(w)) return;
    const cur = rDist.get(w);
    if (cur === undefined || d < cur) {
      rDist.set(w, d);
      rHops.set(w, hops);
      heap.push(2 * d + 1, w);
    } else if (d === cur) rHops.set(w, mergeHops(rHops.get(w)!, hops));
  };
  const relaxNetwork = (n: number, d: number, hops: Hop[]): void => {
    if (nDone.has(n)) return;
    const cur = nDist.get(n);
    if (cur === undefined || d < cur) {
      nDist.set(n, d);
      nHops.set(n, hops);
      heap.push(2 * d, -(n + 1));
    } else if (d === cur) nHops.set(n, mergeHops(nHops.get(n)!, hops));
  };

  for (;;) {
    const top = heap.pop();
    if (top === undefined) break;
    const v = top.value;
    const d = Math.floor(top.key / 2);
    if (v >= 0) {
      if (rDone.has(v) || d !== rDist.get(v)) continue;
      rDone.add(v);
      const body = g.routers.get(v)!;
      const hopsV = rHops.get(v)!;
      const isRoot = v === root;
      const p2pSeen = new Map<number, number>();
      for (const link of body.links) {
        if (link.type === RouterLinkType.PointToPoint) {
          const w = link.linkId >>> 0;
          const wb = g.routers.get(w);
          if (wb === undefined || w === v) continue;
          const back = wb.links.filter(
            (l) => l.type === RouterLinkType.PointToPoint && l.linkId >>> 0 === v,
          );
          if (back.length === 0) continue;
          let hops = hopsV;
          if (isRoot) {
            const k = p2pSeen.get(w) ?? 0;
            p2pSeen.set(w, k + 1);
            const b = back[Math.min(k, back.length - 1)]!;
            hops = [{ gateway: b.linkData >>> 0, via: link.linkData >>> 0 }];
          }
          relaxRouter(w, d + link.metric, hops);
        } else if (link.type === RouterLinkType.Transit) {
          const n = link.linkId >>> 0;
          const net = g.networks.get(n);
          if (net === undefined || !net.body.attachedRouters.some((a) => a >>> 0 === v)) continue;
          const hops = isRoot ? [{ gateway: 0, via: link.linkData >>> 0 }] : hopsV;
          relaxNetwork(n, d + link.metric, hops);
        }
      }
    } else {
      const n = -v - 1;
      if (nDone.has(n) || d !== nDist.get(n)) continue;
      nDone.add(n);
      const net = g.networks.get(n)!;
      const hopsN = nHops.get(n)!;
      for (const a of net.body.attachedRouters) {
        const w = a >>> 0;
        if (w === root || rDone.has(w)) continue;
        const wb = g.routers.get(w);
        if (wb === undefined) continue;
        const back = wb.links.find(
          (l) => l.type === RouterLinkType.Transit && l.linkId >>> 0 === n,
        );
        if (back === undefined) continue;
        const hops = hopsN.map((h) =>
          h.gateway === 0 ? { gateway: back.linkData >>> 0, via: h.via } : h,
        );
        relaxRouter(w, d, hops);
      }
    }
  }

  const add = (net: number, len: number, cost: number, hops: Hop[]): void => {
    const key = prefixKey(net, len);
    const cur = routes.get(key);
    if (cur === undefined || cost < cur.cost) {
      routes.set(key, {
        net,
        len,
        cost,
        type2: 0,
        pathType: 'intra',
        area,
        hops,
        rank: 0,
      });
    } else if (cost === cur.cost) cur.hops = mergeHops(cur.hops, hops);
  };
  for (const n of nDone) {
    const net = g.networks.get(n)!;
    const len = maskLength(net.body.mask);
    if (len < 0) continue;
    add((n & net.body.mask) >>> 0, len, nDist.get(n)!, nHops.get(n)!);
  }
  for (const v of rDone) {
    const body = g.routers.get(v)!;
    const d = rDist.get(v)!;
    const hops = v === root ? ROOT_HOPS : rHops.get(v)!;
    for (const link of body.links) {
      if (link.type !== RouterLinkType.Stub) continue;
      const len = maskLength(link.linkData);
      if (len < 0) continue;
      add((link.linkId & link.linkData) >>> 0, len, d + link.metric, hops);
    }
    if (v !== root) {
      routers.set(v, { id: v, area, cost: d, hops: rHops.get(v)!, flags: body.flags });
    }
  }
  return { area, routers, routes };
}
