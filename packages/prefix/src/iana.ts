/**
 * The IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890, with the
 * "Globally Reachable" column and N/A values of RFC 8190), as constants.
 *
 * https://www.iana.org/assignments/iana-ipv4-special-registry/
 * https://www.iana.org/assignments/iana-ipv6-special-registry/
 *
 * Snapshot of the registries as of 2025-04 (the newest row is 100:0:0:1::/64,
 * RFC 9780). Rows are in registry order; entries nest, so a lookup must take the most
 * specific match (`specialPurpose` in `classify.ts` does).
 */
import type { Ipv4Prefix, Ipv6Prefix, Prefix } from './prefix.js';

/**
 * One registry row. The five policy columns are `true`/`false`, or `null` where the
 * registry has no boolean: "N/A" (Teredo and 6to4 reachability, RFC 8190 §3) or an
 * empty cell (the two terminated rows).
 */
export interface SpecialPurposeEntry {
  readonly prefix: Prefix;
  /** The registry's name, e.g. `Private-Use`, `Documentation (TEST-NET-1)`. */
  readonly name: string;
  /** The registry's RFC column, e.g. `['RFC 1122 §3.2.1.3']`. */
  readonly rfc: readonly string[];
  /** Allocation date, `YYYY-MM`. */
  readonly allocated: string;
  /** Termination date, `YYYY-MM`, for the two deprecated rows. */
  readonly terminated?: string;
  /** Valid as the source address of a datagram that transits two devices. */
  readonly source: boolean | null;
  /** Valid as the destination address of such a datagram. */
  readonly destination: boolean | null;
  /** A router may forward a datagram to it between external interfaces. */
  readonly forwardable: boolean | null;
  /** A datagram to it may be forwarded beyond its administrative domain. */
  readonly globallyReachable: boolean | null;
  /** Reserved by IP itself: a conforming stack special-cases it. */
  readonly reservedByProtocol: boolean | null;
}

/** `T`, `F` or `-` (no boolean) for source, destination, forwardable, globally reachable, reserved. */
type Flags = string;

function flag(c: string | undefined): boolean | null {
  return c === 'T' ? true : c === 'F' ? false : null;
}

function entry(
  prefix: Prefix,
  name: string,
  rfc: readonly string[],
  allocated: string,
  flags: Flags,
  terminated?: string,
): SpecialPurposeEntry {
  const base = {
    prefix,
    name,
    rfc,
    allocated,
    source: flag(flags[0]),
    destination: flag(flags[1]),
    forwardable: flag(flags[2]),
    globallyReachable: flag(flags[3]),
    reservedByProtocol: flag(flags[4]),
  };
  return terminated === undefined ? base : { ...base, terminated };
}

/** A canonical IPv4 prefix from its four octets (no parsing at load time). */
function v4(a: number, b: number, c: number, d: number, length: number): Ipv4Prefix {
  return {
    family: 4,
    address: { family: 4, value: ((a << 24) | (b << 16) | (c << 8) | d) >>> 0 },
    length,
  };
}

/** A canonical IPv6 prefix from its leading 16-bit groups (the rest are zero). */
function v6(groups: readonly number[], length: number): Ipv6Prefix {
  const g = (i: number): number => groups[i] ?? 0;
  const w = (i: number): number => ((g(2 * i) << 16) | g(2 * i + 1)) >>> 0;
  return { family: 6, address: { family: 6, words: [w(0), w(1), w(2), w(3)] }, length };
}

