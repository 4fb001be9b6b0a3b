import { expect, test, vi } from 'vitest';

// Pretend ip-address has a bug that throws something other than its AddressError.
vi.mock('ip-address', async (importOriginal) => {
  const real = await importOriginal<typeof import('ip-address')>();
  class BrokenAddress6 {
    constructor() {
      throw new TypeError('bug inside ip-address');
    }
  }
  return { ...real, Address6: BrokenAddress6 };
});

test('a stray exception from ip-address is a bug: it propagates, never becomes invalid-address', async () => {
  const { parseAddress, parsePrefix } = await import('../src/index.js');
  expect(() => parseAddress('::1')).toThrow(TypeError);
  expect(() => parsePrefix('::/0')).toThrow(TypeError);
  // Its own AddressError (from the unmocked Address4) is still an error value.
  expect(parseAddress('1.2.3.256')).toMatchObject({
    ok: false,
    error: { code: 'invalid-address' },
  });
});
