import { readFileSync } from 'node:fs';
import { readCapture } from '@routekit/capture';
import { loadVector, vectorPath } from '@routekit/testkit';
import { describe, expect, test } from 'vitest';
import { type Io, main } from '../src/index.js';
import { lines, run } from './helpers.js';

const LSA_TYPES = 'ospf/packetlife/OSPF_LSA_types.cap';

interface Hop {
  address?: string;
  via?: string;
}
interface Route {
  prefix: string;
  cost: number;
  type2Cost?: number;
  pathType: string;
  area?: string;
  nextHops: Hop[];
}
interface Router {
  routerId: string;
  area: string;
  cost: number;
  abr: boolean;
  asbr: boolean;
  nextHops: Hop[];
}
interface SpfJson {
  routerId: string;
  routes: Route[];
  routers: Router[];
  stats: { packets: number; decoded: number; lsas: number; installed: number };
}
interface Lsa {
  header: { type: number; lsId: string; advRouter: string };
  body: { mask?: string; metric?: number };
}

const maskLength = (mask: string): number =>
  mask
    .split('.')
    .map((o) => Number(o).toString(2).replace(/0/g, ''))
    .join('').length;

async function spfJson(path: string, router: string): Promise<SpfJson> {
  const r = await run('ospf', 'spf', vectorPath(path), '--router', router, '--format', 'json');
  expect(r.code, r.err).toBe(0);
  expect(r.err).toBe('');
  expect(r.out.endsWith('\n')).toBe(true);
  expect(r.out.trim().split('\n')).toHaveLength(1); // one object, on one line
  return JSON.parse(r.out) as SpfJson;
}

// The routes of 5.5.5.5, in area 20 behind ABR 4.4.4.4: its own networks, three
// inter-area routes from the ABR's summary-LSAs, four E2 routes to ASBR 2.2.2.2.
const TABLE_5555 = `OSPF routes of router 5.5.5.5: 9 routes, 1 router
LSDB from 30 OSPF packets (30 OSPFv2): 17 LSAs, 16 installed

============ OSPF network routing table =============
N IA 10.0.0.0/30        [20] area: 0.0.0.20
                        via 10.0.20.1, 10.0.20.2
N IA 10.0.10.0/30       [30] area: 0.0.0.20
                        via 10.0.20.1, 10.0.20.2
N    10.0.20.0/30       [10] area: 0.0.0.20
                        directly attached to 10.0.20.2
N IA 192.168.10.0/24    [40] area: 0.0.0.20
                        via 10.0.20.1, 10.0.20.2
N    192.168.20.0/24    [10] area: 0.0.0.20
                        directly attached

============ OSPF router routing table ==============
R    4.4.4.4            [10] area: 0.0.0.20, ABR
                        via 10.0.20.1, 10.0.20.2

============ OSPF external routing table ============
N E2 172.16.0.0/30      [30/100]
                        via 10.0.20.1, 10.0.20.2
N E2 172.16.1.0/24      [30/100]
                        via 10.0.20.1, 10.0.20.2
N E2 172.16.2.0/24      [30/100]
                        via 10.0.20.1, 10.0.20.2
N E2 172.16.3.0/24      [30/100]
                        via 10.0.20.1, 10.0.20.2
`;

