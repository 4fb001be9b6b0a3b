import { readmeExampleTests } from '@routekit/testkit';

const EXPECTED: readonly string[] = [
  '80 bytes: 02 02 00 00 ff ff 00 03 00 2c 01 20 00 00 00 07 00 00 00 00 00 00 00 00 …',
  '{"ok":true,"keyId":1,"sequence":7}',
  '192.0.2.53/32 metric 1',
  '{"ok":false,"reason":"bad-digest"}',
  'bad-metric at 20: ignore-entry',
];

readmeExampleTests({
  readme: new URL('../README.md', import.meta.url),
  example: new URL('../examples/readme.ts', import.meta.url),
  run: () => import('../examples/readme.js'),
  expected: EXPECTED,
});
