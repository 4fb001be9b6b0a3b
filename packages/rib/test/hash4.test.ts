import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PrefixHash4 } from '../src/hash4.js';

describe('PrefixHash4 (the Rib’s exact IPv4 prefix index)', () => {
  test('agrees with a Map under random sets and deletes, through resizes and long probe runs', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            del: fc.boolean(),
            // Few distinct keys and lengths: many collisions and deletions inside runs.
            key: fc.constantFrom(0, 0x0a000000, 0x0a010000, 0xc0a80000, 0xffffff00, 0x80000000),
            length: fc.integer({ min: 0, max: 32 }),
          }),
          { maxLength: 300 },
        ),
        (ops) => {
          const h = new PrefixHash4(1);
          const m = new Map<string, number>();
          let next = 0;
          for (const { del, key, length } of ops) {
            const k = `${key}/${length}`;
            if (del) {
              h.delete(key, length);
              m.delete(k);
            } else if (!m.has(k)) {
              h.set(key, length, next);
              m.set(k, next++);
            }
            for (const [pk, v] of m) {
              const [a, l] = pk.split('/').map(Number) as [number, number];
              expect(h.get(a, l)).toBe(v);
            }
          }
          expect(h.get(0x01020300, 24)).toBe(m.get(`${0x01020300}/24`) ?? -1);
          for (const key of [0, 0x0a000000, 0xffffff00])
            for (let l = 0; l <= 32; l++) expect(h.get(key, l)).toBe(m.get(`${key}/${l}`) ?? -1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
