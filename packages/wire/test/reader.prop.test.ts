// Random sequences of reader operations on random bytes, against a model that reads
// with plain array indexing. fast-check's seed comes from FC_SEED (testkit setup).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decode, type Reader } from '../src/index.js';
import { arbBytesView } from '../src/testing.js';

type FixedKind =
  | 'u8'
  | 'u16'
  | 'u24'
  | 'u32'
  | 'i32'
  | 'u64'
  | 'peekU8'
  | 'peekU16'
  | 'peekU32'
  | 'rest'
  | 'expectEnd';
type Op =
  | { readonly kind: FixedKind }
  | { readonly kind: 'bytes' | 'skip' | 'peekBytes'; readonly n: number }
  | { readonly kind: 'sub'; readonly n: number; readonly ops: readonly Op[] };

const fixedKinds: readonly FixedKind[] = [
  'u8',
  'u16',
  'u24',
  'u32',
  'i32',
  'u64',
  'peekU8',
  'peekU16',
  'peekU32',
  'rest',
  'expectEnd',
];

/** Counts, biased to small values and including negative ones (impossible wire lengths). */
const count = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 24 }) },
  { weight: 1, arbitrary: fc.integer({ min: 25, max: 80 }) },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: -1 }) },
);

const { ops: arbOps } = fc.letrec<{ op: Op; ops: readonly Op[] }>((tie) => ({
  op: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    {
      weight: 6,
      arbitrary: fc
        .constantFrom(...fixedKinds.filter((k) => k !== 'rest' && k !== 'expectEnd'))
        .map((kind): Op => ({ kind })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('rest' as const, 'expectEnd' as const)
        .map((kind): Op => ({ kind })),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constantFrom('bytes' as const, 'skip' as const, 'peekBytes' as const),
        n: count,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('sub' as const), n: count, ops: tie('ops') }),
    },
  ),
  ops: fc.array(tie('op'), { maxLength: 10 }),
}));

// Lengths spread evenly over 0..96 (fast-check's default size keeps arrays short).
const arbInput = fc
  .integer({ min: 0, max: 96 })
  .chain((n) => arbBytesView({ minLength: n, maxLength: n }));

/** What the model expects: the trace of results, then success or the exact error. */
interface Outcome {
  readonly trace: unknown[];
  readonly result:
    | { readonly ok: true; readonly bytesRead: number }
    | { readonly ok: false; readonly error: { code: string; offset: number; length?: number } };
}

class ModelFailure {
  constructor(readonly error: { code: string; offset: number; length?: number }) {}
}

function model(bytes: Uint8Array, base: number, ops: readonly Op[]): Outcome {
  const a = Array.from(bytes); // plain indexing, no typed-array or DataView logic
  const trace: unknown[] = [];
  const run = (state: { pos: number; limit: number }, list: readonly Op[]): void => {
    const need = (n: number): number => {
      if (n < 0) throw new ModelFailure({ code: 'length-out-of-range', offset: base + state.pos });
      if (state.limit - state.pos < n) {
        throw new ModelFailure({ code: 'truncated', offset: base + state.pos, length: n });
      }
      return state.pos;
    };
    const be = (p: number, n: number): number => {
      let v = 0;
      for (let i = 0; i < n; i++) v = v * 256 + a[p + i]!;
      return v;
    };
    for (const op of list) {
      switch (op.kind) {
        case 'u8':
        case 'u16':
        case 'u24':
        case 'u32':
        case 'i32': {
          const n = { u8: 1, u16: 2, u24: 3, u32: 4, i32: 4 }[op.kind];
          const p = need(n);
          const v = be(p, n);
          trace.push(op.kind === 'i32' && v >= 2 ** 31 ? v - 2 ** 32 : v);
          state.pos += n;
          break;
        }
        case 'u64': {
          const p = need(8);
          let v = 0n;
          for (let i = 0; i < 8; i++) v = v * 256n + BigInt(a[p + i]!);
          trace.push(v);
          state.pos += 8;
          break;
        }
        case 'peekU8':
        case 'peekU16':
        case 'peekU32': {
          const n = { peekU8: 1, peekU16: 2, peekU32: 4 }[op.kind];
          trace.push(be(need(n), n));
          break;
        }
        case 'bytes':
        case 'peekBytes':
        case 'rest': {
          const n = 'n' in op ? op.n : state.limit - state.pos;
          const p = need(n);
          trace.push(a.slice(p, p + n));
          if (op.kind !== 'peekBytes') state.pos += n;
          break;
        }
        case 'skip':
          need(op.n);
          state.pos += op.n;
          trace.push('skip');
          break;
        case 'expectEnd': {
          const left = state.limit - state.pos;
          if (left !== 0) {
            throw new ModelFailure({
              code: 'trailing-bytes',
              offset: base + state.pos,
              length: left,
            });
          }
          trace.push('end');
          break;
        }
        case 'sub': {
          const p = need(op.n);
          state.pos += op.n;
          trace.push(['sub', base + p, base + p + op.n]);
          run({ pos: p, limit: p + op.n }, op.ops);
          break;
        }
      }
    }
  };
  const top = { pos: 0, limit: a.length };
  try {
    run(top, ops);
    return { trace, result: { ok: true, bytesRead: top.pos } };
  } catch (e) {
    if (e instanceof ModelFailure) return { trace, result: { ok: false, error: e.error } };
    throw e;
  }
}

