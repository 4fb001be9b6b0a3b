import { arbMutation } from '@routekit/testkit';
import { toHex } from '@routekit/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BgpdumpFormatter,
  decodeMrtRecord,
  encodeMrtRecord,
  encodeMrtRecordInto,
  MAX_RECORD_LENGTH,
  mrtRecordEncodingLength,
  mrtRecords,
  mrtRecordToJson,
} from '../src/mrt/index.js';
import { arbMrtRecord } from '../src/testing.js';

describe('MRT properties', () => {
  it('round trip: encode(decode(encode(r))) = encode(r), header fields kept', () => {
    fc.assert(
      fc.property(arbMrtRecord(), (rec) => {
        const bytes = encodeMrtRecord(rec);
        expect(bytes.length).toBe(mrtRecordEncodingLength(rec));
        const d = decodeMrtRecord(bytes);
        expect(d.ok).toBe(true);
        if (!d.ok) return;
        expect(d.bytesRead).toBe(bytes.length);
        expect(d.value.timestamp).toBe(rec.timestamp);
        expect(d.value.type).toBe(rec.type);
        expect(d.value.subtype).toBe(rec.subtype);
        expect(d.value.microseconds).toBe(rec.microseconds);
        expect(d.value.body.kind).toBe(rec.body.kind);
        expect(toHex(encodeMrtRecord(d.value))).toBe(toHex(bytes));
      }),
    );
  });

  it('decode(encode(r)) = r for records without embedded raw bytes that decode', () => {
    fc.assert(
      fc.property(
        arbMrtRecord().filter(
          (r) => !('message' in r.body) || r.body.message.kind === 'decoded' || r.type === 5,
        ),
        (rec) => {
          const d = decodeMrtRecord(encodeMrtRecord(rec));
          expect(d.ok && d.value).toEqual(rec);
        },
      ),
    );
  });

  it('encodeMrtRecordInto writes at an offset of a larger buffer and touches nothing else', () => {
    fc.assert(
      fc.property(arbMrtRecord(), fc.integer({ min: 0, max: 9 }), (rec, offset) => {
        const n = mrtRecordEncodingLength(rec);
        const target = new Uint8Array(offset + n + 5).fill(0xee);
        expect(encodeMrtRecordInto(target, offset, rec)).toBe(n);
        expect(toHex(target.subarray(offset, offset + n))).toBe(toHex(encodeMrtRecord(rec)));
        expect(target.subarray(0, offset).every((b) => b === 0xee)).toBe(true);
        expect(target.subarray(offset + n).every((b) => b === 0xee)).toBe(true);
      }),
    );
  });

  it('mutated records never throw, never write to the input, errors carry offsets inside it', () => {
    fc.assert(
      fc.property(
        arbMrtRecord().chain((r) => {
          const b = encodeMrtRecord(r);
          return arbMutation(b, {
            lengthFields: [
              { offset: 8, width: 4 },
              { offset: 12, width: 2 },
            ],
            maxSteps: 3,
          });
        }),
        ({ bytes: mutated }) => {
          const copy = mutated.slice();
          const d = decodeMrtRecord(mutated);
          expect(toHex(mutated)).toBe(toHex(copy));
          if (!d.ok) {
            expect(d.error.offset).toBeGreaterThanOrEqual(0);
            expect(d.error.offset).toBeLessThanOrEqual(mutated.length);
          } else {
            expect(d.bytesRead).toBeLessThanOrEqual(mutated.length);
            // whatever decoded also formats and serialises without throwing
            new BgpdumpFormatter().format(d.value);
            JSON.stringify(mrtRecordToJson(d.value));
          }
          for (const item of mrtRecords(mutated, { resync: true })) {
            if (!item.ok) expect(item.error.offset).toBeLessThanOrEqual(mutated.length);
          }
        },
      ),
    );
  });

  it('random bytes never throw and a declared length over the cap is refused before reading', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const d = decodeMrtRecord(bytes);
        if (d.ok) expect(d.bytesRead).toBeLessThanOrEqual(bytes.length);
        for (const _ of mrtRecords(bytes, { resync: true })) {
          // drains without throwing
        }
      }),
    );
    const big = new Uint8Array(12);
    new DataView(big.buffer).setUint32(8, MAX_RECORD_LENGTH + 1);
    const d = decodeMrtRecord(big);
    expect(d.ok === false && d.error.code).toBe('record-too-long');
  });
});
