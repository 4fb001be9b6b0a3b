import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { type RunOptions, type RunResult, run } from './exec.js';
import {
  checkIfName,
  checkNodeName,
  makeLabId,
  NS_PREFIX,
  namespaceName,
  vethName,
} from './names.js';
import { LabNode, type NodeOptions } from './node.js';
import {
  type LabMeta,
  labRoot,
  listLabNamespaces,
  openLabIds,
  readMeta,
  removeNamespaces,
  removeNamespacesSync,
  removeStaleLabs,
  writeMeta,
} from './owner.js';
import { type LabProcess, pidAlive, processStartTime, signal, terminate } from './process.js';
import { type Truthy, type WaitOptions, waitFor, waitUntil } from './wait.js';

export interface LabOptions {
  /** Remove stale `rkt-*` namespaces of dead owners first (default true). */
  readonly removeStale?: boolean;
}

export interface LinkOptions {
  /** IPv4 addresses (CIDR) for the a and b ends. */
  readonly v4?: readonly [string, string];
  /** IPv6 addresses (CIDR) for the a and b ends; added with `nodad`. */
  readonly v6?: readonly [string, string];
  /** Interface names (default `<a>-<b>` and `<b>-<a>`). */
  readonly names?: readonly [string, string];
  readonly mtu?: number;
  /** Bring both ends up (default true). */
  readonly up?: boolean;
}

/** One end of a veth link. */
export interface LinkEnd {
  readonly node: LabNode;
  readonly ifname: string;
  /** CIDRs on this end. */
  readonly addresses: readonly string[];
  /** The IPv4 address without its length, if any. */
  readonly ip4: string | undefined;
  /** The IPv6 address without its length, if any. */
  readonly ip6: string | undefined;
}

export interface LabLink {
  readonly a: LinkEnd;
  readonly b: LinkEnd;
  /** Set one end (or both) administratively up or down. */
  setUp(up: boolean, side?: 'a' | 'b' | 'both'): Promise<void>;
}

/** What is left of a lab after `close` (both lists empty when the teardown worked). */
export interface Leftovers {
  readonly namespaces: readonly string[];
  readonly processes: readonly number[];
}

export interface CloseOptions {
  /**
   * Keep namespaces, daemons and files for debugging. Default: keep only when the lab
   * was marked failed and `ROUTEKIT_LAB_KEEP=1`.
   */
  readonly keep?: boolean;
}

let sequence = 0;
const openLabs = new Set<Lab>();
let safetyNetInstalled = false;

function syncCleanupAll(): void {
  for (const lab of [...openLabs]) lab.closeSync();
}

function onSignal(sig: NodeJS.Signals): void {
  syncCleanupAll();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.removeListener('exit', syncCleanupAll);
  safetyNetInstalled = false;
  if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Kill and remove every open lab of this process when it exits or is signalled. */
function installSafetyNet(): void {
  if (safetyNetInstalled) return;
  safetyNetInstalled = true;
  process.on('exit', syncCleanupAll);
  for (const s of SIGNALS) process.on(s, onSignal);
}

/** The nsfs inode numbers processes refer to in /proc/<pid>/ns/net, per pid. */
function netnsInodesByPid(): Map<number, number> {
  const out = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const m = /^net:\[(\d+)\]$/.exec(readlinkSync(`/proc/${d}/ns/net`));
      if (m) out.set(Number(d), Number(m[1]));
    } catch {
      // gone, or a kernel thread
    }
  }
  return out;
}

function stripLength(cidr: string | undefined): string | undefined {
  return cidr?.split('/')[0];
}

/**
 * A set of network namespaces with veth links and routing daemons, owned by one test.
 * Everything it starts is tracked by pid and removed by `close()` (idempotent), by the
 * process exit/signal safety net, or — if this process dies hard — by the next
 * `Lab.create` / the interop preflight (stale-owner cleanup).
 */
export class Lab {
  readonly id: string;
  readonly label: string;
  /** Runtime dir: `$TMPDIR/routekit-lab/<id>/` with one subdir per node. */
  readonly dir: string;
  readonly #nodes = new Map<string, LabNode>();
  readonly #namespaces: string[] = [];
  readonly #inodes = new Map<string, number>();
  readonly #processes: LabProcess[] = [];
  readonly #links: LabLink[] = [];
  #meta: LabMeta;
  #failed = false;
  #closing: Promise<void> | undefined;
  #closed = false;
  #kept = false;

  private constructor(id: string, label: string, dir: string, meta: LabMeta) {
    this.id = id;
    this.label = label;
    this.dir = dir;
    this.#meta = meta;
  }

