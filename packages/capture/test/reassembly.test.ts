import { describe, expect, test } from 'vitest';
import {
  analyze,
  bgpFramer,
  cutMessages,
  type Flow,
  findBgpMarker,
  readCapture,
  TcpFlag,
  TcpReassembler,
  type TcpSegment,
  type TcpStream,
  writePcap,
} from '../src/index.js';
import { cat, ethernet, ipv4, tcp, u16 } from './build.js';

const flow: Flow = {
  transport: 'tcp',
  id: 0,
  a: { address: '192.0.2.1', port: 40000 },
  b: { address: '192.0.2.2', port: 179 },
  framesAToB: 0,
  framesBToA: 0,
  bytesAToB: 0,
  bytesBToA: 0,
  firstFrame: 1,
  lastFrame: 1,
  start: 0n,
  end: 0n,
  synSeen: false,
  closed: false,
};

function seg(
  sequence: number,
  payload: Uint8Array | number[],
  flags: number = TcpFlag.Ack,
): TcpSegment {
  return {
    kind: 'tcp',
    sourcePort: 40000,
    destinationPort: 179,
    sequence: sequence >>> 0,
    acknowledgment: 0,
    headerLength: 20,
    flags,
    window: 0,
    checksum: 0,
    urgentPointer: 0,
    options: [],
    payload: payload instanceof Uint8Array ? payload : Uint8Array.from(payload),
  };
}

function stream(segments: TcpSegment[]): TcpStream {
  const r = new TcpReassembler();
  for (const [i, s] of segments.entries()) r.add(flow, 0, s, i + 1);
  const [out] = r.finish();
  if (out === undefined) throw new Error('no stream');
  return out;
}

/** A BGP message of `length` bytes (type 4 KEEPALIVE-shaped, body filled with `fill`). */
function bgp(length: number, type = 4, fill = 0): Uint8Array {
  return cat(new Array(16).fill(0xff), u16(length), [type], new Array(length - 19).fill(fill));
}

