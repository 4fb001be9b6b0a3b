import { toHex } from '@routekit/wire';
import { toPlain } from './json.js';

/**
 * An indented field tree of a plain value, like `tshark -V`:
 *
 * ```text
 * message
 *   kind: update
 *   withdrawn: (none)
 * ```
 */
export function fieldTree(name: string, value: unknown, indent = 0): string {
  return lines(name, toPlain(value), indent).join('\n');
}

function lines(name: string, value: unknown, indent: number): string[] {
  const pad = '  '.repeat(indent);
  if (value === null || typeof value !== 'object') return [`${pad}${name}: ${scalar(value)}`];
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [`[${i}]`, v])
    : Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return [`${pad}${name}: (none)`];
  return [`${pad}${name}`, ...entries.flatMap(([k, v]) => lines(k, v, indent + 1))];
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '""' : value;
  return String(value);
}

/** Hex dump lines, 16 bytes each, with offsets (`0000  ff ff …`). */
export function hexDump(bytes: Uint8Array, indent = 0, limit = 256): string[] {
  const pad = '  '.repeat(indent);
  const out: string[] = [];
  const shown = Math.min(bytes.length, limit);
  for (let i = 0; i < shown; i += 16) {
    const row = toHex(bytes.subarray(i, Math.min(i + 16, shown)), ' ');
    out.push(`${pad}${i.toString(16).padStart(4, '0')}  ${row}`);
  }
  if (bytes.length > shown) out.push(`${pad}… ${bytes.length - shown} more bytes`);
  return out;
}
