import { gunzipSync } from 'node:zlib';
import { type Capture, readCapture } from '@routekit/capture';
import { ExitCode, type ExitCodeValue, type Io } from './io.js';

/** Input that cannot be read: printed as one line, exit code 2. */
export class UnreadableError extends Error {
  override readonly name = 'UnreadableError';
}

/** Largest size a gzip capture may inflate to. */
export const MAX_INFLATED_BYTES: number = 1024 * 1024 * 1024;

/** Read a file; a missing or unreadable file is an {@link UnreadableError}. */
export async function readInput(path: string, io: Io): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const why = typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
    throw new UnreadableError(`cannot read ${path}: ${why}`);
  }
}

/**
 * Read a capture file (pcap, pcapng, gzip) with the reader's total API. A file that
 * yields no frame because it is not a capture or is damaged at once is unreadable; a
 * file damaged later keeps its first frames and the error is returned for a warning.
 */
export function openCaptureBytes(path: string, bytes: Uint8Array): Capture {
  const capture = readCapture(bytes, {
    inflate: (b) => new Uint8Array(gunzipSync(b, { maxOutputLength: MAX_INFLATED_BYTES })),
  });
  if (capture.error !== undefined && capture.frames.length === 0) {
    const e = capture.error;
    throw new UnreadableError(
      `${path}: ${e.code} at offset ${e.offset}${e.detail === undefined ? '' : `: ${e.detail}`}`,
    );
  }
  return capture;
}

/** The warning line for a capture that was damaged after its first frames. */
export function damageWarning(path: string, capture: Capture): string | undefined {
  const e = capture.error;
  if (e === undefined) return undefined;
  return `routekit: warning: ${path}: ${e.code} at offset ${e.offset}${
    e.detail === undefined ? '' : ` (${e.detail})`
  }; showing the ${capture.frames.length} frames before it\n`;
}

/**
 * The exit code of a command that has printed what it could read: 0, or — for a capture
 * damaged part-way — the damage warning on stderr and exit code 2 (unreadable input).
 */
export function exitAfterDamage(io: Io, path: string, capture: Capture): ExitCodeValue {
  const warning = damageWarning(path, capture);
  if (warning === undefined) return ExitCode.Ok;
  io.stderr(warning);
  return ExitCode.Unreadable;
}
