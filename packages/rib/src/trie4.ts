/**
 * `Ipv4Trie`: the authoritative IPv4 prefix set, a path-compressed binary (PATRICIA)
 * trie in typed arrays, plus an optional compiled DIR-24-8 table (`dir24.ts`) kept in
 * step with it for lookups.
 *
 * Every prefix gets a *handle*: a small integer that stays the same while the prefix is
 * in the trie (it may be reused after the prefix is removed). Callers keep their
 * values in their own arrays indexed by handle, so the trie stores nothing per value
 * and a lookup returns a number without allocating.
 *
 * Node layout (one slot per node, glue nodes included): `key` uint32, `len` 0..32,
 * `flag` (1 = holds a prefix, 0 = glue, 2 = free), children `c0`/`c1` (-1 = none).
 */
import { checkPrefix4, checkUint32, grow, mask32 } from './bits.js';
import { Dir24 } from './dir24.js';

/** When a trie builds its compiled lookup table. */
export type CompileMode = 'auto' | 'always' | 'never';

export interface TrieOptions {
  /** Node slots to allocate up front (grows by 1.5× when full). Default 64. */
  readonly capacity?: number;
  /**
   * `auto` (default): build the compiled table on the first lookup once the trie holds
   * at least {@link COMPILE_THRESHOLD} prefixes, then keep it in step. `always`: from the
   * start. `never`: lookups walk the trie.
   */
  readonly compile?: CompileMode;
}

/** Prefix count from which `compile: 'auto'` builds the compiled table. */
export const COMPILE_THRESHOLD = 4096;

const FREE = 2;

export class Ipv4Trie {
  /** @internal */ key: Uint32Array;
  /** @internal */ len: Uint8Array;
  /** @internal */ flag: Uint8Array;
  /** @internal */ c0: Int32Array;
  /** @internal */ c1: Int32Array;
  private root = -1;
  private used = 0;
  private freeHead = -1;
  private count = 0;
  private fib: Dir24 | undefined;
  private readonly mode: CompileMode;

  constructor(options: TrieOptions = {}) {
    const cap = Math.max(4, options.capacity ?? 64);
    this.key = new Uint32Array(cap);
    this.len = new Uint8Array(cap);
    this.flag = new Uint8Array(cap);
    this.c0 = new Int32Array(cap);
    this.c1 = new Int32Array(cap);
    this.mode = options.compile ?? 'auto';
    if (this.mode === 'always') this.fib = new Dir24();
  }

  /** Number of prefixes. */
  get size(): number {
    return this.count;
  }

  /** True once the compiled lookup table exists. */
  get compiled(): boolean {
    return this.fib !== undefined;
  }

  /** Bytes of typed arrays held: `trie` (nodes, capacity included) and `fib` (0 if none). */
  byteLength(): { readonly trie: number; readonly fib: number } {
    const trie =
      this.key.byteLength +
      this.len.byteLength +
      this.flag.byteLength +
      this.c0.byteLength +
      this.c1.byteLength;
    return { trie, fib: this.fib?.byteLength ?? 0 };
  }

  private alloc(key: number, len: number, flag: number): number {
    let n = this.freeHead;
    if (n >= 0) {
      this.freeHead = this.c0[n]!;
    } else {
      n = this.used++;
      if (n >= this.key.length) {
        const cap = Math.ceil(this.key.length * 1.5);
        this.key = grow(this.key, cap);
        this.len = grow(this.len, cap);
        this.flag = grow(this.flag, cap);
        this.c0 = grow(this.c0, cap);
        this.c1 = grow(this.c1, cap);
      }
    }
    this.key[n] = key;
    this.len[n] = len;
    this.flag[n] = flag;
    this.c0[n] = -1;
    this.c1[n] = -1;
    return n;
  }

  private free(n: number): void {
    this.flag[n] = FREE;
    this.c0[n] = this.freeHead;
    this.freeHead = n;
  }

  private link(parent: number, bit: number, child: number): void {
    if (parent < 0) this.root = child;
    else if (bit === 0) this.c0[parent] = child;
    else this.c1[parent] = child;
  }

  /**
   * Adds prefix `key/length` (key a uint32 with zero host bits) and returns its handle;
   * returns the existing handle when it is already present. Throws `invalid-prefix`.
   */
  insert(key: number, length: number): number {
    checkPrefix4(key, length);
    const h = this.insertNode(key, length);
    return h;
  }

