import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, runSync } from './exec.js';
import { NS_PREFIX, parseLabId, parseNamespaceName } from './names.js';
import { pidAlive, processStartTime, terminate } from './process.js';

/**
 * Who owns which namespaces. Every lab writes `<root>/<lab id>/lab.json` before it
 * creates a namespace; the lab id encodes the owner's pid. A namespace is stale when
 * its owner is gone (or its pid was reused), and only stale namespaces are removed, so
 * two test runs on one machine never tear down each other's labs.
 */

/** Contents of `lab.json`. */
export interface LabMeta {
  readonly id: string;
  readonly label: string;
  readonly pid: number;
  /** /proc start time of the owner, to tell a reused pid. */
  readonly startTime?: string;
  /** `ROUTEKIT_LAB_RUN` of the test run that created it (set by the preflight). */
  readonly run?: string;
  readonly created: string;
  /** Kept on purpose after a failure (`ROUTEKIT_LAB_KEEP=1`). */
  readonly keep?: boolean;
  readonly namespaces: readonly string[];
}

/** Root of the runtime dirs: `$TMPDIR/routekit-lab` (override: `ROUTEKIT_LAB_DIR`). */
export function labRoot(): string {
  return process.env['ROUTEKIT_LAB_DIR'] || join(tmpdir(), 'routekit-lab');
}

/** Ids of the labs this process has open (never stale, whatever the files say). */
export const openLabIds: Set<string> = new Set();

export function readMeta(id: string, root: string = labRoot()): LabMeta | undefined {
  try {
    return JSON.parse(readFileSync(join(root, id, 'lab.json'), 'utf8')) as LabMeta;
  } catch {
    return undefined;
  }
}

export function writeMeta(meta: LabMeta, root: string = labRoot()): void {
  writeFileSync(join(root, meta.id, 'lab.json'), `${JSON.stringify(meta, null, 2)}\n`);
}

/** Every namespace named `rkt-*`. */
export async function listLabNamespaces(): Promise<string[]> {
  const { stdout } = await run(['ip', 'netns', 'list']);
  return parseNetnsList(stdout).filter((n) => n.startsWith(NS_PREFIX));
}

/** Names from `ip netns list` output ("name" or "name (id: 3)" per line). */
export function parseNetnsList(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/**
 * Why a lab is stale, or undefined if its owner is alive. `run`: labs of this test run
 * count as stale too (used once the run's workers are done).
 */
export function staleReason(
  id: string | undefined,
  meta: LabMeta | undefined,
  options: { readonly run?: string | undefined } = {},
): string | undefined {
  if (id === undefined) return 'not a harness name';
  const parsed = parseLabId(id);
  if (!parsed) return 'not a harness lab id';
  const pid = parsed.pid;
  if (pid === process.pid) {
    return openLabIds.has(id) ? undefined : 'left by an earlier lab with this pid';
  }
  if (!pidAlive(pid)) return `owner pid ${pid} is gone`;
  if (meta?.startTime !== undefined && processStartTime(pid) !== meta.startTime) {
    return `owner pid ${pid} was reused`;
  }
  if (options.run !== undefined && meta?.run === options.run) return 'left by this test run';
  return undefined;
}

/** Kill every process inside the namespaces (by pid), then delete them. */
export async function removeNamespaces(namespaces: readonly string[]): Promise<void> {
  const pids: number[] = [];
  for (const ns of namespaces) {
    const r = await run(['ip', 'netns', 'pids', ns], { allowFailure: true });
    for (const p of r.stdout.split(/\s+/)) if (/^\d+$/.test(p)) pids.push(Number(p));
  }
  const survivors = await terminate(pids, 1500);
  for (const ns of namespaces) await run(['ip', 'netns', 'del', ns], { allowFailure: true });
  if (survivors.length > 0) {
    throw new Error(
      `processes ${survivors.join(', ')} survived SIGKILL in ${namespaces.join(' ')}`,
    );
  }
}

/** The synchronous version of `removeNamespaces`, for exit handlers (SIGKILL at once). */
export function removeNamespacesSync(namespaces: readonly string[]): void {
  for (const ns of namespaces) {
    const r = runSync(['ip', 'netns', 'pids', ns]);
    for (const p of r.stdout.split(/\s+/)) {
      if (/^\d+$/.test(p)) {
        try {
          process.kill(Number(p), 'SIGKILL');
        } catch {
          // gone
        }
      }
    }
    runSync(['ip', 'netns', 'del', ns]);
  }
}

export interface StaleLab {
  readonly id: string;
  readonly namespaces: readonly string[];
  readonly reason: string;
  readonly label?: string;
  /** The test run that created it, if recorded. */
  readonly run?: string;
  readonly kept?: boolean;
}

export interface StaleOptions {
  readonly root?: string;
  /** Also treat labs of this run as stale (see `staleReason`). */
  readonly run?: string | undefined;
  /** Leave labs marked `keep` alone when they belong to this run id. */
  readonly keepRun?: string | undefined;
}

/**
 * Remove the namespaces, processes and runtime dirs of stale labs (owner gone) and of
 * stray `rkt-*` namespaces. Returns what was removed; labs kept on purpose by the run
 * `keepRun` are reported with `kept: true` and left in place.
 */
export async function removeStaleLabs(options: StaleOptions = {}): Promise<StaleLab[]> {
  const root = options.root ?? labRoot();
  const byLab = new Map<string, string[]>();
  const stray: string[] = [];
  for (const ns of await listLabNamespaces()) {
    const p = parseNamespaceName(ns);
    if (!p) stray.push(ns);
    else byLab.set(p.labId, [...(byLab.get(p.labId) ?? []), ns]);
  }
  // runtime dirs without namespaces (a crash before the first namespace, or after)
  if (existsSync(root)) {
    for (const d of readdirSync(root)) if (parseLabId(d) && !byLab.has(d)) byLab.set(d, []);
  }
  const out: StaleLab[] = [];
  for (const [id, namespaces] of byLab) {
    const meta = readMeta(id, root);
    const reason = staleReason(id, meta, { run: options.run });
    if (reason === undefined) continue;
    const extra = {
      ...(meta?.label ? { label: meta.label } : {}),
      ...(meta?.run ? { run: meta.run } : {}),
    };
    if (meta?.keep && options.keepRun !== undefined && meta.run === options.keepRun) {
      out.push({ id, namespaces, reason, kept: true, ...extra });
      continue;
    }
    await removeNamespaces(namespaces);
    rmSync(join(root, id), { recursive: true, force: true });
    out.push({ id, namespaces, reason, ...extra });
  }
  if (stray.length > 0) {
    await removeNamespaces(stray);
    out.push({ id: '?', namespaces: stray, reason: 'not a harness name' });
  }
  return out;
}
