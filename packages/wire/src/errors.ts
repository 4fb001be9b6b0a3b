/**
 * The error shape every routekit decoder returns, and the one value readers throw.
 *
 * Decoders are total at their public edge (`Decoded<T>`, see `decoded.ts`). Inside, a
 * failed read throws a {@link DecodeFailure}; only {@link decode} catches it. Any other
 * exception is a bug and keeps propagating.
 */

/**
 * The codes `@routekit/wire` itself produces. Codec packages add their own codes
 * (`DecodeError<BgpErrorCode | WireErrorCode>`).
 *
 * | code | meaning | `offset` | `length` |
 * |---|---|---|---|
 * | `truncated` | a read needs more bytes than its field or the input has left | where the read starts | bytes the read needs |
 * | `trailing-bytes` | bytes are left where the structure must end | first unread byte | bytes left over |
 * | `length-out-of-range` | a length from the wire is impossible (e.g. shorter than its own header, so `n` would be negative) | where the read would start | — |
 * | `bad-value` | a field holds a value the format forbids | the field | the field's size |
 * | `limit-exceeded` | a count or nesting depth exceeds a hard cap of the decoder | the field | — |
 */
export type WireErrorCode =
  | 'truncated'
  | 'trailing-bytes'
  | 'length-out-of-range'
  | 'bad-value'
  | 'limit-exceeded';

/** Every {@link WireErrorCode}, for exhaustive tables and tests. */
export const WIRE_ERROR_CODES: readonly WireErrorCode[] = [
  'truncated',
  'trailing-bytes',
  'length-out-of-range',
  'bad-value',
  'limit-exceeded',
];

/**
 * A decode error: plain readonly data, safe to serialise, compare and log.
 *
 * `offset` is absolute: it counts from the start of the top-level input handed to
 * {@link decode} (plus its `baseOffset`), even when the failing read happened in a
 * `sub()` reader, so it points at the offending byte of the original packet.
 */
export interface DecodeError<C extends string = string> {
  readonly code: C;
  /** Absolute offset of the first offending byte (or where the failed read starts). */
  readonly offset: number;
  /** Size in bytes of the offending region, when it has one (see the code's row). */
  readonly length?: number;
  /** Human-readable detail for logs; never parse it. */
  readonly detail?: string;
}

/** Optional parts of a {@link DecodeError} for {@link fail}. */
export interface FailOptions {
  readonly length?: number;
  readonly detail?: string;
}

/**
 * The brand. `Symbol.for` rather than `instanceof`, so failures thrown by a second copy
 * of this package (two versions in one `node_modules` tree) are still recognised.
 */
const BRAND: symbol = Symbol.for('@routekit/wire/DecodeFailure');

/**
 * The one value readers and codecs throw. Carries a {@link DecodeError}; only
 * {@link decode} (and codecs' own public wrappers) catch it.
 *
 * It extends `Error` so that one escaping by mistake (a `Reader` used outside `decode`)
 * still prints a message and a stack. Construction cost is paid once per failed
 * message, never on the success path.
 */
export class DecodeFailure<C extends string = string> extends Error {
  readonly error: DecodeError<C>;

  constructor(error: DecodeError<C>) {
    super(formatDecodeError(error));
    this.name = 'DecodeFailure';
    this.error = error;
    (this as unknown as Record<symbol, boolean>)[BRAND] = true;
  }
}

/** Whether `e` is a {@link DecodeFailure} (from any copy of this package). */
export function isDecodeFailure(e: unknown): e is DecodeFailure {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
}

/** Build a {@link DecodeError}, leaving absent options out (not `undefined`). */
export function decodeError<C extends string>(
  code: C,
  offset: number,
  options?: FailOptions,
): DecodeError<C> {
  if (options === undefined) return { code, offset };
  const { length, detail } = options;
  if (length === undefined)
    return detail === undefined ? { code, offset } : { code, offset, detail };
  return detail === undefined ? { code, offset, length } : { code, offset, length, detail };
}

/**
 * Throw the branded failure. For codecs: `fail('bad-value', start, { length: 1,
 * detail: 'version 3' })`. `offset` should be absolute (take it from `reader.offset`).
 */
export function fail<C extends string>(code: C, offset: number, options?: FailOptions): never {
  throw new DecodeFailure(decodeError(code, offset, options));
}

/** `truncated at 12 (4 bytes): need 4 bytes, 2 left` — for messages and logs. */
export function formatDecodeError(error: DecodeError): string {
  const len = error.length === undefined ? '' : ` (${error.length} bytes)`;
  const detail = error.detail === undefined ? '' : `: ${error.detail}`;
  return `${error.code} at ${error.offset}${len}${detail}`;
}
