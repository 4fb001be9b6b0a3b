/**
 * `Ipv6Trie`: the IPv6 counterpart of `Ipv4Trie` — a path-compressed binary trie whose
 * keys are four uint32 words (most significant first) — with a compiled 2^16-entry
 * jump table on the first 16 bits (the "direct pointing" level of Poptrie): for each
 * /16 it holds the longest prefix shorter than 16 bits covering it and the first node
 * of 16 bits or more below it, so a lookup starts that far down the trie.
 *
 * Handles work as in `Ipv4Trie`: stable while the prefix is present, values live in the
 * caller's arrays.
 */
import { checkPrefix6, checkUint32, grow, mask32 } from './bits.js';
import { COMPILE_THRESHOLD, type CompileMode, type TrieOptions } from './trie4.js';

const FREE = 2;
const JUMP_BITS = 16;
const JUMP_SIZE = 1 << JUMP_BITS;

/** Bits the four words `a` and the key of node `n` have in common (0..128). */
function commonBits(
  k: Uint32Array,
  n: number,
  a0: number,
  a1: number,
  a2: number,
  a3: number,
): number {
  const b = 4 * n;
  let x = (a0 ^ k[b]!) >>> 0;
  if (x !== 0) return Math.clz32(x);
  x = (a1 ^ k[b + 1]!) >>> 0;
  if (x !== 0) return 32 + Math.clz32(x);
  x = (a2 ^ k[b + 2]!) >>> 0;
  if (x !== 0) return 64 + Math.clz32(x);
  x = (a3 ^ k[b + 3]!) >>> 0;
  if (x !== 0) return 96 + Math.clz32(x);
  return 128;
}

/** True when node `n` (length `l`) contains the address. */
function matches(
  k: Uint32Array,
  n: number,
  l: number,
  a0: number,
  a1: number,
  a2: number,
  a3: number,
): boolean {
  const b = 4 * n;
  if (l <= 32) return l === 0 || (a0 ^ k[b]!) >>> (32 - l) === 0;
  if (a0 !== k[b]) return false;
  if (l <= 64) return (a1 ^ k[b + 1]!) >>> (64 - l) === 0;
  if (a1 !== k[b + 1]) return false;
  if (l <= 96) return (a2 ^ k[b + 2]!) >>> (96 - l) === 0;
  if (a2 !== k[b + 2]) return false;
  return (a3 ^ k[b + 3]!) >>> (128 - l) === 0;
}

/** Bit `p` (0 = most significant) of the four words. */
function bitAt(p: number, a0: number, a1: number, a2: number, a3: number): number {
  const w = p < 32 ? a0 : p < 64 ? a1 : p < 96 ? a2 : a3;
  return (w >>> (31 - (p & 31))) & 1;
}

export class Ipv6Trie {
  /** @internal */ key: Uint32Array;
  /** @internal */ len: Uint8Array;
  /** @internal */ flag: Uint8Array;
  /** @internal */ c0: Int32Array;
  /** @internal */ c1: Int32Array;
  private root = -1;
  private used = 0;
  private freeHead = -1;
  private count = 0;
  private jStart: Int32Array | undefined;
  private jBest: Int32Array | undefined;
  private readonly mode: CompileMode;

  constructor(options: TrieOptions = {}) {
    const cap = Math.max(4, options.capacity ?? 64);
    this.key = new Uint32Array(cap * 4);
    this.len = new Uint8Array(cap);
    this.flag = new Uint8Array(cap);
    this.c0 = new Int32Array(cap);
    this.c1 = new Int32Array(cap);
    this.mode = options.compile ?? 'auto';
    if (this.mode === 'always') this.compile();
  }

  /** Number of prefixes. */
  get size(): number {
    return this.count;
  }

  /** True once the jump table exists. */
  get compiled(): boolean {
    return this.jStart !== undefined;
  }

  /** Bytes of typed arrays held: `trie` (nodes, capacity included) and `fib` (the jump table). */
  byteLength(): { readonly trie: number; readonly fib: number } {
    const trie =
      this.key.byteLength +
      this.len.byteLength +
      this.flag.byteLength +
      this.c0.byteLength +
      this.c1.byteLength;
    const fib = (this.jStart?.byteLength ?? 0) + (this.jBest?.byteLength ?? 0);
    return { trie, fib };
  }

