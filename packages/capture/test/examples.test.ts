import { readmeExampleTests } from '@routekit/testkit';

const EXPECTED: readonly string[] = [
  'pcap 2.4: 2 frames',
  'error: none',
  'tcp:0 192.0.2.1:40000 → 192.0.2.2:179',
  'bgp message of 19 bytes in frames 1-2',
  '1 frame, truncated at offset 90',
];

readmeExampleTests({
  readme: new URL('../README.md', import.meta.url),
  example: new URL('../examples/readme.ts', import.meta.url),
  run: () => import('../examples/readme.js'),
  expected: EXPECTED,
});
