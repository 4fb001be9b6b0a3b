/**
 * `PrefixTrie<T>`: a map from IPv4 and IPv6 prefixes to values with longest-prefix
 * match, built on the numeric cores `Ipv4Trie` / `Ipv6Trie`. Values live in plain
 * arrays indexed by the cores' handles.
 *
 * Text and `Address` lookups allocate nothing for plain dotted-quad and hex-group IPv6
 * texts; `lookup4` / `lookup6` are the numeric fast path.
 */
import type { Address, Prefix } from '@routekit/prefix';
import { checkFamily, toAddress, toPrefix } from './address.js';
import { checkUint32 } from './bits.js';
import { readIpv6, words6 } from './text.js';
import { Ipv4Trie, type TrieOptions } from './trie4.js';
import { Ipv6Trie } from './trie6.js';

/** One prefix and its value. */
export interface TrieEntry<T> {
  readonly prefix: Prefix;
  readonly value: T;
}

export interface PrefixTrieOptions extends TrieOptions {
  /** Accept only this family; the other one throws `wrong-family`. Both when absent. */
  readonly family?: 4 | 6;
}

export class PrefixTrie<T> {
  /** The IPv4 core (handles index `values4`). */
  readonly v4: Ipv4Trie;
  /** The IPv6 core. */
  readonly v6: Ipv6Trie;
  private values4: (T | undefined)[] = [];
  private values6: (T | undefined)[] = [];
  private readonly family: 4 | 6 | undefined;

  constructor(options: PrefixTrieOptions = {}) {
    this.v4 = new Ipv4Trie(options);
    this.v6 = new Ipv6Trie(options);
    this.family = options.family;
  }

  /** Number of prefixes of both families. */
  get size(): number {
    return this.v4.size + this.v6.size;
  }

  /** Sets the value of a prefix (text such as `10.0.0.0/8`, or a `Prefix`). */
  set(prefix: Prefix | string, value: T): this {
    const p = toPrefix(prefix);
    checkFamily(this.family, p.family, 'prefix');
    if (p.family === 4) {
      this.values4[this.v4.insert(p.address.value, p.length)] = value;
    } else {
      const w = p.address.words;
      this.values6[this.v6.insert(w[0], w[1], w[2], w[3], p.length)] = value;
    }
    return this;
  }

  private handle(p: Prefix): number {
    if (p.family === 4) return this.v4.find(p.address.value, p.length);
    const w = p.address.words;
    return this.v6.find(w[0], w[1], w[2], w[3], p.length);
  }

  /** The value stored for exactly this prefix. */
  get(prefix: Prefix | string): T | undefined {
    const p = toPrefix(prefix);
    checkFamily(this.family, p.family, 'prefix');
    const h = this.handle(p);
    if (h < 0) return undefined;
    return p.family === 4 ? this.values4[h] : this.values6[h];
  }

  /** True when exactly this prefix is present. */
  has(prefix: Prefix | string): boolean {
    const p = toPrefix(prefix);
    checkFamily(this.family, p.family, 'prefix');
    return this.handle(p) >= 0;
  }

  /** Removes a prefix; false when it was absent. */
  delete(prefix: Prefix | string): boolean {
    const p = toPrefix(prefix);
    checkFamily(this.family, p.family, 'prefix');
    if (p.family === 4) {
      const h = this.v4.remove(p.address.value, p.length);
      if (h < 0) return false;
      this.values4[h] = undefined;
      return true;
    }
    const w = p.address.words;
    const h = this.v6.remove(w[0], w[1], w[2], w[3], p.length);
    if (h < 0) return false;
    this.values6[h] = undefined;
    return true;
  }

  /** Value of the longest prefix containing `address` (uint32). No allocation. */
  lookup4(address: number): T | undefined {
    checkUint32(address, 'IPv4 address');
    const h = this.v4.lookup(address);
    return h < 0 ? undefined : this.values4[h];
  }

  /** Value of the longest prefix containing the IPv6 address `w0:w1:w2:w3` (uint32 words). No allocation. */
  lookup6(w0: number, w1: number, w2: number, w3: number): T | undefined {
    if (w0 >>> 0 !== w0 || w1 >>> 0 !== w1 || w2 >>> 0 !== w2 || w3 >>> 0 !== w3) {
      checkUint32(w0, 'IPv6 address word');
      checkUint32(w1, 'IPv6 address word');
      checkUint32(w2, 'IPv6 address word');
      checkUint32(w3, 'IPv6 address word');
    }
    const h = this.v6.lookup(w0, w1, w2, w3);
    return h < 0 ? undefined : this.values6[h];
  }

