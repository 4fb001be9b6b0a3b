import { Dissector, readCapture } from '@routekit/capture';
import { findVectors, loadVector } from '@routekit/testkit';

/** One RIP or RIPng payload found in a capture. */
export interface RipPayload {
  readonly file: string;
  readonly frame: number;
  readonly protocol: 'rip' | 'ripng';
  readonly payload: Uint8Array;
}

/** Every capture file of the shared RIP vectors (by magic number, not by name). */
export function ripCaptureFiles(): string[] {
  return findVectors(/^rip\/.*\.(pcap|cap|pcapng)(\.gz)?$/);
}

/** UDP payloads to or from port 520 (RIP) or 521 (RIPng) of one capture. */
export function ripPayloads(file: string): RipPayload[] {
  const capture = readCapture(loadVector(file));
  const dissector = new Dissector();
  const out: RipPayload[] = [];
  for (const frame of capture.frames) {
    const d = dissector.dissect(frame);
    const t = d.transport;
    if (t?.kind !== 'udp' || t.truncated) continue;
    const ports = [t.sourcePort, t.destinationPort];
    if (ports.includes(520))
      out.push({ file, frame: frame.number, protocol: 'rip', payload: t.payload });
    else if (ports.includes(521)) {
      out.push({ file, frame: frame.number, protocol: 'ripng', payload: t.payload });
    }
  }
  return out;
}
