import { chownSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './exec.js';
import type { LabNode } from './node.js';
import type { LabProcess } from './process.js';

/** FRR daemons the harness knows how to start. */
export type FrrDaemonName =
  | 'zebra'
  | 'staticd'
  | 'bfdd'
  | 'bgpd'
  | 'ospfd'
  | 'ospf6d'
  | 'ripd'
  | 'ripngd';

/** Start order: zebra first (the others connect to its zserv.api socket). */
export const FRR_DAEMONS: readonly FrrDaemonName[] = [
  'zebra',
  'staticd',
  'bfdd',
  'bgpd',
  'ospfd',
  'ospf6d',
  'ripd',
  'ripngd',
];

/** One configuration text per daemon; a daemon runs iff it has one (zebra always runs). */
export type FrrConfigs = Partial<Record<FrrDaemonName, string>>;

export interface FrrStartOptions {
  /** Where the daemons live (default `/usr/lib/frr`, or `ROUTEKIT_FRR_DIR`). */
  readonly binDir?: string;
  /** How long each daemon may take to open its vty socket (default 15 s). */
  readonly timeoutMs?: number;
  /**
   * Check every config with `vtysh --dryrun` first (default true): FRR daemons skip
   * lines they do not understand and run anyway, which would hide a broken config.
   */
  readonly check?: boolean;
}

/** A route of `show ip route json` (FRR 8). */
export interface FrrRoute {
  readonly prefix: string;
  readonly protocol: string;
  readonly selected?: boolean;
  readonly installed?: boolean;
  readonly distance: number;
  readonly metric: number;
  readonly nexthops: readonly FrrNexthop[];
  readonly [key: string]: unknown;
}

export interface FrrNexthop {
  readonly ip?: string;
  readonly afi?: string;
  readonly interfaceName?: string;
  readonly directlyConnected?: boolean;
  readonly active?: boolean;
  readonly fib?: boolean;
  readonly [key: string]: unknown;
}

/** A peer in `show bgp summary json`. */
export interface FrrBgpPeerSummary {
  readonly remoteAs: number;
  readonly state: string;
  readonly pfxRcd?: number;
  readonly pfxSnt?: number;
  readonly [key: string]: unknown;
}

/** `show bgp summary json`: one entry per address family (`ipv4Unicast`, `ipv6Unicast`). */
export type FrrBgpSummary = Readonly<
  Record<string, { readonly peers?: Readonly<Record<string, FrrBgpPeerSummary>> } | undefined>
>;

/** `show bgp neighbor X json`, the neighbour's entry. */
export interface FrrBgpNeighbor {
  readonly bgpState: string;
  readonly remoteAs: number;
  readonly [key: string]: unknown;
}

/** A path of `show bgp <afi> unicast json`. */
export interface FrrBgpPath {
  readonly valid?: boolean;
  readonly bestpath?: boolean;
  readonly path: string;
  readonly origin?: string;
  readonly peerId?: string;
  readonly nexthops?: readonly { readonly ip: string; readonly afi?: string }[];
  readonly [key: string]: unknown;
}

/** A neighbour of `show ip ospf neighbor json` ("Full/-", "Full/DR", …). */
export interface FrrOspfNeighbor {
  readonly state?: string;
  readonly nbrState?: string;
  readonly ifaceName?: string;
  readonly ifaceAddress?: string;
  readonly [key: string]: unknown;
}

/** A source of RIP updates, from `show ip rip status`. */
export interface FrrRipPeer {
  readonly gateway: string;
  readonly badPackets: number;
  readonly badRoutes: number;
  readonly distance: number;
  readonly lastUpdate: string;
}

/** `show ip rip status`, parsed (FRR 8.4 has no JSON form). */
export interface FrrRipStatus {
  readonly updateSeconds?: number;
  readonly timeoutSeconds?: number;
  readonly garbageSeconds?: number;
  readonly interfaces: readonly string[];
  readonly networks: readonly string[];
  readonly peers: readonly FrrRipPeer[];
  readonly text: string;
}

/** Parse the text of `show ip rip status`. */
export function parseRipStatus(text: string): FrrRipStatus {
  const lines = text.split('\n');
  const num = (re: RegExp): number | undefined => {
    const m = re.exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const interfaces: string[] = [];
  const networks: string[] = [];
  const peers: FrrRipPeer[] = [];
  let section: 'none' | 'ifaces' | 'networks' | 'peers' = 'none';
  for (const raw of lines) {
    const line = raw.trim();
    if (/^Interface\s+Send\s+Recv/.test(line)) section = 'ifaces';
    else if (/^Routing for Networks:/.test(line)) section = 'networks';
    else if (/^Routing Information Sources:/.test(line)) section = 'peers';
    else if (/^Distance:/.test(line) || line === '') section = 'none';
    else if (section === 'ifaces') {
      const name = line.split(/\s+/)[0];
      if (name) interfaces.push(name);
    } else if (section === 'networks') networks.push(line);
    else if (section === 'peers' && !/^Gateway\s/.test(line)) {
      const m = /^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S+)/.exec(line);
      if (m) {
        peers.push({
          gateway: m[1]!,
          badPackets: Number(m[2]),
          badRoutes: Number(m[3]),
          distance: Number(m[4]),
          lastUpdate: m[5]!,
        });
      }
    }
  }
  const update = num(/Sending updates every (\d+) seconds/);
  const timeout = num(/Timeout after (\d+) seconds/);
  const garbage = num(/garbage collect after (\d+) seconds/);
  return {
    ...(update !== undefined ? { updateSeconds: update } : {}),
    ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}),
    ...(garbage !== undefined ? { garbageSeconds: garbage } : {}),
    interfaces,
    networks,
    peers,
    text,
  };
}

