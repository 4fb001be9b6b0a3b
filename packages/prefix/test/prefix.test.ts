import { describe, expect, test } from 'vitest';
import {
  type AddressErrorCode,
  addressCount,
  addressOrThrow,
  comparePrefix,
  containsAddress,
  containsPrefix,
  firstAddress,
  formatAddress,
  formatPrefix,
  hasHostBits,
  hostPrefix,
  ipv4,
  lastAddress,
  MAX_SUBNETS,
  maskAddress,
  maskLength,
  overlaps,
  prefix,
  prefixByteLength,
  prefixEquals,
  prefixFromBytes,
  prefixKey,
  prefixMask,
  prefixOrThrow,
  prefixToBytes,
  subnets,
  supernet,
} from '../src/index.js';

const a = (text: string) => addressOrThrow(text);
const p = (text: string) => prefixOrThrow(text);

describe('construction', () => {
  test('prefix() clears host bits', () => {
    expect(prefix(a('192.0.2.1'), 24)).toEqual(p('192.0.2.0/24'));
    expect(prefix(a('2001:db8::1'), 32)).toEqual(p('2001:db8::/32'));
    expect(prefix(a('2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'), 65)).toEqual(
      p('2001:db8:ffff:ffff:8000::/65'),
    );
    expect(prefix(a('255.255.255.255'), 0)).toEqual(p('0.0.0.0/0'));
    expect(prefix(a('255.255.255.255'), 32)).toEqual(p('255.255.255.255/32'));
  });

  test('prefix() rejects lengths outside the family', () => {
    for (const l of [-1, 33, 1.5, Number.NaN]) {
      expect(() => prefix(a('1.2.3.4'), l), String(l)).toThrow(RangeError);
    }
    expect(() => prefix(a('::'), 129)).toThrow(RangeError);
    expect(prefix(a('::'), 128).length).toBe(128);
  });

  test('hostPrefix', () => {
    expect(hostPrefix(a('192.0.2.1'))).toEqual(p('192.0.2.1/32'));
    expect(hostPrefix(a('::1'))).toEqual(p('::1/128'));
  });

  test('maskAddress and hasHostBits', () => {
    expect(maskAddress(a('10.1.2.3'), 16)).toEqual(a('10.1.0.0'));
    expect(maskAddress(a('2001:db8:1:2:3:4:5:6'), 40)).toEqual(a('2001:db8::'));
    expect(maskAddress(a('2001:db8:1:2:3:4:5:6'), 56)).toEqual(a('2001:db8:1::'));
    expect(maskAddress(a('2001:db8:1:2:3:4:5:6'), 127)).toEqual(a('2001:db8:1:2:3:4:5:6'));
    expect(hasHostBits(a('10.1.0.0'), 16)).toBe(false);
    expect(hasHostBits(a('10.1.0.1'), 16)).toBe(true);
    expect(hasHostBits(a('::1'), 127)).toBe(true);
    expect(hasHostBits(a('::1'), 128)).toBe(false);
    expect(hasHostBits(a('8000::'), 0)).toBe(true);
    expect(() => hasHostBits(a('::'), 200)).toThrow(RangeError);
  });
});

