/**
 * `Ipv4Trie`: the authoritative IPv4 prefix set, a path-compressed binary (PATRICIA)
 * trie in one typed array, plus an optional compiled DIR-24-8 table (`dir24.ts`) kept
 * in step with it for lookups.
 *
 * Every prefix gets a *handle*: a small integer that stays the same while the prefix is
 * in the trie (it may be reused after the prefix is removed). Callers keep their
 * values in their own arrays indexed by handle, so the trie stores nothing per value
 * and a lookup returns a number without allocating.
 *
 * Node layout: four int32 per node (16 bytes, so one cache line holds four nodes and a
 * step down the trie is one memory access): the key, `length | flag << 8` (flag 1 =
 * holds a prefix, 0 = glue, 2 = free), and the two children (-1 = none).
 *
 * Once the trie holds a few hundred prefixes it also keeps a jump table on the first
 * 16 bits: for each /16, the topmost node of length ≥ 16 inside it and the longest
 * prefix shorter than 16 bits covering it. Inserts, removals and exact finds of
 * prefixes of 16 bits or more start there instead of at the root, which saves the
 * cache misses of the top of the trie. From 2^19 prefixes the table is on the first 18
 * bits instead, and it also records the parent of each region's top node (checked
 * before use), so a removal that takes the top out needs no walk from the root.
 */

import { checkFamily, toAddress } from './address.js';
import { checkPrefix4, checkUint32, grow, mask32 } from './bits.js';
import { Dir24 } from './dir24.js';
import { RibError } from './errors.js';
import { ipv4Read, readIpv4Bits } from './text.js';

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

const PREFIX = 256;
/** Node slots an `Ipv4Trie` can have: the compiled table keeps handles in 24 bits. */
const MAX_NODES = 0xff_fffe;
const FREE = 512;
/** Prefix count from which the /16 jump table is kept. */
const JUMP_THRESHOLD = 256;
/**
 * Prefix count from which the jump table is indexed by the first {@link WIDE_JUMP_BITS}
 * bits instead (2 MiB, 2 bytes per prefix at a million prefixes): two or three fewer
 * nodes, all cache misses, per update and exact find on a full table.
 */
const WIDE_JUMP_THRESHOLD = 1 << 19;
const WIDE_JUMP_BITS = 18;

export class Ipv4Trie {
  /** @internal Four int32 per node: key, length | flag << 8, child 0, child 1. */
  nodes: Int32Array;
  private root = -1;
  private used = 0;
  private freeHead = -1;
  private count = 0;
  private fib: Dir24 | undefined;
  private readonly mode: CompileMode;
  private jTop: Int32Array | undefined;
  private readonly scratch: Int32Array = new Int32Array(64);
  private readonly slow: Uint8Array = new Uint8Array(64);
  private jBest: Int32Array | undefined;
  /** Parent of each region's top node when last computed (checked before use). */
  private jPar: Int32Array | undefined;
  /** Address bits the jump table is indexed by: 16, or {@link WIDE_JUMP_BITS} on a large trie. */
  private jBits = 16;

  constructor(options: TrieOptions = {}) {
    const cap = Math.max(4, options.capacity ?? 64);
    this.nodes = new Int32Array(cap * 4);
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
    const jump =
      (this.jTop?.byteLength ?? 0) + (this.jBest?.byteLength ?? 0) + (this.jPar?.byteLength ?? 0);
    return { trie: this.nodes.byteLength + jump, fib: this.fib?.byteLength ?? 0 };
  }

  private alloc(key: number, lf: number): number {
    let n = this.freeHead;
    if (n >= 0) {
      this.freeHead = this.nodes[4 * n + 2]!;
    } else {
      n = this.used++;
      if (n >= MAX_NODES) {
        this.used--;
        throw new RibError('capacity-exceeded', `an IPv4 trie holds at most ${MAX_NODES} nodes`);
      }
      if (4 * n >= this.nodes.length)
        this.nodes = grow(this.nodes, Math.ceil(this.nodes.length * 1.5) & ~3);
    }
    const N = this.nodes;
    const b = 4 * n;
    N[b] = key;
    N[b + 1] = lf;
    N[b + 2] = -1;
    N[b + 3] = -1;
    return n;
  }

  private free(n: number): void {
    this.nodes[4 * n + 1] = FREE;
    this.nodes[4 * n + 2] = this.freeHead;
    this.freeHead = n;
  }

