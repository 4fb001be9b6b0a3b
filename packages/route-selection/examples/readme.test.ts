import { readmeExampleTests } from '@routekit/testkit';

const EXPECTED: readonly string[] = [
  'installed: eBGP via 192.0.2.1 (Administrative Distance)',
  'ECMP: eBGP via 192.0.2.1, eBGP via 192.0.2.5',
  'BGP best: eBGP via 192.0.2.1 (Router ID)',
  'after the failure: OSPF E2 (Administrative Distance)',
  'BGP best: iBGP via 10.0.0.9 (Reachable Next Hop)',
];

readmeExampleTests({
  readme: new URL('../README.md', import.meta.url),
  example: new URL('./readme.ts', import.meta.url),
  run: () => import('./readme.js'),
  expected: EXPECTED,
  section: { from: '## Example', to: '## API' },
});
