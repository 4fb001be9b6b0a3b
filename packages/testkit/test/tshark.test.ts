import { beforeAll, describe, expect, test } from 'vitest';
import {
  canonicalValue,
  captureFrames,
  diffFields,
  formatMismatches,
  getAll,
  ipv4Of,
  loadVector,
  type OurFrame,
  parseJsonKeepDuplicates,
  parseTsharkJson,
  requireTshark,
  runTshark,
  type TsharkFrame,
  tsharkArgs,
  tsharkAvailable,
  vectorPath,
} from '../src/index.js';

// These tests run the real tshark (installed by the project's CI script). A missing
// tshark fails them with the install command, never skips them.
beforeAll(() => {
  requireTshark();
});

describe('JSON with duplicate keys', () => {
  test('keeps every entry of a repeated key, in order', () => {
    const v = parseJsonKeepDuplicates('{"a":"1","b":{"c":2},"a":"3","d":[true,null,-1.5e2]}');
    expect(v).toEqual({
      kind: 'object',
      entries: [
        ['a', '1'],
        ['b', { kind: 'object', entries: [['c', 2]] }],
        ['a', '3'],
        ['d', [true, null, -150]],
      ],
    });
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
    expect(getAll(v, 'a')).toEqual(['1', '3']);
  });

  test('decodes escapes and rejects malformed text with an offset', () => {
    expect(parseJsonKeepDuplicates(' "x\\"\\u00e9\\/" ')).toBe('x"é/');
    expect(parseJsonKeepDuplicates('[]')).toEqual([]);
    expect(parseJsonKeepDuplicates('{}')).toEqual({ kind: 'object', entries: [] });
    expect(() => parseJsonKeepDuplicates('{"a" 1}')).toThrow(/expected ":" at offset 5/);
    expect(() => parseJsonKeepDuplicates('[1,]')).toThrow(SyntaxError);
    expect(() => parseJsonKeepDuplicates('"open')).toThrow(/unterminated/);
    expect(() => parseJsonKeepDuplicates('1 2')).toThrow(/trailing/);
  });
});

