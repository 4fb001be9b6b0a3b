/**
 * routekit's SPF against FRR's own routing table, from the LSAs FRR and BIRD flood.
 *
 *          p2p 10 (MD5)           p2p 30
 *     r1 ─────────────── r2 ─────────────── s2 (FRR, anycast B)
 *      │ broadcast 10     │ p2p 10
 *     r3 ─────────────── r4 ─────────────── s1 (BIRD, anycast A)
 *      │   broadcast 10          p2p 10
 *     r5   (area 1, p2p 10: r3 is an ABR)
 *
 * Six FRR routers and one BIRD, every router with a /32 loopback stub; r5 in area 1. Three variants
 * of the anycast /32 192.0.2.53: both as stub links; both redistributed as E1 (FRR
 * with `redistribute connected metric-type 1` + `distribute-list ANYCAST out
 * connected` as in the seed article; BIRD with an E1 export); one of each (BIRD's E1
 * path cheaper than FRR's stub, yet intra-area wins). For each:
 * capture the flooded LSAs on every link, build routekit's LSDB from the captured bytes,
 * run SPF for every FRR router and compare prefix by prefix (cost, path type, next
 * hops) with `show ip ospf route json` and `show ip route ospf json`; then kill BIRD
 * (silent failure) and compare again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Bird,
  birdConfig,
  birdOspf,
  type Capture,
  FAST_OSPF_TIMERS,
  type Frr,
  frrOspfConfig,
  type Lab,
  type LabNode,
  withLab,
} from '@routekit/testkit/netns';
import { describe, expect, test } from 'vitest';
import { decodePacket, type SpfResult, spfFromPackets, verifyPacketDigest } from '../src/index.js';
import { ospfFramesOf } from './captures.js';

const ANYCAST = '192.0.2.53/32';
const MD5_KEY = 'routekit';

type Variant = 'stub' | 'external' | 'mixed';

interface Router {
  readonly name: string;
  readonly id: string;
  readonly node: LabNode;
  frr?: Frr;
  bird?: Bird;
}

const LINKS = [
  { a: 'r1', b: 'r2', net: 12, p2p: true, cost: 10 },
  { a: 'r1', b: 'r3', net: 13, p2p: false, cost: 10 },
  { a: 'r2', b: 'r4', net: 24, p2p: true, cost: 10 },
  { a: 'r3', b: 'r4', net: 34, p2p: false, cost: 10 },
  { a: 'r2', b: 's2', net: 26, p2p: true, cost: 30 },
  { a: 'r4', b: 's1', net: 45, p2p: true, cost: 10 },
  { a: 'r3', b: 'r5', net: 35, p2p: true, cost: 10, area: 1 },
] as const;
const IDS: Record<string, string> = {
  r1: '10.0.0.1',
  r2: '10.0.0.2',
  r3: '10.0.0.3',
  r4: '10.0.0.4',
  s1: '10.0.0.5',
  s2: '10.0.0.6',
  r5: '10.0.0.7',
};
/** r5 sits in area 1 behind the ABR r3: inter-area and type-4 paths on both sides. */
const AREA: Record<string, number> = { r5: 1 };

function frrConf(name: string, variant: Variant): string {
  const links = LINKS.filter((l) => l.a === name || l.b === name);
  const external = name === 's2' && variant === 'external';
  let conf = frrOspfConfig({
    hostname: name,
    routerId: IDS[name]!,
    interfaces: links.map((l) => ({
      name: l.a === name ? `${l.a}-${l.b}` : `${l.b}-${l.a}`,
      pointToPoint: l.p2p,
      timers: FAST_OSPF_TIMERS,
      cost: l.cost,
    })),
    networks: [
      ...links.map((l) => ({ prefix: `10.0.${l.net}.0/24`, area: 'area' in l ? l.area : 0 })),
      { prefix: `${IDS[name]}/32`, area: AREA[name] ?? 0 },
      ...(name === 's2' && !external ? [{ prefix: ANYCAST }] : []),
    ],
    ...(external ? { redistribute: ['connected metric-type 1'] } : {}),
    fastConvergence: true,
    ...(external ? { extra: ['distribute-list ANYCAST out connected'] } : {}),
  });
  // Keyed MD5 on the r1–r2 link (RFC 2328 D.4.3), so the captures carry digests.
  for (const ifname of ['r1-r2', 'r2-r1']) {
    conf = conf.replace(
      `interface ${ifname}\n`,
      `interface ${ifname}\n ip ospf authentication message-digest\n ip ospf message-digest-key 1 md5 ${MD5_KEY}\n`,
    );
  }
  if (external) conf += 'access-list ANYCAST seq 5 permit 192.0.2.53/32\n';
  return conf;
}

