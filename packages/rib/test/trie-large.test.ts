import { describe, expect, test } from 'vitest';
import { Ipv4Trie } from '../src/index.js';

/** Mulberry32: a seeded generator, so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mask = (l: number): number => (l === 0 ? 0 : (0xffff_ffff << (32 - l)) >>> 0);

describe('a trie large enough for the wide (/18) jump table', () => {
  test('updates, finds and walks agree with a map of prefixes', () => {
    const random = rng(2024);
    const t = new Ipv4Trie({ compile: 'always' });
    const present = new Map<string, number>();
    const keys: number[] = [];
    const lens: number[] = [];
    // Crosses the threshold (2^19 prefixes) one insert at a time, short prefixes included.
    while (present.size < 560_000) {
      const l = random() < 0.01 ? (random() * 16) | 0 : 16 + ((random() * 17) | 0);
      const k = ((random() * 4294967296) >>> 0) & mask(l);
      const id = `${k >>> 0}/${l}`;
      if (present.has(id)) continue;
      present.set(id, t.insert(k >>> 0, l));
      keys.push(k >>> 0);
      lens.push(l);
    }
    expect(t.size).toBe(present.size);
    // The private field is read only to make sure this test covers the wide table.
    expect((t as unknown as { jBits: number }).jBits).toBe(18);
    const longest = (a: number): number => {
      for (let l = 32; l >= 0; l--) {
        const h = present.get(`${(a & mask(l)) >>> 0}/${l}`);
        if (h !== undefined) return h;
      }
      return -1;
    };
    const check = (a: number): void => {
      const want = longest(a);
      expect(t.walk(a)).toBe(want);
      expect(t.lookup(a)).toBe(want);
    };
    // Remove and re-insert a random subset, short prefixes (many jump entries) included.
    for (let round = 0; round < 2; round++) {
      const picked: number[] = [];
      for (let j = 0; j < 20_000; j++) picked.push((random() * keys.length) | 0);
      for (const i of picked) {
        const id = `${keys[i]}/${lens[i]}`;
        const h = present.get(id);
        expect(t.remove(keys[i]!, lens[i]!)).toBe(h ?? -1);
        present.delete(id);
        if (i % 2 === 0)
          check((keys[i]! | (((random() * 4294967296) >>> 0) & ~mask(lens[i]!))) >>> 0);
      }
      expect(t.size).toBe(present.size);
      for (const i of picked) {
        const id = `${keys[i]}/${lens[i]}`;
        if (!present.has(id)) present.set(id, t.insert(keys[i]!, lens[i]!));
        expect(t.find(keys[i]!, lens[i]!)).toBe(present.get(id));
      }
      expect(t.size).toBe(present.size);
    }
    for (let j = 0; j < 30_000; j++) check((random() * 4294967296) >>> 0);
    for (let j = 0; j < 30_000; j++) {
      const i = (random() * keys.length) | 0;
      expect(t.find(keys[i]!, lens[i]!)).toBe(present.get(`${keys[i]}/${lens[i]}`) ?? -1);
      check((keys[i]! | (((random() * 4294967296) >>> 0) & ~mask(lens[i]!))) >>> 0);
    }
  }, 120_000);
});
