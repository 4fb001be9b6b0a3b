import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadVector } from '@routekit/testkit';
import { afterAll, describe, expect, test } from 'vitest';
import {
  CAPTURE_ERROR_CODES,
  detectFormat,
  MAX_PCAP_RECORD,
  openCapture,
  readCapture,
  writePcap,
  writePcapng,
} from '../src/index.js';
import { inflate } from './helpers.js';

const frames = [
  { data: Uint8Array.of(1, 2, 3), timestamp: 1_500_000_000_123_456_789n },
  { data: Uint8Array.of(4, 5, 6, 7, 8), timestamp: 1_500_000_001_000_000_000n },
];
const pcap = writePcap(frames, { linkType: 1, nanoseconds: true });
const pcapng = writePcapng(frames, { interfaces: [{ linkType: 1, name: 'eth0' }] });

describe('format detection is by magic number', () => {
  test('pcap, pcapng, gzip, unknown', () => {
    expect(detectFormat(pcap)).toBe('pcap');
    expect(detectFormat(pcapng)).toBe('pcapng');
    expect(detectFormat(gzipSync(pcap))).toBe('gzip');
    expect(detectFormat(Uint8Array.of(1, 2, 3, 4))).toBe('unknown');
    expect(detectFormat(new Uint8Array(0))).toBe('unknown');
  });

  test('unknown format is a typed error naming the first bytes', () => {
    const c = readCapture(Uint8Array.of(0xde, 0xad, 0xbe, 0xef, 0));
    expect(c.error).toMatchObject({ code: 'unknown-format', offset: 0 });
    expect(c.error?.detail).toContain('de ad be ef');
    expect(c.frames).toEqual([]);
  });

  test('nanosecond timestamps keep full precision; interface names are read', () => {
    expect(readCapture(pcap).frames[0]!.timestamp).toBe(1_500_000_000_123_456_789n);
    const ng = readCapture(pcapng);
    expect(ng.frames[0]!.timestamp).toBe(1_500_000_000_123_456_789n);
    expect(ng.interfaces[0]).toMatchObject({ name: 'eth0', linkTypeName: 'LINKTYPE_ETHERNET' });
    expect(ng.version).toBe('1.0');
    expect(readCapture(pcap).version).toBe('2.4');
  });

  test('maxFrames stops early without an error', () => {
    expect(readCapture(pcap, { maxFrames: 1 }).frames).toHaveLength(1);
    expect(readCapture(pcapng, { maxFrames: 1 }).frames).toHaveLength(1);
  });
});

describe('gzip', () => {
  const gz = gzipSync(pcap);
  test('with an injected inflater', () => {
    const c = readCapture(gz, { inflate });
    expect(c.compressed).toBe(true);
    expect(c.frames).toHaveLength(2);
  });
  test('without one: gzip-unsupported; a broken stream: gzip-failed', () => {
    expect(readCapture(gz).error?.code).toBe('gzip-unsupported');
    const broken = gz.slice(0, 20);
    expect(readCapture(broken, { inflate }).error?.code).toBe('gzip-failed');
    expect(readCapture(gzipSync(gz), { inflate }).error?.code).toBe('unknown-format');
  });
  test('openCapture inflates with DecompressionStream', async () => {
    const c = await openCapture(gz);
    expect(c.error).toBeUndefined();
    expect(c.frames.map((f) => f.data)).toEqual(frames.map((f) => f.data));
    expect((await openCapture(gz.slice(0, 30))).error?.code).toBe('gzip-failed');
    expect((await openCapture(gz, { maxInflatedBytes: 10 })).error?.code).toBe('gzip-failed');
    expect((await openCapture(pcap)).frames).toHaveLength(2);
    expect((await openCapture(gz, { inflate })).frames).toHaveLength(2);
  });
});

/** A copy with a 32-bit value written at `offset`. */
function patch(bytes: Uint8Array, offset: number, value: number, le = false): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(offset, value, le);
  return out;
}