  /** Value of the longest prefix containing `address` (text or `Address`). */
  lookup(address: Address | string): T | undefined {
    if (typeof address === 'string') {
      // A dotted quad is tried first, without scanning the text for ':' (an IPv6 text
      // fails the dotted-quad reader within its first five characters).
      if (this.family !== 6) {
        const h = this.v4.lookupDotted(address);
        if (h !== -2) return h < 0 ? undefined : this.values4[h];
      }
      if (this.family !== 4 && readIpv6(address)) {
        const h = this.v6.lookup(words6[0]!, words6[1]!, words6[2]!, words6[3]!);
        return h < 0 ? undefined : this.values6[h];
      }
    }
    const a = toAddress(address);
    checkFamily(this.family, a.family, 'address');
    if (a.family === 4) {
      const h = this.v4.lookup(a.value);
      return h < 0 ? undefined : this.values4[h];
    }
    const w = a.words;
    const h = this.v6.lookup(w[0], w[1], w[2], w[3]);
    return h < 0 ? undefined : this.values6[h];
  }

  private entry4(h: number): TrieEntry<T> {
    const prefix: Prefix = {
      family: 4,
      address: { family: 4, value: this.v4.keyOf(h) },
      length: this.v4.lengthOf(h),
    };
    return { prefix, value: this.values4[h] as T };
  }

  private entry6(h: number): TrieEntry<T> {
    const t = this.v6;
    const prefix: Prefix = {
      family: 6,
      address: {
        family: 6,
        words: [t.wordOf(h, 0), t.wordOf(h, 1), t.wordOf(h, 2), t.wordOf(h, 3)],
      },
      length: t.lengthOf(h),
    };
    return { prefix, value: this.values6[h] as T };
  }

  /** The longest prefix containing `address` and its value. */
  match(address: Address | string): TrieEntry<T> | undefined {
    const a = toAddress(address);
    checkFamily(this.family, a.family, 'address');
    if (a.family === 4) {
      const h = this.v4.lookup(a.value);
      return h < 0 ? undefined : this.entry4(h);
    }
    const w = a.words;
    const h = this.v6.lookup(w[0], w[1], w[2], w[3]);
    return h < 0 ? undefined : this.entry6(h);
  }

  /** Every prefix containing `address` (the covering chain), shortest first. */
  matches(address: Address | string): TrieEntry<T>[] {
    const a = toAddress(address);
    checkFamily(this.family, a.family, 'address');
    if (a.family === 4) return this.v4.matches(a.value).map((h) => this.entry4(h));
    const w = a.words;
    return this.v6.matches(w[0], w[1], w[2], w[3]).map((h) => this.entry6(h));
  }

  /** Every prefix inside `prefix` (itself included) with its value, in prefix order. */
  within(prefix: Prefix | string): TrieEntry<T>[] {
    const p = toPrefix(prefix);
    checkFamily(this.family, p.family, 'prefix');
    const out: TrieEntry<T>[] = [];
    if (p.family === 4) {
      this.v4.forEachWithin(p.address.value, p.length, (h) => {
        out.push(this.entry4(h));
      });
    } else {
      const w = p.address.words;
      this.v6.forEachWithin(w[0], w[1], w[2], w[3], p.length, (h) => {
        out.push(this.entry6(h));
      });
    }
    return out;
  }

  /**
   * Every entry in prefix order (`comparePrefix`: IPv4 first, then address, shorter
   * first). A snapshot: changing the trie while iterating does not affect it.
   */
  entries(): IterableIterator<TrieEntry<T>> {
    const out: TrieEntry<T>[] = [];
    this.v4.forEach((h) => {
      out.push(this.entry4(h));
    });
    this.v6.forEach((h) => {
      out.push(this.entry6(h));
    });
    return out[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<TrieEntry<T>> {
    return this.entries();
  }

  /** Removes every prefix. */
  clear(): void {
    this.v4.clear();
    this.v6.clear();
    this.values4 = [];
    this.values6 = [];
  }
}
