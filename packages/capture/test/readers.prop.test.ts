import { arbMutation } from '@routekit/testkit';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readCapture } from '../src/index.js';
import { arbCaptureFile, arbPcapFile, arbPcapngFile } from '../src/testing.js';
import { realCaptures } from './helpers.js';

function expectedTimestamp(ts: bigint, nanosPerTick: bigint): bigint {
  return nanosPerTick === 0n ? ts : (ts / nanosPerTick) * nanosPerTick;
}

describe('round trip: generated frames → writer → reader', () => {
  test('pcap (both byte orders, µs and ns)', () => {
    fc.assert(
      fc.property(arbPcapFile(), (file) => {
        const capture = readCapture(file.bytes);
        expect(capture.error).toBeUndefined();
        expect(capture.format).toBe('pcap');
        expect(capture.frames).toHaveLength(file.frames.length);
        capture.frames.forEach((frame, i) => {
          const w = file.frames[i]!;
          expect(frame.number).toBe(i + 1);
          expect(frame.data).toEqual(w.data);
          expect(frame.originalLength).toBe(w.originalLength);
          expect(frame.linkType).toBe(file.linkTypes[i]);
          expect(frame.timestamp).toBe(expectedTimestamp(w.timestamp, file.nanosPerTick[i]!));
        });
      }),
    );
  });

  test('pcapng (interfaces, resolutions, options, EPB and SPB)', () => {
    fc.assert(
      fc.property(arbPcapngFile(), (file) => {
        const capture = readCapture(file.bytes);
        expect(capture.error).toBeUndefined();
        expect(capture.format).toBe('pcapng');
        expect(capture.frames).toHaveLength(file.frames.length);
        capture.frames.forEach((frame, i) => {
          const w = file.frames[i]!;
          expect(frame.data).toEqual(w.data);
          expect(frame.originalLength).toBe(w.originalLength ?? w.data.length);
          expect(frame.linkType).toBe(file.linkTypes[i]);
          const npt = file.nanosPerTick[i]!;
          if (npt === 0n) {
            // binary fractions: within one tick of the written time
            expect(w.timestamp - frame.timestamp).toBeGreaterThanOrEqual(0n);
            expect(w.timestamp - frame.timestamp).toBeLessThanOrEqual(1_000_000_000n);
          } else {
            expect(frame.timestamp).toBe(expectedTimestamp(w.timestamp, npt));
          }
        });
      }),
    );
  });

  test('several sections concatenated keep their own interfaces', () => {
    fc.assert(
      fc.property(fc.array(arbPcapngFile(), { minLength: 1, maxLength: 3 }), (files) => {
        const total = files.reduce((n, f) => n + f.bytes.length, 0);
        const bytes = new Uint8Array(total);
        let at = 0;
        for (const f of files) {
          bytes.set(f.bytes, at);
          at += f.bytes.length;
        }
        const capture = readCapture(bytes);
        expect(capture.error).toBeUndefined();
        expect(capture.sections).toBe(files.length);
        expect(capture.frames.map((f) => f.linkType)).toEqual(files.flatMap((f) => f.linkTypes));
        expect(capture.frames.map((f) => f.data)).toEqual(
          files.flatMap((f) => f.frames.map((w) => w.data)),
        );
        for (const frame of capture.frames) {
          expect(capture.interfaces[frame.interfaceId]?.linkType).toBe(frame.linkType);
        }
      }),
    );
  });
});

/** Mutations never throw, and a damaged file keeps the frames before the damage. */
function checkDamaged(original: Uint8Array, mutated: Uint8Array): void {
  const copy = mutated.slice();
  const capture = readCapture(mutated);
  expect(mutated).toEqual(copy); // the reader never writes to its input
  if (capture.error !== undefined) {
    expect(capture.error.offset).toBeGreaterThanOrEqual(0);
    expect(capture.error.offset).toBeLessThanOrEqual(mutated.length);
    expect(typeof capture.error.code).toBe('string');
  }
  let budget = mutated.length;
  for (const frame of capture.frames) {
    // frames are views inside the input: nothing allocated from file lengths
    expect(frame.data.buffer).toBe(mutated.buffer);
    expect(frame.fileOffset + frame.data.length).toBeLessThanOrEqual(mutated.length);
    budget -= frame.data.length;
  }
  expect(budget).toBeGreaterThanOrEqual(0);
  // Frames that sit wholly before the first changed byte read as they did before.
  let firstChange = 0;
  while (firstChange < mutated.length && mutated[firstChange] === original[firstChange]) {
    firstChange++;
  }
  const before = readCapture(original);
  for (const [i, frame] of capture.frames.entries()) {
    const end = frame.data.byteOffset - mutated.byteOffset + frame.data.length;
    if (end + 4 >= firstChange) break;
    const was = before.frames[i];
    if (was === undefined || was.fileOffset !== frame.fileOffset) break;
    expect(frame.data).toEqual(was.data);
  }
}

describe('mutation robustness', () => {
  test('generated files: any mutation gives frames and at most one typed error', () => {
    fc.assert(
      fc.property(
        arbCaptureFile().chain((file) =>
          arbMutation(file.bytes, {
            maxSteps: 3,
            lengthFields: [
              { offset: 4, width: 4, littleEndian: true },
              { offset: 4, width: 4 },
              { offset: 32, width: 4 },
              { offset: 36, width: 4, littleEndian: true },
            ],
          }).map((m) => [file.bytes, m.bytes] as const),
        ),
        ([original, mutated]) => checkDamaged(original, mutated),
      ),
    );
  });

  test('real captures: mutations never throw or hang, errors point into the file', () => {
    const files = realCaptures().filter((c) => c.bytes.length < 4_000);
    fc.assert(
      fc.property(
        fc
          .constantFrom(...files)
          .chain((c) =>
            arbMutation(c.bytes, { maxSteps: 2 }).map((m) => [c.bytes, m.bytes] as const),
          ),
        ([original, mutated]) => checkDamaged(original, mutated),
      ),
      { numRuns: 300 },
    );
  });

  test('every truncation of a real file keeps exactly the complete frames before the cut', () => {
    for (const c of realCaptures().filter((x) => x.bytes.length < 6000)) {
      const whole = readCapture(c.bytes);
      const dv = new DataView(c.bytes.buffer, c.bytes.byteOffset, c.bytes.byteLength);
      const le = whole.byteOrder === 'little-endian';
      // where each frame's record (pcap) or block (pcapng) ends
      const ends = whole.frames.map((f) =>
        whole.format === 'pcap'
          ? f.data.byteOffset - c.bytes.byteOffset + f.data.length
          : f.fileOffset + dv.getUint32(f.fileOffset + 4, le),
      );
      for (let cut = 1; cut < c.bytes.length; cut += 5) {
        const part = readCapture(c.bytes.subarray(0, cut));
        const complete = ends.filter((end) => end <= cut).length;
        expect(part.frames.length, `${c.path} cut at ${cut}`).toBe(complete);
        if (cut < 4) expect(part.error?.code).toBe('unknown-format');
        else if (whole.format === 'pcap' && cut !== 24 && !ends.includes(cut)) {
          expect(part.error?.code, `${c.path} cut at ${cut}`).toBe('truncated');
          // the error names the damaged record: right after the last complete frame
          expect(part.error?.offset).toBe(
            complete === 0 ? (cut < 24 ? 0 : 24) : ends[complete - 1],
          );
        }
      }
    }
  });
});
