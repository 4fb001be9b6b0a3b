import { fail } from './errors.js';

/**
 * Dissection hook: called with a field's name, absolute offset and length in bytes.
 * Named reads report after they succeed; {@link Reader.field} reports when its callback
 * returns, so a group is reported after the fields inside it.
 */
export type FieldHook = (name: string, offset: number, length: number) => void;

/** Options of a top-level {@link Reader}. */
export interface ReaderOptions {
  /**
   * Absolute offset of `bytes[0]` (default 0). Set it when `bytes` is a payload cut out
   * of a larger frame, so error offsets point into the frame.
   */
  readonly baseOffset?: number;
  /** Dissection hook; when absent, names passed to reads cost one comparison. */
  readonly onField?: FieldHook;
}

type ChildConstructor = new (
  bytes: Uint8Array,
  parent: Reader,
  start: number,
  limit: number,
) => Reader;

/**
 * A bounded big-endian reader over a `Uint8Array` (a Node `Buffer` works too; no
 * `Buffer` API is used).
 *
 * Every read checks its bounds first and, when the bytes are not there, throws the
 * branded `truncated` failure (see {@link fail}) with the absolute offset where the read
 * starts and the number of bytes it needs; nothing is read and the position does not
 * move. Catch it with `decode()`.
 *
 * A reader never writes to its input. `bytes()`, `rest()`, `peekBytes()` return
 * `subarray` views that alias the input: copy them (`slice()`) to keep them past the
 * input's lifetime or to modify them.
 *
 * Counts (`n`) must be integers: a fractional or `NaN` count is a bug and throws a
 * `RangeError`; a negative count is treated as an impossible length from the wire and
 * fails with `length-out-of-range`; a count larger than what is left fails with
 * `truncated` before anything is allocated.
 */
export class Reader {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  /** Absolute offset of `#bytes[0]`. */
  readonly #base: number;
  readonly #onField: FieldHook | undefined;
  /** Index into `#bytes` of the next byte. */
  #pos: number;
  /** Index into `#bytes` one past the last byte this reader may read. */
  readonly #limit: number;

  constructor(bytes: Uint8Array, options?: ReaderOptions);
  constructor(bytes: Uint8Array, options?: ReaderOptions | Reader, start?: number, limit?: number) {
    if (options instanceof Reader) {
      // A child made by sub(): shares the parent's bytes, view, base and hook.
      this.#bytes = options.#bytes;
      this.#view = options.#view;
      this.#base = options.#base;
      this.#onField = options.#onField;
      this.#pos = start!;
      this.#limit = limit!;
      return;
    }
    if (!(bytes instanceof Uint8Array)) throw new TypeError('Reader needs a Uint8Array');
    const base = options?.baseOffset ?? 0;
    if (!Number.isSafeInteger(base) || base < 0) {
      throw new RangeError(`baseOffset must be a non-negative integer, got ${base}`);
    }
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#base = base;
    this.#onField = options?.onField;
    this.#pos = 0;
    this.#limit = bytes.length;
  }

  /** Absolute offset of the next byte (counted from the top-level input's start). */
  get offset(): number {
    return this.#base + this.#pos;
  }

  /** Absolute offset one past the last byte this reader may read. */
  get end(): number {
    return this.#base + this.#limit;
  }

  /** Bytes left to read in this reader's field. */
  get remaining(): number {
    return this.#limit - this.#pos;
  }

  /** Whether every byte of this reader's field has been read. */
  get atEnd(): boolean {
    return this.#pos === this.#limit;
  }

