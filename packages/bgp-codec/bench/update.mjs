/**
 * `pnpm --filter @routekit/bgp-codec bench` (first script): UPDATE decode and encode
 * throughput of the compiled `dist/`, in prefixes per second, against ExaBGP's own
 * decoder on the same bytes (`bench/exabgp_decode.py`, run with `python3` after the
 * Node measurements so the two never share the CPU).
 *
 * Messages: ORIGIN, AS_PATH of 4–6 four-octet ASNs, NEXT_HOP, MED, three COMMUNITIES and
 * 50 / 200 / 500 IPv4 unicast prefixes with a table-like length mix (mostly /24, then
 * /22, /23, /20, /21, /16…); the 200-prefix message also as IPv6 unicast in MP_REACH_NLRI
 * and as IPv4 with ADD-PATH path identifiers. Each row is the median of RUNS runs. ExaBGP
 * is measured twice: with its attribute cache off (every message parsed in full, like
 * ours) and on (its default; repeated attribute bytes reuse the last parse).
 *
 * `ROUTEKIT_BENCH_QUICK=1` (or `--quick`): tiny iteration counts (a few seconds). Either
 * way every decode is checked for the right prefix count and the encoder for byte-exact
 * output: a wrong answer exits non-zero; a missed goal is only marked in the table.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ipv4Table, ipv6Table } from '../../rib/bench/table.mjs';
import { DEFAULT_CONTEXT, decodeMessage, encodeMessage } from '../dist/index.js';

const QUICK =
  process.env.BENCH_QUICK === '1' ||
  process.env.ROUTEKIT_BENCH_QUICK === '1' ||
  process.argv.includes('--quick');
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 3 : 7));
/** Prefixes decoded per run (the message count follows from the message's size). */
const PREFIXES_PER_RUN = QUICK ? 200_000 : 5_000_000;
const EXABGP_PREFIXES_PER_RUN = QUICK ? 10_000 : 300_000;
const GOAL = 3_000_000;
const here = dirname(fileURLToPath(import.meta.url));

// ------------------------------------------------------------------ the messages
// Prefixes: slices of the project's one synthetic full table (rib's bench), DFZ-shaped.
const V4 = ipv4Table(2_000);
const V6 = ipv6Table(500);
let v4At = 0;
function v4Prefixes(n, addPath) {
  const out = [];
  for (let i = 0; i < n; i++, v4At++) {
    const prefix = {
      family: 4,
      address: { family: 4, value: V4.keys[v4At] },
      length: V4.lens[v4At],
    };
    out.push(addPath ? { prefix, pathId: 1 + (i % 4) } : { prefix });
  }
  return out;
}
function v6Prefixes(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const words = Array.from(V6.words.subarray(4 * i, 4 * i + 4));
    out.push({ prefix: { family: 6, address: { family: 6, words }, length: V6.lens[i] } });
  }
  return out;
}
const T = 0x40;
const O = 0x80;
function attributes(pathLength) {
  const asns = Array.from({ length: pathLength }, (_, i) => 64_512 + 70_000 * (i + 1) + i);
  return [
    { kind: 'origin', flags: T, origin: 0 },
    { kind: 'as-path', flags: T, segments: [{ type: 2, asns }] },
    { kind: 'next-hop', flags: T, nextHop: 0xc0000201 },
    { kind: 'med', flags: O, value: 100 },
    {
      kind: 'communities',
      flags: O | T,
      communities: [0xfde80064, 0xfde800c8, (65_000 * 65_536 + 666) >>> 0],
    },
  ];
}
const BOTH = { receive: true, send: true };
const FOUR = { ...DEFAULT_CONTEXT, fourOctetAs: true };
const ADD_PATH = { ...FOUR, addPath: { '1/1': BOTH } };

function open(asn, bgpId, addPath) {
  const capabilities = [
    { kind: 'multiprotocol', afi: 1, safi: 1, reserved: 0 },
    { kind: 'multiprotocol', afi: 2, safi: 1, reserved: 0 },
    { kind: 'four-octet-as', asn },
    ...(addPath ? [{ kind: 'add-path', families: [{ afi: 1, safi: 1, sendReceive: 3 }] }] : []),
  ];
  return encodeMessage(
    {
      kind: 'open',
      version: 4,
      myAs: 23_456,
      holdTime: 90,
      bgpId,
      parameters: [{ type: 2, capabilities }],
      extendedParameters: false,
    },
    DEFAULT_CONTEXT,
  );
}

