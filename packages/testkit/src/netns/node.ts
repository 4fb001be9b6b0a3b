import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bird, type BirdStartOptions } from './bird.js';
import { ExaBgp, type ExaBgpStartOptions } from './exabgp.js';
import { type RunOptions, type RunResult, run } from './exec.js';
import { Frr, type FrrConfigs, type FrrStartOptions } from './frr.js';
import { GoBgp, type GoBgpStartOptions } from './gobgp.js';
import type { Lab } from './lab.js';
import { checkIfName } from './names.js';
import { LabProcess } from './process.js';

export interface NodeOptions {
  /** Enable IPv6 (default true). Off: `disable_ipv6=1`, which keeps ND/MLD out of captures. */
  readonly ipv6?: boolean;
  /** IP forwarding for IPv4 and IPv6 (default true: nodes are routers). */
  readonly forwarding?: boolean;
}

/** A route of the kernel FIB as `ip -j route` reports it (dst always has a length). */
export interface KernelRoute {
  readonly dst: string;
  readonly gateway?: string;
  readonly dev?: string;
  readonly protocol?: string;
  readonly metric?: number;
  readonly nexthops?: readonly { readonly gateway?: string; readonly dev?: string }[];
  readonly [key: string]: unknown;
}

export interface NodeSpawnOptions {
  /** Log file name inside the node dir (default `<name>.out`). */
  readonly logFile?: string;
  readonly env?: Readonly<Record<string, string>>;
  /**
   * A daemon whose unexpected exit should fail `lab.waitFor` at once (default true).
   * Set false for commands expected to finish on their own.
   */
  readonly critical?: boolean;
}

export interface RouteQuery {
  /** Require this gateway (any of the nexthops for multipath routes). */
  readonly via?: string;
  /** Require this outgoing interface. */
  readonly dev?: string;
  /** Require this `proto` (`bgp`, `ospf`, `rip`, `bird`, `kernel`, …). */
  readonly protocol?: string;
}

function normalizeDst(dst: string, v6: boolean): string {
  if (dst === 'default') return v6 ? '::/0' : '0.0.0.0/0';
  return dst.includes('/') ? dst : `${dst}/${v6 ? 128 : 32}`;
}

/** One network namespace of a lab, with helpers to run things inside it. */
export class LabNode {
  readonly lab: Lab;
  readonly name: string;
  /** The namespace name (`rkt-<lab id>-<name>`). */
  readonly ns: string;
  /** Runtime dir for configs, sockets, pid files and logs. */
  readonly dir: string;
  readonly ipv6: boolean;
  readonly forwarding: boolean;
  readonly #track: (p: LabProcess) => void;

  constructor(
    lab: Lab,
    name: string,
    ns: string,
    dir: string,
    options: NodeOptions,
    track: (p: LabProcess) => void,
  ) {
    this.lab = lab;
    this.name = name;
    this.ns = ns;
    this.dir = dir;
    this.ipv6 = options.ipv6 ?? true;
    this.forwarding = options.forwarding ?? true;
    this.#track = track;
  }

  /** @internal Bring lo up and set the sysctls. */
  async init(): Promise<void> {
    await run(['ip', '-n', this.ns, 'link', 'set', 'lo', 'up']);
    const f = this.forwarding ? '1' : '0';
    const sysctls = [`net.ipv4.ip_forward=${f}`];
    if (this.ipv6) {
      sysctls.push(
        'net.ipv6.conf.all.disable_ipv6=0',
        'net.ipv6.conf.default.disable_ipv6=0',
        `net.ipv6.conf.all.forwarding=${f}`,
        // link-local and other addresses usable at once (no duplicate address detection)
        'net.ipv6.conf.all.accept_dad=0',
        'net.ipv6.conf.default.accept_dad=0',
      );
    } else {
      sysctls.push('net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1');
    }
    await this.exec(['sysctl', '-qw', ...sysctls]);
    if (!this.ipv6) await this.exec(['sysctl', '-qw', 'net.ipv6.conf.lo.disable_ipv6=1']);
  }

