import { readFileSync } from 'node:fs';
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

const EXPECTED = [
  'pcap 2.4: 2 frames',
  'error: none',
  'tcp:0 192.0.2.1:40000 → 192.0.2.2:179',
  'bgp message of 19 bytes in frames 1-2',
  '1 frame, truncated at offset 90',
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
