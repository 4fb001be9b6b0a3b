import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { vectorPath } from '@routekit/testkit';
import { hex, toHex } from '@routekit/wire';
import { describe, expect, it } from 'vitest';
import {
  BgpdumpFormatter,
  decodeMrtRecord,
  encodeMrtRecord,
  type MrtItem,
  type MrtRecord,
  mrtRecords,
  mrtRecordToJson,
  readMrt,
} from '../src/mrt/index.js';

/** Hand-made records, each with what it decodes to and the `bgpdump -m` lines it prints. */
const TABLE_DUMP = hex`
  5f5e1000 000c 0001 0000004e   # ts 1600000000, TABLE_DUMP, AFI IPv4, length 78
  0000 0001                     # view 0, sequence 1
  c0000200 18 01                # prefix 192.0.2.0, /24, status 1
  5f5e0000                      # originated
  c6336401 fde8                 # peer 198.51.100.1 AS65000
  0038                          # attribute length 56
  40 01 01 00                   # ORIGIN IGP
  40 02 0c 02 02 fde8 fde9 01 02 fdea fdeb   # AS_PATH 65000 65001 {65002,65003}
  40 03 04 c6336401             # NEXT_HOP
  80 04 04 00000064             # MED 100
  c0 08 08 ffffff01 fde80064    # COMMUNITIES NO_EXPORT 65000:100
  40 06 00                      # ATOMIC_AGGREGATE
  c0 07 06 fde8 c0000201        # AGGREGATOR 65000 192.0.2.1
`;
const ET_STATE = hex`
  5f5e1000 0011 0005 00000034   # BGP4MP_ET, STATE_CHANGE_AS4, length 52
  0001e240                      # 123456 µs
  fa56ea00 0000fde9 0000 0002   # peer AS4200000000, local AS65001, ifindex 0, AFI IPv6
  20010db8 00000000 00000000 00000001   # peer 2001:db8::1
  20010db8 00000000 00000000 00000002   # local 2001:db8::2
  0001 0002                     # Idle → Connect
`;
const MESSAGE_AS4 = hex`
  5f5e1000 0010 0004 0000004b   # BGP4MP, MESSAGE_AS4, length 75
  0000fde8 0000fde9 0000 0001   # peer AS65000, local AS65001, ifindex 0, AFI IPv4
  c6336401 c6336402             # peer, local
  ffffffffffffffffffffffffffffffff 0037 02   # marker, length 55, UPDATE
  0004 18 cb0071                # withdrawn 203.0.113.0/24
  0018                          # attributes 24
  40 01 01 00
  40 02 0a 02 02 0000fde8 0000fdea
  40 03 04 c6336401
  16 c0a800                     # NLRI 192.168.0.0/22
`;
const BGP_STATE = hex`
  5f5e1000 0005 0003 0000000a   # deprecated BGP, STATE_CHANGE
  fde8 c6336401 0001 0002
`;
const PEER_INDEX = hex`
  5f5e1000 000d 0001 00000025   # TABLE_DUMP_V2, PEER_INDEX_TABLE
  c0000201 0004 74657374 0001   # collector, view "test", 1 peer
  03 c6336401 20010db8000000000000000000000001 fa56ea00   # IPv6 + AS4 peer
`;
const RIB_V6_ADDPATH = hex`
  5f5e1000 000d 000a 0000003a   # RIB_IPV6_UNICAST_ADDPATH, length 58
  00000007 30 20010db80001 0001 # sequence 7, 2001:db8:1::/48, 1 entry
  0000 5f5e0000 0000002a 0021   # peer 0, originated, path id 42, attributes 33
  40 01 01 02                   # ORIGIN INCOMPLETE
  40 02 06 02 01 fa56ea00       # AS_PATH 4200000000
  80 0e 11 10 20010db8000000000000000000000001   # MP_REACH_NLRI, abbreviated (§4.3.4)
`;
const BGP_UPDATE = hex`
  5f5e1000 0005 0001 0000002a   # deprecated BGP, UPDATE, length 42
  fde8 c6336401 fde9 c6336402   # peer AS65000 198.51.100.1, local AS65001
  0004 18 cb0071                # withdrawn 203.0.113.0/24 (contents without marker/header)
  0012 40010100 40 02 04 02 01 fde8 40 03 04 c6336401
  18 c00002                     # NLRI 192.0.2.0/24
`;
const LOCAL_ADDPATH = hex`
  5f5e1000 0010 000b 0000004f   # BGP4MP, MESSAGE_AS4_LOCAL_ADDPATH, length 79
  0000fde8 0000fde9 0000 0001 c6336401 c6336402
  ffffffffffffffffffffffffffffffff 003b 02
  0008 00000001 18 cb0071       # withdrawn, path id 1
  0014 40010100 40 02 06 02 01 0000fde9 40 03 04 c6336401
  00000002 16 c0a800            # NLRI, path id 2
`;
const MESSAGE_LOCAL = hex`
  5f5e1000 0010 0006 00000041   # BGP4MP, MESSAGE_LOCAL, length 65
  fde8 fde9 0000 0001 c6336401 c6336402
  ffffffffffffffffffffffffffffffff 0031 02
  0004 18 cb0071
  0012 40010100 40 02 04 02 01 fde9 40 03 04 c6336401
  16 c0a800
`;
const RIB_GENERIC = hex`5f5e1000 000d 0006 00000009 00000001 0001 80 aabb`;
const UNKNOWN = hex`5f5e1000 0063 0007 00000003 aabbcc`;
const BAD_MARKER = hex`
  5f5e1000 0010 0001 00000027   # BGP4MP MESSAGE, length 39
  fde8 fde9 0000 0001 c6336401 c6336402
  00ffffffffffffffffffffffffffffff 0017 02 0000 0000   # marker with a 0 byte
`;

