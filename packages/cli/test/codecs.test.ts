import { analyze, readCapture } from '@routekit/capture';
import { findVectors, loadVector, requireTshark, runTshark, vectorPath } from '@routekit/testkit';
import { toHex } from '@routekit/wire';
import { afterEach, describe, expect, test } from 'vitest';
import {
  BUILTIN_DECODERS,
  DECODE_PROTOCOLS,
  decoderFor,
  registerDecoder,
  unregisterDecoder,
} from '../src/index.js';
import { lines, run } from './helpers.js';

afterEach(() => {
  for (const p of DECODE_PROTOCOLS) unregisterDecoder(p);
});

interface RipEntry {
  afi: number;
  address: string;
  metric: number;
  prefix?: string;
  mask?: string;
}
interface RipMessage {
  protocol: string;
  command: string;
  version: number;
  entries: RipEntry[];
  issues: unknown[];
}
interface LsaJson {
  header: { type: number; lsId: string; advRouter: string; seq: string; checksum: string };
  body: { kind: string };
}
interface OspfMessage {
  header: { version: number; type: number; routerId: string; areaId: string; length: number };
  body: { kind: string; lsas?: LsaJson[] };
  lsaChecksums?: string[];
  issues: unknown[];
}

/** The bytes of the routing message a frame completes (what `routekit decode` decodes). */
function messageBytes(path: string, frame: number): Uint8Array {
  const m = analyze(readCapture(loadVector(path))).messages.find((x) => x.frame === frame);
  if (m === undefined) throw new Error(`${path}: no routing message in frame ${frame}`);
  return m.bytes;
}

const RIP_COMMAND: Record<string, string> = { '1': 'request', '2': 'response' };

describe('built-in decoders', () => {
  test('bgp, rip, ripng and ospf are built in; a registration replaces one, unregister restores it', async () => {
    expect(Object.keys(BUILTIN_DECODERS).sort()).toEqual(['bgp', 'ospf', 'rip', 'ripng']);
    expect(decoderFor('bgp')).toBe(BUILTIN_DECODERS.bgp?.decode);
    const hex = toHex(messageBytes('rip/packetlife/RIPv2.cap', 1));
    expect(lines(await run('decode', hex))[0]?.['message']).toMatchObject({ command: 'response' });
    registerDecoder('rip', (b) => ({ ok: true, value: { mine: b.length } }));
    expect(lines(await run('decode', hex))[0]?.['message']).toEqual({ mine: 84 });
    unregisterDecoder('rip');
    expect(lines(await run('decode', hex))[0]?.['message']).toMatchObject({ command: 'response' });
  });

  test('OSPFv3 (version byte 3) has no codec yet: payload, and the tree says why', async () => {
    const v3 = vectorPath('ospf/tcpdump/OSPFv3_with_AH.pcap');
    const l = lines(await run('decode', v3));
    expect(l).toHaveLength(61);
    for (const x of l) expect((x['payload'] as { hex: string }).hex).toMatch(/^03/);
    const tree = await run('decode', '-f', 'tree', v3);
    expect(tree.out).toContain('payload: 36 bytes (no decoder for ospf version 3)');
  });
});

