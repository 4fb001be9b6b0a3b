import { fail, utf8Decode } from '@routekit/wire';
import { EndianView } from './bytes.js';
import type { CaptureInterface } from './frame.js';
import { linkTypeName } from './linktypes.js';
import type { FrameSink } from './pcap.js';

/**
 * pcapng (draft-ietf-opsawg-pcapng §3–4). A file is a sequence of blocks, each framed
 * by its type and a total length repeated at the end; a Section Header Block starts
 * each section and fixes its byte order.
 *
 * ```text
 *                         1                   2                   3
 *     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *    +---------------------------------------------------------------+
 *  0 |                          Block Type                           |
 *    +---------------------------------------------------------------+
 *  4 |                      Block Total Length                       |
 *    +---------------------------------------------------------------+
 *  8 /                          Block Body                           /
 *    /              variable length, padded to 32 bits               /
 *    +---------------------------------------------------------------+
 *    |                      Block Total Length                       |
 *    +---------------------------------------------------------------+
 * ```
 */
export const BlockType = {
  SectionHeader: 0x0a0d0d0a,
  InterfaceDescription: 0x0000_0001,
  /** Obsolete Packet Block (§A.1), still written by old tools. */
  Packet: 0x0000_0002,
  SimplePacket: 0x0000_0003,
  NameResolution: 0x0000_0004,
  InterfaceStatistics: 0x0000_0005,
  EnhancedPacket: 0x0000_0006,
  DecryptionSecrets: 0x0000_000a,
  Custom: 0x0000_0bad,
  CustomNoCopy: 0x4000_0bad,
} as const;

/** The byte-order magic of a Section Header Block. */
export const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

/**
 * Largest block this reader accepts (Wireshark's limit for pcapng blocks is in the same
 * range): a larger total length is a damaged block, reported as `limit-exceeded`.
 */
export const MAX_PCAPNG_BLOCK: number = 16 * 1024 * 1024;

/** Option codes read from Interface Description Blocks (§4.2). */
export const IdbOption = {
  Name: 2,
  Description: 3,
  TsResol: 9,
  FcsLen: 13,
  TsOffset: 14,
} as const;

/** What the first Section Header Block said. */
export interface SectionInfo {
  littleEndian: boolean | undefined;
  versionMajor: number;
  versionMinor: number;
  sections: number;
}

interface SectionState {
  /** Global interface ids of this section's IDBs, in order. */
  readonly ids: number[];
  /** Per interface: ticks per second and offset in seconds (if_tsoffset). */
  readonly clocks: { ticks: bigint; pow2: number; offsetSeconds: bigint }[];
}

/** Options of a block (§3.5), each value a view into the file. */
interface RawOption {
  readonly code: number;
  readonly value: Uint8Array;
  readonly offset: number;
}

/**
 * Walk a block's options.
 *
 * ```text
 *    +---------------------------------------------------------------+
 *  0 |      Option Code              |         Option Length         |
 *    +---------------------------------------------------------------+
 *  4 /                       Option Value                            /
 *    /              variable length, padded to 32 bits               /
 *    +---------------------------------------------------------------+
 * ```
 */
/** UTF-8 text of a string option; a trailing NUL (some writers add one) is dropped. */
function optionText(v: Uint8Array): string {
  return utf8Decode(v).replace(/\0+$/, '');
}

function readOptions(view: EndianView, start: number, end: number): RawOption[] {
  const out: RawOption[] = [];
  let at = start;
  while (end - at >= 4) {
    const code = view.u16(at);
    const length = view.u16(at + 2);
    if (code === 0) break; // opt_endofopt
    const padded = (length + 3) & ~3;
    if (at + 4 + padded > end) {
      fail('length-out-of-range', at + 2, {
        length: 2,
        detail: `option ${code} of ${length} bytes overruns its block by ${at + 4 + padded - end}`,
      });
    }
    out.push({ code, value: view.bytes.subarray(at + 4, at + 4 + length), offset: at });
    at += 4 + padded;
  }
  return out;
}

