import { type Prefix, prefixByteLength, prefixFromBytes, prefixToBytes } from '@routekit/prefix';
import { fail, type Reader, type Writer } from '@routekit/wire';

/*
 * RFC 4271 §4.3 (withdrawn routes, NLRI) and RFC 4760 §5 (MP NLRI) for IPv4/IPv6:
 *
 *   +---------------------------+
 *   |   Length (1 octet)        |
 *   +---------------------------+
 *   |   Prefix (variable)       |
 *   +---------------------------+
 *
 * RFC 7911 §3: with ADD-PATH negotiated for the family, a 4-octet Path Identifier
 * precedes each Length.
 */

/** One route of an NLRI or withdrawn-routes field. */
export interface Nlri {
  readonly prefix: Prefix;
  /** RFC 7911 path identifier, present exactly when ADD-PATH applies. */
  readonly pathId?: number;
}

/** Hard cap on routes in one field (a 64 KiB message holds at most 65535 /0 routes). */
export const MAX_ROUTES = 65_536;

/** Read prefixes until the reader is used up. Fails with `invalid-network-field`. */
export function readNlriList(r: Reader, family: 4 | 6, addPath: boolean): Nlri[] {
  const out: Nlri[] = [];
  const bits = family === 4 ? 32 : 128;
  while (r.remaining > 0) {
    if (out.length >= MAX_ROUTES) fail('limit-exceeded', r.offset, { detail: 'too many routes' });
    const start = r.offset;
    if (addPath && r.remaining < 5) {
      fail('invalid-network-field', start, {
        length: r.remaining,
        detail: 'truncated path identifier',
      });
    }
    const pathId = addPath ? r.u32('nlri.path_id') : undefined;
    const lenAt = r.offset;
    const length = r.u8('nlri.length');
    if (length > bits)
      fail('invalid-network-field', lenAt, {
        length: 1,
        detail: `prefix length ${length} > ${bits}`,
      });
    const n = prefixByteLength(length);
    if (n > r.remaining) {
      fail('invalid-network-field', lenAt, {
        length: 1 + r.remaining,
        detail: `prefix needs ${n} bytes`,
      });
    }
    const res = prefixFromBytes(family, length, r.bytes(n, 'nlri.prefix'), { hostBits: 'mask' });
    if (!res.ok) fail('invalid-network-field', lenAt, { length: 1 + n, detail: res.error.code });
    out.push(pathId === undefined ? { prefix: res.value } : { prefix: res.value, pathId });
  }
  return out;
}

/** Bytes of a list of routes; path ids are written exactly when `addPath`. */
export function nlriListLength(routes: readonly Nlri[], addPath: boolean): number {
  let n = 0;
  for (const x of routes) n += (addPath ? 5 : 1) + prefixByteLength(x.prefix.length);
  return n;
}

export function writeNlriList(w: Writer, routes: readonly Nlri[], addPath: boolean): void {
  for (const x of routes) {
    if (addPath) w.u32(x.pathId ?? 0);
    w.u8(x.prefix.length).bytes(prefixToBytes(x.prefix));
  }
}
