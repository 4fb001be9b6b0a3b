import { addressOrThrow, formatPrefix, prefixOrThrow } from '@routekit/prefix';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type CompileMode, Ipv4Trie, Ipv6Trie, PrefixTrie, RibError } from '../src/index.js';
import { LOOKUP_VECTORS } from './vectors/trie.js';

const MODES: readonly CompileMode[] = ['never', 'always', 'auto'];

describe.each(MODES)('lookup vectors, compile: %s', (compile) => {
  test.each(LOOKUP_VECTORS)('$name', ({ prefixes, lookups }) => {
    const t = new PrefixTrie<string>({ compile });
    for (const p of prefixes) t.set(p, p);
    expect(t.size).toBe(prefixes.length);
    for (const [a, want] of lookups) {
      expect(t.lookup(a), a).toBe(want ?? undefined);
      expect(t.match(a)?.value ?? null).toBe(want);
    }
    // Delete in reverse and check every answer against what is left.
    for (const p of [...prefixes].reverse()) {
      expect(t.delete(p)).toBe(true);
      expect(t.delete(p)).toBe(false);
      for (const [a] of lookups) {
        const left = t.matches(a).at(-1)?.value;
        expect(t.lookup(a)).toBe(left);
      }
    }
    expect(t.size).toBe(0);
  });
});

describe('PrefixTrie API', () => {
  const t = new PrefixTrie<number>();
  const ps = [
    '10.0.0.0/8',
    '10.0.0.0/16',
    '10.1.0.0/16',
    '10.1.2.0/24',
    '192.0.2.0/24',
    '2001:db8::/32',
    '2001:db8::/48',
  ];
  for (const [i, p] of ps.entries()) t.set(p, i);

  test('iteration is in prefix order, IPv4 first', () => {
    expect([...t].map((e) => formatPrefix(e.prefix))).toEqual(ps);
  });
  test('matches gives the covering chain, shortest first', () => {
    expect(t.matches('10.1.2.3').map((e) => formatPrefix(e.prefix))).toEqual([
      '10.0.0.0/8',
      '10.1.0.0/16',
      '10.1.2.0/24',
    ]);
    expect(t.matches('11.0.0.0')).toEqual([]);
  });
  test('within walks a subtree, the prefix itself included', () => {
    expect(t.within('10.1.0.0/16').map((e) => e.value)).toEqual([2, 3]);
    expect(t.within('10.0.0.0/7').map((e) => e.value)).toEqual([0, 1, 2, 3]);
    expect(t.within('2001:db8::/33').map((e) => e.value)).toEqual([6]);
    expect(t.within('172.16.0.0/12')).toEqual([]);
  });
  test('get / has / set replaces the value', () => {
    expect(t.get('10.1.0.0/16')).toBe(2);
    expect(t.has('10.1.0.0/17')).toBe(false);
    t.set('10.1.0.0/16', 20);
    expect(t.get(prefixOrThrow('10.1.0.0/16'))).toBe(20);
    expect(t.size).toBe(ps.length);
  });
  test('numeric fast path', () => {
    expect(t.lookup4(0x0a01_0203)).toBe(3);
    expect(t.lookup6(0x2001_0db8, 0x0001_0000, 0, 1)).toBe(5);
    expect(t.lookup6(0x2001_0db8, 0, 0, 1)).toBe(6);
    expect(t.lookup({ family: 6, words: [0x2001_0db8, 0, 0, 1] })).toBe(6);
  });
  test('text forms the fast readers leave to the full parser', () => {
    expect(t.lookup('::ffff:10.1.2.3')).toBeUndefined();
    expect(t.lookup('2001:DB8::1')).toBe(6);
    expect(t.lookup('2001:0db8:0000:0000:0000:0000:0000:0001')).toBe(6);
    expect(t.lookup('010.1.2.3'.slice(1))).toBe(3);
  });
  test('clear', () => {
    const u = new PrefixTrie<number>();
    u.set('1.0.0.0/8', 1).set('::/0', 2);
    u.clear();
    expect(u.size).toBe(0);
    expect(u.lookup('1.1.1.1')).toBeUndefined();
  });
});

