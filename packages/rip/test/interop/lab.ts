import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LabNode } from '@routekit/testkit/netns';
import { waitFor } from '@routekit/testkit/netns';
import { DRIVER, DriverClient } from './client.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Build `@routekit/rip` and its dependencies to dist/ (the driver runs the built JS). */
export function buildRip(): void {
  execFileSync('npx', ['tsc', '-b', 'packages/rip'], { cwd: ROOT, stdio: 'inherit' });
}

/** Driver configuration (see driver.mjs). */
export interface DriverConfig {
  readonly family?: 4 | 6;
  readonly interfaces: readonly {
    readonly name: string;
    readonly address: string;
    readonly auth?: {
      readonly keys: readonly { id: number; algorithm: string; secret: string }[];
      readonly authDataLength?: number;
    };
    readonly splitHorizon?: string;
  }[];
  readonly timers?: Record<string, number>;
  readonly announce?: readonly { prefix: string; metric?: number }[];
  /** Install learned routes into the namespace's kernel FIB (`ip route replace`). */
  readonly fib?: boolean;
}

/** Seconds-based lab timers → the engine's milliseconds. */
export function msTimers(t: {
  update: number;
  timeout: number;
  garbage: number;
}): Record<string, number> {
  return {
    update: t.update * 1000,
    jitter: Math.min(5000, (t.update * 1000) / 6),
    timeout: t.timeout * 1000,
    garbage: t.garbage * 1000,
    triggeredMin: Math.min(1000, (t.update * 1000) / 30),
    triggeredMax: Math.min(5000, (t.update * 1000) / 6),
  };
}

/** Start a routekit RIP node in `node`'s namespace; resolves once it listens. */
export async function startRoutekit(
  node: LabNode,
  config: DriverConfig,
): Promise<{ client: DriverClient; process: Awaited<ReturnType<LabNode['spawn']>> }> {
  const socket = DriverClient.socketIn(node.dir);
  const process = await node.spawn('routekit-rip', [
    globalThis.process.execPath,
    DRIVER,
    JSON.stringify({ ...config, socket }),
  ]);
  const client = new DriverClient(socket);
  await waitFor(async () => client.ready() && (await client.request({ cmd: 'ping' })), {
    timeoutMs: 10_000,
    describe: `routekit driver on ${node.name} listening`,
  });
  return { client, process };
}

/** The interface's link-local address once duplicate address detection is over. */
export async function linkLocal(node: LabNode, ifname: string): Promise<string> {
  return waitFor(
    async () => {
      const r = await node.exec(['ip', '-j', '-6', 'addr', 'show', 'dev', ifname, 'scope', 'link']);
      const info = JSON.parse(r.stdout) as {
        addr_info: { local: string; prefixlen: number; tentative?: boolean }[];
      }[];
      const a = info[0]?.addr_info.find((x) => x.local !== undefined);
      return a === undefined || a.tentative === true ? undefined : `${a.local}/${a.prefixlen}`;
    },
    { timeoutMs: 10_000, describe: `link-local address on ${ifname}` },
  );
}
