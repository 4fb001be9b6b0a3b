import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { findVectors, loadVector, vectorPath } from '@routekit/testkit';
import { describe, expect, test } from 'vitest';
import { type Io, main } from '../src/index.js';
import { run } from './helpers.js';

/** Debian's bgpdump, when installed (CI installs it). */
const haveBgpdump = (() => {
  try {
    execFileSync('bgpdump', ['-T'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return (e as { code?: string }).code !== 'ENOENT';
  }
})();

const bgpdump = (path: string): string =>
  execFileSync('bgpdump', ['-m', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

/** Small MRT vectors (plain, gzip, bzip2; RIB and updates; ADD-PATH; IPv6). */
const SMALL = [
  'mrt/mrtparse/bird-mrtdump_bgp',
  'mrt/mrtparse/bird-mrtdump_rib',
  'mrt/mrtparse/bird6-mrtdump_rib',
  'mrt/mrtparse/bird6_bgp',
  'mrt/mrtparse/bird_bgp',
  'mrt/mrtparse/openbgpd_bgp',
  'mrt/mrtparse/openbgpd_rib_table-v2',
  'mrt/mrtparse/quagga_bgp',
  'mrt/mrtparse/quagga_rib',
  'mrt/ryu/rib.20161101.0000_pick.bz2',
  'mrt/ryu/updates.20161101.0000.bz2',
  'mrt/bgpdump/bview.ipv4_unicast_add_path.gz',
  'mrt/bgpdump/updates.long_withdrawal.gz',
];

/** An in-process Io that streams `bytes` in `chunk`-sized pieces and records what it saw. */
function streamingIo(bytes: Uint8Array, chunk: number, stderrIsTTY = false) {
  const seen = { out: [] as string[], err: '', drains: 0 };
  const io: Io = {
    stdout: (t) => {
      seen.out.push(t);
    },
    stderr: (t) => {
      seen.err += t;
    },
    readFile: async () => bytes,
    openFile: async () => ({
      size: bytes.length,
      chunks: (async function* () {
        for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
      })(),
    }),
    drain: async () => {
      seen.drains++;
    },
    stderrIsTTY,
  };
  return { io, seen };
}

describe('routekit mrt -m: the lines bgpdump -m prints', () => {
  test.each([
    'mrt/bgpdump/bview.ipv4_unicast_add_path.gz',
    'mrt/bgpdump/updates.long_withdrawal.gz',
  ])('%s: equals the shipped bgpdump output', async (file) => {
    const r = await run('mrt', '-m', vectorPath(file));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const expected = new TextDecoder().decode(gunzipSync(loadVector(`${file}.bgp.gz`)));
    expect(r.out).toBe(expected);
  });

  test.skipIf(!haveBgpdump).each(SMALL)('%s: equals Debian bgpdump -m', async (file) => {
    const r = await run('mrt', '-m', vectorPath(file));
    expect(r.code).toBe(0);
    expect(r.out).toBe(bgpdump(vectorPath(file)));
  });

  test('a multi-member gzip file (members cut mid-record) prints every line', async () => {
    const file = 'mrt/bgpdump/updates.long_withdrawal.gz';
    const plain = gunzipSync(loadVector(file));
    const cut = 1000;
    const multi = new Uint8Array([
      ...gzipSync(plain.subarray(0, cut)),
      ...gzipSync(plain.subarray(cut)),
    ]);
    const { io, seen } = streamingIo(multi, 4096);
    expect(await main(['mrt', '-m', 'multi.gz'], io)).toBe(0);
    const expected = new TextDecoder().decode(gunzipSync(loadVector(`${file}.bgp.gz`)));
    expect(seen.out.join('')).toBe(expected);
  });

  test('-m is the default', async () => {
    const file = vectorPath('mrt/ryu/rib.20161101.0000_pick.bz2');
    const m = await run('mrt', '-m', file);
    const plain = await run('mrt', file);
    expect(plain.out).toBe(m.out);
    expect(m.out.split('\n')[0]).toBe(
      'TABLE_DUMP2|1477958400|B|202.249.2.86|7500|1.0.4.0/24|7500 2516 4637 1221 38803 56203|IGP|202.249.2.110|0|0||NAG||',
    );
  });
});

describe('routekit mrt --json', () => {
  test('one JSON object per record, with its offset; addresses and prefixes as text', async () => {
    const r = await run('mrt', '--json', vectorPath('mrt/bgpdump/bview.ipv4_unicast_add_path.gz'));
    expect(r.code).toBe(0);
    const l = r.out
      .trim()
      .split('\n')
      .map((x) => JSON.parse(x) as { offset: number; record: Record<string, unknown> });
    expect(l).toHaveLength(32); // PEER_INDEX_TABLE + 31 RIB_IPV4_UNICAST_ADDPATH
    expect(l[0]?.offset).toBe(0);
    for (let i = 1; i < l.length; i++) expect(l[i]!.offset).toBeGreaterThan(l[i - 1]!.offset);
    expect(l[0]?.record['body']).toMatchObject({ kind: 'peer-index-table' });
    expect(l[1]?.record['body']).toMatchObject({
      kind: 'rib',
      prefix: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+\/\d+$/),
    });
  });
});

describe('routekit mrt: exit codes, damage, streaming', () => {
  test('usage mistakes exit 1', async () => {
    expect((await run('mrt')).code).toBe(1);
    const both = await run('mrt', '-j', '-m', 'x');
    expect(both.code).toBe(1);
    expect(both.err).toContain('--json and -m (--bgpdump) exclude each other');
    expect((await run('mrt', '--bogus', 'x')).code).toBe(1);
    expect((await run('mrt', 'a', 'b')).code).toBe(1);
  });

  test('--help and routekit --help document the command and its exit codes', async () => {
    const h = await run('mrt', '--help');
    expect(h.code).toBe(0);
    expect(h.out).toContain('Usage: routekit mrt');
    expect(h.out).toContain('3 a damaged record was met');
    const top = await run('--help');
    expect(top.out).toContain('mrt <file>');
    expect(top.out).toContain('3 damaged input');
  });

  test('a missing file or a file that is not MRT exits 2', async () => {
    const missing = await run('mrt', 'no-such-file.mrt');
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('routekit mrt: cannot read no-such-file.mrt: ENOENT\n');
    const notMrt = await run('mrt', vectorPath('mrt/MANIFEST.md'));
    expect(notMrt.code).toBe(2);
    expect(notMrt.err).toMatch(/not an MRT file/);
    expect(notMrt.out).toBe('');
  });

  test('a damaged record: the lines before it, the error on stderr, exit 3; --resync goes on', async () => {
    // RIPE RIS 2000 TABLE_DUMP with record lengths 4 bytes short: bgpdump prints 1 line.
    const file = vectorPath('mrt/bgpkit/rrc00_2000.01_bview.20000111.0032.gz');
    const r = await run('mrt', file);
    expect(r.code).toBe(3);
    expect(r.out.split('\n').filter((x) => x !== '')).toHaveLength(1);
    if (haveBgpdump) expect(r.out).toBe(bgpdump(file));
    expect(r.err).toMatch(/damaged record: \S+ at offset \d+/);
    const s = await run('mrt', '--resync', file);
    expect(s.code).toBe(3);
    expect(s.out.split('\n').length).toBeGreaterThan(1000);
    expect(s.err.split('\n').filter((x) => x.includes('damaged record:'))).toHaveLength(10);
    expect(s.err).toMatch(/\d+ damaged stretches in all \(the first 10 shown\)/);
  });

  test('a truncated file: every whole record, then truncated-record, exit 3; JSON has the error line', async () => {
    const bytes = new Uint8Array(await readFile(vectorPath('mrt/mrtparse/quagga_bgp')));
    const cut = bytes.subarray(0, bytes.length - 7);
    const { io, seen } = streamingIo(cut, 1000);
    expect(await main(['mrt', '--json', 'cut.mrt'], io)).toBe(3);
    const l = seen.out
      .join('')
      .trim()
      .split('\n')
      .map((x) => JSON.parse(x) as { error?: { code: string } });
    expect(l.at(-1)?.error?.code).toBe('truncated-record');
    expect(l.slice(0, -1).every((x) => x.error === undefined)).toBe(true);
    expect(seen.err).toMatch(/damaged record: truncated-record at offset \d+/);
  });

  test('streamed in small chunks: same output, batched writes, drain awaited, progress bar', async () => {
    const file = 'mrt/ryu/updates.20161101.0000.bz2';
    const bytes = loadVector(file);
    const expected = (await run('mrt', vectorPath(file))).out;
    const { io, seen } = streamingIo(bytes, 257);
    expect(await main(['mrt', '--progress', file], io)).toBe(0);
    expect(seen.out.join('')).toBe(expected);
    // 5762 lines in a few batched writes of about 64 KiB, not one write per line.
    expect(seen.out.length).toBeGreaterThan(3);
    expect(seen.out.length).toBeLessThan(30);
    expect(seen.drains).toBe(seen.out.length);
    expect(seen.err).toContain('100.0%');
    expect(seen.err).toContain('2,623 records');
    expect(seen.err.endsWith('\r\x1b[K')).toBe(true);
    // No bar unless stderr is a terminal or --progress is given.
    const quiet = streamingIo(bytes, 257);
    expect(await main(['mrt', file], quiet.io)).toBe(0);
    expect(quiet.seen.err).toBe('');
    const tty = streamingIo(bytes, 257, true);
    expect(await main(['mrt', file], tty.io)).toBe(0);
    expect(tty.seen.err).toContain('100.0%');
    const off = streamingIo(bytes, 257, true);
    expect(await main(['mrt', '--no-progress', file], off.io)).toBe(0);
    expect(off.seen.err).toBe('');
  });

  test('a read error mid-file exits 2 after the records before it', async () => {
    const bytes = new Uint8Array(await readFile(vectorPath('mrt/mrtparse/quagga_bgp')));
    const io: Io = {
      stdout: () => {},
      stderr: (t) => {
        err += t;
      },
      readFile: async () => bytes,
      openFile: async () => ({
        size: bytes.length,
        chunks: (async function* () {
          yield bytes.subarray(0, 1000);
          throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
        })(),
      }),
    };
    let err = '';
    expect(await main(['mrt', 'x.mrt'], io)).toBe(2);
    expect(err).toMatch(/read error: io-error/);
  });

  test('every MRT vector: exit 0 or 3, never a crash', async () => {
    const files = findVectors(/^mrt\/.*/).filter(
      (f) => !f.endsWith('.bgp.gz') && !f.endsWith('.md'),
    );
    expect(files.length).toBeGreaterThan(20);
    for (const f of files.filter((x) => !x.includes('et-header') && !x.includes('bview.2002'))) {
      const r = await run('mrt', '-m', vectorPath(f));
      expect([0, 3], `${f}: ${r.err}`).toContain(r.code);
      expect(r.err).not.toMatch(/internal error/);
    }
  }, 60_000);
});
