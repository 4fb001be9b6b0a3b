import { readFileSync } from 'node:fs';
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

const EXPECTED = [
  '1 ms: learned via eth1, metric 2',
  'rip:eth1',
  '10001 ms: learned via eth2, metric 4',
  'rip:eth2',
  '[["10.0.2.2",4]]',
];

test('the README example runs and prints what the README shows', async () => {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  });
  await import('../examples/readme.js');
  expect(lines).toEqual(EXPECTED);
});

test('the README shows examples/readme.ts verbatim, and its output', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const example = readFileSync(new URL('../examples/readme.ts', import.meta.url), 'utf8');
  expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);
  expect(readme).toContain(`\`\`\`text\n${EXPECTED.join('\n')}\n\`\`\``);
});
