import { fail } from '@routekit/wire';
import { EndianView } from './bytes.js';
import type { CaptureInterface, Frame } from './frame.js';
import { linkTypeName } from './linktypes.js';

/**
 * Classic pcap (draft-ietf-opsawg-pcap §4–5). The file header, in the writer's byte
 * order, which the magic number reveals:
 *
 * ```text
 *                         1                   2                   3
 *     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  0 |                          Magic Number                         |
 *  4 |          Major Version        |         Minor Version         |
 *  8 |                           Reserved1                           |
 * 12 |                           Reserved2                           |
 * 16 |                            SnapLen                            |
 * 20 | FCS |f|0 0 0 0 0 0 0 0 0 0 0 0|         LinkType              |
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 *
 * Magic 0xA1B2C3D4: microsecond timestamps; 0xA1B23C4D: nanosecond timestamps;
 * 0xA1B2CD34: Alexey Kuznetzov's "modified" pcap, whose records carry 8 more bytes
 * (ifindex, protocol, pkt_type, pad).
 */
export const PCAP_HEADER_LENGTH = 24;

/** pcap magic numbers, as read big-endian from the first four bytes. */
export const PcapMagic = {
  Microseconds: 0xa1b2c3d4,
  Nanoseconds: 0xa1b23c4d,
  Modified: 0xa1b2cd34,
} as const;

/**
 * Largest record this reader accepts (Wireshark's `WTAP_MAX_PACKET_SIZE_STANDARD`,
 * 256 KiB): a larger captured length is a damaged record, reported as
 * `limit-exceeded`, never an allocation.
 */
export const MAX_PCAP_RECORD = 262_144;

/** The file header's fields. */
export interface PcapHeader {
  readonly littleEndian: boolean;
  readonly nanoseconds: boolean;
  readonly modified: boolean;
  readonly versionMajor: number;
  readonly versionMinor: number;
  readonly snapLength: number;
  readonly linkType: number;
  /** FCS length in bytes when the header's f bit is set. */
  readonly fcsLength?: number;
}

/** Which pcap variant a big-endian read of the first four bytes names, if any. */
export function pcapMagic(
  first: number,
): { littleEndian: boolean; nanoseconds: boolean; modified: boolean } | undefined {
  const swapped =
    (((first & 0xff) << 24) |
      ((first & 0xff00) << 8) |
      ((first >>> 8) & 0xff00) |
      (first >>> 24)) >>>
    0;
  for (const [value, littleEndian] of [
    [first, false],
    [swapped, true],
  ] as const) {
    if (value === PcapMagic.Microseconds)
      return { littleEndian, nanoseconds: false, modified: false };
    if (value === PcapMagic.Nanoseconds)
      return { littleEndian, nanoseconds: true, modified: false };
    if (value === PcapMagic.Modified) return { littleEndian, nanoseconds: false, modified: true };
  }
  return undefined;
}

/** Output sink shared with the pcapng reader. */
export interface FrameSink {
  readonly frames: Frame[];
  readonly interfaces: CaptureInterface[];
  maxFrames: number;
}

/** Read the file header at offset 0 (the magic is already known to be pcap). */
export function readPcapHeader(bytes: Uint8Array): PcapHeader {
  const view = new EndianView(bytes, false);
  const kind = pcapMagic(view.u32be(0));
  if (kind === undefined) return fail('unknown-format', 0, { detail: 'no pcap magic number' });
  view.littleEndian = kind.littleEndian;
  view.need(0, PCAP_HEADER_LENGTH, 0, 'pcap file header');
  const versionMajor = view.u16(4);
  const versionMinor = view.u16(6);
  if (versionMajor !== 2) {
    fail('unsupported-version', 4, {
      length: 4,
      detail: `pcap version ${versionMajor}.${versionMinor}`,
    });
  }
  const snapLength = view.u32(16);
  const network = view.u32(20);
  const header: PcapHeader = {
    ...kind,
    versionMajor,
    versionMinor,
    snapLength,
    linkType: network & 0xffff,
  };
  // The f bit (0x04000000) says the top 4 bits count 16-bit words of FCS.
  if ((network & 0x0400_0000) !== 0) return { ...header, fcsLength: ((network >>> 28) & 0xf) * 2 };
  return header;
}

/**
 * Read every record after the header into `sink`. A damaged record ends the file: the
 * branded failure names its offset; the frames before it are already in `sink`.
 *
 * ```text
 *    +---------------------------------------------------------------+
 *  0 |                      Timestamp (Seconds)                      |
 *  4 |            Timestamp (Microseconds or nanoseconds)            |
 *  8 |                    Captured Packet Length                     |
 * 12 |                    Original Packet Length                     |
 * 16 /                          Packet Data                          /
 *    +---------------------------------------------------------------+
 * ```
 */
export function readPcapRecords(bytes: Uint8Array, header: PcapHeader, sink: FrameSink): void {
  const view = new EndianView(bytes, header.littleEndian);
  const recordHeader = header.modified ? 24 : 16;
  const scale = header.nanoseconds ? 1n : 1000n;
  sink.interfaces.push({
    id: 0,
    section: 0,
    linkType: header.linkType,
    linkTypeName: linkTypeName(header.linkType),
    snapLength: header.snapLength,
    ticksPerSecond: header.nanoseconds ? 1_000_000_000n : 1_000_000n,
    ...(header.fcsLength !== undefined ? { fcsLength: header.fcsLength } : {}),
  });
  let offset = PCAP_HEADER_LENGTH;
  while (offset < bytes.length && sink.frames.length < sink.maxFrames) {
    view.need(
      offset,
      recordHeader,
      offset,
      `pcap record header of frame ${sink.frames.length + 1}`,
    );
    const seconds = view.u32(offset);
    const fraction = view.u32(offset + 4);
    const captured = view.u32(offset + 8);
    const original = view.u32(offset + 12);
    if (captured > MAX_PCAP_RECORD) {
      fail('limit-exceeded', offset, {
        length: recordHeader,
        detail: `frame ${sink.frames.length + 1} claims ${captured} captured bytes, more than ${MAX_PCAP_RECORD}`,
      });
    }
    const start = offset + recordHeader;
    view.need(start, captured, offset, `pcap record of frame ${sink.frames.length + 1}`);
    sink.frames.push({
      number: sink.frames.length + 1,
      timestamp: BigInt(seconds) * 1_000_000_000n + BigInt(fraction) * scale,
      interfaceId: 0,
      linkType: header.linkType,
      capturedLength: captured,
      originalLength: original,
      data: bytes.subarray(start, start + captured),
      fileOffset: offset,
    });
    offset = start + captured;
  }
}
