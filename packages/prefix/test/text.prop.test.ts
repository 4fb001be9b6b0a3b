import { isIP, isIPv6 } from 'node:net';
import fc from 'fast-check';
import { Address4, Address6 } from 'ip-address';
import { describe, expect, test } from 'vitest';
import {
  ADDRESS_ERROR_CODES,
  type AddressResult,
  formatAddress,
  formatPrefix,
  isIpv4Mapped,
  parseAddress,
  parsePrefix,
  prefix,
} from '../src/index.js';
import {
  arbAddress,
  arbAddressSpelling,
  arbNearAddressText,
  arbPrefix,
  arbPrefixSpelling,
} from '../src/testing.js';
import { big, bits } from './oracle.js';

/** This many times the configured runs (FC_NUM_RUNS scales it): for cheap, wide-input properties. */
function moreRuns(factor: number): { numRuns: number } {
  return { numRuns: (fc.readConfigureGlobal().numRuns ?? 100) * factor };
}

/** A result is either a value or an error naming the input with a known code. */
function wellFormed<T>(r: AddressResult<T>, input: string): boolean {
  if (r.ok) return r.value !== undefined;
  return ADDRESS_ERROR_CODES.includes(r.error.code) && r.error.input === input;
}

const addressy = fc.string({
  unit: fc.constantFrom(...'0123456789abcdefABCDEFgx:::...//%% \u0661'.split('')),
  maxLength: 50,
});

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
  addressy,
  arbNearAddressText(),
);

describe('round trips', () => {
  test('every spelling parses to the address it spells', () => {
    fc.assert(
      fc.property(arbAddressSpelling(), ({ text, address }) => {
        expect(parseAddress(text)).toEqual({ ok: true, value: address });
      }),
    );
  });

  test('parse(format(a)) is a', () => {
    fc.assert(
      fc.property(arbAddress(), (a) => {
        expect(parseAddress(formatAddress(a))).toEqual({ ok: true, value: a });
      }),
    );
  });

  test('format(parse(x)) is canonical: formatting again changes nothing', () => {
    fc.assert(
      fc.property(arbAddressSpelling(), ({ text }) => {
        const r = parseAddress(text);
        if (!r.ok) return expect.unreachable(text);
        const canonical = formatAddress(r.value);
        const again = parseAddress(canonical);
        expect(again.ok && formatAddress(again.value)).toBe(canonical);
        expect(canonical).toBe(canonical.toLowerCase());
      }),
    );
  });

  test('every prefix spelling parses to its prefix; parse(format(p)) is p', () => {
    fc.assert(
      fc.property(arbPrefixSpelling(), ({ text, prefix: p }) => {
        expect(parsePrefix(text)).toEqual({ ok: true, value: p });
        expect(parsePrefix(formatPrefix(p))).toEqual({ ok: true, value: p });
      }),
    );
  });

  test("host bits: 'mask' gives prefix(a, l); 'reject' accepts exactly the canonical inputs", () => {
    fc.assert(
      fc.property(arbAddress(), fc.nat(128), (a, n) => {
        const length = n % (bits(a.family) + 1);
        const text = `${formatAddress(a)}/${length}`;
        expect(parsePrefix(text, { hostBits: 'mask' })).toEqual({
          ok: true,
          value: prefix(a, length),
        });
        const hostBits = big(a) & ((1n << BigInt(bits(a.family) - length)) - 1n);
        const strict = parsePrefix(text);
        expect(strict.ok).toBe(hostBits === 0n);
        if (!strict.ok) expect(strict.error.code).toBe('host-bits-set');
      }),
    );
  });
});

describe('formatting agrees with independent implementations', () => {
  test('ip-address correctForm (RFC 5952), mixed notation for IPv4-mapped', () => {
    fc.assert(
      fc.property(arbAddress(), (a) => {
        const text = formatAddress(a);
        if (a.family === 4) {
          expect(text).toBe(Address4.fromBigInt(big(a)).correctForm());
        } else if (isIpv4Mapped(a)) {
          expect(text).toBe(`::ffff:${Address4.fromBigInt(BigInt(a.words[3])).correctForm()}`);
        } else {
          expect(text).toBe(Address6.fromBigInt(big(a)).correctForm());
        }
      }),
    );
  });

  test('WHATWG URL host serializer', () => {
    fc.assert(
      fc.property(arbAddress(), (a) => {
        const text = formatAddress(a);
        if (a.family === 4) {
          expect(new URL(`http://${text}/`).hostname).toBe(text);
        } else if (!isIpv4Mapped(a)) {
          // The URL serializer never uses mixed notation, so IPv4-mapped is left out.
          expect(new URL(`http://[${text}]/`).hostname).toBe(`[${text}]`);
        }
      }),
    );
  });
});

describe('parsing agrees with node:net', () => {
  test('an input without % or / parses exactly when net.isIP accepts it', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        fc.pre(!text.includes('%') && !text.includes('/'));
        expect(parseAddress(text).ok).toBe(isIP(text) !== 0);
      }),
      moreRuns(10),
    );
  });

  test('an address node:net accepts with a zone id is a zone-id error', () => {
    fc.assert(
      fc.property(
        arbAddressSpelling({ family: 6 }),
        fc.stringMatching(/^[0-9a-zA-Z]{1,15}$/),
        ({ text }, zone) => {
          const withZone = `${text}%${zone}`;
          expect(isIPv6(withZone)).toBe(true);
          const r = parseAddress(withZone);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error.code).toBe('zone-id');
        },
      ),
    );
  });
});

describe('mutation robustness', () => {
  test('any string gives a value or a typed error from parseAddress, never a throw', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(wellFormed(parseAddress(text), text)).toBe(true);
      }),
      moreRuns(10),
    );
  });

  test('any string gives a value or a typed error from parsePrefix, never a throw', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('reject', 'mask'), (text, hostBits) => {
        const r = parsePrefix(text, { hostBits });
        expect(wellFormed(r, text)).toBe(true);
        if (r.ok) {
          // Whatever was accepted is canonical and formats back to something that parses to it.
          expect(parsePrefix(formatPrefix(r.value))).toEqual(r);
        }
      }),
      moreRuns(10),
    );
  });

  test('valid prefixes with any garbage appended are rejected, never thrown on', () => {
    fc.assert(
      fc.property(arbPrefix(), fc.string({ minLength: 1, maxLength: 5 }), (p, junk) => {
        fc.pre(!/^[0-9]/.test(junk));
        const text = formatPrefix(p) + junk;
        const r = parsePrefix(text);
        expect(wellFormed(r, text)).toBe(true);
        expect(r.ok).toBe(false);
      }),
    );
  });
});