  private link(parent: number, bit: number, child: number): void {
    if (parent < 0) this.root = child;
    else this.nodes[4 * parent + 2 + bit] = child;
  }

  /**
   * Adds prefix `key/length` (key a uint32 with zero host bits) and returns its handle;
   * returns the existing handle when it is already present. Throws `invalid-prefix`.
   */
  insert(key: number, length: number): number {
    checkPrefix4(key, length);
    return this.insertChecked(key, length);
  }

  private insertChecked(key: number, length: number): number {
    let h: number;
    const top = this.regionTop(key, length);
    if (top >= 0) {
      h = this.insertFrom(key, length, top, -1, 0);
    } else if (this.jTop !== undefined && length >= this.jBits) {
      h = this.insertFrom(key, length, this.root, -1, 0);
      this.refreshRegion(key >>> (32 - this.jBits));
    } else if (this.jTop !== undefined) {
      const before = this.count;
      h = this.insertFrom(key, length, this.root, -1, 0);
      if (this.count !== before) this.refreshRegions(key, length);
    } else {
      h = this.insertFrom(key, length, this.root, -1, 0);
    }
    if (
      this.jTop === undefined
        ? this.count >= JUMP_THRESHOLD
        : this.jBits < WIDE_JUMP_BITS && this.count >= WIDE_JUMP_THRESHOLD
    )
      this.buildJump();
    return h;
  }

  /**
   * The topmost node of the /16 of `key` when the prefix `key/length` lies inside it
   * (so every change stays below it), else -1.
   */
  private regionTop(key: number, length: number): number {
    const jt = this.jTop;
    if (jt === undefined || length < this.jBits) return -1;
    const t = jt[key >>> (32 - this.jBits)]!;
    if (t < 0) return -1;
    const N = this.nodes;
    const tl = N[4 * t + 1]! & 255;
    if (tl > length || (key ^ N[4 * t]!) >>> (32 - tl) !== 0) return -1;
    return t;
  }

  private insertFrom(
    key: number,
    length: number,
    start: number,
    parentIn: number,
    bitIn: number,
  ): number {
    let parent = parentIn;
    let bit = bitIn;
    let n = start;
    for (;;) {
      if (n < 0) {
        const m = this.alloc(key, length | PREFIX);
        this.link(parent, bit, m);
        return this.added(m, key, length);
      }
      const N = this.nodes;
      const b = 4 * n;
      const nk = N[b]! >>> 0;
      const lf = N[b + 1]!;
      const nl = lf & 255;
      const common = Math.min(Math.clz32(key ^ nk), nl, length);
      if (common === nl) {
        if (nl === length) {
          if (lf >= PREFIX) return n;
          N[b + 1] = nl | PREFIX;
          return this.added(n, key, length);
        }
        parent = n;
        bit = (key >>> (31 - nl)) & 1;
        n = N[b + 2 + bit]!;
        continue;
      }
      if (common === length) {
        const m = this.alloc(key, length | PREFIX);
        this.nodes[4 * m + 2 + ((nk >>> (31 - length)) & 1)] = n;
        this.link(parent, bit, m);
        return this.added(m, key, length);
      }
      const g = this.alloc((key & mask32(common)) >>> 0, common);
      const m = this.alloc(key, length | PREFIX);
      const side = (key >>> (31 - common)) & 1;
      this.nodes[4 * g + 2 + side] = m;
      this.nodes[4 * g + 3 - side] = n;
      this.link(parent, bit, g);
      return this.added(m, key, length);
    }
  }

  private added(h: number, key: number, length: number): number {
    this.count++;
    this.fib?.assign(key, length, h);
    return h;
  }

  /** The handle of prefix `key/length`, or -1. */
  find(key: number, length: number): number {
    const N = this.nodes;
    const top = this.regionTop(key, length);
    let n = top >= 0 ? top : this.root;
    while (n >= 0) {
      const b = 4 * n;
      const lf = N[b + 1]!;
      const nl = lf & 255;
      if (nl > length) return -1;
      if (nl !== 0 && (key ^ N[b]!) >>> (32 - nl) !== 0) return -1;
      if (nl === length) return lf >= PREFIX ? n : -1;
      n = N[b + 2 + ((key >>> (31 - nl)) & 1)]!;
    }
    return -1;
  }