  /** One unsigned byte. */
  u8(name?: string): number {
    const p = this.#pos;
    if (p >= this.#limit) this.#truncated(1);
    this.#pos = p + 1;
    if (name !== undefined && this.#onField !== undefined) this.#onField(name, this.#base + p, 1);
    return this.#bytes[p]!;
  }

  /** Unsigned 16-bit big-endian integer. */
  u16(name?: string): number {
    const p = this.#pos;
    if (this.#limit - p < 2) this.#truncated(2);
    this.#pos = p + 2;
    if (name !== undefined && this.#onField !== undefined) this.#onField(name, this.#base + p, 2);
    return this.#view.getUint16(p);
  }

  /** Unsigned 24-bit big-endian integer (BGP labels, OSPF metrics). */
  u24(name?: string): number {
    const p = this.#pos;
    if (this.#limit - p < 3) this.#truncated(3);
    this.#pos = p + 3;
    if (name !== undefined && this.#onField !== undefined) this.#onField(name, this.#base + p, 3);
    return (this.#view.getUint16(p) << 8) | this.#bytes[p + 2]!;
  }

  /** Unsigned 32-bit big-endian integer (IPv4 addresses, AS numbers). */
  u32(name?: string): number {
    const p = this.#pos;
    if (this.#limit - p < 4) this.#truncated(4);
    this.#pos = p + 4;
    if (name !== undefined && this.#onField !== undefined) this.#onField(name, this.#base + p, 4);
    return this.#view.getUint32(p);
  }

  /** Signed 32-bit big-endian integer (two's complement). */
  i32(name?: string): number {
    const p = this.#pos;
    if (this.#limit - p < 4) this.#truncated(4);
    this.#pos = p + 4;
    if (name !== undefined && this.#onField !== undefined) this.#onField(name, this.#base + p, 4);
    return this.#view.getInt32(p);
  }

  /** Unsigned 64-bit big-endian integer, as a `bigint`. */
  u64(name?: string): bigint {
    const p = this.#pos;
    if (this.#limit - p < 8) this.#truncated(8);
    this.#pos = p + 8;
    if (name !== undefined && this.#onField !== undefined) this.#onField(name, this.#base + p, 8);
    return this.#view.getBigUint64(p);
  }

  /** The next `n` bytes as a view that aliases the input (no copy). */
  bytes(n: number, name?: string): Uint8Array {
    const p = this.#pos;
    this.#check(n);
    this.#pos = p + n;
    if (name !== undefined && this.#onField !== undefined) this.#onField(name, this.#base + p, n);
    return this.#bytes.subarray(p, p + n);
  }

  /** Everything left in this reader's field, as a view that aliases the input. */
  rest(name?: string): Uint8Array {
    return this.bytes(this.#limit - this.#pos, name);
  }

  /**
   * A child reader bounded to the next `n` bytes; this reader moves past them at once.
   * The child cannot read beyond its field (a read past it fails with `truncated`) and
   * reports absolute offsets like its parent.
   */
  sub(n: number, name?: string): Reader {
    const p = this.#pos;
    this.#check(n);
    this.#pos = p + n;
    if (name !== undefined && this.#onField !== undefined) this.#onField(name, this.#base + p, n);
    return new (Reader as unknown as ChildConstructor)(this.#bytes, this, p, p + n);
  }

  /** Move past `n` bytes (padding, reserved fields). */
  skip(n: number, name?: string): void {
    const p = this.#pos;
    this.#check(n);
    this.#pos = p + n;
    if (name !== undefined && this.#onField !== undefined) this.#onField(name, this.#base + p, n);
  }

  /** The next byte, without moving. */
  peekU8(): number {
    const p = this.#pos;
    if (p >= this.#limit) this.#truncated(1);
    return this.#bytes[p]!;
  }

  /** The next 16-bit big-endian integer, without moving. */
  peekU16(): number {
    const p = this.#pos;
    if (this.#limit - p < 2) this.#truncated(2);
    return this.#view.getUint16(p);
  }

  /** The next 32-bit big-endian integer, without moving. */
  peekU32(): number {
    const p = this.#pos;
    if (this.#limit - p < 4) this.#truncated(4);
    return this.#view.getUint32(p);
  }

  /** The next `n` bytes as an aliasing view, without moving (keep a `raw` copy of a field). */
  peekBytes(n: number): Uint8Array {
    const p = this.#pos;
    this.#check(n);
    return this.#bytes.subarray(p, p + n);
  }

  /**
   * Run `read` and report its bytes to the dissection hook as one field named `name`.
   * Without a hook this is just `read(this)`.
   */
  field<T>(name: string, read: (reader: this) => T): T {
    const hook = this.#onField;
    if (hook === undefined) return read(this);
    const start = this.#pos;
    const value = read(this);
    hook(name, this.#base + start, this.#pos - start);
    return value;
  }

  /** Fail with `trailing-bytes` (at the first unread byte) unless the field is used up. */
  expectEnd(): void {
    const left = this.#limit - this.#pos;
    if (left !== 0) {
      fail('trailing-bytes', this.#base + this.#pos, {
        length: left,
        detail: `${left} unread byte${left === 1 ? '' : 's'}`,
      });
    }
  }

  /** Validate a count and check that `n` bytes are there. */
  #check(n: number): void {
    if (!Number.isInteger(n)) throw new RangeError(`byte count must be an integer, got ${n}`);
    if (n < 0) {
      fail('length-out-of-range', this.#base + this.#pos, { detail: `negative length ${n}` });
    }
    if (n > this.#limit - this.#pos) this.#truncated(n);
  }

  #truncated(n: number): never {
    const left = this.#limit - this.#pos;
    return fail('truncated', this.#base + this.#pos, {
      length: n,
      detail: `need ${n} byte${n === 1 ? '' : 's'}, ${left} left`,
    });
  }
}
