// SPF benchmark over the built package: `pnpm --filter @routekit/ospf-lsa bench`
// (runs `tsc -b` first). A generated single area: N routers with p2p links of degree
// 3–6, 10,000 stub prefixes spread over the routers and 10,000 AS-external prefixes
// from 10 ASBRs. Prints the median and min SPF time per size (LSAs are built once;
// only `spf()` is timed).
import { buildLsa, spf } from '../dist/index.js';

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function topology(n, { stubs = 10_000, externals = 10_000, seed = 1 } = {}) {
  const rnd = prng(seed);
  const rid = (i) => (0x0a000000 + i + 1) >>> 0;
  const links = Array.from({ length: n }, () => []);
  const degree = new Array(n).fill(0);
  const seen = new Set();
  let e = 0;
  const add = (x, y) => {
    if (x === y) return false;
    const k = x < y ? x * n + y : y * n + x;
    if (seen.has(k)) return false;
    seen.add(k);
    const cost = 1 + Math.floor(rnd() * 20);
    const ax = (0xac000000 + e * 4 + 1) >>> 0;
    links[x].push({ linkId: rid(y), linkData: ax, type: 1, metric: cost, tos: [] });
    links[y].push({ linkId: rid(x), linkData: ax + 1, type: 1, metric: cost, tos: [] });
    degree[x]++;
    degree[y]++;
    e++;
    return true;
  };
  // A random spanning tree keeps it connected, then links up to a degree of 3–6.
  for (let i = 1; i < n; i++) add(i, Math.floor(rnd() * i));
  for (let i = 0; i < n; i++) {
    const want = 3 + Math.floor(rnd() * 4);
    for (let tries = 0; degree[i] < want && tries < 20; tries++) {
      const j = Math.floor(rnd() * n);
      if (degree[j] < 6) add(i, j);
    }
  }
  for (let s = 0; s < stubs; s++) {
    const r = Math.floor(rnd() * n);
    links[r].push({
      linkId: (0x64000000 + s * 256) >>> 0,
      linkData: 0xffffff00,
      type: 3,
      metric: 1 + Math.floor(rnd() * 10),
      tos: [],
    });
  }
  const asbrs = Math.min(10, n);
  const lsas = links.map((l, i) =>
    buildLsa({
      header: { age: 1, options: 2, type: 1, lsId: rid(i), advRouter: rid(i), seq: 1 },
      body: { kind: 'router', flags: i < asbrs ? 2 : 0, reserved: 0, links: l },
    }),
  );
  const ext = [];
  for (let x = 0; x < externals; x++) {
    ext.push(
      buildLsa({
        header: {
          age: 1,
          options: 2,
          type: 5,
          lsId: (0xc0000000 + x * 256) >>> 0,
          advRouter: rid(x % asbrs),
          seq: 1,
        },
        body: {
          kind: 'external',
          mask: 0xffffff00,
          eBit: rnd() < 0.5,
          tos0: 0,
          metric: 1 + Math.floor(rnd() * 100),
          forwardingAddress: 0,
          routeTag: 0,
          tos: [],
        },
      }),
    );
  }
  return { root: rid(n - 1), areas: new Map([[0, lsas]]), external: ext, links: e };
}

function time(input, runs) {
  for (let i = 0; i < 3; i++) spf(input); // warm up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spf(input);
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)];
}

function measure(n, runs) {
  const bare = topology(n, { stubs: 0, externals: 0 });
  const graphOnly = time({ routerId: bare.root, areas: bare.areas, external: [] }, runs);
  const t = topology(n);
  const input = { routerId: t.root, areas: t.areas, external: t.external };
  for (let i = 0; i < 3; i++) spf(input); // warm up
  const times = [];
  let routes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    routes = spf(input).routes.length;
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return {
    n,
    links: t.links,
    routes,
    median: times[Math.floor(times.length / 2)],
    min: times[0],
    graphOnly,
  };
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((x) => x > 0);
const rows = (sizes.length > 0 ? sizes : [100, 1000, 5000]).map((n) =>
  measure(n, n >= 5000 ? 9 : 21),
);
console.log(`node ${process.version}, ${rows.length} sizes, 10,000 stubs + 10,000 externals each`);
console.log('| routers | p2p links | routes | median ms | min ms | graph only, median ms |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.n} | ${r.links} | ${r.routes} | ${r.median.toFixed(1)} | ${r.min.toFixed(1)} | ${r.graphOnly.toFixed(2)} |`,
  );