describe('errors', () => {
  const code = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(RibError);
      return (e as RibError).code;
    }
    return 'no error';
  };
  test.each([
    ['text that is not a prefix', () => new PrefixTrie().set('10.0.0.0/33', 1), 'invalid-prefix'],
    ['host bits set', () => new PrefixTrie().set('10.0.0.1/8', 1), 'invalid-prefix'],
    [
      'prefix object with host bits',
      () => new PrefixTrie().get({ family: 4, address: { family: 4, value: 1 }, length: 8 }),
      'invalid-prefix',
    ],
    [
      'IPv6 prefix to an IPv4 trie',
      () => new PrefixTrie({ family: 4 }).set('2001:db8::/32', 1),
      'wrong-family',
    ],
    [
      'IPv4 address to an IPv6 trie',
      () => new PrefixTrie({ family: 6 }).lookup('192.0.2.1'),
      'wrong-family',
    ],
    [
      'IPv6 text to an IPv4 trie',
      () => new PrefixTrie({ family: 4 }).lookup('2001:db8::1'),
      'wrong-family',
    ],
    ['address text', () => new PrefixTrie().lookup('10.0.0'), 'invalid-address'],
    ['numeric address out of range', () => new PrefixTrie().lookup4(2 ** 32), 'invalid-address'],
    ['numeric IPv6 word negative', () => new PrefixTrie().lookup6(0, -1, 0, 0), 'invalid-address'],
    ['Ipv4Trie insert with host bits', () => new Ipv4Trie().insert(1, 8), 'invalid-prefix'],
    ['Ipv4Trie length 33', () => new Ipv4Trie().insert(0, 33), 'invalid-prefix'],
    ['Ipv6Trie host bits', () => new Ipv6Trie().insert(0, 0, 0, 1, 64), 'invalid-prefix'],
    ['Ipv6Trie word not uint32', () => new Ipv6Trie().remove(0, 0.5, 0, 0, 64), 'invalid-prefix'],
    ['not an object', () => new PrefixTrie().has(null as never), 'invalid-prefix'],
    [
      'address object without family',
      () => new PrefixTrie().lookup({} as never),
      'invalid-address',
    ],
  ])('%s', (_name, f, want) => {
    expect(code(f)).toBe(want);
  });
  test('a rejected call changes nothing', () => {
    const t = new PrefixTrie<number>({ family: 4 });
    t.set('10.0.0.0/8', 1);
    expect(() => t.set('2001:db8::/32', 2)).toThrow(RibError);
    expect(t.size).toBe(1);
  });
});

describe('numeric cores', () => {
  test('handles are stable while the prefix is present', () => {
    const t = new Ipv4Trie({ compile: 'always' });
    const a = t.insert(0x0a00_0000, 8);
    const b = t.insert(0x0a01_0000, 16);
    t.insert(0x0a02_0000, 16);
    expect(t.insert(0x0a00_0000, 8)).toBe(a);
    t.remove(0x0a02_0000, 16);
    expect(t.find(0x0a00_0000, 8)).toBe(a);
    expect(t.find(0x0a01_0000, 16)).toBe(b);
    expect(t.lookup(0x0a01_0101)).toBe(b);
    expect(t.lookup(0x0a02_0101)).toBe(a);
    expect(t.parentOf(0x0a01_0000, 16)).toBe(a);
    expect(t.remove(0x0b00_0000, 8)).toBe(-1);
    expect(t.compiled).toBe(true);
    expect(t.byteLength().fib).toBeGreaterThan(1 << 26);
  });
  test('auto mode compiles once the trie is large and stays correct', () => {
    const t = new Ipv4Trie();
    const t6 = new Ipv6Trie();
    for (let i = 0; i < 5000; i++) {
      t.insert((i << 8) >>> 0, 24);
      t6.insert(0x2001_0000 + i, 0, 0, 0, 32);
    }
    expect(t.compiled).toBe(false);
    expect(t.lookup(0x0000_0501)).toBe(t.find(0x0000_0500, 24));
    expect(t6.lookup(0x2001_0005, 1, 2, 3)).toBe(t6.find(0x2001_0005, 0, 0, 0, 32));
    expect(t.compiled).toBe(true);
    expect(t6.compiled).toBe(true);
    t.clear();
    t6.clear();
    expect(t.lookup(0x0000_0501)).toBe(-1);
    expect(t6.lookup(0x2001_0005, 1, 2, 3)).toBe(-1);
  });
});

