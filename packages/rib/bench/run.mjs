/**
 * `pnpm --filter @routekit/rib bench`: builds the package (tsc -b) and measures the
 * compiled `dist/` against npm peers in one run, on the seeded full table of
 * `table.mjs`. Prints one table: medians of 5 runs, ratio to each peer measured in
 * the same run, the goal and pass/fail. Run with `node --expose-gc` (the script does)
 * so memory is measured after a full collection.
 *
 * Peers: `arkime-iptrie` (native C, node-gyp; reported as skipped when it does not
 * build or load), `longest-prefix-match` (pure JS), `cidr-matcher` (containment only,
 * on a 20,000-prefix subset).
 */
import { createRequire } from 'node:module';
import { ipv4Table, ipv6Table, rng, stats } from './table.mjs';

const require = createRequire(import.meta.url);
const { Ipv4Trie, Ipv6Trie, PrefixTrie, Rib } = await import('../dist/index.js');

// Quick mode (CI, < 60 s): a 200 k / 50 k table and 3 runs per row; the same table is
// printed. Either way the exit status is 0 when rows miss their goals, and non-zero only
// on a crash or a wrong answer.
const QUICK =
  process.env.BENCH_QUICK === '1' ||
  process.env.ROUTEKIT_BENCH_QUICK === '1' ||
  process.argv.includes('--quick');
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 3 : 5));
const gc = globalThis.gc ?? (() => {});
const rows = [];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};
const fmtRate = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : `${(x / 1e3).toFixed(0)} k/s`);

/** Runs `fn` RUNS times; each returns { ops, ms }; gives the median rate in ops/s. */
function rate(fn, runs = RUNS) {
  const rates = [];
  for (let i = 0; i < runs; i++) {
    const { ops, ms } = fn();
    rates.push((ops / ms) * 1000);
  }
  return median(rates);
}
function time(fn, runs = RUNS) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}
function heap() {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}
function row(name, value, goal, pass, peers = '') {
  rows.push({ name, value, goal, pass: pass === undefined ? '' : pass ? 'pass' : 'FAIL', peers });
  console.error(`  ${name}: ${value}  ${peers}`);
}

function loadPeer(name, make) {
  try {
    return { name, lib: make() };
  } catch (e) {
    return { name, skipped: (e?.message ? e.message : String(e)).split('\n')[0].slice(0, 120) };
  }
}

