import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { labPrerequisiteProblems, REQUIRED_FRR_DAEMONS } from '../src/netns/index.js';
import setup from '../src/netns/preflight.js';

describe('interop preflight', () => {
  const saved = process.env['ROUTEKIT_FRR_DIR'];
  afterEach(() => {
    if (saved === undefined) delete process.env['ROUTEKIT_FRR_DIR'];
    else process.env['ROUTEKIT_FRR_DIR'] = saved;
  });

  test('missing daemons are each listed, with the install command, and setup throws', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'rk-no-frr-'));
    process.env['ROUTEKIT_FRR_DIR'] = empty;
    try {
      const problems = await labPrerequisiteProblems();
      const missing = problems.find((p) => p.startsWith('missing:'));
      expect(missing).toBeDefined();
      for (const d of REQUIRED_FRR_DAEMONS) {
        expect(missing).toContain(`${join(empty, d)} (Debian package frr)`);
      }
      expect(missing).toContain('bash scripts/install-system.sh');
      expect(missing).toContain('apt-get install');
      await expect(setup()).rejects.toThrow(/interop tier cannot run on this machine:\n- /);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('non-root is reported as a problem', async () => {
    const problems = await labPrerequisiteProblems();
    const needsRoot = problems.some((p) => p.startsWith('needs root'));
    expect(needsRoot).toBe(process.getuid?.() !== 0);
  });
});
