import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arbMutation } from '@routekit/testkit';
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

  it.skipIf(!haveBgpdump)(
    `mutated records (fixed sample of 1500): at least 99% print the same lines${haveBgpdump ? '' : ' (skipped: bgpdump not installed)'}`,
    () => {
      const samples = fc.sample(
        arbMrtRecord().chain((r) =>
          arbMutation(encodeMrtRecord(r), {
            lengthFields: [{ offset: 8, width: 4 }],
            maxSteps: 2,
          }),
        ),
        { numRuns: 1500, seed: 3 },
      );
      let compared = 0;
      const differ: string[] = [];
      for (const m of samples) {
        const d = decodeMrtRecord(m.bytes);
        if (!d.ok || d.bytesRead !== m.bytes.length) continue;
        const theirs = bgpdump(m.bytes);
        if (theirs.some((l) => /[^\x20-\x7e]/.test(l))) continue;
        compared++;
        const ours = new BgpdumpFormatter().format(d.value);
        if (JSON.stringify(ours) !== JSON.stringify(theirs)) differ.push(m.description);
      }
      expect(compared).toBeGreaterThan(200);
      // Damaged BGP messages are read leniently like bgpdump, but not in every corner
      // (bgpdump's reads past a field's end are undefined behaviour in places).
      expect(differ.length, differ.join('\n')).toBeLessThanOrEqual(compared / 100);
    },
    120_000,
  );
});
