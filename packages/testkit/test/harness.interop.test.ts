// The netns harness against real daemons: FRR, BIRD 2, GoBGP and ExaBGP in namespaces
// this file creates and removes. Needs root and the Debian packages (the interop
// preflight checks both). Run with `pnpm test:interop`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import {
  birdBgp,
  birdConfig,
  birdOspf,
  birdPrefixFilter,
  birdRip,
  exabgpConfig,
  FAST_BGP_TIMERS,
  FAST_OSPF_TIMERS,
  FAST_RIP_TIMERS,
  frrBgpConfig,
  frrOspfConfig,
  frrRipConfig,
  gobgpConfig,
  Lab,
  type LabNode,
  labFilesGone,
  labLeftovers,
  pidAlive,
  WaitTimeoutError,
  withLab,
} from '../src/netns/index.js';
import { runTshark } from '../src/tshark.js';

/** Seconds from a start mark, for the timing summary printed at the end. */
const timings: Record<string, string> = {};
function mark(): () => number {
  const t0 = performance.now();
  return () => (performance.now() - t0) / 1000;
}
function record(name: string, seconds: number): void {
  timings[name] = `${seconds.toFixed(2)} s`;
}

let current: Lab | undefined;
/** Run `fn` in a fresh lab; `afterEach` then checks that nothing of it is left. */
function inLab(label: string, fn: (lab: Lab) => Promise<void>): Promise<void> {
  return withLab(label, async (lab) => {
    current = lab;
    await fn(lab);
  });
}

afterEach(async () => {
  const lab = current;
  current = undefined;
  if (!lab || lab.kept) return;
  expect(lab.closed).toBe(true);
  expect(lab.leftovers()).toEqual({ namespaces: [], processes: [] });
  expect(await labLeftovers(lab.id)).toEqual({ namespaces: [], processes: [] });
  for (const p of lab.processes) expect(pidAlive(p.pid), p.describe()).toBe(false);
  expect(labFilesGone(lab)).toBe(true);
});

afterAll(() => {
  console.log(
    `[interop timings]\n${Object.entries(timings)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n')}`,
  );
});

/** Two nodes joined by a veth with IPv4 (and IPv6) addresses, each with a lo /32. */
async function pair(lab: Lab, a: string, b: string, net: number, v6 = false) {
  const na = await lab.node(a);
  const nb = await lab.node(b);
  const link = await lab.link(na, nb, {
    v4: [`10.0.${net}.1/24`, `10.0.${net}.2/24`],
    ...(v6 ? { v6: [`fd00:${net}::1/64`, `fd00:${net}::2/64`] as const } : {}),
  });
  await na.addAddress('192.0.2.1/32');
  await nb.addAddress('192.0.2.53/32');
  return { a: na, b: nb, link };
}

function birdLog(node: LabNode): string {
  return join(node.dir, 'bird.log');
}

