import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether a process with this pid exists (zombies count as gone). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The start time of a process (field 22 of /proc/<pid>/stat), to detect pid reuse. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Send a signal, ignoring "no such process". */
export function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Wait until none of `pids` is alive; returns those still alive after `timeoutMs`. */
export async function waitGone(pids: readonly number[], timeoutMs: number): Promise<number[]> {
  const end = performance.now() + timeoutMs;
  let alive = pids.filter(pidAlive);
  while (alive.length > 0 && performance.now() < end) {
    await sleep(25);
    alive = alive.filter(pidAlive);
  }
  return alive;
}

/**
 * SIGTERM (plus SIGCONT, in case a test froze it with SIGSTOP), then SIGKILL whatever
 * is still alive after `graceMs`. Resolves when all are gone or `graceMs + 2 s` passed;
 * returns the pids that survived even SIGKILL.
 */
export async function terminate(pids: readonly number[], graceMs = 3000): Promise<number[]> {
  for (const p of pids) {
    signal(p, 'SIGTERM');
    signal(p, 'SIGCONT');
  }
  const left = await waitGone(pids, graceMs);
  for (const p of left) signal(p, 'SIGKILL');
  return waitGone(left, 2000);
}

export interface SpawnOptions {
  /** File that receives stdout and stderr (appended). */
  readonly logFile: string;
  /** Extra environment variables. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * A process the lab started, tracked by pid. It is started as
 * `ip netns exec <ns> <argv…>`, which execs the command in place, so `pid` is the
 * program's own pid (not a wrapper's).
 */
export class LabProcess {
  readonly name: string;
  readonly node: string;
  readonly argv: readonly string[];
  readonly pid: number;
  readonly logFile: string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
  #exitCode: number | null = null;
  #signal: NodeJS.Signals | null = null;
  #done = false;
  #expectExit = false;

  private constructor(
    name: string,
    node: string,
    argv: readonly string[],
    child: ChildProcess,
    logFile: string,
  ) {
    this.name = name;
    this.node = node;
    this.argv = argv;
    this.pid = child.pid!;
    this.logFile = logFile;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, sig) => {
        this.#exitCode = code;
        this.#signal = sig;
        this.#done = true;
        resolve();
      });
    });
    child.unref();
  }

  /** Start `argv` inside namespace `ns`. Resolves once the process exists. */
  static async spawn(
    ns: string,
    node: string,
    name: string,
    argv: readonly string[],
    options: SpawnOptions,
  ): Promise<LabProcess> {
    const fd = openSync(options.logFile, 'a');
    try {
      const child = spawn('ip', ['netns', 'exec', ns, ...argv], {
        stdio: ['ignore', fd, fd],
        env: { ...process.env, ...options.env },
      });
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      });
      return new LabProcess(name, node, argv, child, options.logFile);
    } finally {
      closeSync(fd);
    }
  }

  get running(): boolean {
    return !this.#done && pidAlive(this.pid);
  }

  get exitCode(): number | null {
    return this.#exitCode;
  }

  get exitSignal(): NodeJS.Signals | null {
    return this.#signal;
  }

  /** Mark an exit as intended (a test killing a daemon), so the lab does not report it. */
  expectExit(): void {
    this.#expectExit = true;
  }

  /** Exited although nobody asked it to. */
  get crashed(): boolean {
    return this.#done && !this.#expectExit;
  }

  /** Send a signal (SIGSTOP to freeze a BGP speaker, SIGKILL for a silent failure…). */
  kill(sig: NodeJS.Signals = 'SIGTERM'): void {
    if (sig !== 'SIGSTOP' && sig !== 'SIGCONT') this.#expectExit = true;
    signal(this.pid, sig);
  }

  /** Stop it (SIGTERM, then SIGKILL after `graceMs`) and wait until it is gone. */
  async stop(graceMs = 3000): Promise<void> {
    this.#expectExit = true;
    if (this.#done) return;
    await terminate([this.pid], graceMs);
    await Promise.race([this.exited, sleep(1000)]);
  }

  describe(): string {
    const status = this.#done
      ? `exited ${this.#signal ? `by ${this.#signal}` : `with status ${this.#exitCode}`}`
      : 'running';
    return `${this.node}/${this.name} (pid ${this.pid}, ${status})`;
  }
}