describe('routekit ospf spf', () => {
  test('table (the default): network, router and external routing tables', async () => {
    const r = await run('ospf', 'spf', vectorPath(LSA_TYPES), '--router', '5.5.5.5');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toBe(TABLE_5555);
    const explicit = await run(
      'ospf',
      'spf',
      '-f',
      'table',
      '-r',
      '5.5.5.5',
      vectorPath(LSA_TYPES),
    );
    expect(explicit.out).toBe(TABLE_5555);
  });

  test('the README shows this table as the output of the command', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(
      `\`\`\`text\n$ routekit ospf spf OSPF_LSA_types.cap --router 5.5.5.5\n${TABLE_5555}\`\`\``,
    );
  });

  test('JSON: one object { routerId, routes, routers, stats } of plain fields', async () => {
    const j = await spfJson(LSA_TYPES, '5.5.5.5');
    expect(Object.keys(j)).toEqual(['routerId', 'routes', 'routers', 'stats']);
    expect(j.routerId).toBe('5.5.5.5');
    expect(j.stats).toEqual({ packets: 30, decoded: 30, lsas: 17, installed: 16 });
    for (const route of j.routes) {
      expect(route.prefix).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
      expect(Number.isInteger(route.cost)).toBe(true);
      expect(['intra', 'inter', 'E1', 'E2', 'N1', 'N2']).toContain(route.pathType);
      expect(route.type2Cost !== undefined).toBe(
        route.pathType === 'E2' || route.pathType === 'N2',
      );
      expect(route.nextHops.length).toBeGreaterThan(0);
      for (const h of route.nextHops) {
        for (const [k, v] of Object.entries(h)) {
          expect(['address', 'via']).toContain(k);
          expect(v).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
        }
      }
    }
    expect(j.routers).toEqual([
      {
        routerId: '4.4.4.4',
        area: '0.0.0.20',
        cost: 10,
        abr: true,
        asbr: false,
        nextHops: [{ address: '10.0.20.1', via: '10.0.20.2' }],
      },
    ]);
    expect(j.routes.find((x) => x.prefix === '10.0.20.0/30')).toEqual({
      prefix: '10.0.20.0/30',
      cost: 10,
      pathType: 'intra',
      area: '0.0.0.20',
      nextHops: [{ via: '10.0.20.2' }],
    });
  });

  test('inter-area and E2 routes follow from the LSAs routekit decode shows', async () => {
    const j = await spfJson(LSA_TYPES, '5.5.5.5');
    const decoded = lines(await run('decode', vectorPath(LSA_TYPES)));
    const lsu = decoded.find((x) => x['frame'] === 12)?.['message'] as { body: { lsas: Lsa[] } };
    const abr = j.routers.find((r) => r.routerId === '4.4.4.4');
    if (abr === undefined) throw new Error('no route to the ABR');
    const summaries = lsu.body.lsas.filter((l) => l.header.type === 3);
    const externals = lsu.body.lsas.filter((l) => l.header.type === 5);
    const asbr = lsu.body.lsas.find((l) => l.header.type === 4);
    expect(summaries).toHaveLength(3);
    expect(externals).toHaveLength(4);
    // RFC 2328 §16.2: cost to the ABR plus the summary's metric, same next hops
    for (const s of summaries) {
      expect(j.routes).toContainEqual({
        prefix: `${s.header.lsId}/${maskLength(s.body.mask ?? '')}`,
        cost: abr.cost + (s.body.metric ?? Number.NaN),
        pathType: 'inter',
        area: '0.0.0.20',
        nextHops: abr.nextHops,
      });
    }
    // §16.4: E2 = type-2 cost from the AS-external-LSA, cost = distance to the ASBR
    // (to the ABR, plus the ABR's summary-ASBR metric)
    for (const e of externals) {
      expect(j.routes).toContainEqual({
        prefix: `${e.header.lsId}/${maskLength(e.body.mask ?? '')}`,
        cost: abr.cost + (asbr?.body.metric ?? Number.NaN),
        type2Cost: e.body.metric,
        pathType: 'E2',
        nextHops: abr.nextHops,
      });
    }
    expect(j.routes).toHaveLength(2 + summaries.length + externals.length);
  });

  test('equal-cost next hops are listed one per line (tcpdump OSPFv2_Capture_FINAL)', async () => {
    const path = 'ospf/tcpdump/OSPFv2_Capture_FINAL.pcapng';
    const j = await spfJson(path, '192.168.255.11');
    expect(j.routes.find((x) => x.prefix === '0.0.0.0/0')).toEqual({
      prefix: '0.0.0.0/0',
      cost: 12,
      type2Cost: 1,
      pathType: 'E2',
      nextHops: [
        { address: '192.168.121.4', via: '192.168.121.42' },
        { address: '192.168.121.5', via: '192.168.121.42' },
      ],
    });
    const table = (await run('ospf', 'spf', vectorPath(path), '-r', '192.168.255.11')).out;
    expect(table).toContain(
      'N E2 0.0.0.0/0          [12/1]\n' +
        '                        via 192.168.121.4, 192.168.121.42\n' +
        '                        via 192.168.121.5, 192.168.121.42\n',
    );
    expect(table).toContain('R    192.168.255.14     [12] area: 0.0.0.0, ASBR\n');
  });

  test('NSSA type-7 routes are N2 with their area (PacketLife OSPF_type7_LSA)', async () => {
    const j = await spfJson('ospf/packetlife/OSPF_type7_LSA.cap', '3.3.3.3');
    const n2 = j.routes.filter((x) => x.pathType === 'N2');
    expect(n2.map((x) => x.prefix)).toEqual([
      '172.16.0.0/30',
      '172.16.1.0/24',
      '172.16.2.0/24',
      '172.16.3.0/24',
    ]);
    for (const x of n2) expect(x).toMatchObject({ cost: 20, type2Cost: 100, area: '0.0.0.10' });
  });
});

