/** A frame to write: the bytes and when they were seen. */
export interface WriteFrame {
  readonly data: Uint8Array;
  /** Nanoseconds since 1970-01-01 UTC. */
  readonly timestamp: bigint;
  /** Original length (default: `data.length`). */
  readonly originalLength?: number;
  /** pcapng only: index of the interface (default 0). */
  readonly interfaceId?: number;
}

/** Options of {@link writePcap}. */
export interface PcapWriteOptions {
  readonly linkType: number;
  /** Default 262,144. */
  readonly snapLength?: number;
  /** Default false (microsecond timestamps, magic 0xA1B2C3D4). */
  readonly nanoseconds?: boolean;
  /** Default false (big-endian). */
  readonly littleEndian?: boolean;
}

/**
 * Write a classic pcap file (draft-ietf-opsawg-pcap). With microsecond resolution the
 * sub-microsecond part of each timestamp is dropped. Computes the size, allocates once.
 */
export function writePcap(frames: readonly WriteFrame[], options: PcapWriteOptions): Uint8Array {
  const size = 24 + frames.reduce((n, f) => n + 16 + f.data.length, 0);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  const le = options.littleEndian ?? false;
  const ns = options.nanoseconds ?? false;
  dv.setUint32(0, ns ? 0xa1b23c4d : 0xa1b2c3d4, le);
  dv.setUint16(4, 2, le);
  dv.setUint16(6, 4, le);
  dv.setUint32(16, options.snapLength ?? 262_144, le);
  dv.setUint32(20, options.linkType, le);
  let at = 24;
  for (const f of frames) {
    const seconds = f.timestamp / 1_000_000_000n;
    const rest = f.timestamp % 1_000_000_000n;
    dv.setUint32(at, Number(seconds), le);
    dv.setUint32(at + 4, Number(ns ? rest : rest / 1000n), le);
    dv.setUint32(at + 8, f.data.length, le);
    dv.setUint32(at + 12, f.originalLength ?? f.data.length, le);
    out.set(f.data, at + 16);
    at += 16 + f.data.length;
  }
  return out;
}

/** One interface of a pcapng file to write. */
export interface PcapngInterface {
  readonly linkType: number;
  readonly snapLength?: number;
  /** `if_tsresol` byte (default 9: nanoseconds; 6 = µs; 0x80|n = 2^-n). */
  readonly tsresol?: number;
  readonly name?: string;
}

/** Options of {@link writePcapng}. */
export interface PcapngWriteOptions {
  readonly interfaces: readonly PcapngInterface[];
  /** Default false (big-endian). */
  readonly littleEndian?: boolean;
  /** Write frames as Simple Packet Blocks (interface 0, no timestamp). Default false. */
  readonly simple?: boolean;
  /** A comment option on every packet block (exercises option parsing). */
  readonly comment?: string;
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

function textBytes(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/**
 * Write one pcapng section (draft-ietf-opsawg-pcapng): SHB, one IDB per interface,
 * then one EPB (or SPB with `simple`) per frame. Timestamps are written in each
 * interface's resolution (default nanoseconds).
 */
export function writePcapng(
  frames: readonly WriteFrame[],
  options: PcapngWriteOptions,
): Uint8Array {
  const le = options.littleEndian ?? false;
  const blocks: Uint8Array[] = [];
  const block = (type: number, body: Uint8Array): void => {
    const total = 12 + pad4(body.length);
    const b = new Uint8Array(total);
    const dv = new DataView(b.buffer);
    dv.setUint32(0, type, le);
    dv.setUint32(4, total, le);
    b.set(body, 8);
    dv.setUint32(total - 4, total, le);
    blocks.push(b);
  };
  const options_ = (list: { code: number; value: Uint8Array }[]): Uint8Array => {
    if (list.length === 0) return new Uint8Array(0);
    const size = list.reduce((n, o) => n + 4 + pad4(o.value.length), 4);
    const b = new Uint8Array(size);
    const dv = new DataView(b.buffer);
    let at = 0;
    for (const o of list) {
      dv.setUint16(at, o.code, le);
      dv.setUint16(at + 2, o.value.length, le);
      b.set(o.value, at + 4);
      at += 4 + pad4(o.value.length);
    }
    return b; // ends with opt_endofopt (4 zero bytes)
  };
  const concat = (...parts: Uint8Array[]): Uint8Array => {
    const b = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      b.set(p, at);
      at += p.length;
    }
    return b;
  };
  // SHB: byte-order magic, version 1.0, section length -1 (unknown).
  const shb = new Uint8Array(16);
  const sdv = new DataView(shb.buffer);
  sdv.setUint32(0, 0x1a2b3c4d, le);
  sdv.setUint16(4, 1, le);
  sdv.setUint16(6, 0, le);
  sdv.setBigInt64(8, -1n, le);
  block(0x0a0d0d0a, shb);
  const resolutions: number[] = [];
  for (const iface of options.interfaces) {
    const fixed = new Uint8Array(8);
    const dv = new DataView(fixed.buffer);
    dv.setUint16(0, iface.linkType, le);
    dv.setUint32(4, iface.snapLength ?? 0, le);
    const tsresol = iface.tsresol ?? 9;
    resolutions.push(tsresol);
    const opts: { code: number; value: Uint8Array }[] = [
      { code: 9, value: Uint8Array.of(tsresol) },
    ];
    if (iface.name !== undefined) opts.push({ code: 2, value: textBytes(iface.name) });
    block(1, concat(fixed, options_(opts)));
  }
  const comment =
    options.comment === undefined ? [] : [{ code: 1, value: textBytes(options.comment) }];
  for (const f of frames) {
    const original = f.originalLength ?? f.data.length;
    const data = new Uint8Array(pad4(f.data.length));
    data.set(f.data);
    if (options.simple) {
      const head = new Uint8Array(4);
      new DataView(head.buffer).setUint32(0, original, le);
      block(3, concat(head, data));
      continue;
    }
    const id = f.interfaceId ?? 0;
    const r = resolutions[id] ?? 9;
    const ticks =
      (r & 0x80) !== 0
        ? (f.timestamp << BigInt(r & 0x7f)) / 1_000_000_000n
        : (f.timestamp * 10n ** BigInt(r)) / 1_000_000_000n;
    const head = new Uint8Array(20);
    const dv = new DataView(head.buffer);
    dv.setUint32(0, id, le);
    dv.setUint32(4, Number((ticks >> 32n) & 0xffff_ffffn), le);
    dv.setUint32(8, Number(ticks & 0xffff_ffffn), le);
    dv.setUint32(12, f.data.length, le);
    dv.setUint32(16, original, le);
    block(6, concat(head, data, options_(comment)));
  }
  return concat(...blocks);
}
