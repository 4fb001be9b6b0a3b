import { Dissector, formatAddress, readCapture } from '@routekit/capture';

/** RIP (UDP 520) payloads of a capture file, with the sender's address. */
export function ripPayloads(
  file: Uint8Array,
): { frame: number; source: string; payload: Uint8Array }[] {
  const capture = readCapture(file);
  const dissector = new Dissector();
  const out: { frame: number; source: string; payload: Uint8Array }[] = [];
  for (const frame of capture.frames) {
    const d = dissector.dissect(frame);
    const t = d.transport;
    const ip = d.ip.at(-1);
    if (t?.kind !== 'udp' || ip?.kind !== 'ipv4') continue;
    if (t.sourcePort !== 520 && t.destinationPort !== 520) continue;
    out.push({ frame: frame.number, source: formatAddress(ip.source), payload: t.payload });
  }
  return out;
}
