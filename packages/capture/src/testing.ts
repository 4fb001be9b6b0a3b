import fc from 'fast-check';
import {
  type PcapngInterface,
  type PcapngWriteOptions,
  type PcapWriteOptions,
  type WriteFrame,
  writePcap,
  writePcapng,
} from './writer.js';

/**
 * fast-check arbitraries for capture files: frame lists, and pcap/pcapng files written
 * from them with the package's writers (for round-trip and mutation properties).
 */

/** A generated file and the frames written into it. */
export interface GeneratedCapture {
  readonly format: 'pcap' | 'pcapng';
  readonly bytes: Uint8Array;
  readonly frames: readonly WriteFrame[];
  /** Link type of each frame's interface. */
  readonly linkTypes: readonly number[];
  /** Timestamp resolution of each frame as written: ns per tick. */
  readonly nanosPerTick: readonly bigint[];
}

const linkTypeArb: fc.Arbitrary<number> = fc.constantFrom(0, 1, 101, 104, 107, 113, 147, 276);

/** Frames of up to `maxLength` bytes with timestamps up to year 2106 (pcap's u32 seconds). */
export function arbWriteFrames(
  options: { maxFrames?: number; maxLength?: number; interfaces?: number } = {},
): fc.Arbitrary<WriteFrame[]> {
  const frame = fc.record({
    data: fc.uint8Array({ maxLength: options.maxLength ?? 96 }),
    timestamp: fc.bigInt({ min: 0n, max: 4_294_967_295_999_999_999n }),
    extra: fc.nat({ max: 2000 }),
    interfaceId: fc.nat({ max: Math.max(0, (options.interfaces ?? 1) - 1) }),
  });
  return fc.array(frame, { maxLength: options.maxFrames ?? 12 }).map((list) =>
    list.map((f) => ({
      data: f.data,
      timestamp: f.timestamp,
      originalLength: f.data.length + f.extra,
      interfaceId: f.interfaceId,
    })),
  );
}

/** A classic pcap file in either byte order and timestamp resolution. */
export function arbPcapFile(): fc.Arbitrary<GeneratedCapture> {
  return fc
    .record({
      frames: arbWriteFrames(),
      linkType: linkTypeArb,
      littleEndian: fc.boolean(),
      nanoseconds: fc.boolean(),
    })
    .map(({ frames, linkType, littleEndian, nanoseconds }) => {
      const written = frames.map((f) => ({ ...f, interfaceId: 0 }));
      const options: PcapWriteOptions = { linkType, littleEndian, nanoseconds };
      return {
        format: 'pcap' as const,
        bytes: writePcap(written, options),
        frames: written,
        linkTypes: written.map(() => linkType),
        nanosPerTick: written.map(() => (nanoseconds ? 1n : 1000n)),
      };
    });
}

const tsresolArb: fc.Arbitrary<number> = fc.constantFrom(0, 3, 6, 9, 0x80 | 10, 0x80 | 30);

/** A one-section pcapng file with 1–3 interfaces, EPBs (or SPBs) and options. */
export function arbPcapngFile(): fc.Arbitrary<GeneratedCapture> {
  return fc
    .record({
      interfaces: fc.array(
        fc.record({
          linkType: linkTypeArb,
          tsresol: tsresolArb,
          name: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      littleEndian: fc.boolean(),
      simple: fc.boolean(),
      comment: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
    })
    .chain((o) =>
      arbWriteFrames({ interfaces: o.simple ? 1 : o.interfaces.length }).map((generated) => {
        // A Simple Packet Block has no captured length: the data must be the packet.
        const frames: WriteFrame[] = o.simple
          ? generated.map((f) => ({ data: f.data, timestamp: 0n, originalLength: f.data.length }))
          : generated;
        const interfaces: PcapngInterface[] = o.interfaces.map((i) => ({
          linkType: i.linkType,
          tsresol: i.tsresol,
          ...(i.name !== undefined ? { name: i.name } : {}),
        }));
        const options: PcapngWriteOptions = {
          interfaces,
          littleEndian: o.littleEndian,
          simple: o.simple,
          ...(o.comment !== undefined ? { comment: o.comment } : {}),
        };
        const nanosPerTick = frames.map((f) => {
          const r = interfaces[f.interfaceId ?? 0]!.tsresol ?? 9;
          return (r & 0x80) !== 0 ? 0n : 10n ** BigInt(9 - Math.min(9, r));
        });
        return {
          format: 'pcapng' as const,
          bytes: writePcapng(frames, options),
          frames,
          linkTypes: frames.map((f) => interfaces[o.simple ? 0 : (f.interfaceId ?? 0)]!.linkType),
          nanosPerTick,
        };
      }),
    );
}

/** Either kind of file. */
export function arbCaptureFile(): fc.Arbitrary<GeneratedCapture> {
  return fc.oneof(arbPcapFile(), arbPcapngFile());
}
