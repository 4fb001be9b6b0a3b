import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

it('only src/transport/node.ts imports node:* (the engine runs in browsers and simulators)', () => {
  const all = files(SRC);
  expect(all.length).toBeGreaterThan(5);
  const offenders = all.filter((f) => {
    if (f.endsWith(join('transport', 'node.ts'))) return false;
    const text = readFileSync(f, 'utf8');
    return /from\s+['"]node:|require\(['"]node:|from\s+['"](fs|dgram|os|net|path)['"]|\bBuffer\b|\bprocess\.\w/.test(
      text,
    );
  });
  expect(offenders).toEqual([]);
});
