// MRT written by real daemons: FRR (`dump bgp all`, `dump bgp routes-mrt`), BIRD 2
// (`protocol mrt` table dumps) and GoBGP (`[[mrt-dump]]` updates) in network namespaces
// this file creates and removes. Every record must decode, re-encode byte for byte, and
// print the same `bgpdump -m` lines as Debian's bgpdump. Run with `pnpm test:interop`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  birdBgp,
  birdConfig,
  FAST_BGP_TIMERS,
  frrBgpConfig,
  gobgpConfig,
  withLab,
} from '@routekit/testkit/netns';
import { toHex } from '@routekit/wire';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import {
  BgpdumpFormatter,
  encodeMrtRecord,
  type MrtRecord,
  MrtType,
  readMrt,
} from '../src/mrt/index.js';

const summary: string[] = [];
afterAll(() => console.log(`[bgp-codec MRT live]\n  ${summary.join('\n  ')}`));

interface Checked {
  readonly records: MrtRecord[];
  readonly types: Record<string, number>;
  readonly lines: string[];
}

/** Decode a whole MRT file; every record must re-encode to its own bytes. */
async function check(file: string): Promise<Checked> {
  const bytes = new Uint8Array(readFileSync(file));
  const records: MrtRecord[] = [];
  const types: Record<string, number> = {};
  const lines: string[] = [];
  const formatter = new BgpdumpFormatter();
  for await (const item of readMrt(bytes)) {
    if (!item.ok) throw new Error(`${file}: ${item.error.code} at ${item.error.offset}`);
    const r = item.record;
    records.push(r);
    const key = `${r.type}/${r.subtype}`;
    types[key] = (types[key] ?? 0) + 1;
    const encoded = encodeMrtRecord(r);
    expect(toHex(encoded), `${file} record at ${item.offset}`).toBe(
      toHex(bytes.subarray(item.offset, item.offset + encoded.length)),
    );
    lines.push(...formatter.format(r));
  }
  return { records, types, lines };
}

