/**
 * bzip2 decompression, block by block, with the pure-JavaScript decoder of the npm package
 * `unbzip2-stream` (its `lib/bzip2.js` and `lib/bit_iterator.js`, which use neither Node
 * APIs nor `Buffer`, so they run in browsers too). Output is produced one bzip2 block
 * (≤ 900 kB of input) at a time: memory stays bounded for files of any size. Handles
 * concatenated bzip2 streams (as written by parallel compressors).
 */

import bitIterator from 'unbzip2-stream/lib/bit_iterator.js';
import bzip2 from 'unbzip2-stream/lib/bzip2.js';

/** Thrown (and turned into a `decompress-error` item by the reader) for damaged input. */
export class Bzip2Error extends Error {
  override readonly name = 'Bzip2Error';
}

/** Decompress a bzip2 byte stream. */
export async function* bunzip2(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const queue: Uint8Array[] = [];
  let has = 0;
  let bits: ReturnType<typeof bitIterator> | undefined;
  let blockSize = 0;
  let streamCrc: number | null = null;
  let work: Int32Array | undefined;
  let out = new Uint8Array(1 << 20);
  let n = 0;
  const put = (b: number): void => {
    if (n === out.length) {
      const bigger = new Uint8Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    out[n++] = b;
  };
  // One step: read a stream header, or one block (returns its bytes), or a stream end.
  const step = (): Uint8Array | undefined => {
    const b = bits!;
    try {
      if (blockSize === 0) {
        blockSize = bzip2.header(b);
        streamCrc = 0;
        return undefined;
      }
      const size = 100_000 * blockSize;
      if (work === undefined || work.length !== size) work = new Int32Array(size);
      n = 0;
      streamCrc = bzip2.decompress(b, put, work, size, streamCrc);
      if (streamCrc === null) {
        blockSize = 0;
        return undefined;
      }
      return out.slice(0, n);
    } catch (e) {
      throw new Bzip2Error(e instanceof Error ? e.message : String(e));
    }
  };
  for await (const chunk of input) {
    if (chunk.length === 0) continue;
    queue.push(chunk);
    has += chunk.length;
    bits ??= bitIterator(() => queue.shift());
    // Only decode a block once all of its input is buffered (a block's compressed size
    // is below 100 kB × level + 25 kB), as unbzip2-stream itself does.
    while (has - bits.bytesRead + 1 >= (25_000 + 100_000 * blockSize || 4)) {
      const block = step();
      if (block !== undefined) yield block;
    }
  }
  if (bits === undefined) return;
  while (has > bits.bytesRead) {
    const block = step();
    if (block !== undefined) yield block;
  }
  if (streamCrc !== null) throw new Bzip2Error('bzip2 stream ended prematurely');
}
