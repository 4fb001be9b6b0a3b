import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RipSnapshot } from '../../src/index.js';

/** The driver script (next to this file). */
export const DRIVER: string = fileURLToPath(new URL('./driver.mjs', import.meta.url));

/** Talk to a running driver over its Unix socket. */
export class DriverClient {
  constructor(readonly socket: string) {}

  static socketIn(dir: string): string {
    return join(dir, 'routekit-rip.sock');
  }

  request<T = unknown>(command: object): Promise<T> {
    return new Promise((resolve, reject) => {
      const c = connect(this.socket);
      let buf = '';
      c.on('error', reject);
      c.on('data', (d) => {
        buf += d;
        const i = buf.indexOf('\n');
        if (i >= 0) {
          c.end();
          resolve(JSON.parse(buf.slice(0, i)) as T);
        }
      });
      c.write(`${JSON.stringify(command)}\n`);
    });
  }

  ready(): boolean {
    return existsSync(this.socket);
  }

  snapshot(): Promise<RipSnapshot> {
    return this.request<RipSnapshot>({ cmd: 'snapshot' });
  }

  announce(prefix: string, metric = 1): Promise<{ at: number }> {
    return this.request({ cmd: 'announce', prefix, metric });
  }

  withdraw(prefix: string): Promise<{ at: number }> {
    return this.request({ cmd: 'withdraw', prefix });
  }

  async route(prefix: string) {
    return (await this.snapshot()).routes.find((r) => r.prefix === prefix);
  }
}