describe('runTshark and the flat field view', () => {
  let rip: TsharkFrame[];
  beforeAll(async () => {
    rip = await runTshark(vectorPath('rip/tcpdump/ripv1v2.pcap'));
  });

  test('tsharkAvailable, and name resolution is always off', () => {
    expect(tsharkAvailable()).toBe(true);
    expect(tsharkArgs('x.pcap', { filter: 'rip', prefs: { 'a.b': 'TRUE' }, raw: true })).toEqual([
      '-n',
      '-r',
      'x.pcap',
      '-T',
      'json',
      '-x',
      '-Y',
      'rip',
      '-o',
      'a.b:TRUE',
    ]);
  });

  test('one frame per packet with number, protocols and every field value', () => {
    expect(rip.map((f) => f.number)).toEqual([1, 2, 3, 4]);
    expect(rip[0]!.protocols).toEqual(['eth', 'ethertype', 'ip', 'udp', 'rip']);
    expect(rip.map((f) => f.first('rip.command'))).toEqual(['1', '2', '1', '2']);
    expect(rip.map((f) => f.first('rip.version'))).toEqual(['1', '1', '2', '2']);
    expect(rip[3]!.values('rip.netmask')).toEqual(['255.255.255.0']);
    expect(rip[0]!.has('rip.netmask')).toBe(false);
    expect(rip[0]!.values('rip.netmask')).toEqual([]);
  });

  test('duplicate keys in tshark JSON are all kept (ip.addr, udp.port)', () => {
    const f = rip[0]!;
    expect(f.values('ip.addr')).toEqual([f.first('ip.src'), f.first('ip.dst')]);
    expect(f.values('udp.port')).toEqual(['520', '520']);
  });

  test('fields under text labels and _tree subtrees carry their path', () => {
    const metric = rip[1]!.fields.find((x) => x.name === 'rip.metric')!;
    expect(metric).toMatchObject({ layer: 'rip', layerIndex: 0, value: '1' });
    expect(metric.path).toEqual([expect.stringContaining('10.70.178.0')]);
    const df = rip[0]!.fields.find((x) => x.name === 'ip.flags.df')!;
    expect(df.path).toEqual(['ip.flags']);
    expect(rip[0]!.layers.map((l) => l.name)).toEqual(['frame', 'eth', 'ip', 'udp', 'rip']);
  });

  test('several messages of one protocol in a frame are separate layer occurrences', async () => {
    // frame 13: a BGP OPEN and a KEEPALIVE in one TCP segment
    const [f] = await runTshark(vectorPath('bgp/packetlife/BGP_AS_set.cap'), {
      filter: 'frame.number == 13',
    });
    expect(f!.values('bgp.type')).toEqual(['1', '4']);
    expect(f!.layers.filter((l) => l.name === 'bgp').map((l) => l.index)).toEqual([0, 1]);
    expect(f!.layerFields('bgp', 1).map((x) => [x.name, x.value])).toEqual([
      ['bgp.marker', 'ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff'],
      ['bgp.length', '19'],
      ['bgp.type', '4'],
    ]);
    // the OPEN's optional parameters repeat one key; each is kept, with its capability
    expect(f!.values('bgp.open.opt.param').length).toBe(f!.values('bgp.cap.type').length);
    expect(f!.values('bgp.cap.type').length).toBeGreaterThan(1);
  });

  test('raw: true gives each field its offset and length in the frame', async () => {
    const frames = await runTshark(vectorPath('rip/tcpdump/ripv1v2.pcap'), { raw: true });
    const bytes = captureFrames(loadVector('rip/tcpdump/ripv1v2.pcap'));
    let checked = 0;
    for (const f of frames) {
      const data = bytes[f.number - 1]!.data;
      for (const field of f.fields.filter((x) => x.name === 'rip.metric')) {
        const raw = field.raw!;
        expect(raw.length).toBe(4);
        const hex = [...data.subarray(raw.offset, raw.offset + raw.length)]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('');
        expect(hex).toBe(raw.hex);
        expect(Number.parseInt(raw.hex, 16)).toBe(Number(field.value));
        checked++;
      }
    }
    expect(checked).toBe(4);
    expect(frames[0]!.layers.find((l) => l.name === 'rip')!.raw).toMatchObject({ offset: 42 });
  });

  test('a filter that matches nothing gives no frames; a missing file fails clearly', async () => {
    expect(await runTshark(vectorPath('rip/tcpdump/ripv1v2.pcap'), { filter: 'bgp' })).toEqual([]);
    await expect(runTshark('/nonexistent/x.pcap')).rejects.toThrow(/tshark .* failed/);
    await expect(runTshark('x.pcap', { binary: 'no-such-tshark' })).rejects.toThrow(
      /install-system\.sh/,
    );
    expect(parseTsharkJson('')).toEqual([]);
  });
});

/** A deliberately small RIPv2 decoder, standing in for "ours". */
function decodeRip(path: string): OurFrame[] {
  const out: OurFrame[] = [];
  for (const frame of captureFrames(loadVector(path))) {
    const ip = ipv4Of(frame);
    if (ip?.protocol !== 17) continue;
    const rip = ip.payload.subarray(8);
    const dv = new DataView(rip.buffer, rip.byteOffset, rip.byteLength);
    const fields: Record<string, (string | number)[]> = {
      'rip.command': [rip[0]!],
      'rip.version': [rip[1]!],
      'rip.family': [],
      'rip.route_tag': [],
      'rip.ip': [],
      'rip.netmask': [],
      'rip.next_hop': [],
      'rip.metric': [],
    };
    const dotted = (at: number) => [...rip.subarray(at, at + 4)].join('.');
    for (let at = 4; at + 20 <= rip.length; at += 20) {
      fields['rip.family']!.push(dv.getUint16(at));
      fields['rip.route_tag']!.push(dv.getUint16(at + 2));
      fields['rip.ip']!.push(dotted(at + 4));
      fields['rip.netmask']!.push(dotted(at + 8));
      fields['rip.next_hop']!.push(dotted(at + 12));
      fields['rip.metric']!.push(dv.getUint32(at + 16));
    }
    out.push({ frame: frame.number, fields });
  }
  return out;
}

