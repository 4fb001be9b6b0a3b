/** Small packet builders for layer tests (checksums left zero: nothing here checks them). */

export function cat(...parts: (Uint8Array | number[])[]): Uint8Array {
  const list = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(list.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of list) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const u16 = (v: number): number[] => [(v >> 8) & 0xff, v & 0xff];
const u32 = (v: number): number[] => [
  (v >>> 24) & 0xff,
  (v >> 16) & 0xff,
  (v >> 8) & 0xff,
  v & 0xff,
];

export function udp(sport: number, dport: number, payload: Uint8Array): Uint8Array {
  return cat([...u16(sport), ...u16(dport), ...u16(8 + payload.length), 0, 0], payload);
}

export function tcp(
  sport: number,
  dport: number,
  seq: number,
  flags: number,
  payload: Uint8Array,
  options: number[] = [],
): Uint8Array {
  const hl = 20 + options.length;
  return cat(
    [...u16(sport), ...u16(dport), ...u32(seq), ...u32(0), (hl / 4) << 4, flags, 0xff, 0xff],
    [0, 0, 0, 0],
    options,
    payload,
  );
}

export interface V4 {
  src?: number[];
  dst?: number[];
  id?: number;
  mf?: boolean;
  offset?: number;
  totalLength?: number;
}

export function ipv4(protocol: number, payload: Uint8Array, o: V4 = {}): Uint8Array {
  const flags = (o.mf ? 0x2000 : 0) | ((o.offset ?? 0) / 8);
  return cat(
    [0x45, 0, ...u16(o.totalLength ?? 20 + payload.length), ...u16(o.id ?? 1), ...u16(flags)],
    [64, protocol, 0, 0],
    o.src ?? [192, 0, 2, 1],
    o.dst ?? [192, 0, 2, 2],
    payload,
  );
}

export const V6_SRC: number[] = [0x20, 0x01, 0x0d, 0xb8, ...new Array(11).fill(0), 1];
export const V6_DST: number[] = [0x20, 0x01, 0x0d, 0xb8, ...new Array(11).fill(0), 2];

export function ipv6(nextHeader: number, payload: Uint8Array): Uint8Array {
  return cat([0x60, 0, 0, 0, ...u16(payload.length), nextHeader, 64], V6_SRC, V6_DST, payload);
}

export function ethernet(etherType: number, payload: Uint8Array, vlans: number[] = []): Uint8Array {
  const tags = vlans.flatMap((v) => [0x81, 0x00, ...u16(v)]);
  return cat(new Array(12).fill(0xaa), tags, u16(etherType), payload);
}

export { u16, u32 };