describe('jump-table fast paths on a few thousand prefixes', () => {
  /** xorshift32, so the test is the same every run. */
  function xorshift(seed: number): () => number {
    let x = seed >>> 0 || 1;
    return () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x >>> 0;
    };
  }
  const mask = (l: number): number => (l === 0 ? 0 : (0xffff_ffff << (32 - l)) >>> 0);

  test.each(['never', 'always'] as const)(
    'random inserts and deletes equal a scan (compile: %s)',
    (compile) => {
      const rnd = xorshift(7);
      const t = new Ipv4Trie({ compile });
      const present = new Map<string, [number, number]>();
      const anchors = [0x0a01_0000, 0x0a02_0000, 0xc0a8_0000, 0x6440_0000];
      const pick = (): [number, number] => {
        const a =
          anchors[rnd() % anchors.length]! ^
          (rnd() & 0x0000_ffff) ^
          (rnd() % 4 === 0 ? rnd() & 0x00ff_0000 : 0);
        const l = [8, 12, 15, 16, 17, 20, 22, 23, 24, 24, 24, 25, 28, 32][rnd() % 14]!;
        return [(a & mask(l)) >>> 0, l];
      };
      const scan = (a: number): number => {
        let best: [number, number] | undefined;
        for (const p of present.values()) {
          if (((a ^ p[0]) & mask(p[1])) === 0 && (best === undefined || p[1] > best[1])) best = p;
        }
        return best === undefined ? -1 : t.find(best[0], best[1]);
      };
      for (let step = 0; step < 6000; step++) {
        if (step < 3000 || rnd() % 3 === 0) {
          const [k, l] = pick();
          t.insert(k, l);
          present.set(`${k}/${l}`, [k, l]);
        } else {
          const all = [...present.values()];
          const [k, l] = all[rnd() % all.length]!;
          expect(t.remove(k, l)).toBeGreaterThanOrEqual(0);
          present.delete(`${k}/${l}`);
        }
        if (step % 97 === 0) {
          expect(t.size).toBe(present.size);
          for (let i = 0; i < 20; i++) {
            const [k, l] = pick();
            const a = (k | (rnd() & ~mask(l))) >>> 0;
            expect(t.lookup(a)).toBe(scan(a));
            expect(t.walk(a)).toBe(scan(a));
          }
        }
      }
      const listed: string[] = [];
      t.forEach((h) => {
        listed.push(`${t.keyOf(h)}/${t.lengthOf(h)}`);
      });
      expect(listed.sort()).toEqual([...present.keys()].sort());
      // Everything in one /16, then deleted again: splices at the /16's top node.
      const u = new Ipv4Trie();
      for (let i = 0; i < 300; i++) u.insert(((i + 1) << 20) >>> 0, 12);
      const a = u.insert(0x0a01_0100, 24);
      const b = u.insert(0x0a01_0200, 24);
      expect(u.remove(0x0a01_0100, 24)).toBe(a);
      expect(u.walk(0x0a01_0201)).toBe(b);
      expect(u.remove(0x0a01_0200, 24)).toBe(b);
      expect(u.walk(0x0a01_0201)).toBe(u.find(0x0a00_0000, 12));
      expect(u.size).toBe(300);
    },
  );

  test('insertAll equals inserting one by one', () => {
    const rnd = xorshift(11);
    const keys = new Uint32Array(5000);
    const lens = new Uint8Array(5000);
    for (let i = 0; i < keys.length; i++) {
      const l = 8 + (rnd() % 25);
      lens[i] = l;
      keys[i] = (rnd() & mask(l)) >>> 0;
    }
    const a = new Ipv4Trie();
    const hs = a.insertAll(keys, lens);
    const b = new Ipv4Trie();
    for (let i = 0; i < keys.length; i++) b.insert(keys[i]!, lens[i]!);
    expect(a.size).toBe(b.size);
    for (let i = 0; i < keys.length; i++) expect(a.keyOf(hs[i]!)).toBe(keys[i]);
    for (let i = 0; i < 2000; i++) {
      const x = rnd();
      const ha = a.lookup(x);
      const hb = b.lookup(x);
      expect(ha < 0 ? -1 : a.lengthOf(ha)).toBe(hb < 0 ? -1 : b.lengthOf(hb));
    }
    a.trim();
    expect(a.byteLength().trie).toBeLessThan(b.byteLength().trie + (1 << 20));
    expect(() => a.insertAll([1], [8])).toThrow(RibError);
    expect(() => a.insertAll([1, 2], [8])).toThrow(RibError);
  });
});

