/**
 * Test and simulation helpers: an in-memory multicast network of {@link RipTransport}s on
 * a {@link VirtualClock}, and fast-check arbitraries of the engine's timers.
 */
import fc from 'fast-check';
import type { VirtualClock } from './clock.js';
import type { RipTimers } from './timers.js';
import type { RipDatagram, RipDestination, RipTransport } from './transport.js';

/** One packet the network carried (for assertions). */
export interface CarriedPacket {
  readonly at: number;
  readonly from: string;
  readonly ifname: string;
  readonly link: string;
  readonly source: string;
  readonly to: string;
  readonly bytes: Uint8Array;
}

interface Attachment {
  readonly node: string;
  readonly ifname: string;
  readonly link: string;
  readonly address: string;
}

/**
 * Links are broadcast segments: a packet sent without a destination (the multicast
 * group) or to the broadcast address reaches every other attachment of the link; a
 * unicast one only the attachment with that address. Delivery takes `delay` ms of virtual time.
 */
export class MemoryNetwork {
  readonly #clock: VirtualClock;
  readonly #delay: number;
  readonly #attachments: Attachment[] = [];
  readonly #handlers = new Map<string, (d: RipDatagram) => void>();
  readonly #down = new Set<string>();
  readonly #dead = new Set<string>();
  readonly #port: number;
  /** Every packet sent, in order. */
  readonly log: CarriedPacket[] = [];

  constructor(clock: VirtualClock, options: { delay?: number; port?: number } = {}) {
    this.#clock = clock;
    this.#delay = options.delay ?? 1;
    this.#port = options.port ?? 520;
  }

  /** Put `node`'s interface `ifname` with `address` (no prefix length) on `link`. */
  attach(node: string, ifname: string, link: string, address: string): void {
    this.#attachments.push({ node, ifname, link, address });
  }

  /** The transport of `node`. */
  transport(node: string): RipTransport {
    return {
      send: (ifname, bytes, destination) => this.#send(node, ifname, bytes, destination),
      listen: (handler) => {
        this.#handlers.set(node, handler);
      },
      close: () => {
        this.#handlers.delete(node);
      },
    };
  }

  /** Cut (or restore) a link: nothing crosses it, silently. */
  setLinkUp(link: string, up: boolean): void {
    if (up) this.#down.delete(link);
    else this.#down.add(link);
  }

  /** A node dies silently (no packet in or out), as a killed process does. */
  kill(node: string): void {
    this.#dead.add(node);
  }

  #send(node: string, ifname: string, bytes: Uint8Array, destination?: RipDestination): void {
    const self = this.#attachments.find((a) => a.node === node && a.ifname === ifname);
    if (self === undefined) throw new Error(`${node} has no interface ${ifname}`);
    const copy = bytes.slice();
    this.log.push({
      at: this.#clock.now(),
      from: node,
      ifname,
      link: self.link,
      source: self.address,
      to:
        destination === undefined
          ? 'multicast'
          : destination.broadcast === true
            ? `broadcast ${destination.address}`
            : destination.address,
      bytes: copy,
    });
    if (this.#dead.has(node) || this.#down.has(self.link)) return;
    for (const peer of this.#attachments) {
      if (peer.link !== self.link || peer === self) continue;
      const unicast = destination !== undefined && destination.broadcast !== true;
      if (unicast && peer.address !== destination.address) continue;
      this.#clock.set(() => {
        if (this.#dead.has(peer.node) || this.#down.has(self.link)) return;
        this.#handlers.get(peer.node)?.({
          ifname: peer.ifname,
          source: self.address,
          sourcePort: this.#port,
          multicast: !unicast,
          bytes: copy,
        });
      }, this.#delay);
    }
  }
}

/** Timers in milliseconds that keep RFC 2453's proportions. */
export const arbRipTimers: fc.Arbitrary<RipTimers> = fc
  .integer({ min: 1_000, max: 30_000 })
  .map((update) => ({
    update,
    jitter: Math.floor(update / 6),
    timeout: update * 6,
    garbage: update * 4,
    triggeredMin: Math.floor(update / 30),
    triggeredMax: Math.floor(update / 6),
  }));
