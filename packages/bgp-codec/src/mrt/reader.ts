import { Gunzip } from 'fflate';
import { bunzip2 } from './bzip2.js';
import { MrtFramer, type MrtFramingOptions, type MrtItem } from './framer.js';

/** A WHATWG `ReadableStream` of bytes (typed structurally: codecs build without DOM types). */
export interface MrtReadableStream {
  getReader(): {
    read(): Promise<{ readonly done: boolean; readonly value?: Uint8Array | undefined }>;
    releaseLock(): void;
  };
}

/** What {@link readMrt} reads: bytes, or chunks from an iterable, async iterable or stream. */
export type MrtSource =
  | Uint8Array
  | Iterable<Uint8Array>
  | AsyncIterable<Uint8Array>
  | MrtReadableStream;

/** Options of {@link readMrt}. */
export interface ReadMrtOptions extends MrtFramingOptions {
  /** `'auto'` (default): gunzip / bunzip2 when the input starts with their magic bytes. */
  readonly decompress?: 'auto' | 'none';
  /**
   * The gzip decompressor: compressed chunks in, decompressed chunks out. Default: fflate's
   * streaming `Gunzip` (pure JavaScript, multi-member files). Node callers can pass native
   * zlib for speed, e.g. `(chunks) => { const z = createGunzip(); pipeline(Readable.from(chunks),
   * z, () => {}); return z; }` (`routekit mrt` does). Its errors become `decompress-error`
   * items.
   */
  readonly gunzip?: (compressed: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;
}

/** An error of the source (not of a decompressor): reported as `io-error`. */
class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly reason: unknown;
  constructor(reason: unknown) {
    super(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
    this.reason = reason;
  }
}

async function* tagErrors(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* chunks;
  } catch (e) {
    throw new SourceError(e);
  }
}

async function* chunksOf(source: MrtSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  if (typeof (source as MrtReadableStream).getReader === 'function') {
    const reader = (source as MrtReadableStream).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (value !== undefined) yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  if (Symbol.asyncIterator in (source as object)) {
    yield* source as AsyncIterable<Uint8Array>;
    return;
  }
  yield* source as Iterable<Uint8Array>;
}

/**
 * gunzip with fflate's streaming `Gunzip`: pure JavaScript, so the same in Node and
 * browsers, and it reads every member of a multi-member file (the platform's
 * `DecompressionStream('gzip')` stops at the first member: browsers and Node ≥ 22 report
 * the rest as trailing junk).
 */
async function* gunzip(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  const g = new Gunzip((data) => {
    out.push(data);
  });
  const push = (chunk: Uint8Array, final: boolean): void => {
    try {
      g.push(chunk, final);
    } catch (e) {
      throw new GzipError(e instanceof Error ? e.message : String(e));
    }
  };
  for await (const chunk of input) {
    push(chunk, false);
    while (out.length > 0) yield out.shift()!;
  }
  push(new Uint8Array(0), true);
  while (out.length > 0) yield out.shift()!;
}

class GzipError extends Error {
  override readonly name = 'GzipError';
}

/** Re-yield `first` then the rest of `it`. */
async function* prepend(
  first: Uint8Array[],
  it: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  yield* first;
  for (;;) {
    const r = await it.next();
    if (r.done === true) return;
    yield r.value;
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/**
 * Stream the records of an MRT file. The file may be gzip (one or more members) or bzip2
 * compressed (detected by magic bytes unless `decompress: 'none'`). Each item is a record
 * with its offset in the decompressed stream, or an error (also with that offset). The
 * iterator never throws: a failing source or decompressor ends it with an `io-error` or
 * `decompress-error` item. Memory holds one input chunk, one decompressed block and one
 * partial record, whatever the file's size.
 */
export async function* readMrt(
  source: MrtSource,
  options?: ReadMrtOptions,
): AsyncGenerator<MrtItem, void, undefined> {
  const framer = new MrtFramer(options);
  let phase: 'io-error' | 'decompress-error' = 'io-error';
  try {
    const raw = tagErrors(chunksOf(source))[Symbol.asyncIterator]();
    const head: Uint8Array[] = [];
    let headLen = 0;
    while (headLen < 3) {
      const r = await raw.next();
      if (r.done === true) break;
      head.push(r.value);
      headLen += r.value.length;
    }
    const peek = new Uint8Array(Math.min(3, headLen));
    let k = 0;
    for (const c of head) for (let i = 0; i < c.length && k < peek.length; i++) peek[k++] = c[i]!;
    let chunks: AsyncIterable<Uint8Array> = prepend(head, raw);
    if (options?.decompress !== 'none') {
      if (peek[0] === 0x1f && peek[1] === 0x8b) {
        chunks = (options?.gunzip ?? gunzip)(chunks);
        phase = 'decompress-error';
      } else if (peek[0] === 0x42 && peek[1] === 0x5a && peek[2] === 0x68) {
        chunks = bunzip2(chunks);
        phase = 'decompress-error';
      }
    }
    for await (const chunk of chunks) {
      yield* framer.push(chunk);
      if (framer.stopped) return;
    }
    yield* framer.end();
  } catch (e) {
    // a source failure is an io-error even when it surfaces through a decompressor
    const code = e instanceof SourceError ? 'io-error' : phase;
    const detail = e instanceof SourceError ? describe(e.reason) : describe(e);
    yield { ok: false, error: { code, offset: framer.offset, detail } };
  }
}
