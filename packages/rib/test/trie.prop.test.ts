import type { Address, Prefix } from '@routekit/prefix';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PrefixTrie, type PrefixTrieOptions } from '../src/index.js';
import { arbTrieAddress, arbTriePrefix, arbTriePrefix4, arbTriePrefix6 } from '../src/testing.js';
import { ScanTable } from './oracle.js';

type Model = ScanTable<number>;
type Real = PrefixTrie<number>;

class SetCommand implements fc.Command<Model, Real> {
  constructor(
    readonly prefix: Prefix,
    readonly value: number,
  ) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    m.set(this.prefix, this.value);
    r.set(this.prefix, this.value);
    expect(r.size).toBe(m.entries.size);
  }
  toString(): string {
    return `set(${JSON.stringify(this.prefix)}, ${this.value})`;
  }
}

class DeleteCommand implements fc.Command<Model, Real> {
  constructor(readonly prefix: Prefix) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    expect(r.delete(this.prefix)).toBe(m.delete(this.prefix));
    expect(r.size).toBe(m.entries.size);
  }
  toString(): string {
    return `delete(${JSON.stringify(this.prefix)})`;
  }
}

/** Deletes a prefix that is present (picked by index), so deletions are not all misses. */
class DeletePresentCommand implements fc.Command<Model, Real> {
  constructor(readonly index: number) {}
  check(m: Readonly<Model>): boolean {
    return m.entries.size > 0;
  }
  run(m: Model, r: Real): void {
    const all = [...m.entries.values()];
    const p = all[this.index % all.length]!.prefix;
    expect(r.delete(p)).toBe(true);
    m.delete(p);
    expect(r.size).toBe(m.entries.size);
  }
  toString(): string {
    return `deletePresent(${this.index})`;
  }
}

class LookupCommand implements fc.Command<Model, Real> {
  constructor(readonly address: Address) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const want = m.lookup(this.address);
    expect(r.lookup(this.address)).toBe(want?.value);
    const a = this.address;
    expect(a.family === 4 ? r.lookup4(a.value) : r.lookup6(...a.words)).toBe(want?.value);
    expect(r.match(this.address)).toEqual(want);
    expect(r.matches(this.address)).toEqual(m.matches(this.address));
  }
  toString(): string {
    return `lookup(${JSON.stringify(this.address)})`;
  }
}

/** An address inside a prefix that is or was present (random host bits). */
function inside(p: Prefix, r: number): Address {
  if (p.family === 4) {
    const m = p.length === 0 ? 0 : (0xffff_ffff << (32 - p.length)) >>> 0;
    return { family: 4, value: (p.address.value | (r & ~m)) >>> 0 };
  }
  const words = [...p.address.words] as [number, number, number, number];
  for (let i = 0; i < 4; i++) {
    const bits = p.length - 32 * i;
    const m = bits <= 0 ? 0 : bits >= 32 ? 0xffff_ffff : (0xffff_ffff << (32 - bits)) >>> 0;
    words[i] = (words[i]! | (((r * (i + 1)) >>> 0) & ~m)) >>> 0;
  }
  return { family: 6, words };
}

class LookupSeenCommand implements fc.Command<Model, Real> {
  constructor(
    readonly index: number,
    readonly random: number,
  ) {}
  check(m: Readonly<Model>): boolean {
    return m.seen.length > 0;
  }
  run(m: Model, r: Real): void {
    const p = m.seen[this.index % m.seen.length]!;
    new LookupCommand(inside(p, this.random)).run(m, r);
    new ReadCommand(p).run(m, r);
  }
  toString(): string {
    return `lookupSeen(${this.index}, ${this.random})`;
  }
}

class ReadCommand implements fc.Command<Model, Real> {
  constructor(readonly prefix: Prefix) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    expect(r.get(this.prefix)).toBe(m.get(this.prefix));
    expect(r.has(this.prefix)).toBe(m.get(this.prefix) !== undefined);
    expect(r.within(this.prefix)).toEqual(m.within(this.prefix));
  }
  toString(): string {
    return `read(${JSON.stringify(this.prefix)})`;
  }
}

