import { ipv4ToString, maskLength } from '../addr.js';
import { Architectural, LsaType, OptionBit, RouterFlag } from '../iana.js';
import type { Lsa } from '../lsa/lsa.js';
import type { Lsdb } from '../lsdb.js';
import {
  type IntraArea,
  intraArea,
  mergeHops,
  prefixKey,
  type RouteAcc,
  type RouterReach,
} from './intra.js';
import type { Hop, NextHop, SpfResult, SpfRoute, SpfRouter } from './types.js';

/** What {@link spf} needs: the computing router and the LSAs it holds. */
export interface SpfInput {
  /** The computing router's id (uint32). */
  readonly routerId: number;
  /** Area id → LSAs of that area's scope (types 1–4, 7; others ignored). */
  readonly areas: ReadonlyMap<number, readonly Lsa[]>;
  /** AS-scope LSAs (type 5; others ignored). */
  readonly external: readonly Lsa[];
}

const BACKBONE = 0;

function usable(l: Lsa, root: number): boolean {
  return l.header.age < Architectural.MaxAge && l.header.advRouter >>> 0 !== root;
}

/** Rank of path types: lower is preferred (RFC 2328 §11, RFC 3101). */
function typeRank(t: RouteAcc['pathType']): number {
  return t === 'intra' ? 0 : t === 'inter' ? 1 : t === 'E1' || t === 'N1' ? 2 : 3;
}

/** Whether `a` is a better external path than `b` (−1), worse (1) or equal (0). */
function compareExternal(a: RouteAcc, b: RouteAcc): number {
  const ra = typeRank(a.pathType);
  const rb = typeRank(b.pathType);
  if (ra !== rb) return ra - rb;
  if (ra === 3 && a.type2 !== b.type2) return a.type2 - b.type2;
  if (a.cost !== b.cost) return a.cost - b.cost;
  return a.rank - b.rank;
}

/** Longest-prefix match over intra- and inter-area routes. */
function lookup(routes: Map<number, RouteAcc>, addr: number): RouteAcc | undefined {
  for (let len = 32; len >= 0; len--) {
    const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
    const r = routes.get(prefixKey((addr & mask) >>> 0, len));
    if (r !== undefined && (r.pathType === 'intra' || r.pathType === 'inter')) return r;
  }
  return undefined;
}

/**
 * SPF per RFC 2328 §16: intra-area for every area holding the root's router-LSA
 * (§16.1), inter-area from summary-LSAs of the backbone when the root is an area
 * border router, else of its one area (§16.2), AS-external (§16.4: E1/E2, forwarding
 * address) and NSSA type-7 (RFC 3101 §2.5: N1/N2, P-bit preference) routes, with
 * equal-cost next hops merged. Transit-area (§16.3) and virtual-link processing are
 * not done. Returns plain route records sorted by prefix.
 */
