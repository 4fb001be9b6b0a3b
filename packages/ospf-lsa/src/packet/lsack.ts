import type { Reader, Writer } from '@routekit/wire';
import { LSA_HEADER_LENGTH } from '../iana.js';
import { type LsaHeader, writeLsaHeader } from '../lsa/header.js';
import { readLsaHeaders } from './dbd.js';

/**
 * Link State Acknowledgment body (RFC 2328 A.3.6): LSA headers.
 *
 * ```
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         An LSA Header ...                     |
 * ```
 */
export interface LsAckBody {
  readonly kind: 'lsack';
  readonly lsaHeaders: readonly LsaHeader[];
}

export function readLsAck(r: Reader): LsAckBody {
  return { kind: 'lsack', lsaHeaders: readLsaHeaders(r) };
}

export function lsAckLength(b: LsAckBody): number {
  return LSA_HEADER_LENGTH * b.lsaHeaders.length;
}

export function writeLsAck(w: Writer, b: LsAckBody): void {
  for (const h of b.lsaHeaders) writeLsaHeader(w, h);
}
