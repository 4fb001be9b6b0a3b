/**
 * vitest globalSetup of the interop tier (`pnpm test:interop`): checks that this machine
 * can run the real-daemon tests, removes stale labs, and on teardown fails the run if a
 * lab of this run left anything behind. A missing prerequisite fails the tier with the
 * list of what is missing — it never skips.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findBinary, run } from './exec.js';
import { frrOwner } from './frr.js';
import { removeStaleLabs, type StaleLab } from './owner.js';

const INSTALL = 'bash scripts/install-system.sh';

/** Programs the interop tier needs, with the Debian package providing each. */
export const REQUIRED_TOOLS: readonly { readonly name: string; readonly pkg: string }[] = [
  { name: 'ip', pkg: 'iproute2' },
  { name: 'sysctl', pkg: 'procps' },
  { name: 'mkfifo', pkg: 'coreutils' },
  { name: 'vtysh', pkg: 'frr' },
  { name: 'bird', pkg: 'bird2' },
  { name: 'birdc', pkg: 'bird2' },
  { name: 'gobgpd', pkg: 'gobgpd' },
  { name: 'gobgp', pkg: 'gobgpd' },
  { name: 'exabgp', pkg: 'exabgp' },
  { name: 'tshark', pkg: 'tshark' },
  { name: 'tcpdump', pkg: 'tcpdump' },
  { name: 'bgpdump', pkg: 'bgpdump' },
];

/** FRR daemons the tier starts, looked up in `/usr/lib/frr` (or `ROUTEKIT_FRR_DIR`). */
export const REQUIRED_FRR_DAEMONS: readonly string[] = [
  'zebra',
  'bgpd',
  'ospfd',
  'ripd',
  'staticd',
];

/** What stops this machine from running the interop tier (empty when ready). */
export async function labPrerequisiteProblems(): Promise<string[]> {
  const problems: string[] = [];
  if (process.platform !== 'linux') problems.push(`needs Linux (this is ${process.platform})`);
  if (process.getuid?.() !== 0) {
    problems.push('needs root (network namespaces, veth links, routing daemons): run as root');
  }
  const missing: string[] = [];
  const pkgs = new Set<string>();
  for (const t of REQUIRED_TOOLS) {
    if (!findBinary(t.name)) {
      missing.push(`${t.name} (Debian package ${t.pkg})`);
      pkgs.add(t.pkg);
    }
  }
  const frrDir = process.env['ROUTEKIT_FRR_DIR'] ?? '/usr/lib/frr';
  for (const d of REQUIRED_FRR_DAEMONS) {
    const path = join(frrDir, d);
    if (!existsSync(path)) {
      missing.push(`${path} (Debian package frr)`);
      pkgs.add('frr');
    }
  }
  if (!pkgs.has('frr')) {
    try {
      frrOwner();
    } catch {
      missing.push('user and group frr (Debian package frr)');
      pkgs.add('frr');
    }
  }
  if (missing.length > 0) {
    problems.push(
      `missing: ${missing.join(', ')}\n  install with \`${INSTALL}\` (apt-get install ${[...pkgs].join(' ')})`,
    );
  }
  if (findBinary('ip') && process.getuid?.() === 0) {
    try {
      await run(['ip', 'netns', 'list'], { timeoutMs: 5000 });
    } catch (e) {
      problems.push(`\`ip netns list\` fails, so network namespaces are unusable: ${String(e)}`);
    }
  }
  return problems;
}

function describe(labs: readonly StaleLab[]): string {
  return labs
    .map(
      (l) =>
        `${l.label ?? '?'} (${l.id}): ${l.namespaces.length > 0 ? l.namespaces.join(' ') : 'runtime dir only'} — ${l.reason}`,
    )
    .join('\n  ');
}

/**
 * globalSetup: throw if a prerequisite is missing; tag this run (`ROUTEKIT_LAB_RUN`,
 * inherited by the test workers); remove stale labs. The returned teardown removes
 * whatever a lab of this run left and then fails the run, listing it.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const problems = await labPrerequisiteProblems();
  if (problems.length > 0) {
    throw new Error(
      `[testkit] the interop tier cannot run on this machine:\n- ${problems.join('\n- ')}`,
    );
  }
  const runId = `${process.pid}-${randomBytes(3).toString('hex')}`;
  process.env['ROUTEKIT_LAB_RUN'] = runId;
  const stale = await removeStaleLabs();
  if (stale.length > 0) {
    console.warn(`[testkit] removed ${stale.length} stale lab(s):\n  ${describe(stale)}`);
  }
  return async () => {
    const left = await removeStaleLabs({ run: runId, keepRun: runId });
    const kept = left.filter((l) => l.kept);
    const leaked = left.filter((l) => !l.kept && l.run === runId);
    const others = left.filter((l) => !l.kept && l.run !== runId);
    if (kept.length > 0) {
      console.warn(
        `[testkit] ROUTEKIT_LAB_KEEP: ${kept.length} failed lab(s) kept for debugging (the next run removes them):\n  ${describe(kept)}`,
      );
    }
    if (others.length > 0) {
      console.warn(`[testkit] removed stale lab(s) of other runs:\n  ${describe(others)}`);
    }
    if (leaked.length > 0) {
      throw new Error(
        `[testkit] labs of this run were not torn down (now removed):\n  ${describe(leaked)}`,
      );
    }
  };
}