  /** Run a command inside the namespace (`ip netns exec`); throws on failure. */
  exec(argv: readonly string[], options?: RunOptions): Promise<RunResult> {
    return run(['ip', 'netns', 'exec', this.ns, ...argv], options);
  }

  /** Start a long-running program inside the namespace, tracked by pid. */
  async spawn(
    name: string,
    argv: readonly string[],
    options: NodeSpawnOptions = {},
  ): Promise<LabProcess> {
    const p = await LabProcess.spawn(this.ns, this.name, name, argv, {
      logFile: join(this.dir, options.logFile ?? `${name}.out`),
      ...(options.env ? { env: options.env } : {}),
    });
    if (options.critical === false) p.expectExit();
    this.#track(p);
    return p;
  }

  /** Add an address (`10.0.0.1/32`, `2001:db8::1/128`) to an interface (default `lo`). */
  async addAddress(cidr: string, dev = 'lo'): Promise<void> {
    checkIfName(dev);
    const v6 = cidr.includes(':');
    if (v6 && !this.ipv6) throw new Error(`${cidr} on ${this.name}: IPv6 is disabled there`);
    await run(['ip', '-n', this.ns, 'addr', 'add', cidr, 'dev', dev, ...(v6 ? ['nodad'] : [])]);
  }

  /** Remove an address (a health check withdrawing an anycast /32, say). */
  async delAddress(cidr: string, dev = 'lo'): Promise<void> {
    await run(['ip', '-n', this.ns, 'addr', 'del', cidr, 'dev', dev]);
  }

  /** Set an interface up or down. */
  async setLink(ifname: string, up: boolean): Promise<void> {
    await run(['ip', '-n', this.ns, 'link', 'set', ifname, up ? 'up' : 'down']);
  }

  /** The kernel's main routing table (`ip -j route show`). */
  async fib(family: 4 | 6 = 4): Promise<KernelRoute[]> {
    const { stdout } = await run(['ip', '-n', this.ns, '-j', `-${family}`, 'route', 'show']);
    const text = stdout.trim();
    if (text === '') return [];
    return (JSON.parse(text) as KernelRoute[]).map((r) => ({
      ...r,
      dst: normalizeDst(r.dst, family === 6),
    }));
  }

  /** The FIB entry for exactly `prefix` matching `query`, if installed. */
  async fibRoute(prefix: string, query: RouteQuery = {}): Promise<KernelRoute | undefined> {
    const v6 = prefix.includes(':');
    const want = normalizeDst(prefix, v6);
    const routes = await this.fib(v6 ? 6 : 4);
    return routes.find((r) => {
      if (r.dst !== want) return false;
      if (query.protocol !== undefined && r.protocol !== query.protocol) return false;
      const hops = r.nexthops ?? [{ gateway: r.gateway, dev: r.dev }];
      return hops.some(
        (h) =>
          (query.via === undefined || h.gateway === query.via) &&
          (query.dev === undefined || (h.dev ?? r.dev) === query.dev),
      );
    });
  }

  /** Whether the FIB has `prefix` (optionally via a gateway / device / protocol). */
  async hasRoute(prefix: string, query: RouteQuery = {}): Promise<boolean> {
    return (await this.fibRoute(prefix, query)) !== undefined;
  }

  /** Start FRR: zebra first, then every daemon that has a config (see `Frr.start`). */
  frr(configs: FrrConfigs, options: FrrStartOptions = {}): Promise<Frr> {
    return Frr.start(this, configs, options);
  }

  /** Start BIRD 2 with this configuration text. */
  bird(config: string, options: BirdStartOptions = {}): Promise<Bird> {
    return Bird.start(this, config, options);
  }

