#!/usr/bin/env node
import { open, readFile } from 'node:fs/promises';
import { main } from './main.js';

// The only side-effecting module of the package: run the command, set the exit code.
// A closed pipe (`routekit decode f.pcap | head`) ends the output quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
// Backpressure: a write the stream could not take at once makes `drain()` wait for it.
let blocked: Promise<void> | undefined;
main(process.argv.slice(2), {
  stdout: (text) => {
    if (!process.stdout.write(text) && blocked === undefined) {
      blocked = new Promise((resolve) => {
        process.stdout.once('drain', () => {
          blocked = undefined;
          resolve();
        });
      });
    }
  },
  drain: () => blocked ?? Promise.resolve(),
  stderrIsTTY: process.stderr.isTTY === true,
  openFile: async (path) => {
    const handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      await handle.close();
      throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
    }
    return { size: stat.size, chunks: handle.createReadStream({ highWaterMark: 1 << 20 }) };
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  readFile: async (path) => new Uint8Array(await readFile(path)),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`routekit: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
