import { describe, expect, test } from 'vitest';
import {
  ADDRESS_ERROR_CODES,
  AddressParseError,
  addressOrThrow,
  describeAddressError,
  formatAddress,
  formatPrefix,
  ipv4,
  ipv6,
  parseAddress,
  parsePrefix,
  prefixOrThrow,
} from '../src/index.js';
import { ADDRESS_CANONICAL, ADDRESS_ERRORS, PREFIX_ROWS } from './vectors/text.js';

describe('address text vectors', () => {
  test.each(ADDRESS_CANONICAL)('$input → $canonical', ({ input, canonical }) => {
    const r = parseAddress(input);
    if (!r.ok) expect.unreachable(describeAddressError(r.error));
    expect(formatAddress(r.value)).toBe(canonical);
    // The canonical form is a fixed point.
    const again = parseAddress(canonical);
    expect(again).toEqual(r);
  });

  test.each(ADDRESS_ERRORS)('$input is $code', ({ input, code }) => {
    const r = parseAddress(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.input).toBe(input);
    expect(r.error.detail).toBeTypeOf('string');
  });
});

describe('prefix text vectors', () => {
  test.each(PREFIX_ROWS)('$input', ({ input, options, canonical, code }) => {
    const r = parsePrefix(input, options);
    if (canonical !== undefined) {
      if (!r.ok) expect.unreachable(describeAddressError(r.error));
      expect(formatPrefix(r.value)).toBe(canonical);
    } else {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.input).toBe(input);
      }
    }
  });

  test('every error code but invalid-byte-length has a text vector', () => {
    const seen = new Set([...ADDRESS_ERRORS, ...PREFIX_ROWS].map((r) => r.code));
    for (const code of ADDRESS_ERROR_CODES) {
      if (code !== 'invalid-byte-length') expect(seen, code).toContain(code);
    }
  });
});

describe('parse values', () => {
  test('IPv4 and IPv6 values', () => {
    expect(parseAddress('192.0.2.1')).toEqual({ ok: true, value: ipv4(0xc000_0201) });
    expect(parseAddress('2001:db8::1')).toEqual({ ok: true, value: ipv6(0x2001_0db8, 0, 0, 1) });
    expect(parseAddress('::ffff:192.0.2.1')).toEqual({
      ok: true,
      value: ipv6(0, 0, 0xffff, 0xc000_0201),
    });
    expect(parseAddress('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toEqual({
      ok: true,
      value: ipv6(0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff),
    });
  });

  test('family option', () => {
    expect(parseAddress('192.0.2.1', { family: 4 }).ok).toBe(true);
    const r = parseAddress('192.0.2.1', { family: 6 });
    expect(r).toMatchObject({ ok: false, error: { code: 'family-mismatch', input: '192.0.2.1' } });
    expect(parseAddress('::1', { family: 4 })).toMatchObject({
      ok: false,
      error: { code: 'family-mismatch' },
    });
  });

  test('typed overloads narrow the family', () => {
    const a = addressOrThrow('192.0.2.1', { family: 4 });
    expect(a.value).toBe(0xc000_0201);
    const b = addressOrThrow('2001:db8::', { family: 6 });
    expect(b.words[0]).toBe(0x2001_0db8);
    const p = prefixOrThrow('2001:db8::/32', { family: 6 });
    expect(p.address.words[0]).toBe(0x2001_0db8);
  });

  test('non-string input from JavaScript is an error, not a throw', () => {
    for (const x of [undefined, null, 42, {}, Symbol('s'), Object.create(null)]) {
      const a = parseAddress(x as unknown as string);
      expect(a).toMatchObject({ ok: false, error: { code: 'invalid-address' } });
      const p = parsePrefix(x as unknown as string);
      expect(p).toMatchObject({ ok: false, error: { code: 'invalid-address' } });
    }
    expect(parseAddress(42 as unknown as string)).toMatchObject({
      error: { input: '42', detail: 'expected a string, got number' },
    });
  });
});

describe('errors', () => {
  test('messages name the input', () => {
    const r = parsePrefix('192.0.2.1/24');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(describeAddressError(r.error)).toBe(
      'host bits set in "192.0.2.1/24": bits after /24 are not zero; the prefix containing it is 192.0.2.0/24',
    );
    const z = parseAddress('fe80::1%eth0');
    if (z.ok) return expect.unreachable();
    expect(describeAddressError(z.error)).toContain('"fe80::1%eth0"');
    expect(describeAddressError(z.error)).toContain('RFC 4007');
  });

  test('long inputs are shortened in the message but kept whole in the error', () => {
    const input = 'x'.repeat(1000);
    const r = parseAddress(input);
    if (r.ok) return expect.unreachable();
    expect(r.error.input).toBe(input);
    const message = describeAddressError(r.error);
    expect(message.length).toBeLessThan(200);
    expect(message).toContain('1000 characters');
  });

  test('an error without detail', () => {
    expect(describeAddressError({ code: 'invalid-address', input: 'x' })).toBe(
      'invalid IP address "x"',
    );
  });

  test('OrThrow variants throw AddressParseError carrying the data', () => {
    expect(() => addressOrThrow('1.2.3.256')).toThrow(AddressParseError);
    try {
      prefixOrThrow('10.0.0.0/33');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AddressParseError);
      expect(e).toBeInstanceOf(Error);
      const err = e as AddressParseError;
      expect(err.name).toBe('AddressParseError');
      expect(err.code).toBe('invalid-length');
      expect(err.input).toBe('10.0.0.0/33');
      expect(err.detail).toBe('33 is more than the 32 bits of an IPv4 address');
      expect(err.message).toBe(
        'invalid prefix length in "10.0.0.0/33": 33 is more than the 32 bits of an IPv4 address',
      );
    }
    const noDetail = new AddressParseError({ code: 'zone-id', input: 'fe80::1%1' });
    expect(noDetail.detail).toBeUndefined();
    expect('detail' in noDetail).toBe(false);
    expect(addressOrThrow('::1')).toEqual(ipv6(0, 0, 0, 1));
    expect(prefixOrThrow('::1/128').length).toBe(128);
  });
});
