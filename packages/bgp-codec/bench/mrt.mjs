/**
 * `pnpm --filter @routekit/bgp-codec bench` (second script): the full `bgpdump -m`
 * pipeline of the compiled `dist/mrt` — stream the file, decode records, format lines,
 * write them to /dev/null — against Debian's `bgpdump -m FILE > /dev/null`, side by side
 * in one run, each in its own process, alternating, RUNS times; medians and the ratio
 * bgpdump time / routekit time (goal ≥ 1.0).
 *
 * Inputs: (a) real MRT files from the shared vectors (RIPE RIS updates with the
 * extended-timestamp header; a 2002 TABLE_DUMP full table), (b) a generated full-table
 * TABLE_DUMP_V2 (1,000,000 IPv4 + 230,000 IPv6 prefixes from rib's synthetic DFZ table, 8 peers,
 * 1–3 peers per prefix, ORIGIN / AS_PATH / NEXT_HOP or MP_REACH next hop / MED /
 * COMMUNITIES) written by routekit's own encoder to a temporary file (removed after), and
 * the same at half size: routekit's peak RSS on both shows that streaming memory is flat.
 *
 * `ROUTEKIT_BENCH_QUICK=1` (or `--quick`): small sizes, one run, well under a minute. Either
 * way routekit's and bgpdump's line counts must agree (exit 1 otherwise); a missed goal is
 * only marked.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { ipv4Table, ipv6Table } from '../../rib/bench/table.mjs';
import { BgpdumpFormatter, encodeMrtRecord, readMrt } from '../dist/mrt/index.js';

const here = fileURLToPath(import.meta.url);

// ------------------------------------------------------------ child: one pipeline run
if (process.argv[2] === '--pipeline') {
  const file = process.argv[3];
  const t0 = performance.now();
  const out = openSync('/dev/null', 'w');
  const f = new BgpdumpFormatter();
  let lines = [];
  let count = 0;
  let errors = 0;
  // native zlib for gzip, as `routekit mrt` does (the default is pure-JavaScript fflate)
  const gunzip = (chunks) => {
    const z = createGunzip();
    pipeline(Readable.from(chunks), z).catch(() => undefined);
    return z;
  };
  for await (const item of readMrt(createReadStream(file, { highWaterMark: 1 << 20 }), {
    messages: 'raw',
    gunzip,
  })) {
    if (!item.ok) {
      errors++;
      continue;
    }
    f.formatInto(item.record, lines);
    if (lines.length >= 1024) {
      count += lines.length;
      writeSync(out, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  count += lines.length;
  if (lines.length > 0) writeSync(out, `${lines.join('\n')}\n`);
  closeSync(out);
  const ms = performance.now() - t0;
  process.stdout.write(
    JSON.stringify({ lines: count, errors, ms, maxRssKiB: process.resourceUsage().maxRSS }),
  );
  process.exit(0);
}

const QUICK =
  process.env.BENCH_QUICK === '1' ||
  process.env.ROUTEKIT_BENCH_QUICK === '1' ||
  process.argv.includes('--quick');
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 1 : 5));

function vectors() {
  let dir = dirname(here);
  for (;;) {
    const c = join(dir, 'shared', 'vectors');
    const s = join(dir, '..', 'shared', 'vectors');
    for (const p of [c, s]) {
      const r = spawnSync('test', ['-f', join(p, 'SHA256SUMS')]);
      if (r.status === 0) return p;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('shared/vectors not found; set ROUTEKIT_VECTORS');
    dir = up;
  }
}
const VECTORS = process.env.ROUTEKIT_VECTORS ?? vectors();

// ------------------------------------------------------------ generated full table
let seed = 0x9e3779b9;
const random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const PEERS = Array.from({ length: 8 }, (_, i) => ({
  peerType: i < 6 ? 0x02 : 0x03,
  bgpId: (0xc0000200 + i) >>> 0,
  address:
    i < 6
      ? { family: 4, value: (0xc0000264 + i) >>> 0 }
      : { family: 6, words: [0x20010db8, 0, 0, 0x100 + i] },
  asn: [3333, 1299, 174, 6939, 2914, 3356, 64512, 4200000001][i],
}));
const TIER1 = [174, 1299, 2914, 3257, 3356, 6453, 6762, 6939, 7018, 3491];

function attributes(family, peer) {
  const hops = 2 + Math.floor(random() * 5);
  const asns = [peer.asn];
  for (let i = 1; i < hops; i++)
    asns.push(
      i < 2 ? TIER1[Math.floor(random() * TIER1.length)] : 1000 + Math.floor(random() * 400000),
    );
  const attrs = [
    { kind: 'origin', flags: 0x40, origin: random() < 0.9 ? 0 : 2 },
    { kind: 'as-path', flags: 0x50, segments: [{ type: 2, asns }] },
  ];
  if (family === 4)
    attrs.push({
      kind: 'next-hop',
      flags: 0x40,
      nextHop: peer.address.family === 4 ? peer.address.value : 0xc0000201,
    });
  else {
    const nh = new Uint8Array(random() < 0.5 ? 16 : 32);
    nh[0] = 0x20;
    nh[1] = 0x01;
    nh[2] = 0x0d;
    nh[3] = 0xb8;
    nh[15] = 1 + Math.floor(random() * 8);
    if (nh.length === 32) {
      nh[16] = 0xfe;
      nh[17] = 0x80;
      nh[31] = 1;
    }
    attrs.push({ kind: 'mp-reach-next-hop', flags: 0x80, nextHop: nh });
  }
  if (random() < 0.3) attrs.push({ kind: 'med', flags: 0x80, value: Math.floor(random() * 1000) });
  const nc = Math.floor(random() * 5);
  if (nc > 0) {
    const cs = [];
    for (let i = 0; i < nc; i++)
      cs.push(((peer.asn & 0xffff) << 16) | Math.floor(random() * 65536));
    attrs.push({ kind: 'communities', flags: 0xc0, communities: cs.map((c) => c >>> 0) });
  }
  return attrs;
}

function generateTable(path, v4Count, v6Count) {
  const fd = openSync(path, 'w');
  const parts = [];
  let size = 0;
  const flush = () => {
    if (parts.length === 0) return;
    const buf = new Uint8Array(size);
    let o = 0;
    for (const p of parts) {
      buf.set(p, o);
      o += p.length;
    }
    writeSync(fd, buf);
    parts.length = 0;
    size = 0;
  };
  const push = (rec) => {
    const b = encodeMrtRecord(rec);
    parts.push(b);
    size += b.length;
    if (size > 1 << 22) flush();
  };
  const ts = 1_700_000_000;
  push({
    timestamp: ts,
    type: 13,
    subtype: 1,
    body: {
      kind: 'peer-index-table',
      collectorBgpId: 0xc0000201,
      viewName: new Uint8Array(0),
      peers: PEERS,
    },
  });
  let seq = 0;
  const rib = (family, address, length) => {
    const n = 1 + Math.floor(random() * 3);
    const start = Math.floor(random() * PEERS.length);
    const entries = [];
    for (let i = 0; i < n; i++) {
      const peerIndex = (start + i) % PEERS.length;
      entries.push({
        peerIndex,
        originatedTime: ts - Math.floor(random() * 86400 * 30),
        attributes: attributes(family, PEERS[peerIndex]),
        unparsedAttributes: new Uint8Array(0),
      });
    }
    push({
      timestamp: ts,
      type: 13,
      subtype: family === 4 ? 2 : 4,
      body: {
        kind: 'rib',
        afi: family === 4 ? 1 : 2,
        safi: 1,
        addPath: false,
        sequence: seq++,
        prefix: { family, address, length },
        entries,
      },
    });
  };
  // The prefixes: the project's one synthetic full table (rib's bench), DFZ-shaped.
  const v4 = ipv4Table(v4Count);
  for (let i = 0; i < v4.count; i++) rib(4, { family: 4, value: v4.keys[i] }, v4.lens[i]);
  const v6 = ipv6Table(v6Count);
  for (let i = 0; i < v6.count; i++) {
    const w = v6.words;
    rib(6, { family: 6, words: [w[4 * i], w[4 * i + 1], w[4 * i + 2], w[4 * i + 3]] }, v6.lens[i]);
  }
  flush();
  closeSync(fd);
}

if (process.argv[2] === '--generate') {
  // `node bench/mrt.mjs --generate FILE V4 V6`: write a table for profiling, then stop.
  generateTable(process.argv[3], Number(process.argv[4]), Number(process.argv[5]));
  process.exit(0);
}

// ------------------------------------------------------------ measurement
/** Wall and CPU (user + system) seconds of a child process, through `/usr/bin/time` when present. */
const HAVE_TIME = spawnSync('/usr/bin/time', ['-f', '%e', 'true']).status === 0;
function timed(cmd, args) {
  const t0 = performance.now();
  const r = HAVE_TIME
    ? spawnSync('/usr/bin/time', ['-f', 'RKTIME %e %U %S', cmd, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawnSync(cmd, args, {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
  const wall = (performance.now() - t0) / 1000;
  if (r.error) return undefined;
  const m = /RKTIME ([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    wall: m ? Number(m[1]) : wall,
    cpu: m ? Number(m[2]) + Number(m[3]) : undefined,
  };
}
// A larger young generation: the pipeline makes many short-lived objects per record.
const NODE_FLAGS = ['--max-semi-space-size=32'];
function routekitRun(file) {
  const r = timed(process.execPath, [...NODE_FLAGS, here, '--pipeline', file]);
  if (r === undefined || r.status !== 0)
    throw new Error(`routekit pipeline failed on ${file}: ${r?.stderr}`);
  return { ...JSON.parse(r.stdout), wall: r.wall, cpu: r.cpu };
}
function bgpdumpRun(file) {
  const r = timed('sh', ['-c', 'exec bgpdump -m "$1" > /dev/null 2>/dev/null', 'sh', file]);
  if (r === undefined || r.status !== 0) return undefined;
  return r;
}
function bgpdumpLines(file) {
  const r = spawnSync('sh', ['-c', `bgpdump -m "$1" 2>/dev/null | wc -l`, 'sh', file], {
    encoding: 'utf8',
  });
  return r.status === 0 ? Number(r.stdout.trim()) : undefined;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const tmp = mkdtempSync(join(tmpdir(), 'routekit-mrt-bench-'));
let failed = false;
const rows = [];
const rss = [];
try {
  const full = QUICK ? [50_000, 11_500] : [1_000_000, 230_000];
  const inputs = QUICK
    ? [
        [
          'bgpdump/updates.20160811.1600.gz (RIS updates 2016, gzip)',
          join(VECTORS, 'mrt/bgpdump/updates.20160811.1600.gz'),
        ],
      ]
    : [
        [
          'bgpdump/updates.et-header.2015.gz (BGP4MP_ET, gzip)',
          join(VECTORS, 'mrt/bgpdump/updates.et-header.2015.gz'),
        ],
        [
          'bgpdump/bview.20020722.2337.gz (TABLE_DUMP, gzip)',
          join(VECTORS, 'mrt/bgpdump/bview.20020722.2337.gz'),
        ],
      ];
  const t0 = performance.now();
  const fullPath = join(tmp, 'full.mrt');
  const halfPath = join(tmp, 'half.mrt');
  generateTable(fullPath, full[0], full[1]);
  generateTable(halfPath, full[0] >> 1, full[1] >> 1);
  process.stderr.write(`generated tables in ${Math.round(performance.now() - t0)} ms\n`);
  inputs.push([`generated TABLE_DUMP_V2 ${full[0]} IPv4 + ${full[1]} IPv6 (plain)`, fullPath]);

  for (const [name, file] of inputs) {
    const ours = { wall: [], cpu: [] };
    const theirs = { wall: [], cpu: [] };
    let lines;
    let maxRss = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = routekitRun(file);
      ours.wall.push(r.wall);
      if (r.cpu !== undefined) ours.cpu.push(r.cpu);
      lines = r.lines;
      maxRss = Math.max(maxRss, r.maxRssKiB);
      const b = bgpdumpRun(file);
      if (b !== undefined) {
        theirs.wall.push(b.wall);
        if (b.cpu !== undefined) theirs.cpu.push(b.cpu);
      }
    }
    const expected = bgpdumpLines(file);
    if (expected !== undefined && expected !== lines) {
      failed = true;
      process.stderr.write(`WRONG: ${name}: routekit ${lines} lines, bgpdump ${expected}\n`);
    }
    const med = (xs) => (xs.length > 0 ? median(xs) : undefined);
    rows.push({
      name,
      lines,
      expected,
      wall: med(ours.wall),
      cpu: med(ours.cpu),
      bWall: med(theirs.wall),
      bCpu: med(theirs.cpu),
      maxRss,
    });
  }
  const half = routekitRun(halfPath);
  const fullRun = routekitRun(fullPath);
  rss.push(
    ['half table', half.lines, half.maxRssKiB],
    ['full table', fullRun.lines, fullRun.maxRssKiB],
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const sec = (x) => (x === undefined ? 'n/a' : `${x.toFixed(2)} s`);
const ratio = (b, r) => (b === undefined || r === undefined ? undefined : b / r);
console.log(`\n### MRT \`-m\` pipeline: routekit vs Debian bgpdump 1.6.2 (median of ${RUNS})\n`);
console.log(
  'Each run is its own process (routekit: node startup included), alternating; CPU = user + system (`/usr/bin/time`), the fairer figure on a shared machine.\n',
);
console.log(
  '| input | lines (routekit / bgpdump) | routekit wall | bgpdump wall | routekit CPU | bgpdump CPU | ratio CPU | ratio wall | goal ≥ 1.0 |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|:-:|');
for (const r of rows) {
  const rc = ratio(r.bCpu, r.cpu);
  const rw = ratio(r.bWall, r.wall);
  const best = rc ?? rw;
  console.log(
    `| ${r.name} | ${r.lines} / ${r.expected ?? 'n/a'} | ${sec(r.wall)} | ${sec(r.bWall)} | ${sec(r.cpu)} | ${sec(r.bCpu)} | ${rc === undefined ? 'n/a' : rc.toFixed(2)} | ${rw === undefined ? 'n/a' : rw.toFixed(2)} | ${best !== undefined && best >= 1 ? '✓' : '✗'} |`,
  );
}
if (QUICK) {
  console.log(
    '\nQuick mode: small inputs, one run — Node start-up and JIT warm-up dominate, so the ratios say little; run without ROUTEKIT_BENCH_QUICK for the real comparison.',
  );
}
console.log('\n### routekit peak RSS while streaming the generated table\n');
console.log('| table | lines | peak RSS |');
console.log('|---|---:|---:|');
for (const [name, lines, kib] of rss)
  console.log(`| ${name} | ${lines} | ${(kib / 1024).toFixed(0)} MiB |`);
if (failed) {
  console.error('\nline counts differ: FAIL');
  process.exit(1);
}
