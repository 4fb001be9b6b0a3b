import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decode, type Reader, Writer } from '../src/index.js';
import { arbBytes } from '../src/testing.js';

type Field =
  | { readonly kind: 'u8' | 'u16' | 'u24' | 'u32' | 'i32'; readonly value: number }
  | { readonly kind: 'u64'; readonly value: bigint }
  | { readonly kind: 'bytes'; readonly value: Uint8Array };

const SIZE = { u8: 1, u16: 2, u24: 3, u32: 4, i32: 4, u64: 8 } as const;

const arbField: fc.Arbitrary<Field> = fc.oneof(
  fc.record({ kind: fc.constant('u8' as const), value: fc.integer({ min: 0, max: 0xff }) }),
  fc.record({ kind: fc.constant('u16' as const), value: fc.integer({ min: 0, max: 0xffff }) }),
  fc.record({ kind: fc.constant('u24' as const), value: fc.integer({ min: 0, max: 0xffffff }) }),
  fc.record({ kind: fc.constant('u32' as const), value: fc.integer({ min: 0, max: 0xffffffff }) }),
  fc.record({ kind: fc.constant('i32' as const), value: fc.integer() }),
  fc.record({
    kind: fc.constant('u64' as const),
    value: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  }),
  fc.record({ kind: fc.constant('bytes' as const), value: arbBytes({ maxLength: 12 }) }),
);

const sizeOf = (f: Field): number => (f.kind === 'bytes' ? f.value.length : SIZE[f.kind]);

function writeField(w: Writer, f: Field): void {
  switch (f.kind) {
    case 'u64':
      w.u64(f.value);
      break;
    case 'bytes':
      w.bytes(f.value);
      break;
    default:
      w[f.kind](f.value);
  }
}

function readField(r: Reader, f: Field): Field {
  switch (f.kind) {
    case 'u64':
      return { kind: 'u64', value: r.u64() };
    case 'bytes':
      return { kind: 'bytes', value: r.bytes(f.value.length) };
    default:
      return { kind: f.kind, value: r[f.kind]() };
  }
}

describe('Writer → Reader round trip', () => {
  test('any field list reads back equal, using exactly the computed length', () => {
    fc.assert(
      fc.property(fc.array(arbField, { maxLength: 20 }), (fields) => {
        const length = fields.reduce((n, f) => n + sizeOf(f), 0);
        const w = new Writer(length);
        for (const f of fields) writeField(w, f);
        const bytes = w.finish();
        expect(bytes.length).toBe(length);
        const back = decode(bytes, (r) => fields.map((f) => readField(r, f)), { exact: true });
        expect(back).toEqual({ ok: true, value: fields, bytesRead: length });
      }),
    );
  });

  test('into() a larger buffer writes the same bytes and touches nothing else', () => {
    fc.assert(
      fc.property(
        fc.array(arbField, { maxLength: 10 }),
        arbBytes({ maxLength: 8 }),
        arbBytes({ maxLength: 8 }),
        (fields, before, after) => {
          const length = fields.reduce((n, f) => n + sizeOf(f), 0);
          const fresh = new Writer(length);
          for (const f of fields) writeField(fresh, f);
          const target = new Uint8Array(before.length + length + after.length);
          target.set(before, 0);
          target.set(after, before.length + length);
          const w = Writer.into(target, before.length, length);
          for (const f of fields) writeField(w, f);
          expect(w.finish()).toEqual(fresh.finish());
          expect(target.subarray(0, before.length)).toEqual(before);
          expect(target.subarray(before.length + length)).toEqual(after);
        },
      ),
    );
  });

  test('one byte too few or too many is a RangeError, never a silent short buffer', () => {
    fc.assert(
      fc.property(
        fc.array(arbField, { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        (fields, short) => {
          const length = fields.reduce((n, f) => n + sizeOf(f), 0);
          fc.pre(length > 0);
          const w = new Writer(short ? length + 1 : length - 1);
          const write = (): Uint8Array => {
            for (const f of fields) writeField(w, f);
            return w.finish();
          };
          expect(write).toThrow(RangeError);
        },
      ),
    );
  });
});

// A TLV tree: type (1), length (2, back-patched, covering the value), value = leaf bytes
// or nested TLVs. The expected length is computed independently of the writer.
type Tlv = { readonly type: number; readonly value: Uint8Array | readonly Tlv[] };

const { tlv: arbTlv } = fc.letrec<{ tlv: Tlv; children: readonly Tlv[] }>((tie) => ({
  tlv: fc.record({
    type: fc.integer({ min: 0, max: 255 }),
    value: fc.oneof({ depthSize: 'small' }, arbBytes({ maxLength: 10 }), tie('children')),
  }),
  children: fc.array(tie('tlv'), { maxLength: 4 }),
}));

const tlvLength = (t: Tlv): number =>
  3 +
  (t.value instanceof Uint8Array ? t.value.length : t.value.reduce((n, c) => n + tlvLength(c), 0));

function writeTlv(w: Writer, t: Tlv): void {
  w.u8(t.type);
  const at = w.reserve(2);
  const start = w.mark();
  if (t.value instanceof Uint8Array) w.bytes(t.value);
  else for (const c of t.value) writeTlv(w, c);
  w.patchU16(at, w.offset - start);
}

function readTlv(r: Reader, shape: Tlv): Tlv {
  const type = r.u8();
  const body = r.sub(r.u16());
  if (shape.value instanceof Uint8Array) {
    const value = body.rest();
    return { type, value };
  }
  const value = shape.value.map((c) => readTlv(body, c));
  body.expectEnd();
  return { type, value };
}

describe('back-patched lengths', () => {
  test('every patched length covers exactly its value, at any nesting depth', () => {
    fc.assert(
      fc.property(arbTlv, (t) => {
        const length = tlvLength(t);
        const w = new Writer(length);
        writeTlv(w, t);
        const bytes = w.finish();
        expect(decode(bytes, (r) => readTlv(r, t), { exact: true })).toEqual({
          ok: true,
          value: t,
          bytesRead: length,
        });
      }),
    );
  });
});
