/**
 * fast-check helpers for codecs built on `@routekit/wire` (`@routekit/wire/testing`).
 * Needs the optional peer dependency `fast-check` (v4). Generic byte mutators live in
 * routekit's private testkit; these are the pieces a published codec's own tests and
 * its users need.
 */
import { type Arbitrary, type IPropertyWithHooks, property, tuple, uint8Array } from 'fast-check';
import type { Decoded } from './decoded.js';

/** Length bounds for {@link arbBytes} and {@link arbBytesView}. */
export interface BytesConstraints {
  readonly minLength?: number;
  readonly maxLength?: number;
}

/** Any bytes, as a fresh `Uint8Array` (default length 0..64). */
export function arbBytes(constraints: BytesConstraints = {}): Arbitrary<Uint8Array> {
  const { minLength = 0, maxLength = 64 } = constraints;
  return uint8Array({ minLength, maxLength });
}

/**
 * Any bytes, as a view into the middle of a larger buffer (non-zero `byteOffset`,
 * junk before and after). A decoder that builds its `DataView` over `bytes.buffer` and
 * not over the exact window, or reads past `bytes.length`, fails on these — as it would
 * on a Node `Buffer` from the shared pool.
 */
export function arbBytesView(constraints: BytesConstraints = {}): Arbitrary<Uint8Array> {
  return tuple(arbBytes({ minLength: 1, maxLength: 8 }), arbBytes(constraints), arbBytes()).map(
    ([before, bytes, after]) => {
      const all = new Uint8Array(before.length + bytes.length + after.length);
      all.set(before, 0);
      all.set(bytes, before.length);
      all.set(after, before.length + bytes.length);
      return all.subarray(before.length, before.length + bytes.length);
    },
  );
}

/** A decoder under test: any function from bytes to a {@link Decoded}. */
export type TotalDecoder = (bytes: Uint8Array) => Decoded<unknown, string>;

function violation(bytes: Uint8Array, what: string): Error {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return new Error(`${what} (input ${hex || '<empty>'})`);
}

/**
 * Decode `bytes` once and check the contract of a total decoder, throwing an `Error`
 * that names the broken rule: it returns (an exception propagates as is), the result is
 * well formed (`bytesRead` an integer in 0..length, or an error with a non-empty
 * `code`, an integer `offset` in 0..length and a non-negative integer `length` if
 * any), and the input is unchanged. Returns the result for further checks.
 */
export function checkTotalDecode<R extends Decoded<unknown, string>>(
  decode: (bytes: Uint8Array) => R,
  bytes: Uint8Array,
): R {
  const before = bytes.slice();
  const result = decode(bytes);
  const isIndex = (n: unknown): boolean =>
    typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= bytes.length;
  if (typeof result !== 'object' || result === null) {
    throw violation(bytes, 'decoder returned no result object');
  }
  if (result.ok === true) {
    if (!isIndex(result.bytesRead)) {
      throw violation(bytes, `bytesRead ${String(result.bytesRead)} is not in 0..${bytes.length}`);
    }
  } else if (result.ok === false) {
    const e = result.error;
    if (typeof e?.code !== 'string' || e.code === '') {
      throw violation(bytes, 'error without a code');
    }
    if (!isIndex(e.offset)) {
      throw violation(bytes, `error offset ${String(e.offset)} is not in 0..${bytes.length}`);
    }
    if (e.length !== undefined && !(Number.isInteger(e.length) && e.length >= 0)) {
      throw violation(bytes, `error length ${String(e.length)} is not a non-negative integer`);
    }
  } else {
    throw violation(bytes, 'result.ok is neither true nor false');
  }
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== before[i]) throw violation(before, `decoder modified its input at ${i}`);
  }
  return result;
}

/**
 * A property for `fc.assert`: {@link checkTotalDecode} holds for every input of
 * `inputs` (default: {@link arbBytesView} of 0..256 bytes). Feed it mutations of valid
 * messages (testkit's mutators) too: random bytes rarely get past a header.
 */
export function totalDecoderProperty(
  decode: TotalDecoder,
  inputs: Arbitrary<Uint8Array> = arbBytesView({ maxLength: 256 }),
): IPropertyWithHooks<[Uint8Array]> {
  return property(inputs, (bytes) => {
    checkTotalDecode(decode, bytes);
  });
}
