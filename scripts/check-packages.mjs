// Check the shape of every public package: publint (package.json, exports, files) and
// attw (types resolve for every entry point under Node's ESM resolution and bundlers).
// Run after `pnpm build`. Exits non-zero if any package fails either tool.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const packagesDir = join(root, 'packages');
let failed = 0;
let checked = 0;

for (const name of readdirSync(packagesDir).sort()) {
  const dir = join(packagesDir, name);
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.private) {
    console.log(`- ${manifest.name}: private, not published, skipped`);
    continue;
  }
  if (!existsSync(join(dir, 'dist'))) {
    console.error(`✗ ${manifest.name}: no dist/ — run \`pnpm build\` first`);
    failed++;
    continue;
  }
  checked++;
  for (const [tool, args] of [
    ['publint', ['--strict', '--level', 'suggestion']],
    ['attw', ['--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped']],
  ]) {
    try {
      const out = execFileSync(bin(tool), args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      console.log(`✓ ${manifest.name}: ${tool}\n${indent(out)}`);
    } catch (e) {
      failed++;
      console.error(
        `✗ ${manifest.name}: ${tool} failed\n${indent(`${e.stdout ?? ''}${e.stderr ?? ''}`)}`,
      );
    }
  }
}

function indent(text) {
  return text
    .trim()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

console.log(`${checked} public package(s) checked, ${failed} failure(s)`);
process.exit(failed > 0 ? 1 : 0);