class IterateCommand implements fc.Command<Model, Real> {
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    expect([...r]).toEqual(m.sorted());
  }
  toString(): string {
    return 'iterate';
  }
}

function commands(prefix: fc.Arbitrary<Prefix>, address: fc.Arbitrary<Address>) {
  return fc.commands(
    [
      fc.tuple(prefix, fc.nat()).map(([p, v]) => new SetCommand(p, v)),
      prefix.map((p) => new DeleteCommand(p)),
      fc.nat().map((i) => new DeletePresentCommand(i)),
      address.map((a) => new LookupCommand(a)),
      address.map((a) => new LookupCommand(a)),
      prefix.map((p) => new ReadCommand(p)),
      fc
        .tuple(fc.nat(), fc.integer({ min: 0, max: 0xffff_ffff }))
        .map(([i, x]) => new LookupSeenCommand(i, x)),
      fc
        .tuple(fc.nat(), fc.integer({ min: 0, max: 0xffff_ffff }))
        .map(([i, x]) => new LookupSeenCommand(i, x)),
      fc.constant(new IterateCommand()),
    ],
    { maxCommands: 100, size: 'max' },
  );
}

function check(
  options: PrefixTrieOptions,
  prefix: fc.Arbitrary<Prefix>,
  address: fc.Arbitrary<Address>,
  numRuns?: number,
  prefill = 0,
) {
  const initial = fc.array(prefix, { minLength: prefill, maxLength: prefill });
  fc.assert(
    fc.property(initial, commands(prefix, address), (start, cmds) => {
      fc.modelRun(() => {
        const model = new ScanTable<number>();
        const real = new PrefixTrie<number>(options);
        for (const [i, p] of start.entries()) {
          model.set(p, i);
          real.set(p, i);
        }
        return { model, real };
      }, cmds);
    }),
    numRuns === undefined ? {} : { numRuns },
  );
}

/** Addresses inside prefixes of the generated sets, as well as anywhere. */
const addressNearPrefix: fc.Arbitrary<Address> = fc.oneof(
  arbTrieAddress(),
  fc.tuple(arbTriePrefix(), fc.integer({ min: 0, max: 0xffff_ffff })).map(([p, r]): Address => {
    if (p.family === 4) {
      const m = p.length === 0 ? 0 : (0xffff_ffff << (32 - p.length)) >>> 0;
      return { family: 4, value: (p.address.value | (r & ~m)) >>> 0 };
    }
    const w = p.address.words;
    const bit = p.length;
    const words = [...w] as [number, number, number, number];
    const i = Math.min(3, bit >>> 5);
    const rest = bit - 32 * i;
    if (bit < 128) {
      const m = rest === 0 ? 0 : (0xffff_ffff << (32 - rest)) >>> 0;
      words[i] = (words[i]! | (r & ~m)) >>> 0;
      for (let k = i + 1; k < 4; k++) words[k] = r;
    }
    return { family: 6, words };
  }),
);

describe('PrefixTrie equals a linear-scan oracle under any interleaving', () => {
  test('both families, walking the trie', () => {
    check({ compile: 'never' }, arbTriePrefix(), addressNearPrefix);
  });
  test('IPv4 through the compiled DIR-24-8 table', () => {
    check(
      { compile: 'always', family: 4 },
      arbTriePrefix4(),
      addressNearPrefix.filter((a) => a.family === 4),
      25,
    );
  });
  test('IPv4 with a few hundred prefixes (the /16 jump table in use), walking and compiled', () => {
    check(
      { compile: 'never', family: 4 },
      arbTriePrefix4(),
      addressNearPrefix.filter((a) => a.family === 4),
      15,
      300,
    );
    check(
      { compile: 'always', family: 4 },
      arbTriePrefix4(),
      addressNearPrefix.filter((a) => a.family === 4),
      6,
      300,
    );
  }, 30_000);
  test('IPv6 through the compiled jump table', () => {
    check(
      { compile: 'always', family: 6 },
      arbTriePrefix6(),
      addressNearPrefix.filter((a) => a.family === 6),
      60,
    );
  });
});
