/**
 * How the engine talks to the network. The engine never opens sockets itself: a Node
 * UDP transport (`@routekit/rip/node`… see `transport/node.ts`), an in-memory network
 * (`@routekit/rip/testing`) or a simulator implements this.
 */

/** A datagram the transport received. */
export interface RipDatagram {
  /** The interface it arrived on (the engine's interface name). */
  readonly ifname: string;
  /** Source address as text (IPv4 dotted quad, or IPv6, link-local without zone). */
  readonly source: string;
  readonly sourcePort: number;
  /** Whether it was sent to the multicast group (else unicast to us). */
  readonly multicast?: boolean;
  readonly bytes: Uint8Array;
}

/** A unicast or (RIPv1) subnet-broadcast destination. */
export interface RipDestination {
  readonly address: string;
  /** Default 520 / 521. */
  readonly port?: number;
  /** The subnet broadcast address of the interface (RIPv1 updates, RFC 1058 §3.4). */
  readonly broadcast?: boolean;
}

export interface RipTransport {
  /**
   * Send `bytes` out of `ifname`: to the RIP multicast group (224.0.0.9 / ff02::9,
   * or the subnet broadcast for RIPv1) when `destination` is absent, else unicast to
   * `destination` at `port` (default 520 / 521).
   */
  send(ifname: string, bytes: Uint8Array, destination?: RipDestination): void;
  /** Register the engine's receive handler (one per transport). */
  listen(handler: (datagram: RipDatagram) => void): void;
  /** Stop receiving; the engine calls it from `stop()`. */
  close?(): void;
}
