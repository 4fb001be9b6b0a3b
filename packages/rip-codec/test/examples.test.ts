import { readFileSync } from 'node:fs';
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

const EXPECTED = [
  '80 bytes: 02 02 00 00 ff ff 00 03 00 2c 01 20 00 00 00 07 00 00 00 00 00 00 00 00 …',
  '{"ok":true,"keyId":1,"sequence":7}',
  '192.0.2.53/32 metric 1',
  '{"ok":false,"reason":"bad-digest"}',
  'bad-metric at 20: ignore-entry',
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