describe('TCP reassembly', () => {
  test('in order after a SYN: offsets from ISN + 1', () => {
    const s = stream([seg(99, [], TcpFlag.Syn), seg(100, [1, 2, 3]), seg(103, [4, 5])]);
    expect(s.synSeen).toBe(true);
    expect(s.baseSequence).toBe(100);
    expect(s.runs).toHaveLength(1);
    expect([...s.runs[0]!.data]).toEqual([1, 2, 3, 4, 5]);
    expect(s.runs[0]!.pieces).toEqual([
      { start: 0, end: 3, frame: 2 },
      { start: 3, end: 5, frame: 3 },
    ]);
  });

  test('data on the SYN starts at ISN + 1', () => {
    const s = stream([seg(10, [7, 8], TcpFlag.Syn), seg(13, [9])]);
    expect([...s.runs[0]!.data]).toEqual([7, 8, 9]);
  });

  test('data on a SYN that does not count the SYN (synthesised captures) is not cut', () => {
    // pmacct's and PcapPlusPlus's BGP captures: OPEN on the SYN at ISN, next segment at
    // ISN + OPEN length; counting the SYN would overlap the next message by one byte
    const open = bgp(29, 1);
    const keepalive = bgp(19, 4);
    const s = stream([seg(1, open, TcpFlag.Syn), seg(1 + 29, keepalive)]);
    expect(s.baseSequence).toBe(1);
    expect(s.runs).toHaveLength(1);
    expect([...s.runs[0]!.data]).toEqual([...open, ...keepalive]);
    expect(s.retransmitted).toBe(0);
    // a real SYN with data (next segment one later) still counts the SYN
    const real = stream([seg(1, open, TcpFlag.Syn), seg(2 + 29, keepalive)]);
    expect(real.baseSequence).toBe(2);
    expect([...real.runs[0]!.data]).toEqual([...open, ...keepalive]);
  });

  test('out of order segments are put in place', () => {
    const s = stream([seg(1000, [1, 2]), seg(1004, [5, 6]), seg(1002, [3, 4])]);
    expect([...s.runs[0]!.data]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s.gaps).toEqual([]);
  });

  test('retransmissions and overlaps keep the first-seen bytes', () => {
    const s = stream([
      seg(0, [1, 2, 3, 4]),
      seg(2, [0xee, 0xee, 5, 6]), // overlaps 2 bytes
      seg(0, [0xdd, 0xdd, 0xdd, 0xdd, 0xdd, 0xdd]), // full retransmission, different bytes
      seg(6, [7]),
    ]);
    expect([...s.runs[0]!.data]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(s.retransmitted).toBe(2);
    expect(s.bytes).toBe(7);
  });

  test('an earlier segment arriving later fills holes without overwriting', () => {
    const s = stream([seg(4, [5, 6]), seg(0, [1, 2, 3, 4, 0xee, 0xee, 7])]);
    expect([...s.runs[0]!.data]).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test('a gap splits the stream into runs', () => {
    const s = stream([seg(99, [], TcpFlag.Syn), seg(100, [1, 2]), seg(110, [3])]);
    expect(s.runs.map((r) => r.start)).toEqual([0, 10]);
    expect(s.gaps).toEqual([{ start: 2, length: 8 }]);
  });

  test('mid-stream capture: offsets from the lowest sequence seen, across 2^32', () => {
    const s = stream([seg(0xffff_fffe, [1, 2]), seg(0, [3, 4]), seg(0xffff_fffc, [9, 9])]);
    expect(s.synSeen).toBe(false);
    expect(s.baseSequence).toBe(0xffff_fffc);
    expect([...s.runs[0]!.data]).toEqual([9, 9, 1, 2, 3, 4]);
  });
});

describe('cutting messages', () => {
  test('several messages in one segment, one message across segments', () => {
    const one = bgp(19);
    const two = bgp(40, 2, 7);
    const three = bgp(29, 3);
    const all = cat(one, two, three);
    const s = stream([
      seg(0, all.subarray(0, 30)),
      seg(30, all.subarray(30, 70)),
      seg(70, all.subarray(70)),
    ]);
    const { messages, issues } = cutMessages(s, bgpFramer(), findBgpMarker);
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.offset, m.bytes.length, m.firstFrame, m.lastFrame])).toEqual([
      [0, 19, 1, 1],
      [19, 40, 1, 2],
      [59, 29, 2, 3],
    ]);
    expect(messages[1]!.bytes).toEqual(two);
  });

  test('after a gap the framer resynchronises on the marker', () => {
    const m = bgp(23, 2);
    const s = stream([
      seg(99, [], TcpFlag.Syn),
      seg(100, m),
      seg(100 + 23 + 50, cat([1, 2, 3, 0xff, 0xff], m, bgp(19))),
    ]);
    const { messages, issues } = cutMessages(s, bgpFramer(), findBgpMarker);
    expect(messages.map((x) => x.offset)).toEqual([0, 78, 101]);
    expect(issues.map((i) => [i.kind, i.offset, i.length])).toEqual([
      ['gap', 23, 50],
      ['invalid', 73, 5],
    ]);
  });

  test('a damaged header is skipped to the next marker; a cut-off tail is incomplete', () => {
    const bad = cat(new Array(16).fill(0xff), [0, 5, 1]); // length 5 < 19
    const s = stream([
      seg(99, [], TcpFlag.Syn),
      seg(100, cat(bad, bgp(19), bgp(30).subarray(0, 25))),
    ]);
    const { messages, issues } = cutMessages(s, bgpFramer(), findBgpMarker);
    expect(messages.map((x) => x.offset)).toEqual([19]);
    expect(issues.map((i) => i.kind)).toEqual(['invalid', 'incomplete']);
    expect(issues[0]!.detail).toContain('length 5');
  });

  test('extended messages up to 65,535 bytes only when allowed', () => {
    const big = bgp(5000, 2);
    const s = stream([seg(99, [], TcpFlag.Syn), seg(100, big)]);
    expect(cutMessages(s, bgpFramer({ extendedMessages: true })).messages).toHaveLength(1);
    expect(cutMessages(s, bgpFramer(), findBgpMarker).messages).toHaveLength(0);
  });

  test('the default resync tries every byte', () => {
    const s = stream([seg(5, cat([1, 2], bgp(19)))]);
    const framer = bgpFramer();
    const { messages, issues } = cutMessages(s, framer);
    expect(messages).toHaveLength(1);
    expect(issues).toEqual([
      { kind: 'invalid', offset: 0, length: 2, frame: 1, detail: 'marker byte 0 is not 0xff' },
    ]);
  });

  test('findBgpMarker', () => {
    expect(findBgpMarker(cat([0xff, 1], new Array(17).fill(0xff), [0]), 0)).toBe(3);
    expect(findBgpMarker(Uint8Array.of(1, 2, 3), 0)).toBe(-1);
    expect(findBgpMarker(Uint8Array.of(1, 0xff, 0xff), 0)).toBe(1);
  });
});