describe('RIP and RIPng captures decode to messages', () => {
  test('RIPv2.cap agrees with tshark frame by frame: command, version, entries', async () => {
    requireTshark();
    const path = 'rip/packetlife/RIPv2.cap';
    const theirs = await runTshark(vectorPath(path));
    const ours = lines(await run('decode', vectorPath(path)));
    expect(ours).toHaveLength(theirs.length);
    expect(ours.length).toBe(12);
    for (const line of ours) {
      const t = theirs.find((f) => f.number === line['frame']);
      if (t === undefined) throw new Error(`tshark has no frame ${String(line['frame'])}`);
      const m = line['message'] as RipMessage;
      expect(m.command).toBe(RIP_COMMAND[t.first('rip.command') ?? '']);
      expect(String(m.version)).toBe(t.first('rip.version'));
      expect(m.entries).toHaveLength(t.values('rip.ip').length);
      expect(m.entries.map((e) => e.address)).toEqual(t.values('rip.ip'));
      expect(m.entries.map((e) => String(e.metric))).toEqual(t.values('rip.metric'));
      expect(m.entries.map((e) => e.mask)).toEqual(t.values('rip.netmask'));
      expect(m.issues).toEqual([]);
    }
  });

  test('RIPv1 and RIPv2 requests and responses (tcpdump ripv1v2.pcap)', async () => {
    const l = lines(await run('decode', vectorPath('rip/tcpdump/ripv1v2.pcap')));
    const summary = l.map((x) => {
      const m = x['message'] as RipMessage;
      return [m.command, m.version, m.entries.map((e) => e.prefix ?? `afi ${e.afi}`).join(' ')];
    });
    // tshark: rip.command 1,2,1,2; rip.version 1,1,2,2; one entry each, 10.70.178.0 metric 1
    expect(summary).toEqual([
      ['request', 1, 'afi 0'],
      ['response', 1, '10.70.178.0/32'],
      ['request', 2, 'afi 0'],
      ['response', 2, '10.70.178.0/24'],
    ]);
  });

  test('RIPng responses: prefixes with metrics', async () => {
    const l = lines(await run('decode', vectorPath('rip/wirerust/ipv6-ripng.pcap')));
    expect(l).toHaveLength(20);
    const first = l[0]?.['message'] as {
      command: string;
      version: number;
      entries: { prefix: string; metric: number }[];
    };
    expect(first.command).toBe('response');
    expect(first.version).toBe(1);
    expect(first.entries[0]).toEqual({ prefix: '3ffe:501:404:100::/64', tag: 0, metric: 4 });
    for (const x of l) expect(x['message']).toMatchObject({ protocol: 'ripng' });
  });

  test('a malformed RIP packet in a capture is an error object, exit 0', async () => {
    const r = await run('decode', vectorPath('rip/tcpdump/rip_error_hexdump.pcap'));
    expect(r.code).toBe(0);
    expect(lines(r)).toEqual([
      expect.objectContaining({
        frame: 1,
        protocol: 'rip',
        error: {
          code: 'bad-length',
          offset: 24,
          length: 2,
          detail: '2 bytes of entries is not a multiple of 20',
        },
      }),
    ]);
  });
});

describe('OSPF captures decode to messages', () => {
  test('OSPF_LSA_types.cap agrees with tshark: packet type, router, area, LSAs of each LSU', async () => {
    requireTshark();
    const path = 'ospf/packetlife/OSPF_LSA_types.cap';
    const theirs = await runTshark(vectorPath(path));
    const ours = lines(await run('decode', vectorPath(path)));
    expect(ours).toHaveLength(30);
    let lsus = 0;
    for (const line of ours) {
      const t = theirs.find((f) => f.number === line['frame']);
      if (t === undefined) throw new Error(`tshark has no frame ${String(line['frame'])}`);
      const m = line['message'] as OspfMessage;
      expect(m.header.version).toBe(2);
      expect(String(m.header.type)).toBe(t.first('ospf.msg'));
      expect(m.header.routerId).toBe(t.first('ospf.srcrouter'));
      expect(m.header.areaId).toBe(t.first('ospf.area_id'));
      expect(String(m.header.length)).toBe(t.first('ospf.packet_length'));
      if (m.body.kind !== 'lsu') continue;
      lsus++;
      const lsas = m.body.lsas ?? [];
      expect(lsas.map((x) => String(x.header.type))).toEqual(t.values('ospf.lsa'));
      expect(lsas.map((x) => x.header.advRouter)).toEqual(t.values('ospf.advrouter'));
      expect(lsas.map((x) => x.header.lsId)).toEqual(t.values('ospf.lsa.id'));
      expect(lsas.map((x) => x.header.seq)).toEqual(t.values('ospf.lsa.seqnum'));
      expect(m.lsaChecksums).toEqual(lsas.map(() => 'ok'));
    }
    expect(lsus).toBe(7); // tshark: LSU×7
  });

  test('frame 12 carries LSA types 1, 1, 2, 3, 3, 3, 4, 5, 5, 5, 5', async () => {
    const l = lines(await run('decode', vectorPath('ospf/packetlife/OSPF_LSA_types.cap')));
    const m = l.find((x) => x['frame'] === 12)?.['message'] as OspfMessage;
    expect(m.header).toMatchObject({ type: 4, routerId: '4.4.4.4', areaId: '0.0.0.20' });
    expect(m.body.lsas?.map((x) => `${x.header.type}:${x.body.kind}`)).toEqual([
      '1:router',
      '1:router',
      '2:network',
      '3:summary',
      '3:summary',
      '3:summary',
      '4:summary',
      '5:external',
      '5:external',
      '5:external',
      '5:external',
    ]);
  });

  test.each(findVectors(/^ospf\/.*\.(cap|pcap|pcapng)$/))(
    '%s: every OSPFv2 packet is a message, every OSPFv3 one a payload',
    async (path) => {
      const r = await run('decode', '--protocol', 'ospf', vectorPath(path));
      expect(r.code).toBe(0);
      const l = lines(r);
      expect(l.length).toBeGreaterThan(0);
      for (const x of l) {
        const hex = (x['payload'] as { hex?: string } | undefined)?.hex;
        if (hex !== undefined) expect(hex.slice(0, 2), `frame ${String(x['frame'])}`).toBe('03');
        else
          expect(x['message'], `frame ${String(x['frame'])}`).toMatchObject({
            header: { version: 2 },
          });
      }
    },
  );
});

