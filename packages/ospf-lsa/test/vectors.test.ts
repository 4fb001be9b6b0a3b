import { describe, expect, it } from 'vitest';
import {
  decodePacket,
  encodePacket,
  ipv4FromString as ip,
  lsaChecksumOk,
  validatePacket,
} from '../src/index.js';
import { ERRORS, HELLO, LSU } from './vectors/packets.js';

describe('vectors, both directions', () => {
  it('Hello', () => {
    const r = decodePacket(HELLO);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bytesRead).toBe(48);
    expect(r.value.header).toEqual({
      version: 2,
      type: 1,
      length: 48,
      routerId: ip('10.0.0.1'),
      areaId: 0,
      checksum: 0xce96,
      authType: 0,
    });
    expect(r.value.body).toEqual({
      kind: 'hello',
      networkMask: 0xffffff00,
      helloInterval: 10,
      options: 0x12,
      priority: 1,
      deadInterval: 40,
      designatedRouter: ip('10.0.0.1'),
      backupDesignatedRouter: 0,
      neighbors: [ip('10.0.0.2')],
    });
    expect(validatePacket(r.value)).toEqual([]);
    expect(
      encodePacket({
        header: { routerId: ip('10.0.0.1'), areaId: 0 },
        auth: { kind: 'null', data: new Uint8Array(8) },
        body: r.value.body,
      }),
    ).toEqual(HELLO);
  });

  it('Link State Update with a router-LSA', () => {
    const r = decodePacket(LSU);
    if (!r.ok || r.value.body.kind !== 'lsu') throw new Error('decode');
    const [lsa] = r.value.body.lsas;
    expect(lsa?.header).toEqual({
      age: 1,
      options: 2,
      type: 1,
      lsId: ip('10.0.0.1'),
      advRouter: ip('10.0.0.1'),
      seq: -0x7fffffff,
      checksum: 0xfd3d,
      length: 36,
    });
    expect(lsa?.body).toEqual({
      kind: 'router',
      flags: 0,
      reserved: 0,
      links: [{ linkId: ip('192.0.2.53'), linkData: 0xffffffff, type: 3, metric: 10, tos: [] }],
    });
    expect(lsa && lsaChecksumOk(lsa)).toBe(true);
    expect(lsa?.raw).toEqual(LSU.subarray(28));
    expect(validatePacket(r.value)).toEqual([]);
    expect(encodePacket(r.value)).toEqual(LSU);
  });

  it('error vectors', () => {
    for (const v of ERRORS) {
      const r = decodePacket(v.bytes);
      expect(r.ok ? 'ok' : { code: r.error.code, offset: r.error.offset }, v.name).toEqual({
        code: v.code,
        offset: v.offset,
      });
    }
  });

  it('a checksum error is semantic: decode succeeds, validatePacket reports it', () => {
    const bad = HELLO.slice();
    bad[13] = 0x97;
    const r = decodePacket(bad);
    expect(r.ok && validatePacket(r.value).map((i) => i.code)).toEqual(['bad-packet-checksum']);
  });
});

describe('onField dissection hook', () => {
  it('reports named fields at absolute offsets and changes nothing else', () => {
    const seen: [string, number, number][] = [];
    const r = decodePacket(LSU, {
      onField: (name, offset, length) => seen.push([name, offset, length]),
    });
    expect(r).toEqual(decodePacket(LSU));
    const at = (name: string): [number, number][] =>
      seen.filter(([n]) => n === name).map(([, o, l]) => [o, l]);
    expect(at('ospf.version')).toEqual([[0, 1]]);
    expect(at('ospf.router_id')).toEqual([[4, 4]]);
    expect(at('ls_upd.num_lsas')).toEqual([[24, 4]]);
    expect(at('lsa.seq')).toEqual([[40, 4]]);
    expect(at('lsa.checksum')).toEqual([[44, 2]]);
    expect(at('router.link.metric')).toEqual([[62, 2]]);
    expect(at('lsa.body')).toEqual([[48, 16]]);
  });
});
