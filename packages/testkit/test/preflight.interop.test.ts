// The interop preflight's teardown: labs of the run that were not torn down are removed
// and fail the run; labs kept on purpose (ROUTEKIT_LAB_KEEP) are left and reported.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { labLeftovers, labRoot, makeLabId, namespaceName, pidAlive } from '../src/netns/index.js';
import setup from '../src/netns/preflight.js';

const savedRun = process.env['ROUTEKIT_LAB_RUN'];
afterEach(() => {
  if (savedRun === undefined) delete process.env['ROUTEKIT_LAB_RUN'];
  else process.env['ROUTEKIT_LAB_RUN'] = savedRun;
});

/** A lab as a crashed worker would leave it: owner gone, namespace, a process inside. */
function fakeLab(seq: number, run: string, keep: boolean) {
  const dead = spawnSync('true').pid!;
  const id = makeLabId(dead, seq);
  const ns = namespaceName(id, 'n');
  mkdirSync(join(labRoot(), id), { recursive: true });
  writeFileSync(
    join(labRoot(), id, 'lab.json'),
    JSON.stringify({
      id,
      label: `fake-${seq}`,
      pid: dead,
      run,
      keep,
      created: '',
      namespaces: [ns],
    }),
  );
  expect(spawnSync('ip', ['netns', 'add', ns]).status).toBe(0);
  const p = spawn('ip', ['netns', 'exec', ns, 'sleep', '300'], { stdio: 'ignore' });
  return { id, ns, pid: p.pid! };
}

test('teardown removes a leaked lab of this run and fails; a kept lab stays', async () => {
  const teardown = await setup();
  const run = process.env['ROUTEKIT_LAB_RUN']!;
  expect(run).toMatch(/^\d+-[0-9a-f]{6}$/);
  const leaked = fakeLab(1, run, false);
  const kept = fakeLab(2, run, true);
  try {
    await new Promise((r) => setTimeout(r, 100));
    expect(pidAlive(leaked.pid)).toBe(true);
    await expect(teardown()).rejects.toThrow(
      new RegExp(
        `labs of this run were not torn down \\(now removed\\):\\n  fake-1 \\(${leaked.id}\\): ${leaked.ns}`,
      ),
    );
    expect(await labLeftovers(leaked.id)).toEqual({ namespaces: [], processes: [] });
    expect(pidAlive(leaked.pid)).toBe(false);
    expect(existsSync(join(labRoot(), leaked.id))).toBe(false);
    expect((await labLeftovers(kept.id)).namespaces).toEqual([kept.ns]);
    expect(pidAlive(kept.pid)).toBe(true);
  } finally {
    for (const l of [leaked, kept]) {
      spawnSync('kill', ['-9', String(l.pid)]);
      spawnSync('ip', ['netns', 'del', l.ns]);
      rmSync(join(labRoot(), l.id), { recursive: true, force: true });
    }
  }
});