function one(bytes: Uint8Array): MrtRecord {
  const d = decodeMrtRecord(bytes);
  if (!d.ok) throw new Error(JSON.stringify(d.error));
  expect(d.bytesRead).toBe(bytes.length);
  expect(toHex(encodeMrtRecord(d.value))).toBe(toHex(bytes));
  return d.value;
}

describe('MRT records (hand-made vectors)', () => {
  it('TABLE_DUMP (RFC 6396 §4.2)', () => {
    const r = one(TABLE_DUMP);
    expect(r).toMatchObject({ timestamp: 1_600_000_000, type: 12, subtype: 1 });
    expect(r.body).toMatchObject({
      kind: 'table-dump',
      sequence: 1,
      prefix: { family: 4, value: 0xc0000200 },
      prefixLength: 24,
      peerAs: 65000,
    });
    expect(new BgpdumpFormatter().format(r)).toEqual([
      'TABLE_DUMP|1600000000|B|198.51.100.1|65000|192.0.2.0/24|65000 65001 {65002,65003}|IGP|198.51.100.1|0|100|no-export 65000:100|AG|65000 192.0.2.1|',
    ]);
    expect(mrtRecordToJson(r)).toMatchObject({
      body: { prefix: '192.0.2.0', peerAddress: '198.51.100.1' },
    });
  });

  it('BGP4MP_ET STATE_CHANGE_AS4 with microseconds (RFC 6396 §3, §4.4.5)', () => {
    const r = one(ET_STATE);
    expect(r.microseconds).toBe(123456);
    expect(r.body).toMatchObject({ kind: 'bgp4mp-state-change', peerAs: 4_200_000_000, afi: 2 });
    expect(new BgpdumpFormatter().format(r)).toEqual([
      'BGP4MP_ET|1600000000.123456|STATE|2001:db8::1|4200000000|1|2',
    ]);
  });

  it('BGP4MP MESSAGE_AS4 with an UPDATE (withdrawn + announced)', () => {
    const r = one(MESSAGE_AS4);
    expect(r.body.kind).toBe('bgp4mp-message');
    if (r.body.kind !== 'bgp4mp-message') return;
    expect(r.body.message.kind).toBe('decoded');
    expect(new BgpdumpFormatter().format(r)).toEqual([
      'BGP4MP|1600000000|W|198.51.100.1|65000|203.0.113.0/24',
      'BGP4MP|1600000000|A|198.51.100.1|65000|192.168.0.0/22|65000 65002|IGP|198.51.100.1|0|0||NAG||',
    ]);
    const raw = decodeMrtRecord(MESSAGE_AS4, { messages: 'raw' });
    expect(raw.ok && raw.value.body.kind === 'bgp4mp-message' && raw.value.body.message.kind).toBe(
      'raw',
    );
    if (raw.ok)
      expect(new BgpdumpFormatter().format(raw.value)).toEqual(new BgpdumpFormatter().format(r));
  });

  it('deprecated type 5 BGP STATE_CHANGE (RFC 6396 appendix B)', () => {
    const r = one(BGP_STATE);
    expect(r.body).toMatchObject({
      kind: 'bgp-state-change',
      peerAs: 65000,
      oldState: 1,
      newState: 2,
    });
    expect(new BgpdumpFormatter().format(r)).toEqual([
      'BGP|1600000000|STATE|198.51.100.1|65000|1|2',
    ]);
  });

  it('PEER_INDEX_TABLE then RIB_IPV6_UNICAST_ADDPATH with the abbreviated MP_REACH_NLRI', () => {
    const f = new BgpdumpFormatter();
    const pit = one(PEER_INDEX);
    expect(f.format(pit)).toEqual([]);
    const rib = one(RIB_V6_ADDPATH);
    expect(rib.body).toMatchObject({ kind: 'rib', afi: 2, safi: 1, addPath: true, sequence: 7 });
    if (rib.body.kind !== 'rib') return;
    expect(rib.body.entries[0]!.pathId).toBe(42);
    expect(rib.body.entries[0]!.attributes[2]).toMatchObject({ kind: 'mp-reach-next-hop' });
    expect(f.format(rib)).toEqual([
      'TABLE_DUMP2_AP|1600000000|B|2001:db8::1|4200000000|2001:db8:1::/48|42|4200000000|INCOMPLETE|2001:db8::1|0|0||NAG||',
    ]);
    // Without the peer table the entry cannot be attributed: no line.
    expect(new BgpdumpFormatter().format(rib)).toEqual([]);
  });

  it('deprecated type 5 UPDATE: contents decoded; bgpdump prints the peer address in W lines', () => {
    const r = one(BGP_UPDATE);
    expect(r.body).toMatchObject({
      kind: 'bgp-message',
      peerAs: 65000,
      message: { kind: 'decoded' },
    });
    expect(new BgpdumpFormatter().format(r)).toEqual([
      'BGP|1600000000|W|198.51.100.1|65000|198.51.100.1/24',
      'BGP|1600000000|A|198.51.100.1|65000|192.0.2.0/24|65000|IGP|198.51.100.1|0|0|NAG||',
    ]);
  });

  it('BGP4MP MESSAGE_LOCAL: BGP4MP_LOCAL lines with the first (peer) address', () => {
    const r = one(MESSAGE_LOCAL);
    expect(new BgpdumpFormatter().format(r)).toEqual([
      'BGP4MP_LOCAL|1600000000|W|198.51.100.1|65000|203.0.113.0/24',
      'BGP4MP_LOCAL|1600000000|A|198.51.100.1|65000|192.168.0.0/22|65001|IGP|198.51.100.1|0|0||NAG||',
    ]);
  });

  // bgpdump 1.6.2 names these BGP4MP_AP (not _LOCAL_AP) and prints the local address.
  it('BGP4MP MESSAGE_AS4_LOCAL_ADDPATH (RFC 8050): path ids decoded, bgpdump 1.6.2 lines', () => {
    const r = one(LOCAL_ADDPATH);
    if (r.body.kind !== 'bgp4mp-message' || r.body.message.kind !== 'decoded') throw new Error();
    expect(r.body.message.message).toMatchObject({
      kind: 'update',
      withdrawn: [{ pathId: 1 }],
      nlri: [{ pathId: 2 }],
    });
    expect(new BgpdumpFormatter().format(r)).toEqual([
      'BGP4MP_AP|1600000000|W|198.51.100.2|65001|203.0.113.0/24|1',
      'BGP4MP_AP|1600000000|A|198.51.100.2|65001|192.168.0.0/22|2|65001|IGP|198.51.100.1|0|0||NAG||',
    ]);
  });

  it('RIB_GENERIC: AFI/SAFI decoded, NLRI and entries kept as bytes, no line', () => {
    const r = one(RIB_GENERIC);
    expect(r.body).toEqual({
      kind: 'rib-generic',
      addPath: false,
      sequence: 1,
      afi: 1,
      safi: 128,
      data: hex`aabb`,
    });
    expect(new BgpdumpFormatter().format(r)).toEqual([]);
  });

  it('mrtRecordToJson: stable JSON (hex bytes, text addresses and prefixes)', () => {
    expect(mrtRecordToJson(one(BGP_STATE))).toEqual({
      timestamp: 1600000000,
      type: 5,
      subtype: 3,
      body: {
        kind: 'bgp-state-change',
        peerAs: 65000,
        peerAddress: '198.51.100.1',
        oldState: 1,
        newState: 2,
      },
    });
    const rib = mrtRecordToJson(one(RIB_V6_ADDPATH)) as { body: Record<string, unknown> };
    expect(rib.body['prefix']).toBe('2001:db8:1::/48');
    expect(JSON.stringify(rib)).toContain('"nextHop":"20010db8000000000000000000000001"');
    expect(mrtRecordToJson(one(UNKNOWN))).toMatchObject({ body: { kind: 'raw', data: 'aabbcc' } });
  });

  it('unknown type: kept raw, re-encoded as read, no line', () => {
    const r = one(UNKNOWN);
    expect(r.body).toEqual({ kind: 'raw', data: hex`aabbcc` });
    expect(new BgpdumpFormatter().format(r)).toEqual([]);
  });

  it('an embedded message that does not decode is kept raw with its error; the record still yields', () => {
    const r = one(BAD_MARKER);
    if (r.body.kind !== 'bgp4mp-message' || r.body.message.kind !== 'raw') throw new Error('raw');
    expect(r.body.message.error).toMatchObject({ code: 'bad-marker', offset: 28 });
    expect(new BgpdumpFormatter().format(r)).toEqual([]);
  });

  it('framing errors carry the file offset of the damaged record', () => {
    expect(decodeMrtRecord(TABLE_DUMP.subarray(0, 5))).toMatchObject({
      ok: false,
      error: { code: 'truncated-record', offset: 0 },
    });
    const two = new Uint8Array([...BGP_STATE, ...TABLE_DUMP.subarray(0, 40)]);
    const items = [...mrtRecords(two)];
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ ok: true, offset: 0 });
    expect(items[1]).toMatchObject({ ok: false, error: { code: 'truncated-record', offset: 22 } });
  });

  it('every truncation and every single-byte change of every vector decodes without throwing', () => {
    for (const v of [
      TABLE_DUMP,
      ET_STATE,
      MESSAGE_AS4,
      BGP_STATE,
      PEER_INDEX,
      RIB_V6_ADDPATH,
      BGP_UPDATE,
      LOCAL_ADDPATH,
      MESSAGE_LOCAL,
    ]) {
      for (let n = 0; n <= v.length; n++) {
        const d = decodeMrtRecord(v.subarray(0, n));
        if (n < v.length) expect(d.ok === false && d.error.code).toBe('truncated-record');
      }
      for (let i = 0; i < v.length; i++) {
        for (const x of [0x00, 0xff, v[i]! ^ 0x80]) {
          const m = v.slice();
          m[i] = x;
          const d = decodeMrtRecord(m);
          if (d.ok) {
            new BgpdumpFormatter().format(d.value);
            expect(d.bytesRead).toBeLessThanOrEqual(m.length);
          } else expect(d.error.offset).toBeLessThanOrEqual(m.length);
        }
      }
    }
  });
});

