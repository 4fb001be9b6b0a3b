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

/**
 * UTF-8 text of option values (pcapng strings). `TextDecoder` is not in the ES library
 * this package compiles against, so this small decoder stands in; malformed sequences
 * become U+FFFD and a trailing NUL (some writers add one) is dropped.
 */
export function utf8(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let cp = 0xfffd;
    let n = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b < 0xe0) n = 2;
    else if (b >= 0xe0 && b < 0xf0) n = 3;
    else if (b >= 0xf0 && b < 0xf5) n = 4;
    if (n > 1) {
      let v = b & (0xff >> (n + 1));
      let ok = i + n <= bytes.length;
      for (let k = 1; ok && k < n; k++) {
        const c = bytes[i + k]!;
        if ((c & 0xc0) !== 0x80) ok = false;
        else v = (v << 6) | (c & 0x3f);
      }
      const min = n === 3 ? 0x800 : n === 4 ? 0x10000 : 0x80;
      if (ok && v >= min && v <= 0x10ffff && (v < 0xd800 || v > 0xdfff)) cp = v;
      else n = 1;
    }
    out += String.fromCodePoint(cp);
    i += n;
  }
  return out.replace(/\0+$/, '');
}
