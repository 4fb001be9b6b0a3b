// bgp-codec against live sessions: FRR as a hub with BIRD 2, GoBGP and ExaBGP peers in
// network namespaces this file creates and removes. Every BGP message on the three wires
// is captured with tcpdump and must decode cleanly with the context the two OPENs
// negotiated, re-encode byte for byte, agree with tshark, and — on the FRR → ExaBGP
// session — give the same JSON as ExaBGP's own decoder printed for it.
// Run with `pnpm test:interop`.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, readCapture } from '@routekit/capture';
import { formatAddress, formatPrefix } from '@routekit/prefix';
import { runTshark } from '@routekit/testkit';
import {
  birdBgp,
  birdConfig,
  FAST_BGP_TIMERS,
  frrBgpConfig,
  gobgpConfig,
  type Lab,
  type LabNode,
  withLab,
} from '@routekit/testkit/netns';
import { toHex } from '@routekit/wire';
import { afterAll, describe, expect, test } from 'vitest';
import {
  type BgpContext,
  type BgpMessage,
  type Capability,
  DEFAULT_CONTEXT,
  decodeMessage,
  encodeMessage,
  type Nlri,
  negotiatedContext,
  openCapabilities,
  toExabgpUpdateJson,
  type UpdateMessage,
} from '../src/index.js';

const summary: string[] = [];
afterAll(() => console.log(`[bgp-codec live]\n  ${summary.join('\n  ')}`));

interface WireMessage {
  readonly frame: number;
  readonly source: string;
  readonly bytes: Uint8Array;
  readonly context: BgpContext;
  readonly message: BgpMessage;
}

/** Every BGP message of a capture file, decoded with its direction's negotiated context. */
function wireMessages(pcap: string): { messages: WireMessage[]; problems: string[] } {
  const analysis = analyze(readCapture(new Uint8Array(readFileSync(pcap))));
  const opens = new Map<string, Capability[]>();
  const messages: WireMessage[] = [];
  const problems: string[] = [];
  for (const m of analysis.messages) {
    if (m.protocol !== 'bgp') continue;
    const s = opens.get(`${m.source}`);
    const r = opens.get(`${m.destination}`);
    const context = s !== undefined && r !== undefined ? negotiatedContext(s, r) : DEFAULT_CONTEXT;
    const d = decodeMessage(m.bytes, context);
    if (!d.ok) {
      problems.push(`frame ${m.frame}: ${d.error.code} at ${d.error.offset} ${d.error.detail}`);
      continue;
    }
    if (d.value.kind === 'open') opens.set(`${m.source}`, openCapabilities(d.value));
    messages.push({
      frame: m.frame,
      source: `${m.source}`,
      bytes: m.bytes,
      context,
      message: d.value,
    });
  }
  return { messages, problems };
}

function prefixesOf(u: UpdateMessage): { announced: string[]; withdrawn: string[] } {
  const text = (routes: readonly Nlri[]) => routes.map((r) => formatPrefix(r.prefix));
  const announced = text(u.nlri);
  const withdrawn = text(u.withdrawn);
  for (const a of u.attributes) {
    if (a.kind === 'mp-reach' && a.nlri.kind === 'prefixes') announced.push(...text(a.nlri.routes));
    if (a.kind === 'mp-unreach' && a.withdrawn.kind === 'prefixes') {
      withdrawn.push(...text(a.withdrawn.routes));
    }
  }
  return { announced, withdrawn };
}

/** `cat >> file` as an ExaBGP API process: ExaBGP's JSON of each received UPDATE. */
function jsonSink(node: LabNode): { script: string; file: string } {
  const file = join(node.dir, 'exabgp-received.jsonl');
  const script = join(node.dir, 'exabgp-dump.sh');
  // no `exec`: the shell keeps the pipe to ExaBGP open (ExaBGP treats EOF on it as death)
  writeFileSync(script, `#!/bin/sh\ncat >> '${file}'\n`);
  chmodSync(script, 0o755);
  writeFileSync(file, '');
  return { script, file };
}