/** The IANA IPv4 Special-Purpose Address Registry, in registry order. */
export const IPV4_SPECIAL_PURPOSE: readonly SpecialPurposeEntry[] = [
  entry(v4(0, 0, 0, 0, 8), '"This network"', ['RFC 791 §3.2'], '1981-09', 'TFFFT'),
  entry(
    v4(0, 0, 0, 0, 32),
    '"This host on this network"',
    ['RFC 1122 §3.2.1.3'],
    '1981-09',
    'TFFFT',
  ),
  entry(v4(10, 0, 0, 0, 8), 'Private-Use', ['RFC 1918'], '1996-02', 'TTTFF'),
  entry(v4(100, 64, 0, 0, 10), 'Shared Address Space', ['RFC 6598'], '2012-04', 'TTTFF'),
  entry(v4(127, 0, 0, 0, 8), 'Loopback', ['RFC 1122 §3.2.1.3'], '1981-09', 'FFFFT'),
  entry(v4(169, 254, 0, 0, 16), 'Link Local', ['RFC 3927'], '2005-05', 'TTFFT'),
  entry(v4(172, 16, 0, 0, 12), 'Private-Use', ['RFC 1918'], '1996-02', 'TTTFF'),
  entry(v4(192, 0, 0, 0, 24), 'IETF Protocol Assignments', ['RFC 6890 §2.1'], '2010-01', 'FFFFF'),
  entry(v4(192, 0, 0, 0, 29), 'IPv4 Service Continuity Prefix', ['RFC 7335'], '2011-06', 'TTTFF'),
  entry(v4(192, 0, 0, 8, 32), 'IPv4 dummy address', ['RFC 7600'], '2015-03', 'TFFFF'),
  entry(v4(192, 0, 0, 9, 32), 'Port Control Protocol Anycast', ['RFC 7723'], '2015-10', 'TTTTF'),
  entry(
    v4(192, 0, 0, 10, 32),
    'Traversal Using Relays around NAT Anycast',
    ['RFC 8155'],
    '2017-02',
    'TTTTF',
  ),
  entry(
    v4(192, 0, 0, 170, 32),
    'NAT64/DNS64 Discovery',
    ['RFC 8880', 'RFC 7050 §2.2'],
    '2013-02',
    'FFFFT',
  ),
  entry(
    v4(192, 0, 0, 171, 32),
    'NAT64/DNS64 Discovery',
    ['RFC 8880', 'RFC 7050 §2.2'],
    '2013-02',
    'FFFFT',
  ),
  entry(v4(192, 0, 2, 0, 24), 'Documentation (TEST-NET-1)', ['RFC 5737'], '2010-01', 'FFFFF'),
  entry(v4(192, 31, 196, 0, 24), 'AS112-v4', ['RFC 7535'], '2014-12', 'TTTTF'),
  entry(v4(192, 52, 193, 0, 24), 'AMT', ['RFC 7450'], '2014-12', 'TTTTF'),
  entry(
    v4(192, 88, 99, 0, 24),
    'Deprecated (6to4 Relay Anycast)',
    ['RFC 7526'],
    '2001-06',
    '-----',
    '2015-03',
  ),
  entry(v4(192, 88, 99, 2, 32), '6a44-relay anycast address', ['RFC 6751'], '2012-10', 'TTTFF'),
  entry(v4(192, 168, 0, 0, 16), 'Private-Use', ['RFC 1918'], '1996-02', 'TTTFF'),
  entry(
    v4(192, 175, 48, 0, 24),
    'Direct Delegation AS112 Service',
    ['RFC 7534'],
    '1996-01',
    'TTTTF',
  ),
  entry(v4(198, 18, 0, 0, 15), 'Benchmarking', ['RFC 2544'], '1999-03', 'TTTFF'),
  entry(v4(198, 51, 100, 0, 24), 'Documentation (TEST-NET-2)', ['RFC 5737'], '2010-01', 'FFFFF'),
  entry(v4(203, 0, 113, 0, 24), 'Documentation (TEST-NET-3)', ['RFC 5737'], '2010-01', 'FFFFF'),
  entry(v4(240, 0, 0, 0, 4), 'Reserved', ['RFC 1112 §4'], '1989-08', 'FFFFT'),
  entry(
    v4(255, 255, 255, 255, 32),
    'Limited Broadcast',
    ['RFC 8190', 'RFC 919 §7'],
    '1984-10',
    'FTFFT',
  ),
];

