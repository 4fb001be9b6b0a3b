import { execFile, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Output of a finished command. */
export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  /** Exit status (0 = success). */
  readonly code: number;
}

/** A command that failed (non-zero exit, signal, timeout or not found). */
export class CommandError extends Error {
  readonly argv: readonly string[];
  readonly code: number | string | undefined;
  readonly stdout: string;
  readonly stderr: string;
  constructor(
    argv: readonly string[],
    code: number | string | undefined,
    stdout: string,
    stderr: string,
    why: string,
  ) {
    const out = [stderr.trim(), stdout.trim()].filter(Boolean).join('\n');
    super(`${argv.join(' ')}: ${why}${out ? `\n${out.slice(-2000)}` : ''}`);
    this.name = 'CommandError';
    this.argv = argv;
    this.code = code;
    this.stdout = stdout;
    this.stderr = stderr;
  }
}

export interface RunOptions {
  /** Default 20 s. */
  readonly timeoutMs?: number;
  /** Return a non-zero exit as a result instead of throwing. */
  readonly allowFailure?: boolean;
  /** Extra environment variables. */
  readonly env?: Readonly<Record<string, string>>;
  /** Default 64 MiB. */
  readonly maxBuffer?: number;
}

/** Run `argv` (no shell) and collect its output. Throws `CommandError` on failure. */
export function run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const [cmd, ...args] = argv;
  if (cmd === undefined) return Promise.reject(new Error('run: empty argv'));
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      {
        encoding: 'utf8',
        timeout: options.timeoutMs ?? 20_000,
        maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024,
        env: { ...process.env, LC_ALL: 'C', ...options.env },
      },
      (err, stdout, stderr) => {
        if (!err) {
          resolve({ stdout, stderr, code: 0 });
          return;
        }
        const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null };
        if (typeof e.code === 'number' && options.allowFailure) {
          resolve({ stdout, stderr, code: e.code });
          return;
        }
        const why =
          e.code === 'ENOENT'
            ? 'command not found'
            : e.killed
              ? `timed out after ${options.timeoutMs ?? 20_000} ms`
              : e.signal
                ? `killed by ${e.signal}`
                : `exit status ${String(e.code)}`;
        reject(new CommandError(argv, e.code ?? e.signal ?? undefined, stdout, stderr, why));
      },
    );
  });
}

/** Synchronous `run` for exit handlers; never throws, returns the output and status. */
export function runSync(argv: readonly string[], timeoutMs = 10_000): RunResult {
  const [cmd, ...args] = argv;
  if (cmd === undefined) return { stdout: '', stderr: 'empty argv', code: -1 };
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: timeoutMs });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', code: r.status ?? -1 };
}

const EXTRA_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * The absolute path of an executable: `name` if it contains a '/', else the first match
 * in PATH and the usual system directories (sbin included, which a user's PATH often
 * lacks). Undefined if not found.
 */
export function findBinary(name: string): string | undefined {
  const candidates = name.includes('/')
    ? [name]
    : [...(process.env['PATH'] ?? '').split(delimiter).filter(Boolean), ...EXTRA_DIRS].map((d) =>
        join(d, name),
      );
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

/** `findBinary`, throwing an error that says how to install it when missing. */
export function requireBinary(name: string): string {
  const path = findBinary(name);
  if (!path) {
    throw new Error(
      `${name} not found; install the lab tools with \`bash scripts/install-system.sh\``,
    );
  }
  return path;
}
