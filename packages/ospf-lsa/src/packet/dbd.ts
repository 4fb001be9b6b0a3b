import type { Reader, Writer } from '@routekit/wire';
import { LSA_HEADER_LENGTH } from '../iana.js';
import { type LsaHeader, readLsaHeader, writeLsaHeader } from '../lsa/header.js';

/**
 * Database Description body (RFC 2328 A.3.3).
 *
 * ```
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Interface MTU         |    Options    |0|0|0|0|0|I|M|MS
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     DD sequence number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      An LSA Header ...                        |
 * ```
 */
export interface DbdBody {
  readonly kind: 'dbd';
  readonly interfaceMtu: number;
  readonly options: number;
  /** I, M, MS bits (`DbdFlag`). */
  readonly flags: number;
  readonly sequence: number;
  readonly lsaHeaders: readonly LsaHeader[];
}

export function readLsaHeaders(r: Reader): LsaHeader[] {
  const out: LsaHeader[] = [];
  while (r.remaining >= LSA_HEADER_LENGTH) out.push(readLsaHeader(r));
  return out;
}

export function readDbd(r: Reader): DbdBody {
  return {
    kind: 'dbd',
    interfaceMtu: r.u16('db.interface_mtu'),
    options: r.u8('db.options'),
    flags: r.u8('db.flags'),
    sequence: r.u32('db.dd_sequence'),
    lsaHeaders: readLsaHeaders(r),
  };
}

export function dbdLength(b: DbdBody): number {
  return 8 + LSA_HEADER_LENGTH * b.lsaHeaders.length;
}

export function writeDbd(w: Writer, b: DbdBody): void {
  w.u16(b.interfaceMtu).u8(b.options).u8(b.flags).u32(b.sequence);
  for (const h of b.lsaHeaders) writeLsaHeader(w, h);
}
