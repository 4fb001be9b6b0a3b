#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { main } from './main.js';

// The only side-effecting module of the package: run the command, set the exit code.
// A closed pipe (`routekit decode f.pcap | head`) ends the output quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
main(process.argv.slice(2), {
  stdout: (text) => {
    process.stdout.write(text);
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
