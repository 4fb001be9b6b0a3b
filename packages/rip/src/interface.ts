import { type Address, type Prefix, parseAddress, parsePrefix } from '@routekit/prefix';
import type { RipAuthKey } from '@routekit/rip-codec';

/** Split horizon (RFC 2453 §3.4.3). */
export type SplitHorizon = 'none' | 'simple' | 'poisoned-reverse';

/** Per-interface settings. */
export interface RipInterfaceConfig {
  /** The name the transport uses (`eth0`). Routes learned here get source `rip:<name>`. */
  readonly name: string;
  /**
   * This router's address on the interface with its prefix length (`10.0.12.2/24`;
   * RIPng: a global or link-local `fe80::1/64`). Packets from it are our own; the
   * prefix is the connected subnet (advertised when `advertiseConnected`).
   */
  readonly address: string;
  /** RIPv2 or RIPv1 packets out (default 2; ignored for RIPng). */
  readonly sendVersion?: 1 | 2;
  /** Versions accepted in (default [1, 2]; RIPng: always 1). */
  readonly acceptVersions?: readonly (1 | 2)[];
  /** Receive only, send nothing (default false). */
  readonly passive?: boolean;
  /** Default `poisoned-reverse`. */
  readonly splitHorizon?: SplitHorizon;
  /** Added to received metrics (default 1). */
  readonly cost?: number;
  /**
   * Authentication keys (RIPv2): when present, only packets that verify with one of them
   * are accepted and our packets are signed with the first one. When absent,
   * authenticated packets are refused (RFC 2453 §5.2).
   */
  readonly auth?: {
    readonly keys: readonly RipAuthKey[];
    /** FRR `auth-length old-ripd` compatibility: 20 with keyed MD5. */
    readonly authDataLength?: number;
  };
  /** Advertise this interface's subnet (default true). */
  readonly advertiseConnected?: boolean;
}

/** Counters per interface (shown in the snapshot). */
export interface RipCounters {
  packetsReceived: number;
  packetsSent: number;
  updatesSent: number;
  triggeredUpdates: number;
  requestsReceived: number;
  /** Packets dropped: undecodable, wrong version or port, not from a neighbour on the subnet. */
  badPackets: number;
  /** Route entries ignored (decoder issues, RFC 2453 §3.9.2). */
  badRoutes: number;
  /** Packets refused by authentication (wrong key or digest, missing, replayed). */
  authFailures: number;
}

export function emptyCounters(): RipCounters {
  return {
    packetsReceived: 0,
    packetsSent: 0,
    updatesSent: 0,
    triggeredUpdates: 0,
    requestsReceived: 0,
    badPackets: 0,
    badRoutes: 0,
    authFailures: 0,
  };
}

/** A configured interface, parsed. */
export interface RipInterface {
  readonly config: RipInterfaceConfig;
  readonly name: string;
  readonly address: Address;
  readonly subnet: Prefix;
  readonly sendVersion: 1 | 2;
  readonly acceptVersions: readonly number[];
  readonly passive: boolean;
  readonly splitHorizon: SplitHorizon;
  readonly cost: number;
  readonly counters: RipCounters;
  /** Last accepted cryptographic sequence number (and when) per neighbour address. */
  readonly sequences: Map<string, { readonly sequence: number; readonly at: number }>;
}

/** Parse and check an interface config (throws `RangeError`). */
export function makeInterface(config: RipInterfaceConfig, family: 4 | 6): RipInterface {
  const text = config.address;
  const slash = text.indexOf('/');
  if (slash < 0) throw new RangeError(`interface ${config.name}: address needs a prefix length`);
  const addr = parseAddress(text.slice(0, slash));
  const subnet = parsePrefix(text, { hostBits: 'mask' });
  if (!addr.ok || !subnet.ok) throw new RangeError(`interface ${config.name}: bad address ${text}`);
  if (addr.value.family !== family) {
    throw new RangeError(`interface ${config.name}: IPv${family} engine given ${text}`);
  }
  const cost = config.cost ?? 1;
  if (!Number.isInteger(cost) || cost < 1 || cost > 16) {
    throw new RangeError(`interface ${config.name}: cost ${cost} not in 1..16`);
  }
  return {
    config,
    name: config.name,
    address: addr.value,
    subnet: subnet.value,
    sendVersion: config.sendVersion ?? 2,
    acceptVersions: family === 6 ? [1] : (config.acceptVersions ?? [1, 2]),
    passive: config.passive ?? false,
    splitHorizon: config.splitHorizon ?? 'poisoned-reverse',
    cost,
    counters: emptyCounters(),
    sequences: new Map(),
  };
}