describe('masks and ranges', () => {
  test.each([
    ['0.0.0.0/0', '0.0.0.0', '255.255.255.255', 2n ** 32n],
    ['192.0.2.0/24', '255.255.255.0', '192.0.2.255', 256n],
    ['198.18.0.0/15', '255.254.0.0', '198.19.255.255', 2n ** 17n],
    ['192.0.2.1/32', '255.255.255.255', '192.0.2.1', 1n],
    ['::/0', '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 2n ** 128n],
    ['2001:db8::/32', 'ffff:ffff::', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', 2n ** 96n],
    ['fe80::/10', 'ffc0::', 'febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 2n ** 118n],
    ['2001:db8::/97', 'ffff:ffff:ffff:ffff:ffff:ffff:8000:0', '2001:db8::7fff:ffff', 2n ** 31n],
    ['::1/128', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '::1', 1n],
  ] as const)('%s: mask %s, last %s, %i addresses', (text, mask, last, count) => {
    const q = p(text);
    expect(formatAddress(prefixMask(q))).toBe(mask);
    expect(maskLength(prefixMask(q))).toBe(q.length);
    expect(formatAddress(lastAddress(q))).toBe(last);
    expect(firstAddress(q)).toBe(q.address);
    expect(addressCount(q)).toBe(count);
  });

  test('maskLength refuses non-contiguous masks', () => {
    for (const m of [
      '255.0.255.0',
      '0.0.0.1',
      '255.255.255.254',
      '128.0.0.0',
      '::',
      'ffff:ffff:ffff:ffff::',
    ]) {
      const expected = {
        '255.255.255.254': 31,
        '128.0.0.0': 1,
        '::': 0,
        'ffff:ffff:ffff:ffff::': 64,
      }[m];
      expect(maskLength(a(m)), m).toBe(expected);
    }
    for (const m of [
      'ffff:0:ffff::',
      '::1',
      'ffff:ffff:ffff:fffe:0:0:0:1',
      'fffe:ffff::',
      '7fff::',
    ]) {
      expect(maskLength(a(m)), m).toBeUndefined();
    }
    expect(maskLength(a('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'))).toBe(128);
  });
});

describe('relations', () => {
  test('contains and overlaps', () => {
    const net = p('10.0.0.0/8');
    expect(containsAddress(net, a('10.255.255.255'))).toBe(true);
    expect(containsAddress(net, a('11.0.0.0'))).toBe(false);
    expect(containsAddress(net, a('::ffff:10.0.0.1'))).toBe(false);
    expect(containsAddress(p('::/0'), a('10.0.0.1'))).toBe(false);
    expect(containsAddress(p('::/0'), a('::1'))).toBe(true);
    expect(containsAddress(p('2001:db8::/127'), a('2001:db8::1'))).toBe(true);
    expect(containsAddress(p('2001:db8::/128'), a('2001:db8::1'))).toBe(false);
    expect(containsPrefix(net, p('10.1.0.0/16'))).toBe(true);
    expect(containsPrefix(net, net)).toBe(true);
    expect(containsPrefix(p('10.1.0.0/16'), net)).toBe(false);
    expect(containsPrefix(p('0.0.0.0/0'), p('::/0'))).toBe(false);
    expect(overlaps(net, p('10.1.0.0/16'))).toBe(true);
    expect(overlaps(p('10.1.0.0/16'), net)).toBe(true);
    expect(overlaps(p('10.0.0.0/9'), p('10.128.0.0/9'))).toBe(false);
    expect(overlaps(p('0.0.0.0/0'), p('::/0'))).toBe(false);
    expect(overlaps(p('2001:db8::/32'), p('2001:db8:1::/48'))).toBe(true);
    expect(overlaps(p('2001:db8::/32'), p('2001:db9::/32'))).toBe(false);
  });

  test('comparePrefix: family, address, then length', () => {
    const texts = [
      '::/0',
      '10.0.0.0/16',
      '10.0.0.0/8',
      '9.0.0.0/8',
      '0.0.0.0/0',
      '10.1.0.0/16',
      '2001:db8::/32',
      '2001:db8::/48',
    ];
    expect(texts.map(p).sort(comparePrefix).map(formatPrefix)).toEqual([
      '0.0.0.0/0',
      '9.0.0.0/8',
      '10.0.0.0/8',
      '10.0.0.0/16',
      '10.1.0.0/16',
      '::/0',
      '2001:db8::/32',
      '2001:db8::/48',
    ]);
    expect(comparePrefix(p('10.0.0.0/16'), p('10.0.0.0/8'))).toBe(1);
    expect(comparePrefix(p('10.0.0.0/8'), p('10.0.0.0/8'))).toBe(0);
  });

  test('prefixEquals and prefixKey', () => {
    expect(prefixEquals(p('10.0.0.0/8'), p('10.0.0.0/8'))).toBe(true);
    expect(prefixEquals(p('10.0.0.0/8'), p('10.0.0.0/9'))).toBe(false);
    expect(prefixEquals(p('0.0.0.0/0'), p('::/0'))).toBe(false);
    expect(prefixEquals(p('::/0'), p('0.0.0.0/0'))).toBe(false);
    expect(prefixEquals(p('1::/16'), p('1::/16'))).toBe(true);
    expect(prefixEquals(p('1::/16'), p('2::/16'))).toBe(false);
    const keys = [
      '0.0.0.0/0',
      '::/0',
      '0.0.0.0/32',
      '::/128',
      '10.0.0.0/8',
      '::a00:0/128',
      '::ffff:10.0.0.0/104',
    ];
    const set = new Set(keys.map((k) => prefixKey(p(k))));
    expect(set.size).toBe(keys.length);
    expect(prefixKey(p('10.0.0.0/8'))).toBe(prefixKey(prefix(a('10.9.9.9'), 8)));
  });
});

describe('supernet and subnets', () => {
  test('supernet', () => {
    expect(supernet(p('10.1.0.0/16'))).toEqual(p('10.0.0.0/15'));
    expect(supernet(p('10.1.0.0/16'), 8)).toEqual(p('10.0.0.0/8'));
    expect(supernet(p('10.1.0.0/16'), 16)).toEqual(p('10.1.0.0/16'));
    expect(supernet(p('2001:db8:1::/48'), 0)).toEqual(p('::/0'));
    expect(() => supernet(p('0.0.0.0/0'))).toThrow(RangeError);
    expect(() => supernet(p('10.0.0.0/8'), 9)).toThrow(RangeError);
    expect(() => supernet(p('10.0.0.0/8'), 1.5)).toThrow(RangeError);
  });

  test('subnets in address order', () => {
    expect([...subnets(p('10.0.0.0/8'), 10)].map(formatPrefix)).toEqual([
      '10.0.0.0/10',
      '10.64.0.0/10',
      '10.128.0.0/10',
      '10.192.0.0/10',
    ]);
    expect([...subnets(p('192.0.2.0/24'), 24)]).toEqual([p('192.0.2.0/24')]);
    expect([...subnets(p('255.255.255.254/31'), 32)].map(formatPrefix)).toEqual([
      '255.255.255.254/32',
      '255.255.255.255/32',
    ]);
    expect([...subnets(p('0.0.0.0/0'), 1)].map(formatPrefix)).toEqual(['0.0.0.0/1', '128.0.0.0/1']);
    expect([...subnets(p('::/0'), 0)].map(formatPrefix)).toEqual(['::/0']);
    expect([...subnets(p('::/0'), 2)].map(formatPrefix)).toEqual([
      '::/2',
      '4000::/2',
      '8000::/2',
      'c000::/2',
    ]);
    expect([...subnets(p('2001:db8::/31'), 33)].map(formatPrefix)).toEqual([
      '2001:db8::/33',
      '2001:db8:8000::/33',
      '2001:db9::/33',
      '2001:db9:8000::/33',
    ]);
    // Carry from word 3 into word 2 (and mixed notation once inside ::ffff:0:0/96).
    expect([...subnets(p('::fffe:0:0/95'), 97)].map(formatPrefix)).toEqual([
      '::fffe:0:0/97',
      '::fffe:8000:0/97',
      '::ffff:0.0.0.0/97',
      '::ffff:128.0.0.0/97',
    ]);
    expect([...subnets(p('2001:db8:0:fffe::/63'), 64)].map(formatPrefix)).toEqual([
      '2001:db8:0:fffe::/64',
      '2001:db8:0:ffff::/64',
    ]);
    expect([...subnets(p('::/126'), 128)].map(formatPrefix)).toEqual([
      '::/128',
      '::1/128',
      '::2/128',
      '::3/128',
    ]);
    expect([...subnets(p('::ffff:ffff:fffe/127'), 128)].map(formatPrefix)).toEqual([
      '::ffff:255.255.255.254/128',
      '::ffff:255.255.255.255/128',
    ]);
  });

  test('subnets guards at the call, not on first use', () => {
    expect(() => subnets(p('10.0.0.0/8'), 7)).toThrow(RangeError);
    expect(() => subnets(p('10.0.0.0/8'), 33)).toThrow(RangeError);
    expect(() => subnets(p('10.0.0.0/8'), 8.5)).toThrow(RangeError);
    expect(() => subnets(p('0.0.0.0/0'), 32)).toThrow(/2\^32 prefixes/);
    expect(() => subnets(p('::/0'), 128)).toThrow(RangeError);
    expect(() => subnets(p('10.0.0.0/8'), 12, { maxCount: 15 })).toThrow(RangeError);
    expect([...subnets(p('10.0.0.0/8'), 12, { maxCount: 16 })]).toHaveLength(16);
    expect(MAX_SUBNETS).toBe(2 ** 20);
    const lazy = subnets(p('10.0.0.0/8'), 28);
    expect(lazy.next().value).toEqual(p('10.0.0.0/28'));
    expect(lazy.next().value).toEqual(p('10.0.0.16/28'));
  });
});

describe('wire form', () => {
  test('prefixToBytes gives ceil(length / 8) bytes', () => {
    expect([...prefixToBytes(p('0.0.0.0/0'))]).toEqual([]);
    expect([...prefixToBytes(p('10.0.0.0/8'))]).toEqual([10]);
    expect([...prefixToBytes(p('192.0.2.128/25'))]).toEqual([192, 0, 2, 128]);
    expect([...prefixToBytes(p('2001:db8::/32'))]).toEqual([0x20, 0x01, 0x0d, 0xb8]);
    expect([...prefixToBytes(p('2001:db8::/33'))]).toEqual([0x20, 0x01, 0x0d, 0xb8, 0]);
    expect(prefixToBytes(p('::1/128'))).toHaveLength(16);
    expect([0, 1, 8, 9, 32, 127, 128].map(prefixByteLength)).toEqual([0, 1, 1, 2, 4, 16, 16]);
  });

  interface Row {
    readonly family: 4 | 6;
    readonly length: number;
    readonly bytes: readonly number[];
    readonly hostBits?: 'reject' | 'mask';
    readonly prefix?: string;
    readonly code?: AddressErrorCode;
    readonly input?: string;
  }
  const rows: readonly Row[] = [
    { family: 4, length: 0, bytes: [], prefix: '0.0.0.0/0' },
    { family: 4, length: 24, bytes: [192, 0, 2], prefix: '192.0.2.0/24' },
    { family: 4, length: 25, bytes: [192, 0, 2, 128], prefix: '192.0.2.128/25' },
    {
      family: 4,
      length: 24,
      bytes: [192, 0, 2, 0],
      prefix: '192.0.2.0/24',
      input: 'full address (RIP)',
    },
    { family: 4, length: 23, bytes: [192, 0, 3], code: 'host-bits-set', input: 'c00003' },
    { family: 4, length: 23, bytes: [192, 0, 3], hostBits: 'mask', prefix: '192.0.2.0/23' },
    { family: 4, length: 24, bytes: [192, 0, 2, 1], code: 'host-bits-set' },
    { family: 4, length: 24, bytes: [192, 0, 2, 1], hostBits: 'mask', prefix: '192.0.2.0/24' },
    { family: 4, length: 24, bytes: [192, 0], code: 'invalid-byte-length', input: 'c000' },
    { family: 4, length: 8, bytes: [10, 0, 0, 0, 0], code: 'invalid-byte-length' },
    { family: 4, length: 33, bytes: [1, 2, 3, 4], code: 'invalid-length', input: '01020304' },
    { family: 4, length: -1, bytes: [], code: 'invalid-length' },
    { family: 4, length: 1.5, bytes: [0], code: 'invalid-length' },
    { family: 6, length: 0, bytes: [], prefix: '::/0' },
    { family: 6, length: 32, bytes: [0x20, 0x01, 0x0d, 0xb8], prefix: '2001:db8::/32' },
    {
      family: 6,
      length: 64,
      bytes: [0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 2],
      prefix: '2001:db8:1:2::/64',
    },
    { family: 6, length: 128, bytes: [...new Array(15).fill(0), 1], prefix: '::1/128' },
    { family: 6, length: 127, bytes: [...new Array(15).fill(0), 1], code: 'host-bits-set' },
    { family: 6, length: 128, bytes: new Array(17).fill(0), code: 'invalid-byte-length' },
    { family: 6, length: 129, bytes: [], code: 'invalid-length' },
    { family: 6, length: 10, bytes: [0xfe, 0xbf], code: 'host-bits-set' },
    { family: 6, length: 10, bytes: [0xfe, 0xbf], hostBits: 'mask', prefix: 'fe80::/10' },
  ];

  test.each(rows)('IPv$family /$length $bytes $hostBits', (row) => {
    const r = prefixFromBytes(row.family, row.length, new Uint8Array(row.bytes), {
      hostBits: row.hostBits ?? 'reject',
    });
    if (row.prefix !== undefined) {
      expect(r).toEqual({ ok: true, value: p(row.prefix) });
    } else {
      expect(r).toMatchObject({ ok: false, error: { code: row.code } });
      if (!r.ok && row.input !== undefined) expect(r.error.input).toBe(row.input);
    }
  });

  test('the default is reject; the error shows the bytes as hex, shortened when long', () => {
    const r = prefixFromBytes(4, 8, new Uint8Array([10, 1]));
    expect(r).toMatchObject({ ok: false, error: { code: 'host-bits-set', input: '0a01' } });
    const long = prefixFromBytes(6, 8, new Uint8Array(40));
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid-byte-length' } });
    if (!long.ok) expect(long.error.input).toBe(`${'00'.repeat(32)}…`);
  });

  test('a family other than 4 or 6 is a programming error', () => {
    expect(() => prefixFromBytes(5 as 4, 8, new Uint8Array([10]))).toThrow(RangeError);
  });

  test('typed by family', () => {
    const r = prefixFromBytes(4, 8, new Uint8Array([10]));
    expect(r.ok && r.value.address.value).toBe(0x0a00_0000);
    expect(ipv4(0x0a00_0000)).toEqual(a('10.0.0.0'));
  });
});
