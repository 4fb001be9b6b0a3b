import { loadVector, vectorPath } from '@routekit/testkit';
import { afterEach, describe, expect, test } from 'vitest';
import {
  DECODE_PROTOCOLS,
  type Io,
  main,
  registerDecoder,
  unregisterDecoder,
} from '../src/index.js';
import { lines, run } from './helpers.js';

afterEach(() => {
  for (const p of DECODE_PROTOCOLS) unregisterDecoder(p);
});

describe('usage and exit codes', () => {
  test('no arguments: usage on stderr, exit 1', async () => {
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.err).toContain('Usage: routekit');
  });

  test.each([
    [['--help']],
    [['-h']],
    [['help']],
    [['help', 'decode']],
    [['capture', '--help']],
    [['decode', '-h']],
  ])('%s prints help, exit 0', async (args) => {
    const r = await run(...args);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: routekit/);
    expect(r.err).toBe('');
  });

  test('unknown command, unknown option, bad values: exit 1 with a hint', async () => {
    expect((await run('frobnicate')).code).toBe(1);
    for (const args of [
      ['decode', '--nope', 'x'],
      ['decode', '--format', 'xml', 'x'],
      ['decode', '--protocol', 'isis', 'ff'],
      ['decode'],
      ['capture'],
      ['capture', 'a', 'b'],
      ['decode', 'a', 'b'],
    ]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(/^routekit (decode|capture): .*\nRun `routekit/);
    }
  });

  test('unreadable input: exit 2, one line, no stack trace', async () => {
    for (const args of [
      ['capture', 'no/such/file.pcap'],
      ['decode', 'no/such/file.pcap'],
      ['capture', vectorPath('bgp/MANIFEST.md')],
    ]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  test('a damaged capture: what was read, a warning, exit 2', async () => {
    const bytes = loadVector('rip/packetlife/RIPv2.cap');
    let err = '';
    let out = '';
    const io: Io = {
      stdout: (t) => {
        out += t;
      },
      stderr: (t) => {
        err += t;
      },
      readFile: async () => bytes.subarray(0, 500),
    };
    expect(await main(['capture', 'cut.pcap'], io)).toBe(2);
    expect(err).toContain('truncated');
    expect(out).toContain('Frames:      3');
    out = '';
    expect(await main(['decode', 'cut.pcap'], io)).toBe(2);
    expect(out.trim().split('\n')).toHaveLength(3);
  });
});

describe('routekit capture', () => {
  test('summary: format, link types, frames, flows', async () => {
    const r = await run('capture', vectorPath('bgp/packetlife/BGP_MP_NLRI.cap'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Format:      pcap 2.4, little-endian');
    expect(r.out).toContain('LINKTYPE_ETHERNET (1)');
    expect(r.out).toContain('Frames:      24');
    expect(r.out).toContain('Messages:    bgp 24');
    expect(r.out).toContain('Flows:       2 TCP, 0 UDP');
    expect(r.out).toMatch(/tcp:1 +10\.0\.0\.1:15110 → 10\.0\.0\.2:179 +6 +625 +6 +625/);
  });

  test('--quiet leaves out frames; UDP conversations are listed', async () => {
    const r = await run('capture', '-q', vectorPath('rip/wirerust/ipv6-ripng.pcap'));
    expect(r.out).not.toContain('\nFrames:\n');
    expect(r.out).toContain('UDP conversations:');
    expect(r.out).toContain('Messages:    ripng 20');
  });
});

describe('routekit decode', () => {
  test('BGP: one JSON line per message, decoded by the built-in codec', async () => {
    const r = await run('decode', vectorPath('bgp/packetlife/BGP_MP_NLRI.cap'));
    expect(r.code).toBe(0);
    const l = lines(r);
    expect(l).toHaveLength(24);
    expect(l[0]).toEqual({
      frame: 1,
      flow: 'tcp:0',
      src: '[2001:db8::1]:42037',
      dst: '[2001:db8::2]:179',
      protocol: 'bgp',
      message: expect.objectContaining({ kind: 'open', bgpId: '1.1.1.1' }),
    });
    for (const x of l) {
      expect(Object.keys(x)).toEqual(expect.arrayContaining(['frame', 'flow', 'protocol']));
      expect(x['message']).toBeDefined();
    }
  });

  test('a BGP message split across segments keeps both frame numbers', async () => {
    const r = await run(
      'decode',
      vectorPath('bgp/pmacct/304-BGP-IPv6-multiple-sources-dump-spreading__traffic-00.pcap'),
    );
    const spanning = lines(r).filter((x) => x['firstFrame'] !== undefined);
    expect(spanning.length).toBeGreaterThan(0);
    for (const x of spanning) expect(x['firstFrame'] as number).toBeLessThan(x['frame'] as number);
  });

  test('OSPF, RIP and RIPng captures', async () => {
    const ospf = lines(await run('decode', vectorPath('ospf/tcpdump/OSPFv3_with_AH.pcap')));
    expect(ospf).toHaveLength(61);
    expect(ospf[0]).toMatchObject({ frame: 1, flow: null, protocol: 'ospf', src: 'fe80::1' });
    const rip = lines(await run('decode', vectorPath('rip/tcpdump/ripv1v2.pcap')));
    expect(rip.map((x) => x['protocol'])).toEqual(['rip', 'rip', 'rip', 'rip']);
    expect(rip[0]).toMatchObject({ flow: 'udp:0', dst: expect.stringMatching(/:520$/) });
    const ripng = lines(await run('decode', vectorPath('rip/wirerust/ipv6-ripng.pcap')));
    expect(ripng).toHaveLength(20);
    expect(new Set(ripng.map((x) => x['protocol']))).toEqual(new Set(['ripng']));
  });

  test('--protocol filters a capture', async () => {
    const r = await run('decode', '--protocol', 'rip', vectorPath('ospf/arkime/ospf.pcap'));
    expect(lines(r)).toEqual([]);
  });

  test('registered decoders: message, error, and a throwing decoder becomes an error', async () => {
    registerDecoder('rip', (bytes) =>
      bytes[1] === 2
        ? { ok: true, value: { command: bytes[0], version: 2, raw: bytes.subarray(0, 4), n: 5n } }
        : { ok: false, error: { code: 'bad-version', offset: 1, length: 1, detail: 'v1' } },
    );
    const l = lines(await run('decode', vectorPath('rip/tcpdump/ripv1v2.pcap')));
    expect(l.filter((x) => x['message'] !== undefined)).toHaveLength(2);
    expect(l.find((x) => x['message'] !== undefined)?.['message']).toMatchObject({
      version: 2,
      n: '5',
    });
    expect(l.filter((x) => x['error'] !== undefined)[0]?.['error']).toEqual({
      code: 'bad-version',
      offset: 1,
      length: 1,
      detail: 'v1',
    });
    registerDecoder('rip', () => {
      throw new RangeError('boom');
    });
    const r = await run('decode', vectorPath('rip/tcpdump/ripv1v2.pcap'));
    expect(r.code).toBe(0);
    expect(lines(r)[0]?.['error']).toMatchObject({
      code: 'internal-error',
      detail: 'RangeError: boom',
    });
  });

  test('malformed BGP stream bytes are error objects, never a crash', async () => {
    const r = await run('decode', vectorPath('bgp/tcpdump/bgp_vpn_rt-oobr.pcap'));
    expect(r.code).toBe(0);
    const errors = lines(r).filter((x) => x['error'] !== undefined);
    expect(errors.length).toBeGreaterThan(0);
    const codes = new Set(errors.map((x) => (x['error'] as { code: string }).code));
    expect(codes).toContain('stream-invalid'); // stream bytes that do not frame
    expect(codes).toContain('malformed-attribute-list'); // framed, but the codec refuses it
  });

  test('hex input: guessed or given protocol; bad hex is unreadable', async () => {
    const keepalive = `${'ff'.repeat(16)}001304`;
    expect(lines(await run('decode', keepalive))).toEqual([
      { frame: null, flow: null, protocol: 'bgp', message: { kind: 'keepalive' } },
    ]);
    expect(lines(await run('decode', '0x0202 0000'))[0]).toMatchObject({ protocol: 'rip' });
    expect(lines(await run('decode', '-p', 'ripng', '0101 0000'))[0]).toMatchObject({
      protocol: 'ripng',
    });
    expect(lines(await run('decode', '02010014c0a80101000000000000000000000000'))[0]).toMatchObject(
      { protocol: 'ospf' },
    );
    expect((await run('decode', 'abcd')).code).toBe(1); // cannot guess: usage
    expect((await run('decode', 'xyz')).code).toBe(2); // neither a file nor hex
  });

  test('--format tree', async () => {
    registerDecoder('bgp', (bytes) => ({
      ok: true,
      value: { kind: 'keepalive', length: bytes.length, list: [], nested: { a: [1, 2] } },
    }));
    const r = await run('decode', '--format', 'tree', `${'ff'.repeat(16)}001304`);
    expect(r.out).toBe(
      'BGP  hex input\n  message\n    kind: keepalive\n    length: 19\n    list: (none)\n    nested\n      a\n        [0]: 1\n        [1]: 2\n\n',
    );
    unregisterDecoder('bgp');
    const u = await run('decode', '-f', 'tree', vectorPath('bgp/ryu/bgp4-keepalive.pcap'));
    expect(u.out).toContain('  message\n    kind: keepalive\n');
    const p = await run('decode', '-f', 'tree', vectorPath('ospf/tcpdump/OSPFv3_with_AH.pcap'));
    expect(p.out).toContain('0000  03 ');
    registerDecoder('bgp', () => ({ ok: false, error: { code: 'bad-type', offset: 18 } }));
    const e = await run('decode', '-f', 'tree', vectorPath('bgp/ryu/bgp4-keepalive.pcap'));
    expect(e.out).toContain('  error\n    code: bad-type\n    offset: 18');
  });
});
