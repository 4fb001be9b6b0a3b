import fc from 'fast-check';

/**
 * Byte mutators for "decoding any mutation of valid bytes returns a value or a typed
 * error" properties. Every mutator copies: the input array is never written to.
 *
 * The plain functions (`flipBit`, `truncateTo`, `writeUint`, `replaceRange`) are the
 * deterministic building blocks; the arbitraries (`bitFlip`, `truncate`,
 * `setLengthField`, `randomTail`, `splice`, `insertBytes`, `deleteBytes`,
 * `arbMutation`) draw their parameters with fast-check, edge values first.
 */

export type MutationKind =
  | 'bit-flip'
  | 'truncate'
  | 'length-field'
  | 'random-tail'
  | 'splice'
  | 'insert'
  | 'delete'
  | 'chain';

/** A mutated copy of some bytes and a human-readable account of what was done. */
export interface Mutation {
  readonly kind: MutationKind;
  readonly bytes: Uint8Array;
  readonly description: string;
}

/** Where a length (or count) field sits in a message, for `setLengthField`/`arbMutation`. */
export interface LengthField {
  readonly offset: number;
  /** Width in bytes, 1 to 6. */
  readonly width: number;
  /** Byte order; network order (big-endian) unless set. */
  readonly littleEndian?: boolean;
}

// ------------------------------------------------------------------ plain functions

/** A copy of `bytes` with bit `bit` (0 = most significant bit of byte 0) inverted. */
export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const byte = bit >> 3;
  if (!Number.isInteger(bit) || bit < 0 || byte >= bytes.length) {
    throw new RangeError(`bit ${bit} is outside ${bytes.length} bytes`);
  }
  const out = bytes.slice();
  out[byte] = out[byte]! ^ (0x80 >> (bit & 7));
  return out;
}

/** A copy of the first `length` bytes. */
export function truncateTo(bytes: Uint8Array, length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > bytes.length) {
    throw new RangeError(`cannot truncate ${bytes.length} bytes to ${length}`);
  }
  return bytes.slice(0, length);
}

function checkField(bytes: Uint8Array, offset: number, width: number): void {
  if (!Number.isInteger(width) || width < 1 || width > 6) {
    throw new RangeError(`length field width must be 1..6 bytes, got ${width}`);
  }
  if (!Number.isInteger(offset) || offset < 0 || offset + width > bytes.length) {
    throw new RangeError(`field ${offset}+${width} is outside ${bytes.length} bytes`);
  }
}

/** The unsigned integer stored at `offset` (`width` bytes, big-endian unless told). */
export function readUint(
  bytes: Uint8Array,
  offset: number,
  width: number,
  littleEndian = false,
): number {
  checkField(bytes, offset, width);
  let v = 0;
  for (let i = 0; i < width; i++) {
    const b = bytes[littleEndian ? offset + width - 1 - i : offset + i]!;
    v = v * 256 + b;
  }
  return v;
}

