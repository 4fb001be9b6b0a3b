import { gunzipSync } from 'node:zlib';
import { findVectors, loadVector } from '@routekit/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyze, formatAddress, readCapture } from '../src/index.js';
import { type TsharkFacts, tsharkFacts, tsharkOrFail } from './tshark-facts.js';

const CAPTURES = findVectors(/\.(pcap|pcapng|cap)(\.gz)?$/);
const inflate = (b: Uint8Array): Uint8Array => gunzipSync(b);

interface OurFacts {
  readonly frames: number;
  readonly tcpStreams: number;
  readonly udpStreams: number;
  readonly tcpBytes: ReadonlyMap<string, number>;
}

function ourFacts(path: string): OurFacts & { messages: Record<string, number> } {
  const capture = readCapture(loadVector(path), { inflate });
  const a = analyze(capture);
  const tcpBytes = new Map<string, number>();
  for (const s of a.streams) {
    if (s.bytes === 0) continue;
    const src = s.direction === 0 ? s.flow.a : s.flow.b;
    tcpBytes.set(`${s.flow.id}/${src.address}:${src.port}`, s.bytes);
  }
  const messages: Record<string, number> = {};
  for (const m of a.messages) {
    if (m.framing === undefined) messages[m.protocol] = (messages[m.protocol] ?? 0) + 1;
  }
  return {
    frames: capture.frames.length,
    tcpStreams: a.flows.filter((f) => f.transport === 'tcp').length,
    udpStreams: a.flows.filter((f) => f.transport === 'udp').length,
    tcpBytes,
    messages,
  };
}

const agreement = { files: 0, frames: 0, flows: 0, tcpBytes: 0, directions: 0 };

beforeAll(() => {
  // Not a skip: without tshark these tests fail with the install command.
  tsharkOrFail();
});

afterAll(() => {
  console.log(
    `tshark agreement over ${agreement.files} captures: frame counts ${agreement.frames}, ` +
      `UDP+TCP flow counts ${agreement.flows}, TCP bytes ${agreement.tcpBytes} ` +
      `(${agreement.directions} stream directions)`,
  );
});

test('the vector folder holds the captures this suite expects', () => {
  expect(CAPTURES.length).toBeGreaterThanOrEqual(100);
});

describe.concurrent('each capture agrees with tshark', () => {
  test.each(CAPTURES)('%s', async (path) => {
    const theirs: TsharkFacts = await tsharkFacts(path);
    const ours = ourFacts(path);
    agreement.files++;
    expect(ours.frames, 'frame count').toBe(theirs.frames);
    agreement.frames++;
    expect(
      { tcp: ours.tcpStreams, udp: ours.udpStreams },
      'TCP and UDP conversation counts',
    ).toEqual({ tcp: theirs.tcpStreams, udp: theirs.udpStreams });
    agreement.flows++;
    expect(Object.fromEntries(ours.tcpBytes), 'reassembled TCP bytes per direction').toEqual(
      Object.fromEntries(theirs.tcpBytes),
    );
    agreement.tcpBytes++;
    agreement.directions += theirs.tcpBytes.size;
  });
});

test('every capture opens without error and every frame dissects without throwing', () => {
  for (const path of CAPTURES) {
    const capture = readCapture(loadVector(path), { inflate });
    expect(capture.error, path).toBeUndefined();
    expect(capture.frames.length, path).toBeGreaterThan(0);
    expect(capture.format === 'pcap' || capture.format === 'pcapng', path).toBe(true);
    const a = analyze(capture);
    expect(a.dissections).toHaveLength(capture.frames.length);
  }
});

test('formatAddress matches tshark text for the addresses it prints', () => {
  expect(formatAddress(Uint8Array.of(192, 0, 2, 1))).toBe('192.0.2.1');
});