  /**
   * Removes prefix `key/length`; returns the handle it had, or -1 when absent. Throws
   * `invalid-prefix`.
   */
  remove(key: number, length: number): number {
    checkPrefix4(key, length);
    const top = this.regionTop(key, length);
    if (top >= 0) {
      const h = this.removeFrom(key, length, top);
      if (h !== -2) return h;
    }
    const h = this.removeFrom(key, length, -1);
    if (h >= 0 && this.jTop !== undefined) {
      if (length >= this.jBits) this.refreshRegion(key >>> (32 - this.jBits));
      else this.refreshRegions(key, length);
    }
    return h;
  }

  /**
   * Removal from the root (`top` -1) or from the topmost node of the prefix's region;
   * returns -2 when the change would reach above `top` (the caller retries from the root).
   */
  private removeFrom(key: number, length: number, top: number): number {
    const N = this.nodes;
    let grand = -1;
    let gbit = 0;
    let parent = -1;
    let pbit = 0;
    let n = top >= 0 ? top : this.root;
    let cover = top >= 0 ? this.jBest![key >>> (32 - this.jBits)]! : -1;
    while (n >= 0) {
      const b = 4 * n;
      const lf = N[b + 1]!;
      const nl = lf & 255;
      if (nl > length) return -1;
      if (nl !== 0 && (key ^ N[b]!) >>> (32 - nl) !== 0) return -1;
      if (nl === length) break;
      if (lf >= PREFIX) cover = n;
      grand = parent;
      gbit = pbit;
      parent = n;
      pbit = (key >>> (31 - nl)) & 1;
      n = N[b + 2 + pbit]!;
    }
    if (n < 0 || N[4 * n + 1]! < PREFIX) return -1;
    const a = N[4 * n + 2]!;
    const c = N[4 * n + 3]!;
    // From the region's top node, changes must stay below it: removing the top itself
    // (unless it just becomes glue) or splicing it out needs its parent.
    const splicesTop =
      top >= 0 &&
      (n === top ? a < 0 || c < 0 : parent === top && a < 0 && c < 0 && N[4 * top + 1]! < PREFIX);
    if (splicesTop) return this.spliceTop(key, length, n, top, pbit, cover);
    this.fib?.release(key, length, n, cover, cover < 0 ? 0 : this.nodes[4 * cover + 1]! & 255);
    this.count--;
    if (a >= 0 && c >= 0) {
      N[4 * n + 1] = length;
      return n;
    }
    if (a >= 0 || c >= 0) {
      this.link(parent, pbit, a >= 0 ? a : c);
      this.free(n);
      return n;
    }
    this.link(parent, pbit, -1);
    this.free(n);
    if (parent >= 0 && N[4 * parent + 1]! < PREFIX) {
      // A glue node left with one child is spliced out.
      this.link(grand, gbit, N[4 * parent + 3 - pbit]!);
      this.free(parent);
    }
    return n;
  }

  /**
   * Removal of prefix node `n` that also takes the region's top node out of the trie
   * (`n` is the top with at most one child, or a leaf under a glue top): done through the
   * top's parent recorded in the jump table when that record still holds (a live node
   * whose child on the key's side is the top), and the jump entry updated in place;
   * otherwise -2 (the caller retries from the root).
   */
  private spliceTop(
    key: number,
    length: number,
    n: number,
    top: number,
    pbit: number,
    cover: number,
  ): number {
    const N = this.nodes;
    const j = key >>> (32 - this.jBits);
    const p = this.jPar![j]!;
    if (p < 0) return -2;
    const plf = N[4 * p + 1]!;
    if (plf >= FREE) return -2;
    const side = 4 * p + 2 + ((key >>> (31 - (plf & 255))) & 1);
    if (N[side] !== top) return -2;
    let next: number;
    if (n === top) {
      const a = N[4 * n + 2]!;
      const c = N[4 * n + 3]!;
      // A glue parent left with one child would have to go too: that needs its parent.
      if (a < 0 && c < 0 && plf < PREFIX) return -2;
      next = a >= 0 ? a : c;
    } else {
      next = N[4 * top + 3 - pbit]!;
    }
    this.fib?.release(key, length, n, cover, cover < 0 ? 0 : N[4 * cover + 1]! & 255);
    this.count--;
    N[side] = next;
    this.free(n);
    if (n !== top) this.free(top);
    // Everything of length ≥ jBits in the region was below the top: `next` (or nothing)
    // is the new top, under the same parent; the shorter covering prefix is unchanged.
    this.jTop![j] = next;
    this.jPar![j] = next < 0 ? -1 : p;
    return n;
  }

