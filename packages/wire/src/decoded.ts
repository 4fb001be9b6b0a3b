import { type DecodeError, DecodeFailure, isDecodeFailure, type WireErrorCode } from './errors.js';
import { type FieldHook, Reader } from './reader.js';

/**
 * The result of a total decoder: a value and how many bytes it used, or an error.
 * Never both, and a decoder returning it never throws for any input.
 */
export type Decoded<T, C extends string = WireErrorCode> =
  | { readonly ok: true; readonly value: T; readonly bytesRead: number }
  | { readonly ok: false; readonly error: DecodeError<C> };

/** Options of {@link decode}. */
export interface DecodeOptions {
  /** Absolute offset of `bytes[0]`, for error offsets into a larger frame (default 0). */
  readonly baseOffset?: number;
  /** Dissection hook handed to the reader (see `Reader.field`). */
  readonly onField?: FieldHook;
  /**
   * Require `read` to use every byte; leftovers fail with `trailing-bytes`. Default
   * `false`: `bytesRead` says how far it got (for framing a stream).
   */
  readonly exact?: boolean;
}

/**
 * Run `read` over a fresh {@link Reader} on `bytes` and make the result total: the
 * branded failure thrown by a reader or by `fail()` becomes `{ ok: false, error }`.
 * Any other exception is a bug and propagates unchanged; it is never turned into a
 * decode error.
 *
 * `C` names the extra codes the codec's `read` can `fail()` with.
 */
export function decode<T, C extends string = never>(
  bytes: Uint8Array,
  read: (reader: Reader) => T,
  options?: DecodeOptions,
): Decoded<T, C | WireErrorCode> {
  const reader = new Reader(bytes, options);
  const start = reader.offset;
  try {
    const value = read(reader);
    if (options?.exact === true) reader.expectEnd();
    return { ok: true, value, bytesRead: reader.offset - start };
  } catch (e) {
    if (isDecodeFailure(e)) return { ok: false, error: e.error as DecodeError<C | WireErrorCode> };
    throw e;
  }
}

/**
 * The value of a successful result; throws the {@link DecodeFailure} for an error.
 * For scripts and tests (the `...OrThrow` style), not for code that handles input.
 */
export function unwrap<T, C extends string>(result: Decoded<T, C>): T {
  if (result.ok) return result.value;
  throw new DecodeFailure(result.error);
}