/** A copy of `bytes` with `value` written at `offset` as a `width`-byte unsigned integer. */
export function writeUint(
  bytes: Uint8Array,
  offset: number,
  width: number,
  value: number,
  littleEndian = false,
): Uint8Array {
  checkField(bytes, offset, width);
  const max = 2 ** (8 * width) - 1;
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${value} does not fit in ${width} bytes`);
  }
  const out = bytes.slice();
  let v = value;
  for (let i = width - 1; i >= 0; i--) {
    out[littleEndian ? offset + width - 1 - i : offset + i] = v % 256;
    v = Math.floor(v / 256);
  }
  return out;
}

/** A copy with `deleteCount` bytes at `start` replaced by `insert` (like `Array#splice`). */
export function replaceRange(
  bytes: Uint8Array,
  start: number,
  deleteCount: number,
  insert: Uint8Array = new Uint8Array(0),
): Uint8Array {
  if (!Number.isInteger(start) || start < 0 || start > bytes.length) {
    throw new RangeError(`start ${start} is outside ${bytes.length} bytes`);
  }
  if (!Number.isInteger(deleteCount) || deleteCount < 0 || start + deleteCount > bytes.length) {
    throw new RangeError(`cannot delete ${deleteCount} bytes at ${start} of ${bytes.length}`);
  }
  const out = new Uint8Array(bytes.length - deleteCount + insert.length);
  out.set(bytes.subarray(0, start), 0);
  out.set(insert, start);
  out.set(bytes.subarray(start + deleteCount), start + insert.length);
  return out;
}

/**
 * Edge values for a `width`-byte length field currently holding `actual` in a buffer of
 * `bufferLength` bytes, the field at `offset`: 0, 1, 2, actual±1, the buffer length ±1,
 * the bytes left after the field's start (and after the field), half range ±1, max-1
 * and max. Sorted, deduplicated, `actual` itself left out.
 */
export function lengthEdgeValues(
  actual: number,
  width: number,
  bufferLength: number,
  offset = 0,
): number[] {
  const max = 2 ** (8 * width) - 1;
  const half = 2 ** (8 * width - 1);
  const left = bufferLength - offset;
  const candidates = [
    0,
    1,
    2,
    actual - 1,
    actual + 1,
    bufferLength - 1,
    bufferLength,
    bufferLength + 1,
    left,
    left - width,
    left + 1,
    half - 1,
    half,
    max - 1,
    max,
  ];
  return [...new Set(candidates)]
    .filter((v) => v >= 0 && v <= max && v !== actual)
    .sort((a, b) => a - b);
}

// ------------------------------------------------------------------ integers

/**
 * Edge values of a `bits`-bit unsigned integer (1 ≤ bits ≤ 53): 0, 1, 2, every power of
 * two and its neighbours, max-1 and max.
 */
export function edgeValues(bits: number): number[] {
  if (!Number.isInteger(bits) || bits < 1 || bits > 53) {
    throw new RangeError(`edge values need 1..53 bits, got ${bits}`);
  }
  const max = 2 ** bits - 1;
  const set = new Set<number>([0, 1, 2, max - 1, max]);
  for (let k = 1; k < bits; k++) {
    const p = 2 ** k;
    set
      .add(p - 1)
      .add(p)
      .add(p + 1);
  }
  return [...set].filter((v) => v >= 0 && v <= max).sort((a, b) => a - b);
}

/**
 * An unsigned `bits`-bit integer arbitrary biased to edge values: 1 draw in 4 is 0, 1,
 * max-1 or max; 2 in 4 come from `edgeValues(bits)`; the rest are uniform.
 */
export function edgeInt(bits: number): fc.Arbitrary<number> {
  const edges = edgeValues(bits);
  const max = 2 ** bits - 1;
  return fc.oneof(
    {
      arbitrary: fc.constantFrom(...new Set([0, 1, max - 1, max].filter((v) => v >= 0))),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(...edges), weight: 2 },
    { arbitrary: fc.integer({ min: 0, max }), weight: 1 },
  );
}

/** As `edgeInt`, for widths up to 64 bits and beyond, as bigints. */
export function edgeBigInt(bits: number): fc.Arbitrary<bigint> {
  if (!Number.isInteger(bits) || bits < 1 || bits > 256) {
    throw new RangeError(`edgeBigInt needs 1..256 bits, got ${bits}`);
  }
  const max = (1n << BigInt(bits)) - 1n;
  const set = new Set<bigint>([0n, 1n, 2n, max - 1n, max]);
  for (let k = 1n; k < BigInt(bits); k++) {
    const p = 1n << k;
    set
      .add(p - 1n)
      .add(p)
      .add(p + 1n);
  }
  const edges = [...set].filter((v) => v >= 0n && v <= max);
  const extremes = [...new Set([0n, 1n, max - 1n, max])].filter((v) => v >= 0n);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...extremes), weight: 1 },
    { arbitrary: fc.constantFrom(...edges), weight: 2 },
    { arbitrary: fc.bigInt({ min: 0n, max }), weight: 1 },
  );
}

