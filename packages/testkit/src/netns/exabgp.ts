import { chmodSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { EXABGP_API_PROCESS } from './config/exabgp.js';
import { run } from './exec.js';
import type { LabNode } from './node.js';
import type { LabProcess } from './process.js';

export interface ExaBgpStartOptions {
  /**
   * Add a process named `routekit-api` that relays lines written with `send()` to
   * ExaBGP's API (default true). Neighbours that should obey it need
   * `api { processes [ routekit-api ]; }` (the `exabgpConfig` builder adds it).
   */
  readonly api?: boolean;
  /** Extra `exabgp.*` environment settings. */
  readonly env?: Readonly<Record<string, string>>;
  /** How long ExaBGP may take to load its configuration (default 20 s). */
  readonly timeoutMs?: number;
}

/**
 * ExaBGP 4 in a lab node (foreground, runs as root, no CLI pipes, no API acks), logging
 * to `exabgp.log`. With `api`, `send('announce route …')` feeds its API through a FIFO
 * read by a tiny relay process.
 */
export class ExaBgp {
  readonly node: LabNode;
  readonly process: LabProcess;
  readonly fifo: string | undefined;

  private constructor(node: LabNode, process: LabProcess, fifo: string | undefined) {
    this.node = node;
    this.process = process;
    this.fifo = fifo;
  }

  static async start(
    node: LabNode,
    config: string,
    options: ExaBgpStartOptions = {},
  ): Promise<ExaBgp> {
    const dir = node.dir;
    const api = options.api ?? true;
    let text = config;
    let fifo: string | undefined;
    if (api) {
      fifo = join(dir, 'exabgp-api.fifo');
      await run(['mkfifo', '-m', '600', fifo]);
      const relay = join(dir, 'exabgp-api.sh');
      // open the FIFO read-write: it never sees EOF, so the relay outlives each writer
      writeFileSync(relay, `#!/bin/sh\nexec cat <> '${fifo}'\n`);
      chmodSync(relay, 0o755);
      text = `process ${EXABGP_API_PROCESS} {\n  run ${relay};\n  encoder text;\n}\n\n${config}`;
    }
    const conf = join(dir, 'exabgp.conf');
    writeFileSync(conf, text);
    const log = join(dir, 'exabgp.log');
    const p = await node.spawn('exabgp', ['exabgp', conf], {
      logFile: 'exabgp.out',
      env: {
        'exabgp.daemon.user': 'root',
        'exabgp.daemon.daemonize': 'false',
        'exabgp.api.ack': 'false',
        'exabgp.api.cli': 'false',
        'exabgp.log.destination': log,
        ...options.env,
      },
    });
    const ex = new ExaBgp(node, p, fifo);
    await node.lab.waitFor(
      () => {
        for (const f of [log, join(dir, 'exabgp.out')]) {
          try {
            if (readFileSync(f, 'utf8').includes('loaded new configuration successfully')) {
              return true;
            }
          } catch {
            // not written yet
          }
        }
        return false;
      },
      {
        timeoutMs: options.timeoutMs ?? 20_000,
        intervalMs: 50,
        describe: `ExaBGP on ${node.name} to load ${conf}`,
      },
    );
    return ex;
  }

  /** Write one API command (`announce route 192.0.2.1/32 next-hop self`). */
  async send(command: string): Promise<void> {
    if (!this.fifo) throw new Error('ExaBGP was started without the API process');
    if (!this.process.running) throw new Error(`ExaBGP is not running: ${this.process.describe()}`);
    // O_NONBLOCK: fail (ENXIO) instead of hanging if the relay is not reading
    const fh = await open(this.fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    try {
      await fh.write(`${command.trim()}\n`);
    } finally {
      await fh.close();
    }
  }

  /** `announce route <prefix> next-hop <nexthop>` (+ extra attributes text). */
  announce(prefix: string, nexthop = 'self', extra = ''): Promise<void> {
    return this.send(`announce route ${prefix} next-hop ${nexthop}${extra ? ` ${extra}` : ''}`);
  }

  /** `withdraw route <prefix> next-hop <nexthop>`. */
  withdraw(prefix: string, nexthop = 'self'): Promise<void> {
    return this.send(`withdraw route ${prefix} next-hop ${nexthop}`);
  }

  stop(): Promise<void> {
    return this.process.stop();
  }
}
