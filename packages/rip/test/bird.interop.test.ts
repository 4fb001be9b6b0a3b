import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatAddress } from '@routekit/prefix';
import { decodeRipPacket, verifyRipPacket } from '@routekit/rip-codec';
import { diffFields, formatMismatches, type OurFrame, runTshark } from '@routekit/testkit';
import {
  type Bird,
  birdConfig,
  birdPrefixFilter,
  FAST_RIP_TIMERS,
  type Lab,
  type LabNode,
  withLab,
} from '@routekit/testkit/netns';
import { beforeAll, describe, expect, test } from 'vitest';
import { ripPayloads } from './interop/capture.js';
import type { DriverClient } from './interop/client.js';
import { buildRip, linkLocal, msTimers, startRoutekit } from './interop/lab.js';

beforeAll(() => buildRip(), 120_000);

const T = FAST_RIP_TIMERS;
const TIMES = `update time ${T.update}; timeout time ${T.timeout}; garbage time ${T.garbage};`;

/** BIRD's route, or undefined (birdc exits 1 for "network not found"). */
async function birdRoute(bird: Bird, prefix: string, protocol: string): Promise<unknown> {
  try {
    return await bird.route(prefix, protocol);
  } catch {
    return undefined;
  }
}

/** routekit (rk) —— BIRD (bird); BIRD announces its lo /32 (and /128). */
async function rkBird(
  lab: Lab,
  options: { auth?: string; rkSecret?: string; ng?: boolean } = {},
): Promise<{ bird: Bird; client: DriverClient; rk: LabNode; bn: LabNode }> {
  const rk = await lab.node('rk');
  const bn = await lab.node('bird');
  await lab.link(rk, bn, {
    v4: ['10.0.13.2/24', '10.0.13.1/24'],
    v6: ['fd00:13::2/64', 'fd00:13::1/64'],
  });
  await bn.addAddress('192.0.2.1/32');
  await bn.addAddress('2001:db8::1/128');
  const auth = options.auth ?? '';
  const protocols = options.ng
    ? [
        'protocol rip ng ripng1 {',
        `  ipv6 { import all; export ${birdPrefixFilter(['2001:db8::1/128'])}; };`,
        `  interface "bird-rk" { ${TIMES} };`,
        '}',
      ]
    : [
        'protocol rip rip1 {',
        `  ipv4 { import all; export ${birdPrefixFilter(['192.0.2.1/32'])}; };`,
        `  interface "bird-rk" { version 2; ${TIMES} ${auth} };`,
        '}',
      ];
  const bird = await bn.bird(
    birdConfig({
      routerId: '10.0.13.1',
      logFile: `${bn.dir}/bird.log`,
      protocols: [protocols.join('\n')],
    }),
  );
  const address = options.ng ? await linkLocal(rk, 'rk-bird') : '10.0.13.2/24';
  const { client } = await startRoutekit(rk, {
    family: options.ng ? 6 : 4,
    interfaces: [
      {
        name: 'rk-bird',
        address,
        ...(options.rkSecret === undefined
          ? {}
          : { auth: { keys: [{ id: 1, algorithm: 'hmac-sha256', secret: options.rkSecret }] } }),
      },
    ],
    timers: msTimers(T),
    announce: [{ prefix: options.ng ? '2001:db8::53/128' : '192.0.2.53/32', metric: 1 }],
  });
  return { bird, client, rk, bn };
}

const HMAC = 'authentication cryptographic; password "s3cret" { id 1; algorithm hmac sha256; };';