function lookupId(file: string, name: string): number | undefined {
  try {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const f = line.split(':');
      if (f[0] === name && f[2] !== undefined) return Number(f[2]);
    }
  } catch {
    // no such file
  }
  return undefined;
}

/** uid and gid of the `frr` user the daemons drop privileges to. */
export function frrOwner(): { uid: number; gid: number } {
  const uid = lookupId('/etc/passwd', 'frr');
  const gid = lookupId('/etc/group', 'frr');
  if (uid === undefined || gid === undefined) {
    throw new Error(
      'user/group frr not found; install FRR with `bash scripts/install-system.sh` (Debian package frr)',
    );
  }
  return { uid, gid };
}

/**
 * FRR in a lab node: zebra plus the configured daemons, run in the foreground (so the
 * pid is the daemon's own), all paths (configs, pid files, vty sockets, zserv.api,
 * logs) in the node's dir, which is chowned to frr:frr.
 */
export class Frr {
  readonly node: LabNode;
  readonly dir: string;
  readonly processes: ReadonlyMap<FrrDaemonName, LabProcess>;

  private constructor(node: LabNode, processes: Map<FrrDaemonName, LabProcess>) {
    this.node = node;
    this.dir = node.dir;
    this.processes = processes;
  }

  static async start(
    node: LabNode,
    configs: FrrConfigs,
    options: FrrStartOptions = {},
  ): Promise<Frr> {
    const binDir = options.binDir ?? process.env['ROUTEKIT_FRR_DIR'] ?? '/usr/lib/frr';
    const timeoutMs = options.timeoutMs ?? 15_000;
    const dir = node.dir;
    if (existsSync(join(dir, 'zserv.api'))) throw new Error(`FRR already runs on ${node.name}`);
    const { uid, gid } = frrOwner();
    chownSync(dir, uid, gid);
    const daemons = FRR_DAEMONS.filter((d) => d === 'zebra' || configs[d] !== undefined);
    for (const d of daemons) {
      const file = join(dir, `${d}.conf`);
      writeFileSync(file, configs[d] ?? `frr defaults traditional\nhostname ${node.name}\n`);
      chownSync(file, uid, gid);
    }
    if (options.check ?? true) {
      for (const d of daemons) {
        const file = join(dir, `${d}.conf`);
        const r = await run(['vtysh', '--dryrun', '-f', file], { allowFailure: true });
        if (r.code !== 0) {
          throw new Error(
            `FRR ${d} config for ${node.name} is invalid (vtysh --dryrun):\n${r.stderr}${r.stdout}\n--- ${file} ---\n${readFileSync(file, 'utf8')}`,
          );
        }
      }
    }
    const processes = new Map<FrrDaemonName, LabProcess>();
    const startOne = async (d: FrrDaemonName): Promise<void> => {
      const argv = [
        join(binDir, d),
        '-f',
        join(dir, `${d}.conf`),
        '-i',
        join(dir, `${d}.pid`),
        '-z',
        join(dir, 'zserv.api'),
        '--vty_socket',
        dir,
        '-A',
        '127.0.0.1',
        '--log',
        `file:${join(dir, `${d}.log`)}`,
        ...(d === 'zebra' ? ['-s', '90000000'] : []),
      ];
      const p = await node.spawn(d, argv, { logFile: `${d}.out` });
      processes.set(d, p);
      const sockets = [join(dir, `${d}.vty`), ...(d === 'zebra' ? [join(dir, 'zserv.api')] : [])];
      await node.lab.waitFor(() => sockets.every((s) => existsSync(s)), {
        timeoutMs,
        intervalMs: 25,
        describe: `FRR ${d} on ${node.name} to open ${sockets.join(' and ')}`,
      });
    };
    await startOne('zebra');
    await Promise.all(daemons.filter((d) => d !== 'zebra').map(startOne));
    return new Frr(node, processes);
  }