describe('lab basics', () => {
  test('namespaces, veth (IPv4 + IPv6, no DAD), lo addresses, exec and FIB queries', async () => {
    await inLab('basics', async (lab) => {
      const { a, b, link } = await pair(lab, 'a', 'b', 12, true);
      const c = await lab.node('c', { ipv6: false });
      expect(a.ns).toBe(`rkt-${lab.id}-a`);
      expect(lab.namespaces).toEqual([a.ns, b.ns, c.ns]);
      expect(link.a.ifname).toBe('a-b');
      expect(link.b.ifname).toBe('b-a');
      expect(link.b.ip4).toBe('10.0.12.2');
      expect(link.b.ip6).toBe('fd00:12::2');

      const addrs = JSON.parse((await a.exec(['ip', '-j', 'addr', 'show', 'dev', 'a-b'])).stdout);
      const infos = addrs[0].addr_info as { local: string; tentative?: boolean }[];
      expect(infos.map((i) => i.local)).toEqual(
        expect.arrayContaining(['10.0.12.1', 'fd00:12::1']),
      );
      expect(infos.some((i) => i.tentative)).toBe(false);
      // traffic stays on the veth inside our namespaces
      await b.tcpServe(7000);
      expect(await a.tcpAsk('10.0.12.2', 7000)).toBe('b');
      expect(await a.tcpAsk('fd00:12::2', 7000)).toBe('b');
      await expect(c.tcpAsk('10.0.12.2', 7000, { timeoutMs: 500 })).rejects.toThrow();
      expect((await a.exec(['sysctl', '-n', 'net.ipv4.ip_forward'])).stdout.trim()).toBe('1');
      expect((await c.exec(['sysctl', '-n', 'net.ipv6.conf.all.disable_ipv6'])).stdout.trim()).toBe(
        '1',
      );
      await expect(c.addAddress('2001:db8::c/128')).rejects.toThrow(/IPv6 is disabled/);

      expect(await a.fibRoute('10.0.12.0/24', { dev: 'a-b' })).toMatchObject({
        dst: '10.0.12.0/24',
        protocol: 'kernel',
      });
      expect(await b.hasRoute('192.0.2.1/32')).toBe(false);
      await b.exec(['ip', 'route', 'add', '192.0.2.1/32', 'via', '10.0.12.1']);
      expect(await b.hasRoute('192.0.2.1/32', { via: '10.0.12.1' })).toBe(true);
      expect(await b.hasRoute('192.0.2.1/32', { via: '10.0.12.9' })).toBe(false);

      await link.setUp(false, 'a');
      const state = JSON.parse((await b.exec(['ip', '-j', 'link', 'show', 'b-a'])).stdout);
      expect(state[0].flags).not.toContain('LOWER_UP');
      await expect(lab.node('a')).rejects.toThrow(/already exists/);
      await expect(lab.node('bad_name')).rejects.toThrow(/must match/);
    });
  });
});