function update(name, context, nlri, mp) {
  const attrs = attributes(4 + (nlri.length % 3));
  const message = mp
    ? {
        kind: 'update',
        withdrawn: [],
        attributes: [
          attrs[0],
          attrs[1],
          attrs[3],
          attrs[4],
          {
            kind: 'mp-reach',
            flags: O | 0x10,
            afi: 2,
            safi: 1,
            nextHop: new Uint8Array([0x20, 0x01, 0x0d, 0xb8, ...new Array(11).fill(0), 1]),
            reserved: 0,
            nlri: { kind: 'prefixes', routes: nlri },
          },
        ],
        nlri: [],
        unparsedAttributes: new Uint8Array(0),
        issues: [],
      }
    : {
        kind: 'update',
        withdrawn: [],
        attributes: attrs,
        nlri,
        unparsedAttributes: new Uint8Array(0),
        issues: [],
      };
  const ctx = mp ? { ...context, extendedMessage: false } : context;
  const bytes = encodeMessage(message, ctx);
  return { name, context: ctx, bytes, prefixes: nlri.length, addPath: context === ADD_PATH };
}

const CASES = [
  update('IPv4, 50 prefixes', FOUR, v4Prefixes(50, false), false),
  update('IPv4, 200 prefixes', FOUR, v4Prefixes(200, false), false),
  update('IPv4, 500 prefixes', FOUR, v4Prefixes(500, false), false),
  update('IPv6 MP_REACH, 200 prefixes', FOUR, v6Prefixes(200), true),
  update('IPv4 ADD-PATH, 200 prefixes', ADD_PATH, v4Prefixes(200, true), false),
];

// ------------------------------------------------------------------ measurement
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};
const fmt = (x) =>
  x === undefined
    ? 'n/a'
    : x >= 1e6
      ? `${(x / 1e6).toFixed(2)} M/s`
      : x >= 1e3
        ? `${(x / 1e3).toFixed(0)} k/s`
        : `${x.toFixed(0)} /s`;
const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
let wrong = 0;

function countPrefixes(m) {
  let n = m.nlri.length;
  for (const a of m.attributes) {
    if (a.kind === 'mp-reach' && a.nlri.kind === 'prefixes') n += a.nlri.routes.length;
  }
  return n;
}

function measureDecode(c) {
  const iterations = Math.max(1, Math.round(PREFIXES_PER_RUN / c.prefixes));
  const rates = [];
  for (let run = 0; run < RUNS; run++) {
    let total = 0;
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) {
      const d = decodeMessage(c.bytes, c.context);
      if (!d.ok) throw new Error(`${c.name}: ${d.error.code}`);
      total += countPrefixes(d.value);
    }
    const ms = performance.now() - t0;
    if (total !== iterations * c.prefixes) {
      console.error(`WRONG: ${c.name} decoded ${total} prefixes, want ${iterations * c.prefixes}`);
      wrong++;
    }
    rates.push((total / ms) * 1000);
  }
  return median(rates);
}

function measureEncode(c) {
  const d = decodeMessage(c.bytes, c.context);
  if (!d.ok) throw new Error(`${c.name}: ${d.error.code}`);
  if (hex(encodeMessage(d.value, c.context)) !== hex(c.bytes)) {
    console.error(`WRONG: ${c.name} does not re-encode byte-exact`);
    wrong++;
  }
  const iterations = Math.max(1, Math.round(PREFIXES_PER_RUN / c.prefixes));
  const rates = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) bytes += encodeMessage(d.value, c.context).length;
    const ms = performance.now() - t0;
    rates.push(((iterations * c.prefixes) / ms) * 1000);
  }
  if (bytes !== RUNS * iterations * c.bytes.length) {
    console.error(`WRONG: ${c.name} encoded ${bytes} bytes`);
    wrong++;
  }
  return median(rates);
}

/**
 * The interpreter that has ExaBGP: `EXABGP_PYTHON`, else `python3` on the PATH, else the
 * distribution's own interpreter (Debian's `python3-exabgp` installs into the system
 * Python, which a pyenv or venv `python3` on the PATH does not see).
 */
function exabgpPython() {
  const candidates = [process.env.EXABGP_PYTHON, 'python3', '/usr/bin/python3'];
  for (const p of candidates) {
    if (p === undefined || p === '') continue;
    const r = spawnSync(p, ['-c', 'import exabgp'], { stdio: 'ignore' });
    if (r.status === 0) return p;
  }
  return undefined;
}