function birdConf(node: LabNode, variant: Variant): string {
  const external = variant !== 'stub';
  // E1 metric 1 in the mixed variant: the external path is then cheaper than the
  // intra-area one, which must still win (RFC 2328 §11 path-type preference).
  const metric = variant === 'mixed' ? 1 : 20;
  return birdConfig({
    routerId: IDS.s1!,
    logFile: join(node.dir, 'bird.log'),
    direct: external ? ['lo'] : false,
    protocols: [
      birdOspf({
        name: 'ospf1',
        interfaces: [{ name: 's1-r4', type: 'ptp', timers: FAST_OSPF_TIMERS, cost: 10 }],
        stubs: external ? [`${IDS.s1}/32`] : [`${IDS.s1}/32`, ANYCAST],
        ...(external
          ? {
              export: `filter { if net = ${ANYCAST} then { ospf_metric1 = ${metric}; accept; } reject; }`,
            }
          : {}),
      }),
    ],
  });
}

/** FRR's view of one router's OSPF routes, in routekit's terms. */
interface Comparable {
  cost: number;
  pathType: string;
  nextHops: string[];
}

const PATH_TYPES: Record<string, string> = {
  N: 'intra',
  'N IA': 'inter',
  'N E1': 'E1',
  'N E2': 'E2',
};

async function frrOspfTable(frr: Frr): Promise<Map<string, Comparable>> {
  const raw = (await frr.ospfRoutes()) as Record<
    string,
    { routeType?: string; cost?: number; nexthops?: { ip?: string }[] }
  >;
  const out = new Map<string, Comparable>();
  for (const [prefix, r] of Object.entries(raw)) {
    if (!prefix.includes('/') || r.routeType === undefined) continue;
    const hops = (r.nexthops ?? [])
      .map((h) =>
        h.ip === undefined || h.ip.trim() === '' || h.ip === '0.0.0.0' ? 'direct' : h.ip,
      )
      .sort();
    out.set(prefix, {
      cost: r.cost ?? -1,
      pathType: PATH_TYPES[r.routeType] ?? r.routeType,
      nextHops: hops,
    });
  }
  return out;
}

async function zebraOspfTable(
  frr: Frr,
): Promise<Map<string, { metric: number; nextHops: string[] }>> {
  const out = new Map<string, { metric: number; nextHops: string[] }>();
  for (const [prefix, list] of Object.entries(await frr.routes({ protocol: 'ospf' }))) {
    const r = list[0];
    if (r === undefined) continue;
    const hops = r.nexthops
      .map((h) => (h.directlyConnected === true ? 'direct' : (h.ip ?? '?')))
      .sort();
    out.set(prefix, { metric: r.metric, nextHops: hops });
  }
  return out;
}

function ours(res: SpfResult): Map<string, Comparable> {
  const out = new Map<string, Comparable>();
  for (const r of res.routes) {
    out.set(r.prefix, {
      cost: r.cost,
      pathType: r.pathType,
      nextHops: r.nextHops.map((h) => h.address ?? 'direct').sort(),
    });
  }
  return out;
}

interface Comparison {
  router: string;
  prefixes: number;
  mismatches: string[];
  pathTypes: Record<string, number>;
}

