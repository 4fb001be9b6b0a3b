/** What the command needs from the outside world, so tests run it in-process. */
export interface Io {
  /** Write text to standard output (the text carries its own newlines). */
  readonly stdout: (text: string) => void;
  /** Write text to standard error. */
  readonly stderr: (text: string) => void;
  /** Read a whole file; rejects when it cannot be read. */
  readonly readFile: (path: string) => Promise<Uint8Array>;
}

/** Exit codes: 0 ok, 1 usage (bad arguments), 2 unreadable input. */
export const ExitCode = { Ok: 0, Usage: 1, Unreadable: 2 } as const;

/** One of {@link ExitCode}. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** A usage mistake: printed with the command's help hint, exit code 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The command whose help the hint names when not the top-level one (`ospf spf`). */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}
