import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BgpdumpFormatter, decodeMrtRecord, encodeMrtRecord } from '../src/mrt/index.js';
import { arbMrtRecord } from '../src/testing.js';

const haveBgpdump = (() => {
  try {
    execFileSync('bgpdump', ['-T'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!haveBgpdump && process.env['CI']) {
  throw new Error('Debian bgpdump is required when CI is set (apt-get install bgpdump)');
}

const dir = mkdtempSync(join(tmpdir(), 'routekit-mrt-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Debian `bgpdump -m` on one record written to a file. */
function bgpdump(bytes: Uint8Array): string[] {
  const file = join(dir, 'one.mrt');
  writeFileSync(file, bytes);
  const out = execFileSync('bgpdump', ['-m', file], { stdio: ['ignore', 'pipe', 'ignore'] });
  return out
    .toString('latin1')
    .split('\n')
    .filter((l) => l.length > 0);
}

describe('differential: BgpdumpFormatter against Debian bgpdump 1.6.2', () => {
  it.skipIf(!haveBgpdump)(
    `random records of every family print the same lines${haveBgpdump ? '' : ' (skipped: bgpdump not installed)'}`,
    () => {
      fc.assert(
        fc.property(arbMrtRecord(), (rec) => {
          const bytes = encodeMrtRecord(rec);
          const d = decodeMrtRecord(bytes);
          expect(d.ok).toBe(true);
          if (!d.ok) return;
          const theirs = bgpdump(bytes);
          // An empty COMMUNITIES attribute makes bgpdump print memory past its string.
          if (theirs.some((l) => /[^\x20-\x7e]/.test(l))) return;
          expect(new BgpdumpFormatter().format(d.value)).toEqual(theirs);
        }),
        { numRuns: 300 },
      );
    },
    120_000,
  );
});
