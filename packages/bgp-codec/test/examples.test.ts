import { readmeExampleTests } from '@routekit/testkit';

const EXPECTED: readonly string[] = [
  '55 bytes: 00 37 02 00 00 00 1b 40 01 01 00 40 …',
  'announce 192.0.2.53/32',
  'NO_EXPORT',
  'bad-value at 26: treat-as-withdraw',
  'truncated at 18',
];

readmeExampleTests({
  readme: new URL('../README.md', import.meta.url),
  example: new URL('../examples/readme.ts', import.meta.url),
  run: () => import('../examples/readme.js'),
  expected: EXPECTED,
});