  /** Create an empty lab (and first remove stale labs left by dead processes). */
  static async create(label: string, options: LabOptions = {}): Promise<Lab> {
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(label)) {
      throw new Error(`lab label ${JSON.stringify(label)} must be 1..64 of [A-Za-z0-9_.-]`);
    }
    if (process.getuid?.() !== 0) {
      throw new Error('the netns lab needs root (network namespaces, veths, daemons)');
    }
    const root = labRoot();
    if (options.removeStale !== false) {
      await removeStaleLabs({ root, keepRun: process.env['ROUTEKIT_LAB_RUN'] });
    }
    const id = makeLabId(process.pid, sequence++);
    const dir = join(root, id);
    mkdirSync(root, { recursive: true });
    chmodSync(root, 0o755); // FRR daemons run as user frr and must reach their node dir
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { mode: 0o755 });
    const startTime = processStartTime(process.pid);
    const runId = process.env['ROUTEKIT_LAB_RUN'];
    const meta: LabMeta = {
      id,
      label,
      pid: process.pid,
      ...(startTime !== undefined ? { startTime } : {}),
      ...(runId ? { run: runId } : {}),
      created: new Date().toISOString(),
      namespaces: [],
    };
    writeMeta(meta, root);
    const lab = new Lab(id, label, dir, meta);
    openLabIds.add(id);
    openLabs.add(lab);
    installSafetyNet();
    return lab;
  }

  /** Namespaces this lab created (deleted again by `close()`). */
  get namespaces(): readonly string[] {
    return [...this.#namespaces];
  }

  get nodes(): readonly LabNode[] {
    return [...this.#nodes.values()];
  }

  /** Every process started in this lab. */
  get processes(): readonly LabProcess[] {
    return [...this.#processes];
  }

  get links(): readonly LabLink[] {
    return [...this.#links];
  }

  get closed(): boolean {
    return this.#closed;
  }

  #assertOpen(): void {
    if (this.#closing) throw new Error(`lab ${this.label} (${this.id}) is closed`);
  }

  /** Create node `name`: its namespace (lo up, forwarding on) and runtime dir. */
  async node(name: string, options: NodeOptions = {}): Promise<LabNode> {
    this.#assertOpen();
    checkNodeName(name);
    if (this.#nodes.has(name)) throw new Error(`node ${name} already exists in lab ${this.id}`);
    const ns = namespaceName(this.id, name);
    this.#meta = { ...this.#meta, namespaces: [...this.#meta.namespaces, ns] };
    writeMeta(this.#meta, join(this.dir, '..'));
    await run(['ip', 'netns', 'add', ns]);
    this.#namespaces.push(ns);
    this.#inodes.set(ns, statSync(`/run/netns/${ns}`).ino);
    const dir = join(this.dir, name);
    mkdirSync(dir, { mode: 0o755 });
    const node = new LabNode(this, name, ns, dir, options, (p) => this.#processes.push(p));
    this.#nodes.set(name, node);
    await node.init();
    return node;
  }

  /** A veth pair between two nodes, each end created directly in its namespace. */
  async link(a: LabNode, b: LabNode, options: LinkOptions = {}): Promise<LabLink> {
    this.#assertOpen();
    if (a === b) throw new Error('a link needs two different nodes');
    if (a.lab !== this || b.lab !== this) throw new Error('both nodes must belong to this lab');
    const index = this.#links.filter(
      (l) => (l.a.node === a && l.b.node === b) || (l.a.node === b && l.b.node === a),
    ).length;
    const [ifA, ifB] = options.names ?? [
      vethName(a.name, b.name, index),
      vethName(b.name, a.name, index),
    ];
    checkIfName(ifA);
    checkIfName(ifB);
    if (options.v6 && (!a.ipv6 || !b.ipv6)) {
      throw new Error(`IPv6 addresses on ${ifA}/${ifB} but IPv6 is disabled on a node`);
    }
    const mtu = options.mtu !== undefined ? ['mtu', String(options.mtu)] : [];
    await run([
      'ip',
      '-n',
      a.ns,
      'link',
      'add',
      ifA,
      ...mtu,
      'type',
      'veth',
      'peer',
      'name',
      ifB,
      ...mtu,
      'netns',
      b.ns,
    ]);
    const addrA: string[] = [];
    const addrB: string[] = [];
    if (options.v4) {
      await a.addAddress(options.v4[0], ifA);
      await b.addAddress(options.v4[1], ifB);
      addrA.push(options.v4[0]);
      addrB.push(options.v4[1]);
    }
    if (options.v6) {
      await a.addAddress(options.v6[0], ifA);
      await b.addAddress(options.v6[1], ifB);
      addrA.push(options.v6[0]);
      addrB.push(options.v6[1]);
    }
    const end = (node: LabNode, ifname: string, addresses: string[], i: 0 | 1): LinkEnd => ({
      node,
      ifname,
      addresses,
      ip4: stripLength(options.v4?.[i]),
      ip6: stripLength(options.v6?.[i]),
    });
    const link: LabLink = {
      a: end(a, ifA, addrA, 0),
      b: end(b, ifB, addrB, 1),
      setUp: async (up, side = 'both') => {
        const state = up ? 'up' : 'down';
        if (side !== 'b') await run(['ip', '-n', a.ns, 'link', 'set', ifA, state]);
        if (side !== 'a') await run(['ip', '-n', b.ns, 'link', 'set', ifB, state]);
      },
    };
    if (options.up !== false) await link.setUp(true);
    this.#links.push(link);
    return link;
  }

  /** Run a command inside a node's namespace. */
  exec(node: LabNode, argv: readonly string[], options?: RunOptions): Promise<RunResult> {
    return node.exec(argv, options);
  }

  /** Processes that exited without being asked to. */
  crashed(): LabProcess[] {
    return this.#processes.filter((p) => p.crashed);
  }

  /** The last `lines` lines of every log and output file of every node. */
  logTails(lines = 20): string {
    const parts: string[] = [];
    for (const node of this.#nodes.values()) {
      let files: string[];
      try {
        files = readdirSync(node.dir)
          .filter((f) => /\.(log|out)$/.test(f))
          .sort();
      } catch {
        continue;
      }
      for (const f of files) {
        let text: string;
        try {
          text = readFileSync(join(node.dir, f), 'utf8');
        } catch {
          continue;
        }
        const tail = text.trimEnd().split('\n').slice(-lines);
        if (tail.length === 1 && tail[0] === '') continue;
        parts.push(`--- ${node.name}/${f} (last ${tail.length} lines) ---\n${tail.join('\n')}`);
      }
    }
    const dead = this.crashed().map((p) => p.describe());
    if (dead.length > 0) parts.unshift(`crashed: ${dead.join('; ')}`);
    return parts.join('\n');
  }

  #waitDefaults(options: WaitOptions): WaitOptions {
    return {
      ...options,
      logs: options.logs ?? (() => this.logTails()),
      abortIf:
        options.abortIf ??
        (() => {
          const dead = this.crashed();
          return dead.length > 0
            ? `${dead.map((p) => p.describe()).join('; ')}\n${this.logTails()}`
            : undefined;
        }),
    };
  }

  /**
   * `waitFor` that appends every log tail on timeout and fails at once if a daemon of
   * this lab exits unexpectedly.
   */
  waitFor<T>(predicate: () => T | Promise<T>, options: WaitOptions = {}): Promise<Truthy<T>> {
    return waitFor(predicate, this.#waitDefaults(options));
  }

  /** `waitUntil` with the same additions as `Lab.waitFor`. */
  waitUntil<T>(
    probe: () => T | Promise<T>,
    accept: (value: T) => boolean,
    options: WaitOptions = {},
  ): Promise<T> {
    return waitUntil(probe, accept, this.#waitDefaults(options));
  }

  /** Mark the lab failed: with `ROUTEKIT_LAB_KEEP=1`, `close()` then keeps it. */
  markFailed(): void {
    this.#failed = true;
  }

  get failed(): boolean {
    return this.#failed;
  }

  /** Whether `close()` kept the lab for debugging. */
  get kept(): boolean {
    return this.#kept;
  }

  /**
   * Stop every process (SIGTERM, then SIGKILL), kill whatever else runs in the
   * namespaces, delete them, remove the runtime dir, and check nothing is left.
   * Idempotent; throws if something survived (after killing it).
   */
  close(options: CloseOptions = {}): Promise<void> {
    this.#closing ??= this.#close(options);
    return this.#closing;
  }

  async #close(options: CloseOptions): Promise<void> {
    const keep = options.keep ?? (this.#failed && process.env['ROUTEKIT_LAB_KEEP'] === '1');
    if (keep) {
      this.#kept = true;
      this.#meta = { ...this.#meta, keep: true };
      writeMeta(this.#meta, join(this.dir, '..'));
      this.#forget();
      const hints = [...this.#nodes.values()].map((n) => {
        const tools = [`ip netns exec ${n.ns} ip route`];
        if (existsSync(join(n.dir, 'zebra.vty'))) {
          tools.push(`ip netns exec ${n.ns} vtysh --vty_socket ${n.dir}`);
        }
        if (existsSync(join(n.dir, 'bird.ctl'))) tools.push(`birdc -s ${join(n.dir, 'bird.ctl')}`);
        return `  ${n.name}: ${tools.join(' | ')}`;
      });
      console.error(
        `[testkit] ROUTEKIT_LAB_KEEP: failed lab ${this.label} (${this.id}) kept running, files in ${this.dir}; the next interop run (or any Lab.create outside this run) removes it\n${hints.join('\n')}`,
      );
      return;
    }
    const problems: string[] = [];
    try {
      const running = this.#processes.filter((p) => p.running);
      for (const p of running) p.expectExit();
      const survivors = await terminate(
        running.map((p) => p.pid),
        3000,
      );
      if (survivors.length > 0) problems.push(`pids ${survivors.join(', ')} survived SIGKILL`);
      await removeNamespaces(this.#namespaces);
      const left = this.leftovers();
      if (left.namespaces.length > 0 || left.processes.length > 0) {
        for (const p of left.processes) signal(p, 'SIGKILL');
        if (left.namespaces.length > 0) await removeNamespaces(left.namespaces);
        problems.push(
          `left after teardown: namespaces [${left.namespaces.join(' ')}], pids [${left.processes.join(' ')}]`,
        );
      }
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
      this.#forget();
    }
    if (problems.length > 0) throw new Error(`lab ${this.label} teardown: ${problems.join('; ')}`);
  }

  #forget(): void {
    this.#closed = true;
    openLabs.delete(this);
    openLabIds.delete(this.id);
  }

  /**
   * Namespaces of this lab that still exist, and processes still inside any of its
   * namespaces (found through /proc/<pid>/ns/net, so a process that outlived the
   * deletion of its namespace is found too) or still running from its pid list.
   */
  leftovers(): Leftovers {
    const prefix = `${NS_PREFIX}${this.id}-`;
    let names: string[] = [];
    try {
      names = readdirSync('/run/netns').filter((n) => n.startsWith(prefix));
    } catch {
      names = [];
    }
    const inodes = new Set(this.#inodes.values());
    const pids = new Set<number>();
    for (const [pid, ino] of netnsInodesByPid()) if (inodes.has(ino)) pids.add(pid);
    for (const p of this.#processes) if (pidAlive(p.pid)) pids.add(p.pid);
    return { namespaces: names, processes: [...pids].sort((x, y) => x - y) };
  }

  /** Synchronous last-resort teardown (process exit / signal): SIGKILL, delete, remove. */
  closeSync(): void {
    if (this.#closed) return;
    if (this.#failed && process.env['ROUTEKIT_LAB_KEEP'] === '1') {
      this.#meta = { ...this.#meta, keep: true };
      try {
        writeMeta(this.#meta, join(this.dir, '..'));
      } catch {
        // best effort
      }
      this.#forget();
      return;
    }
    for (const p of this.#processes) signal(p.pid, 'SIGKILL');
    removeNamespacesSync(this.#namespaces);
    rmSync(this.dir, { recursive: true, force: true });
    this.#forget();
  }
}

/**
 * Create a lab, run `fn` with it, and always close it. If `fn` throws, the lab is
 * marked failed (kept when `ROUTEKIT_LAB_KEEP=1`) and the original error is rethrown;
 * a teardown failure is thrown when `fn` succeeded.
 */
export async function withLab<T>(
  label: string,
  fn: (lab: Lab) => Promise<T>,
  options: LabOptions = {},
): Promise<T> {
  const lab = await Lab.create(label, options);
  let result: T;
  try {
    result = await fn(lab);
  } catch (e) {
    lab.markFailed();
    try {
      await lab.close();
    } catch (closeError) {
      console.error(`[testkit] teardown after a failure also failed: ${String(closeError)}`);
    }
    throw e;
  }
  await lab.close();
  return result;
}

/**
 * Namespaces and processes left by the lab with this id (for a lab object use
 * `lab.leftovers()`, which also finds processes whose namespace is already deleted).
 */
export async function labLeftovers(id: string): Promise<Leftovers> {
  const prefix = `${NS_PREFIX}${id}-`;
  const namespaces = (await listLabNamespaces()).filter((n) => n.startsWith(prefix));
  const inodes = new Set<number>();
  for (const ns of namespaces) {
    try {
      inodes.add(statSync(`/run/netns/${ns}`).ino);
    } catch {
      // raced with deletion
    }
  }
  const processes: number[] = [];
  for (const [pid, ino] of netnsInodesByPid()) if (inodes.has(ino)) processes.push(pid);
  return { namespaces, processes };
}

/** Whether the lab's runtime dir and metadata are gone (after a non-kept close). */
export function labFilesGone(lab: Lab): boolean {
  return !existsSync(lab.dir) && readMeta(lab.id) === undefined;
}