describe('diffFields', () => {
  test('a correct decoder agrees with tshark on every field of every frame', async () => {
    const path = 'rip/packetlife/RIPv2.cap';
    const tshark = await runTshark(vectorPath(path));
    const ours = decodeRip(path);
    expect(ours.length).toBe(12);
    const mismatches = diffFields(tshark, ours);
    expect(mismatches, formatMismatches(mismatches)).toEqual([]);
  });

  test('a wrong value is reported with frame, field, tshark value and ours', async () => {
    const path = 'rip/packetlife/RIPv2.cap';
    const tshark = await runTshark(vectorPath(path));
    const ours = decodeRip(path).map((f) =>
      f.frame === 3 ? { frame: 3, fields: { ...f.fields, 'rip.metric': [1, 2, 1, 16] } } : f,
    );
    const mismatches = diffFields(tshark, ours);
    expect(mismatches).toEqual([
      { frame: 3, field: 'rip.metric', tshark: ['1', '2', '1', '2'], ours: ['1', '2', '1', '16'] },
    ]);
    expect(formatMismatches(mismatches)).toBe(
      '1 field mismatch(es):\nframe 3 rip.metric: tshark "1", "2", "1", "2" | ours "1", "2", "1", "16"',
    );
    // unordered comparison still sees a different multiset
    expect(diffFields(tshark, ours, { unordered: true }).length).toBe(1);
  });

  test('missing frames, missing fields, field selection, normalisers and value forms', async () => {
    const tshark = await runTshark(vectorPath('rip/tcpdump/ripv1v2.pcap'));
    // we decoded frame 1 only; frames 2..4 are reported unless frames: 'ours'
    const ours: OurFrame[] = [{ frame: 1, fields: { 'rip.command': 1, 'rip.version': 1n } }];
    expect(diffFields(tshark, ours).map((m) => [m.frame, m.field])).toEqual([
      [2, '<frame>'],
      [3, '<frame>'],
      [4, '<frame>'],
    ]);
    expect(diffFields(tshark, ours, { frames: 'ours' })).toEqual([]);
    expect(diffFields(tshark, [{ frame: 9, fields: {} }], { frames: 'ours' })).toEqual([
      { frame: 9, field: '<frame>', tshark: [], ours: ['present'] },
    ]);
    // an explicit field list checks fields we did not report
    expect(
      diffFields(tshark, ours, { frames: 'ours', fields: ['rip.command', 'rip.metric'] }),
    ).toEqual([{ frame: 1, field: 'rip.metric', tshark: ['16'], ours: [] }]);
    // a RegExp selects from both sides
    expect(
      diffFields(tshark, new Map([[1, { 'rip.command': 1 }]]), {
        frames: 'ours',
        fields: /^rip\.(command|version)$/,
      }),
    ).toEqual([{ frame: 1, field: 'rip.version', tshark: ['1'], ours: [] }]);
    // per-field normaliser
    const udp: OurFrame[] = [{ frame: 1, fields: { 'udp.checksum': 'E57A', 'eth.type': 0x0800 } }];
    expect(
      diffFields(tshark, udp, {
        frames: 'ours',
        normalize: { 'udp.checksum': (v) => v.toLowerCase().replace(/^0x/, '') },
      }),
    ).toEqual([]);
    // bytes and booleans print as tshark prints them
    const eth: OurFrame[] = [
      {
        frame: 1,
        fields: {
          'eth.dst': Uint8Array.of(255, 255, 255, 255, 255, 255),
          'ip.flags.df': true,
          'ip.flags.mf': false,
        },
      },
    ];
    expect(diffFields(tshark, eth, { frames: 'ours' })).toEqual([]);
  });

  test('canonicalValue: decimal = hex integers, colon bytes = hex, case-insensitive', () => {
    expect(canonicalValue('0x0800')).toBe('2048');
    expect(canonicalValue(' 007 ')).toBe('7');
    expect(canonicalValue('AA:bb:01')).toBe('hex:aabb01');
    expect(canonicalValue('10.0.0.1')).toBe('10.0.0.1');
    expect(canonicalValue('Response')).toBe('Response');
  });
});