describe('routekit ospf: help, usage and unreadable input', () => {
  test.each([
    [['ospf', '--help'], 'Usage: routekit ospf <subcommand> [options]'],
    [['ospf', '-h'], 'Usage: routekit ospf <subcommand> [options]'],
    [['help', 'ospf'], 'Usage: routekit ospf <subcommand> [options]'],
    [['ospf', 'spf', '--help'], 'Usage: routekit ospf spf [options] <file> --router <id>'],
    [['ospf', 'spf', '-h', 'x.pcap'], 'Usage: routekit ospf spf [options] <file> --router <id>'],
  ])('%s prints help, exit 0', async (args, first) => {
    const r = await run(...args);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.split('\n')[0]).toBe(first);
  });

  test('the top-level help lists the command', async () => {
    expect((await run('--help')).out).toContain('  ospf spf <file> --router <id>\n');
  });

  test.each([
    [['ospf'], 'routekit ospf: ospf needs a subcommand: spf'],
    [['ospf', 'lsdb'], 'routekit ospf: unknown ospf subcommand "lsdb"'],
    [['ospf', 'spf', vectorPath(LSA_TYPES)], 'routekit ospf spf: --router <id> is required'],
    [
      ['ospf', 'spf', vectorPath(LSA_TYPES), '--router', '5.5.5'],
      'routekit ospf spf: --router must be a router id like 1.1.1.1, not "5.5.5"',
    ],
    [
      ['ospf', 'spf', vectorPath(LSA_TYPES), '--router', '256.0.0.1'],
      'routekit ospf spf: --router must be a router id like 1.1.1.1, not "256.0.0.1"',
    ],
    [['ospf', 'spf', '--router', '5.5.5.5'], 'routekit ospf spf: spf needs a capture file'],
    [
      ['ospf', 'spf', '-r', '5.5.5.5', '-f', 'xml', vectorPath(LSA_TYPES)],
      'routekit ospf spf: --format must be table or json, not xml',
    ],
    [
      ['ospf', 'spf', '-r', '5.5.5.5', 'a.pcap', 'b.pcap'],
      'routekit ospf spf: unexpected argument b.pcap',
    ],
    [['ospf', 'spf', '--area', '0', 'a.pcap'], "routekit ospf spf: Unknown option '--area'"],
  ])('%s: usage error, exit 1', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const [first, hint, ...rest] = r.err.split('\n');
    expect(first?.startsWith(message), r.err).toBe(true);
    expect(hint).toMatch(/^Run `routekit ospf( spf)? --help` for usage\.$/);
    expect(rest).toEqual(['']);
  });

  test('a router id with no router-LSA in the capture: exit 1, naming those that have one', async () => {
    const r = await run('ospf', 'spf', vectorPath(LSA_TYPES), '--router', '1.1.1.1');
    expect(r.code).toBe(1);
    expect(r.err).toContain('router 1.1.1.1 originated no router-LSA in ');
    expect(r.err).toContain('; routers that did: 4.4.4.4, 5.5.5.5\n');
    const v3 = await run(
      'ospf',
      'spf',
      vectorPath('ospf/tcpdump/OSPFv3_with_AH.pcap'),
      '-r',
      '1.1.1.1',
    );
    expect(v3.code).toBe(1);
    expect(v3.err).toContain('holds no OSPFv2 router-LSA (61 OSPF packets), so no SPF for 1.1.1.1');
  });

  test('unreadable input: exit 2, one line, no stack trace', async () => {
    for (const file of ['no/such/file.pcap', vectorPath('ospf/MANIFEST.md')]) {
      const r = await run('ospf', 'spf', file, '--router', '5.5.5.5');
      expect(r.code, file).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^routekit ospf: /);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  test('a damaged capture: SPF over the frames before the damage, a warning, exit 2', async () => {
    const bytes = loadVector(LSA_TYPES);
    const frames = readCapture(bytes).frames;
    const cutIn = (frame: number): Io => ({
      stdout: (t) => {
        out += t;
      },
      stderr: (t) => {
        err += t;
      },
      readFile: async () => bytes.subarray(0, (frames[frame - 1]?.fileOffset ?? 0) + 5),
    });
    let out = '';
    let err = '';
    // cut inside the last frame: the full LSDB was flooded by then
    const full = await spfJson(LSA_TYPES, '5.5.5.5');
    expect(await main(['ospf', 'spf', 'cut.pcap', '-r', '5.5.5.5', '-f', 'json'], cutIn(30))).toBe(
      2,
    );
    expect(JSON.parse(out)).toEqual({
      ...full,
      stats: { ...full.stats, packets: 29, decoded: 29 },
    });
    expect(err).toMatch(
      /^routekit: warning: cut\.pcap: truncated.*showing the 29 frames before it\n$/,
    );
    out = '';
    err = '';
    // cut inside frame 13: the LSU of frame 12 predates the adjacency's router-LSAs
    expect(await main(['ospf', 'spf', 'cut.pcap', '-r', '5.5.5.5', '-f', 'json'], cutIn(13))).toBe(
      2,
    );
    const early = JSON.parse(out) as SpfJson;
    expect(early.stats).toEqual({ packets: 12, decoded: 12, lsas: 11, installed: 11 });
    expect(early.routes.map((x) => x.prefix)).toEqual(['10.0.20.0/30', '192.168.20.0/24']);
    out = '';
    err = '';
    // cut inside frame 6: no LSU yet
    expect(await main(['ospf', 'spf', 'cut.pcap', '-r', '5.5.5.5'], cutIn(6))).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')).toEqual([
      expect.stringMatching(/^routekit: warning: cut\.pcap: truncated/),
      'routekit ospf: router 5.5.5.5 originated no router-LSA in the frames before the damage',
      '',
    ]);
  });
});
