/**
 * Interning tables: equal values (next-hop sets, attribute objects, resolved next-hop
 * sets) are stored once and referred to by a 32-bit id, with reference counts so ids
 * are reused once nothing points at them. This is what keeps a full table small: a
 * million BGP routes from one peer share a handful of next-hop and attribute sets.
 */

/** Values interned by a string key. */
export class KeyedTable<V> {
  private readonly ids = new Map<string, number>();
  private readonly keys: (string | undefined)[] = [];
  readonly values: (V | undefined)[] = [];
  private readonly refs: number[] = [];
  private readonly free: number[] = [];

  /** The id of the value with this key (made by `make` if new), its count raised by one. */
  acquire(key: string, make: () => V): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.free.pop() ?? this.values.length;
      this.ids.set(key, id);
      this.keys[id] = key;
      this.values[id] = make();
      this.refs[id] = 0;
    }
    this.refs[id]!++;
    return id;
  }

  /** Drops one reference; the value is forgotten at zero. */
  release(id: number): void {
    if (--this.refs[id]! > 0) return;
    this.ids.delete(this.keys[id]!);
    this.keys[id] = undefined;
    this.values[id] = undefined;
    this.free.push(id);
  }

  get(id: number): V {
    return this.values[id] as V;
  }
}

/** Values interned by identity (`===`), e.g. attribute objects shared by many routes. */
export class IdentityTable<V> {
  private readonly ids = new Map<V, number>();
  readonly values: (V | undefined)[] = [];
  private readonly refs: number[] = [];
  private readonly free: number[] = [];

  /** Raises the count of `id` if it still holds `value` (a caller's cached id); else false. */
  retainIf(id: number, value: V): boolean {
    if (id < 0 || this.values[id] !== value) return false;
    this.refs[id]!++;
    return true;
  }

  acquire(value: V): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.free.pop() ?? this.values.length;
      this.ids.set(value, id);
      this.values[id] = value;
      this.refs[id] = 0;
    }
    this.refs[id]!++;
    return id;
  }

  release(id: number): void {
    if (--this.refs[id]! > 0) return;
    this.ids.delete(this.values[id] as V);
    this.values[id] = undefined;
    this.free.push(id);
  }

  get(id: number): V {
    return this.values[id] as V;
  }
}