/**
 * Read every block of a pcapng file into `sink`, and what the sections say into `info`. A
 * damaged block ends the file: the branded failure carries the block's offset; the
 * frames before it are already in `sink`.
 */
export function readPcapng(bytes: Uint8Array, sink: FrameSink, info: SectionInfo): void {
  const view = new EndianView(bytes, false);
  let section: SectionState | undefined;
  let offset = 0;
  while (offset < bytes.length && sink.frames.length < sink.maxFrames) {
    view.need(offset, 8, offset, 'pcapng block header');
    if (view.u32be(offset) === BlockType.SectionHeader) {
      view.need(offset, 12, offset, 'pcapng section header block');
      const bom = view.u32be(offset + 8);
      if (bom === BYTE_ORDER_MAGIC) view.littleEndian = false;
      else if (bom === 0x4d3c2b1a) view.littleEndian = true;
      else {
        fail('bad-byte-order', offset, {
          length: 12,
          detail: `byte-order magic 0x${bom.toString(16).padStart(8, '0')}`,
        });
      }
    } else if (section === undefined) {
      fail('bad-value', offset, {
        length: 4,
        detail: 'pcapng file does not start with a section header',
      });
    }
    const type = view.u32(offset);
    const total = view.u32(offset + 4);
    if (total < 12 || total % 4 !== 0) {
      fail('bad-block-length', offset, {
        length: 8,
        detail: `block type 0x${type.toString(16)} has total length ${total}`,
      });
    }
    if (total > MAX_PCAPNG_BLOCK) {
      fail('limit-exceeded', offset, {
        length: 8,
        detail: `block of ${total} bytes exceeds the ${MAX_PCAPNG_BLOCK}-byte limit`,
      });
    }
    view.need(offset, total, offset, `pcapng block type 0x${type.toString(16)}`);
    const trailer = view.u32(offset + total - 4);
    if (trailer !== total) {
      fail('bad-block-length', offset, {
        length: total,
        detail: `block total length ${total} at its start but ${trailer} at its end`,
      });
    }
    const body = offset + 8;
    const end = offset + total - 4;
    switch (type) {
      case BlockType.SectionHeader: {
        // SHB body: byte-order magic, major, minor, section length (i64), options.
        view.need(body, 16, offset, 'section header body');
        const major = view.u16(body + 4);
        const minor = view.u16(body + 6);
        if (major !== 1) {
          fail('unsupported-version', body + 4, {
            length: 4,
            detail: `pcapng version ${major}.${minor}`,
          });
        }
        if (info.sections === 0) {
          info.littleEndian = view.littleEndian;
          info.versionMajor = major;
          info.versionMinor = minor;
        }
        info.sections++;
        readOptions(view, body + 16, end);
        section = { ids: [], clocks: [] };
        break;
      }
      case BlockType.InterfaceDescription: {
        // IDB body: LinkType (u16), Reserved (u16), SnapLen (u32), options.
        view.need(body, 8, offset, 'interface description body');
        const linkType = view.u16(body);
        const snapLength = view.u32(body + 4);
        let ticks = 1_000_000n;
        let pow2 = -1;
        let offsetSeconds = 0n;
        let name: string | undefined;
        let description: string | undefined;
        let fcsLength: number | undefined;
        for (const option of readOptions(view, body + 8, end)) {
          const v = option.value;
          if (option.code === IdbOption.TsResol && v.length >= 1) {
            const r = v[0]!;
            if ((r & 0x80) === 0) {
              if (r > 30)
                fail('bad-value', option.offset + 4, { length: 1, detail: `if_tsresol 10^-${r}` });
              ticks = 10n ** BigInt(r);
            } else {
              const p = r & 0x7f;
              if (p > 63)
                fail('bad-value', option.offset + 4, { length: 1, detail: `if_tsresol 2^-${p}` });
              ticks = 1n << BigInt(p);
              pow2 = p;
            }
          } else if (option.code === IdbOption.TsOffset && v.length >= 8) {
            const dv = new DataView(v.buffer, v.byteOffset, 8);
            offsetSeconds = dv.getBigInt64(0, view.littleEndian);
          } else if (option.code === IdbOption.Name) name = optionText(v);
          else if (option.code === IdbOption.Description) description = optionText(v);
          else if (option.code === IdbOption.FcsLen && v.length >= 1) fcsLength = v[0]!;
        }
        const iface: CaptureInterface = {
          id: sink.interfaces.length,
          section: info.sections - 1,
          linkType,
          linkTypeName: linkTypeName(linkType),
          snapLength,
          ticksPerSecond: ticks,
          ...(name !== undefined ? { name } : {}),
          ...(description !== undefined ? { description } : {}),
          ...(fcsLength !== undefined ? { fcsLength } : {}),
        };
        sink.interfaces.push(iface);
        section!.ids.push(iface.id);
        section!.clocks.push({ ticks, pow2, offsetSeconds });
        break;
      }
      case BlockType.EnhancedPacket:
      case BlockType.Packet: {
        // EPB: Interface ID (u32), Timestamp (high, low), Captured Length, Original
        // Length, Packet Data (padded), options. The obsolete PB has a u16 interface id
        // and a u16 drops count in place of the u32 interface id.
        view.need(body, 20, offset, 'packet block body');
        const local = type === BlockType.EnhancedPacket ? view.u32(body) : view.u16(body);
        const global = section!.ids[local];
        const clock = section!.clocks[local];
        if (global === undefined || clock === undefined) {
          fail('unknown-interface', offset, {
            length: total,
            detail: `interface ${local}; the section describes ${section!.ids.length}`,
          });
        }
        const ticks = (BigInt(view.u32(body + 4)) << 32n) | BigInt(view.u32(body + 8));
        const captured = view.u32(body + 12);
        const original = view.u32(body + 16);
        const data = body + 20;
        if (captured > end - data) {
          fail('length-out-of-range', body + 12, {
            length: 4,
            detail: `captured length ${captured} exceeds the ${end - data} bytes left in the block`,
          });
        }
        readOptions(view, data + ((captured + 3) & ~3), end);
        pushFrame(
          sink,
          global,
          ticksToNanos(ticks, clock),
          captured,
          original,
          bytes,
          data,
          offset,
        );
        break;
      }
      case BlockType.SimplePacket: {
        // SPB: Original Packet Length, Packet Data; interface 0 of the section; no
        // timestamp. Captured length is min(original, snaplen, body).
        view.need(body, 4, offset, 'simple packet block body');
        const global = section!.ids[0];
        if (global === undefined) {
          fail('unknown-interface', offset, {
            length: total,
            detail: 'simple packet block without an interface',
          });
        }
        const original = view.u32(body);
        const snap = sink.interfaces[global]!.snapLength;
        let captured = Math.min(original, end - (body + 4));
        if (snap !== 0) captured = Math.min(captured, snap);
        pushFrame(sink, global, 0n, captured, original, bytes, body + 4, offset);
        break;
      }
      default:
        // NRB, ISB, DSB, custom and unknown blocks: skipped (their length was checked).
        break;
    }
    offset += total;
  }
}

function ticksToNanos(
  ticks: bigint,
  clock: { ticks: bigint; pow2: number; offsetSeconds: bigint },
): bigint {
  const base = clock.offsetSeconds * 1_000_000_000n;
  if (clock.ticks === 1_000_000_000n) return base + ticks;
  if (clock.pow2 >= 0) return base + ((ticks * 1_000_000_000n) >> BigInt(clock.pow2));
  return base + (ticks * 1_000_000_000n) / clock.ticks;
}

function pushFrame(
  sink: FrameSink,
  interfaceId: number,
  timestamp: bigint,
  captured: number,
  original: number,
  bytes: Uint8Array,
  data: number,
  fileOffset: number,
): void {
  sink.frames.push({
    number: sink.frames.length + 1,
    timestamp,
    interfaceId,
    linkType: sink.interfaces[interfaceId]!.linkType,
    capturedLength: captured,
    originalLength: original,
    data: bytes.subarray(data, data + captured),
    fileOffset,
  });
}