describe('damaged files: frames before the damage and a typed error at the damaged block', () => {
  test('pcap: unsupported version, oversized record, truncated record', () => {
    const v = pcap.slice();
    v[5] = 3;
    expect(readCapture(v).error).toMatchObject({ code: 'unsupported-version', offset: 4 });
    const second = 24 + 16 + 3;
    const big = patch(pcap, second + 8, MAX_PCAP_RECORD + 1);
    const c = readCapture(big);
    expect(c.frames).toHaveLength(1);
    expect(c.error).toMatchObject({ code: 'limit-exceeded', offset: second });
    const cut = readCapture(pcap.subarray(0, pcap.length - 1));
    expect(cut.frames).toHaveLength(1);
    expect(cut.error).toMatchObject({ code: 'truncated', offset: second });
    expect(readCapture(pcap.subarray(0, 10)).error).toMatchObject({ code: 'truncated', offset: 0 });
  });

  test('pcap FCS bits and the modified-pcap magic', () => {
    const fcs = patch(pcap, 20, 0x2400_0001);
    expect(readCapture(fcs).interfaces[0]).toMatchObject({ linkType: 1, fcsLength: 4 });
    const modified = Uint8Array.from([
      ...[0xa1, 0xb2, 0xcd, 0x34, 0, 2, 0, 4],
      ...new Array(8).fill(0),
      ...[0, 0, 0xff, 0xff, 0, 0, 0, 1],
      ...[0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2],
      ...new Array(8).fill(0),
      ...[9, 9],
    ]);
    const m = readCapture(modified);
    expect(m.error).toBeUndefined();
    expect(m.frames[0]!.data).toEqual(Uint8Array.of(9, 9));
  });

  // Block offsets in the generated pcapng: SHB (28), IDB (20 + options), EPBs.
  const shbLength = 28;
  const idbLength = new DataView(pcapng.buffer).getUint32(shbLength + 4);
  const epb = shbLength + idbLength;

  test('pcapng: bad block lengths', () => {
    const short = readCapture(patch(pcapng, epb + 4, 8));
    expect(short.error).toMatchObject({ code: 'bad-block-length', offset: epb });
    const odd = readCapture(patch(pcapng, epb + 4, 42));
    expect(odd.error).toMatchObject({ code: 'bad-block-length', offset: epb });
    const epbLength = new DataView(pcapng.buffer).getUint32(epb + 4);
    const trailer = readCapture(patch(pcapng, epb + epbLength - 4, 999));
    expect(trailer.error).toMatchObject({ code: 'bad-block-length', offset: epb });
    const huge = readCapture(patch(pcapng, epb + 4, 0x7fff_fff0));
    expect(huge.error).toMatchObject({ code: 'limit-exceeded', offset: epb });
    const cut = readCapture(pcapng.subarray(0, pcapng.length - 2));
    expect(cut.frames).toHaveLength(1);
    expect(cut.error?.code).toBe('truncated');
  });

  test('pcapng: byte order, version, interface, lengths inside blocks', () => {
    expect(readCapture(patch(pcapng, 8, 0x11223344)).error).toMatchObject({
      code: 'bad-byte-order',
      offset: 0,
    });
    const v = pcapng.slice();
    v[13] = 2;
    expect(readCapture(v).error).toMatchObject({ code: 'unsupported-version', offset: 12 });
    const iface = readCapture(patch(pcapng, epb + 8, 3));
    expect(iface.error).toMatchObject({ code: 'unknown-interface', offset: epb });
    expect(iface.frames).toHaveLength(0);
    const caplen = readCapture(patch(pcapng, epb + 20, 1000));
    expect(caplen.error).toMatchObject({ code: 'length-out-of-range', offset: epb + 20 });
    // IDB option length overrunning its block
    const opt = pcapng.slice();
    new DataView(opt.buffer).setUint16(shbLength + 16 + 2, 200);
    expect(readCapture(opt).error?.code).toBe('length-out-of-range');
    // if_tsresol out of range
    const res = pcapng.slice();
    res[shbLength + 16 + 4] = 99;
    expect(readCapture(res).error?.code).toBe('bad-value');
    // a block before any section header
    const noShb = pcapng.slice(epb);
    const glued = new Uint8Array(noShb.length + 0);
    glued.set(noShb);
    expect(detectFormat(glued)).toBe('unknown');
  });

  test('pcapng: simple packet blocks need an interface; custom blocks are skipped', () => {
    const spb = writePcapng([{ data: Uint8Array.of(1, 2, 3, 4, 5), timestamp: 0n }], {
      interfaces: [{ linkType: 101, snapLength: 3 }],
      simple: true,
      littleEndian: true,
    });
    const c = readCapture(spb);
    expect(c.frames[0]!.data).toEqual(Uint8Array.of(1, 2, 3)); // snap length applies
    expect(c.byteOrder).toBe('little-endian');
    const noIdb = writePcapng([{ data: Uint8Array.of(1), timestamp: 0n }], {
      interfaces: [],
      simple: true,
    });
    expect(readCapture(noIdb).error?.code).toBe('unknown-interface');
    const custom = Uint8Array.from([0, 0, 0x0b, 0xad, 0, 0, 0, 16, 0, 0, 0, 1, 0, 0, 0, 16]);
    const withCustom = new Uint8Array(pcapng.length + 16);
    withCustom.set(pcapng.subarray(0, epb));
    withCustom.set(custom, epb);
    withCustom.set(pcapng.subarray(epb), epb + 16);
    expect(readCapture(withCustom).frames).toHaveLength(2);
  });

  test('every error code is documented in the README', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const code of CAPTURE_ERROR_CODES) expect(readme).toContain(`\`${code}\``);
  });
});

describe('truncated real files agree with tshark', () => {
  const dir = mkdtempSync(join(tmpdir(), 'routekit-capture-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = [
    'bgp/packetlife/BGP_MP_NLRI.cap',
    'bgp/pcpp/BgpPackets.pcap',
    'ospf/tcpdump/OSPFv2_Capture_FINAL.pcapng',
    'rip/wirerust/ipv6-ripng.pcap',
    'bgp/tcpdump/bgp-enhanced-route-refresh-subtype.pcapng',
  ];
  test.concurrent.each(files)('%s cut at 1/3 and 2/3', async (path) => {
    const bytes = loadVector(path);
    for (const fraction of [1 / 3, 2 / 3]) {
      const cut = Math.floor(bytes.length * fraction);
      const file = join(dir, `${path.replace(/\//g, '_')}-${cut}`);
      writeFileSync(file, bytes.subarray(0, cut));
      const count = await new Promise<number>((resolve) => {
        // tshark exits non-zero on a cut-short file but still prints the frames before it
        execFile('tshark', ['-n', '-r', file, '-T', 'fields', '-e', 'frame.number'], (_e, out) => {
          resolve(out.split('\n').filter((l) => l !== '').length);
        });
      });
      const ours = readCapture(bytes.subarray(0, cut));
      expect(ours.frames.length, `${path} cut at ${cut}`).toBe(count);
      // a cut exactly between two records is a valid, shorter file
      if (ours.error !== undefined) expect(ours.error.code).toBe('truncated');
    }
  });
});
