import { readFileSync } from 'node:fs';
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

const EXPECTED = [
  'p2p lab default docs',
  '0.0.0.0/0 10.21.0.0/16 10.21.2.2/31',
  'true -1',
  'add 10.21.2.2/31 connected',
  'add 169.254.0.1/32 bgp:10.21.2.3',
  '169.254.0.1 via 10.21.2.3 dev eth1',
  '[{"ip":"10.21.2.3","afi":"ipv4","active":true,"recursive":true},{"fib":true,"ip":"10.21.2.3","afi":"ipv4","interfaceName":"eth1","resolver":true,"active":true}]',
  'remove 10.21.2.2/31 ',
  'remove 169.254.0.1/32 ',
  '0',
  'no-next-hops',
];

test('the README example runs and prints what the README shows', async () => {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  });
  await import('./readme.js');
  expect(lines).toEqual(EXPECTED);
});

test('the README shows examples/readme.ts verbatim, and its output', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const example = readFileSync(new URL('./readme.ts', import.meta.url), 'utf8');
  expect(readme).toContain(example.trim());
  for (const line of EXPECTED) expect(readme).toContain(line);
});