  private buildJump(): void {
    this.jBits = this.count >= WIDE_JUMP_THRESHOLD ? WIDE_JUMP_BITS : 16;
    const size = 1 << this.jBits;
    this.jTop = new Int32Array(size);
    this.jBest = new Int32Array(size);
    this.jPar = new Int32Array(size);
    for (let i = 0; i < size; i++) this.refreshRegion(i);
  }

  private refreshRegions(key: number, length: number): void {
    const first = key >>> (32 - this.jBits);
    const n = 2 ** (this.jBits - length);
    for (let i = first; i < first + n; i++) this.refreshRegion(i);
  }

  /** Recomputes the jump entry of region `i` (the /16 or /18 numbered `i`). */
  private refreshRegion(i: number): void {
    const jb = this.jBits;
    const a = (i << (32 - jb)) >>> 0;
    const N = this.nodes;
    let n = this.root;
    let parent = -1;
    let best = -1;
    while (n >= 0) {
      const lf = N[4 * n + 1]!;
      const l = lf & 255;
      if (l >= jb) {
        if ((a ^ N[4 * n]!) >>> (32 - jb) !== 0) n = -1;
        break;
      }
      if (l !== 0 && (a ^ N[4 * n]!) >>> (32 - l) !== 0) {
        n = -1;
        break;
      }
      if (lf >= PREFIX) best = n;
      parent = n;
      n = N[4 * n + 2 + ((a >>> (31 - l)) & 1)]!;
    }
    this.jTop![i] = n;
    this.jBest![i] = best;
    this.jPar![i] = n < 0 ? -1 : parent;
  }

  /** Builds the compiled table now (whatever the mode) unless it exists. */
  compile(): void {
    if (this.fib !== undefined) return;
    const fib = new Dir24();
    // Pre-order: a prefix comes before the more-specifics inside it, which overwrite.
    this.forEach((h) => {
      fib.fill(this.nodes[4 * h]! >>> 0, this.nodes[4 * h + 1]! & 255, h);
    });
    this.fib = fib;
  }

