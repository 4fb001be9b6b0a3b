import { type Address, formatAddress, formatPrefix, type Prefix } from '@routekit/prefix';
import { toHex } from '@routekit/wire';
import type { MrtRecord } from './record.js';

/** JSON value produced by {@link mrtRecordToJson}. */
export type MrtJson = null | boolean | number | string | MrtJson[] | { [key: string]: MrtJson };

function isAddress(v: object): v is Address {
  const o = v as Record<string, unknown>;
  return (
    (o['family'] === 4 && typeof o['value'] === 'number' && Object.keys(o).length === 2) ||
    (o['family'] === 6 && Array.isArray(o['words']) && Object.keys(o).length === 2)
  );
}

function isPrefix(v: object): v is Prefix {
  const o = v as Record<string, unknown>;
  return (
    (o['family'] === 4 || o['family'] === 6) &&
    typeof o['length'] === 'number' &&
    typeof o['address'] === 'object' &&
    o['address'] !== null &&
    Object.keys(o).length === 3
  );
}

function convert(v: unknown): MrtJson {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return toHex(v);
  if (Array.isArray(v)) return v.map(convert);
  if (typeof v === 'object') {
    if (isPrefix(v)) return formatPrefix(v);
    if (isAddress(v)) return formatAddress(v);
    const out: { [key: string]: MrtJson } = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = convert(x);
    return out;
  }
  return String(v);
}

/**
 * A stable JSON form of a record: field names as in the model, in decoding order; bytes as
 * lowercase hex; addresses and prefixes as text (`192.0.2.0/24`, `2001:db8::1`); bigints as
 * decimal strings.
 */
export function mrtRecordToJson(record: MrtRecord): MrtJson {
  return convert(record);
}