/** The IANA IPv6 Special-Purpose Address Registry, in registry order. */
export const IPV6_SPECIAL_PURPOSE: readonly SpecialPurposeEntry[] = [
  entry(v6([0, 0, 0, 0, 0, 0, 0, 1], 128), 'Loopback Address', ['RFC 4291'], '2006-02', 'FFFFT'),
  entry(v6([], 128), 'Unspecified Address', ['RFC 4291'], '2006-02', 'TFFFT'),
  entry(v6([0, 0, 0, 0, 0, 0xffff], 96), 'IPv4-mapped Address', ['RFC 4291'], '2006-02', 'FFFFT'),
  entry(v6([0x64, 0xff9b], 96), 'IPv4-IPv6 Translat.', ['RFC 6052'], '2010-10', 'TTTTF'),
  entry(v6([0x64, 0xff9b, 1], 48), 'IPv4-IPv6 Translat.', ['RFC 8215'], '2017-06', 'TTTFF'),
  entry(v6([0x100], 64), 'Discard-Only Address Block', ['RFC 6666'], '2012-06', 'TTTFF'),
  entry(v6([0x100, 0, 0, 1], 64), 'Dummy IPv6 Prefix', ['RFC 9780'], '2025-04', 'TFFFF'),
  entry(v6([0x2001], 23), 'IETF Protocol Assignments', ['RFC 2928'], '2000-09', 'FFFFF'),
  entry(v6([0x2001], 32), 'TEREDO', ['RFC 4380', 'RFC 8190'], '2006-01', 'TTT-F'),
  entry(
    v6([0x2001, 1, 0, 0, 0, 0, 0, 1], 128),
    'Port Control Protocol Anycast',
    ['RFC 7723'],
    '2015-10',
    'TTTTF',
  ),
  entry(
    v6([0x2001, 1, 0, 0, 0, 0, 0, 2], 128),
    'Traversal Using Relays around NAT Anycast',
    ['RFC 8155'],
    '2017-02',
    'TTTTF',
  ),
  entry(
    v6([0x2001, 1, 0, 0, 0, 0, 0, 3], 128),
    'DNS-SD Service Registration Protocol Anycast',
    ['RFC 9665'],
    '2024-04',
    'TTTTF',
  ),
  entry(v6([0x2001, 2, 0], 48), 'Benchmarking', ['RFC 5180'], '2008-04', 'TTTFF'),
  entry(v6([0x2001, 3], 32), 'AMT', ['RFC 7450'], '2014-12', 'TTTTF'),
  entry(v6([0x2001, 4, 0x112], 48), 'AS112-v6', ['RFC 7535'], '2014-12', 'TTTTF'),
  entry(
    v6([0x2001, 0x10], 28),
    'Deprecated (previously ORCHID)',
    ['RFC 4843'],
    '2007-03',
    '-----',
    '2014-03',
  ),
  entry(v6([0x2001, 0x20], 28), 'ORCHIDv2', ['RFC 7343'], '2014-07', 'TTTTF'),
  entry(
    v6([0x2001, 0x30], 28),
    'Drone Remote ID Protocol Entity Tags (DETs) Prefix',
    ['RFC 9374'],
    '2022-12',
    'TTTTF',
  ),
  entry(v6([0x2001, 0xdb8], 32), 'Documentation', ['RFC 3849'], '2004-07', 'FFFFF'),
  entry(v6([0x2002], 16), '6to4', ['RFC 3056'], '2001-02', 'TTT-F'),
  entry(
    v6([0x2620, 0x4f, 0x8000], 48),
    'Direct Delegation AS112 Service',
    ['RFC 7534'],
    '2011-05',
    'TTTTF',
  ),
  entry(v6([0x3fff], 20), 'Documentation', ['RFC 9637'], '2024-07', 'FFFFF'),
  entry(v6([0x5f00], 16), 'Segment Routing (SRv6) SIDs', ['RFC 9602'], '2024-04', 'TTTFF'),
  entry(v6([0xfc00], 7), 'Unique-Local', ['RFC 4193', 'RFC 8190'], '2005-10', 'TTTFF'),
  entry(v6([0xfe80], 10), 'Link-Local Unicast', ['RFC 4291'], '2006-02', 'TTFFT'),
];