describe('BGP', () => {
  test('FRR ↔ BIRD: Established over IPv4 and IPv6, loopbacks exchanged, captured and decoded by tshark', async () => {
    await inLab('bgp-frr-bird', async (lab) => {
      const { a, b } = await pair(lab, 'frr', 'bird', 12, true);
      await a.addAddress('2001:db8::1/128');
      await b.addAddress('2001:db8::53/128');
      const pcap = join(a.dir, 'bgp.pcap');
      const capture = await a.capture('frr-bird', pcap, ['tcp', 'port', '179']);

      const since = mark();
      const frr = await a.frr({
        bgpd: frrBgpConfig({
          hostname: 'frr',
          asn: 65001,
          routerId: '10.0.12.1',
          neighbors: [
            { address: '10.0.12.2', remoteAs: 65002, timers: FAST_BGP_TIMERS },
            { address: 'fd00:12::2', remoteAs: 65002, timers: FAST_BGP_TIMERS },
          ],
          networks: ['192.0.2.1/32', '2001:db8::1/128'],
        }),
      });
      const bird = await b.bird(
        birdConfig({
          routerId: '10.0.12.2',
          logFile: birdLog(b),
          protocols: [
            birdBgp({
              name: 'frr4',
              localAddress: '10.0.12.2',
              localAs: 65002,
              neighbor: '10.0.12.1',
              neighborAs: 65001,
              timers: FAST_BGP_TIMERS,
              ipv4: { export: birdPrefixFilter(['192.0.2.53/32']) },
            }),
            birdBgp({
              name: 'frr6',
              localAddress: 'fd00:12::2',
              localAs: 65002,
              neighbor: 'fd00:12::1',
              neighborAs: 65001,
              timers: FAST_BGP_TIMERS,
              ipv6: { export: birdPrefixFilter(['2001:db8::53/128']) },
            }),
          ],
        }),
      );

      const established = (s: string | undefined) => s === 'Established';
      await lab.waitUntil(() => frr.bgpNeighborState('10.0.12.2'), established, {
        timeoutMs: 20_000,
        describe: 'FRR → BIRD IPv4 session Established',
      });
      record('BGP FRR↔BIRD IPv4 Established (from FRR start)', since());
      await lab.waitUntil(() => frr.bgpNeighborState('fd00:12::2'), established, {
        timeoutMs: 20_000,
        describe: 'FRR → BIRD IPv6 session Established',
      });
      record('BGP FRR↔BIRD IPv6 Established', since());
      expect(await bird.bgpState('frr4')).toBe('Established');
      expect(await bird.bgpState('frr6')).toBe('Established');

      // each side's loopback in the other's RIB (JSON) and kernel FIB
      const frrRoute = await lab.waitFor(() => frr.route('192.0.2.53/32', 'bgp'), {
        timeoutMs: 10_000,
        describe: 'FRR RIB 192.0.2.53/32 from BIRD',
      });
      record('BGP BIRD route in FRR RIB', since());
      expect(frrRoute).toMatchObject({ protocol: 'bgp', selected: true, installed: true });
      expect(frrRoute.nexthops[0]?.ip).toBe('10.0.12.2');
      const rib = await frr.bgpRib('ipv4');
      expect(rib['192.0.2.53/32']?.[0]).toMatchObject({ path: '65002', valid: true });
      const summary = await frr.bgpSummary();
      expect(summary['ipv4Unicast']?.peers?.['10.0.12.2']).toMatchObject({
        state: 'Established',
        remoteAs: 65002,
        pfxRcd: 1,
      });
      await lab.waitFor(() => a.hasRoute('192.0.2.53/32', { via: '10.0.12.2', protocol: 'bgp' }), {
        timeoutMs: 10_000,
        describe: 'FRR node FIB 192.0.2.53/32',
      });

      const birdRoute = await lab.waitFor(() => bird.route('192.0.2.1/32', 'frr4'), {
        timeoutMs: 10_000,
        describe: 'BIRD RIB 192.0.2.1/32 from FRR',
      });
      expect(birdRoute).toMatchObject({ protocol: 'frr4', primary: true, type: 'BGP univ' });
      expect(birdRoute.attributes['BGP.as_path']).toBe('65001');
      expect(birdRoute.nextHops[0]).toEqual({ via: '10.0.12.1', iface: 'bird-frr' });
      await lab.waitFor(() => b.hasRoute('192.0.2.1/32', { via: '10.0.12.1', protocol: 'bird' }), {
        timeoutMs: 10_000,
        describe: 'BIRD node FIB 192.0.2.1/32',
      });

      // IPv6 prefixes over the IPv6 session
      const frr6 = await lab.waitFor(() => frr.route('2001:db8::53/128', 'bgp'), {
        timeoutMs: 10_000,
        describe: 'FRR RIB 2001:db8::53/128',
      });
      expect(frr6.selected).toBe(true);
      await lab.waitFor(() => a.hasRoute('2001:db8::53/128', { protocol: 'bgp' }), {
        timeoutMs: 10_000,
        describe: 'FRR node FIB 2001:db8::53/128',
      });
      const bird6 = await lab.waitFor(() => bird.route('2001:db8::1/128', 'frr6'), {
        timeoutMs: 10_000,
        describe: 'BIRD RIB 2001:db8::1/128',
      });
      expect(bird6.table).toBe('master6');
      await lab.waitFor(() => b.hasRoute('2001:db8::1/128', { via: 'fd00:12::1' }), {
        timeoutMs: 10_000,
        describe: 'BIRD node FIB 2001:db8::1/128',
      });
      record('BGP both /32 and both /128 in both FIBs', since());
      // traffic between the loopbacks follows the learned routes, both ways
      await b.tcpServe(7000);
      expect(await a.tcpAsk('192.0.2.53', 7000, { source: '192.0.2.1' })).toBe('bird');
      expect(await a.tcpAsk('2001:db8::53', 7000, { source: '2001:db8::1' })).toBe('bird');

      await capture.stop();
      const frames = await runTshark(pcap, { filter: 'bgp' });
      const types = new Set(frames.flatMap((f) => [...f.values('bgp.type')]));
      // OPEN, UPDATE, KEEPALIVE — and, when both sides connected at once, the NOTIFICATION
      // (Cease) that closes the losing connection of the collision
      expect([...types].sort()).toEqual(expect.arrayContaining(['1', '2', '4']));
      for (const f of frames.filter((x) => x.values('bgp.type').includes('3'))) {
        expect(f.values('bgp.notify.major_error')).toEqual(['6']);
      }
      const myAs = frames.flatMap((f) => [...f.values('bgp.open.myas')]);
      expect(new Set(myAs)).toEqual(new Set(['65001', '65002']));
      // every UPDATE frame is between the two speakers
      for (const f of frames) {
        expect(['10.0.12.1', '10.0.12.2', 'fd00:12::1', 'fd00:12::2']).toContain(
          f.first('ip.src') ?? f.first('ipv6.src'),
        );
      }
    });
  });

  test('GoBGP ↔ FRR: Established; a route added with `gobgp global rib add` reaches the FRR FIB and leaves on `del`', async () => {
    await inLab('bgp-gobgp-frr', async (lab) => {
      const { a, b } = await pair(lab, 'frr', 'gobgp', 13);
      const since = mark();
      const frr = await a.frr({
        bgpd: frrBgpConfig({
          hostname: 'frr',
          asn: 65001,
          routerId: '10.0.13.1',
          neighbors: [{ address: '10.0.13.2', remoteAs: 65003, timers: FAST_BGP_TIMERS }],
          networks: ['192.0.2.1/32'],
        }),
      });
      const gobgp = await b.gobgp(
        gobgpConfig({
          as: 65003,
          routerId: '10.0.13.2',
          localAddresses: ['10.0.13.2'],
          neighbors: [{ address: '10.0.13.1', peerAs: 65001, timers: FAST_BGP_TIMERS }],
        }),
      );
      await lab.waitUntil(
        () => gobgp.neighborState('10.0.13.1'),
        (s) => s === 'established',
        { timeoutMs: 20_000, describe: 'GoBGP → FRR Established' },
      );
      record('BGP GoBGP↔FRR Established (from FRR start)', since());
      expect(await frr.bgpNeighborState('10.0.13.2')).toBe('Established');

      const fromFrr = await lab.waitFor(async () => (await gobgp.rib())['192.0.2.1/32'], {
        timeoutMs: 10_000,
        describe: 'GoBGP RIB 192.0.2.1/32',
      });
      expect(fromFrr[0]?.['neighbor-ip']).toBe('10.0.13.1');

      const t = mark();
      await gobgp.addRoute('192.0.2.99/32', {
        nexthop: '10.0.13.2',
        communities: ['65003:53'],
      });
      await lab.waitFor(() => a.hasRoute('192.0.2.99/32', { via: '10.0.13.2', protocol: 'bgp' }), {
        timeoutMs: 10_000,
        describe: 'FRR FIB 192.0.2.99/32 from GoBGP',
      });
      record('BGP gobgp rib add → FRR FIB', t());
      const path = (await frr.bgpRib())['192.0.2.99/32']?.[0];
      expect(path).toMatchObject({ path: '65003', valid: true, bestpath: true });

      const t2 = mark();
      await gobgp.deleteRoute('192.0.2.99/32');
      await lab.waitFor(async () => !(await a.hasRoute('192.0.2.99/32')), {
        timeoutMs: 10_000,
        describe: 'FRR FIB without 192.0.2.99/32',
      });
      record('BGP gobgp rib del → gone from FRR FIB', t2());
      expect((await frr.bgpRib())['192.0.2.99/32']).toBeUndefined();
    });
  });

  test('ExaBGP → FRR: a static route and routes announced/withdrawn through the API', async () => {
    await inLab('bgp-exabgp-frr', async (lab) => {
      const { a, b } = await pair(lab, 'frr', 'exa', 14);
      const since = mark();
      const frr = await a.frr({
        bgpd: frrBgpConfig({
          hostname: 'frr',
          asn: 65001,
          routerId: '10.0.14.1',
          neighbors: [{ address: '10.0.14.2', remoteAs: 65053, timers: FAST_BGP_TIMERS }],
        }),
      });
      const exa = await b.exabgp(
        exabgpConfig({
          neighbors: [
            {
              address: '10.0.14.1',
              routerId: '10.0.14.2',
              localAddress: '10.0.14.2',
              localAs: 65053,
              peerAs: 65001,
              holdTime: 3,
              routes: [{ prefix: '192.0.2.53/32', attributes: 'community [65053:1]' }],
            },
          ],
        }),
      );
      await lab.waitUntil(
        () => frr.bgpNeighborState('10.0.14.2'),
        (s) => s === 'Established',
        { timeoutMs: 20_000, describe: 'FRR ↔ ExaBGP Established' },
      );
      record('BGP ExaBGP→FRR Established (from FRR start)', since());
      await lab.waitFor(() => a.hasRoute('192.0.2.53/32', { via: '10.0.14.2', protocol: 'bgp' }), {
        timeoutMs: 10_000,
        describe: 'FRR FIB 192.0.2.53/32 (ExaBGP static)',
      });
      expect((await frr.bgpRib())['192.0.2.53/32']?.[0]).toMatchObject({ path: '65053' });

      const t = mark();
      await exa.announce('192.0.2.54/32');
      await lab.waitFor(() => a.hasRoute('192.0.2.54/32', { via: '10.0.14.2' }), {
        timeoutMs: 10_000,
        describe: 'FRR FIB 192.0.2.54/32 (ExaBGP API announce)',
      });
      record('BGP ExaBGP API announce → FRR FIB', t());
      await exa.withdraw('192.0.2.54/32');
      await lab.waitFor(async () => !(await a.hasRoute('192.0.2.54/32')), {
        timeoutMs: 10_000,
        describe: 'FRR FIB without 192.0.2.54/32',
      });
      expect(await a.hasRoute('192.0.2.53/32')).toBe(true);
      expect(readFileSync(join(b.dir, 'exabgp.log'), 'utf8')).toContain('192.0.2.54/32');
    });
  });
});