// ------------------------------------------------------------------ arbitraries

function hex(bytes: Uint8Array, limit = 8): string {
  const shown = [...bytes.subarray(0, limit)].map((b) => b.toString(16).padStart(2, '0'));
  return bytes.length > limit ? `${shown.join('')}…` : shown.join('');
}

/** One bit of `bytes` flipped. Needs at least one byte. */
export function bitFlip(bytes: Uint8Array): fc.Arbitrary<Mutation> {
  if (bytes.length === 0) throw new RangeError('bitFlip needs at least one byte');
  return fc.nat({ max: bytes.length * 8 - 1 }).map((bit) => ({
    kind: 'bit-flip' as const,
    bytes: flipBit(bytes, bit),
    description: `flip bit ${bit & 7} (from the top) of byte ${bit >> 3}`,
  }));
}

/** `bytes` cut short: to 0, 1, one byte less, or any shorter length. */
export function truncate(bytes: Uint8Array): fc.Arbitrary<Mutation> {
  if (bytes.length === 0) throw new RangeError('truncate needs at least one byte');
  const n = bytes.length;
  const edges = [...new Set([0, 1, n - 1, n >> 1].filter((v) => v >= 0 && v < n))];
  return fc
    .oneof(
      { arbitrary: fc.constantFrom(...edges), weight: 1 },
      { arbitrary: fc.nat({ max: n - 1 }), weight: 2 },
    )
    .map((len) => ({
      kind: 'truncate' as const,
      bytes: truncateTo(bytes, len),
      description: `truncate ${n} bytes to ${len}`,
    }));
}

/**
 * The length field at `offset` (`width` bytes) overwritten with an edge value (see
 * `lengthEdgeValues`), or now and then any other value of that width.
 */
export function setLengthField(
  bytes: Uint8Array,
  offset: number,
  width: number,
  littleEndian = false,
): fc.Arbitrary<Mutation> {
  const actual = readUint(bytes, offset, width, littleEndian);
  const edges = lengthEdgeValues(actual, width, bytes.length, offset);
  const max = 2 ** (8 * width) - 1;
  const order = littleEndian ? 'LE' : 'BE';
  return fc
    .oneof(
      { arbitrary: fc.constantFrom(...edges), weight: 4 },
      { arbitrary: fc.integer({ min: 0, max }), weight: 1 },
    )
    .filter((v) => v !== actual)
    .map((v) => ({
      kind: 'length-field' as const,
      bytes: writeUint(bytes, offset, width, v, littleEndian),
      description: `length field @${offset} (${width} bytes ${order}) ${actual} → ${v}`,
    }));
}

/** `bytes` followed by 1 to `maxLength` random bytes (trailing garbage). */
export function randomTail(bytes: Uint8Array, maxLength = 64): fc.Arbitrary<Mutation> {
  return fc.uint8Array({ minLength: 1, maxLength }).map((tail) => ({
    kind: 'random-tail' as const,
    bytes: replaceRange(bytes, bytes.length, 0, tail),
    description: `append ${tail.length} bytes ${hex(tail)}`,
  }));
}

/**
 * A run of bytes overwritten in place (same length) with random bytes; when the draw
 * equals what was there, its first byte is inverted, so the result always differs.
 */
export function splice(bytes: Uint8Array, maxLength = 16): fc.Arbitrary<Mutation> {
  if (bytes.length === 0) throw new RangeError('splice needs at least one byte');
  return fc
    .nat({ max: bytes.length - 1 })
    .chain((start) =>
      fc
        .uint8Array({ minLength: 1, maxLength: Math.min(maxLength, bytes.length - start) })
        .map((fill) => ({ start, fill })),
    )
    .map(({ start, fill }) => {
      const same = fill.every((b, i) => b === bytes[start + i]);
      const used = same ? replaceRange(fill, 0, 1, Uint8Array.of(fill[0]! ^ 0xff)) : fill;
      return {
        kind: 'splice' as const,
        bytes: replaceRange(bytes, start, used.length, used),
        description: `overwrite ${used.length} bytes at ${start} with ${hex(used)}`,
      };
    });
}

