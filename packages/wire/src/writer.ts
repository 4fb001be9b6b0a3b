/**
 * A fixed-size big-endian writer: compute the encoding length, allocate once, write,
 * back-patch lengths and checksums, `finish()`.
 *
 * Writing past the end, a value out of its field's range and an unfilled buffer at
 * `finish()` are programming errors (the encoder and its `encodingLength` disagree): they
 * throw a `RangeError`, never a `DecodeError`.
 *
 * Offsets (`offset`, `mark()`, `reserve()`, `patch*`) count from the start of this
 * writer's window, which is index 0 of the array `finish()` returns.
 */
export class Writer {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  #pos = 0;

  /** A writer over a new zero-filled buffer of exactly `length` bytes. */
  constructor(length: number);
  constructor(length: number, window?: Uint8Array) {
    if (window === undefined) {
      if (!Number.isSafeInteger(length) || length < 0) {
        throw new RangeError(`Writer length must be a non-negative integer, got ${length}`);
      }
      window = new Uint8Array(length);
    }
    this.#bytes = window;
    this.#view = new DataView(window.buffer, window.byteOffset, window.byteLength);
  }

  /**
   * A writer over `length` bytes of a caller's buffer starting at `offset` (the
   * `encodeInto(target, offset)` style). Nothing outside that window is touched;
   * `finish()` returns the window as a view of `target`.
   */
  static into(target: Uint8Array, offset = 0, length: number = target.length - offset): Writer {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset > target.length) {
      throw new RangeError(`offset ${offset} is outside a ${target.length}-byte target`);
    }
    if (!Number.isSafeInteger(length) || length < 0 || length > target.length - offset) {
      throw new RangeError(
        `${length} bytes at offset ${offset} do not fit a ${target.length}-byte target`,
      );
    }
    const Ctor = Writer as unknown as new (length: number, window: Uint8Array) => Writer;
    return new Ctor(length, target.subarray(offset, offset + length));
  }

  /** Offset of the next byte to write. */
  get offset(): number {
    return this.#pos;
  }

  /** Size of the window. */
  get length(): number {
    return this.#bytes.length;
  }

  /** Bytes still to write before `finish()`. */
  get remaining(): number {
    return this.#bytes.length - this.#pos;
  }

  u8(value: number): this {
    if ((value & 0xff) !== value) outOfRange('u8', value);
    const p = this.#advance(1);
    this.#bytes[p] = value;
    return this;
  }

  u16(value: number): this {
    if ((value & 0xffff) !== value) outOfRange('u16', value);
    this.#view.setUint16(this.#advance(2), value);
    return this;
  }

  u24(value: number): this {
    if ((value & 0xffffff) !== value) outOfRange('u24', value);
    const p = this.#advance(3);
    this.#view.setUint16(p, value >>> 8);
    this.#bytes[p + 2] = value & 0xff;
    return this;
  }

  u32(value: number): this {
    if (value >>> 0 !== value) outOfRange('u32', value);
    this.#view.setUint32(this.#advance(4), value);
    return this;
  }

  i32(value: number): this {
    if ((value | 0) !== value) outOfRange('i32', value);
    this.#view.setInt32(this.#advance(4), value);
    return this;
  }

  u64(value: bigint): this {
    if (typeof value !== 'bigint' || BigInt.asUintN(64, value) !== value) outOfRange('u64', value);
    this.#view.setBigUint64(this.#advance(8), value);
    return this;
  }

  /** Copy `bytes` in. */
  bytes(bytes: Uint8Array): this {
    const p = this.#advance(bytes.length);
    this.#bytes.set(bytes, p);
    return this;
  }

  /** `n` zero bytes (padding, reserved fields). */
  zeros(n: number): this {
    this.reserve(n);
    return this;
  }

  /**
   * Skip `n` bytes, zero-filled, to be patched later (a length or checksum field);
   * returns their offset.
   */
  reserve(n: number): number {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`byte count must be a non-negative integer, got ${n}`);
    }
    const p = this.#advance(n);
    this.#bytes.fill(0, p, p + n);
    return p;
  }

  /** The current offset, to measure what follows (`w.offset - mark`). */
  mark(): number {
    return this.#pos;
  }

  patchU8(at: number, value: number): this {
    if ((value & 0xff) !== value) outOfRange('u8', value);
    this.#bytes[this.#patchAt(at, 1)] = value;
    return this;
  }

  patchU16(at: number, value: number): this {
    if ((value & 0xffff) !== value) outOfRange('u16', value);
    this.#view.setUint16(this.#patchAt(at, 2), value);
    return this;
  }

  patchU24(at: number, value: number): this {
    if ((value & 0xffffff) !== value) outOfRange('u24', value);
    const p = this.#patchAt(at, 3);
    this.#view.setUint16(p, value >>> 8);
    this.#bytes[p + 2] = value & 0xff;
    return this;
  }

  patchU32(at: number, value: number): this {
    if (value >>> 0 !== value) outOfRange('u32', value);
    this.#view.setUint32(this.#patchAt(at, 4), value);
    return this;
  }

  /**
   * A view of the bytes written so far from offset `from` (to checksum a part before
   * patching the result in). It aliases the buffer.
   */
  written(from = 0): Uint8Array {
    if (!Number.isSafeInteger(from) || from < 0 || from > this.#pos) {
      throw new RangeError(`written(${from}) is outside the ${this.#pos} bytes written`);
    }
    return this.#bytes.subarray(from, this.#pos);
  }

  /** The finished bytes; throws unless exactly `length` bytes were written. */
  finish(): Uint8Array {
    if (this.#pos !== this.#bytes.length) {
      throw new RangeError(`wrote ${this.#pos} of ${this.#bytes.length} bytes`);
    }
    return this.#bytes;
  }

  #advance(n: number): number {
    const p = this.#pos;
    if (n > this.#bytes.length - p) {
      throw new RangeError(
        `writing ${n} bytes at offset ${p} overflows the ${this.#bytes.length}-byte buffer`,
      );
    }
    this.#pos = p + n;
    return p;
  }

  /** Patches may only touch bytes already written (or reserved). */
  #patchAt(at: number, n: number): number {
    if (!Number.isSafeInteger(at) || at < 0 || at + n > this.#pos) {
      throw new RangeError(
        `patching ${n} bytes at ${at} is outside the ${this.#pos} bytes written`,
      );
    }
    return at;
  }
}

function outOfRange(kind: string, value: unknown): never {
  throw new RangeError(`${kind} value out of range: ${String(value)}`);
}
