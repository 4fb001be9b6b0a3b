import { readmeExampleTests } from '@routekit/testkit';

const EXPECTED: readonly string[] = [
  '01 02 00 10 39 82 01 04 c0 00 02 01 02 02 00 64',
  'checksum verifies: true',
  'decoded 16 bytes: 1:c0000201 2:0064',
  '{"ok":false,"error":{"code":"truncated","offset":6,"length":10,"detail":"need 10 bytes, 3 left"}}',
  '{"ok":false,"error":{"code":"length-out-of-range","offset":2,"length":2}}',
  'version@0+1 count@1+1 length@2+2 checksum@4+2 type@6+1 length@7+1 value@8+4 tlv@6+6 type@12+1 length@13+1 value@14+2 tlv@12+4',
];

readmeExampleTests({
  readme: new URL('../README.md', import.meta.url),
  example: new URL('./readme.ts', import.meta.url),
  run: () => import('./readme.js'),
  expected: EXPECTED,
  section: { from: '## Example', to: '## API' },
});