describe('analyze', () => {
  test('a BGP session in a pcap: messages with flows and frames, both directions', () => {
    const frames: Uint8Array[] = [];
    const a = [10, 0, 0, 1];
    const b = [10, 0, 0, 2];
    const pkt = (
      src: number[],
      dst: number[],
      sp: number,
      dp: number,
      seq: number,
      flags: number,
      data: Uint8Array,
    ) => ethernet(0x0800, ipv4(6, tcp(sp, dp, seq, flags, data), { src, dst }));
    const open = bgp(29, 1);
    const ka = bgp(19, 4);
    frames.push(pkt(a, b, 40000, 179, 0, TcpFlag.Syn, new Uint8Array(0)));
    frames.push(pkt(b, a, 179, 40000, 500, TcpFlag.Syn | TcpFlag.Ack, new Uint8Array(0)));
    frames.push(pkt(a, b, 40000, 179, 1, TcpFlag.Ack, cat(open, ka.subarray(0, 5))));
    frames.push(pkt(a, b, 40000, 179, 1 + 34, TcpFlag.Ack, ka.subarray(5)));
    frames.push(pkt(b, a, 179, 40000, 501, TcpFlag.Ack, ka));
    frames.push(pkt(a, b, 40000, 179, 1, TcpFlag.Ack, cat(open, ka.subarray(0, 5)))); // retransmission
    const file = writePcap(
      frames.map((data, i) => ({ data, timestamp: BigInt(i) * 1_000_000n })),
      { linkType: 1 },
    );
    const result = analyze(readCapture(file));
    expect(result.flows).toHaveLength(1);
    expect(result.flows[0]).toMatchObject({ framesAToB: 4, framesBToA: 2 });
    expect(
      result.messages.map((m) => [m.protocol, m.firstFrame, m.frame, m.bytes.length, m.direction]),
    ).toEqual([
      ['bgp', 3, 3, 29, 0],
      ['bgp', 3, 4, 19, 0],
      ['bgp', 5, 5, 19, 1],
    ]);
    expect(result.streams.map((s) => s.bytes)).toEqual([48, 19]);
    expect(result.streams[0]!.retransmitted).toBe(1);
  });

  test('a port pair reused after FIN is a new flow', () => {
    const pkt = (seq: number, flags: number) =>
      ethernet(0x0800, ipv4(6, tcp(40000, 179, seq, flags, new Uint8Array(0))));
    const frames = [pkt(0, TcpFlag.Syn), pkt(1, TcpFlag.Fin | TcpFlag.Ack), pkt(1000, TcpFlag.Syn)];
    const file = writePcap(
      frames.map((data) => ({ data, timestamp: 0n })),
      { linkType: 1 },
    );
    expect(analyze(readCapture(file)).flows.map((f) => f.id)).toEqual([0, 1]);
  });
});