function compare(
  router: string,
  res: SpfResult,
  frrTable: Map<string, Comparable>,
  zebra: Map<string, { metric: number; nextHops: string[] }>,
): Comparison {
  const mine = ours(res);
  const mismatches: string[] = [];
  const all = new Set([...mine.keys(), ...frrTable.keys()]);
  for (const p of all) {
    const a = mine.get(p);
    const b = frrTable.get(p);
    if (JSON.stringify(a) !== JSON.stringify(b))
      mismatches.push(`${router} ${p}: routekit ${JSON.stringify(a)} | FRR ${JSON.stringify(b)}`);
  }
  // zebra's table: same prefixes, metric (E2: the type-2 metric) and next hops.
  for (const [p, z] of zebra) {
    const r = res.routes.find((x) => x.prefix === p);
    const metric = r === undefined ? undefined : r.pathType === 'E2' ? r.type2Cost : r.cost;
    const hops = r?.nextHops.map((h) => h.address ?? 'direct').sort();
    if (metric !== z.metric || JSON.stringify(hops) !== JSON.stringify(z.nextHops))
      mismatches.push(
        `${router} zebra ${p}: routekit ${metric} ${JSON.stringify(hops)} | FRR ${z.metric} ${JSON.stringify(z.nextHops)}`,
      );
  }
  const pathTypes: Record<string, number> = {};
  for (const r of res.routes) pathTypes[r.pathType] = (pathTypes[r.pathType] ?? 0) + 1;
  return { router, prefixes: all.size, mismatches, pathTypes };
}

async function build(lab: Lab, variant: Variant) {
  const nodes = new Map<string, Router>();
  for (const name of Object.keys(IDS)) {
    const node = await lab.node(name, { ipv6: false });
    await node.addAddress(`${IDS[name]}/32`);
    nodes.set(name, { name, id: IDS[name]!, node });
  }
  await nodes.get('s1')!.node.addAddress(ANYCAST);
  await nodes.get('s2')!.node.addAddress(ANYCAST);
  const captures: Capture[] = [];
  for (const l of LINKS) {
    const a = nodes.get(l.a)!.node;
    const b = nodes.get(l.b)!.node;
    await lab.link(a, b, { v4: [`10.0.${l.net}.1/24`, `10.0.${l.net}.2/24`] });
    captures.push(
      await a.capture(`${l.a}-${l.b}`, join(a.dir, `${l.a}-${l.b}.pcap`), ['ip', 'proto', '89']),
    );
  }
  for (const r of nodes.values()) {
    if (r.name === 's1') r.bird = await r.node.bird(birdConf(r.node, variant));
    else r.frr = await r.node.frr({ ospfd: frrConf(r.name, variant) });
  }
  return { nodes, captures };
}

function capturedPackets(captures: readonly Capture[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const c of captures) {
    for (const f of ospfFramesOf(new Uint8Array(readFileSync(c.file)), c.file)) out.push(f.payload);
  }
  return out;
}

const frrRouters = ['r1', 'r2', 'r3', 'r4', 's2', 'r5'];

async function compareAll(
  lab: Lab,
  nodes: Map<string, Router>,
  captures: readonly Capture[],
): Promise<Comparison[]> {
  // Converged when routekit agrees with every FRR router on every prefix (retried while
  // the daemons converge; fails with the last differences after 30 s).
  let last: Comparison[] = [];
  await lab.waitFor(
    async () => {
      const packets = capturedPackets(captures);
      last = [];
      for (const name of frrRouters) {
        const frr = nodes.get(name)!.frr!;
        const res = spfFromPackets(packets, IDS[name]!);
        last.push(compare(name, res, await frrOspfTable(frr), await zebraOspfTable(frr)));
      }
      return last.every((c) => c.mismatches.length === 0);
    },
    {
      timeoutMs: 30_000,
      intervalMs: 1000,
      describe: 'routekit SPF equals FRR on every router',
      state: () => last,
    },
  );
  return last;
}

const results: string[] = [];

function r1Anycast(captures: readonly Capture[]): Comparable | undefined {
  return ours(spfFromPackets(capturedPackets(captures), IDS.r1!)).get(ANYCAST);
}

