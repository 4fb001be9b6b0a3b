import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BirdOspfNeighbor,
  type BirdProtocol,
  type BirdRoute,
  parseBirdOspfNeighbors,
  parseBirdProtocols,
  parseBirdRoutes,
} from './bird-parse.js';
import type { LabNode } from './node.js';
import type { LabProcess } from './process.js';

export interface BirdStartOptions {
  /** How long BIRD may take to answer on its control socket (default 15 s). */
  readonly timeoutMs?: number;
}

export interface BirdRouteQuery {
  /** `master4`, `master6`, … (default: all tables). */
  readonly table?: string;
  /** Only routes from this protocol instance. */
  readonly protocol?: string;
  /** Only this exact prefix. */
  readonly prefix?: string;
}

/**
 * BIRD 2 in a lab node, in the foreground (`bird -f`, so the pid is BIRD's), config
 * `bird.conf`, control socket `bird.ctl` in the node dir. A `log` line in the config
 * should point into `node.dir` (the builders do) so log tails show up on failures.
 */
export class Bird {
  readonly node: LabNode;
  readonly config: string;
  readonly socket: string;
  readonly process: LabProcess;

  private constructor(node: LabNode, config: string, socket: string, process: LabProcess) {
    this.node = node;
    this.config = config;
    this.socket = socket;
    this.process = process;
  }

  static async start(node: LabNode, config: string, options: BirdStartOptions = {}): Promise<Bird> {
    const conf = join(node.dir, 'bird.conf');
    const socket = join(node.dir, 'bird.ctl');
    if (existsSync(socket)) throw new Error(`BIRD already runs on ${node.name}`);
    writeFileSync(conf, config);
    // parse check first: a config error is reported at once, with BIRD's message
    await node.exec(['bird', '-p', '-c', conf]);
    const p = await node.spawn(
      'bird',
      ['bird', '-f', '-c', conf, '-s', socket, '-P', join(node.dir, 'bird.pid')],
      { logFile: 'bird.out' },
    );
    const bird = new Bird(node, conf, socket, p);
    await node.lab.waitFor(async () => (await bird.birdc('show status')).includes('BIRD'), {
      timeoutMs: options.timeoutMs ?? 15_000,
      intervalMs: 50,
      describe: `BIRD on ${node.name} to answer on ${socket}`,
    });
    return bird;
  }

  /** Run one birdc command (`show route all`, `configure`, `disable frr`…); raw output. */
  async birdc(command: string): Promise<string> {
    const { stdout } = await this.node.exec([
      'birdc',
      '-s',
      this.socket,
      ...command.split(/\s+/).filter(Boolean),
    ]);
    return stdout;
  }

  /** `show protocols all`, parsed. */
  async protocols(): Promise<BirdProtocol[]> {
    return parseBirdProtocols(await this.birdc('show protocols all'));
  }

  /** One protocol instance, parsed (undefined if not configured). */
  async protocol(name: string): Promise<BirdProtocol | undefined> {
    return parseBirdProtocols(await this.birdc(`show protocols all ${name}`)).find(
      (p) => p.name === name,
    );
  }

  /** The BGP state of a BGP protocol instance ("Established", "Active"…). */
  async bgpState(name: string): Promise<string | undefined> {
    return (await this.protocol(name))?.bgpState;
  }

  /** `show route all [table T] [protocol P] [for/exact prefix]`, parsed. */
  async routes(query: BirdRouteQuery = {}): Promise<BirdRoute[]> {
    const parts = ['show', 'route'];
    if (query.prefix) parts.push(query.prefix);
    if (query.table) parts.push('table', query.table);
    else parts.push('table', 'all');
    if (query.protocol) parts.push('protocol', query.protocol);
    parts.push('all');
    const routes = parseBirdRoutes(await this.birdc(parts.join(' ')));
    return query.prefix ? routes.filter((r) => r.prefix === query.prefix) : routes;
  }

  /** The selected route for exactly `prefix` (optionally from one protocol). */
  async route(prefix: string, protocol?: string): Promise<BirdRoute | undefined> {
    const list = await this.routes({ prefix, ...(protocol ? { protocol } : {}) });
    return list.find((r) => r.primary) ?? (protocol ? list[0] : undefined);
  }

  /** `show ospf neighbors [protocol]`, parsed. */
  async ospfNeighbors(protocol?: string): Promise<BirdOspfNeighbor[]> {
    return parseBirdOspfNeighbors(
      await this.birdc(`show ospf neighbors${protocol ? ` ${protocol}` : ''}`),
    );
  }

  /** Replace the configuration and reload it (`birdc configure`). */
  async reconfigure(config: string): Promise<string> {
    writeFileSync(this.config, config);
    await this.node.exec(['bird', '-p', '-c', this.config]);
    return this.birdc('configure');
  }

  stop(): Promise<void> {
    return this.process.stop();
  }
}
