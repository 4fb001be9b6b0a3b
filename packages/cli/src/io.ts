/** What the command needs from the outside world, so tests run it in-process. */
export interface Io {
  /** Write text to standard output (the text carries its own newlines). */
  readonly stdout: (text: string) => void;
  /** Write text to standard error. */
  readonly stderr: (text: string) => void;
  /** Read a whole file; rejects when it cannot be read. */
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /**
   * Open a file to read in chunks (`routekit mrt` streams multi-gigabyte dumps); rejects
   * when it cannot be opened. Without it, commands fall back to `readFile`.
   */
  readonly openFile?: (path: string) => Promise<OpenedFile>;
  /**
   * Resolves when standard output can take more text (backpressure: a slow pipe). Long
   * outputs await it between batches; without it they do not wait.
   */
  readonly drain?: () => Promise<void>;
  /** Whether standard error is a terminal (progress bars are shown only then, or on request). */
  readonly stderrIsTTY?: boolean;
}

/** A file opened by {@link Io.openFile}. */
export interface OpenedFile {
  /** Size in bytes (of the file as stored: compressed for a `.gz`/`.bz2`). */
  readonly size: number;
  /** The file's bytes, in order. */
  readonly chunks: AsyncIterable<Uint8Array>;
}

/**
 * Exit codes: 0 ok, 1 usage (bad arguments), 2 unreadable input, 3 damaged input
 * (`routekit mrt`: a damaged record was met; what could be read was printed).
 */
export const ExitCode = { Ok: 0, Usage: 1, Unreadable: 2, Damaged: 3 } as const;

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