  private insertNode(key: number, length: number): number {
    let parent = -1;
    let bit = 0;
    let n = this.root;
    for (;;) {
      if (n < 0) {
        const m = this.alloc(key, length, 1);
        this.link(parent, bit, m);
        return this.added(m, key, length);
      }
      const nk = this.key[n]!;
      const nl = this.len[n]!;
      const diff = Math.clz32(key ^ nk);
      const common = Math.min(diff, nl, length);
      if (common === nl) {
        if (nl === length) {
          if (this.flag[n] === 1) return n;
          this.flag[n] = 1;
          return this.added(n, key, length);
        }
        parent = n;
        bit = (key >>> (31 - nl)) & 1;
        n = bit === 0 ? this.c0[n]! : this.c1[n]!;
        continue;
      }
      if (common === length) {
        const m = this.alloc(key, length, 1);
        if (((nk >>> (31 - length)) & 1) === 0) this.c0[m] = n;
        else this.c1[m] = n;
        this.link(parent, bit, m);
        return this.added(m, key, length);
      }
      const g = this.alloc((key & mask32(common)) >>> 0, common, 0);
      const m = this.alloc(key, length, 1);
      if (((key >>> (31 - common)) & 1) === 0) {
        this.c0[g] = m;
        this.c1[g] = n;
      } else {
        this.c0[g] = n;
        this.c1[g] = m;
      }
      this.link(parent, bit, g);
      return this.added(m, key, length);
    }
  }

  private added(h: number, key: number, length: number): number {
    this.count++;
    this.fib?.assign(key, length, h, this.len);
    return h;
  }

  /** The handle of prefix `key/length`, or -1. */
  find(key: number, length: number): number {
    let n = this.root;
    while (n >= 0) {
      const nl = this.len[n]!;
      if (nl > length) return -1;
      if (nl !== 0 && ((key ^ this.key[n]!) & mask32(nl)) !== 0) return -1;
      if (nl === length) return this.flag[n] === 1 ? n : -1;
      n = ((key >>> (31 - nl)) & 1) === 0 ? this.c0[n]! : this.c1[n]!;
    }
    return -1;
  }

  /**
   * Removes prefix `key/length`; returns the handle it had, or -1 when absent. Throws
   * `invalid-prefix`.
   */
  remove(key: number, length: number): number {
    checkPrefix4(key, length);
    let grand = -1;
    let gbit = 0;
    let parent = -1;
    let pbit = 0;
    let n = this.root;
    let cover = -1;
    while (n >= 0) {
      const nl = this.len[n]!;
      if (nl > length) return -1;
      if (nl !== 0 && ((key ^ this.key[n]!) & mask32(nl)) !== 0) return -1;
      if (nl === length) break;
      if (this.flag[n] === 1) cover = n;
      grand = parent;
      gbit = pbit;
      parent = n;
      pbit = (key >>> (31 - nl)) & 1;
      n = pbit === 0 ? this.c0[n]! : this.c1[n]!;
    }
    if (n < 0 || this.flag[n] !== 1) return -1;
    this.fib?.release(key, length, n, cover);
    this.count--;
    const a = this.c0[n]!;
    const b = this.c1[n]!;
    if (a >= 0 && b >= 0) {
      this.flag[n] = 0;
      return n;
    }
    if (a >= 0 || b >= 0) {
      this.link(parent, pbit, a >= 0 ? a : b);
      this.free(n);
      return n;
    }
    this.link(parent, pbit, -1);
    this.free(n);
    if (parent >= 0 && this.flag[parent] === 0) {
      // A glue node left with one child is spliced out.
      const other = pbit === 0 ? this.c1[parent]! : this.c0[parent]!;
      this.link(grand, gbit, other);
      this.free(parent);
    }
    return n;
  }

  /** Builds the compiled table now (whatever the mode) unless it exists. */
  compile(): void {
    if (this.fib !== undefined) return;
    const fib = new Dir24();
    // Pre-order: a prefix comes before the more-specifics inside it, which overwrite.
    this.forEach((h) => {
      fib.assign(this.key[h]!, this.len[h]!, h, this.len);
    });
    this.fib = fib;
  }