function exabgpUpdates(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { type?: string; neighbor?: { message?: { update?: unknown } } })
    .filter((j) => j.type === 'update' && j.neighbor?.message?.update !== undefined)
    .map((j) => j.neighbor?.message?.update);
}

const TIMEOUT = { timeoutMs: 30_000 };

async function hub(lab: Lab) {
  const frr = await lab.node('frr');
  const bird = await lab.node('bird');
  const gobgp = await lab.node('gobgp');
  const exa = await lab.node('exa');
  await lab.link(frr, bird, {
    v4: ['10.0.21.1/24', '10.0.21.2/24'],
    v6: ['fd00:21::1/64', 'fd00:21::2/64'],
  });
  await lab.link(frr, gobgp, { v4: ['10.0.22.1/24', '10.0.22.2/24'] });
  await lab.link(frr, exa, {
    v4: ['10.0.23.1/24', '10.0.23.2/24'],
    v6: ['fd00:23::1/64', 'fd00:23::2/64'],
  });
  await frr.addAddress('192.0.2.1/32');
  await frr.addAddress('2001:db8::1/128');
  await bird.addAddress('192.0.2.53/32');
  await bird.addAddress('2001:db8::53/128');
  return { frr, bird, gobgp, exa };
}

describe('live sessions', () => {
  test('FRR hub with BIRD, GoBGP and ExaBGP: every message decodes, re-encodes byte-exact, agrees with tshark and with ExaBGP JSON', async () => {
    await withLab('bgp-codec-live', async (lab) => {
      const n = await hub(lab);
      const captures = await Promise.all([
        n.frr.capture('frr-bird', join(n.frr.dir, 'bird.pcap'), ['tcp', 'port', '179']),
        n.frr.capture('frr-gobgp', join(n.frr.dir, 'gobgp.pcap'), ['tcp', 'port', '179']),
        n.frr.capture('frr-exa', join(n.frr.dir, 'exa.pcap'), ['tcp', 'port', '179']),
      ]);

      const frr = await n.frr.frr({
        bgpd: frrBgpConfig({
          hostname: 'frr',
          asn: 65001,
          routerId: '10.0.21.1',
          neighbors: [
            {
              address: '10.0.21.2',
              remoteAs: 65002,
              timers: FAST_BGP_TIMERS,
              families: ['ipv4', 'ipv6'],
            },
            { address: '10.0.22.2', remoteAs: 65003, timers: FAST_BGP_TIMERS },
            {
              address: '10.0.23.2',
              remoteAs: 65004,
              timers: FAST_BGP_TIMERS,
              families: ['ipv4', 'ipv6'],
            },
          ],
          networks: ['192.0.2.1/32', '2001:db8::1/128'],
          extra: [
            // ADD-PATH (RFC 7911) towards ExaBGP: every path, with path identifiers
            'address-family ipv4 unicast',
            ' neighbor 10.0.23.2 addpath-tx-all-paths',
            // an aggregate of GoBGP's two routes: AS_SET, AGGREGATOR
            ' aggregate-address 198.51.100.0/23 as-set',
            'exit-address-family',
          ],
        }),
      });
      const communities = (net: string) =>
        `filter { if net = ${net} then { bgp_community.add((65002,53)); bgp_large_community.add((65002,1,2)); accept; } reject; }`;
      const bird = await n.bird.bird(
        birdConfig({
          routerId: '10.0.21.2',
          logFile: join(n.bird.dir, 'bird.log'),
          protocols: [
            birdBgp({
              name: 'frr',
              localAddress: '10.0.21.2',
              localAs: 65002,
              neighbor: '10.0.21.1',
              neighborAs: 65001,
              timers: FAST_BGP_TIMERS,
              ipv4: { export: communities('192.0.2.53/32') },
              ipv6: { export: communities('2001:db8::53/128') },
            }),
          ],
        }),
      );
      const gobgp = await n.gobgp.gobgp(
        gobgpConfig({
          as: 65003,
          routerId: '10.0.22.2',
          localAddresses: ['10.0.22.2'],
          neighbors: [{ address: '10.0.22.1', peerAs: 65001, timers: FAST_BGP_TIMERS }],
        }),
      );
      const sink = jsonSink(n.exa);
      const exa = await n.exa.exabgp(
        [
          'process dump {',
          `  run ${sink.script};`,
          '  encoder json;',
          '}',
          'neighbor 10.0.23.1 {',
          '  router-id 10.0.23.2;',
          '  local-address 10.0.23.2;',
          '  local-as 65004;',
          '  peer-as 65001;',
          `  hold-time ${FAST_BGP_TIMERS.hold};`,
          '  family { ipv4 unicast; ipv6 unicast; }',
          '  capability { add-path receive; }',
          '  api { processes [ routekit-api ]; }',
          '  api { processes [ dump ]; receive { parsed; update; } }',
          '  static {',
          '    route 203.0.113.0/24 next-hop 10.0.23.2 origin incomplete as-path [ 65004 64512 ( 64513 64514 ) ] med 20 community [ 65004:1 no-export ] large-community [ 65004:7:8 ] extended-community [ target:65004:1 ] atomic-aggregate aggregator ( 64512:192.0.2.9 );',
          '    route 2001:db8:4::/48 next-hop fd00:23::2 community [ 65004:6 ];',
          '  }',
          '}',
        ].join('\n'),
      );

      const established = (s: string | undefined) => s === 'Established';
      await lab.waitUntil(() => frr.bgpNeighborState('10.0.21.2'), established, TIMEOUT);
      await lab.waitUntil(() => frr.bgpNeighborState('10.0.22.2'), established, TIMEOUT);
      await lab.waitUntil(() => frr.bgpNeighborState('10.0.23.2'), established, TIMEOUT);
      expect(await bird.bgpState('frr')).toBe('Established');

      await gobgp.addRoute('198.51.100.0/24', {
        nexthop: '10.0.22.2',
        communities: ['65003:100', '65003:200'],
        med: 5,
        asPath: [64600, 64601],
      });
      await gobgp.cli([
        'global',
        'rib',
        'add',
        '-a',
        'ipv4',
        '198.51.100.128/25',
        'nexthop',
        '10.0.22.2',
        'large-community',
        '65003:1:1,65003:2:2',
      ]);
      await exa.send(
        'announce route 203.0.113.128/25 next-hop 10.0.23.2 med 7 community [ 65004:2 ]',
      );

      // Everything reaches ExaBGP through FRR (its JSON sink shows the prefixes) ...
      const seen = (prefix: string) => () =>
        readFileSync(sink.file, 'utf8').includes(`"${prefix}"`);
      for (const p of [
        '192.0.2.53/32',
        '198.51.100.0/24',
        '198.51.100.128/25',
        '2001:db8::53/128',
      ]) {
        await lab.waitFor(seen(p), { ...TIMEOUT, describe: `ExaBGP receives ${p}` });
      }
      await lab.waitFor(
        async () => (await frr.bgpRib())['203.0.113.128/25'] !== undefined,
        TIMEOUT,
      );
      // ... and the withdrawals too
      const before = exabgpUpdates(sink.file).length;
      await gobgp.deleteRoute('198.51.100.0/24');
      await exa.send('withdraw route 203.0.113.128/25 next-hop 10.0.23.2');
      await lab.waitFor(
        () =>
          exabgpUpdates(sink.file).length > before &&
          readFileSync(sink.file, 'utf8').includes('"withdraw"'),
        { ...TIMEOUT, describe: 'ExaBGP sees a withdraw' },
      );
      await lab.waitFor(
        async () => (await frr.bgpRib())['203.0.113.128/25'] === undefined,
        TIMEOUT,
      );
      await new Promise((r) => setTimeout(r, 1500));
      for (const c of captures) await c.stop();

      const types: Record<string, number> = {};
      let exact = 0;
      let total = 0;
      const routes = new Set<string>();
      let withdrawals = 0;
      for (const c of captures) {
        const { messages, problems } = wireMessages(c.file);
        expect(problems, c.file).toEqual([]);
        expect(messages.filter((m) => m.message.kind === 'open')).toHaveLength(2);
        for (const m of messages) {
          total++;
          types[m.message.kind] = (types[m.message.kind] ?? 0) + 1;
          if (m.message.kind === 'update') {
            expect(m.message.issues, `frame ${m.frame}`).toEqual([]);
            const p = prefixesOf(m.message);
            for (const x of p.announced) routes.add(x);
            withdrawals += p.withdrawn.length;
          }
          if (toHex(encodeMessage(m.message, m.context)) === toHex(m.bytes)) exact++;
        }
        // tshark reads the same frames: message types and every announced IPv4 prefix agree
        const frames = await runTshark(c.file, { filter: 'bgp' });
        const tsharkTypes = frames.flatMap((f) => [...f.values('bgp.type')]).map(Number);
        const ours = messages.map(
          (m) =>
            ({ open: 1, update: 2, notification: 3, keepalive: 4, 'route-refresh': 5 })[
              m.message.kind
            ],
        );
        expect(tsharkTypes.sort()).toEqual([...ours].sort());
        const tsharkNlri = frames.flatMap((f) => [...f.values('bgp.nlri_prefix')]).sort();
        const ourNlri = messages
          .flatMap((m) => (m.message.kind === 'update' ? m.message.nlri : []))
          .map((r) => formatAddress(r.prefix.address))
          .sort();
        expect(tsharkNlri, c.file).toEqual(ourNlri);
      }
      expect(exact).toBe(total);
      for (const p of [
        '192.0.2.53/32',
        '2001:db8::53/128',
        '198.51.100.0/24',
        '198.51.100.128/25',
        '203.0.113.0/24',
        '203.0.113.128/25',
        '2001:db8:4::/48',
      ]) {
        expect(routes).toContain(p);
      }
      expect(withdrawals).toBeGreaterThan(0);

      // ExaBGP's own JSON of each UPDATE FRR sent it, against routekit's ExaBGP-JSON output
      const exaCapture = wireMessages(captures[2]!.file).messages.filter(
        (m) => m.message.kind === 'update' && m.source.startsWith('10.0.23.1'),
      );
      const isEor = (u: UpdateMessage) =>
        prefixesOf(u).announced.length + prefixesOf(u).withdrawn.length === 0;
      const ours = exaCapture
        .filter((m) => !isEor(m.message as UpdateMessage))
        // Debian's ExaBGP is 4.2: its JSON form of the AS path
        .map((m) => toExabgpUpdateJson(m.message as UpdateMessage, m.context, { version: 4 }));
      const theirs = exabgpUpdates(sink.file).filter(
        (u) => !(typeof u === 'object' && u !== null && 'eor' in u),
      );
      expect(ours).toEqual(theirs);
      const addPathOn = exaCapture.some((m) => m.context.addPath['1/1']?.receive === true);
      expect(addPathOn).toBe(true);

      summary.push(
        `${total} messages on 3 live sessions (${Object.entries(types)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}), ${exact} re-encoded byte-exact`,
        `${routes.size} distinct prefixes announced, ${withdrawals} withdrawals; tshark agrees on types and IPv4 NLRI`,
        `${theirs.length} UPDATEs FRR sent ExaBGP (ADD-PATH on): routekit's ExaBGP JSON equals ExaBGP's`,
      );
    });
  });
});
