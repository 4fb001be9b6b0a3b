import { describe, expect, it } from 'vitest';
import { decodeOspfForCli, spfFromPackets } from '../src/index.js';
import { ospfFrames } from './captures.js';

describe('CLI helpers', () => {
  it('decodeOspfForCli: JSON-friendly packets with dotted addresses and checks', () => {
    const frames = ospfFrames('ospf/packetlife/OSPF_LSA_types.cap');
    const r = decodeOspfForCli(frames[11]!.payload);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value as {
      header: { routerId: string; areaId: string; checksum: string };
      body: { kind: string; lsas: { header: { seq: string; lsId: string } }[] };
      issues: unknown[];
      lsaChecksums: string[];
    };
    expect(v.header).toMatchObject({ routerId: '4.4.4.4', areaId: '0.0.0.20', checksum: '0xd794' });
    expect(v.body.kind).toBe('lsu');
    expect(v.body.lsas[0]?.header).toMatchObject({ seq: '0x80000004', lsId: '5.5.5.5' });
    expect(v.issues).toEqual([]);
    expect(v.lsaChecksums).toEqual(Array(11).fill('ok'));
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  it('decodeOspfForCli: OSPFv3 and garbage are decode errors, not exceptions', () => {
    const v3 = ospfFrames('ospf/tcpdump/OSPFv3_broadcast_adjacency.pcap')[0]!;
    expect(decodeOspfForCli(v3.payload)).toMatchObject({
      ok: false,
      error: { code: 'bad-version' },
    });
    expect(decodeOspfForCli(new Uint8Array([2, 1, 0]))).toMatchObject({ ok: false });
  });

  it('spfFromPackets: SPF for 5.5.5.5 from the LSAs flooded in a capture', () => {
    // Area 20: 5.5.5.5 and the ABR 4.4.4.4 on 10.0.20.0/30 (cost 10); 4.4.4.4 sends
    // type-3 summaries, a type-4 for the ASBR and four type-5 (E2 100).
    const frames = ospfFrames('ospf/packetlife/OSPF_LSA_types.cap');
    const res = spfFromPackets(
      frames.map((f) => f.payload),
      '5.5.5.5',
    );
    expect(res.stats).toMatchObject({ packets: 30, decoded: 30, lsas: 17 });
    const r = new Map(res.routes.map((x) => [x.prefix, x]));
    const viaAbr = [{ address: '10.0.20.1', via: '10.0.20.2' }];
    expect(r.get('192.168.20.0/24')).toMatchObject({ cost: 10, pathType: 'intra', nextHops: [{}] });
    expect(r.get('10.0.20.0/30')).toMatchObject({
      cost: 10,
      pathType: 'intra',
      nextHops: [{ via: '10.0.20.2' }],
    });
    expect(r.get('10.0.0.0/30')).toMatchObject({ cost: 20, pathType: 'inter', nextHops: viaAbr });
    expect(r.get('192.168.10.0/24')).toMatchObject({
      cost: 40,
      pathType: 'inter',
      nextHops: viaAbr,
    });
    expect(r.get('172.16.1.0/24')).toMatchObject({
      cost: 30,
      type2Cost: 100,
      pathType: 'E2',
      nextHops: viaAbr,
    });
    expect(res.routes).toHaveLength(9);
  });

  it('spfFromPackets: NSSA type-7 LSAs give N2 routes', () => {
    const frames = ospfFrames('ospf/packetlife/OSPF_type7_LSA.cap');
    const res = spfFromPackets(
      frames.map((f) => f.payload),
      '3.3.3.3',
    );
    const n2 = res.routes.filter((x) => x.pathType === 'N2');
    expect(n2.map((x) => x.prefix)).toEqual([
      '172.16.0.0/30',
      '172.16.1.0/24',
      '172.16.2.0/24',
      '172.16.3.0/24',
    ]);
    for (const x of n2) expect(x).toMatchObject({ cost: 20, type2Cost: 100, area: '0.0.0.10' });
  });
});
