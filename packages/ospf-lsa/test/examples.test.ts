import { readmeExampleTests } from '@routekit/testkit';

const EXPECTED: readonly string[] = [
  '188 bytes, 3 LSAs, issues: []',
  '192.0.2.53/32 intra cost 10 via 10.0.12.2',
];

readmeExampleTests({
  readme: new URL('../README.md', import.meta.url),
  example: new URL('../examples/readme.ts', import.meta.url),
  run: () => import('../examples/readme.js'),
  expected: EXPECTED,
});
