import { readFileSync } from 'node:fs';
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

const EXPECTED = [
  '192.0.2.0/24 198.51.100.0/24 2001:db8::/48 2001:db8:1::/48',
  '2001:db8:1::53 is inside 2001:db8:1::/48',
  'host-bits-set: host bits set in "192.0.2.1/24": bits after /24 are not zero; the prefix containing it is 192.0.2.0/24',
  'masked: 192.0.2.0/24',
  'NLRI bytes: c6 33 64',
  '203.0.113.0/26 203.0.113.64/26 203.0.113.128/26 203.0.113.192/26',
  '::ffff:192.0.2.1: IPv4-mapped Address',
  '192.0.0.9: Port Control Protocol Anycast',
  '100.64.1.1: Shared Address Space',
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
