import type { Reader, Writer } from '@routekit/wire';

/**
 * The LSA header (RFC 2328 A.4.1).
 *
 * ```
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            LS age             |    Options    |    LS type    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Link State ID                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Advertising Router                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     LS sequence number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         LS checksum           |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 *
 * Addresses and IDs are uint32 numbers; the sequence number is signed (0x80000001 is
 * InitialSequenceNumber, i.e. −0x7fffffff).
 */
export interface LsaHeader {
  readonly age: number;
  readonly options: number;
  readonly type: number;
  readonly lsId: number;
  readonly advRouter: number;
  readonly seq: number;
  readonly checksum: number;
  readonly length: number;
}

/** Read a 20-byte LSA header. */
export function readLsaHeader(r: Reader): LsaHeader {
  return {
    age: r.u16('lsa.age'),
    options: r.u8('lsa.options'),
    type: r.u8('lsa.type'),
    lsId: r.u32('lsa.id'),
    advRouter: r.u32('lsa.adv_router'),
    seq: r.i32('lsa.seq'),
    checksum: r.u16('lsa.checksum'),
    length: r.u16('lsa.length'),
  };
}

/** Write a 20-byte LSA header as given (checksum and length included). */
export function writeLsaHeader(w: Writer, h: LsaHeader): void {
  w.u16(h.age).u8(h.options).u8(h.type).u32(h.lsId).u32(h.advRouter).i32(h.seq);
  w.u16(h.checksum).u16(h.length);
}

/** The (type, link-state id, advertising router) key as a string. */
export function lsaKey(h: Pick<LsaHeader, 'type' | 'lsId' | 'advRouter'>): string {
  return `${h.type}:${h.lsId >>> 0}:${h.advRouter >>> 0}`;
}
