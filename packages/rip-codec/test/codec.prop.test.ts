import { arbMutation } from '@routekit/testkit';
import { toHex } from '@routekit/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeRipForCli,
  decodeRipngPacket,
  decodeRipPacket,
  encodeRipngPacket,
  encodeRipngPacketInto,
  encodeRipPacket,
  encodeRipPacketInto,
  ripngPacketEncodingLength,
  ripPacketEncodingLength,
  ripRoutes,
} from '../src/index.js';
import { arbRipAnyEntry, arbRipngPacket, arbRipPacket } from '../src/testing.js';
import { ripCaptureFiles, ripPayloads } from './helpers.js';

const captured = ripCaptureFiles().flatMap(ripPayloads);

describe('RIP properties', () => {
  it('decode(encode(p)) equals p', () => {
    fc.assert(
      fc.property(arbRipPacket, (p) => {
        const bytes = encodeRipPacket(p);
        expect(bytes.length).toBe(ripPacketEncodingLength(p));
        const r = decodeRipPacket(bytes);
        expect(r).toEqual({ ok: true, value: p, bytesRead: bytes.length });
      }),
    );
  });

  it('encodeInto writes the same bytes at an offset and nothing else', () => {
    fc.assert(
      fc.property(arbRipPacket, fc.nat({ max: 16 }), (p, offset) => {
        const n = ripPacketEncodingLength(p);
        const target = new Uint8Array(offset + n + 8).fill(0xaa);
        expect(encodeRipPacketInto(p, target, offset)).toBe(n);
        expect(toHex(target.subarray(offset, offset + n))).toBe(toHex(encodeRipPacket(p)));
        expect(target.subarray(0, offset).every((b) => b === 0xaa)).toBe(true);
        expect(target.subarray(offset + n).every((b) => b === 0xaa)).toBe(true);
      }),
    );
  });

  it('mutations of real packets decode or fail with a typed error, never throw or write the input', () => {
    const rip = captured.filter((c) => c.protocol === 'rip').map((c) => c.payload);
    fc.assert(
      fc.property(
        fc
          .constantFrom(...rip)
          .chain((b) => arbMutation(b, { lengthFields: [{ offset: 28, width: 2 }] })),
        (m) => {
          const copy = m.bytes.slice();
          const r = decodeRipPacket(m.bytes);
          expect(m.bytes).toEqual(copy);
          if (r.ok) {
            expect(r.bytesRead).toBe(m.bytes.length);
            // whatever decodes re-encodes to the same bytes
            expect(toHex(encodeRipPacket(r.value))).toBe(toHex(m.bytes));
          } else {
            expect(typeof r.error.code).toBe('string');
            expect(r.error.offset).toBeGreaterThanOrEqual(0);
            expect(r.error.offset).toBeLessThanOrEqual(m.bytes.length);
          }
          const cli = decodeRipForCli(m.bytes, { protocol: 'rip' });
          expect(cli.ok).toBe(r.ok);
          if (cli.ok) expect(() => JSON.stringify(cli.value)).not.toThrow();
        },
      ),
    );
  });

  it('any entries decode back unchanged; exactly the invalid ones are issues', () => {
    fc.assert(
      fc.property(fc.array(arbRipAnyEntry, { maxLength: 25 }), (entries) => {
        const p = { command: 2, version: 2, unused: 0, entries };
        const r = decodeRipPacket(encodeRipPacket(p));
        if (!r.ok) throw new Error(r.error.code);
        expect(r.value.entries).toEqual(entries);
        const flagged = new Set(r.value.issues.map((i) => i.entry));
        entries.forEach((e, i) => {
          const bad = e.afi !== 2 || e.metric < 1 || e.metric > 16;
          if (bad) expect(flagged.has(i), `entry ${i}`).toBe(true);
        });
        expect(ripRoutes(r.value).every((x) => !flagged.has(x.entry))).toBe(true);
      }),
    );
  });

  it('random bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (b) => {
        const r = decodeRipPacket(b);
        expect(typeof r.ok).toBe('boolean');
        const s = decodeRipngPacket(b);
        expect(typeof s.ok).toBe('boolean');
      }),
    );
  });
});

describe('RIPng properties', () => {
  it('decode(encode(p)) equals p', () => {
    fc.assert(
      fc.property(arbRipngPacket, (p) => {
        const bytes = encodeRipngPacket(p);
        expect(bytes.length).toBe(ripngPacketEncodingLength(p));
        expect(decodeRipngPacket(bytes)).toEqual({ ok: true, value: p, bytesRead: bytes.length });
        const target = new Uint8Array(bytes.length + 3);
        expect(encodeRipngPacketInto(p, target, 3)).toBe(bytes.length);
        expect(toHex(target.subarray(3))).toBe(toHex(bytes));
      }),
    );
  });

  it('mutations of real RIPng packets never throw or write the input', () => {
    const ng = captured.filter((c) => c.protocol === 'ripng').map((c) => c.payload);
    fc.assert(
      fc.property(
        fc.constantFrom(...ng).chain((b) => arbMutation(b)),
        (m) => {
          const copy = m.bytes.slice();
          const r = decodeRipngPacket(m.bytes);
          expect(m.bytes).toEqual(copy);
          if (r.ok) expect(toHex(encodeRipngPacket(r.value))).toBe(toHex(m.bytes));
          else expect(typeof r.error.code).toBe('string');
        },
      ),
    );
  });
});
