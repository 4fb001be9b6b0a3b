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

interface Stream<T> {
  getReader(): {
    read(): Promise<{ done: boolean; value?: T }>;
    cancel(reason?: unknown): Promise<void>;
    releaseLock(): void;
  };
}
interface DecompressionStreamLike {
  readonly readable: Stream<Uint8Array>;
  readonly writable: {
    getWriter(): {
      write(chunk: Uint8Array): Promise<void>;
      close(): Promise<void>;
      abort(reason?: unknown): Promise<void>;
    };
  };
}

/** gunzip through the platform's `DecompressionStream('gzip')` (Node ≥ 18, browsers). */
async function* gunzip(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const Ctor = (
    globalThis as unknown as { DecompressionStream?: new (f: string) => DecompressionStreamLike }
  ).DecompressionStream;
  if (Ctor === undefined) throw new Error('this platform has no DecompressionStream');
  const ds = new Ctor('gzip');
  const writer = ds.writable.getWriter();
  let inputError: unknown;
  const pump = (async () => {
    const it = input[Symbol.asyncIterator]();
    for (;;) {
      let r: IteratorResult<Uint8Array>;
      try {
        r = await it.next();
      } catch (e) {
        inputError = e;
        await writer.abort(e).catch(() => undefined);
        return;
      }
      if (r.done === true) break;
      try {
        await writer.write(r.value);
      } catch {
        return; // the decompressor failed or was cancelled: the reader reports it
      }
    }
    await writer.close().catch(() => undefined);
  })();
  const reader = ds.readable.getReader();
  let finished = false;
  try {
    for (;;) {
      let r: { done: boolean; value?: Uint8Array };
      try {
        r = await reader.read();
      } catch (e) {
        throw inputError ?? new GzipError(e instanceof Error ? e.message : String(e));
      }
      if (r.done) break;
      if (r.value !== undefined) yield r.value;
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
    await pump;
  }
  if (inputError !== undefined) throw inputError;
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
    const raw = chunksOf(source)[Symbol.asyncIterator]();
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
      if (peek[0] === 0x1f && peek[1] === 0x8b) chunks = gunzip(chunks);
      else if (peek[0] === 0x42 && peek[1] === 0x5a && peek[2] === 0x68) chunks = bunzip2(chunks);
    }
    for await (const chunk of chunks) {
      yield* framer.push(chunk);
      if (framer.stopped) return;
    }
    yield* framer.end();
  } catch (e) {
    if (e instanceof Error && (e.name === 'GzipError' || e.name === 'Bzip2Error')) {
      phase = 'decompress-error';
    }
    yield { ok: false, error: { code: phase, offset: framer.offset, detail: describe(e) } };
  }
}
