import { describe, expect, test } from 'vitest';
import {
  addressOrThrow,
  formatPrefix,
  hasHostBits,
  IPV4_SPECIAL_PURPOSE,
  IPV6_SPECIAL_PURPOSE,
  isDocumentation,
  isIpv4Mapped,
  isLinkLocal,
  isLoopback,
  isMulticast,
  isPrivate,
  isUnspecified,
  prefixOrThrow,
  specialPurpose,
} from '../src/index.js';

type Class =
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'multicast'
  | 'documentation'
  | 'unspecified'
  | 'mapped';

const predicates: Record<Class, (a: ReturnType<typeof addressOrThrow>) => boolean> = {
  private: isPrivate,
  loopback: isLoopback,
  'link-local': isLinkLocal,
  multicast: isMulticast,
  documentation: isDocumentation,
  unspecified: isUnspecified,
  mapped: isIpv4Mapped,
};

/** Address → the classes it is in (every other predicate must say false). */
const CLASSES: readonly [string, readonly Class[]][] = [
  ['8.8.8.8', []],
  ['0.0.0.0', ['unspecified']],
  ['0.0.0.1', []],
  ['10.0.0.0', ['private']],
  ['10.255.255.255', ['private']],
  ['11.0.0.0', []],
  ['9.255.255.255', []],
  ['172.16.0.0', ['private']],
  ['172.31.255.255', ['private']],
  ['172.15.255.255', []],
  ['172.32.0.0', []],
  ['192.168.0.1', ['private']],
  ['192.169.0.1', []],
  ['100.64.0.1', [] /* shared address space is not private */],
  ['127.0.0.1', ['loopback']],
  ['127.255.255.255', ['loopback']],
  ['128.0.0.1', []],
  ['169.254.0.1', ['link-local']],
  ['169.255.0.1', []],
  ['224.0.0.1', ['multicast']],
  ['239.255.255.255', ['multicast']],
  ['240.0.0.0', []],
  ['223.255.255.255', []],
  ['192.0.2.0', ['documentation']],
  ['192.0.2.255', ['documentation']],
  ['192.0.3.0', []],
  ['198.51.100.7', ['documentation']],
  ['203.0.113.200', ['documentation']],
  ['203.0.114.0', []],
  ['::', ['unspecified']],
  ['::1', ['loopback']],
  ['::2', []],
  ['1::1', []],
  ['fc00::', ['private']],
  ['fdff:ffff::1', ['private']],
  ['fe00::', []],
  ['fb00::', []],
  ['fe80::1', ['link-local']],
  ['febf:ffff::', ['link-local']],
  ['fec0::1', [] /* site-local, deprecated */],
  ['ff02::1', ['multicast']],
  ['ff00::', ['multicast']],
  ['feff::', []],
  ['2001:db8::1', ['documentation']],
  ['2001:db9::', []],
  ['2001:db7:ffff::', []],
  ['3fff::', ['documentation']],
  ['3fff:fff:ffff::', ['documentation']],
  ['3fff:1000::', []],
  ['2606:4700::1111', []],
  // IPv4-mapped: classified by the IPv4 address inside (but not as unspecified).
  ['::ffff:0.0.0.0', ['mapped']],
  ['::ffff:8.8.8.8', ['mapped']],
  ['::ffff:10.1.2.3', ['mapped', 'private']],
  ['::ffff:127.0.0.1', ['mapped', 'loopback']],
  ['::ffff:169.254.169.254', ['mapped', 'link-local']],
  ['::ffff:224.0.0.251', ['mapped', 'multicast']],
  ['::ffff:192.0.2.1', ['mapped', 'documentation']],
  // IPv4-compatible (deprecated) is not mapped and not unwrapped.
  ['::127.0.0.1', []],
  ['::10.0.0.1', []],
];

describe('predicates', () => {
  test.each(CLASSES)('%s is %j', (text, classes) => {
    const a = addressOrThrow(text);
    for (const [name, predicate] of Object.entries(predicates)) {
      expect(predicate(a), name).toBe(classes.includes(name as Class));
    }
  });
});

