import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { vectorPath } from '@routekit/testkit';
import { toHex } from '@routekit/wire';
import {
  BgpdumpFormatter,
  encodeMrtRecord,
  type MrtDecodeError,
  mrtRecords,
} from '../src/mrt/index.js';

/** What is expected of one MRT file of `../shared/vectors/mrt` (see its MANIFEST.md). */
export interface MrtVector {
  /** Path under `mrt/`. */
  readonly file: string;
  /** Records by `type/subtype`, as framed by the reader without resync. */
  readonly records: Readonly<Record<string, number>>;
  /** Error items (without resync; the reader stops after the first). */
  readonly errors: number;
  /** Lines of `bgpdump -m` (Debian bgpdump 1.6.2). */
  readonly lines: number;
  /** The file has a shipped `<file>.bgp.gz` expected output. */
  readonly shipped?: true;
  readonly note?: string;
}

export const MRT_VECTORS: readonly MrtVector[] = [
  {
    file: 'bgpdump/bview.20020722.2337.gz',
    records: { '12/1': 115521 },
    errors: 0,
    lines: 115521,
    shipped: true,
  },
  {
    file: 'bgpdump/bview.ipv4_unicast_add_path.gz',
    records: { '13/1': 1, '13/8': 31 },
    errors: 0,
    lines: 62,
    shipped: true,
  },
  {
    file: 'bgpdump/updates.20020722.2238.gz',
    records: { '16/0': 93, '16/1': 1028 },
    errors: 0,
    lines: 3337,
    shipped: true,
  },
  {
    file: 'bgpdump/updates.20070211.0141.gz',
    records: { '16/1': 23394 },
    errors: 0,
    lines: 53657,
    shipped: true,
  },
  {
    file: 'bgpdump/updates.20071015.1505.gz',
    records: { '16/1': 4256, '16/4': 41 },
    errors: 0,
    lines: 10496,
    shipped: true,
  },
  {
    file: 'bgpdump/updates.20160811.1600.gz',
    records: { '16/4': 17384, '16/5': 22 },
    errors: 0,
    lines: 41234,
    shipped: true,
  },
  {
    file: 'bgpdump/updates.et-header.2015.gz',
    records: { '17/1': 1, '17/4': 89681, '17/5': 4 },
    errors: 0,
    lines: 577744,
    shipped: true,
  },
  {
    file: 'bgpdump/updates.long_withdrawal.gz',
    records: { '16/4': 1 },
    errors: 0,
    lines: 4096,
    shipped: true,
  },
  {
    file: 'bgpkit/rrc00_1999.09_updates.19990903.1041.gz',
    records: { '5/1': 24216, '5/3': 4, '5/5': 1, '5/7': 21 },
    errors: 0,
    lines: 65315,
  },
  {
    file: 'bgpkit/rrc00_2000.01_bview.20000111.0032.gz',
    records: { '12/1': 1, '14458/31256': 1 },
    errors: 1,
    lines: 1,
    note: 'record lengths 4 bytes short: bgpdump and the reader stop after record 2',
  },
  {
    file: 'bgpkit/rrc00_2000.01_updates.20000102.2014.gz',
    records: { '5/1': 3818, '5/3': 16, '5/7': 123 },
    errors: 0,
    lines: 6359,
  },
  {
    file: 'bgpkit/rrc03_2010.02_updates.20100227.1600.first-796-records.gz',
    records: { '16/1': 277, '16/4': 515, '16/5': 4 },
    errors: 0,
    lines: 1363,
  },
  {
    file: 'bgpkit/rrc15_2010.02_updates.20100227.1600.gz',
    records: { '16/1': 542, '16/4': 6053, '16/5': 20 },
    errors: 0,
    lines: 53806,
  },
  {
    file: 'bgpkit/rrc15_2010.02_updates.20100227.1610.gz',
    records: { '16/1': 631, '16/4': 1306, '16/5': 16 },
    errors: 0,
    lines: 7485,
  },
  {
    file: 'bgpstream/ris.rrc06.updates.1427846400.gz',
    records: { '16/4': 791, '16/5': 4 },
    errors: 0,
    lines: 1561,
  },
  {
    file: 'mrtparse/bird-mrtdump_bgp',
    records: { '16/1': 1, '16/5': 12, '16/9': 14 },
    errors: 0,
    lines: 24,
  },
  {
    file: 'mrtparse/bird-mrtdump_rib',
    records: { '13/1': 2, '13/2': 4, '13/8': 8 },
    errors: 0,
    lines: 18,
  },
  {
    file: 'mrtparse/bird6-mrtdump_rib',
    records: { '13/1': 2, '13/10': 5, '13/4': 2 },
    errors: 0,
    lines: 10,
  },
  {
    file: 'mrtparse/bird6_bgp',
    records: { '16/1': 1, '16/4': 16, '16/5': 12 },
    errors: 0,
    lines: 44,
  },
  {
    file: 'mrtparse/bird_bgp',
    records: { '16/1': 1, '16/4': 16, '16/5': 12 },
    errors: 0,
    lines: 36,
  },
  {
    file: 'mrtparse/openbgpd_bgp',
    records: { '16/0': 8, '16/1': 4, '16/4': 67, '16/5': 8 },
    errors: 0,
    lines: 109,
  },
  {
    file: 'mrtparse/openbgpd_rib_table-v2',
    records: { '13/1': 1, '13/2': 11, '13/4': 10, '13/6': 2 },
    errors: 0,
    lines: 31,
  },
  {
    file: 'mrtparse/quagga_bgp',
    records: { '16/1': 4, '16/4': 43, '16/5': 20 },
    errors: 0,
    lines: 38,
  },
  {
    file: 'mrtparse/quagga_rib',
    records: { '13/1': 1, '13/2': 3, '13/4': 3 },
    errors: 0,
    lines: 9,
  },
  {
    file: 'ryu/rib.20161101.0000_pick.bz2',
    records: { '13/1': 1, '13/2': 2 },
    errors: 0,
    lines: 4,
  },
  { file: 'ryu/updates.20161101.0000.bz2', records: { '16/4': 2623 }, errors: 0, lines: 5762 },
];