function bgpdump(file: string): string[] {
  const out = execFileSync('bgpdump', ['-m', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return out.split('\n').filter((l) => l !== '');
}

const TIMEOUT = { timeoutMs: 30_000 };

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('MRT from live daemons', () => {
  test('FRR, BIRD and GoBGP dumps decode, re-encode byte-exact and print what bgpdump prints', async () => {
    await withLab('bgp-codec-mrt', async (lab) => {
      const a = await lab.node('frr');
      const b = await lab.node('bird');
      const c = await lab.node('gobgp');
      await lab.link(a, b, {
        v4: ['10.0.31.1/24', '10.0.31.2/24'],
        v6: ['fd00:31::1/64', 'fd00:31::2/64'],
      });
      await lab.link(a, c, { v4: ['10.0.32.1/24', '10.0.32.2/24'] });
      await a.addAddress('192.0.2.1/32');
      await a.addAddress('2001:db8::1/128');
      await b.addAddress('192.0.2.53/32');
      await b.addAddress('2001:db8::53/128');

      const frrAll = join(a.dir, 'frr-all.mrt');
      const frr = await a.frr({
        bgpd:
          frrBgpConfig({
            hostname: 'frr',
            asn: 65001,
            routerId: '10.0.31.1',
            neighbors: [
              {
                address: '10.0.31.2',
                remoteAs: 65002,
                timers: FAST_BGP_TIMERS,
                families: ['ipv4', 'ipv6'],
              },
              { address: '10.0.32.2', remoteAs: 65003, timers: FAST_BGP_TIMERS },
            ],
            networks: ['192.0.2.1/32', '2001:db8::1/128'],
          }) +
          // every message and state change as BGP4MP; the RIB as TABLE_DUMP_V2 every 2 s
          `dump bgp all ${frrAll}\ndump bgp routes-mrt ${join(a.dir, 'frr-rib-%H%M%S.mrt')} 2\n`,
      });
      const bird = await b.bird(
        birdConfig({
          routerId: '10.0.31.2',
          logFile: join(b.dir, 'bird.log'),
          protocols: [
            birdBgp({
              name: 'frr',
              localAddress: '10.0.31.2',
              localAs: 65002,
              neighbor: '10.0.31.1',
              neighborAs: 65001,
              timers: FAST_BGP_TIMERS,
              ipv4: {
                export:
                  'filter { if net = 192.0.2.53/32 then { bgp_community.add((65002,53)); bgp_large_community.add((65002,1,2)); accept; } reject; }',
              },
              ipv6: { export: 'where net = 2001:db8::53/128' },
            }),
            `protocol mrt { table master4; filename "${join(b.dir, 'bird4-%H%M%S.mrt')}"; period 2; }`,
            `protocol mrt { table master6; filename "${join(b.dir, 'bird6-%H%M%S.mrt')}"; period 2; }`,
          ],
        }),
      );
      // GoBGP passes the MRT file name through Go's time.Format (its rotation interval is
      // never 0), so digits 1-6 and names like "Mon" or "pm" in the path become parts of
      // the date: the file goes to a directory named with letters that are not layout tokens.
      const letters = 'abcdefghijkqrstuvwxyz';
      const gobgpDir = join(
        tmpdir(),
        `routekit-gobgp-${Array.from({ length: 8 }, () => letters[Math.floor(Math.random() * letters.length)]).join('')}`,
      );
      expect(gobgpDir, 'a temporary directory without digits').not.toMatch(
        /[0-9]|Jan|Mon|MST|PM|pm/,
      );
      mkdirSync(gobgpDir);
      cleanups.push(() => rmSync(gobgpDir, { recursive: true, force: true }));
      const gobgpUpdates = join(gobgpDir, 'updates.mrt');
      const gobgp = await c.gobgp(
        `${gobgpConfig({
          as: 65003,
          routerId: '10.0.32.2',
          localAddresses: ['10.0.32.2'],
          neighbors: [{ address: '10.0.32.1', peerAs: 65001, timers: FAST_BGP_TIMERS }],
        })}\n[[mrt-dump]]\n  [mrt-dump.config]\n    dump-type = "updates"\n    file-name = "${gobgpUpdates}"\n`,
      );

      const established = (s: string | undefined) => s === 'Established';
      await lab.waitUntil(() => frr.bgpNeighborState('10.0.31.2'), established, TIMEOUT);
      await lab.waitUntil(() => frr.bgpNeighborState('10.0.32.2'), established, TIMEOUT);
      await gobgp.addRoute('198.51.100.0/24', {
        nexthop: '10.0.32.2',
        communities: ['65003:100'],
        med: 5,
        asPath: [64600],
      });
      await lab.waitFor(async () => (await frr.bgpRib())['198.51.100.0/24'] !== undefined, TIMEOUT);
      await lab.waitFor(async () => (await frr.bgpRib())['192.0.2.53/32'] !== undefined, TIMEOUT);
      await gobgp.deleteRoute('198.51.100.0/24');
      await lab.waitFor(async () => (await frr.bgpRib())['198.51.100.0/24'] === undefined, TIMEOUT);
      // GoBGP writes its dump as updates arrive: wait for FRR's two routes in it
      await lab.waitFor(
        () => {
          try {
            return readFileSync(gobgpUpdates).length > 0;
          } catch {
            return false;
          }
        },
        { ...TIMEOUT, describe: 'GoBGP MRT updates file' },
      );
      // a table dump taken after the routes arrived (dumps run every 2 s)
      await new Promise((r) => setTimeout(r, 4500));
      await gobgp.stop();
      await bird.stop();
      await frr.stop();

      const newest = (dir: string, prefix: string): string => {
        const names = readdirSync(dir).filter((n) => n.startsWith(prefix) && n.endsWith('.mrt'));
        expect(names.length, `${prefix}* in ${dir}`).toBeGreaterThan(0);
        return join(dir, names.sort().at(-1)!);
      };
      const files = {
        'FRR dump bgp all': frrAll,
        'FRR routes-mrt': newest(a.dir, 'frr-rib-'),
        'BIRD mrt ipv4': newest(b.dir, 'bird4-'),
        'BIRD mrt ipv6': newest(b.dir, 'bird6-'),
        'GoBGP updates': gobgpUpdates,
      };
      const checked: Record<string, Checked> = {};
      for (const [name, file] of Object.entries(files)) {
        const r = await check(file);
        checked[name] = r;
        expect(r.records.length, name).toBeGreaterThan(0);
        expect(r.lines, name).toEqual(bgpdump(file));
        summary.push(
          `${name}: ${r.records.length} records (${Object.entries(r.types)
            .map(([k, v]) => `${k}×${v}`)
            .join(', ')}), byte-exact, ${r.lines.length} lines = bgpdump -m`,
        );
      }
      const all = checked['FRR dump bgp all']!;
      expect(Object.keys(all.types).every((k) => k.startsWith(`${MrtType.Bgp4mp}/`))).toBe(true);
      expect(
        all.lines.some((l) =>
          /\|A\|10\.0\.31\.2\|65002\|192\.0\.2\.53\/32\|65002\|IGP\|10\.0\.31\.2\|.*\|65002:53\|/.test(
            l,
          ),
        ),
      ).toBe(true);
      expect(all.lines.some((l) => /\|W\|10\.0\.32\.2\|65003\|198\.51\.100\.0\/24$/.test(l))).toBe(
        true,
      );
      expect(all.lines.some((l) => /\|STATE\|/.test(l))).toBe(true);
      for (const name of ['FRR routes-mrt', 'BIRD mrt ipv4', 'BIRD mrt ipv6']) {
        const t = checked[name]!;
        expect(Object.keys(t.types).every((k) => k.startsWith(`${MrtType.TableDumpV2}/`))).toBe(
          true,
        );
        expect(t.types[`${MrtType.TableDumpV2}/1`], `${name} PEER_INDEX_TABLE`).toBe(1);
      }
      expect(
        checked['FRR routes-mrt']!.lines.some((l) => l.includes('|192.0.2.53/32|65002|')),
      ).toBe(true);
      expect(checked['BIRD mrt ipv4']!.lines.some((l) => l.includes('|192.0.2.1/32|65001|'))).toBe(
        true,
      );
      expect(
        checked['BIRD mrt ipv6']!.lines.some((l) => l.includes('|2001:db8::1/128|65001|')),
      ).toBe(true);
      expect(
        checked['GoBGP updates']!.lines.some((l) => l.includes('|192.0.2.53/32|65001 65002|')),
      ).toBe(true);
    });
  });
});