export function spf(input: SpfInput): SpfResult {
  const root = input.routerId >>> 0;
  const intra: IntraArea[] = [];
  for (const [area, lsas] of input.areas) {
    const r = intraArea(area, root, lsas);
    if (r !== undefined) intra.push(r);
  }
  const routes = new Map<number, RouteAcc>();
  // Intra-area routes: best over areas (equal costs merged).
  for (const a of intra) {
    for (const [k, r] of a.routes) {
      const cur = routes.get(k);
      if (cur === undefined || r.cost < cur.cost) routes.set(k, r);
      else if (r.cost === cur.cost) cur.hops = mergeHops(cur.hops, r.hops);
    }
  }
  const isAbr = intra.length > 1;
  const intraRouter = (id: number, area?: number): RouterReach | undefined => {
    let best: RouterReach | undefined;
    for (const a of intra) {
      if (area !== undefined && a.area !== area) continue;
      const r = a.routers.get(id);
      if (r !== undefined && (best === undefined || r.cost < best.cost)) best = r;
    }
    return best;
  };

  // §16.2 inter-area routes.
  const summaryAreas = intra.filter((a) => !isAbr || a.area === BACKBONE);
  const asbrInter = new Map<number, { cost: number; hops: Hop[] }>();
  const inter = new Map<number, RouteAcc>();
  for (const a of summaryAreas) {
    for (const l of input.areas.get(a.area) ?? []) {
      const t = l.header.type;
      if ((t !== LsaType.SummaryNetwork && t !== LsaType.SummaryAsbr) || l.body.kind !== 'summary')
        continue;
      if (!usable(l, root) || l.body.metric >= Architectural.LSInfinity) continue;
      const br = a.routers.get(l.header.advRouter >>> 0);
      if (br === undefined || (br.flags & RouterFlag.B) === 0) continue;
      const cost = br.cost + l.body.metric;
      if (t === LsaType.SummaryAsbr) {
        const id = l.header.lsId >>> 0;
        if (id === root || intraRouter(id) !== undefined) continue;
        const cur = asbrInter.get(id);
        if (cur === undefined || cost < cur.cost) asbrInter.set(id, { cost, hops: br.hops });
        else if (cost === cur.cost) cur.hops = mergeHops(cur.hops, br.hops);
        continue;
      }
      const len = maskLength(l.body.mask);
      if (len < 0) continue;
      const net = (l.header.lsId & l.body.mask) >>> 0;
      const key = prefixKey(net, len);
      if (routes.has(key)) continue; // an intra-area route wins
      const cur = inter.get(key);
      if (cur === undefined || cost < cur.cost)
        inter.set(key, {
          net,
          len,
          cost,
          type2: 0,
          pathType: 'inter',
          area: a.area,
          hops: br.hops,
          rank: 0,
        });
      else if (cost === cur.cost) cur.hops = mergeHops(cur.hops, br.hops);
    }
  }
  for (const [k, r] of inter) routes.set(k, r);

  // §16.4 AS-external and RFC 3101 NSSA routes.
  const externals = new Map<number, RouteAcc>();
  const consider = (l: Lsa, nssaArea: number | undefined): void => {
    if (l.body.kind !== 'external' || !usable(l, root)) return;
    const b = l.body;
    if (b.metric >= Architectural.LSInfinity) return;
    const asbrId = l.header.advRouter >>> 0;
    let asbr: { cost: number; hops: Hop[] } | undefined;
    const viaIntra = intraRouter(asbrId, nssaArea);
    if (viaIntra !== undefined && (viaIntra.flags & RouterFlag.E) !== 0) asbr = viaIntra;
    else if (nssaArea === undefined) asbr = asbrInter.get(asbrId);
    if (asbr === undefined) return;
    let x = asbr.cost;
    let hops = asbr.hops;
    const fa = b.forwardingAddress >>> 0;
    if (fa !== 0) {
      const r = lookup(routes, fa);
      if (r === undefined) return;
      if (nssaArea !== undefined && (r.pathType !== 'intra' || r.area !== nssaArea)) return;
      x = r.cost;
      hops = r.hops.map((h) => (h.gateway === 0 ? { gateway: fa, via: h.via } : h));
    }
    const len = maskLength(b.mask);
    if (len < 0) return;
    const net = (l.header.lsId & b.mask) >>> 0;
    const key = prefixKey(net, len);
    if (routes.has(key)) return; // intra- and inter-area routes win
    const nssa = nssaArea !== undefined;
    const cand: RouteAcc = {
      net,
      len,
      cost: b.eBit ? x : x + b.metric,
      type2: b.eBit ? b.metric : 0,
      pathType: b.eBit ? (nssa ? 'N2' : 'E2') : nssa ? 'N1' : 'E1',
      area: nssaArea,
      hops,
      rank: nssa ? ((l.header.options & OptionBit.NP) !== 0 ? 0 : 2) : 1,
    };
    const cur = externals.get(key);
    if (cur === undefined) externals.set(key, cand);
    else {
      const c = compareExternal(cand, cur);
      if (c < 0) externals.set(key, cand);
      else if (c === 0) cur.hops = mergeHops(cur.hops, cand.hops);
    }
  };
  for (const l of input.external) if (l.header.type === LsaType.AsExternal) consider(l, undefined);
  for (const a of intra) {
    for (const l of input.areas.get(a.area) ?? [])
      if (l.header.type === LsaType.Nssa) consider(l, a.area);
  }
  for (const [k, r] of externals) routes.set(k, r);

  const keys = [...routes.keys()].sort((x, y) => x - y);
  const cache = new Map<readonly Hop[], NextHop[]>();
  const out: SpfRoute[] = keys.map((k) => formatRoute(routes.get(k)!, cache));
  const routers: SpfRouter[] = [];
  for (const a of intra) {
    for (const r of a.routers.values()) {
      routers.push({
        routerId: ipv4ToString(r.id),
        area: ipv4ToString(a.area),
        cost: r.cost,
        abr: (r.flags & RouterFlag.B) !== 0,
        asbr: (r.flags & RouterFlag.E) !== 0,
        nextHops: formatHops(r.hops, cache),
      });
    }
  }
  return { routerId: ipv4ToString(root), routes: out, routers };
}

function formatHops(hops: readonly Hop[], cache: Map<readonly Hop[], NextHop[]>): NextHop[] {
  const hit = cache.get(hops);
  if (hit !== undefined) return hit;
  const out = hops
    .map((h): NextHop => {
      if (h.gateway === 0 && h.via === 0) return {};
      if (h.gateway === 0) return { via: ipv4ToString(h.via) };
      if (h.via === 0) return { address: ipv4ToString(h.gateway) };
      return { address: ipv4ToString(h.gateway), via: ipv4ToString(h.via) };
    })
    .sort((a, b) => cmp(a.address, b.address) || cmp(a.via, b.via));
  cache.set(hops, out);
  return out;
}

function cmp(x: string | undefined, y: string | undefined): number {
  const a = x ?? '';
  const b = y ?? '';
  return a < b ? -1 : a > b ? 1 : 0;
}

function formatRoute(r: RouteAcc, cache: Map<readonly Hop[], NextHop[]>): SpfRoute {
  const prefix = `${ipv4ToString(r.net)}/${r.len}`;
  const nextHops = formatHops(r.hops, cache);
  const t2 = r.pathType === 'E2' || r.pathType === 'N2';
  if (r.area === undefined)
    return t2
      ? { prefix, cost: r.cost, type2Cost: r.type2, pathType: r.pathType, nextHops }
      : { prefix, cost: r.cost, pathType: r.pathType, nextHops };
  const area = ipv4ToString(r.area);
  return t2
    ? { prefix, cost: r.cost, type2Cost: r.type2, pathType: r.pathType, area, nextHops }
    : { prefix, cost: r.cost, pathType: r.pathType, area, nextHops };
}
/** SPF over an {@link Lsdb}: every area's LSAs and the AS-scope LSAs, aged to `now`. */
export function spfFromLsdb(lsdb: Lsdb, routerId: number, now: number): SpfResult {
  const areas = new Map<number, readonly Lsa[]>();
  for (const a of lsdb.areas()) areas.set(a, lsdb.areaLsas(a, now));
  return spf({ routerId, areas, external: lsdb.asLsas(now) });
}
