import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabNode } from './node.js';
import type { LabProcess } from './process.js';

export interface GoBgpStartOptions {
  /** gRPC API port on the namespace's loopback (default 50051). */
  readonly apiPort?: number;
  /** How long the API may take to answer (default 15 s). */
  readonly timeoutMs?: number;
}

/** A neighbour of `gobgp neighbor -j` (GoBGP 3). */
export interface GobgpNeighbor {
  readonly conf: { readonly neighbor_address: string; readonly peer_asn?: number };
  readonly state: {
    readonly session_state?: number | string;
    readonly neighbor_address?: string;
    readonly [key: string]: unknown;
  };
  readonly [key: string]: unknown;
}

/** A path of `gobgp global rib -j`. */
export interface GobgpPath {
  readonly nlri: { readonly prefix: string };
  readonly best?: boolean;
  readonly attrs: readonly { readonly type: number; readonly [key: string]: unknown }[];
  readonly 'neighbor-ip'?: string;
  readonly [key: string]: unknown;
}

/** Session states of GoBGP's API (`apipb.PeerState_SessionState`). */
const SESSION_STATES = [
  'unknown',
  'idle',
  'connect',
  'active',
  'opensent',
  'openconfirm',
  'established',
];

/** GoBGP's session state as a lowercase name ("established", "active", …). */
export function gobgpStateName(state: number | string | undefined): string | undefined {
  if (state === undefined) return undefined;
  if (typeof state === 'number') return SESSION_STATES[state] ?? String(state);
  return state.toLowerCase().replace(/^session_state_/, '');
}

export interface GobgpRouteOptions {
  readonly nexthop?: string;
  /** Communities as `65000:1`. */
  readonly communities?: readonly string[];
  readonly asPath?: readonly number[];
  readonly med?: number;
  readonly localPref?: number;
}

/**
 * gobgpd in a lab node (foreground, plain logs to `gobgpd.out`), configured from TOML,
 * driven through the `gobgp` CLI over its gRPC API on 127.0.0.1 inside the namespace.
 */
export class GoBgp {
  readonly node: LabNode;
  readonly apiPort: number;
  readonly process: LabProcess;

  private constructor(node: LabNode, apiPort: number, process: LabProcess) {
    this.node = node;
    this.apiPort = apiPort;
    this.process = process;
  }

  static async start(node: LabNode, toml: string, options: GoBgpStartOptions = {}): Promise<GoBgp> {
    const apiPort = options.apiPort ?? 50051;
    const conf = join(node.dir, 'gobgpd.toml');
    writeFileSync(conf, toml);
    const p = await node.spawn(
      'gobgpd',
      [
        'gobgpd',
        '-f',
        conf,
        '-t',
        'toml',
        '-p',
        '--api-hosts',
        `127.0.0.1:${apiPort}`,
        '--pprof-disable',
      ],
      { logFile: 'gobgpd.out' },
    );
    const g = new GoBgp(node, apiPort, p);
    await node.lab.waitFor(async () => Array.isArray(await g.neighbors()), {
      timeoutMs: options.timeoutMs ?? 15_000,
      intervalMs: 50,
      describe: `gobgpd on ${node.name} to answer on 127.0.0.1:${apiPort}`,
    });
    return g;
  }

  /** Run the gobgp CLI (`['global', 'rib', '-j']`); raw output. */
  async cli(args: readonly string[]): Promise<string> {
    const { stdout } = await this.node.exec([
      'gobgp',
      '-u',
      '127.0.0.1',
      '-p',
      String(this.apiPort),
      ...args,
    ]);
    return stdout;
  }

  async #json<T>(args: readonly string[]): Promise<T> {
    const out = (await this.cli(args)).trim();
    return (out === '' || out === 'null' ? undefined : JSON.parse(out)) as T;
  }

  /** `gobgp neighbor -j`. */
  async neighbors(): Promise<GobgpNeighbor[]> {
    return (await this.#json<GobgpNeighbor[] | undefined>(['neighbor', '-j'])) ?? [];
  }

  /** A neighbour's session state as a lowercase name ("established"…). */
  async neighborState(address: string): Promise<string | undefined> {
    const n = (await this.neighbors()).find(
      (x) => x.conf.neighbor_address === address || x.state.neighbor_address === address,
    );
    return gobgpStateName(n?.state.session_state);
  }

  /** The global RIB of one family: prefix → paths (`gobgp global rib -a <f> -j`). */
  async rib(family: 'ipv4' | 'ipv6' = 'ipv4'): Promise<Record<string, GobgpPath[]>> {
    return (
      (await this.#json<Record<string, GobgpPath[]> | undefined>([
        'global',
        'rib',
        '-a',
        family,
        '-j',
      ])) ?? {}
    );
  }

  /** Originate a route (`gobgp global rib add`). */
  async addRoute(prefix: string, options: GobgpRouteOptions = {}): Promise<void> {
    const family = prefix.includes(':') ? 'ipv6' : 'ipv4';
    const args = ['global', 'rib', 'add', '-a', family, prefix];
    if (options.nexthop) args.push('nexthop', options.nexthop);
    if (options.asPath?.length) args.push('aspath', options.asPath.join(' '));
    if (options.communities?.length) args.push('community', options.communities.join(','));
    if (options.med !== undefined) args.push('med', String(options.med));
    if (options.localPref !== undefined) args.push('local-pref', String(options.localPref));
    await this.cli(args);
  }

  /** Withdraw a route originated with `addRoute` (`gobgp global rib del`). */
  async deleteRoute(prefix: string): Promise<void> {
    const family = prefix.includes(':') ? 'ipv6' : 'ipv4';
    await this.cli(['global', 'rib', 'del', '-a', family, prefix]);
  }

  stop(): Promise<void> {
    return this.process.stop();
  }
}