  private alloc(a0: number, a1: number, a2: number, a3: number, len: number, flag: number): number {
    let n = this.freeHead;
    if (n >= 0) {
      this.freeHead = this.c0[n]!;
    } else {
      n = this.used++;
      if (n >= this.len.length) {
        const cap = Math.ceil(this.len.length * 1.5);
        this.key = grow(this.key, cap * 4);
        this.len = grow(this.len, cap);
        this.flag = grow(this.flag, cap);
        this.c0 = grow(this.c0, cap);
        this.c1 = grow(this.c1, cap);
      }
    }
    const b = 4 * n;
    this.key[b] = a0;
    this.key[b + 1] = a1;
    this.key[b + 2] = a2;
    this.key[b + 3] = a3;
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

  /** Adds prefix `w0:w1:w2:w3/length` and returns its handle (the existing one if present). */
  insert(w0: number, w1: number, w2: number, w3: number, length: number): number {
    checkPrefix6(w0, w1, w2, w3, length);
    let parent = -1;
    let bit = 0;
    let n = this.root;
    for (;;) {
      if (n < 0) {
        const m = this.alloc(w0, w1, w2, w3, length, 1);
        this.link(parent, bit, m);
        return this.added(m, w0, length);
      }
      const nl = this.len[n]!;
      const common = Math.min(commonBits(this.key, n, w0, w1, w2, w3), nl, length);
      if (common === nl) {
        if (nl === length) {
          if (this.flag[n] === 1) return n;
          this.flag[n] = 1;
          return this.added(n, w0, length);
        }
        parent = n;
        bit = bitAt(nl, w0, w1, w2, w3);
        n = bit === 0 ? this.c0[n]! : this.c1[n]!;
        continue;
      }
      const k = this.key;
      const b = 4 * n;
      if (common === length) {
        const m = this.alloc(w0, w1, w2, w3, length, 1);
        if (bitAt(length, k[b]!, k[b + 1]!, k[b + 2]!, k[b + 3]!) === 0) this.c0[m] = n;
        else this.c1[m] = n;
        this.link(parent, bit, m);
        return this.added(m, w0, length);
      }
      const wm = (i: number): number => {
        const bits = common - 32 * i;
        return bits <= 0 ? 0 : bits >= 32 ? 0xffff_ffff : mask32(bits);
      };
      const g = this.alloc(
        (w0 & wm(0)) >>> 0,
        (w1 & wm(1)) >>> 0,
        (w2 & wm(2)) >>> 0,
        (w3 & wm(3)) >>> 0,
        common,
        0,
      );
      const m = this.alloc(w0, w1, w2, w3, length, 1);
      if (bitAt(common, w0, w1, w2, w3) === 0) {
        this.c0[g] = m;
        this.c1[g] = n;
      } else {
        this.c0[g] = n;
        this.c1[g] = m;
      }
      this.link(parent, bit, g);
      return this.added(m, w0, length);
    }
  }

  private added(h: number, w0: number, length: number): number {
    this.count++;
    this.refreshJump(w0, length);
    return h;
  }

  private refreshJump(w0: number, length: number): void {
    if (this.jStart === undefined) return;
    const first = w0 >>> JUMP_BITS;
    const n = length >= JUMP_BITS ? 1 : 2 ** (JUMP_BITS - length);
    for (let i = first; i < first + n; i++) this.refreshEntry(i);
  }

  private refreshEntry(i: number): void {
    const a0 = (i << JUMP_BITS) >>> 0;
    let n = this.root;
    let best = -1;
    while (n >= 0) {
      const l = this.len[n]!;
      if (l >= JUMP_BITS) break;
      if (l !== 0 && (a0 ^ this.key[4 * n]!) >>> (32 - l) !== 0) {
        n = -1;
        break;
      }
      if (this.flag[n] === 1) best = n;
      n = ((a0 >>> (31 - l)) & 1) === 0 ? this.c0[n]! : this.c1[n]!;
    }
    this.jStart![i] = n;
    this.jBest![i] = best;
  }

  /** Builds the jump table now (whatever the mode) unless it exists. */
  compile(): void {
    if (this.jStart !== undefined) return;
    this.jStart = new Int32Array(JUMP_SIZE);
    this.jBest = new Int32Array(JUMP_SIZE);
    for (let i = 0; i < JUMP_SIZE; i++) this.refreshEntry(i);
  }

  /** The handle of prefix `w0:w1:w2:w3/length`, or -1. */
  find(w0: number, w1: number, w2: number, w3: number, length: number): number {
    let n = this.root;
    while (n >= 0) {
      const nl = this.len[n]!;
      if (nl > length) return -1;
      if (!matches(this.key, n, nl, w0, w1, w2, w3)) return -1;
      if (nl === length) return this.flag[n] === 1 ? n : -1;
      n = bitAt(nl, w0, w1, w2, w3) === 0 ? this.c0[n]! : this.c1[n]!;
    }
    return -1;
  }

  /** Removes the prefix; returns the handle it had, or -1 when absent. */
  remove(w0: number, w1: number, w2: number, w3: number, length: number): number {
    checkPrefix6(w0, w1, w2, w3, length);
    let grand = -1;
    let gbit = 0;
    let parent = -1;
    let pbit = 0;
    let n = this.root;
    while (n >= 0) {
      const nl = this.len[n]!;
      if (nl > length) return -1;
      if (!matches(this.key, n, nl, w0, w1, w2, w3)) return -1;
      if (nl === length) break;
      grand = parent;
      gbit = pbit;
      parent = n;
      pbit = bitAt(nl, w0, w1, w2, w3);
      n = pbit === 0 ? this.c0[n]! : this.c1[n]!;
    }
    if (n < 0 || this.flag[n] !== 1) return -1;
    this.count--;
    const a = this.c0[n]!;
    const b = this.c1[n]!;
    if (a >= 0 && b >= 0) {
      this.flag[n] = 0;
    } else if (a >= 0 || b >= 0) {
      this.link(parent, pbit, a >= 0 ? a : b);
      this.free(n);
    } else {
      this.link(parent, pbit, -1);
      this.free(n);
      if (parent >= 0 && this.flag[parent] === 0) {
        const other = pbit === 0 ? this.c1[parent]! : this.c0[parent]!;
        this.link(grand, gbit, other);
        this.free(parent);
      }
    }
    this.refreshJump(w0, length);
    return n;
  }

  /** Handle of the longest prefix containing the address (four uint32 words), or -1. No allocation. */
  lookup(a0: number, a1: number, a2: number, a3: number): number {
    let n: number;
    let best: number;
    const js = this.jStart;
    if (js !== undefined) {
      const i = a0 >>> JUMP_BITS;
      n = js[i]!;
      best = this.jBest![i]!;
    } else if (this.mode === 'auto' && this.count >= COMPILE_THRESHOLD) {
      this.compile();
      return this.lookup(a0, a1, a2, a3);
    } else {
      n = this.root;
      best = -1;
    }
    const key = this.key;
    const len = this.len;
    while (n >= 0) {
      const l = len[n]!;
      if (!matches(key, n, l, a0, a1, a2, a3)) break;
      if (this.flag[n] === 1) best = n;
      if (l === 128) break;
      n = bitAt(l, a0, a1, a2, a3) === 0 ? this.c0[n]! : this.c1[n]!;
    }
    return best;
  }

  /** Handles of every prefix containing the address, shortest first. */
  matches(a0: number, a1: number, a2: number, a3: number): number[] {
    checkUint32(a0, 'IPv6 address word');
    checkUint32(a1, 'IPv6 address word');
    checkUint32(a2, 'IPv6 address word');
    checkUint32(a3, 'IPv6 address word');
    const out: number[] = [];
    let n = this.root;
    while (n >= 0) {
      const l = this.len[n]!;
      if (!matches(this.key, n, l, a0, a1, a2, a3)) break;
      if (this.flag[n] === 1) out.push(n);
      if (l === 128) break;
      n = bitAt(l, a0, a1, a2, a3) === 0 ? this.c0[n]! : this.c1[n]!;
    }
    return out;
  }

  /** Calls `fn` with the handle of every prefix, in prefix order (address, then length). */
  forEach(fn: (handle: number) => void): void {
    if (this.root >= 0) this.walkFrom(this.root, fn);
  }

  /** Calls `fn` for every prefix inside `w0:w1:w2:w3/length` (itself included), in prefix order. */
  forEachWithin(
    w0: number,
    w1: number,
    w2: number,
    w3: number,
    length: number,
    fn: (handle: number) => void,
  ): void {
    checkPrefix6(w0, w1, w2, w3, length);
    let n = this.root;
    while (n >= 0) {
      const l = this.len[n]!;
      if (!matches(this.key, n, Math.min(l, length), w0, w1, w2, w3)) return;
      if (l >= length) {
        this.walkFrom(n, fn);
        return;
      }
      n = bitAt(l, w0, w1, w2, w3) === 0 ? this.c0[n]! : this.c1[n]!;
    }
  }

  private walkFrom(start: number, fn: (handle: number) => void): void {
    let stack = new Int32Array(64);
    let sp = 0;
    stack[sp++] = start;
    while (sp > 0) {
      const n = stack[--sp]!;
      if (this.flag[n] === 1) fn(n);
      const a = this.c0[n]!;
      const b = this.c1[n]!;
      if (sp + 2 > stack.length) stack = grow(stack, stack.length * 2);
      if (b >= 0) stack[sp++] = b;
      if (a >= 0) stack[sp++] = a;
    }
  }

  /** Word `i` (0..3) of the prefix address of a live handle. */
  wordOf(handle: number, i: number): number {
    return this.key[4 * handle + i]!;
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
    this.key = cut(this.key, n * 4);
    this.len = cut(this.len, n);
    this.flag = cut(this.flag, n);
    this.c0 = cut(this.c0, n);
    this.c1 = cut(this.c1, n);
  }

  /** Removes every prefix. */
  clear(): void {
    this.root = -1;
    this.used = 0;
    this.freeHead = -1;
    this.count = 0;
    if (this.jStart !== undefined) {
      this.jStart.fill(-1);
      this.jBest!.fill(-1);
    }
  }
}