/** 1 to `maxLength` random bytes inserted at any position (the end included). */
export function insertBytes(bytes: Uint8Array, maxLength = 16): fc.Arbitrary<Mutation> {
  return fc
    .record({
      at: fc.nat({ max: bytes.length }),
      fill: fc.uint8Array({ minLength: 1, maxLength }),
    })
    .map(({ at, fill }) => ({
      kind: 'insert' as const,
      bytes: replaceRange(bytes, at, 0, fill),
      description: `insert ${fill.length} bytes ${hex(fill)} at ${at}`,
    }));
}

/** 1 to `maxLength` bytes removed from any position. */
export function deleteBytes(bytes: Uint8Array, maxLength = 16): fc.Arbitrary<Mutation> {
  if (bytes.length === 0) throw new RangeError('deleteBytes needs at least one byte');
  return fc
    .nat({ max: bytes.length - 1 })
    .chain((at) =>
      fc.integer({ min: 1, max: Math.min(maxLength, bytes.length - at) }).map((n) => ({ at, n })),
    )
    .map(({ at, n }) => ({
      kind: 'delete' as const,
      bytes: replaceRange(bytes, at, n),
      description: `delete ${n} bytes at ${at}`,
    }));
}

export interface MutationOptions {
  /** Known length/count fields of the message; each gets edge-value rewrites. */
  readonly lengthFields?: readonly LengthField[];
  /** Apply up to this many mutations in a row (default 1). */
  readonly maxSteps?: number;
  /** Longest random tail, insert or splice (default 16). */
  readonly maxChunk?: number;
}

function oneMutation(bytes: Uint8Array, options: MutationOptions): fc.Arbitrary<Mutation> {
  const chunk = options.maxChunk ?? 16;
  const arbs: fc.WeightedArbitrary<Mutation>[] = [
    { arbitrary: randomTail(bytes, chunk), weight: 1 },
    { arbitrary: insertBytes(bytes, chunk), weight: 1 },
  ];
  if (bytes.length > 0) {
    arbs.push(
      { arbitrary: bitFlip(bytes), weight: 3 },
      { arbitrary: truncate(bytes), weight: 2 },
      { arbitrary: splice(bytes, chunk), weight: 1 },
      { arbitrary: deleteBytes(bytes, chunk), weight: 1 },
    );
  }
  for (const f of options.lengthFields ?? []) {
    if (f.offset + f.width <= bytes.length) {
      arbs.push({
        arbitrary: setLengthField(bytes, f.offset, f.width, f.littleEndian ?? false),
        weight: 3,
      });
    }
  }
  return fc.oneof(...arbs);
}

/**
 * Any mutation of `bytes` (a fresh copy; `bytes` is never written): bit flips,
 * truncation, edge values in the given length fields, random tails, overwrites,
 * insertions and deletions — one, or a chain of up to `maxSteps`.
 */
export function arbMutation(
  bytes: Uint8Array,
  options: MutationOptions = {},
): fc.Arbitrary<Mutation> {
  const steps = options.maxSteps ?? 1;
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError('maxSteps must be ≥ 1');
  const first = oneMutation(bytes, options);
  if (steps === 1) return first;
  const next = (m: Mutation, left: number): fc.Arbitrary<Mutation> =>
    left === 0
      ? fc.constant(m)
      : fc.boolean().chain((more) =>
          more
            ? oneMutation(m.bytes, options).chain((n) =>
                next(
                  {
                    kind: 'chain',
                    bytes: n.bytes,
                    description: `${m.description}; ${n.description}`,
                  },
                  left - 1,
                ),
              )
            : fc.constant(m),
        );
  return first.chain((m) => next(m, steps - 1));
}