describe('OSPF', () => {
  test('FRR ↔ BIRD: point-to-point adjacency Full (hello 1 / dead 4), stub /32s exchanged', async () => {
    await inLab('ospf-frr-bird', async (lab) => {
      const { a, b } = await pair(lab, 'frr', 'bird', 12);
      const since = mark();
      const frr = await a.frr({
        ospfd: frrOspfConfig({
          hostname: 'frr',
          routerId: '10.0.0.1',
          interfaces: [
            { name: 'frr-bird', pointToPoint: true, timers: FAST_OSPF_TIMERS, cost: 10 },
          ],
          networks: [{ prefix: '10.0.12.0/24' }, { prefix: '192.0.2.1/32' }],
          fastConvergence: true,
        }),
      });
      const bird = await b.bird(
        birdConfig({
          routerId: '10.0.0.2',
          logFile: birdLog(b),
          direct: false,
          protocols: [
            birdOspf({
              name: 'ospf1',
              interfaces: [{ name: 'bird-frr', type: 'ptp', timers: FAST_OSPF_TIMERS, cost: 10 }],
              stubs: ['192.0.2.53/32'],
            }),
          ],
        }),
      );
      await lab.waitUntil(
        () => frr.ospfNeighborState('10.0.0.2'),
        (s) => s?.startsWith('Full') === true,
        { timeoutMs: 20_000, describe: 'FRR sees BIRD Full' },
      );
      record('OSPF FRR↔BIRD Full (from FRR start)', since());
      const birdSide = await lab.waitFor(
        async () => (await bird.ospfNeighbors()).find((n) => n.state.startsWith('Full')),
        { timeoutMs: 10_000, describe: 'BIRD sees FRR Full' },
      );
      expect(birdSide).toMatchObject({
        routerId: '10.0.0.1',
        state: 'Full/PtP',
        iface: 'bird-frr',
      });

      const r = await lab.waitFor(() => frr.route('192.0.2.53/32', 'ospf'), {
        timeoutMs: 15_000,
        describe: 'FRR RIB 192.0.2.53/32 via OSPF',
      });
      expect(r).toMatchObject({ protocol: 'ospf', selected: true });
      expect(r.nexthops[0]?.ip).toBe('10.0.12.2');
      await lab.waitFor(() => a.hasRoute('192.0.2.53/32', { via: '10.0.12.2', protocol: 'ospf' }), {
        timeoutMs: 10_000,
        describe: 'FRR FIB 192.0.2.53/32',
      });
      record('OSPF BIRD stub in FRR FIB', since());
      const br = await lab.waitFor(() => bird.route('192.0.2.1/32', 'ospf1'), {
        timeoutMs: 15_000,
        describe: 'BIRD RIB 192.0.2.1/32 via OSPF',
      });
      expect(br.nextHops[0]).toEqual({ via: '10.0.12.1', iface: 'bird-frr' });
      expect(br.attributes['OSPF.metric1']).toBe('10');
      await lab.waitFor(() => b.hasRoute('192.0.2.1/32', { via: '10.0.12.1', protocol: 'bird' }), {
        timeoutMs: 10_000,
        describe: 'BIRD FIB 192.0.2.1/32',
      });
      record('OSPF both /32 in both FIBs', since());
      // BIRD's lo stub is address-qualified: 127.0.0.0/8 must not leak into OSPF
      expect(await frr.route('127.0.0.0/8', 'ospf')).toBeUndefined();
    });
  });
});

