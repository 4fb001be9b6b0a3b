/**
 * Text vectors: input → canonical output, and input → error code. The RFC 5952 rows
 * quote the RFC's own examples (section given per group).
 */
import type { AddressErrorCode, ParsePrefixOptions } from '../../src/index.js';

export interface CanonicalRow {
  readonly input: string;
  readonly canonical: string;
  readonly note?: string;
}

/** RFC 5952 §2: every one of these spells 2001:db8::1:0:0:1 (§2.1–2.3 examples). */
const rfc5952Section2: readonly CanonicalRow[] = [
  '2001:db8:0:0:1:0:0:1',
  '2001:0db8:0:0:1:0:0:1',
  '2001:db8::1:0:0:1',
  '2001:db8::0:1:0:0:1',
  '2001:0db8::1:0:0:1',
  '2001:db8:0:0:1::1',
  '2001:db8:0000:0:1::1',
  '2001:DB8:0:0:1::1',
].map((input) => ({ input, canonical: '2001:db8::1:0:0:1', note: 'RFC 5952 §1' }));

export const ADDRESS_CANONICAL: readonly CanonicalRow[] = [
  ...rfc5952Section2,
  // §2.1 leading zeros
  {
    input: '2001:db8:aaaa:bbbb:cccc:dddd:eeee:0001',
    canonical: '2001:db8:aaaa:bbbb:cccc:dddd:eeee:1',
    note: '§2.1',
  },
  {
    input: '2001:db8:aaaa:bbbb:cccc:dddd:eeee:001',
    canonical: '2001:db8:aaaa:bbbb:cccc:dddd:eeee:1',
    note: '§2.1',
  },
  {
    input: '2001:db8:aaaa:bbbb:cccc:dddd:eeee:01',
    canonical: '2001:db8:aaaa:bbbb:cccc:dddd:eeee:1',
    note: '§2.1',
  },
  {
    input: '2001:db8:aaaa:bbbb:cccc:dddd:eeee:1',
    canonical: '2001:db8:aaaa:bbbb:cccc:dddd:eeee:1',
    note: '§2.1',
  },
  // §2.2 zero compression
  {
    input: '2001:db8:aaaa:bbbb:cccc:dddd::1',
    canonical: '2001:db8:aaaa:bbbb:cccc:dddd:0:1',
    note: '§2.2',
  },
  {
    input: '2001:db8:aaaa:bbbb:cccc:dddd:0:1',
    canonical: '2001:db8:aaaa:bbbb:cccc:dddd:0:1',
    note: '§2.2',
  },
  { input: '2001:db8:0:0:0::1', canonical: '2001:db8::1', note: '§2.2' },
  { input: '2001:db8:0:0::1', canonical: '2001:db8::1', note: '§2.2' },
  { input: '2001:db8:0::1', canonical: '2001:db8::1', note: '§2.2' },
  { input: '2001:db8::1', canonical: '2001:db8::1', note: '§2.2' },
  { input: '2001:db8::aaaa:0:0:1', canonical: '2001:db8::aaaa:0:0:1', note: '§2.2' },
  { input: '2001:db8:0:0:aaaa::1', canonical: '2001:db8::aaaa:0:0:1', note: '§2.2' },
  // §2.3 case
  {
    input: '2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaaa',
    canonical: '2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaaa',
    note: '§2.3',
  },
  {
    input: '2001:db8:aaaa:bbbb:cccc:dddd:eeee:AAAA',
    canonical: '2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaaa',
    note: '§2.3',
  },
  {
    input: '2001:db8:aaaa:bbbb:cccc:dddd:eeee:AaAa',
    canonical: '2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaaa',
    note: '§2.3',
  },
  // §4.1 leading zeros MUST be suppressed
  { input: '2001:0db8::0001', canonical: '2001:db8::1', note: '§4.1' },
  // §4.2.1 shorten as much as possible
  { input: '2001:db8:0:0:0:0:2:1', canonical: '2001:db8::2:1', note: '§4.2.1' },
  { input: '2001:db8::0:1', canonical: '2001:db8::1', note: '§4.2.1' },
  // §4.2.2 a single 16-bit 0 field MUST NOT be shortened
  { input: '2001:db8:0:1:1:1:1:1', canonical: '2001:db8:0:1:1:1:1:1', note: '§4.2.2' },
  { input: '2001:db8::1:1:1:1:1', canonical: '2001:db8:0:1:1:1:1:1', note: '§4.2.2' },
  // §4.2.3 the longest run; the first on a tie
  { input: '2001:0:0:1:0:0:0:1', canonical: '2001:0:0:1::1', note: '§4.2.3' },
  { input: '2001:db8:0:0:1:0:0:1', canonical: '2001:db8::1:0:0:1', note: '§4.2.3' },
  { input: '1:0:0:1:0:0:0:1', canonical: '1:0:0:1::1', note: '§4.2.3' },
  // §4.3 lower case
  { input: '2001:DB8::1', canonical: '2001:db8::1', note: '§4.3' },
  {
    input: 'ABCD:EF01:2345:6789:ABCD:EF01:2345:6789',
    canonical: 'abcd:ef01:2345:6789:abcd:ef01:2345:6789',
    note: 'RFC 4291 §2.2',
  },
  // §5 IPv4-mapped: mixed notation
  { input: '::ffff:192.0.2.1', canonical: '::ffff:192.0.2.1', note: '§5' },
  { input: '::FFFF:192.0.2.1', canonical: '::ffff:192.0.2.1', note: '§5' },
  { input: '::ffff:c000:201', canonical: '::ffff:192.0.2.1', note: '§5' },
  { input: '0:0:0:0:0:ffff:192.0.2.1', canonical: '::ffff:192.0.2.1', note: '§5' },
  { input: '0000:0000:0000:0000:0000:FFFF:C000:0201', canonical: '::ffff:192.0.2.1', note: '§5' },
  { input: '::ffff:0.0.0.0', canonical: '::ffff:0.0.0.0', note: 'mapped 0.0.0.0' },
  {
    input: '::ffff:255.255.255.255',
    canonical: '::ffff:255.255.255.255',
    note: 'mapped broadcast',
  },
  // Dotted tails that are not IPv4-mapped come out in hex (only ::ffff:0:0/96 uses mixed notation).
  {
    input: '::1.2.3.4',
    canonical: '::102:304',
    note: 'IPv4-compatible (deprecated, RFC 4291 §2.5.5.1)',
  },
  { input: '::0.0.0.1', canonical: '::1', note: 'dotted tail of ::1' },
  { input: '64:ff9b::192.0.2.33', canonical: '64:ff9b::c000:221', note: 'NAT64 well-known prefix' },
  { input: '1:2:3:4:5:6:1.2.3.4', canonical: '1:2:3:4:5:6:102:304', note: 'RFC 4291 §2.2 form 3' },
  {
    input: '::ffff:0:1.2.3.4',
    canonical: '::ffff:0:102:304',
    note: 'IPv4-translated (RFC 2765) stays hex',
  },
  // Edges
  { input: '::', canonical: '::' },
  { input: '0:0:0:0:0:0:0:0', canonical: '::' },
  { input: '0000:0000:0000:0000:0000:0000:0000:0000', canonical: '::' },
  { input: '::0', canonical: '::' },
  { input: '0::', canonical: '::' },
  { input: '::1', canonical: '::1' },
  { input: '0:0:0:0:0:0:0:1', canonical: '::1' },
  { input: '1::', canonical: '1::' },
  { input: '1:0:0:0:0:0:0:0', canonical: '1::' },
  { input: '1:2:3:4:5:6:7::', canonical: '1:2:3:4:5:6:7:0', note: ':: for one trailing group' },
  { input: '::2:3:4:5:6:7:8', canonical: '0:2:3:4:5:6:7:8', note: ':: for one leading group' },
  { input: '1::3:4:5:6:7:8', canonical: '1:0:3:4:5:6:7:8', note: ':: for one inner group' },
  { input: '1:0:0:0:1:0:0:0', canonical: '1::1:0:0:0' },
  { input: '0:0:1:0:0:0:1:0', canonical: '0:0:1::1:0' },
  { input: '1:0:1:0:1:0:1:0', canonical: '1:0:1:0:1:0:1:0', note: 'no run of two' },
  { input: '0:1:0:1:0:1:0:1', canonical: '0:1:0:1:0:1:0:1' },
  { input: '1:2:3:4:5:6:7:8', canonical: '1:2:3:4:5:6:7:8' },
  {
    input: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    canonical: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
  },
  {
    input: 'ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255',
    canonical: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    note: 'longest text (45)',
  },
  { input: 'fe80::1', canonical: 'fe80::1' },
  { input: 'FE80:0000:0000:0000:0202:B3FF:FE1E:8329', canonical: 'fe80::202:b3ff:fe1e:8329' },
  { input: '3fff:0fff::', canonical: '3fff:fff::' },
  // IPv4
  { input: '0.0.0.0', canonical: '0.0.0.0' },
  { input: '192.0.2.1', canonical: '192.0.2.1' },
  { input: '255.255.255.255', canonical: '255.255.255.255' },
  { input: '10.0.0.0', canonical: '10.0.0.0' },
];