describe('routekit RIP ⇄ BIRD', () => {
  test('RIPv2 multicast both ways; withdraw() reaches BIRD at once', async () => {
    await withLab('rip-rk-bird', async (lab) => {
      const { bird, client, bn } = await rkBird(lab);
      const r = await lab.waitFor(() => bird.route('192.0.2.53/32', 'rip1'), { timeoutMs: 20_000 });
      expect(r).toBeTruthy();
      await lab.waitFor(() => bn.hasRoute('192.0.2.53/32', { via: '10.0.13.2' }), {
        timeoutMs: 10_000,
      });
      const ours = await lab.waitFor(() => client.route('192.0.2.1/32'), { timeoutMs: 20_000 });
      expect(ours).toMatchObject({ state: 'learned', metric: 2, nextHop: '10.0.13.1' });
      const { at } = await client.withdraw('192.0.2.53/32');
      await lab.waitFor(async () => !(await bn.hasRoute('192.0.2.53/32')), {
        timeoutMs: 5_000,
        intervalMs: 20,
      });
      const took = Date.now() - at;
      console.log(`[rip-interop] BIRD dropped the withdrawn /32 after ${took} ms`);
      expect(took).toBeLessThan(1_000);
    });
  });

  test('HMAC-SHA-256 (RFC 4822): routes flow; a wrong key is refused and counted', async () => {
    await withLab('rip-hmac', async (lab) => {
      const { bird, client, rk } = await rkBird(lab, { auth: HMAC, rkSecret: 's3cret' });
      const capture = await rk.capture('rk-bird', join(lab.dir, 'hmac.pcap'), [
        'udp',
        'port',
        '520',
      ]);
      await lab.waitFor(() => bird.route('192.0.2.53/32', 'rip1'), { timeoutMs: 20_000 });
      await lab.waitFor(() => client.route('192.0.2.1/32'), { timeoutMs: 20_000 });
      expect((await client.snapshot()).interfaces[0]?.counters.authFailures).toBe(0);
      // wait for a periodic update from each side (the first ones went before the capture)
      await lab.waitFor(
        () => new Set(ripPayloads(readFileSync(capture.file)).map((p) => p.source)).size === 2,
        { timeoutMs: (2 * T.update + 2) * 1000, describe: 'packets from both sides captured' },
      );
      await capture.stop();
      // both sides' packets: decode, verify, and agree with tshark field by field
      const key = { id: 1, algorithm: 'hmac-sha256' as const, secret: 's3cret' };
      const ours: OurFrame[] = [];
      const from = new Set<string>();
      for (const { frame, source, payload } of ripPayloads(readFileSync(capture.file))) {
        const r = decodeRipPacket(payload);
        if (!r.ok) throw new Error(`frame ${frame} from ${source} does not decode`);
        expect(verifyRipPacket(payload, r.value, [key]), `frame ${frame}`).toMatchObject({
          ok: true,
        });
        from.add(source);
        const auth = r.value.auth;
        if (auth?.kind !== 'crypto') throw new Error('not cryptographic');
        ours.push({
          frame,
          fields: {
            'rip.command': r.value.command,
            'rip.version': r.value.version,
            'rip.ip': r.value.entries
              .filter((e) => e.afi === 2)
              .map((e) => formatAddress(e.address)),
            'rip.metric': r.value.entries.map((e) => e.metric),
            'rip.digest_offset': auth.packetLength,
            'rip.key_id': auth.keyId,
            'rip.auth_data_len': auth.authDataLength,
            'rip.seq_num': auth.sequence,
          },
        });
      }
      expect([...from].sort()).toEqual(['10.0.13.1', '10.0.13.2']);
      const tshark = await runTshark(capture.file, { filter: 'rip' });
      const mismatches = diffFields(tshark, ours);
      expect(mismatches, formatMismatches(mismatches)).toEqual([]);
    });
    await withLab('rip-hmac-bad', async (lab) => {
      const { bird, client } = await rkBird(lab, { auth: HMAC, rkSecret: 'wrong' });
      const failures = await lab.waitFor(
        async () => (await client.snapshot()).interfaces[0]?.counters.authFailures ?? 0,
        { timeoutMs: 15_000 },
      );
      expect(failures).toBeGreaterThan(0);
      // BIRD logs and drops our packets: it never learns the /32
      await new Promise((r) => setTimeout(r, 2 * T.update * 1000));
      expect(await birdRoute(bird, '192.0.2.53/32', 'rip1')).toBeFalsy();
      expect(await client.route('192.0.2.1/32')).toBeUndefined();
    });
  });

  test('RIPng (RFC 2080) over link-local addresses, both ways', async () => {
    await withLab('ripng-rk-bird', async (lab) => {
      const { bird, client, bn } = await rkBird(lab, { ng: true });
      await lab.waitFor(() => bird.route('2001:db8::53/128', 'ripng1'), { timeoutMs: 20_000 });
      await lab.waitFor(() => bn.hasRoute('2001:db8::53/128'), { timeoutMs: 10_000 });
      const ours = await lab.waitFor(() => client.route('2001:db8::1/128'), { timeoutMs: 20_000 });
      expect(ours).toMatchObject({ state: 'learned', metric: 2, interface: 'rk-bird' });
      expect(ours.nextHop?.startsWith('fe80:')).toBe(true);
    });
  });
});