describe('RIP', () => {
  test('FRR ↔ BIRD: RIPv2 with 5/15/10 timers, each side learns the other /32 at metric 2', async () => {
    await inLab('rip-frr-bird', async (lab) => {
      const { a, b } = await pair(lab, 'frr', 'bird', 12);
      const since = mark();
      const frr = await a.frr({
        ripd: frrRipConfig({
          hostname: 'frr',
          networks: ['10.0.12.0/24'],
          timers: FAST_RIP_TIMERS,
          announce: { prefixes: ['192.0.2.1/32'], metric: 1 },
        }),
      });
      const bird = await b.bird(
        birdConfig({
          routerId: '10.0.12.2',
          logFile: birdLog(b),
          protocols: [
            birdRip({
              name: 'rip1',
              interfaces: ['bird-frr'],
              timers: FAST_RIP_TIMERS,
              export: birdPrefixFilter(['192.0.2.53/32']),
            }),
          ],
        }),
      );
      const r = await lab.waitFor(async () => (await frr.ripRoutes())['192.0.2.53/32']?.[0], {
        timeoutMs: 20_000,
        describe: 'FRR learns 192.0.2.53/32 by RIP',
      });
      record('RIP BIRD /32 in FRR RIB (from FRR start)', since());
      expect(r).toMatchObject({ protocol: 'rip', metric: 2, selected: true });
      expect(r.nexthops[0]?.ip).toBe('10.0.12.2');
      await lab.waitFor(() => a.hasRoute('192.0.2.53/32', { via: '10.0.12.2', protocol: 'rip' }), {
        timeoutMs: 10_000,
        describe: 'FRR FIB 192.0.2.53/32',
      });
      const status = await frr.ripStatus();
      expect(status).toMatchObject({ updateSeconds: 5, timeoutSeconds: 15, garbageSeconds: 10 });
      expect(status.interfaces).toEqual(['frr-bird']);
      expect(status.peers.map((p) => p.gateway)).toEqual(['10.0.12.2']);

      const br = await lab.waitFor(() => bird.route('192.0.2.1/32', 'rip1'), {
        timeoutMs: 20_000,
        describe: 'BIRD learns 192.0.2.1/32 by RIP',
      });
      expect(br).toMatchObject({ primary: true, type: 'RIP univ', metric: 2 });
      expect(br.attributes['RIP.metric']).toBe('2');
      await lab.waitFor(() => b.hasRoute('192.0.2.1/32', { via: '10.0.12.1', protocol: 'bird' }), {
        timeoutMs: 10_000,
        describe: 'BIRD FIB 192.0.2.1/32',
      });
      record('RIP both /32 in both FIBs', since());
    });
  });
});