  /**
   * Adds many prefixes at once (a table load) and returns their handles in input order.
   * The prefixes are sorted first, so the inserts walk the trie in address order and stay
   * in cache: several times faster than inserting in random order.
   * Throws `invalid-prefix` (before adding anything) if one is not canonical.
   */
  insertAll(
    keys: Uint32Array | readonly number[],
    lengths: Uint8Array | readonly number[],
  ): Int32Array {
    const n = keys.length;
    if (lengths.length !== n)
      throw new RibError('invalid-prefix', 'keys and lengths differ in count');
    for (let i = 0; i < n; i++) checkPrefix4(keys[i]!, lengths[i]!);
    // LSD radix sort: by length, then the low and the high 16 bits of the address, so
    // prefixes come in address order, each before the more-specifics inside it.
    const k = keys instanceof Uint32Array ? keys : Uint32Array.from(keys);
    const count = new Int32Array((1 << 16) + 1);
    // Pass 1: by length (stable counting sort of the indices).
    const byLength = new Int32Array(n);
    for (let i = 0; i < n; i++) count[lengths[i]! + 1]!++;
    for (let b = 0; b < 33; b++) count[b + 1]! += count[b]!;
    for (let i = 0; i < n; i++) byLength[count[lengths[i]!]!++] = i;
    // Pass 2: by the low 16 bits.
    const byLow = new Int32Array(n);
    count.fill(0);
    for (let i = 0; i < n; i++) count[(k[i]! & 0xffff) + 1]!++;
    for (let b = 0; b < 1 << 16; b++) count[b + 1]! += count[b]!;
    for (let i = 0; i < n; i++) {
      const x = byLength[i]!;
      byLow[count[k[x]! & 0xffff]!++] = x;
    }
    // Pass 3: by the high 16 bits.
    const order = byLength;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(k[i]! >>> 16) + 1]!++;
    for (let b = 0; b < 1 << 16; b++) count[b + 1]! += count[b]!;
    for (let i = 0; i < n; i++) {
      const x = byLow[i]!;
      order[count[k[x]! >>> 16]!++] = x;
    }
    const need = 4 * (this.used + 2 * n);
    if (this.nodes.length < need) this.nodes = grow(this.nodes, need);
    // Sorted input goes in along the right edge of the trie: keep the path to the last
    // inserted prefix and start each insert at its deepest node containing the next
    // prefix. The jump table is rebuilt once at the end.
    const jumping = this.jTop !== undefined || this.count + n >= JUMP_THRESHOLD;
    this.jTop = undefined;
    this.jBest = undefined;
    this.jPar = undefined;
    const out = new Int32Array(n);
    const path = new Int32Array(34);
    let depth = 0;
    const N = (): Int32Array => this.nodes;
    for (let i = 0; i < n; i++) {
      const x = order[i]!;
      const key = k[x]!;
      const len = lengths[x]!;
      while (depth > 0) {
        const t = path[depth - 1]!;
        const tl = N()[4 * t + 1]! & 255;
        if (tl <= len && (tl === 0 || (key ^ N()[4 * t]!) >>> (32 - tl) === 0)) break;
        depth--;
      }
      const start = depth > 0 ? path[depth - 1]! : this.root;
      const h = this.insertFrom(key, len, start, -1, 0);
      out[x] = h;
      // Extend the path from `start` (or the root) down to the new node.
      let m = depth > 0 ? path[depth - 1]! : this.root;
      if (depth === 0) path[depth++] = m;
      while (m !== h) {
        const b = 4 * m;
        m = N()[b + 2 + ((key >>> (31 - (N()[b + 1]! & 255))) & 1)]!;
        path[depth++] = m;
      }
    }
    if (jumping) this.buildJump();
    return out;
  }

  /** Handle of the longest prefix containing `address` (a uint32), or -1. No allocation. */
  lookup(address: number): number {
    const fib = this.fib;
    if (fib !== undefined) {
      const e = fib.l1[address >>> 8]!;
      return ((e >= 0 ? e : fib.l2[(~e << 8) | (address & 255)]!) & 0xff_ffff) - 1;
    }
    if (this.mode === 'auto' && this.count >= COMPILE_THRESHOLD) {
      this.compile();
      return this.lookup(address);
    }
    return this.walk(address);
  }

  /**
   * Handle of the longest prefix containing the address in `text` (dotted quad), or -1.
   * Plain dotted quads are read without allocating; anything else goes through
   * `@routekit/prefix`. Throws `invalid-address` / `wrong-family`.
   */
  lookupText(text: string): number {
    const h = this.lookupDotted(text);
    if (h !== -2) return h;
    const a = toAddress(text);
    checkFamily(4, a.family, 'address');
    return this.lookup((a as { value: number }).value);
  }

  /**
   * @internal `lookupText` for a plain dotted quad: the handle (or -1), and -2 when the
   * text is not one (the caller takes the general path). The reader is written out here
   * rather than called, so the single-call string lookups stay one function with no
   * shared state: its loads and the table read of the previous call overlap better.
   */
  lookupDotted(s: string): number {
    const n = s.length;
    if (n < 7 || n > 15) return -2;
    let v = 0;
    let i = 0;
    for (let k = 0; k < 4; k++) {
      let x = s.charCodeAt(i) - 48;
      if (x < 0 || x > 9) return -2;
      i++;
      if (i < n && x !== 0) {
        let d = s.charCodeAt(i) - 48;
        if (d >= 0 && d <= 9) {
          x = x * 10 + d;
          i++;
          if (i < n) {
            d = s.charCodeAt(i) - 48;
            if (d >= 0 && d <= 9) {
              x = x * 10 + d;
              i++;
              if (x > 255) return -2;
            }
          }
        }
      }
      v = (v << 8) | x;
      if (k === 3) break;
      if (i >= n || s.charCodeAt(i) !== 46) return -2;
      i++;
    }
    if (i !== n) return -2;
    const fib = this.fib;
    if (fib === undefined) return this.lookup(v);
    const e = fib.l1[v >>> 8]!;
    return ((e >= 0 ? e : fib.l2[(~e << 8) | (v & 255)]!) & 0xff_ffff) - 1;
  }

  /**
   * `lookupText` for many destinations: `out[i]` gets the handle for `texts[i]` (-1: no
   * route). Texts are read in groups of 64 before their table reads, so the memory
   * accesses of a group overlap instead of waiting on each other. Throws like
   * `lookupText` (entries before the bad one are filled).
   */
  lookupTexts(texts: readonly string[], out: Int32Array): void {
    const n = Math.min(texts.length, out.length);
    const bits = this.scratch;
    for (let start = 0; start < n; start += 64) {
      const end = Math.min(n, start + 64);
      for (let i = start; i < end; i++) {
        const v = readIpv4Bits(texts[i]!);
        if (!ipv4Read.ok) {
          out[i] = this.lookupText(texts[i]!);
          bits[i - start] = 0;
          this.slow[i - start] = 1;
        } else {
          bits[i - start] = v;
          this.slow[i - start] = 0;
        }
      }
      for (let i = start; i < end; i++)
        if (this.slow[i - start] === 0) out[i] = this.lookup(bits[i - start]!);
    }
  }

  /** Longest match by walking the trie (what `lookup` does without a compiled table). */
  walk(address: number): number {
    const N = this.nodes;
    let n = this.root;
    let best = -1;
    const jt = this.jTop;
    if (jt !== undefined) {
      const j = address >>> (32 - this.jBits);
      n = jt[j]!;
      best = this.jBest![j]!;
    }
    while (n >= 0) {
      const b = 4 * n;
      const lf = N[b + 1]!;
      const l = lf & 255;
      if (l !== 0 && (address ^ N[b]!) >>> (32 - l) !== 0) break;
      if (lf >= PREFIX) best = n;
      if (l === 32) break;
      n = N[b + 2 + ((address >>> (31 - l)) & 1)]!;
    }
    return best;
  }

  /** Handles of every prefix containing `address`, shortest first. */
  matches(address: number): number[] {
    checkUint32(address, 'IPv4 address');
    const N = this.nodes;
    const out: number[] = [];
    let n = this.root;
    while (n >= 0) {
      const b = 4 * n;
      const lf = N[b + 1]!;
      const l = lf & 255;
      if (l !== 0 && (address ^ N[b]!) >>> (32 - l) !== 0) break;
      if (lf >= PREFIX) out.push(n);
      if (l === 32) break;
      n = N[b + 2 + ((address >>> (31 - l)) & 1)]!;
    }
    return out;
  }

  /** Handle of the longest prefix strictly containing `key/length`, or -1. */
  parentOf(key: number, length: number): number {
    const N = this.nodes;
    let n = this.root;
    let best = -1;
    while (n >= 0) {
      const b = 4 * n;
      const lf = N[b + 1]!;
      const l = lf & 255;
      if (l >= length) break;
      if (l !== 0 && (key ^ N[b]!) >>> (32 - l) !== 0) break;
      if (lf >= PREFIX) best = n;
      n = N[b + 2 + ((key >>> (31 - l)) & 1)]!;
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
    const N = this.nodes;
    let n = this.root;
    while (n >= 0) {
      const b = 4 * n;
      const l = N[b + 1]! & 255;
      if (((key ^ N[b]!) & mask32(Math.min(l, length))) !== 0) return;
      if (l >= length) {
        this.walkFrom(n, fn);
        return;
      }
      n = N[b + 2 + ((key >>> (31 - l)) & 1)]!;
    }
  }

  private walkFrom(start: number, fn: (handle: number) => void): void {
    let stack = new Int32Array(40);
    let sp = 0;
    stack[sp++] = start;
    while (sp > 0) {
      const n = stack[--sp]!;
      const N = this.nodes;
      if (N[4 * n + 1]! >= PREFIX) fn(n);
      const a = N[4 * n + 2]!;
      const c = N[4 * n + 3]!;
      if (sp + 2 > stack.length) stack = grow(stack, stack.length * 2);
      if (c >= 0) stack[sp++] = c;
      if (a >= 0) stack[sp++] = a;
    }
  }

  /** Prefix address (uint32) of a live handle. */
  keyOf(handle: number): number {
    return this.nodes[4 * handle]! >>> 0;
  }

  /** Prefix length of a live handle. */
  lengthOf(handle: number): number {
    return this.nodes[4 * handle + 1]! & 255;
  }

  /**
   * Gives back spare capacity: after a bulk load the node array is cut to the slots in
   * use (growth leaves up to a third of them empty). Later inserts grow it again.
   */
  trim(): void {
    this.nodes = this.nodes.slice(0, 4 * Math.max(4, this.used));
  }

  /** Removes every prefix (the compiled table, if any, is emptied too). */
  clear(): void {
    this.root = -1;
    this.used = 0;
    this.freeHead = -1;
    this.count = 0;
    this.fib?.clear();
    this.jTop = undefined;
    this.jBest = undefined;
    this.jPar = undefined;
    this.jBits = 16;
  }
}
