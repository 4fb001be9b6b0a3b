import { readFileSync } from 'node:fs';
import { afterEach, expect, test, vi } from 'vitest';
import { unregisterDecoder } from '../src/index.js';

afterEach(() => {
  vi.restoreAllMocks();
  unregisterDecoder('bgp');
});

const EXPECTED = [
  '{"frame":null,"flow":null,"protocol":"rip","message":{"protocol":"rip","command":"response","version":2,"entries":[{"afi":2,"address":"10.0.0.4","metric":1,"prefix":"10.0.0.4/30","tag":0,"mask":"255.255.255.252","nextHop":"0.0.0.0"}],"issues":[]}}',
  '0',
  '{"frame":null,"flow":null,"protocol":"bgp","payload":{"length":19,"hex":"ffffffffffffffffffffffffffffffff001304"}}',
  '0',
  '{"frame":null,"flow":null,"protocol":"bgp","message":{"kind":"keepalive","length":19}}',
  '0',
  'BGP  hex input\n  message\n    kind: keepalive\n    length: 19',
  '0',
  'stderr: routekit decode: --format must be json or tree, not xml\nRun `routekit decode --help` for usage.',
  '1',
  'stderr: routekit capture: cannot read missing.pcap: ENOENT',
  '2',
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
