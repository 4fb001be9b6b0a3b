import { arbMutation } from '@routekit/testkit';
import { toHex, WIRE_ERROR_CODES } from '@routekit/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BGP_ERROR_CODES, DEFAULT_CONTEXT, decodeMessage } from '../src/index.js';
import { bgpCaptureFiles, bgpMessages, GUESSES } from './helpers.js';

const CODES: readonly string[] = [...BGP_ERROR_CODES, ...WIRE_ERROR_CODES];

/** Real messages from the captures: one of each (type, length) so the set stays small. */
function corpus(): Uint8Array[] {
  const seen = new Set<string>();
  const out: Uint8Array[] = [];
  for (const file of bgpCaptureFiles()) {
    for (const m of bgpMessages(file)) {
      if (!m.framed || m.bytes.length < 19) continue;
      const key = `${m.bytes[18]}/${m.bytes.length}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(m.bytes);
    }
  }
  return out;
}

describe('mutated capture messages', () => {
  const messages = corpus();

  it('has a corpus', () => {
    expect(messages.length).toBeGreaterThan(50);
  });

  it('never throw, never mutate input, fail only with typed codes', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...messages)
          .chain((bytes) =>
            arbMutation(bytes, { lengthFields: [{ offset: 16, width: 2 }], maxSteps: 3 }),
          ),
        fc.constantFrom(...GUESSES),
        (mutation, context) => {
          const input = mutation.bytes;
          const copy = input.slice();
          const d = decodeMessage(input, context);
          expect(toHex(input)).toBe(toHex(copy));
          if (!d.ok) expect(CODES).toContain(d.error.code);
          else expect(d.bytesRead).toBeLessThanOrEqual(input.length);
        },
      ),
    );
  });

  it('the onField hook sees fields inside the message, in order', () => {
    const bytes = messages.find((b) => b[18] === 2 && b.length > 40) ?? messages[0]!;
    const fields: { name: string; offset: number; length: number }[] = [];
    const d = decodeMessage(bytes, DEFAULT_CONTEXT, {
      onField: (name, offset, length) => fields.push({ name, offset, length }),
    });
    expect(d.ok || CODES.includes(d.error.code)).toBe(true);
    expect(fields[0]).toEqual({ name: 'header.marker', offset: 0, length: 16 });
    for (const f of fields) expect(f.offset + f.length).toBeLessThanOrEqual(bytes.length);
  });
});
