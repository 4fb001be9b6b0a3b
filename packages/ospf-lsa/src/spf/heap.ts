/** A binary min-heap of (key, value) pairs for Dijkstra; duplicates allowed (lazy deletion). */
export class MinHeap<T> {
  readonly #keys: number[] = [];
  readonly #values: T[] = [];

  get size(): number {
    return this.#keys.length;
  }

  push(key: number, value: T): void {
    const keys = this.#keys;
    const values = this.#values;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= key) break;
      keys[i] = keys[p]!;
      values[i] = values[p]!;
      i = p;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Smallest key first; undefined when empty. */
  pop(): { key: number; value: T } | undefined {
    const keys = this.#keys;
    const values = this.#values;
    const n = keys.length;
    if (n === 0) return undefined;
    const key = keys[0]!;
    const value = values[0]!;
    const lastK = keys.pop()!;
    const lastV = values.pop()!;
    const m = n - 1;
    if (m > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= m) break;
        const r = l + 1;
        const c = r < m && keys[r]! < keys[l]! ? r : l;
        if (keys[c]! >= lastK) break;
        keys[i] = keys[c]!;
        values[i] = values[c]!;
        i = c;
      }
      keys[i] = lastK;
      values[i] = lastV;
    }
    return { key, value };
  }
}
