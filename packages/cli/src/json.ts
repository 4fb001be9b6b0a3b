import { toHex } from '@routekit/wire';

/**
 * Plain JSON for any decoded value: bigint as a decimal string, Uint8Array as lowercase
 * hex, Map as an object, Set as an array, undefined fields left out. Cycles and depth
 * beyond 64 are cut (`"[cycle]"`, `"[too deep]"`).
 */
export function toPlain(value: unknown, depth = 0, seen: Set<object> = new Set()): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return toHex(value);
  if (value === null || typeof value !== 'object') {
    return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
  }
  if (depth > 64) return '[too deep]';
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  let out: unknown;
  if (Array.isArray(value)) out = value.map((v) => toPlain(v, depth + 1, seen));
  else if (value instanceof Set) out = [...value].map((v) => toPlain(v, depth + 1, seen));
  else if (value instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, v] of value) o[String(k)] = toPlain(v, depth + 1, seen);
    out = o;
  } else {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined && typeof v !== 'function') o[k] = toPlain(v, depth + 1, seen);
    }
    out = o;
  }
  seen.delete(value);
  return out;
}

/** One JSON line. */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(toPlain(value))}\n`;
}
