import { readFileSync } from 'node:fs';
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

const expected = [
  'installed: eBGP via 192.0.2.1 (Administrative Distance)',
  'ECMP: eBGP via 192.0.2.1, eBGP via 192.0.2.5',
  'BGP best: eBGP via 192.0.2.1 (Router ID)',
  'after the failure: OSPF E2 (Administrative Distance)',
  'BGP best: iBGP via 10.0.0.9 (Reachable Next Hop)',
];

test('the README example runs and prints what the README shows', async () => {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  });
  await import('./readme.js');
  expect(lines).toEqual(expected);
});

test('the README shows this file and this output, verbatim', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const example = readFileSync(new URL('./readme.ts', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Example'), readme.indexOf('## API'));
  expect(section).toContain(`\`\`\`ts\n${example.trimEnd()}\n\`\`\``);
  expect(section).toContain(`\`\`\`text\n${expected.join('\n')}\n\`\`\``);
});
