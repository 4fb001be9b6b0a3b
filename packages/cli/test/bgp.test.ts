import { gunzipSync } from 'node:zlib';
import { type Capability, CONTEXT_GUESSES, negotiatedContext } from '@routekit/bgp-codec';
import { analyze, readCapture } from '@routekit/capture';
import { findVectors, loadVector, vectorPath } from '@routekit/testkit';
import { toHex } from '@routekit/wire';
import { afterEach, describe, expect, test } from 'vitest';
import { DECODE_PROTOCOLS, decodeBgpForCli, unregisterDecoder } from '../src/index.js';
import { lines, run } from './helpers.js';

afterEach(() => {
  for (const p of DECODE_PROTOCOLS) unregisterDecoder(p);
});

type Line = Record<string, unknown>;
const message = (x: Line): Record<string, unknown> => x['message'] as Record<string, unknown>;
const updates = (l: Line[]): Record<string, unknown>[] =>
  l.filter((x) => message(x)?.['kind'] === 'update').map(message);

/** The bytes of the BGP messages of a capture, as `routekit decode` cuts them. */
function bgpBytes(path: string): Uint8Array[] {
  const capture = readCapture(loadVector(path), { inflate: (b) => gunzipSync(b) });
  return analyze(capture)
    .messages.filter((m) => m.protocol === 'bgp' && m.framing === undefined)
    .map((m) => m.bytes);
}

