import { readmeExampleTests } from '@routekit/testkit';

const EXPECTED: readonly string[] = [
  '192.0.2.0/24 198.51.100.0/24 2001:db8::/48 2001:db8:1::/48',
  '2001:db8:1::53 is inside 2001:db8:1::/48',
  'host-bits-set: host bits set in "192.0.2.1/24": bits after /24 are not zero; the prefix containing it is 192.0.2.0/24',
  'masked: 192.0.2.0/24',
  'NLRI bytes: c6 33 64',
  '203.0.113.0/26 203.0.113.64/26 203.0.113.128/26 203.0.113.192/26',
  '::ffff:192.0.2.1: IPv4-mapped Address',
  '192.0.0.9: Port Control Protocol Anycast',
  '100.64.1.1: Shared Address Space',
];

readmeExampleTests({
  readme: new URL('../README.md', import.meta.url),
  example: new URL('../examples/readme.ts', import.meta.url),
  run: () => import('../examples/readme.js'),
  expected: EXPECTED,
});
