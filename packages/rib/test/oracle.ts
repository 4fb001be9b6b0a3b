/** Linear-scan oracles the trie and RIB properties compare against. */
import {
  type Address,
  comparePrefix,
  containsAddress,
  containsPrefix,
  type Prefix,
  prefixKey,
} from '@routekit/prefix';

/** A prefix → value map answered by scanning every entry. */
export class ScanTable<T> {
  readonly entries: Map<string, { prefix: Prefix; value: T }> = new Map();

  /** Every prefix ever set, deleted ones included, so tests can probe where they were. */
  readonly seen: Prefix[] = [];

  set(prefix: Prefix, value: T): void {
    this.seen.push(prefix);
    this.entries.set(prefixKey(prefix), { prefix, value });
  }

  delete(prefix: Prefix): boolean {
    return this.entries.delete(prefixKey(prefix));
  }

  get(prefix: Prefix): T | undefined {
    return this.entries.get(prefixKey(prefix))?.value;
  }

  /** Every entry containing `a`, shortest first. */
  matches(a: Address): { prefix: Prefix; value: T }[] {
    return [...this.entries.values()]
      .filter((e) => containsAddress(e.prefix, a))
      .sort((x, y) => x.prefix.length - y.prefix.length);
  }

  lookup(a: Address): { prefix: Prefix; value: T } | undefined {
    return this.matches(a).at(-1);
  }

  within(p: Prefix): { prefix: Prefix; value: T }[] {
    return [...this.entries.values()]
      .filter((e) => containsPrefix(p, e.prefix))
      .sort((x, y) => comparePrefix(x.prefix, y.prefix));
  }

  sorted(): { prefix: Prefix; value: T }[] {
    return [...this.entries.values()].sort((x, y) => comparePrefix(x.prefix, y.prefix));
  }
}