export interface ErrorRow {
  readonly input: string;
  readonly code: AddressErrorCode;
  readonly note?: string;
}

export const ADDRESS_ERRORS: readonly ErrorRow[] = [
  { input: '', code: 'invalid-address' },
  { input: 'x', code: 'invalid-address' },
  { input: 'localhost', code: 'invalid-address' },
  { input: '1', code: 'invalid-address' },
  { input: '1.2.3', code: 'invalid-address', note: 'no short forms (inet_aton would accept)' },
  { input: '1.2.3.4.5', code: 'invalid-address' },
  { input: '256.0.0.0', code: 'invalid-address' },
  { input: '1.2.3.256', code: 'invalid-address' },
  { input: '01.2.3.4', code: 'invalid-address', note: 'leading zero: octal to some parsers' },
  { input: '1.2.3.04', code: 'invalid-address' },
  { input: '0x1.2.3.4', code: 'invalid-address' },
  { input: '1..2.3', code: 'invalid-address' },
  { input: '1.2.3.-1', code: 'invalid-address' },
  { input: ' 1.2.3.4', code: 'invalid-address' },
  { input: '1.2.3.4 ', code: 'invalid-address' },
  { input: '1.2.3.4\n', code: 'invalid-address' },
  { input: '\u0661.2.3.4', code: 'invalid-address', note: 'Arabic-Indic digit' },
  { input: '1.2.3.4/32', code: 'invalid-address', note: 'a prefix is not an address' },
  { input: '1.2.3.4%eth0', code: 'invalid-address', note: 'zones are IPv6 only' },
  { input: ':', code: 'invalid-address' },
  { input: ':::', code: 'invalid-address' },
  { input: ':1::', code: 'invalid-address' },
  { input: '1:::', code: 'invalid-address' },
  { input: '1::2:', code: 'invalid-address' },
  { input: '1::2::3', code: 'invalid-address' },
  { input: '1:2:3:4:5:6:7', code: 'invalid-address' },
  { input: '1:2:3:4:5:6:7:8:9', code: 'invalid-address' },
  {
    input: '1:2:3:4:5:6:7:8::',
    code: 'invalid-address',
    note: ':: must stand for at least one group',
  },
  { input: '::1:2:3:4:5:6:7:8', code: 'invalid-address' },
  { input: '1:2:3:4:5:6:7:1.2.3.4', code: 'invalid-address' },
  { input: '12345::', code: 'invalid-address' },
  { input: 'g::', code: 'invalid-address' },
  { input: '::ffff:1.2.3', code: 'invalid-address' },
  { input: '::ffff:01.2.3.4', code: 'invalid-address' },
  { input: '::ffff:256.2.3.4', code: 'invalid-address' },
  { input: '::1.2.3.4:5', code: 'invalid-address' },
  { input: '[::1]', code: 'invalid-address' },
  { input: ' ::1', code: 'invalid-address' },
  { input: '::1/128', code: 'invalid-address' },
  { input: '2001:db8::1'.padEnd(60, '0'), code: 'invalid-address', note: 'too long' },
  { input: 'fe80::1%eth0', code: 'zone-id' },
  { input: 'fe80::1%1', code: 'zone-id' },
  { input: 'fe80::1%', code: 'zone-id', note: 'an empty zone is still a zone' },
  { input: '::ffff:192.0.2.1%en0', code: 'zone-id' },
  { input: '%eth0', code: 'invalid-address' },
  { input: 'g::1%eth0', code: 'invalid-address' },
];