/** Everything one pass over a file yields (computed once per file and cached). */
export interface MrtFileResult {
  readonly records: Record<string, number>;
  readonly errors: MrtDecodeError[];
  readonly lines: string[];
  /** Records whose re-encoding differs from the bytes read. */
  readonly notExact: string[];
  readonly recordCount: number;
}

/** The decompressed bytes of a vector (node:zlib for gzip, the `bzip2` CLI for bzip2). */
export function mrtBytes(file: string): Uint8Array {
  const p = vectorPath(`mrt/${file}`);
  if (file.endsWith('.gz')) return gunzipSync(readFileSync(p));
  if (file.endsWith('.bz2')) return execFileSync('bzip2', ['-dc', p], { maxBuffer: 1 << 30 });
  return readFileSync(p);
}

const cache = new Map<string, MrtFileResult>();

/** Decode, format (`bgpdump -m`) and re-encode every record of a vector, once. */
export function mrtFile(file: string): MrtFileResult {
  const hit = cache.get(file);
  if (hit !== undefined) return hit;
  const bytes = mrtBytes(file);
  const records: Record<string, number> = {};
  const errors: MrtDecodeError[] = [];
  const lines: string[] = [];
  const notExact: string[] = [];
  const f = new BgpdumpFormatter();
  let recordCount = 0;
  for (const item of mrtRecords(bytes)) {
    if (!item.ok) {
      errors.push(item.error);
      continue;
    }
    recordCount++;
    const r = item.record;
    const key = `${r.type}/${r.subtype}`;
    records[key] = (records[key] ?? 0) + 1;
    f.formatInto(r, lines);
    const enc = encodeMrtRecord(r);
    const orig = bytes.subarray(item.offset, item.offset + enc.length);
    if (enc.length !== orig.length || toHex(enc) !== toHex(orig))
      notExact.push(`${key}@${item.offset}`);
  }
  const result = { records, errors, lines, notExact, recordCount };
  cache.set(file, result);
  return result;
}

/** `bgpdump -m` lines from Debian's binary, or undefined when it is not installed. */
export function debianBgpdump(file: string): string[] | undefined {
  try {
    const out = execFileSync('bgpdump', ['-m', vectorPath(`mrt/${file}`)], {
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString('utf8');
    const lines = out.split('\n');
    lines.pop();
    return lines;
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Lines of a shipped expected output (`<file>.bgp.gz`). */
export function shippedLines(file: string): string[] {
  const text = gunzipSync(readFileSync(vectorPath(`mrt/${file}.bgp.gz`))).toString('utf8');
  const lines = text.split('\n');
  lines.pop();
  return lines;
}

/** First differing line, for a readable failure. */
export function firstDifference(a: readonly string[], b: readonly string[]): string | undefined {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  ours:     ${a[i]}\n  expected: ${b[i]}`;
  }
  return undefined;
}
