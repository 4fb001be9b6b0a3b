/**
 * `PrefixHash4`: an exact-match index from IPv4 prefix to trie handle, beside the
 * `Rib`'s trie. Finding a prefix already present (a second peer announcing the same
 * table, a route replaced) is then one or two cache lines instead of a walk of about
 * six trie nodes. Open addressing with linear probing and backward-shift deletion, in
 * one `Int32Array` of (key, length | handle) pairs, at most half full.
 */
import { RibError } from './errors.js';

export class PrefixHash4 {
  /** Pairs: the prefix address (int32 bits), then `length << 24 | (handle + 1)` (0: empty). */
  private table: Int32Array;
  private shift: number;
  private mask: number;
  private count = 0;

  constructor(capacity = 16) {
    let bits = 4;
    while (1 << bits < 2 * capacity) bits++;
    this.table = new Int32Array(2 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
  }

  /** Bytes held, capacity included. */
  get byteLength(): number {
    return this.table.byteLength;
  }

  private home(key: number, length: number): number {
    return Math.imul(key ^ Math.imul(length + 1, 0x27d4_eb2d), 0x9e37_79b1) >>> this.shift;
  }

  /** The handle of `key/length`, or -1. */
  get(key: number, length: number): number {
    const t = this.table;
    const k = key | 0;
    let i = this.home(k, length);
    for (;;) {
      const v = t[2 * i + 1]!;
      if (v === 0) return -1;
      if (t[2 * i] === k && v >>> 24 === length) return (v & 0xff_ffff) - 1;
      i = (i + 1) & this.mask;
    }
  }

  /** Records `key/length` → `handle`; the prefix must be absent. */
  set(key: number, length: number, handle: number): void {
    if (handle >= 0xff_ffff) throw new RibError('capacity-exceeded', 'too many IPv4 prefixes');
    if (2 * (this.count + 1) > this.mask + 1) this.resize();
    const t = this.table;
    const k = key | 0;
    let i = this.home(k, length);
    while (t[2 * i + 1] !== 0) i = (i + 1) & this.mask;
    t[2 * i] = k;
    t[2 * i + 1] = (length << 24) | (handle + 1);
    this.count++;
  }

  /** Forgets `key/length` (nothing when absent). */
  delete(key: number, length: number): void {
    const t = this.table;
    const m = this.mask;
    const k = key | 0;
    let i = this.home(k, length);
    for (;;) {
      const v = t[2 * i + 1]!;
      if (v === 0) return;
      if (t[2 * i] === k && v >>> 24 === length) break;
      i = (i + 1) & m;
    }
    // Backward shift: move later entries of the run into the hole when their home
    // slot allows it, so lookups never need tombstones.
    let j = i;
    for (;;) {
      j = (j + 1) & m;
      const v = t[2 * j + 1]!;
      if (v === 0) break;
      const h = this.home(t[2 * j]!, v >>> 24);
      if (((j - h) & m) >= ((j - i) & m)) {
        t[2 * i] = t[2 * j]!;
        t[2 * i + 1] = v;
        i = j;
      }
    }
    t[2 * i] = 0;
    t[2 * i + 1] = 0;
    this.count--;
  }

  private resize(): void {
    const old = this.table;
    const bits = 33 - this.shift;
    this.table = new Int32Array(2 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) {
      const v = old[i + 1]!;
      if (v !== 0) this.set(old[i]!, v >>> 24, (v & 0xff_ffff) - 1);
    }
  }
}