  /** Start gobgpd with this TOML configuration. */
  gobgp(toml: string, options: GoBgpStartOptions = {}): Promise<GoBgp> {
    return GoBgp.start(this, toml, options);
  }

  /** Start ExaBGP with this configuration. */
  exabgp(config: string, options: ExaBgpStartOptions = {}): Promise<ExaBgp> {
    return ExaBgp.start(this, config, options);
  }

  /**
   * Serve a line of text over TCP (default: this node's name) on `port` of `address`
   * (default `::`, IPv4 and IPv6) — a tiny Node.js server, so "which node answers at
   * this anycast address" is one `tcpAsk` away. Stopped by `lab.close()`.
   */
  async tcpServe(port: number, address = '::', reply: string = this.name): Promise<LabProcess> {
    const script = [
      "const net = require('node:net');",
      'const [port, host, reply] = process.argv.slice(1);',
      'net.createServer((c) => c.end(reply + "\\n")).listen(Number(port), host, () => console.log("listening"));',
    ].join('\n');
    const p = await this.spawn(
      `tcp-${port}`,
      [process.execPath, '-e', script, String(port), address, reply],
      { logFile: `tcp-${port}.out` },
    );
    await this.lab.waitFor(
      () => {
        try {
          return readFileSync(p.logFile, 'utf8').includes('listening');
        } catch {
          return false;
        }
      },
      { timeoutMs: 10_000, intervalMs: 25, describe: `TCP server on ${this.name} port ${port}` },
    );
    return p;
  }

  /**
   * Connect from this node to `address`:`port` (from `source` if given) and return
   * the first line the server sends (see `tcpServe`). Throws if unreachable.
   */
  async tcpAsk(
    address: string,
    port: number,
    options: { readonly source?: string; readonly timeoutMs?: number } = {},
  ): Promise<string> {
    const timeoutMs = options.timeoutMs ?? 3000;
    const script = [
      "const net = require('node:net');",
      'const [host, port, source, ms] = process.argv.slice(1);',
      'const opts = { host, port: Number(port), timeout: Number(ms) };',
      'if (source) opts.localAddress = source;',
      'let got = "";',
      'const s = net.connect(opts);',
      's.on("data", (d) => { got += d; });',
      's.on("end", () => { process.stdout.write(got); process.exit(0); });',
      's.on("timeout", () => { console.error("timeout"); process.exit(2); });',
      's.on("error", (e) => { console.error(e.message); process.exit(1); });',
    ].join('\n');
    const { stdout } = await this.exec(
      [
        process.execPath,
        '-e',
        script,
        address,
        String(port),
        options.source ?? '',
        String(timeoutMs),
      ],
      { timeoutMs: timeoutMs + 5000 },
    );
    return stdout.trim();
  }

  /**
   * Capture packets on an interface into a pcap file (`tcpdump -U`, so the file is
   * complete once stopped). Stop with `await capture.stop()`.
   */
  async capture(ifname: string, file: string, filter: readonly string[] = []): Promise<Capture> {
    const p = await this.spawn(
      `tcpdump-${ifname}`,
      ['tcpdump', '-Z', 'root', '-i', ifname, '-U', '-n', '-s', '0', '-w', file, ...filter],
      { logFile: `tcpdump-${ifname}.out` },
    );
    await this.lab.waitFor(
      () => {
        try {
          return readFileSync(p.logFile, 'utf8').includes('listening on');
        } catch {
          return false;
        }
      },
      { timeoutMs: 10_000, intervalMs: 50, describe: `tcpdump on ${this.name}/${ifname}` },
    );
    return {
      file,
      process: p,
      stop: async () => {
        p.expectExit();
        p.kill('SIGINT');
        await Promise.race([p.exited, new Promise((r) => setTimeout(r, 3000))]);
        if (p.running) await p.stop();
      },
    };
  }
}

/** A running packet capture. */
export interface Capture {
  readonly file: string;
  readonly process: LabProcess;
  stop(): Promise<void>;
}
