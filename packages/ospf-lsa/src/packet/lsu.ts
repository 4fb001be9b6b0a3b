import { fail, type Reader, type Writer } from '@routekit/wire';
import { LSA_HEADER_LENGTH } from '../iana.js';
import { type Lsa, readLsa } from '../lsa/lsa.js';

/**
 * Link State Update body (RFC 2328 A.3.5).
 *
 * ```
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            # LSAs                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                             LSAs ...                          |
 * ```
 *
 * LSAs are written from their `raw` bytes (re-flooding sends them unchanged).
 */
export interface LsuBody {
  readonly kind: 'lsu';
  readonly lsas: readonly Lsa[];
}

export function readLsu(r: Reader): LsuBody {
  const at = r.offset;
  const count = r.u32('ls_upd.num_lsas');
  if (count * LSA_HEADER_LENGTH > r.remaining)
    fail('bad-value', at, { length: 4, detail: `${count} LSAs cannot fit ${r.remaining} bytes` });
  const lsas: Lsa[] = [];
  for (let i = 0; i < count; i++) lsas.push(readLsa(r));
  return { kind: 'lsu', lsas };
}

export function lsuLength(b: LsuBody): number {
  let n = 4;
  for (const l of b.lsas) n += l.raw.length;
  return n;
}

export function writeLsu(w: Writer, b: LsuBody): void {
  w.u32(b.lsas.length);
  for (const l of b.lsas) w.bytes(l.raw);
}
