/**
 * Longest-prefix-match vectors: a prefix set, then address → expected prefix (or null).
 * Shared by the trie tests (every structure and compile mode) and the benchmarks' check.
 */
export interface LookupVector {
  readonly name: string;
  readonly prefixes: readonly string[];
  readonly lookups: readonly (readonly [address: string, expected: string | null])[];
}

export const LOOKUP_VECTORS: readonly LookupVector[] = [
  {
    name: 'default route and more-specifics',
    prefixes: [
      '0.0.0.0/0',
      '10.0.0.0/8',
      '10.21.0.0/16',
      '10.21.2.0/24',
      '10.21.2.2/31',
      '169.254.0.1/32',
    ],
    lookups: [
      ['10.21.2.3', '10.21.2.2/31'],
      ['10.21.2.4', '10.21.2.0/24'],
      ['10.21.3.1', '10.21.0.0/16'],
      ['10.1.1.1', '10.0.0.0/8'],
      ['192.0.2.1', '0.0.0.0/0'],
      ['169.254.0.1', '169.254.0.1/32'],
      ['169.254.0.2', '0.0.0.0/0'],
    ],
  },
  {
    name: 'no default route; siblings and the ends of the space',
    prefixes: [
      '0.0.0.0/1',
      '128.0.0.0/1',
      '255.255.255.255/32',
      '0.0.0.0/32',
      '192.168.0.0/23',
      '192.168.1.0/25',
    ],
    lookups: [
      ['0.0.0.0', '0.0.0.0/32'],
      ['0.0.0.1', '0.0.0.0/1'],
      ['255.255.255.255', '255.255.255.255/32'],
      ['255.255.255.254', '128.0.0.0/1'],
      ['192.168.1.127', '192.168.1.0/25'],
      ['192.168.1.128', '192.168.0.0/23'],
      ['192.168.2.0', '128.0.0.0/1'],
    ],
  },
  {
    name: 'prefixes longer than /24 share one second-level chunk',
    prefixes: [
      '198.51.100.0/24',
      '198.51.100.0/26',
      '198.51.100.64/27',
      '198.51.100.200/30',
      '198.51.100.201/32',
    ],
    lookups: [
      ['198.51.100.10', '198.51.100.0/26'],
      ['198.51.100.70', '198.51.100.64/27'],
      ['198.51.100.100', '198.51.100.0/24'],
      ['198.51.100.201', '198.51.100.201/32'],
      ['198.51.100.202', '198.51.100.200/30'],
      ['198.51.101.1', null],
    ],
  },
  {
    name: 'IPv6: documentation blocks, /48s, a /128 and ::/0',
    prefixes: [
      '::/0',
      '2001:db8::/32',
      '2001:db8:1::/48',
      '2001:db8:1:2::/64',
      '2001:db8:1:2::1/128',
      '2001:db9::/32',
      'fe80::/10',
    ],
    lookups: [
      ['2001:db8:1:2::1', '2001:db8:1:2::1/128'],
      ['2001:db8:1:2::2', '2001:db8:1:2::/64'],
      ['2001:db8:1:3::', '2001:db8:1::/48'],
      ['2001:db8:ffff::1', '2001:db8::/32'],
      ['2001:db9:1::', '2001:db9::/32'],
      ['fe80::1', 'fe80::/10'],
      ['2002::', '::/0'],
      ['::', '::/0'],
    ],
  },
  {
    name: 'IPv6 without a default: /16 boundaries of the jump table',
    prefixes: [
      '2001::/16',
      '2001:8000::/17',
      '2000::/3',
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128',
    ],
    lookups: [
      ['2001:7fff::1', '2001::/16'],
      ['2001:8000::1', '2001:8000::/17'],
      ['2002::1', '2000::/3'],
      ['4000::', null],
      ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128'],
      ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe', null],
    ],
  },
];
