import { fail } from '@routekit/wire';

/**
 * Bounds-checked little/big-endian reads for the file formats (pcap and pcapng are
 * written in the capturing host's byte order, which wire's big-endian `Reader` does
 * not cover). Every read fails with the branded `truncated` error instead of reading
 * past the end.
 */
export class EndianView {
  readonly bytes: Uint8Array;
  readonly #view: DataView;
  littleEndian: boolean;

  constructor(bytes: Uint8Array, littleEndian: boolean) {
    this.bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.littleEndian = littleEndian;
  }

  get length(): number {
    return this.bytes.length;
  }

  /** Fail with `truncated` at `at` unless `n` bytes from `offset` are present. */
  need(offset: number, n: number, at: number = offset, what = 'bytes'): void {
    if (offset + n > this.bytes.length) {
      fail('truncated', at, {
        length: offset + n - at,
        detail: `${what}: need ${offset + n - at} bytes, ${this.bytes.length - at} left`,
      });
    }
  }

  u16(offset: number): number {
    this.need(offset, 2);
    return this.#view.getUint16(offset, this.littleEndian);
  }

  u32(offset: number): number {
    this.need(offset, 4);
    return this.#view.getUint32(offset, this.littleEndian);
  }

  i32(offset: number): number {
    this.need(offset, 4);
    return this.#view.getInt32(offset, this.littleEndian);
  }

  /** Unsigned 32-bit big-endian, whatever the file's byte order (magic numbers). */
  u32be(offset: number): number {
    this.need(offset, 4);
    return this.#view.getUint32(offset, false);
  }
}
