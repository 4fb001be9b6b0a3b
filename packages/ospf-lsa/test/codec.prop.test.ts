import { arbMutation } from '@routekit/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildLsa,
  decodeLsa,
  decodePacket,
  encodeLsa,
  encodeLsaInto,
  encodePacket,
  encodePacketInto,
  lsaChecksumOk,
  lsaEncodingLength,
  packetEncodingLength,
  validatePacket,
  verifyPacketDigest,
} from '../src/index.js';
import { arbLsaInput, arbPacketInput } from '../src/testing.js';

describe('LSA codec properties', () => {
  it('round trip: decode(encode(m)) is m, re-encode is byte-exact, the checksum verifies', () => {
    fc.assert(
      fc.property(arbLsaInput(), (input) => {
        const lsa = buildLsa(input);
        expect(lsa.body).toEqual(input.body);
        expect(lsa.header).toMatchObject(input.header);
        expect(lsa.header.length).toBe(lsa.raw.length);
        expect(lsaChecksumOk(lsa)).toBe(true);
        const again = decodeLsa(lsa.raw);
        expect(again.ok && again.value).toEqual(lsa);
        expect(encodeLsa(lsa)).toEqual(lsa.raw);
        expect(lsaEncodingLength(lsa)).toBe(lsa.raw.length);
      }),
    );
  });

  it('encodeLsaInto writes at an offset and nowhere else', () => {
    fc.assert(
      fc.property(arbLsaInput(), fc.nat(16), (input, offset) => {
        const lsa = buildLsa(input);
        const target = new Uint8Array(offset + lsa.raw.length + 8).fill(0xa5);
        expect(encodeLsaInto(lsa, target, offset)).toBe(lsa.raw.length);
        expect(target.subarray(offset, offset + lsa.raw.length)).toEqual(lsa.raw);
        expect(target.subarray(0, offset).every((b) => b === 0xa5)).toBe(true);
        expect(target.subarray(offset + lsa.raw.length).every((b) => b === 0xa5)).toBe(true);
      }),
    );
  });

  it('mutated LSAs decode or fail with a typed error, never throw or write to the input', () => {
    fc.assert(
      fc.property(
        arbLsaInput().chain((i) => {
          const raw = buildLsa(i).raw;
          return arbMutation(raw, {
            lengthFields: [
              { offset: 18, width: 2 },
              { offset: 22, width: 2 },
            ],
          });
        }),
        (m) => {
          const copy = m.bytes.slice();
          const r = decodeLsa(m.bytes);
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(typeof r.error.code).toBe('string');
          expect(m.bytes).toEqual(copy);
        },
      ),
    );
  });
});

describe('packet codec properties', () => {
  it('round trip of every packet type and authentication; checksums and digests verify', () => {
    fc.assert(
      fc.property(arbPacketInput(), ({ packet, key }) => {
        const options = key === undefined ? {} : { key };
        const bytes = encodePacket(packet, options);
        expect(bytes.length).toBe(packetEncodingLength(packet, options));
        const r = decodePacket(bytes);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        expect(r.bytesRead).toBe(bytes.length);
        expect(r.value.body).toEqual(packet.body);
        expect(r.value.header.routerId).toBe(packet.header.routerId);
        expect(encodePacket(r.value)).toEqual(bytes);
        const check = key === undefined ? {} : { key };
        expect(validatePacket(r.value, check)).toEqual([]);
        if (key !== undefined) {
          expect(r.value.header.checksum).toBe(0);
          expect(verifyPacketDigest(r.value, key)).toBe(true);
          // Any other key fails.
          const other = { ...key, key: Uint8Array.from([...key.key, 1]) };
          expect(verifyPacketDigest(r.value, other)).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('encodePacketInto writes at an offset', () => {
    fc.assert(
      fc.property(arbPacketInput(), fc.nat(16), ({ packet, key }, offset) => {
        const options = key === undefined ? {} : { key };
        const bytes = encodePacket(packet, options);
        const target = new Uint8Array(offset + bytes.length);
        expect(encodePacketInto(packet, target, offset, options)).toBe(bytes.length);
        expect(target.subarray(offset)).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });

  it('mutated packets decode or fail with a typed error, never throw or write to the input', () => {
    fc.assert(
      fc.property(
        arbPacketInput().chain(({ packet, key }) =>
          arbMutation(encodePacket(packet, key === undefined ? {} : { key }), {
            lengthFields: [
              { offset: 2, width: 2 },
              { offset: 24, width: 4 },
              { offset: 46, width: 2 },
            ],
          }),
        ),
        (m) => {
          const copy = m.bytes.slice();
          const r = decodePacket(m.bytes);
          expect(typeof r.ok).toBe('boolean');
          if (r.ok) validatePacket(r.value);
          expect(m.bytes).toEqual(copy);
        },
      ),
    );
  });

  it('random bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        const r = decodePacket(b);
        expect(typeof r.ok).toBe('boolean');
        expect(typeof decodeLsa(b).ok).toBe('boolean');
      }),
    );
  });
});
