import { analyze, flowLabel, readCapture, writePcap } from '@routekit/capture';

// A tiny capture, built here so the example runs anywhere: one BGP KEEPALIVE
// (16 × 0xff marker, length 19, type 4) split across two TCP segments.
const keepalive = Uint8Array.from([...new Array(16).fill(0xff), 0x00, 0x13, 0x04]);
function segment(seq: number, data: Uint8Array): Uint8Array {
  const tcp = [
    0x9c,
    0x40,
    0x00,
    0xb3,
    0,
    0,
    0,
    seq,
    0,
    0,
    0,
    0,
    0x50,
    0x18,
    0xff,
    0xff,
    0,
    0,
    0,
    0,
  ];
  const ip = [0x45, 0, 0, 40 + data.length, 0, 1, 0, 0, 64, 6, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2];
  return Uint8Array.from([...ip, ...tcp, ...data]);
}
const file = writePcap(
  [
    { data: segment(1, keepalive.subarray(0, 10)), timestamp: 1_700_000_000_000_000_000n },
    { data: segment(11, keepalive.subarray(10)), timestamp: 1_700_000_000_000_250_000n },
  ],
  { linkType: 101 }, // LINKTYPE_RAW: IP packets without a link header
);

// Reading never throws: a damaged file gives the frames before the damage and `error`.
const capture = readCapture(file);
console.log(`${capture.format} ${capture.version}: ${capture.frames.length} frames`);
console.log(`error: ${capture.error?.code ?? 'none'}`);

// Dissect, group flows, reassemble TCP, cut BGP messages from the stream.
const { flows, messages } = analyze(capture);
for (const flow of flows) console.log(`${flow.transport}:${flow.id} ${flowLabel(flow)}`);
for (const m of messages) {
  console.log(
    `${m.protocol} message of ${m.bytes.length} bytes in frames ${m.firstFrame}-${m.frame}`,
  );
}

// A cut file keeps its complete frames and names the damaged record.
const cut = readCapture(file.subarray(0, file.length - 3));
console.log(`${cut.frames.length} frame, ${cut.error?.code} at offset ${cut.error?.offset}`);
