import { describe, expect, test } from 'vitest';
import {
  BIRD_DEFAULT_PREFERENCES,
  BIRD_DISTANCES,
  DEFAULT_DISTANCES,
  distanceFromBirdPreference,
  distanceOf,
  NEVER_INSTALLED,
  selectBest,
} from '../src/index.js';
import { checkVector } from './support/check.js';
import { distanceVectors, ecmpVectors } from './vectors/distance.js';
import { bgp, other, rid } from './vectors/paths.js';

describe('selectBest: distance, then the protocol’s own comparison', () => {
  for (const v of distanceVectors) test(v.name, () => checkVector(selectBest, v));
});

describe('selectBest: ECMP', () => {
  for (const v of ecmpVectors) test(v.name, () => checkVector(selectBest, v));
});

describe('distance tables', () => {
  test('Cisco / FRR defaults', () => {
    expect(DEFAULT_DISTANCES).toEqual({
      connected: 0,
      static: 1,
      ebgp: 20,
      ospf: 110,
      isis: 115,
      rip: 120,
      ibgp: 200,
      bgpLocal: 200,
    });
    expect(NEVER_INSTALLED).toBe(255);
  });

  test('BIRD preference → distance keeps the order of preferences 0..254 and never gives 255', () => {
    for (let p = 0; p < 254; p++) {
      expect(distanceFromBirdPreference(p)).toBeGreaterThan(distanceFromBirdPreference(p + 1));
    }
    expect(distanceFromBirdPreference(0)).toBe(254);
    expect(distanceFromBirdPreference(254)).toBe(0);
    expect(distanceFromBirdPreference(65535)).toBe(0);
    for (const bad of [-1, 65536, 1.5, Number.NaN]) {
      expect(() => distanceFromBirdPreference(bad)).toThrow(RangeError);
    }
  });

  test('BIRD_DISTANCES orders protocols as BIRD’s default preferences do', () => {
    const { direct, static: st, ospf, rip, bgp: b } = BIRD_DEFAULT_PREFERENCES;
    expect([direct, st, ospf, rip, b]).toEqual([240, 200, 150, 120, 100]);
    expect(BIRD_DISTANCES).toEqual({
      connected: 14,
      static: 54,
      ospf: 104,
      isis: 104,
      rip: 134,
      ebgp: 154,
      ibgp: 154,
      bgpLocal: 154,
    });
  });

  test('distanceOf: own distance first, then the table by protocol and peer type', () => {
    const base = { asPathLength: 1, origin: 0, neighborAs: 1, routerId: rid('10.0.0.1') } as const;
    expect(distanceOf(bgp('e', { ...base, peerType: 'external' }))).toBe(20);
    expect(distanceOf(bgp('i', { ...base, peerType: 'internal' }))).toBe(200);
    expect(distanceOf(bgp('c', { ...base, peerType: 'confed-external' }))).toBe(200);
    expect(
      distanceOf(bgp('l', { ...base, peerType: 'external', locallyOriginated: true }), {
        ...DEFAULT_DISTANCES,
        bgpLocal: 7,
      }),
    ).toBe(7);
    expect(distanceOf(bgp('x', { ...base, peerType: 'external', distance: 9 }))).toBe(9);
    expect(distanceOf(other('s', 'static', { metric: 0 }), BIRD_DISTANCES)).toBe(54);
    expect(distanceOf(other('s', 'isis', { metric: 0 }))).toBe(115);
    expect(distanceOf({ protocol: 'eigrp', route: 'x', metric: 0 } as never)).toBe(NEVER_INSTALLED);
  });
});