describe('special-purpose registry', () => {
  test.each([
    ['0.0.0.0', '"This host on this network"'],
    ['0.1.2.3', '"This network"'],
    ['10.1.2.3', 'Private-Use'],
    ['100.127.255.255', 'Shared Address Space'],
    ['192.0.0.7', 'IPv4 Service Continuity Prefix'],
    ['192.0.0.8', 'IPv4 dummy address'],
    ['192.0.0.9', 'Port Control Protocol Anycast'],
    ['192.0.0.10', 'Traversal Using Relays around NAT Anycast'],
    ['192.0.0.11', 'IETF Protocol Assignments'],
    ['192.0.0.170', 'NAT64/DNS64 Discovery'],
    ['192.88.99.1', 'Deprecated (6to4 Relay Anycast)'],
    ['192.88.99.2', '6a44-relay anycast address'],
    ['198.19.255.255', 'Benchmarking'],
    ['203.0.113.1', 'Documentation (TEST-NET-3)'],
    ['250.1.2.3', 'Reserved'],
    ['255.255.255.255', 'Limited Broadcast'],
    ['::', 'Unspecified Address'],
    ['::1', 'Loopback Address'],
    ['::ffff:8.8.8.8', 'IPv4-mapped Address'],
    ['64:ff9b::8.8.8.8', 'IPv4-IPv6 Translat.'],
    ['64:ff9b:1::1', 'IPv4-IPv6 Translat.'],
    ['100::1', 'Discard-Only Address Block'],
    ['100:0:0:1::1', 'Dummy IPv6 Prefix'],
    ['2001::1', 'TEREDO'],
    ['2001:1::1', 'Port Control Protocol Anycast'],
    ['2001:1::3', 'DNS-SD Service Registration Protocol Anycast'],
    ['2001:1::4', 'IETF Protocol Assignments'],
    ['2001:2::1', 'Benchmarking'],
    ['2001:4:112::1', 'AS112-v6'],
    ['2001:1ff::', 'IETF Protocol Assignments'],
    ['2001:10::1', 'Deprecated (previously ORCHID)'],
    ['2001:2f::1', 'ORCHIDv2'],
    ['2001:30::1', 'Drone Remote ID Protocol Entity Tags (DETs) Prefix'],
    ['2001:db8::1', 'Documentation'],
    ['2002:808:808::1', '6to4'],
    ['2620:4f:8000::53', 'Direct Delegation AS112 Service'],
    ['3fff::1', 'Documentation'],
    ['5f00::1', 'Segment Routing (SRv6) SIDs'],
    ['fd12:3456::1', 'Unique-Local'],
    ['fe80::1', 'Link-Local Unicast'],
  ])('%s: %s', (text, name) => {
    expect(specialPurpose(addressOrThrow(text))?.name).toBe(name);
  });

  test('ordinary addresses and prefixes wider than any block have no entry', () => {
    for (const t of [
      '8.8.8.8',
      '1.1.1.1',
      '223.255.255.255',
      '224.0.0.1',
      '2606:4700::1111',
      '2001:200::1',
      'ff02::1',
    ]) {
      expect(specialPurpose(addressOrThrow(t)), t).toBeUndefined();
    }
    for (const t of ['10.0.0.0/7', '2001:db8::/31', '0.0.0.0/0', '::/0', '192.0.0.0/23']) {
      expect(specialPurpose(prefixOrThrow(t)), t).toBeUndefined();
    }
  });

  test('prefixes take the most specific block that holds all of them', () => {
    expect(specialPurpose(prefixOrThrow('10.1.0.0/16'))?.name).toBe('Private-Use');
    expect(specialPurpose(prefixOrThrow('192.0.0.0/29'))?.name).toBe(
      'IPv4 Service Continuity Prefix',
    );
    expect(specialPurpose(prefixOrThrow('192.0.0.0/28'))?.name).toBe('IETF Protocol Assignments');
    expect(specialPurpose(prefixOrThrow('2001::/23'))?.name).toBe('IETF Protocol Assignments');
    expect(specialPurpose(prefixOrThrow('2001::/22'))).toBeUndefined();
  });

  test('policy columns, N/A and terminated rows', () => {
    const teredo = specialPurpose(addressOrThrow('2001::1'))!;
    expect(teredo.globallyReachable).toBeNull();
    expect(teredo.forwardable).toBe(true);
    const relay = specialPurpose(addressOrThrow('192.88.99.1'))!;
    expect(relay.terminated).toBe('2015-03');
    expect([
      relay.source,
      relay.destination,
      relay.forwardable,
      relay.globallyReachable,
      relay.reservedByProtocol,
    ]).toEqual([null, null, null, null, null]);
    const broadcast = specialPurpose(addressOrThrow('255.255.255.255'))!;
    expect([broadcast.source, broadcast.destination, broadcast.reservedByProtocol]).toEqual([
      false,
      true,
      true,
    ]);
    expect(broadcast.rfc).toEqual(['RFC 8190', 'RFC 919 §7']);
    const pcp = specialPurpose(addressOrThrow('192.0.0.9'))!;
    expect(pcp.globallyReachable).toBe(true);
    expect('terminated' in pcp).toBe(false);
  });

  test.each(
    [...IPV4_SPECIAL_PURPOSE, ...IPV6_SPECIAL_PURPOSE].map(
      (e) => [formatPrefix(e.prefix), e] as const,
    ),
  )('row %s is well formed', (_, e) => {
    expect(hasHostBits(e.prefix.address, e.prefix.length)).toBe(false);
    expect(e.name).not.toBe('');
    expect(e.rfc.length).toBeGreaterThan(0);
    for (const r of e.rfc) expect(r).toMatch(/^RFC \d+( §[\d.]+)?$/);
    expect(e.allocated).toMatch(/^(19|20)\d\d-(0[1-9]|1[0-2])$/);
    // RFC 6890 §2.2.1: if Destination is false, Forwardable and Global must be false.
    if (e.destination === false) {
      expect(e.forwardable).toBe(false);
      expect(e.globallyReachable).toBe(false);
    }
    if (e.terminated !== undefined) expect(e.source).toBeNull();
    // The row is its own most specific match unless an identical block is listed twice.
    expect(specialPurpose(e.prefix)).toBe(e);
  });

  test('table sizes (a new registry row should come with a vector above)', () => {
    expect(IPV4_SPECIAL_PURPOSE).toHaveLength(26);
    expect(IPV6_SPECIAL_PURPOSE).toHaveLength(25);
  });
});