const ipv4Text = (v) => `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
const ipv6Text = (w) =>
  [
    w[0] >>> 16,
    w[0] & 0xffff,
    w[1] >>> 16,
    w[1] & 0xffff,
    w[2] >>> 16,
    w[2] & 0xffff,
    w[3] >>> 16,
    w[3] & 0xffff,
  ]
    .map((x) => x.toString(16))
    .join(':');

// ------------------------------------------------------------------ the table
console.error('generating the table…');
const T4 = ipv4Table(QUICK ? 200_000 : undefined);
const T6 = ipv6Table(QUICK ? 50_000 : undefined);
const M4 = `${(T4.count / 1e6).toFixed(2)} M`;
const M6 = `${Math.round(T6.count / 1e3)} k`;
const random = rng(42);
const N_LOOKUPS = 1 << 21;
const addr4 = new Uint32Array(N_LOOKUPS);
for (let i = 0; i < N_LOOKUPS; i++) addr4[i] = (random() * 4294967296) >>> 0;
const N_TEXT = 1 << 18;
const text4 = Array.from({ length: N_TEXT }, (_, i) => ipv4Text(addr4[i]));
// IPv6 destinations: random host bits inside random table prefixes (uniformly random
// 128-bit addresses would almost all miss 2000::/3 and measure nothing).
const addr6 = new Uint32Array(N_LOOKUPS);
for (let i = 0; i < N_LOOKUPS / 4; i++) {
  const p = (random() * T6.count) | 0;
  const l = T6.lens[p];
  for (let w = 0; w < 4; w++) {
    const bits = l - 32 * w;
    const m = bits <= 0 ? 0 : bits >= 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
    addr6[4 * i + w] = ((T6.words[4 * p + w] & m) | (((random() * 4294967296) >>> 0) & ~m)) >>> 0;
  }
}
const N6 = N_LOOKUPS / 4;
const text6 = Array.from({ length: Math.min(N_TEXT, N6) }, (_, i) =>
  ipv6Text(addr6.subarray(4 * i, 4 * i + 4)),
);

{
  const t = new Ipv4Trie({ compile: 'never' });
  for (let i = 0; i < T4.count; i++) t.insert(T4.keys[i], T4.lens[i]);
  const s4 = stats(T4.lens, T4.count, (i) => t.parentOf(T4.keys[i], T4.lens[i]) >= 0);
  const s6 = stats(T6.lens, T6.count, () => false);
  console.log(
    `table: ${T4.count} IPv4 prefixes (mean length ${s4.mean.toFixed(2)}, /24 ${((100 * s4.hist.get(24)) / T4.count).toFixed(1)} %, ` +
      `more-specifics ${(100 * s4.insideShare).toFixed(1)} %), ${T6.count} IPv6 prefixes (mean ${s6.mean.toFixed(2)}, ` +
      `/48 ${((100 * s6.hist.get(48)) / T6.count).toFixed(1)} %); seeded, see bench/table.mjs`,
  );
}

// ------------------------------------------------------------------ peers
const arkime = loadPeer('arkime-iptrie', () => {
  const { IPTrie } = require('arkime-iptrie');
  const t = new IPTrie();
  t.add('10.0.0.0', 8, 1);
  if (t.find('10.1.1.1') !== 1) throw new Error('arkime-iptrie answers wrongly');
  return IPTrie;
});
const lpmPeer = loadPeer('longest-prefix-match', () => require('longest-prefix-match'));
const cidrPeer = loadPeer('cidr-matcher', () => require('cidr-matcher'));

// ------------------------------------------------------------------ IPv4 build + memory
console.error('IPv4 build…');
const buildMs = time(() => {
  const t = new Ipv4Trie({ compile: 'never' });
  t.insertAll(T4.keys, T4.lens);
  t.compile();
});
row(
  `IPv4 build ${M4} prefixes (insertAll + DIR-24-8 compile)`,
  `${buildMs.toFixed(0)} ms`,
  '≤ 500 ms',
  buildMs <= 500,
);
const buildRandom = time(() => {
  const t = new Ipv4Trie({ compile: 'always' });
  for (let i = 0; i < T4.count; i++) t.insert(T4.keys[i], T4.lens[i]);
}, 3);
row(
  `IPv4 build ${M4} prefixes one by one, random order, FIB in step`,
  `${buildRandom.toFixed(0)} ms`,
  '',
  undefined,
);

let trie4;
let bytes4 = {};
{
  const h0 = heap();
  trie4 = new Ipv4Trie({ compile: 'never' });
  for (let i = 0; i < T4.count; i++) trie4.insert(T4.keys[i], T4.lens[i]);
  trie4.trim();
  const h1 = heap();
  trie4.compile();
  const h2 = heap();
  bytes4 = { trie: (h1 - h0) / T4.count, total: (h2 - h0) / T4.count, arrays: trie4.byteLength() };
}
row(
  'IPv4 memory: trie (authoritative, after trim()), heap B/prefix',
  `${bytes4.trie.toFixed(1)} B`,
  '≤ 30 B',
  bytes4.trie <= 30,
);
row(
  'IPv4 memory: trie + DIR-24-8 FIB, heap B/prefix',
  `${bytes4.total.toFixed(1)} B`,
  '≤ 30 B',
  bytes4.total <= 30,
  `(FIB ${(bytes4.arrays.fib / 2 ** 20).toFixed(0)} MiB: 64 MiB level 1 + chunks)`,
);

// ------------------------------------------------------------------ IPv4 lookups
console.error('IPv4 lookups…');
let sink = 0;
const numeric4 = rate(() => {
  const t0 = performance.now();
  let s = 0;
  for (let r = 0; r < 4; r++) for (let i = 0; i < N_LOOKUPS; i++) s += trie4.lookup(addr4[i]);
  sink += s;
  return { ops: 4 * N_LOOKUPS, ms: performance.now() - t0 };
});
const walk4 = rate(() => {
  const t0 = performance.now();
  let s = 0;
  for (let i = 0; i < N_LOOKUPS / 4; i++) s += trie4.walk(addr4[i]);
  sink += s;
  return { ops: N_LOOKUPS / 4, ms: performance.now() - t0 };
});
const pt4 = new PrefixTrie({ family: 4 });
for (let i = 0; i < T4.count; i++) {
  const k = T4.keys[i];
  pt4.set({ family: 4, address: { family: 4, value: k }, length: T4.lens[i] }, i);
}
const handle4 = rate(() => {
  const t0 = performance.now();
  let s = 0;
  for (let r = 0; r < 4; r++) for (let i = 0; i < N_TEXT; i++) s += trie4.lookupText(text4[i]);
  sink += s;
  return { ops: 4 * N_TEXT, ms: performance.now() - t0 };
});
const outBatch = new Int32Array(N_TEXT);
const batch4 = rate(() => {
  const t0 = performance.now();
  for (let r = 0; r < 4; r++) trie4.lookupTexts(text4, outBatch);
  sink += outBatch[7];
  return { ops: 4 * N_TEXT, ms: performance.now() - t0 };
});
const string4 = rate(() => {
  const t0 = performance.now();
  let s = 0;
  for (let r = 0; r < 4; r++) for (let i = 0; i < N_TEXT; i++) s += pt4.lookup(text4[i]) ?? 0;
  sink += s;
  return { ops: 4 * N_TEXT, ms: performance.now() - t0 };
});

// The string paths must give the numeric answers.
{
  let wrong = 0;
  for (let i = 0; i < N_TEXT; i += 7) {
    const h = trie4.lookup(addr4[i]);
    if (trie4.lookupText(text4[i]) !== h || outBatch[i] !== h) wrong++;
    if (pt4.lookup(text4[i]) !== pt4.lookup4(addr4[i])) wrong++;
  }
  if (wrong > 0) {
    console.error(`IPv4 string lookups: ${wrong} answers differ from the numeric lookups`);
    process.exitCode = 1;
  }
}

function peerRate4(peer, add, find, texts = text4) {
  if (peer.skipped) return { name: peer.name, skipped: peer.skipped };
  const inst = add();
  const r = rate(() => {
    const t0 = performance.now();
    let s = 0;
    for (let i = 0; i < N_TEXT / 4; i++) if (find(inst, texts[i]) !== undefined) s++;
    sink += s;
    return { ops: N_TEXT / 4, ms: performance.now() - t0 };
  });
  return { name: peer.name, rate: r };
}
console.error('IPv4 peers…');
const peers4 = [
  peerRate4(
    arkime,
    () => {
      const t = new arkime.lib();
      for (let i = 0; i < T4.count; i++) t.add(ipv4Text(T4.keys[i]), T4.lens[i], i);
      return t;
    },
    (t, a) => t.find(a) ?? undefined,
  ),
  peerRate4(
    lpmPeer,
    () => {
      const t = new lpmPeer.lib();
      for (let i = 0; i < T4.count; i++) t.addPrefix(`${ipv4Text(T4.keys[i])}/${T4.lens[i]}`, i);
      return t;
    },
    (t, a) => {
      const m = t.getMatch(a);
      return m.length > 0 ? m[0] : undefined;
    },
    // Its getMatch takes a prefix: destinations as /32.
    text4.slice(0, N_TEXT / 4).map((a) => `${a}/32`),
  ),
];
const best4 = Math.max(0, ...peers4.filter((p) => p.rate).map((p) => p.rate));
const vs = (x, peers) =>
  peers
    .map((p) =>
      p.skipped
        ? `${p.name}: skipped: ${p.skipped}`
        : `${(x / p.rate).toFixed(1)}× ${p.name} (${fmtRate(p.rate)})`,
    )
    .join('; ');
row(
  'IPv4 lookups, numeric (DIR-24-8)',
  fmtRate(numeric4),
  '≥ 20 M/s',
  numeric4 >= 20e6,
  vs(numeric4, peers4),
);
row('IPv4 lookups, numeric, trie walk (no FIB)', fmtRate(walk4), '', undefined, vs(walk4, peers4));
row(
  'IPv4 lookups, strings → handle (Ipv4Trie.lookupText)',
  fmtRate(handle4),
  '≥ 5 M/s and ≥ 7× best peer',
  handle4 >= 5e6 && (best4 === 0 || handle4 >= 7 * best4),
  vs(handle4, peers4),
);
row(
  'IPv4 lookups, strings → handles, batch of 2^18 (Ipv4Trie.lookupTexts)',
  fmtRate(batch4),
  '≥ 5 M/s and ≥ 7× best peer',
  batch4 >= 5e6 && (best4 === 0 || batch4 >= 7 * best4),
  vs(batch4, peers4),
);
row(
  'IPv4 lookups, strings → value (PrefixTrie.lookup)',
  fmtRate(string4),
  '≥ 5 M/s and ≥ 7× best peer',
  string4 >= 5e6 && (best4 === 0 || string4 >= 7 * best4),
  vs(string4, peers4),
);

// Containment peer on a subset: "is the address in any of these prefixes".
if (cidrPeer.skipped) {
  row(
    'IPv4 containment, 20 k prefixes, strings',
    'skipped',
    '',
    undefined,
    `cidr-matcher: skipped: ${cidrPeer.skipped}`,
  );
} else {
  const sub = [];
  for (let i = 0; i < 20_000; i++) sub.push(`${ipv4Text(T4.keys[i])}/${T4.lens[i]}`);
  const m = new cidrPeer.lib(sub);
  const ours = new PrefixTrie({ family: 4 });
  for (const p of sub) ours.set(p, true);
  const theirs = rate(() => {
    const t0 = performance.now();
    let s = 0;
    for (let i = 0; i < N_TEXT / 4; i++) if (m.contains(text4[i])) s++;
    sink += s;
    return { ops: N_TEXT / 4, ms: performance.now() - t0 };
  });
  const mine = rate(() => {
    const t0 = performance.now();
    let s = 0;
    for (let i = 0; i < N_TEXT; i++) if (ours.lookup(text4[i]) !== undefined) s++;
    sink += s;
    return { ops: N_TEXT, ms: performance.now() - t0 };
  });
  row(
    'IPv4 containment, 20 k prefixes, strings',
    fmtRate(mine),
    '',
    undefined,
    vs(mine, [{ name: 'cidr-matcher', rate: theirs }]),
  );
}

// ------------------------------------------------------------------ IPv4 incremental
console.error('IPv4 incremental…');
{
  const K = 200_000;
  const idx = Array.from({ length: K }, () => (random() * T4.count) | 0);
  const ops = rate(() => {
    const t0 = performance.now();
    for (const i of idx) trie4.remove(T4.keys[i], T4.lens[i]);
    for (const i of idx) trie4.insert(T4.keys[i], T4.lens[i]);
    return { ops: 2 * K, ms: performance.now() - t0 };
  });
  // Correctness after every change: the compiled answer equals the trie walk for an
  // address inside the changed prefix and one random address.
  let bad = 0;
  const check = (i) => {
    const inside =
      (T4.keys[i] |
        (((random() * 4294967296) >>> 0) &
          ~(T4.lens[i] === 0 ? 0 : 0xffffffff << (32 - T4.lens[i])))) >>>
      0;
    const other = addr4[(random() * N_LOOKUPS) | 0];
    if (trie4.lookup(inside) !== trie4.walk(inside) || trie4.lookup(other) !== trie4.walk(other))
      bad++;
  };
  for (const i of idx.slice(0, 50_000)) {
    trie4.remove(T4.keys[i], T4.lens[i]);
    check(i);
  }
  for (const i of idx.slice(0, 50_000)) {
    trie4.insert(T4.keys[i], T4.lens[i]);
    check(i);
  }
  row(
    'IPv4 incremental insert/delete (trie + FIB in step)',
    fmtRate(ops),
    '≥ 1 M/s, lookups correct',
    ops >= 1e6 && bad === 0,
    `${bad} wrong answers in 200,000 checks after 100,000 changes`,
  );
  if (bad > 0) {
    console.error(`IPv4 incremental: ${bad} wrong answers`);
    process.exitCode = 1;
  }
}

// ------------------------------------------------------------------ IPv6
console.error('IPv6…');
let trie6;
let bytes6;
{
  const h0 = heap();
  trie6 = new Ipv6Trie({ compile: 'never' });
  for (let i = 0; i < T6.count; i++) {
    trie6.insert(
      T6.words[4 * i],
      T6.words[4 * i + 1],
      T6.words[4 * i + 2],
      T6.words[4 * i + 3],
      T6.lens[i],
    );
  }
  trie6.trim();
  trie6.compile();
  const h1 = heap();
  bytes6 = (h1 - h0) / T6.count;
}
row(
  'IPv6 memory: trie + jump table, heap B/prefix',
  `${bytes6.toFixed(1)} B`,
  '≤ 80 B',
  bytes6 <= 80,
);
const build6 = time(() => {
  const t = new Ipv6Trie({ compile: 'never' });
  for (let i = 0; i < T6.count; i++)
    t.insert(
      T6.words[4 * i],
      T6.words[4 * i + 1],
      T6.words[4 * i + 2],
      T6.words[4 * i + 3],
      T6.lens[i],
    );
  t.compile();
});
row(`IPv6 build ${M6} prefixes`, `${build6.toFixed(0)} ms`, '', undefined);
const numeric6 = rate(() => {
  const t0 = performance.now();
  let s = 0;
  for (let i = 0; i < N6; i++)
    s += trie6.lookup(addr6[4 * i], addr6[4 * i + 1], addr6[4 * i + 2], addr6[4 * i + 3]);
  sink += s;
  return { ops: N6, ms: performance.now() - t0 };
});
const pt6 = new PrefixTrie({ family: 6 });
for (let i = 0; i < T6.count; i++) {
  const w = [T6.words[4 * i], T6.words[4 * i + 1], T6.words[4 * i + 2], T6.words[4 * i + 3]];
  pt6.set({ family: 6, address: { family: 6, words: w }, length: T6.lens[i] }, i);
}
const handle6 = rate(() => {
  const t0 = performance.now();
  let s = 0;
  for (let i = 0; i < text6.length; i++) s += trie6.lookupText(text6[i]);
  sink += s;
  return { ops: text6.length, ms: performance.now() - t0 };
});
const string6 = rate(() => {
  const t0 = performance.now();
  let s = 0;
  for (let i = 0; i < text6.length; i++) s += pt6.lookup(text6[i]) ?? 0;
  sink += s;
  return { ops: text6.length, ms: performance.now() - t0 };
});
const v6Text = (i) =>
  ipv6Text([T6.words[4 * i], T6.words[4 * i + 1], T6.words[4 * i + 2], T6.words[4 * i + 3]]);
const peers6 = [];
if (arkime.skipped) peers6.push({ name: 'arkime-iptrie', skipped: arkime.skipped });
else {
  const t = new arkime.lib();
  for (let i = 0; i < T6.count; i++) t.add(v6Text(i), T6.lens[i], i);
  peers6.push({
    name: 'arkime-iptrie',
    rate: rate(() => {
      const t0 = performance.now();
      let s = 0;
      for (let i = 0; i < text6.length / 4; i++) if (t.find(text6[i]) != null) s++;
      sink += s;
      return { ops: text6.length / 4, ms: performance.now() - t0 };
    }),
  });
}
if (lpmPeer.skipped) peers6.push({ name: 'longest-prefix-match', skipped: lpmPeer.skipped });
else {
  const t = new lpmPeer.lib();
  for (let i = 0; i < T6.count; i++) t.addPrefix(`${v6Text(i)}/${T6.lens[i]}`, i);
  const text6h = text6.slice(0, text6.length / 8).map((a) => `${a}/128`);
  peers6.push({
    name: 'longest-prefix-match',
    rate: rate(() => {
      const t0 = performance.now();
      let s = 0;
      for (let i = 0; i < text6.length / 8; i++) if (t.getMatch(text6h[i]).length > 0) s++;
      sink += s;
      return { ops: text6.length / 8, ms: performance.now() - t0 };
    }),
  });
}
row(
  'IPv6 lookups, numeric (jump table + trie)',
  fmtRate(numeric6),
  '≥ 4 M/s',
  numeric6 >= 4e6,
  vs(numeric6, peers6),
);
row(
  'IPv6 lookups, strings → handle (Ipv6Trie.lookupText)',
  fmtRate(handle6),
  '≥ 1.5 M/s',
  handle6 >= 1.5e6,
  vs(handle6, peers6),
);
row(
  'IPv6 lookups, strings → value (PrefixTrie.lookup)',
  fmtRate(string6),
  '≥ 1.5 M/s',
  string6 >= 1.5e6,
  vs(string6, peers6),
);

// ------------------------------------------------------------------ Rib
console.error('Rib…');
trie4 = undefined;
pt4.clear();
{
  const peerAttrs = (peer, routerId) => ({
    peerType: 'external',
    asPathLength: 3,
    origin: 0,
    neighborAs: peer,
    routerId,
  });
  const prefixes = Array.from({ length: T4.count }, (_, i) => ({
    family: 4,
    address: { family: 4, value: T4.keys[i] },
    length: T4.lens[i],
  }));
  const nh1 = [{ address: { family: 4, value: 0xc0000201 } }];
  const nh2 = [{ address: { family: 4, value: 0xc0000202 } }];
  const a1 = peerAttrs(65001, 1);
  const a2 = peerAttrs(65002, 2);
  const loads = [];
  const seconds = [];
  let perRoute = 0;
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    const h0 = heap();
    const rib = new Rib({ capacity: T4.count + 16 });
    rib.add({
      prefix: '192.0.2.0/24',
      nextHops: [{ interface: 'eth0' }],
      source: 'connected',
      distance: 0,
      metric: 0,
    });
    let t0 = performance.now();
    rib.batch(() => {
      for (let i = 0; i < prefixes.length; i++) {
        rib.add({
          prefix: prefixes[i],
          nextHops: nh1,
          source: 'bgp:192.0.2.1',
          distance: 20,
          metric: 0,
          attrs: a1,
        });
      }
    });
    loads.push(performance.now() - t0);
    if (run === 0) perRoute = (heap() - h0) / T4.count;
    t0 = performance.now();
    rib.batch(() => {
      for (let i = 0; i < prefixes.length; i++) {
        rib.add({
          prefix: prefixes[i],
          nextHops: nh2,
          source: 'bgp:192.0.2.2',
          distance: 20,
          metric: 0,
          attrs: a2,
        });
      }
    });
    seconds.push(performance.now() - t0);
    if (rib.size !== T4.count + 1 || rib.get(prefixes[7]).best.source !== 'bgp:192.0.2.1')
      throw new Error('Rib answers wrongly');
  }
  const load = median(loads);
  const second = median(seconds);
  row(
    `Rib: load ${T4.count} routes from one BGP peer (random order)`,
    `${(load / 1000).toFixed(2)} s`,
    '≤ 2 s',
    load <= 2000,
    `(median of ${loads.length})`,
  );
  row(
    'Rib: memory per route (heap, everything)',
    `${perRoute.toFixed(0)} B`,
    '≤ 150 B',
    perRoute <= 150,
  );
  row(
    'Rib: second peer, same prefixes (full re-selection)',
    `${(second / 1000).toFixed(2)} s`,
    '≤ 2 s',
    second <= 2000,
    `(median of ${seconds.length})`,
  );
}

// ------------------------------------------------------------------ table
const w = [0, 0, 0, 0];
const cells = rows.map((r) => [r.name, r.value, r.goal, r.pass, r.peers]);
for (const c of cells) for (let i = 0; i < 4; i++) w[i] = Math.max(w[i], c[i].length);
const head = ['measure', 'median', 'goal', 'result', 'vs peers (same run)'];
for (let i = 0; i < 4; i++) w[i] = Math.max(w[i], head[i].length);
const line = (c) => `| ${c.map((x, i) => (i < 4 ? x.padEnd(w[i]) : x)).join(' | ')} |`;
console.log(
  `\nNode ${process.version}, ${RUNS} runs per row${QUICK ? ' (quick mode: small table)' : ''}\n`,
);
console.log(line(head));
console.log(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|---|`);
for (const c of cells) console.log(line(c));
if (sink === 0.5) console.log(sink);