describe('teardown and failures', () => {
  test('a failing test body still tears everything down (namespaces, daemons, files)', async () => {
    let lab: Lab | undefined;
    let pids: number[] = [];
    const boom = new Error('test body failed on purpose');
    await expect(
      withLab('teardown-on-failure', async (l) => {
        lab = l;
        const { a, b } = await pair(l, 'frr', 'bird', 12);
        await a.frr({
          bgpd: frrBgpConfig({
            hostname: 'frr',
            asn: 65001,
            routerId: '10.0.12.1',
            neighbors: [{ address: '10.0.12.2', remoteAs: 65002, timers: FAST_BGP_TIMERS }],
          }),
        });
        await b.bird(birdConfig({ routerId: '10.0.12.2', protocols: [] }));
        pids = l.processes.map((p) => p.pid);
        // something else running inside a namespace, not started through the harness
        await a.exec(['sh', '-c', 'sleep 300 >/dev/null 2>&1 &']);
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(lab).toBeDefined();
    expect(pids.length).toBe(3); // zebra, bgpd, bird
    expect(lab!.leftovers()).toEqual({ namespaces: [], processes: [] });
    expect(await labLeftovers(lab!.id)).toEqual({ namespaces: [], processes: [] });
    for (const p of pids) expect(pidAlive(p)).toBe(false);
    expect(labFilesGone(lab!)).toBe(true);
    await lab!.close(); // idempotent
  });

  test('a daemon that dies makes lab.waitFor fail at once with its log tail', async () => {
    await inLab('crash', async (lab) => {
      const { a } = await pair(lab, 'frr', 'peer', 12);
      const frr = await a.frr({
        bgpd: frrBgpConfig({
          hostname: 'frr',
          asn: 65001,
          routerId: '10.0.12.1',
          neighbors: [{ address: '10.0.12.2', remoteAs: 65002, timers: FAST_BGP_TIMERS }],
        }),
      });
      // nobody answers on 10.0.12.2: a timeout shows the last state and the logs
      const t = mark();
      const err = await lab
        .waitUntil(
          () => frr.bgpNeighborState('10.0.12.2'),
          (s) => s === 'Established',
          { timeoutMs: 1500, describe: 'a session that cannot come up' },
        )
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WaitTimeoutError);
      const msg = (err as Error).message;
      expect(msg).toMatch(/timed out after \d+ ms .* for a session that cannot come up/);
      expect(msg).toMatch(/last value: (Active|Connect|Idle|OpenSent)\n/);
      expect(msg).toContain('--- frr/bgpd.log');
      expect(t()).toBeLessThan(5);

      // an unexpected exit ends the wait at once
      const bgpd = frr.processes.get('bgpd')!;
      process.kill(bgpd.pid, 'SIGKILL');
      await bgpd.exited;
      const t2 = mark();
      const err2 = await lab
        .waitFor(() => false, { timeoutMs: 30_000, describe: 'anything' })
        .catch((e: unknown) => e);
      expect((err2 as Error).message).toMatch(
        /gave up waiting for anything: frr\/bgpd \(pid \d+, exited by SIGKILL\)/,
      );
      expect(t2()).toBeLessThan(2);
    });
  });

  test('Lab.create removes namespaces, processes and dirs of labs whose owner died, and nothing else', async () => {
    const { spawnSync, spawn } = await import('node:child_process');
    const { mkdirSync, writeFileSync, existsSync } = await import('node:fs');
    const { labRoot, makeLabId, namespaceName } = await import('../src/netns/index.js');
    // a pid that certainly belongs to no process any more
    const dead = spawnSync('true').pid!;
    expect(pidAlive(dead)).toBe(false);
    const deadId = makeLabId(dead, 7);
    const deadNs = namespaceName(deadId, 'x');
    // a live owner that is not us: a sleeping child process
    const owner = spawn('sleep', ['60'], { stdio: 'ignore' });
    const liveId = makeLabId(owner.pid!, 7);
    const liveNs = namespaceName(liveId, 'y');
    let orphan: number | undefined;
    try {
      for (const [id, ns, pid] of [
        [deadId, deadNs, dead],
        [liveId, liveNs, owner.pid!],
      ] as const) {
        mkdirSync(join(labRoot(), id), { recursive: true });
        writeFileSync(
          join(labRoot(), id, 'lab.json'),
          JSON.stringify({ id, label: 'fake', pid, created: '', namespaces: [ns] }),
        );
        spawnSync('ip', ['netns', 'add', ns]);
      }
      // a process left running in the dead lab's namespace
      const left = spawn('ip', ['netns', 'exec', deadNs, 'sleep', '300'], { stdio: 'ignore' });
      orphan = left.pid!;
      await new Promise((r) => setTimeout(r, 100));
      expect(pidAlive(orphan)).toBe(true);

      const lab = await Lab.create('stale-cleanup');
      await lab.close();
      expect(await labLeftovers(deadId)).toEqual({ namespaces: [], processes: [] });
      expect(pidAlive(orphan)).toBe(false);
      expect(existsSync(join(labRoot(), deadId))).toBe(false);
      // the live owner's lab is untouched
      expect((await labLeftovers(liveId)).namespaces).toEqual([liveNs]);
      expect(existsSync(join(labRoot(), liveId, 'lab.json'))).toBe(true);
    } finally {
      owner.kill('SIGKILL');
      if (orphan) spawnSync('kill', ['-9', String(orphan)]);
      spawnSync('ip', ['netns', 'del', liveNs]);
      spawnSync('ip', ['netns', 'del', deadNs]);
      const { rmSync } = await import('node:fs');
      rmSync(join(labRoot(), liveId), { recursive: true, force: true });
      rmSync(join(labRoot(), deadId), { recursive: true, force: true });
    }
  });
});