describe('hex input', () => {
  test('a RIP packet as hex decodes as it does in its capture, guessed or named', async () => {
    const path = 'rip/packetlife/RIPv2.cap';
    const fromCapture = lines(await run('decode', vectorPath(path)))[0]?.['message'];
    const hex = toHex(messageBytes(path, 1));
    const guessed = lines(await run('decode', hex));
    expect(guessed).toEqual([{ frame: null, flow: null, protocol: 'rip', message: fromCapture }]);
    expect(lines(await run('decode', '-p', 'rip', hex))[0]?.['message']).toEqual(fromCapture);
    expect(fromCapture).toMatchObject({ command: 'response', version: 2 });
    expect((fromCapture as RipMessage).entries).toHaveLength(4);
  });

  test('a RIPng packet as hex with --protocol ripng', async () => {
    const path = 'rip/wirerust/ipv6-ripng.pcap';
    const fromCapture = lines(await run('decode', vectorPath(path)))[0]?.['message'];
    const hex = toHex(messageBytes(path, 1));
    const r = await run('decode', '--protocol', 'ripng', hex);
    expect(lines(r)).toEqual([
      { frame: null, flow: null, protocol: 'ripng', message: fromCapture },
    ]);
  });

  test('an OSPF LSU as hex decodes as it does in its capture', async () => {
    const path = 'ospf/packetlife/OSPF_LSA_types.cap';
    const fromCapture = lines(await run('decode', vectorPath(path))).find(
      (x) => x['frame'] === 12,
    )?.['message'];
    const hex = toHex(messageBytes(path, 12));
    expect(lines(await run('decode', hex))).toEqual([
      { frame: null, flow: null, protocol: 'ospf', message: fromCapture },
    ]);
    const tree = await run('decode', '-f', 'tree', '-p', 'ospf', hex);
    expect(tree.out).toMatch(/^OSPF {2}hex input\n {2}message\n {4}header\n {6}version: 2\n/);
    expect(tree.out).toContain('        advRouter: 4.4.4.4');
  });

  test('malformed OSPF hex: an error object with code and offset, exit 0', async () => {
    const lsu = toHex(messageBytes('ospf/packetlife/OSPF_LSA_types.cap', 12));
    // 400-byte LSU cut to 100 bytes: the header's length field (offset 2) overruns
    const cut = await run('decode', '-p', 'ospf', lsu.slice(0, 200));
    expect(cut.code).toBe(0);
    expect(lines(cut)).toEqual([
      {
        frame: null,
        flow: null,
        protocol: 'ospf',
        error: {
          code: 'bad-packet-length',
          offset: 2,
          length: 2,
          detail: 'length 400, 100 bytes present',
        },
      },
    ]);
    // version byte 7
    const v7 = await run('decode', '-p', 'ospf', `07${lsu.slice(2)}`);
    expect(v7.code).toBe(0);
    expect(lines(v7)[0]?.['error']).toEqual({
      code: 'bad-version',
      offset: 0,
      length: 1,
      detail: 'version 7',
    });
    const tree = await run('decode', '-f', 'tree', '-p', 'ospf', lsu.slice(0, 200));
    expect(tree.out).toBe(
      'OSPF  hex input\n  error\n    code: bad-packet-length\n    offset: 2\n    length: 2\n    detail: length 400, 100 bytes present\n\n',
    );
  });

  test('malformed RIP hex: an error object with code and offset, exit 0', async () => {
    // one 20-byte entry and one stray byte after the 4-byte header
    const hex = `${toHex(messageBytes('rip/packetlife/RIPv2.cap', 1)).slice(0, 48)}01`;
    const r = await run('decode', hex);
    expect(r.code).toBe(0);
    expect(lines(r)).toEqual([
      {
        frame: null,
        flow: null,
        protocol: 'rip',
        error: {
          code: 'bad-length',
          offset: 24,
          length: 1,
          detail: '21 bytes of entries is not a multiple of 20',
        },
      },
    ]);
  });
});
