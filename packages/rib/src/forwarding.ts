/**
 * The forwarding view: prefix → resolved next hops (gateway and interface), what a FIB
 * sink installs. `ForwardingView` follows a `Rib`'s change events and keeps its own
 * `PrefixTrie`, so a sink can look up, walk or mirror it without touching the RIB.
 */
import type { Address, Prefix } from '@routekit/prefix';
import { PrefixTrie } from './prefix-trie.js';
import type { TrieOptions } from './trie4.js';

/** A next hop after recursive resolution: always an interface, a gateway unless directly connected. */
export interface ResolvedNextHop {
  readonly address?: Address;
  readonly interface: string;
}

/** One installed prefix of the forwarding view. */
export interface ForwardingEntry {
  readonly prefix: Prefix;
  readonly nextHops: readonly ResolvedNextHop[];
}

/** What the view needs from a change event. */
export interface ForwardingChange {
  readonly kind: 'add' | 'change' | 'remove';
  readonly prefix: Prefix;
  readonly nextHops: readonly ResolvedNextHop[];
}

/** Something that emits batches of changes (a `Rib`). */
export interface ChangeSource {
  subscribe(listener: (changes: readonly ForwardingChange[]) => void): () => void;
  forwarding(): ForwardingEntry[];
}

/**
 * A copy of a RIB's forwarding view kept in step through its change events. Lookups
 * go through the trie's compiled table (DIR-24-8 for IPv4) once it is large enough.
 */
export class ForwardingView {
  private readonly trie: PrefixTrie<readonly ResolvedNextHop[]>;
  private readonly unsubscribe: () => void;

  constructor(source: ChangeSource, options: TrieOptions = {}) {
    this.trie = new PrefixTrie(options);
    for (const e of source.forwarding()) this.trie.set(e.prefix, e.nextHops);
    this.unsubscribe = source.subscribe((changes) => this.apply(changes));
  }

  /** Applies one batch of changes (what the subscription does). */
  apply(changes: readonly ForwardingChange[]): void {
    for (const c of changes) {
      if (c.kind === 'remove') this.trie.delete(c.prefix);
      else this.trie.set(c.prefix, c.nextHops);
    }
  }

  /** Installed prefixes. */
  get size(): number {
    return this.trie.size;
  }

  /** Next hops for a destination (longest match), or undefined when there is no route. */
  lookup(address: Address | string): readonly ResolvedNextHop[] | undefined {
    return this.trie.lookup(address);
  }

  /** Next hops for a numeric IPv4 destination. No allocation. */
  lookup4(address: number): readonly ResolvedNextHop[] | undefined {
    return this.trie.lookup4(address);
  }

  /** Every installed prefix in prefix order. */
  entries(): ForwardingEntry[] {
    return [...this.trie].map((e) => ({ prefix: e.prefix, nextHops: e.value }));
  }

  /** Stops following the RIB. */
  close(): void {
    this.unsubscribe();
  }
}