export interface PrefixRow {
  readonly input: string;
  readonly options?: ParsePrefixOptions;
  /** Canonical output, or the expected error code. */
  readonly canonical?: string;
  readonly code?: AddressErrorCode;
  readonly note?: string;
}

export const PREFIX_ROWS: readonly PrefixRow[] = [
  { input: '0.0.0.0/0', canonical: '0.0.0.0/0' },
  { input: '192.0.2.0/24', canonical: '192.0.2.0/24' },
  { input: '192.0.2.1/32', canonical: '192.0.2.1/32' },
  { input: '10.0.0.0/8', canonical: '10.0.0.0/8' },
  { input: '::/0', canonical: '::/0' },
  { input: '2001:DB8::/32', canonical: '2001:db8::/32' },
  { input: '2001:0db8:0000::/48', canonical: '2001:db8::/48' },
  { input: '::1/128', canonical: '::1/128' },
  {
    input: '::ffff:192.0.2.0/120',
    canonical: '::ffff:192.0.2.0/120',
    note: 'IPv4-mapped stays IPv6',
  },
  { input: 'fe80::/10', canonical: 'fe80::/10' },
  { input: '192.0.2.1/24', code: 'host-bits-set' },
  { input: '192.0.2.1/24', options: { hostBits: 'mask' }, canonical: '192.0.2.0/24' },
  { input: '192.0.2.1/24', options: { hostBits: 'reject' }, code: 'host-bits-set' },
  { input: '2001:db8::1/32', code: 'host-bits-set' },
  { input: '2001:db8::1/32', options: { hostBits: 'mask' }, canonical: '2001:db8::/32' },
  { input: '255.255.255.255/0', code: 'host-bits-set' },
  { input: '255.255.255.255/0', options: { hostBits: 'mask' }, canonical: '0.0.0.0/0' },
  { input: '10.0.0.0', code: 'invalid-length', note: 'a bare address is not a prefix' },
  { input: '2001:db8::', code: 'invalid-length' },
  { input: '10.0.0.0/', code: 'invalid-length' },
  { input: '10.0.0.0/33', code: 'invalid-length' },
  { input: '10.0.0.0/08', code: 'invalid-length', note: 'no leading zeros' },
  { input: '10.0.0.0/00', code: 'invalid-length' },
  { input: '10.0.0.0/-1', code: 'invalid-length' },
  { input: '10.0.0.0/+8', code: 'invalid-length' },
  { input: '10.0.0.0/ 8', code: 'invalid-length' },
  { input: '10.0.0.0/8 ', code: 'invalid-length' },
  { input: '10.0.0.0/8/8', code: 'invalid-length' },
  { input: '10.0.0.0/0x8', code: 'invalid-length' },
  { input: '10.0.0.0/8.0', code: 'invalid-length' },
  { input: '10.0.0.0/1e1', code: 'invalid-length' },
  { input: '10.0.0.0/255.0.0.0', code: 'invalid-length', note: 'netmask notation is not accepted' },
  { input: '::/129', code: 'invalid-length' },
  { input: '::/1280', code: 'invalid-length' },
  { input: '1::/064', code: 'invalid-length' },
  { input: '/8', code: 'invalid-address' },
  { input: '10.0.0/8', code: 'invalid-address' },
  { input: 'fe80::%eth0/64', code: 'zone-id' },
  { input: 'fe80::/64%eth0', code: 'invalid-length' },
  { input: '10.0.0.0/8', options: { family: 6 }, code: 'family-mismatch' },
  { input: '::ffff:10.0.0.0/104', options: { family: 4 }, code: 'family-mismatch' },
  { input: '10.0.0.0/8', options: { family: 4 }, canonical: '10.0.0.0/8' },
  {
    input: '10.0.0.0/40',
    options: { family: 6 },
    code: 'family-mismatch',
    note: 'family is checked before length',
  },
];
