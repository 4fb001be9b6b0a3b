import { arbMutation } from '@routekit/testkit';
import { toHex, WIRE_ERROR_CODES } from '@routekit/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BGP_ERROR_CODES,
  decodeMessage,
  encodeMessage,
  encodeMessageInto,
  messageEncodingLength,
  peekMessageLength,
} from '../src/index.js';
import { arbContextAndMessage } from '../src/testing.js';

const CODES: readonly string[] = [...BGP_ERROR_CODES, ...WIRE_ERROR_CODES];

describe('bgp-codec properties', () => {
  it('round trip: decode(encode(m)) = m in any context, with no issues', () => {
    fc.assert(
      fc.property(arbContextAndMessage(), ({ context, message }) => {
        const bytes = encodeMessage(message, context);
        const d = decodeMessage(bytes, context);
        expect(d.ok).toBe(true);
        if (!d.ok) return;
        expect(d.bytesRead).toBe(bytes.length);
        expect(d.value).toEqual(message);
        expect(toHex(encodeMessage(d.value, context))).toBe(toHex(bytes));
      }),
    );
  });

  it('encodingLength contract: length matches, encodeInto writes only its window', () => {
    fc.assert(
      fc.property(arbContextAndMessage(), fc.nat(16), ({ context, message }, pad) => {
        const n = messageEncodingLength(message, context);
        const bytes = encodeMessage(message, context);
        expect(bytes.length).toBe(n);
        const target = new Uint8Array(n + 2 * pad).fill(0xa5);
        expect(encodeMessageInto(message, target, pad, context)).toBe(n);
        expect(toHex(target.subarray(pad, pad + n))).toBe(toHex(bytes));
        expect(target.subarray(0, pad).every((b) => b === 0xa5)).toBe(true);
        expect(target.subarray(pad + n).every((b) => b === 0xa5)).toBe(true);
        const peek = peekMessageLength(bytes, context);
        expect(peek.ok && peek.value).toBe(n);
      }),
    );
  });

  it('mutations never throw, never mutate the input, and fail with typed codes', () => {
    fc.assert(
      fc.property(
        arbContextAndMessage().chain(({ context, message }) => {
          const bytes = encodeMessage(message, context);
          return arbMutation(bytes, {
            lengthFields: [
              { offset: 16, width: 2 },
              { offset: 19, width: 2 },
              { offset: 28, width: 1 },
            ],
            maxSteps: 3,
          }).map((mutation) => ({ context, mutation }));
        }),
        ({ context, mutation }) => {
          const input = mutation.bytes;
          const copy = input.slice();
          const d = decodeMessage(input, context);
          expect(toHex(input)).toBe(toHex(copy));
          if (!d.ok) {
            expect(CODES).toContain(d.error.code);
            expect(d.error.offset).toBeGreaterThanOrEqual(0);
            expect(d.error.offset).toBeLessThanOrEqual(input.length);
          } else {
            // whatever decodes re-encodes to a message that decodes to the same value
            // (not always the same bytes: NLRI host bits are masked, RFC 4271 §4.3)
            const again = decodeMessage(encodeMessage(d.value, context), context);
            expect(again.ok && again.value).toEqual(d.value);
          }
        },
      ),
    );
  });

  it('random bytes after a valid header never throw', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.integer({ min: 1, max: 5 }),
        (body, type) => {
          const msg = new Uint8Array(19 + body.length).fill(0xff, 0, 16);
          msg[16] = msg.length >> 8;
          msg[17] = msg.length & 0xff;
          msg[18] = type;
          msg.set(body, 19);
          const d = decodeMessage(msg);
          if (!d.ok) expect(CODES).toContain(d.error.code);
        },
      ),
    );
  });
});
