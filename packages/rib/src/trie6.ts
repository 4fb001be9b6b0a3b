/**
 * `Ipv6Trie`: the IPv6 counterpart of `Ipv4Trie` — a path-compressed binary trie whose
 * keys are four uint32 words (most significant first) — with a compiled 2^16-entry
 * jump table on the first 16 bits (the "direct pointing" level of Poptrie): for each
 * /16 it holds the longest prefix shorter than 16 bits covering it and the first node
 * of 16 bits or more below it, so a lookup starts that far down the trie.
 *
 * Handles work as in `Ipv4Trie`: stable while the prefix is present, values live in the
 * caller's arrays. Node layout: eight int32 per node (32 bytes): the four key words,
 * `length | flag << 8`, the two children and one spare.
 */

import { checkFamily, toAddress } from './address.js';
import { checkPrefix6, checkUint32, grow, mask32 } from './bits.js';
import { readIpv6, words6 } from './text.js';
import { COMPILE_THRESHOLD, type CompileMode, type TrieOptions } from './trie4.js';

const PREFIX = 256;
const FREE = 512;
const JUMP_BITS = 16;
const JUMP_SIZE = 1 << JUMP_BITS;
/** `hTop` of a free slot of the /32 table. */
const EMPTY_SLOT = -2;

/** Bits the four words `a` and the key at `k[b..b+3]` have in common (0..128). */
function commonBits(
  k: Int32Array,
  b: number,
  a0: number,
  a1: number,
  a2: number,
  a3: number,
): number {
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

/** True when the node whose key is at `k[b..b+3]` (length `l`) contains the address. */
function matches(
  k: Int32Array,
  b: number,
  l: number,
  a0: number,
  a1: number,
  a2: number,
  a3: number,
): boolean {
  if (l <= 32) return l === 0 || (a0 ^ k[b]!) >>> (32 - l) === 0;
  if ((a0 ^ k[b]!) !== 0) return false;
  if (l <= 64) return (a1 ^ k[b + 1]!) >>> (64 - l) === 0;
  if ((a1 ^ k[b + 1]!) !== 0) return false;
  if (l <= 96) return (a2 ^ k[b + 2]!) >>> (96 - l) === 0;
  if ((a2 ^ k[b + 2]!) !== 0) return false;
  return (a3 ^ k[b + 3]!) >>> (128 - l) === 0;
}

/** Bit `p` (0 = most significant) of the four words. */
function bitAt(p: number, a0: number, a1: number, a2: number, a3: number): number {
  const w = p < 32 ? a0 : p < 64 ? a1 : p < 96 ? a2 : a3;
  return (w >>> (31 - (p & 31))) & 1;
}

export class Ipv6Trie {
  /** @internal Eight int32 per node: key words 0..3, length | flag << 8, child 0, child 1, spare. */
  nodes: Int32Array;
  private root = -1;
  private used = 0;
  private freeHead = -1;
  private count = 0;
  private jStart: Int32Array | undefined;
  private jBest: Int32Array | undefined;
  private hKey: Int32Array | undefined;
  private hTop: Int32Array | undefined;
  private hBest: Int32Array | undefined;
  private hCount = 0;
  private readonly mode: CompileMode;

  constructor(options: TrieOptions = {}) {
    const cap = Math.max(4, options.capacity ?? 64);
    this.nodes = new Int32Array(cap * 8);
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
    const fib =
      (this.jStart?.byteLength ?? 0) +
      (this.jBest?.byteLength ?? 0) +
      (this.hKey?.byteLength ?? 0) * 3;
    return { trie: this.nodes.byteLength, fib };
  }

  private alloc(a0: number, a1: number, a2: number, a3: number, lf: number): number {
    let n = this.freeHead;
    if (n >= 0) {
      this.freeHead = this.nodes[8 * n + 5]!;
    } else {
      n = this.used++;
      if (8 * n >= this.nodes.length)
        this.nodes = grow(this.nodes, Math.ceil(this.nodes.length * 1.5) & ~7);
    }
    const N = this.nodes;
    const b = 8 * n;
    N[b] = a0;
    N[b + 1] = a1;
    N[b + 2] = a2;
    N[b + 3] = a3;
    N[b + 4] = lf;
    N[b + 5] = -1;
    N[b + 6] = -1;
    return n;
  }

  private free(n: number): void {
    this.nodes[8 * n + 4] = FREE;
    this.nodes[8 * n + 5] = this.freeHead;
    this.freeHead = n;
  }

  private link(parent: number, bit: number, child: number): void {
    if (parent < 0) this.root = child;
    else this.nodes[8 * parent + 5 + bit] = child;
  }

  /** Adds prefix `w0:w1:w2:w3/length` and returns its handle (the existing one if present). */
  insert(w0: number, w1: number, w2: number, w3: number, length: number): number {
    checkPrefix6(w0, w1, w2, w3, length);
    let parent = -1;
    let bit = 0;
    let n = this.root;
    for (;;) {
      if (n < 0) {
        const m = this.alloc(w0, w1, w2, w3, length | PREFIX);
        this.link(parent, bit, m);
        return this.added(m, w0, length);
      }
      const N = this.nodes;
      const b = 8 * n;
      const lf = N[b + 4]!;
      const nl = lf & 255;
      const common = Math.min(commonBits(N, b, w0, w1, w2, w3), nl, length);
      if (common === nl) {
        if (nl === length) {
          if (lf >= PREFIX) return n;
          N[b + 4] = nl | PREFIX;
          return this.added(n, w0, length);
        }
        parent = n;
        bit = bitAt(nl, w0, w1, w2, w3);
        n = N[b + 5 + bit]!;
        continue;
      }
      if (common === length) {
        const side = bitAt(length, N[b]!, N[b + 1]!, N[b + 2]!, N[b + 3]!);
        const m = this.alloc(w0, w1, w2, w3, length | PREFIX);
        this.nodes[8 * m + 5 + side] = n;
        this.link(parent, bit, m);
        return this.added(m, w0, length);
      }
      const wm = (i: number): number => {
        const bits = common - 32 * i;
        return bits <= 0 ? 0 : bits >= 32 ? 0xffff_ffff : mask32(bits);
      };
      const g = this.alloc(w0 & wm(0), w1 & wm(1), w2 & wm(2), w3 & wm(3), common);
      const m = this.alloc(w0, w1, w2, w3, length | PREFIX);
      const side = bitAt(common, w0, w1, w2, w3);
      this.nodes[8 * g + 5 + side] = m;
      this.nodes[8 * g + 6 - side] = n;
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
    this.refresh32(w0, length);
    const first = w0 >>> JUMP_BITS;
    const n = length >= JUMP_BITS ? 1 : 2 ** (JUMP_BITS - length);
    for (let i = first; i < first + n; i++) this.refreshEntry(i);
  }

  private refreshEntry(i: number): void {
    const a0 = (i << JUMP_BITS) >>> 0;
    const N = this.nodes;
    let n = this.root;
    let best = -1;
    while (n >= 0) {
      const lf = N[8 * n + 4]!;
      const l = lf & 255;
      if (l >= JUMP_BITS) {
        // The first node of 16 bits or more must lie inside this /16, or nothing does.
        if ((a0 ^ N[8 * n]!) >>> JUMP_BITS !== 0) n = -1;
        break;
      }
      if (l !== 0 && (a0 ^ N[8 * n]!) >>> (32 - l) !== 0) {
        n = -1;
        break;
      }
      if (lf >= PREFIX) best = n;
      n = N[8 * n + 5 + ((a0 >>> (31 - l)) & 1)]!;
    }
    this.jStart![i] = n;
    this.jBest![i] = best;
  }

  /** Builds the jump tables now (whatever the mode) unless they exist. */
  compile(): void {
    if (this.jStart !== undefined) return;
    this.jStart = new Int32Array(JUMP_SIZE);
    this.jBest = new Int32Array(JUMP_SIZE);
    for (let i = 0; i < JUMP_SIZE; i++) this.refreshEntry(i);
    this.hKey = new Int32Array(64);
    this.hTop = new Int32Array(64).fill(EMPTY_SLOT);
    this.hBest = new Int32Array(64);
    this.hCount = 0;
    this.forEach((h) => {
      if (this.lengthOf(h) >= 32) this.refreshSlot(this.nodes[8 * h]!);
    });
  }

  /**
   * The /32 table: an open-addressing hash from the first word of every /32 that holds
   * a node of 32 bits or more to that /32's topmost node (`hTop`) and the longest
   * prefix shorter than 32 bits covering it (`hBest`). Entries are never removed: one
   * whose /32 emptied keeps `hTop` -1, and then `hBest` is the answer.
   */
  private slotOf(w0: number): number {
    const keys = this.hKey!;
    const mask = keys.length - 1;
    let i = Math.imul(w0, 0x9e37_79b1) >>> 0;
    for (;;) {
      i &= mask;
      if (this.hTop![i] === EMPTY_SLOT || keys[i] === (w0 | 0)) return i;
      i++;
    }
  }

  /** Recomputes the /32 entry of `w0` (adding it when the /32 now holds nodes). */
  private refreshSlot(w0: number): void {
    const a0 = w0 | 0;
    const N = this.nodes;
    let n = this.root;
    let best = -1;
    while (n >= 0) {
      const lf = N[8 * n + 4]!;
      const l = lf & 255;
      if (l >= 32) {
        if ((a0 ^ N[8 * n]!) !== 0) n = -1;
        break;
      }
      if (l !== 0 && (a0 ^ N[8 * n]!) >>> (32 - l) !== 0) {
        n = -1;
        break;
      }
      if (lf >= PREFIX) best = n;
      n = N[8 * n + 5 + ((a0 >>> (31 - l)) & 1)]!;
    }
    let i = this.slotOf(a0);
    if (this.hTop![i] === EMPTY_SLOT) {
      if (n < 0) return;
      if (2 * (this.hCount + 1) > this.hKey!.length) {
        this.rehash();
        i = this.slotOf(a0);
      }
      this.hCount++;
      this.hKey![i] = a0;
    }
    this.hTop![i] = n;
    this.hBest![i] = best;
  }

  private rehash(): void {
    const keys = this.hKey!;
    const tops = this.hTop!;
    const bests = this.hBest!;
    const size = keys.length * 2;
    this.hKey = new Int32Array(size);
    this.hTop = new Int32Array(size).fill(EMPTY_SLOT);
    this.hBest = new Int32Array(size);
    for (let i = 0; i < keys.length; i++) {
      if (tops[i] === EMPTY_SLOT) continue;
      const j = this.slotOf(keys[i]!);
      this.hKey[j] = keys[i]!;
      this.hTop[j] = tops[i]!;
      this.hBest[j] = bests[i]!;
    }
  }

  /** A prefix `w0…/length` came or went: refresh the /32 entries it can change. */
  private refresh32(w0: number, length: number): void {
    if (length >= 32) {
      this.refreshSlot(w0);
      return;
    }
    // A shorter prefix changes the covering prefix of every /32 inside it.
    const keys = this.hKey!;
    const tops = this.hTop!;
    const m = length === 0 ? 0 : (0xffff_ffff << (32 - length)) | 0;
    for (let i = 0; i < keys.length; i++) {
      if (tops[i] !== EMPTY_SLOT && ((keys[i]! ^ w0) & m) === 0) this.refreshSlot(keys[i]!);
    }
  }

  /** The handle of prefix `w0:w1:w2:w3/length`, or -1. */
  find(w0: number, w1: number, w2: number, w3: number, length: number): number {
    const N = this.nodes;
    let n = this.root;
    while (n >= 0) {
      const b = 8 * n;
      const lf = N[b + 4]!;
      const nl = lf & 255;
      if (nl > length) return -1;
      if (!matches(N, b, nl, w0, w1, w2, w3)) return -1;
      if (nl === length) return lf >= PREFIX ? n : -1;
      n = N[b + 5 + bitAt(nl, w0, w1, w2, w3)]!;
    }
    return -1;
  }

  /** Removes the prefix; returns the handle it had, or -1 when absent. */
  remove(w0: number, w1: number, w2: number, w3: number, length: number): number {
    checkPrefix6(w0, w1, w2, w3, length);
    const N = this.nodes;
    let grand = -1;
    let gbit = 0;
    let parent = -1;
    let pbit = 0;
    let n = this.root;
    while (n >= 0) {
      const b = 8 * n;
      const nl = N[b + 4]! & 255;
      if (nl > length) return -1;
      if (!matches(N, b, nl, w0, w1, w2, w3)) return -1;
      if (nl === length) break;
      grand = parent;
      gbit = pbit;
      parent = n;
      pbit = bitAt(nl, w0, w1, w2, w3);
      n = N[b + 5 + pbit]!;
    }
    if (n < 0 || N[8 * n + 4]! < PREFIX) return -1;
    this.count--;
    const a = N[8 * n + 5]!;
    const c = N[8 * n + 6]!;
    if (a >= 0 && c >= 0) {
      N[8 * n + 4] = length;
    } else if (a >= 0 || c >= 0) {
      this.link(parent, pbit, a >= 0 ? a : c);
      this.free(n);
    } else {
      this.link(parent, pbit, -1);
      this.free(n);
      if (parent >= 0 && N[8 * parent + 4]! < PREFIX) {
        this.link(grand, gbit, N[8 * parent + 6 - pbit]!);
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
      // The /32 table first: its /32 usually holds the answer a few nodes down.
      const keys = this.hKey!;
      const mask = keys.length - 1;
      let s = Math.imul(a0, 0x9e37_79b1) >>> 0;
      for (;;) {
        s &= mask;
        const t = this.hTop![s]!;
        if (t === EMPTY_SLOT) {
          const i = a0 >>> JUMP_BITS;
          n = js[i]!;
          best = this.jBest![i]!;
          break;
        }
        if (keys[s] === (a0 | 0)) {
          n = t;
          best = this.hBest![s]!;
          break;
        }
        s++;
      }
    } else if (this.mode === 'auto' && this.count >= COMPILE_THRESHOLD) {
      this.compile();
      return this.lookup(a0, a1, a2, a3);
    } else {
      n = this.root;
      best = -1;
    }
    const N = this.nodes;
    while (n >= 0) {
      const b = 8 * n;
      const lf = N[b + 4]!;
      const l = lf & 255;
      if (!matches(N, b, l, a0, a1, a2, a3)) break;
      if (lf >= PREFIX) best = n;
      if (l === 128) break;
      n = N[b + 5 + bitAt(l, a0, a1, a2, a3)]!;
    }
    return best;
  }

  /**
   * Handle of the longest prefix containing the address in `text`, or -1. Hex-group
   * texts are read without allocating; anything else goes through `@routekit/prefix`.
   * Throws `invalid-address` / `wrong-family`.
   */
  lookupText(text: string): number {
    if (readIpv6(text)) return this.lookup(words6[0]!, words6[1]!, words6[2]!, words6[3]!);
    const a = toAddress(text);
    checkFamily(6, a.family, 'address');
    const w = (a as { words: readonly number[] }).words;
    return this.lookup(w[0]!, w[1]!, w[2]!, w[3]!);
  }

  /** Handles of every prefix containing the address, shortest first. */
  matches(a0: number, a1: number, a2: number, a3: number): number[] {
    checkUint32(a0, 'IPv6 address word');
    checkUint32(a1, 'IPv6 address word');
    checkUint32(a2, 'IPv6 address word');
    checkUint32(a3, 'IPv6 address word');
    const N = this.nodes;
    const out: number[] = [];
    let n = this.root;
    while (n >= 0) {
      const b = 8 * n;
      const lf = N[b + 4]!;
      const l = lf & 255;
      if (!matches(N, b, l, a0, a1, a2, a3)) break;
      if (lf >= PREFIX) out.push(n);
      if (l === 128) break;
      n = N[b + 5 + bitAt(l, a0, a1, a2, a3)]!;
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
    const N = this.nodes;
    let n = this.root;
    while (n >= 0) {
      const b = 8 * n;
      const l = N[b + 4]! & 255;
      if (!matches(N, b, Math.min(l, length), w0, w1, w2, w3)) return;
      if (l >= length) {
        this.walkFrom(n, fn);
        return;
      }
      n = N[b + 5 + bitAt(l, w0, w1, w2, w3)]!;
    }
  }

  private walkFrom(start: number, fn: (handle: number) => void): void {
    let stack = new Int32Array(64);
    let sp = 0;
    stack[sp++] = start;
    while (sp > 0) {
      const n = stack[--sp]!;
      const N = this.nodes;
      if (N[8 * n + 4]! >= PREFIX) fn(n);
      const a = N[8 * n + 5]!;
      const c = N[8 * n + 6]!;
      if (sp + 2 > stack.length) stack = grow(stack, stack.length * 2);
      if (c >= 0) stack[sp++] = c;
      if (a >= 0) stack[sp++] = a;
    }
  }

  /** Word `i` (0..3) of the prefix address of a live handle. */
  wordOf(handle: number, i: number): number {
    return this.nodes[8 * handle + i]! >>> 0;
  }

  /** Prefix length of a live handle. */
  lengthOf(handle: number): number {
    return this.nodes[8 * handle + 4]! & 255;
  }

  /** Gives back spare capacity after a bulk load (see `Ipv4Trie.trim`). */
  trim(): void {
    this.nodes = this.nodes.slice(0, 8 * Math.max(4, this.used));
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
      this.hTop!.fill(EMPTY_SLOT);
      this.hCount = 0;
    }
  }
}
