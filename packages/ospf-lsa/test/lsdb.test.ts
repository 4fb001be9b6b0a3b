import { describe, expect, it } from 'vitest';
import { buildLsa, floodingScope, type Lsa, Lsdb, withAge } from '../src/index.js';

function router(id: number, seq: number, age = 0): Lsa {
  return buildLsa({
    header: { age, options: 2, type: 1, lsId: id, advRouter: id, seq },
    body: { kind: 'router', flags: 0, reserved: 0, links: [] },
  });
}

function external(id: number, adv: number, seq: number): Lsa {
  return buildLsa({
    header: { age: 0, options: 2, type: 5, lsId: id, advRouter: adv, seq },
    body: {
      kind: 'external',
      mask: 0xffffffff,
      eBit: true,
      tos0: 0,
      metric: 20,
      forwardingAddress: 0,
      routeTag: 0,
      tos: [],
    },
  });
}

describe('Lsdb', () => {
  it('keys LSAs by type, id and advertising router inside their flooding scope', () => {
    expect([1, 2, 3, 4, 7, 10].map(floodingScope)).toEqual(Array(6).fill('area'));
    expect([5, 11].map(floodingScope)).toEqual(['as', 'as']);
    expect(floodingScope(9)).toBe('link');
    const db = new Lsdb();
    expect(db.install(router(1, 1), { area: 0 }, 0).action).toBe('installed');
    expect(db.install(router(1, 1), { area: 1 }, 0).action).toBe('installed');
    expect(db.install(external(9, 1, 1), { area: 0 }, 0).action).toBe('installed');
    // AS scope: the same external received in another area is the same LSA.
    expect(db.install(external(9, 1, 1), { area: 1 }, 0).action).toBe('duplicate');
    expect(db.size).toBe(3);
    expect(db.areaLsas(0, 0)).toHaveLength(1);
    expect(db.asLsas(0)).toHaveLength(1);
  });

  it('installs newer instances, reports same and older ones, honours MinLSArrival', () => {
    const db = new Lsdb();
    db.install(router(1, 5), { area: 0 }, 0);
    expect(db.install(router(1, 5), { area: 0 }, 10_000).action).toBe('duplicate');
    expect(db.install(router(1, 4), { area: 0 }, 10_000).action).toBe('older');
    expect(db.install(router(1, 6), { area: 0 }, 10_500).action).toBe('installed');
    expect(db.install(router(1, 7), { area: 0 }, 11_000).action).toBe('too-soon');
    expect(db.install(router(1, 7), { area: 0 }, 11_500).action).toBe('installed');
    expect(db.get({ type: 1, lsId: 1, advRouter: 1 }, { area: 0 })?.lsa.header.seq).toBe(7);
  });

  it('discards bad checksums, unknown types and MaxAge LSAs it does not hold', () => {
    const db = new Lsdb();
    const bad = router(1, 1);
    const raw = bad.raw.slice();
    raw[21] = (raw[21] ?? 0) ^ 0x01;
    expect(db.install({ ...bad, raw }, { area: 0 }, 0)).toEqual({
      action: 'discarded',
      reason: 'bad-checksum',
    });
    expect(db.install(router(1, 1, 3600), { area: 0 }, 0)).toEqual({
      action: 'discarded',
      reason: 'max-age',
    });
    const t6 = buildLsa({
      header: { age: 0, options: 0, type: 6, lsId: 1, advRouter: 1, seq: 1 },
      body: { kind: 'unknown', data: new Uint8Array(4) },
    });
    expect(db.install(t6, { area: 0 }, 0)).toEqual({ action: 'discarded', reason: 'unknown-type' });
    expect(db.size).toBe(0);
  });

  it('ages by the time passed in and expires at MaxAge (a MaxAge copy replaces the held one)', () => {
    const db = new Lsdb();
    db.install(router(1, 1, 3000), { area: 0 }, 0);
    db.install(router(2, 1, 0), { area: 0 }, 0);
    expect(
      db
        .areaLsas(0, 100_000)
        .map((l) => l.header.age)
        .sort((a, b) => a - b),
    ).toEqual([100, 3100]);
    expect(db.expire(599_000)).toHaveLength(0);
    const gone = db.expire(600_000);
    expect(gone.map((e) => e.lsa.header.lsId)).toEqual([1]);
    // Premature aging: a MaxAge instance of a held LSA is newer (§13.1) and is installed.
    expect(db.install(withAge(router(2, 1), 3600), { area: 0 }, 700_000).action).toBe('installed');
    expect(db.expire(700_000)).toHaveLength(1);
    expect(db.size).toBe(0);
  });

  it('keeps link-scope LSAs per link', () => {
    const db = new Lsdb();
    const grace = buildLsa({
      header: { age: 0, options: 0, type: 9, lsId: 3 << 24, advRouter: 1, seq: 1 },
      body: {
        kind: 'opaque',
        opaqueType: 3,
        opaqueId: 0,
        tlvs: [{ kind: 'grace-period', seconds: 60 }],
      },
    });
    db.install(grace, { area: 0, link: 'eth0' }, 0);
    db.install(grace, { area: 0, link: 'eth1' }, 0);
    expect(db.linkLsas(0, 'eth0', 0)).toHaveLength(1);
    expect(db.linkLsas(0, 'eth1', 0)).toHaveLength(1);
    expect(db.size).toBe(2);
  });
});
