import { Rib } from '@routekit/rib';
import {
  RipEngine,
  type RipEngineOptions,
  type RipEvent,
  type RipInterfaceConfig,
  VirtualClock,
} from '../src/index.js';
import { MemoryNetwork } from '../src/testing.js';

export interface Node {
  readonly name: string;
  readonly engine: RipEngine;
  readonly rib: Rib;
  readonly events: RipEvent[];
}

/** A virtual-clock lab of RIP engines on in-memory links. */
export class SimLab {
  readonly clock: VirtualClock = new VirtualClock();
  readonly net: MemoryNetwork;
  readonly nodes = new Map<string, Node>();
  readonly #ifaces = new Map<string, RipInterfaceConfig[]>();
  #seed = 1;

  constructor(options: { port?: number } = {}) {
    this.net = new MemoryNetwork(this.clock, options);
  }

  /** `a` and `b` on link `name`, addresses `<a addr>/<len>` and `<b addr>/<len>`. */
  link(
    a: string,
    b: string,
    aAddress: string,
    bAddress: string,
    extra: { a?: Partial<RipInterfaceConfig>; b?: Partial<RipInterfaceConfig> } = {},
  ): void {
    const name = `${a}-${b}`;
    this.net.attach(a, `${a}-${b}`, name, aAddress.split('/')[0]!);
    this.net.attach(b, `${b}-${a}`, name, bAddress.split('/')[0]!);
    this.#iface(a, { name: `${a}-${b}`, address: aAddress, ...extra.a });
    this.#iface(b, { name: `${b}-${a}`, address: bAddress, ...extra.b });
  }

  #iface(node: string, c: RipInterfaceConfig): void {
    const list = this.#ifaces.get(node) ?? [];
    list.push(c);
    this.#ifaces.set(node, list);
  }

  /** Create and start every node's engine. */
  start(
    options: Partial<RipEngineOptions> = {},
    perNode: Record<string, Partial<RipEngineOptions>> = {},
  ): void {
    for (const [name, interfaces] of this.#ifaces) {
      const rib = new Rib();
      // deterministic jitter per node
      let s = this.#seed++ * 7919;
      const random = () => {
        s = (s * 1103515245 + 12345) % 2147483648;
        return s / 2147483648;
      };
      const engine = new RipEngine({
        interfaces,
        transport: this.net.transport(name),
        clock: this.clock,
        random,
        rib,
        ...options,
        ...perNode[name],
      });
      const events: RipEvent[] = [];
      engine.on((e) => events.push(e));
      this.nodes.set(name, { name, engine, rib, events });
    }
    for (const n of this.nodes.values()) n.engine.start();
  }

  node(name: string): Node {
    const n = this.nodes.get(name);
    if (n === undefined) throw new Error(`no node ${name}`);
    return n;
  }

  /** The route of `prefix` in `node`'s RIP table (snapshot form). */
  route(node: string, prefix: string) {
    return this.node(node)
      .engine.snapshot()
      .routes.find((r) => r.prefix === prefix);
  }

  /** Advance until `predicate` holds (checking every `step` ms); returns the elapsed ms. */
  until(predicate: () => boolean, limit: number, step = 10): number {
    const start = this.clock.now();
    while (!predicate()) {
      if (this.clock.now() - start > limit) throw new Error(`not within ${limit} ms`);
      this.clock.advance(step);
    }
    return this.clock.now() - start;
  }
}
