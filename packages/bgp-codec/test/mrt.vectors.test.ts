import { createReadStream, readFileSync } from 'node:fs';
import { findVectors, vectorPath } from '@routekit/testkit';
import { describe, expect, it } from 'vitest';
import { BgpdumpFormatter, readMrt } from '../src/mrt/index.js';
import {
  debianBgpdump,
  firstDifference,
  MRT_VECTORS,
  mrtFile,
  shippedLines,
} from './mrt-vectors.js';

const haveBgpdump = debianBgpdump('mrtparse/quagga_rib') !== undefined;
if (!haveBgpdump && process.env['CI']) {
  throw new Error('Debian bgpdump is required when CI is set (apt-get install bgpdump)');
}

describe('MRT vector table', () => {
  it('lists every MRT file of the shared vectors (34 files: 26 MRT + 8 expected outputs)', () => {
    const all = findVectors(/^mrt\//).map((f) => f.replace(/^mrt\//, ''));
    expect(all).toHaveLength(34);
    const data = all.filter((f) => !f.endsWith('.bgp.gz')).sort();
    expect(MRT_VECTORS.map((v) => v.file).sort()).toEqual(data);
    const shipped = all.filter((f) => f.endsWith('.bgp.gz')).map((f) => f.slice(0, -7));
    expect(
      MRT_VECTORS.filter((v) => v.shipped)
        .map((v) => v.file)
        .sort(),
    ).toEqual(shipped.sort());
  });
});

describe.each(MRT_VECTORS)('$file', { timeout: 60_000 }, (v) => {
  it(`frames ${Object.values(v.records).reduce((a, b) => a + b, 0)} records by type, ${v.errors} errors`, () => {
    const r = mrtFile(v.file);
    expect(r.records).toEqual(v.records);
    expect(r.errors).toHaveLength(v.errors);
  });

  it('re-encodes every record byte-exact', () => {
    expect(mrtFile(v.file).notExact).toEqual([]);
  });

  it(`prints ${v.lines} bgpdump -m lines`, () => {
    expect(mrtFile(v.file).lines).toHaveLength(v.lines);
  });

  it("streams the compressed file (readMrt, messages: 'raw') to the same lines", async () => {
    const f = new BgpdumpFormatter();
    const lines: string[] = [];
    let errors = 0;
    const source = createReadStream(vectorPath(`mrt/${v.file}`), { highWaterMark: 1 << 16 });
    for await (const item of readMrt(source, { messages: 'raw' })) {
      if (item.ok) f.formatInto(item.record, lines);
      else errors++;
    }
    expect(errors).toBe(v.errors);
    expect(firstDifference(lines, mrtFile(v.file).lines)).toBeUndefined();
  });

  if (v.shipped) {
    it('matches the shipped bgpdump output line for line', () => {
      const ours = mrtFile(v.file).lines;
      const expected = shippedLines(v.file);
      expect(firstDifference(ours, expected)).toBeUndefined();
      expect(ours.length).toBe(expected.length);
    });
  }

  it.skipIf(!haveBgpdump)(
    `matches Debian bgpdump -m line for line${haveBgpdump ? '' : ' (skipped: bgpdump not installed; apt-get install bgpdump)'}`,
    () => {
      const ours = mrtFile(v.file).lines;
      const theirs = debianBgpdump(v.file)!;
      expect(firstDifference(ours, theirs)).toBeUndefined();
      expect(ours.length).toBe(theirs.length);
    },
  );
});

describe('damaged file: bgpkit/rrc00_2000.01_bview.20000111.0032.gz', () => {
  const file = 'bgpkit/rrc00_2000.01_bview.20000111.0032.gz';

  it('by default, stops at the first damaged header like bgpdump (1 line)', () => {
    const r = mrtFile(file);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'record-too-long' });
    expect(r.errors[0]!.offset).toBeGreaterThan(7732);
    expect(r.lines).toHaveLength(1);
  });

  it('with resync, recovers the records that follow each damaged stretch', async () => {
    const f = new BgpdumpFormatter();
    const lines: string[] = [];
    let records = 0;
    let errors = 0;
    let lastOffset = -1;
    for await (const item of readMrt(readFileSync(vectorPath(`mrt/${file}`)), { resync: true })) {
      if (item.ok) {
        records++;
        expect(item.record.type).toBe(12);
        expect(item.offset).toBeGreaterThan(lastOffset);
        lastOffset = item.offset;
        f.formatInto(item.record, lines);
      } else {
        errors++;
        expect(['bad-header', 'record-too-long', 'truncated-record']).toContain(item.error.code);
      }
    }
    // Each record's declared length is 4 bytes short: every record is followed by a
    // 4-byte damaged stretch, and every record is recovered (one TABLE_DUMP line each:
    // the first entry of its batch).
    expect(records).toBeGreaterThan(2000);
    expect(errors).toBeGreaterThanOrEqual(records - 1);
    expect(errors).toBeLessThanOrEqual(records + 1);
    expect(lines).toHaveLength(records);
    expect(lines[0]).toBe(mrtFile(file).lines[0]);
  });
});