async function scenario(variant: Variant, before: Comparable, after: Comparable) {
  await withLab(`ospf-spf-${variant}`, async (lab) => {
    const { nodes, captures } = await build(lab, variant);
    // Wait for the converged state (BIRD adds its stubs after its 5 s MinLSInterval).
    await lab.waitUntil(
      () => r1Anycast(captures),
      (r) => JSON.stringify(r) === JSON.stringify(before),
      {
        timeoutMs: 30_000,
        describe: `r1's anycast route from the captures is ${JSON.stringify(before)}`,
      },
    );
    await lab.waitFor(
      () => ours(spfFromPackets(capturedPackets(captures), IDS.r1!)).has(`${IDS.s1}/32`),
      { timeoutMs: 30_000, describe: "BIRD's loopback stub reaches r1" },
    );
    const cmpBefore = await compareAll(lab, nodes, captures);
    expect(r1Anycast(captures)).toEqual(before);

    // MD5 digests on r1–r2 verify with the configured key.
    const md5 = captures[0]!;
    let verified = 0;
    for (const f of ospfFramesOf(new Uint8Array(readFileSync(md5.file)), md5.file)) {
      const p = decodePacket(f.payload);
      if (!p.ok) throw new Error(JSON.stringify(p.error));
      expect(p.value.auth.kind).toBe('cryptographic');
      expect(
        verifyPacketDigest(p.value, { algorithm: 'md5', key: new TextEncoder().encode(MD5_KEY) }),
      ).toBe(true);
      verified++;
    }
    expect(verified).toBeGreaterThan(5);

    // Silent failure of anycast server A (BIRD): SIGKILL.
    const bird = nodes.get('s1')!.bird!.process;
    bird.expectExit();
    bird.kill('SIGKILL');
    await lab.waitUntil(
      () => r1Anycast(captures),
      (r) => JSON.stringify(r) === JSON.stringify(after),
      { timeoutMs: 30_000, describe: `r1's anycast route moves to ${JSON.stringify(after)}` },
    );
    await lab.waitFor(
      () => !ours(spfFromPackets(capturedPackets(captures), IDS.r1!)).has(`${IDS.s1}/32`),
      { timeoutMs: 30_000, describe: "the dead server's loopback leaves r1's table" },
    );
    const cmpAfter = await compareAll(lab, nodes, captures);
    expect(r1Anycast(captures)).toEqual(after);
    for (const c of captures) await c.stop();
    const count = (cs: Comparison[]) => cs.reduce((n, c) => n + c.prefixes, 0);
    const types: Record<string, number> = {};
    for (const c of cmpBefore.concat(cmpAfter))
      for (const [t, n] of Object.entries(c.pathTypes)) types[t] = (types[t] ?? 0) + n;
    // Both areas' paths were exercised: inter-area routes on every router.
    expect(types.inter).toBeGreaterThan(0);
    results.push(
      `${variant}: ${count(cmpBefore)} prefixes compared before failure, ${count(cmpAfter)} after, ${cmpBefore.concat(cmpAfter).reduce((n, c) => n + c.mismatches.length, 0)} mismatches; path types ${JSON.stringify(types)}; MD5 packets verified ${verified}`,
    );
  });
}

describe('SPF from captured LSAs equals FRR (6 FRR + 1 BIRD, 2 areas, p2p and broadcast links)', () => {
  const both = ['10.0.12.2', '10.0.13.2'];
  const viaR2 = ['10.0.12.2'];
  test('both anycast servers as stub links', async () => {
    // r1 → {r2, r3} → r4 → s1 is 30 (ECMP); r1 → r2 → s2 is 40.
    await scenario(
      'stub',
      { cost: 30, pathType: 'intra', nextHops: both },
      { cost: 40, pathType: 'intra', nextHops: viaR2 },
    );
  });
  test('both redistributed as external E1 (distribute-list as in the seed article)', async () => {
    await scenario(
      'external',
      { cost: 50, pathType: 'E1', nextHops: both },
      { cost: 60, pathType: 'E1', nextHops: viaR2 },
    );
  });
  test('one stub, one external: intra-area wins over a cheaper E1', async () => {
    const intra = { cost: 40, pathType: 'intra', nextHops: viaR2 };
    await scenario('mixed', intra, intra);
  });
  test('summary', () => {
    console.log(results.join('\n'));
  });
});
