import { describe, expect, test } from 'vitest';
import { allVectors, captureFrames, findVectors, ipv4Of, loadVector } from '../src/index.js';

describe('vector loader', () => {
  test('every manifest row names a file that matches SHA256SUMS', () => {
    const entries = allVectors();
    expect(entries.length).toBeGreaterThan(200);
    for (const e of entries) {
      const bytes = loadVector(e.path);
      expect(bytes.length, e.path).toBe(e.bytes);
    }
  });
  test('every capture yields frames', () => {
    const caps = findVectors(/\.(pcap|pcapng|cap)(\.gz)?$/);
    expect(caps.length).toBeGreaterThan(90);
    let ospf = 0;
    for (const p of caps) {
      const frames = captureFrames(loadVector(p));
      expect(frames.length, p).toBeGreaterThan(0);
      for (const f of frames) if (ipv4Of(f)?.protocol === 89) ospf++;
    }
    expect(ospf).toBeGreaterThan(100);
  });
});
