import { readFile } from 'node:fs/promises';
import { type Io, main } from '../src/index.js';

/** What one in-process `routekit` run printed and returned. */
export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Run `routekit ...argv` in-process, reading real files. */
export async function run(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    readFile: async (p) => new Uint8Array(await readFile(p)),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

/** The JSON lines of a run's stdout. */
export const lines = (r: Run): Record<string, unknown>[] =>
  r.out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