/** Run `ops` on the real Reader, recording the same trace. */
function interpret(
  input: Uint8Array,
  base: number,
  r: Reader,
  ops: readonly Op[],
  trace: unknown[],
): void {
  for (const op of ops) {
    switch (op.kind) {
      case 'bytes':
      case 'peekBytes':
      case 'rest': {
        const at = r.offset;
        const v = !('n' in op) ? r.rest() : op.kind === 'bytes' ? r.bytes(op.n) : r.peekBytes(op.n);
        // a view of the input at the right place, not a copy
        expect(v.buffer).toBe(input.buffer);
        if (v.length > 0) expect(v.byteOffset - input.byteOffset).toBe(at - base);
        trace.push(Array.from(v));
        break;
      }
      case 'skip':
        r.skip(op.n);
        trace.push('skip');
        break;
      case 'expectEnd':
        r.expectEnd();
        trace.push('end');
        break;
      case 'sub': {
        const child = r.sub(op.n);
        trace.push(['sub', child.offset, child.end]);
        interpret(input, base, child, op.ops, trace);
        break;
      }
      default:
        trace.push(r[op.kind]());
    }
  }
}

describe('Reader against a plain-indexing model', () => {
  test('any op sequence: same values, same bytes read, or exactly the same error', () => {
    fc.assert(
      fc.property(arbInput, arbOps, (bytes, ops) => {
        const before = bytes.slice();
        const expected = model(bytes, 0, ops);
        const trace: unknown[] = [];
        // decode() must not throw for any op sequence: only branded failures happen
        const result = decode(bytes, (r) => interpret(bytes, 0, r, ops, trace));
        expect(trace).toEqual(expected.trace);
        if (expected.result.ok) {
          expect(result).toEqual({
            ok: true,
            value: undefined,
            bytesRead: expected.result.bytesRead,
          });
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) {
            const { code, offset, length } = result.error;
            expect(length === undefined ? { code, offset } : { code, offset, length }).toEqual(
              expected.result.error,
            );
          }
        }
        expect(bytes).toEqual(before); // never writes to its input
      }),
    );
  });

  test('with a baseOffset every offset shifts and nothing else changes', () => {
    fc.assert(
      fc.property(arbInput, arbOps, fc.integer({ min: 1, max: 1_000_000 }), (bytes, ops, base) => {
        const expected = model(bytes, base, ops);
        const trace: unknown[] = [];
        const result = decode(bytes, (r) => interpret(bytes, base, r, ops, trace), {
          baseOffset: base,
        });
        expect(trace).toEqual(expected.trace);
        expect(result.ok).toBe(expected.result.ok);
        if (!result.ok && !expected.result.ok) {
          expect(result.error.offset).toBe(expected.result.error.offset);
        }
      }),
    );
  });
});

describe('sub() field boundaries', () => {
  test('a child reads exactly its n bytes and then fails at its end, whatever follows', () => {
    fc.assert(
      fc.property(
        arbBytesView({ minLength: 1, maxLength: 32 }).chain((b) =>
          fc.tuple(
            fc.constant(b),
            fc.integer({ min: 0, max: b.length }),
            fc.integer({ min: 0, max: b.length }),
          ),
        ),
        fc.constantFrom('u8', 'u16', 'u32', 'u64', 'rest') as fc.Arbitrary<
          'u8' | 'u16' | 'u32' | 'u64' | 'rest'
        >,
        ([bytes, start, len], read) => {
          fc.pre(start + len <= bytes.length);
          const seen: number[] = [];
          const result = decode(bytes, (r) => {
            r.skip(start);
            const child = r.sub(len);
            for (;;) {
              if (read === 'rest') {
                seen.push(...child.rest());
                child.u8();
              }
              const before = child.offset;
              if (read === 'u64') child.u64();
              else child[read]();
              for (let i = before; i < child.offset; i++) seen.push(bytes[i]!);
            }
          });
          expect(seen).toEqual(
            Array.from(bytes.subarray(start, start + len)).slice(0, seen.length),
          );
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.error.code).toBe('truncated');
            expect(result.error.offset).toBe(start + seen.length);
            expect(result.error.offset).toBeLessThanOrEqual(start + len);
          }
        },
      ),
    );
  });
});