describe('text lookups on the numeric cores', () => {
  test('lookupText and lookupTexts agree with lookup, odd forms included', () => {
    const t = new Ipv4Trie({ compile: 'always' });
    const a = t.insert(0x0a00_0000, 8);
    const b = t.insert(0xffff_ff00, 24);
    const texts = ['10.1.2.3', '255.255.255.255', '11.0.0.1', '10.0.0.0', '0.0.0.0'];
    const out = new Int32Array(texts.length);
    t.lookupTexts(texts, out);
    expect([...out]).toEqual([a, b, -1, a, -1]);
    for (const [i, x] of texts.entries()) expect(t.lookupText(x)).toBe(out[i]);
    const many = Array.from({ length: 200 }, (_, i) => `10.${i}.0.1`);
    const res = new Int32Array(200);
    t.lookupTexts(many, res);
    expect(res.every((h) => h === a)).toBe(true);
    expect(() => t.lookupText('2001:db8::1')).toThrow(RibError);
    expect(() => t.lookupTexts(['10.0.0.1', 'nope'], new Int32Array(2))).toThrow(RibError);
    const u = new Ipv6Trie();
    const c = u.insert(0x2001_0db8, 0, 0, 0, 32);
    expect(u.lookupText('2001:db8::1')).toBe(c);
    expect(u.lookupText('::ffff:192.0.2.1')).toBe(-1);
    expect(() => u.lookupText('192.0.2.1')).toThrow(RibError);
    expect(new Ipv4Trie({ compile: 'never' }).lookupText('10.0.0.1')).toBe(-1);
  });

  test('the allocation-free text readers agree with @routekit/prefix on near-dotted-quad text', () => {
    const t = new Ipv4Trie({ compile: 'always' });
    for (let i = 0; i < 256; i++) t.insert((i << 24) >>> 0, 8);
    t.insert(0x0a01_0200, 24);
    t.insert(0x0a01_0203, 32);
    const pt = new PrefixTrie<number>();
    pt.set('0.0.0.0/1', 1).set('128.0.0.0/1', 2).set('10.1.2.0/24', 3).set('::/0', 6);
    const outcome = (f: () => unknown): unknown => {
      try {
        return f();
      } catch (e) {
        return e instanceof RibError ? e.code : e;
      }
    };
    const near = fc
      .array(fc.constantFrom(...'0123456789.:ax '.split('')), { maxLength: 17 })
      .map((cs) => cs.join(''));
    const quad = fc
      .tuple(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom('', '0', '00', '.', ' '),
      )
      .map(([a, b, c, d, z]) => `${z === '0' || z === '00' ? z : ''}${a}.${b}.${c}.${d}${z}`);
    fc.assert(
      fc.property(fc.oneof(near, quad), (text) => {
        let value: number | undefined;
        let family: number | undefined;
        try {
          const a = addressOrThrow(text);
          family = a.family;
          if (a.family === 4) value = a.value;
        } catch {}
        const got = outcome(() => t.lookupText(text));
        if (family === undefined) expect(got).toBe('invalid-address');
        else if (value === undefined) expect(got).toBe('wrong-family');
        else expect(got).toBe(t.lookup(value));
        const v = outcome(() => pt.lookup(text));
        if (family === undefined) expect(v).toBe('invalid-address');
        else if (value === undefined) expect(v).toBe(6);
        else expect(v).toBe(pt.lookup4(value));
      }),
      { numRuns: 3000 },
    );
  });
});
