import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLsaInstances, isNewerInstance, isSameInstance } from '../src/index.js';

const instance = fc.record({
  seq: fc.oneof(
    fc.constantFrom(-0x7fffffff, 0, 0x7fffffff),
    fc.integer({ min: -0x7fffffff, max: 0x7fffffff }),
  ),
  checksum: fc.oneof(fc.constantFrom(0, 1, 0xffff), fc.integer({ min: 0, max: 0xffff })),
  age: fc.oneof(fc.constantFrom(0, 899, 900, 901, 3599, 3600), fc.integer({ min: 0, max: 3600 })),
});
// Pairs that share sequence number and checksum, so the age rules decide.
const sameContent = fc
  .tuple(instance, fc.integer({ min: 0, max: 3600 }))
  .map(([a, age]) => [a, { ...a, age }] as const);

describe('RFC 2328 §13.1 instance comparison', () => {
  it('"newer than" is irreflexive', () => {
    fc.assert(fc.property(instance, (a) => !isNewerInstance(a, a)));
  });
  it('"newer than" is asymmetric', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(instance, instance), sameContent), ([a, b]) => {
        expect(isNewerInstance(a, b) && isNewerInstance(b, a)).toBe(false);
      }),
    );
  });
  it('"same instance" is reflexive and symmetric', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(instance, instance), sameContent), ([a, b]) => {
        expect(isSameInstance(a, a)).toBe(true);
        expect(isSameInstance(a, b)).toBe(isSameInstance(b, a));
      }),
    );
  });
  it('exactly one of newer / older / same holds, and older is newer reversed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(instance, instance), sameContent), ([a, b]) => {
        const ab = compareLsaInstances(a, b);
        const ba = compareLsaInstances(b, a);
        expect(ab === 'newer' ? 'older' : ab === 'older' ? 'newer' : 'same').toBe(ba);
      }),
    );
  });
  it('the age rule is not transitive (so LSAs must never be sorted with it)', () => {
    const a = { seq: 1, checksum: 1, age: 0 };
    const b = { seq: 1, checksum: 1, age: 600 };
    const c = { seq: 1, checksum: 1, age: 1200 };
    expect(isSameInstance(a, b)).toBe(true);
    expect(isSameInstance(b, c)).toBe(true);
    expect(isSameInstance(a, c)).toBe(false);
    expect(isNewerInstance(a, c)).toBe(true);
  });
  it('follows the RFC order: sequence, checksum, MaxAge, age difference', () => {
    expect(
      compareLsaInstances({ seq: 2, checksum: 0, age: 3600 }, { seq: 1, checksum: 9, age: 0 }),
    ).toBe('newer');
    expect(
      compareLsaInstances({ seq: -5, checksum: 0, age: 0 }, { seq: 1, checksum: 0, age: 0 }),
    ).toBe('older');
    expect(
      compareLsaInstances({ seq: 1, checksum: 9, age: 3000 }, { seq: 1, checksum: 8, age: 0 }),
    ).toBe('newer');
    expect(
      compareLsaInstances({ seq: 1, checksum: 8, age: 3600 }, { seq: 1, checksum: 8, age: 10 }),
    ).toBe('newer');
    expect(
      compareLsaInstances({ seq: 1, checksum: 8, age: 10 }, { seq: 1, checksum: 8, age: 911 }),
    ).toBe('newer');
    expect(
      compareLsaInstances({ seq: 1, checksum: 8, age: 10 }, { seq: 1, checksum: 8, age: 910 }),
    ).toBe('same');
  });
});