describe('hand-made vectors against Debian bgpdump', () => {
  const all = [
    TABLE_DUMP,
    ET_STATE,
    MESSAGE_AS4,
    BGP_STATE,
    PEER_INDEX,
    RIB_V6_ADDPATH,
    BGP_UPDATE,
    LOCAL_ADDPATH,
    MESSAGE_LOCAL,
    RIB_GENERIC,
    UNKNOWN,
    BAD_MARKER,
  ];
  const have = (() => {
    try {
      execFileSync('bgpdump', ['-T'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!have)(`print the same lines${have ? '' : ' (skipped: bgpdump not installed)'}`, () => {
    const file = join(mkdtempSync(join(tmpdir(), 'routekit-mrt-')), 'hand.mrt');
    try {
      writeFileSync(file, new Uint8Array(all.flatMap((v) => [...v])));
      const theirs = execFileSync('bgpdump', ['-m', file], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString('utf8')
        .split('\n')
        .filter((l) => l.length > 0);
      const f = new BgpdumpFormatter();
      const ours = all.flatMap((v) => f.format(one(v)));
      expect(ours).toEqual(theirs);
    } finally {
      rmSync(dirname(file), { recursive: true, force: true });
    }
  });
});

async function collect(
  source: Parameters<typeof readMrt>[0],
  options?: Parameters<typeof readMrt>[1],
): Promise<MrtItem[]> {
  const out: MrtItem[] = [];
  for await (const item of readMrt(source, options)) out.push(item);
  return out;
}

const FILE = new Uint8Array([
  ...PEER_INDEX,
  ...RIB_V6_ADDPATH,
  ...TABLE_DUMP,
  ...ET_STATE,
  ...MESSAGE_AS4,
]);
const OFFSETS = [0, 49, 119, 209, 273];

describe('readMrt', () => {
  it('reads a whole buffer, 1-byte chunks, async chunks and a ReadableStream alike', async () => {
    const whole = await collect(FILE);
    expect(whole.map((i) => i.ok && i.offset)).toEqual(OFFSETS);
    const bytes = [...FILE].map((b) => new Uint8Array([b]));
    expect(await collect(bytes)).toEqual(whole);
    async function* slow(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < FILE.length; i += 7) yield FILE.slice(i, i + 7);
    }
    expect(await collect(slow())).toEqual(whole);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(FILE.slice(0, 100));
        c.enqueue(FILE.slice(100));
        c.close();
      },
    });
    expect(await collect(stream)).toEqual(whole);
  });

  it('gunzips single- and multi-member gzip', async () => {
    const multi = new Uint8Array([
      ...gzipSync(FILE.subarray(0, 150)),
      ...gzipSync(FILE.subarray(150)),
    ]);
    const items = await collect(multi);
    expect(items.map((i) => i.ok && i.offset)).toEqual(OFFSETS);
    expect((await collect(gzipSync(FILE))).length).toBe(5);
  });

  it('bunzips bzip2, including concatenated streams', async () => {
    const ryu = readFileSync(vectorPath('mrt/ryu/rib.20161101.0000_pick.bz2'));
    expect((await collect(ryu)).filter((i) => i.ok)).toHaveLength(3);
    const twice = new Uint8Array([...ryu, ...ryu]);
    const items = await collect(twice);
    expect(items.filter((i) => i.ok)).toHaveLength(6);
    expect(items.every((i) => i.ok)).toBe(true);
  });

  it('decompress: none reads compressed bytes as MRT (and fails on them)', async () => {
    const items = await collect(gzipSync(FILE), { decompress: 'none' });
    expect(items.some((i) => !i.ok)).toBe(true);
  });

  it('a failing source ends with an io-error item (offset of what was framed), never a throw', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield FILE.subarray(0, 120);
      throw new Error('disk on fire');
    }
    const items = await collect(failing());
    expect(items.filter((i) => i.ok)).toHaveLength(2);
    expect(items.at(-1)).toMatchObject({ ok: false, error: { code: 'io-error', offset: 119 } });
  });

  it('a damaged gzip stream ends with a decompress-error item', async () => {
    const gz = gzipSync(FILE);
    const bad = gz.slice();
    bad.fill(0x55, 20, 60);
    const items = await collect(bad);
    expect(items.at(-1)).toMatchObject({ ok: false, error: { code: 'decompress-error' } });
    const bz = execFileSync('bzip2', ['-c'], { input: FILE });
    const badBz = bz.slice();
    badBz.fill(0x55, 20, 40);
    expect((await collect(badBz)).at(-1)).toMatchObject({
      ok: false,
      error: { code: 'decompress-error' },
    });
  });

  it('stopping early releases the decompressor (no hang)', async () => {
    const big = gzipSync(new Uint8Array([...Array(2000)].flatMap(() => [...TABLE_DUMP])));
    let n = 0;
    for await (const item of readMrt(big)) {
      expect(item.ok).toBe(true);
      if (++n === 3) break;
    }
    expect(n).toBe(3);
  });

  it('resync: skips a damaged stretch, one error for it, and goes on', async () => {
    const junk = new Uint8Array(37).fill(0xee);
    const damaged = new Uint8Array([...TABLE_DUMP, ...junk, ...BGP_STATE, ...TABLE_DUMP]);
    const strict = await collect(damaged);
    expect(strict.map((i) => i.ok)).toEqual([true, false]);
    expect(strict[1]).toMatchObject({ error: { offset: TABLE_DUMP.length } });
    const items = await collect(damaged, { resync: true });
    expect(items.map((i) => i.ok)).toEqual([true, false, true, true]);
    expect(items[2]).toMatchObject({ offset: TABLE_DUMP.length + junk.length });
  });
});