describe('routekit decode: BGP captures end to end', () => {
  test('ADD-PATH: the context comes from the two OPENs, path ids are read', async () => {
    const r = await run('decode', vectorPath('bgp/packetlife/bgp-add-path.cap'));
    expect(r.code).toBe(0);
    const l = lines(r);
    expect(l).toHaveLength(12);
    expect(message(l[0]!)).toMatchObject({ kind: 'open', bgpId: '10.0.0.6', myAs: 64512 });
    const u = updates(l).filter((m) => (m['nlri'] as unknown[]).length > 0);
    expect(u.map((m) => m['nlri'])).toEqual([
      [
        { prefix: '5.5.5.5/32', pathId: 1 },
        { prefix: '192.168.1.5/32', pathId: 1 },
      ],
      [
        { prefix: '5.5.5.5/32', pathId: 0 },
        { prefix: '192.168.1.5/32', pathId: 0 },
      ],
    ]);
    expect(u[0]?.['attributes']).toEqual([
      { kind: 'origin', flags: 64, origin: 'igp' },
      { kind: 'as-path', flags: 64, segments: [{ type: 'sequence', asns: [64511] }] },
      { kind: 'next-hop', flags: 64, nextHop: '10.0.14.1' },
      { kind: 'med', flags: 128, value: 0 },
      { kind: 'local-pref', flags: 64, value: 100 },
      { kind: 'cluster-list', flags: 128, clusterIds: ['10.0.34.4'] },
      { kind: 'originator-id', flags: 128, value: '10.0.15.1' },
    ]);
    for (const m of u) expect(m['issues']).toEqual([]);
  });

  test('4-octet AS: AS numbers above 65535 from a session that negotiated them', async () => {
    const l = lines(
      await run('decode', vectorPath('bgp/packetlife/4-byte_AS_numbers_Full_Support.cap')),
    );
    const paths = updates(l).flatMap((m) =>
      (m['attributes'] as { kind: string; segments?: { asns: number[] }[] }[])
        .filter((a) => a.kind === 'as-path')
        .flatMap((a) => a.segments?.flatMap((s) => s.asns) ?? []),
    );
    expect(paths).toContain(655361);
    for (const m of updates(l)) expect(m['issues']).toEqual([]);
  });

  test('IPv6 MP_REACH: next hop global + link-local and prefixes as text', async () => {
    const l = lines(await run('decode', vectorPath('bgp/packetlife/BGP_MP_NLRI.cap')));
    const mp = updates(l)
      .flatMap((m) => m['attributes'] as { kind: string }[])
      .find((a) => a.kind === 'mp-reach');
    expect(mp).toEqual({
      kind: 'mp-reach',
      flags: 128,
      afi: 2,
      safi: 1,
      nextHop: ['2001:db8::2', 'fe80::c002:bff:fe7e:0'],
      reserved: 0,
      nlri: {
        kind: 'prefixes',
        routes: ['2001:db8:2:2::/64', '2001:db8:2:1::/64', '2001:db8:2::/64'],
      },
    });
  });

  test('communities formatted, shutdown communication as text', async () => {
    const large = updates(
      lines(await run('decode', vectorPath('bgp/tcpdump/bgp-large-community.pcap'))),
    );
    expect(large[0]?.['attributes']).toContainEqual({
      kind: 'large-communities',
      flags: 192,
      communities: ['65535:1:1', '4294967295:4294967295:4294967295'],
    });
    const n = lines(
      await run('decode', vectorPath('bgp/tcpdump/bgp-shutdown-communication.pcapng')),
    );
    expect(message(n[0]!)).toMatchObject({
      kind: 'notification',
      code: 6,
      subcode: 2,
      shutdownCommunication: 'This is a test of the shutdown communication system.',
    });
  });

  test('a stream gap is a typed error object, the other messages still decode', async () => {
    const r = await run('decode', vectorPath('bgp/pcpp/BgpPackets.pcap'));
    expect(r.code).toBe(0);
    const l = lines(r);
    expect(l.filter((x) => x['error'] !== undefined)).toEqual([
      {
        frame: 4,
        flow: 'tcp:1',
        src: '30.3.30.3:20576',
        dst: '30.3.30.30:179',
        protocol: 'bgp',
        error: {
          code: 'stream-gap',
          offset: 196,
          length: 190,
          detail: '190 bytes missing from the capture',
        },
      },
    ]);
    expect(l.filter((x) => x['message'] !== undefined)).toHaveLength(12);
  });

  test('every BGP capture: one line per message, a message or a typed error, never a crash', async () => {
    const files = findVectors(/^bgp\/.*\.(pcap|cap|pcapng)(\.gz)?$/);
    expect(files.length).toBeGreaterThan(30);
    let decoded = 0;
    for (const file of files) {
      const r = await run('decode', '--protocol', 'bgp', vectorPath(file));
      expect([0, 2], `${file}: ${r.err}`).toContain(r.code);
      for (const x of lines(r)) {
        expect(x['protocol']).toBe('bgp');
        const error = x['error'] as { code: string } | undefined;
        if (error !== undefined) expect(error.code, file).not.toBe('internal-error');
        else decoded++;
        expect(x['payload'], file).toBeUndefined();
      }
    }
    expect(decoded).toBeGreaterThan(500);
  });

  test('--format tree shows the decoded fields', async () => {
    const r = await run('decode', '-f', 'tree', vectorPath('bgp/packetlife/bgp-add-path.cap'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'BGP  frame 1  tcp:0  10.0.0.6:60917 → 10.0.0.4:179\n  message\n    kind: open\n',
    );
    expect(r.out).toContain('      [0]\n        prefix: 5.5.5.5/32\n        pathId: 1\n');
  });
});

describe('routekit decode: BGP hex input', () => {
  test('an UPDATE as hex: the same JSON as in its capture, context guessed', async () => {
    const file = 'bgp/packetlife/bgp-add-path.cap';
    const inCapture = updates(lines(await run('decode', vectorPath(file))));
    const bytes = bgpBytes(file).filter((b) => b[18] === 2 && b.length > 23);
    expect(bytes.length).toBe(2);
    for (const [i, b] of bytes.entries()) {
      const r = await run('decode', toHex(b));
      expect(r.code).toBe(0);
      expect(lines(r)).toEqual([
        {
          frame: null,
          flow: null,
          protocol: 'bgp',
          message: inCapture.filter((m) => (m['nlri'] as unknown[]).length > 0)[i],
        },
      ]);
    }
  });

  test('malformed hex BGP: an error object with code and offset, exit 0', async () => {
    // UPDATE whose withdrawn length (0xffff) overruns the message.
    const r = await run('decode', `${'ff'.repeat(16)}0017 02 ffff 0000`);
    expect(r.code).toBe(0);
    expect(lines(r)).toEqual([
      {
        frame: null,
        flow: null,
        protocol: 'bgp',
        error: expect.objectContaining({ code: 'malformed-attribute-list', offset: 19 }),
      },
    ]);
    const t = await run('decode', '-f', 'tree', `${'ff'.repeat(16)}0017 02 ffff 0000`);
    expect(t.out).toContain('  error\n    code: malformed-attribute-list\n    offset: 19\n');
  });

  test('decodeBgpForCli uses the given session context before any guess', () => {
    const [update] = bgpBytes('bgp/packetlife/bgp-add-path.cap').filter(
      (b) => b[18] === 2 && b.length > 23,
    );
    const plain = decodeBgpForCli(update!, { bgp: CONTEXT_GUESSES[0]! });
    // Read without ADD-PATH, the path ids are taken as prefixes: issues or an error.
    const wrong = plain.ok ? (plain.value as { issues: unknown[] }).issues.length > 0 : true;
    expect(wrong).toBe(true);
    const right = decodeBgpForCli(update!, { bgp: CONTEXT_GUESSES[2]! });
    expect(right.ok && (right.value as { nlri: unknown[] }).nlri[0]).toEqual({
      prefix: '5.5.5.5/32',
      pathId: 1,
    });
  });
});

describe('negotiatedContext (RFC 6793, RFC 7911 §4, RFC 8654)', () => {
  const addPath = (sendReceive: number): Capability => ({
    kind: 'add-path',
    families: [{ afi: 1, safi: 1, sendReceive }],
  });
  const four: Capability = { kind: 'four-octet-as', asn: 65_536 };
  const ext: Capability = { kind: 'extended-message' };

  test.each([
    [3, 3, true],
    [2, 1, true],
    [2, 3, true],
    [1, 3, false], // the sender only receives
    [3, 2, false], // the receiver only sends
  ])('sender %i, receiver %i → path ids %s', (s, r, on) => {
    const c = negotiatedContext([addPath(s)], [addPath(r)]);
    expect(c.addPath['1/1']?.receive === true).toBe(on);
  });

  test('4-octet AS and extended messages need both sides', () => {
    expect(negotiatedContext([four, ext], [four, ext])).toMatchObject({
      fourOctetAs: true,
      extendedMessage: true,
    });
    expect(negotiatedContext([four, ext], [])).toMatchObject({
      fourOctetAs: false,
      extendedMessage: false,
    });
  });
});