  /** Handle of the longest prefix containing `address` (a uint32), or -1. No allocation. */
  lookup(address: number): number {
    const fib = this.fib;
    if (fib !== undefined) return fib.lookup(address) - 1;
    if (this.mode === 'auto' && this.count >= COMPILE_THRESHOLD) {
      this.compile();
      return this.fib!.lookup(address) - 1;
    }
    return this.walk(address);
  }

  /** Longest match by walking the trie (what `lookup` does without a compiled table). */
  walk(address: number): number {
    let n = this.root;
    let best = -1;
    const key = this.key;
    const len = this.len;
    while (n >= 0) {
      const l = len[n]!;
      if (l !== 0 && (address ^ key[n]!) >>> (32 - l) !== 0) break;
      if (this.flag[n] === 1) best = n;
      if (l === 32) break;
      n = ((address >>> (31 - l)) & 1) === 0 ? this.c0[n]! : this.c1[n]!;
    }
    return best;
  }

  /** Handles of every prefix containing `address`, shortest first. */
  matches(address: number): number[] {
    checkUint32(address, 'IPv4 address');
    const out: number[] = [];
    let n = this.root;
    while (n >= 0) {
      const l = this.len[n]!;
      if (l !== 0 && (address ^ this.key[n]!) >>> (32 - l) !== 0) break;
      if (this.flag[n] === 1) out.push(n);
      if (l === 32) break;
      n = ((address >>> (31 - l)) & 1) === 0 ? this.c0[n]! : this.c1[n]!;
    }
    return out;
  }

  /** Handle of the longest prefix strictly containing `key/length`, or -1. */
  parentOf(key: number, length: number): number {
    let n = this.root;
    let best = -1;
    while (n >= 0) {
      const l = this.len[n]!;
      if (l >= length) break;
      if (l !== 0 && (key ^ this.key[n]!) >>> (32 - l) !== 0) break;
      if (this.flag[n] === 1) best = n;
      n = ((key >>> (31 - l)) & 1) === 0 ? this.c0[n]! : this.c1[n]!;
    }
    return best;
  }

  /** Calls `fn` with the handle of every prefix, in prefix order (address, then length). */
  forEach(fn: (handle: number) => void): void {
    if (this.root >= 0) this.walkFrom(this.root, fn);
  }

  /** Calls `fn` for every prefix inside `key/length` (itself included), in prefix order. */
  forEachWithin(key: number, length: number, fn: (handle: number) => void): void {
    checkPrefix4(key, length);
    let n = this.root;
    while (n >= 0) {
      const l = this.len[n]!;
      const m = mask32(Math.min(l, length));
      if (((key ^ this.key[n]!) & m) !== 0) return;
      if (l >= length) {
        this.walkFrom(n, fn);
        return;
      }
      n = ((key >>> (31 - l)) & 1) === 0 ? this.c0[n]! : this.c1[n]!;
    }
  }

  private walkFrom(start: number, fn: (handle: number) => void): void {
    let stack = new Int32Array(40);
    let sp = 0;
    stack[sp++] = start;
    while (sp > 0) {
      const n = stack[--sp]!;
      if (this.flag[n] === 1) fn(n);
      const a = this.c0[n]!;
      const b = this.c1[n]!;
      if (sp + 2 > stack.length) {
        stack = grow(stack, stack.length * 2);
      }
      if (b >= 0) stack[sp++] = b;
      if (a >= 0) stack[sp++] = a;
    }
  }

  /** Prefix address (uint32) of a live handle. */
  keyOf(handle: number): number {
    return this.key[handle]!;
  }

  /** Prefix length of a live handle. */
  lengthOf(handle: number): number {
    return this.len[handle]!;
  }

  /**
   * Gives back spare capacity: after a bulk load the node arrays are cut to the slots
   * in use (growth leaves up to a third of them empty). Later inserts grow them again.
   */
  trim(): void {
    const n = Math.max(4, this.used);
    const cut = <T extends Uint32Array | Int32Array | Uint8Array>(a: T, m: number): T =>
      a.slice(0, m) as T;
    this.key = cut(this.key, n);
    this.len = cut(this.len, n);
    this.flag = cut(this.flag, n);
    this.c0 = cut(this.c0, n);
    this.c1 = cut(this.c1, n);
  }

  /** Removes every prefix (the compiled table, if any, is emptied too). */
  clear(): void {
    this.root = -1;
    this.used = 0;
    this.freeHead = -1;
    this.count = 0;
    this.fib?.clear();
  }
}
