import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { vectorPath } from '@routekit/testkit';
import { expect, test } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], (e, out, err) => {
      resolve({ code: e === null ? 0 : ((e as { code?: number }).code ?? -1), out, err });
    });
  });
}

// The built bin as a child process. `tsc -b` is incremental: it builds the package and
// its references (wire, capture, rip-codec, ospf-lsa) when a source changed, and is quick otherwise.
test('the built routekit bin runs, prints JSON lines and sets exit codes', {
  timeout: 180_000,
}, async () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', fileURLToPath(new URL('..', import.meta.url))], {
    stdio: 'inherit',
    timeout: 170_000,
  });
  expect(existsSync(bin)).toBe(true);
  const ok = await run(['decode', vectorPath('rip/tcpdump/ripv1v2.pcap')]);
  expect(ok.code).toBe(0);
  expect(
    ok.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).protocol),
  ).toEqual(['rip', 'rip', 'rip', 'rip']);
  // the built-in codecs resolve from the built package too
  expect(JSON.parse(ok.out.split('\n')[3] ?? '').message).toMatchObject({
    command: 'response',
    version: 2,
    entries: [{ prefix: '10.70.178.0/24', metric: 1 }],
  });
  const spf = await run([
    'ospf',
    'spf',
    vectorPath('ospf/packetlife/OSPF_LSA_types.cap'),
    '--router',
    '5.5.5.5',
    '--format',
    'json',
  ]);
  expect(spf.code).toBe(0);
  expect(JSON.parse(spf.out).routes).toHaveLength(9);
  const noRouter = await run(['ospf', 'spf', vectorPath('ospf/packetlife/OSPF_LSA_types.cap')]);
  expect(noRouter.code).toBe(1);
  const usage = await run(['decode', '--bogus']);
  expect(usage.code).toBe(1);
  const missing = await run(['capture', 'no-such-file.pcap']);
  expect(missing.code).toBe(2);
  expect(missing.err).toBe('routekit capture: cannot read no-such-file.pcap: ENOENT\n');
});

// Runs after the build above. `routekit mrt big.gz | head -1`: the closed pipe ends the
// command quietly (exit 0, nothing on stderr), long before the file is read.
test('routekit mrt into a pipe closed early (| head): exit 0, no stack trace', {
  timeout: 60_000,
}, async () => {
  const child = spawn(process.execPath, [
    bin,
    'mrt',
    vectorPath('mrt/bgpdump/bview.20020722.2337.gz'),
  ]);
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  let first = '';
  child.stdout.once('data', (d: Buffer) => {
    first = d.toString().split('\n')[0] ?? '';
    child.stdout.destroy();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(first).toMatch(/^TABLE_DUMP\|\d+\|B\|/);
  expect(code).toBe(0);
  expect(err).toBe('');
});
