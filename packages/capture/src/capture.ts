import { decodeError, isDecodeFailure, toHex } from '@routekit/wire';
import type { CaptureError } from './errors.js';
import type { Capture, CaptureInterface, Frame } from './frame.js';
import { type FrameSink, pcapMagic, readPcapHeader, readPcapRecords } from './pcap.js';
import { BlockType, readPcapng, type SectionInfo } from './pcapng.js';

/** A synchronous gzip inflater, e.g. `node:zlib`'s `gunzipSync`. */
export type Inflate = (compressed: Uint8Array) => Uint8Array;

/** Options of {@link readCapture}. */
export interface ReadCaptureOptions {
  /**
   * How to decompress a gzip file. Browsers have no synchronous inflater, so none is
   * built in: pass one (Node: `(b) => zlib.gunzipSync(b, { maxOutputLength })`), or
   * use {@link openCapture}, which falls back to `DecompressionStream`.
   */
  readonly inflate?: Inflate;
  /** Stop after this many frames (default: no limit). */
  readonly maxFrames?: number;
}

/** The format a file's first bytes name (by magic number, never by file name). */
export type CaptureFormat = 'pcap' | 'pcapng' | 'gzip' | 'unknown';

/** Detect the file format from its magic number. */
export function detectFormat(bytes: Uint8Array): CaptureFormat {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (bytes.length < 4) return 'unknown';
  const first = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  if (first === BlockType.SectionHeader) return 'pcapng';
  if (pcapMagic(first) !== undefined) return 'pcap';
  return 'unknown';
}

function failed(
  compressed: boolean,
  error: CaptureError,
  format: Capture['format'] = 'unknown',
): Capture {
  return {
    format,
    compressed,
    byteOrder: 'unknown',
    version: '',
    sections: 0,
    interfaces: [],
    frames: [],
    error,
  };
}

/**
 * Read a pcap, pcapng or (with an inflater) gzip-compressed capture.
 *
 * Total: never throws for any input. A damaged file gives the frames before the
 * damaged record or block plus an `error` whose `offset` is that block's offset in the
 * (decompressed) file. Frames' `data` are views into `bytes` (or into the inflated
 * copy); nothing is allocated from a length read from the file.
 */
export function readCapture(bytes: Uint8Array, options: ReadCaptureOptions = {}): Capture {
  const format = detectFormat(bytes);
  if (format === 'gzip') {
    const inflate = options.inflate;
    if (inflate === undefined) {
      return failed(
        true,
        decodeError('gzip-unsupported', 0, {
          length: 2,
          detail: 'gzip-compressed capture: pass options.inflate or use openCapture()',
        }),
      );
    }
    let inflated: Uint8Array;
    try {
      inflated = inflate(bytes);
    } catch (e) {
      return failed(
        true,
        decodeError('gzip-failed', 0, { detail: e instanceof Error ? e.message : String(e) }),
      );
    }
    if (detectFormat(inflated) === 'gzip') {
      return failed(true, decodeError('unknown-format', 0, { detail: 'gzip inside gzip' }));
    }
    return readUncompressed(inflated, true, options);
  }
  return readUncompressed(bytes, false, options);
}

function readUncompressed(
  bytes: Uint8Array,
  compressed: boolean,
  options: ReadCaptureOptions,
): Capture {
  const format = detectFormat(bytes);
  const frames: Frame[] = [];
  const interfaces: CaptureInterface[] = [];
  const sink: FrameSink = { frames, interfaces, maxFrames: options.maxFrames ?? Infinity };
  let byteOrder: Capture['byteOrder'] = 'unknown';
  let version = '';
  let sections = 0;
  let error: CaptureError | undefined;
  try {
    if (format === 'pcap') {
      const header = readPcapHeader(bytes);
      byteOrder = header.littleEndian ? 'little-endian' : 'big-endian';
      version = `${header.versionMajor}.${header.versionMinor}`;
      sections = 1;
      readPcapRecords(bytes, header, sink);
    } else if (format === 'pcapng') {
      const info: SectionInfo = {
        littleEndian: undefined,
        versionMajor: 0,
        versionMinor: 0,
        sections: 0,
      };
      try {
        readPcapng(bytes, sink, info);
      } finally {
        // keep what the first section header said even when a later block fails
        if (info.littleEndian !== undefined) {
          byteOrder = info.littleEndian ? 'little-endian' : 'big-endian';
        }
        version = `${info.versionMajor}.${info.versionMinor}`;
        sections = info.sections;
      }
    } else {
      const detail = `no pcap, pcapng or gzip magic number (first bytes ${hexStart(bytes)})`;
      return failed(compressed, decodeError('unknown-format', 0, { detail }));
    }
  } catch (e) {
    if (!isDecodeFailure(e)) throw e;
    error = e.error as CaptureError;
  }
  const capture: Capture = {
    format: format === 'pcap' ? 'pcap' : 'pcapng',
    compressed,
    byteOrder,
    version,
    sections,
    interfaces,
    frames,
  };
  return error === undefined ? capture : { ...capture, error };
}

function hexStart(bytes: Uint8Array): string {
  const shown = toHex(bytes.subarray(0, 4), ' ');
  return shown === '' ? 'none' : shown;
}

/** Options of {@link openCapture}. */
export interface OpenCaptureOptions extends ReadCaptureOptions {
  /** Most bytes a gzip file may inflate to (default 512 MiB); more is `gzip-failed`. */
  readonly maxInflatedBytes?: number;
}

interface StreamLike {
  readonly readable: { getReader(): StreamReaderLike };
  readonly writable: {
    getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> };
  };
}
interface StreamReaderLike {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}
type DecompressionStreamCtor = new (format: 'gzip') => StreamLike;

/**
 * Like {@link readCapture}, but a gzip file without an `inflate` option is inflated with
 * the platform's `DecompressionStream` (browsers, Node ≥ 18, Deno, Bun). Resolves,
 * never rejects; `gzip-unsupported` when the platform has no `DecompressionStream`.
 */
export async function openCapture(
  bytes: Uint8Array,
  options: OpenCaptureOptions = {},
): Promise<Capture> {
  if (detectFormat(bytes) !== 'gzip' || options.inflate !== undefined) {
    return readCapture(bytes, options);
  }
  const Ctor = (globalThis as { DecompressionStream?: DecompressionStreamCtor })
    .DecompressionStream;
  if (Ctor === undefined) return readCapture(bytes, options);
  const limit = options.maxInflatedBytes ?? 512 * 1024 * 1024;
  let inflated: Uint8Array;
  try {
    inflated = await inflateWithStream(Ctor, bytes, limit);
  } catch (e) {
    return failed(
      true,
      decodeError('gzip-failed', 0, { detail: e instanceof Error ? e.message : String(e) }),
    );
  }
  return readCapture(bytes, { ...options, inflate: () => inflated });
}

async function inflateWithStream(
  Ctor: DecompressionStreamCtor,
  bytes: Uint8Array,
  limit: number,
): Promise<Uint8Array> {
  const stream = new Ctor('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const written = writer.write(bytes).then(() => writer.close());
  // Keep the writer's rejection from going unhandled; the reader reports it too.
  written.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value === undefined) continue;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`inflates to more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  await written;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
