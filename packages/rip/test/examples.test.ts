import { readmeExampleTests } from '@routekit/testkit';

const EXPECTED: readonly string[] = [
  '1 ms: learned via eth1, metric 2',
  'rip:eth1',
  '10001 ms: learned via eth2, metric 4',
  'rip:eth2',
  '[["10.0.2.2",4]]',
];

readmeExampleTests({
  readme: new URL('../README.md', import.meta.url),
  example: new URL('../examples/readme.ts', import.meta.url),
  run: () => import('../examples/readme.js'),
  expected: EXPECTED,
});