/**
 * ExaBGP on the same bytes. `cache`: ExaBGP's own attribute cache (its default, on: a
 * message whose attribute bytes equal the previous one's reuses the parsed attributes —
 * every iteration here after the first); off, every message is parsed in full, as ours is.
 */
function exabgp(cases, cache) {
  const sentNormal = hex(open(65_001, 0x0a000001, false));
  const recvNormal = hex(open(65_002, 0x0a000002, false));
  const sentAp = hex(open(65_001, 0x0a000001, true));
  const recvAp = hex(open(65_002, 0x0a000002, true));
  const job = {
    cases: cases.map((c) => ({
      name: c.name,
      sent: c.addPath ? sentAp : sentNormal,
      received: c.addPath ? recvAp : recvNormal,
      hex: hex(c.bytes),
      iterations: Math.max(1, Math.round(EXABGP_PREFIXES_PER_RUN / c.prefixes)),
      runs: RUNS,
    })),
  };
  const python = exabgpPython();
  if (python === undefined) {
    const why = 'no python3 that imports exabgp (set EXABGP_PYTHON)';
    console.error(`ExaBGP peer skipped: ${why}`);
    return { skipped: why };
  }
  const r = spawnSync(python, [join(here, 'exabgp_decode.py')], {
    input: JSON.stringify(job),
    encoding: 'utf8',
    timeout: 15 * 60_000,
    env: { ...process.env, exabgp_cache_attributes: cache ? 'true' : 'false' },
  });
  if (r.status !== 0) {
    const why = (r.error?.message ?? r.stderr ?? '').trim().split('\n').at(-1);
    console.error(`ExaBGP peer skipped: ${why}`);
    return { skipped: why };
  }
  const out = new Map();
  for (const line of r.stdout.trim().split('\n')) {
    const x = JSON.parse(line);
    const c = cases.find((k) => k.name === x.name);
    if (c !== undefined && x.prefixes !== c.prefixes) {
      console.error(
        `WRONG: ExaBGP decoded ${x.prefixes} prefixes of ${c.name}, want ${c.prefixes}`,
      );
      wrong++;
    }
    out.set(x.name, median(x.runs));
  }
  return { rates: out };
}

// ------------------------------------------------------------------ run
console.error(
  `bgp-codec UPDATE bench: node ${process.version}, ${RUNS} runs per row${QUICK ? ' (quick)' : ''}`,
);
// Warm-up: every case decoded and encoded until the JIT has settled, so the first row is
// not measuring compilation.
for (const c of CASES) {
  for (let i = 0; i < (QUICK ? 500 : 3000); i++) {
    const d = decodeMessage(c.bytes, c.context);
    if (d.ok) encodeMessage(d.value, c.context);
  }
}
const rows = [];
for (const c of CASES) {
  const decode = measureDecode(c);
  const encode = measureEncode(c);
  console.error(
    `  ${c.name} (${c.bytes.length} bytes): decode ${fmt(decode)}, encode ${fmt(encode)}`,
  );
  rows.push({ c, decode, encode });
}
const peer = exabgp(CASES, false);
const peerCached = peer.skipped === undefined ? exabgp(CASES, true) : peer;

const lines = [
  '| UPDATE | bytes | decode (prefixes/s) | encode (prefixes/s) | ExaBGP 4.2 decode | ratio | ExaBGP, attribute cache on | ratio | decode goal ≥ 3 M/s (IPv4) |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---|',
];
const ratio = (ours, theirs) => (theirs === undefined ? 'n/a' : `${(ours / theirs).toFixed(0)}×`);
for (const { c, decode, encode } of rows) {
  const exa = peer.rates?.get(c.name);
  const cached = peerCached.rates?.get(c.name);
  const isGoalRow = c.name.startsWith('IPv4,');
  lines.push(
    `| ${c.name} | ${c.bytes.length} | ${fmt(decode)} | ${fmt(encode)} | ${fmt(exa)} | ${ratio(decode, exa)} | ${fmt(cached)} | ${ratio(decode, cached)} | ${isGoalRow ? (decode >= GOAL ? 'pass' : 'FAIL') : ''} |`,
  );
}
console.log(lines.join('\n'));
if (peer.skipped !== undefined) console.log(`\nExaBGP peer skipped: ${peer.skipped}`);
console.log(
  `\nMedians of ${RUNS} runs, one core (node ${process.version}; python3 for ExaBGP, run after node).`,
);
if (wrong > 0) {
  console.error(`${wrong} wrong answer(s)`);
  process.exit(1);
}
