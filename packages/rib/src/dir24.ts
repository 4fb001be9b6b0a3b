/**
 * DIR-24-8 (Gupta, Lin, McKeown, "Routing lookups in hardware at memory access
 * speeds", INFOCOM 1998): the compiled IPv4 lookup table behind `Ipv4Trie.lookup`.
 *
 * - `l1`: 2^24 Int32 entries indexed by the top 24 bits. `0` = no route,
 *   `length << 24 | (h + 1)` = the trie handle `h` (and length) of the longest prefix of
 *   length ≤ 24 covering that /24, and a negative value `~c` = second-level chunk `c`.
 * - `l2`: 256-entry chunks indexed by the last 8 bits, for the /24s that hold a prefix
 *   longer than 24; entries are `0` or `length << 24 | (h + 1)`.
 *
 * Keeping the owner's length in the entry lets updates decide without reading the trie;
 * handles must stay below 2^24 - 1 (about ten million prefixes).
 *
 * A lookup is one or two array reads. Entries name the trie node that owns them, so
 * updates are incremental: inserting `p/len` overwrites exactly the entries of its
 * range whose owner is shorter than `len`; removing it hands its entries to the
 * nearest covering prefix. The trie stays the authority; this is a cache kept in step.
 */
import { grow } from './bits.js';

const L1_SIZE = 1 << 24;

export class Dir24 {
  readonly l1: Int32Array = new Int32Array(L1_SIZE);
  l2: Int32Array = new Int32Array(256 * 64);
  private chunks = 0;
  private freeChunks: number[] = [];

  /** Bytes held by the table, capacity included. */
  get byteLength(): number {
    return this.l1.byteLength + this.l2.byteLength;
  }

  private newChunk(fill: number): number {
    let c = this.freeChunks.pop();
    if (c === undefined) {
      c = this.chunks++;
      if (this.chunks * 256 > this.l2.length) this.l2 = grow(this.l2, this.l2.length * 2);
    }
    this.l2.fill(fill, c * 256, c * 256 + 256);
    return c;
  }

  /**
   * Prefix `key/len` got handle `h`: take over every entry of its range whose owner is
   * shorter.
   */
  assign(key: number, len: number, h: number): void {
    const v = (len << 24) | (h + 1);
    const l1 = this.l1;
    if (len <= 24) {
      const start = key >>> 8;
      const end = start + 2 ** (24 - len);
      for (let i = start; i < end; i++) {
        const e = l1[i]!;
        if (e >= 0) {
          if (e === 0 || e >>> 24 < len) l1[i] = v;
        } else {
          const l2 = this.l2;
          const base = ~e << 8;
          for (let j = base; j < base + 256; j++) {
            const x = l2[j]!;
            if (x === 0 || x >>> 24 < len) l2[j] = v;
          }
        }
      }
      return;
    }
    const i = key >>> 8;
    let e = l1[i]!;
    if (e >= 0) {
      e = ~this.newChunk(e);
      l1[i] = e;
    }
    const l2 = this.l2;
    const from = (~e << 8) | (key & 255);
    const to = from + 2 ** (32 - len);
    for (let j = from; j < to; j++) {
      const x = l2[j]!;
      if (x === 0 || x >>> 24 < len) l2[j] = v;
    }
  }

  /**
   * Bulk build: sets the whole range of `key/len` to handle `h`. Correct only when
   * prefixes come in trie pre-order (every prefix before the more-specifics inside it).
   */
  fill(key: number, len: number, h: number): void {
    const v = (len << 24) | (h + 1);
    if (len <= 24) {
      const start = key >>> 8;
      this.l1.fill(v, start, start + 2 ** (24 - len));
      return;
    }
    const i = key >>> 8;
    let e = this.l1[i]!;
    if (e >= 0) {
      e = ~this.newChunk(e);
      this.l1[i] = e;
    }
    const from = (~e << 8) | (key & 255);
    this.l2.fill(v, from, from + 2 ** (32 - len));
  }

  /** Prefix `key/len` (handle `h`) is gone: its entries go to `parent` (a handle or -1). */
  release(key: number, len: number, h: number, parent: number, parentLen: number): void {
    const v = (len << 24) | (h + 1);
    const r = parent < 0 ? 0 : (parentLen << 24) | (parent + 1);
    const l1 = this.l1;
    if (len <= 24) {
      const start = key >>> 8;
      const end = start + 2 ** (24 - len);
      for (let i = start; i < end; i++) {
        const e = l1[i]!;
        if (e >= 0) {
          if (e === v) l1[i] = r;
        } else {
          const l2 = this.l2;
          const base = ~e << 8;
          for (let j = base; j < base + 256; j++) if (l2[j] === v) l2[j] = r;
        }
      }
      return;
    }
    const i = key >>> 8;
    const e = l1[i]!;
    if (e >= 0) return;
    const l2 = this.l2;
    const base = ~e << 8;
    const from = base | (key & 255);
    const to = from + 2 ** (32 - len);
    for (let j = from; j < to; j++) if (l2[j] === v) l2[j] = r;
    // Collapse a chunk whose entries are all the same again.
    const first = l2[base]!;
    for (let j = base + 1; j < base + 256; j++) if (l2[j] !== first) return;
    l1[i] = first;
    this.freeChunks.push(~e);
  }

  /** Forget everything. */
  clear(): void {
    this.l1.fill(0);
    this.chunks = 0;
    this.freeChunks = [];
  }
}