  /** Run vtysh commands (each one `-c`); returns the output. Throws on failure. */
  async vtysh(commands: string | readonly string[]): Promise<string> {
    const list = typeof commands === 'string' ? [commands] : commands;
    const { stdout } = await this.node.exec([
      'vtysh',
      '--vty_socket',
      this.dir,
      ...list.flatMap((c) => ['-c', c]),
    ]);
    return stdout;
  }

  /** Run a `… json` show command and parse its output. */
  async json<T = unknown>(command: string): Promise<T> {
    const out = await this.vtysh(command);
    const text = out.trim();
    if (text === '') throw new Error(`vtysh "${command}" printed nothing`);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new Error(`vtysh "${command}" did not print JSON:\n${text.slice(0, 1000)}`);
    }
  }

  /** Enter configuration mode, apply `lines`, leave it. */
  configure(lines: readonly string[]): Promise<string> {
    return this.vtysh(['configure terminal', ...lines, 'end']);
  }

  /** `show bgp summary json`. */
  bgpSummary(): Promise<FrrBgpSummary> {
    return this.json<FrrBgpSummary>('show bgp summary json');
  }

  /** `show bgp neighbor <address> json`, the neighbour's entry (undefined if unknown). */
  async bgpNeighbor(address: string): Promise<FrrBgpNeighbor | undefined> {
    const all = await this.json<Record<string, FrrBgpNeighbor | undefined>>(
      `show bgp neighbor ${address} json`,
    );
    return all[address];
  }

  /** The neighbour's BGP FSM state ("Established", "Active", …). */
  async bgpNeighborState(address: string): Promise<string | undefined> {
    return (await this.bgpNeighbor(address))?.bgpState;
  }

  /** BGP Loc-RIB of an address family: prefix → paths (`show bgp <afi> unicast json`). */
  async bgpRib(afi: 'ipv4' | 'ipv6' = 'ipv4'): Promise<Record<string, FrrBgpPath[]>> {
    const r = await this.json<{ routes?: Record<string, FrrBgpPath[]> }>(
      `show bgp ${afi} unicast json`,
    );
    return r.routes ?? {};
  }

  /** zebra's RIB: prefix → routes (`show ip route [protocol] json`, or `ipv6`). */
  routes(
    options: { readonly family?: 'ipv4' | 'ipv6'; readonly protocol?: string } = {},
  ): Promise<Record<string, FrrRoute[]>> {
    const ip = options.family === 'ipv6' ? 'ipv6' : 'ip';
    const proto = options.protocol ? ` ${options.protocol}` : '';
    return this.json<Record<string, FrrRoute[]>>(`show ${ip} route${proto} json`);
  }

  /** The selected RIB route for exactly `prefix` (optionally of one protocol). */
  async route(prefix: string, protocol?: string): Promise<FrrRoute | undefined> {
    const family = prefix.includes(':') ? 'ipv6' : 'ipv4';
    const all = await this.routes({ family, ...(protocol ? { protocol } : {}) });
    const list = all[prefix] ?? [];
    return list.find((r) => r.selected) ?? (protocol ? list[0] : undefined);
  }

  /** `show ip ospf neighbor json`: neighbour router id → entries. */
  async ospfNeighbors(): Promise<Record<string, FrrOspfNeighbor[]>> {
    const r = await this.json<{ neighbors?: Record<string, FrrOspfNeighbor[]> }>(
      'show ip ospf neighbor json',
    );
    return r.neighbors ?? {};
  }

  /** The adjacency state with a neighbour ("Full/-", "Full/DR", "Init/-"…). */
  async ospfNeighborState(routerId: string): Promise<string | undefined> {
    const n = (await this.ospfNeighbors())[routerId]?.[0];
    return n?.nbrState ?? n?.state;
  }

  /** `show ip ospf route json`. */
  ospfRoutes(): Promise<Record<string, unknown>> {
    return this.json<Record<string, unknown>>('show ip ospf route json');
  }

  /** `show ip rip status`, parsed. */
  async ripStatus(): Promise<FrrRipStatus> {
    return parseRipStatus(await this.vtysh('show ip rip status'));
  }

  /** RIP routes in zebra's RIB (`show ip route rip json`). */
  ripRoutes(): Promise<Record<string, FrrRoute[]>> {
    return this.routes({ protocol: 'rip' });
  }

  /** Stop every FRR daemon of this node (protocol daemons first, zebra last). */
  async stop(): Promise<void> {
    const order = [...this.processes.keys()].reverse();
    for (const d of order) await this.processes.get(d)!.stop();
  }
}
